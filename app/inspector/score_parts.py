"""How a score splits into points: what each rubric component adds above the floor, and
what violations take away, computed with the model's own ``combine`` (MODEL.md section 2).

Nothing of the formula is retyped here: each part is ``combine`` of that one component
alone, the penalty is what ``combine`` takes away for the person's violations (which the
frame carries), and the score it gives back is the frame's score, bit for bit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from models.schema import RUBRIC_KEYS
from models.score import SCORE_MAX, SCORE_MIN, SPAN, combine

if TYPE_CHECKING:
    from app.process.frame import Frame

__all__ = ["contribution_points", "violation_penalty", "score_parts", "SCORE_MIN",
           "SCORE_MAX", "SPAN"]

_NONE = np.zeros(1)


def _one(components: Mapping[str, np.ndarray], index: int) -> dict[str, np.ndarray]:
    return {k: np.array([float(components[k][index])]) for k in RUBRIC_KEYS}


def contribution_points(components: Mapping[str, np.ndarray], weights: Mapping[str, float],
                        index: int) -> dict[str, float]:
    """Points above the floor each rubric component gives person ``index``.

    ``weights`` are normalised (sum 1), as in ``Frame.weights``. Each part is the
    model's score of that component alone, less the floor, so the parts add up to
    ``score - SCORE_MIN`` when there is no violation penalty and no clipping.

    Examples
    --------
    >>> comps = {k: np.array([0.5]) for k in RUBRIC_KEYS}
    >>> w = dict.fromkeys(RUBRIC_KEYS, 0.2)
    >>> round(sum(contribution_points(comps, w, 0).values()), 6)
    300.0
    """
    one = _one(components, index)
    out = {}
    for k in RUBRIC_KEYS:
        alone = {j: (one[j] if j == k else _NONE) for j in RUBRIC_KEYS}
        out[k] = float(combine(alone, weights, _NONE, 0.0)[0]) - SCORE_MIN
    return out


def violation_penalty(points: Mapping[str, float], score: float) -> tuple[float, bool]:
    """Points lost to violations, inferred as ``SCORE_MIN + sum(points) - score``, for a
    score whose violations are not known (:func:`score_parts` knows them).

    Returns ``(penalty, at_least)``: when the score sits at the floor the clip may
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


def score_parts(frame: Frame, index: int) -> tuple[dict[str, float], float, bool]:
    """``(points, penalty, at_floor)`` for person ``index`` of ``frame``.

    ``points`` as :func:`contribution_points`; ``penalty`` the points the model's
    ``combine`` takes away for the person's violations (the frame's ``violations`` and
    its scenario's ``rubric.violation_points``); ``at_floor`` is True when the score sits
    at the floor with a penalty, so the violations may have cost more than it shows.
    """
    one = _one(frame.components, index)
    v = np.array([float(frame.violations[index])])
    without = float(combine(one, frame.weights, v, 0.0)[0])
    score = float(combine(one, frame.weights, v,
                          float(frame.scenario["rubric.violation_points"]))[0])
    penalty = without - score
    return contribution_points(frame.components, frame.weights, index), penalty, \
        bool(penalty > 0 and score <= SCORE_MIN)
