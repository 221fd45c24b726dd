"""Opting out as a choice: people compare the score they would have in and out.

Each month a share of people reconsider; they switch when the other side pays by more
than a margin (MODEL.md section 5). Under a neutral imputation the people whose own data
is below the participants' mean leave, which raises that mean and may make more leave
(adverse selection, Akerlof 1970); under a punitive one everyone stays.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .score import behaviour_percentile, combine

__all__ = ["joining_percentile", "switch_choices"]


def joining_percentile(consumption: np.ndarray, takes_part: np.ndarray) -> np.ndarray:
    """The behaviour percentile each person would have among the participants.

    Participants get their own mid-rank percentile; someone outside gets the one they
    would have if they joined: ``(L + E / 2 + 0.5) / (n_p + 1)`` with ``L`` participants
    spending less and ``E`` the same.

    Examples
    --------
    >>> joining_percentile(np.array([1.0, 3.0, 2.0]), np.array([True, True, False])).tolist()
    [0.25, 0.75, 0.5]
    """
    out = behaviour_percentile(consumption, takes_part)
    part = np.sort(consumption[takes_part])
    away = ~takes_part
    c = consumption[away]
    less = np.searchsorted(part, c, side="left")
    equal = np.searchsorted(part, c, side="right") - less
    out[away] = (less + equal / 2.0 + 0.5) / (part.size + 1)
    return out


def switch_choices(*, reviewing: np.ndarray, opted_out: np.ndarray, missed: np.ndarray,
                   wealth: np.ndarray, stability: np.ndarray, potential_spend: np.ndarray,
                   social: np.ndarray, violations: np.ndarray, wn: Mapping[str, float],
                   violation_points: float, imputation: str, optout_value: float,
                   margin: float) -> np.ndarray:
    """Who is opted out after this month's reconsideration.

    Every reviewing person's score in (their own data, spending ranked among the
    participants) and out (the imputed data) are computed with the same ``social`` term
    and violations; they switch to the other side when it is more than ``margin`` points
    higher. Imputed means are over this month's participants, before anyone switches.
    """
    takes_part = ~opted_out
    own = {"history": 1.0 / (1.0 + missed), "capacity": wealth.astype(float),
           "identity": stability.astype(float),
           "behaviour": joining_percentile(potential_spend, takes_part)}
    n = opted_out.size
    if imputation == "mean" and takes_part.any():
        # The same values base_components gives those who opted out this month.
        away = {k: np.full(n, v[takes_part].mean()) for k, v in own.items()}
    else:
        away = {k: np.full(n, float(optout_value)) for k in own}
    own["social"] = away["social"] = social
    score_in = combine(own, wn, violations, violation_points)
    score_out = combine(away, wn, violations, violation_points)
    leave = reviewing & takes_part & (score_out - score_in > margin)
    join = reviewing & opted_out & (score_in - score_out > margin)
    return (opted_out | leave) & ~join
