"""How a score splits into points: what each rubric component adds above 350, and what
violations take away (MODEL.md section 2).

Each part is ``weight share x component x 600``, so the parts add up to ``score - 350``
when there is no violation penalty and the score is not clipped at the 350 floor.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from models.schema import RUBRIC_KEYS

__all__ = ["contribution_points", "violation_penalty", "SCORE_MIN", "SCORE_MAX", "SPAN"]

SCORE_MIN, SCORE_MAX, SPAN = 350.0, 950.0, 600.0


def contribution_points(components: Mapping[str, np.ndarray], weights: Mapping[str, float],
                        index: int) -> dict[str, float]:
    """Points above 350 each rubric component gives person ``index``.

    ``weights`` are normalised (sum 1), as in ``Frame.weights``; each part is
    ``weight x component x 600``, so the parts add up to ``score - 350`` when there is no
    violation penalty and the score is not clipped.

    Examples
    --------
    >>> comps = {k: np.array([0.5]) for k in RUBRIC_KEYS}
    >>> w = dict.fromkeys(RUBRIC_KEYS, 0.2)
    >>> round(sum(contribution_points(comps, w, 0).values()), 6)
    300.0
    """
    return {k: float(weights[k]) * float(components[k][index]) * SPAN for k in RUBRIC_KEYS}


def violation_penalty(points: Mapping[str, float], score: float) -> tuple[float, bool]:
    """Points lost to violations, inferred as ``350 + sum(points) - score``.

    Returns ``(penalty, at_least)``: when the score sits at the 350 floor the clip may
    hide part of the penalty, so it is a lower bound (``at_least`` is True). Rounding
    noise below 0.05 points counts as no penalty.

    Examples
    --------
    >>> violation_penalty({"history": 300.0}, 630.0)
    (20.0, False)
    >>> violation_penalty({"history": 10.0}, 350.0)
    (10.0, True)
    """
    penalty = SCORE_MIN + sum(points.values()) - float(score)
    if penalty < 0.05:
        return 0.0, False
    return penalty, float(score) <= SCORE_MIN + 1e-9
