"""The score, exactly as MODEL.md section 2, vectorised, plus the slow loop oracle.

``raw_i = sum_k (w_k / W) x_ik`` and
``score_i = clip(350 + 600 raw_i - violation_points * violations_i, 350, 950)``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .accel import use_kernels
from .graph import stable_sort
from .measures.ranks import place_ranks
from .schema import RUBRIC_KEYS

__all__ = [
    "SCORE_MIN",
    "SCORE_MAX",
    "normalised_weights",
    "behaviour_percentile",
    "base_components",
    "KeptComponents",
    "social_component",
    "combine",
    "base_mean",
    "social_component_loop",
]

SCORE_MIN = 350.0
SCORE_MAX = 950.0
SPAN = SCORE_MAX - SCORE_MIN


def normalised_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """``w_k / sum(w)`` for the five rubric keys.

    Examples
    --------
    >>> normalised_weights({"history": 1, "capacity": 1, "identity": 0, "behaviour": 0,
    ...                     "social": 2})["social"]
    0.5
    """
    total = float(sum(weights[k] for k in RUBRIC_KEYS))
    if not total > 0:
        raise ValueError("rubric weights must have a positive sum")
    return {k: float(weights[k]) / total for k in RUBRIC_KEYS}


def behaviour_percentile(consumption: np.ndarray, takes_part: np.ndarray) -> np.ndarray:
    """Mid-rank percentile of spending among those who take part, in (0, 1).

    Ties share their average rank; people who opted out get 0 (replaced later).

    Examples
    --------
    >>> behaviour_percentile(np.array([5.0, 1.0, 3.0, 0.0]),
    ...                      np.array([True, True, True, False])).round(3).tolist()
    [0.833, 0.167, 0.5, 0.0]
    """
    if _fast(consumption):
        return _kernel_percentile(consumption, takes_part, False, 0.0)
    out = np.zeros(consumption.shape[0])
    idx = np.flatnonzero(takes_part)
    if idx.size:
        # Each sorted place's average rank written straight to its person (one
        # scatter, not a rank vector and a second one).
        order, xs = stable_sort(consumption[idx])   # any sorting order gives the same ranks
        ranks = place_ranks(xs)
        ranks -= 0.5
        ranks /= idx.size
        if idx.size == out.size:
            out[order] = ranks
        else:
            # Back to the participants' order first: one random scatter, then a
            # sequential one (not a random gather of idx and a random scatter).
            by_part = np.empty(idx.size)
            by_part[order] = ranks
            out[idx] = by_part
    return out


def base_components(*, missed: np.ndarray, wealth: np.ndarray, stability: np.ndarray,
                    consumption: np.ndarray, opted_out: np.ndarray, optout_value: float,
                    imputation: str = "fixed",
                    fixed: Mapping[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """The four non-social components, imputed for people who opted out.

    ``imputation="mean"``: each component of those who opted out is the mean of that
    component over the people who take part (``optout_value`` if nobody does);
    ``"fixed"``: it is ``optout_value``. ``fixed``: the ``capacity`` and ``identity``
    this function returned before for the same wealth, stability, opt-outs, value and
    imputation (they depend on nothing else), reused rather than recomputed; the caller
    must not change them in place.

    Examples
    --------
    >>> comps = base_components(missed=np.array([0.0, 1.0, 3.0]), wealth=np.full(3, 0.5),
    ...                         stability=np.full(3, 0.5), consumption=np.array([1.0, 2.0, 0.0]),
    ...                         opted_out=np.array([False, False, True]), optout_value=0.0,
    ...                         imputation="mean")
    >>> comps["history"].tolist(), comps["behaviour"].tolist()
    ([1.0, 0.5, 0.75], [0.25, 0.75, 0.5])
    """
    if _fast(missed, consumption):
        return _kernel_components(missed, wealth, stability, consumption, opted_out,
                                  optout_value, imputation, fixed)
    history = 1.0 + missed
    np.divide(1.0, history, out=history)
    comps = {"history": history, "capacity": None, "identity": None,
             "behaviour": behaviour_percentile(consumption, ~opted_out)}
    if fixed is not None:
        comps["capacity"], comps["identity"] = fixed["capacity"], fixed["identity"]
    else:
        comps["capacity"] = wealth.astype(float, copy=True)
        comps["identity"] = stability.astype(float, copy=True)
    if opted_out.any():
        use_mean = imputation == "mean" and not opted_out.all()
        takes_part = ~opted_out
        for k, arr in comps.items():
            if fixed is None or k not in fixed:
                arr[opted_out] = arr[takes_part].mean() if use_mean else optout_value
    return comps


def _fast(*arrays: np.ndarray) -> bool:
    """Whether to use the kernels of models.kernels.people on these per-person arrays:
    a large network, and plain float64 vectors (what the kernels were written for)."""
    return use_kernels(arrays[0].shape[0]) and all(
        isinstance(a, np.ndarray) and a.dtype == np.float64 and a.ndim == 1
        and a.flags.c_contiguous and a.shape == arrays[0].shape for a in arrays)


def _kernel_percentile(consumption: np.ndarray, takes_part: np.ndarray, fill_mean: bool,
                       fill: float) -> np.ndarray:
    """:func:`behaviour_percentile` by the kernels, with those who do not take part
    given ``fill`` (or, with ``fill_mean``, the participants' mean percentile, as
    :func:`base_components` imputes it). The same bits.

    Sorting int64 keys (a value's bits with the low ones replaced by its place) is
    faster than sorting the values with an index; any sorting permutation gives the
    same average ranks, so it need not be stable."""
    from .kernels import people as K

    n = consumption.shape[0]
    idx = np.flatnonzero(takes_part)
    size = idx.size
    part = np.empty(size)
    if size:
        bits = int(size - 1).bit_length()
        packed = K.pack_values(consumption, idx, bits)
        if packed is None:   # negative, -0.0, inf or NaN: numpy's sort of the values
            order, xs = stable_sort(consumption[idx])
            K.rank_places(order, xs, part)
        else:
            packed.sort()
            K.percentile_from_packed(packed, consumption, idx, bits, part)
    if size == n:
        return part
    out = np.empty(n)
    # part holds the participants' percentiles in their order: out[takes_part], whose
    # mean numpy takes in the same order.
    K.spread(part, takes_part, part.mean() if fill_mean else float(fill), out)
    return out


def _kernel_components(missed, wealth, stability, consumption, opted_out, optout_value,
                       imputation, fixed) -> dict[str, np.ndarray]:
    """:func:`base_components` by the kernels: each component and its imputation in
    one pass, means by numpy over the same values in the same order. The same bits."""
    from .kernels import people as K

    some_out = bool(opted_out.any())
    use_mean = some_out and imputation == "mean" and not opted_out.all()
    takes_part = ~opted_out
    history, part = K.reciprocal_history(missed, takes_part, use_mean)
    if some_out:
        K.fill_where(history, opted_out, part.mean() if use_mean else float(optout_value))
    comps = {"history": history, "capacity": None, "identity": None,
             "behaviour": _kernel_percentile(consumption, takes_part, use_mean,
                                             optout_value)}
    if fixed is not None:
        comps["capacity"], comps["identity"] = fixed["capacity"], fixed["identity"]
        return comps
    for k, source in (("capacity", wealth), ("identity", stability)):
        arr = comps[k] = source.astype(float, copy=True)
        if some_out:
            K.fill_where(arr, opted_out,
                         arr[takes_part].mean() if use_mean else float(optout_value))
    return comps


class KeptComponents:
    """:func:`base_components` that keeps ``capacity`` and ``identity`` between calls.

    They depend only on wealth and stability (fixed for a population: make a new
    object for a new one), the opt-outs and the imputation, so they are recomputed only
    when the opt-outs or the imputation change. The arrays handed out are shared
    between calls and must not be written to.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._opted_out: np.ndarray | None = None
        self._fixed: dict[str, np.ndarray] | None = None

    def __call__(self, *, opted_out: np.ndarray, optout_value: float, imputation: str,
                 **data: np.ndarray) -> dict[str, np.ndarray]:
        key = (optout_value, imputation)
        fresh = self._fixed is None or key != self._key or not np.array_equal(
            self._opted_out, opted_out)
        comps = base_components(opted_out=opted_out, optout_value=optout_value,
                                imputation=imputation, fixed=None if fresh else self._fixed,
                                **data)
        if fresh:
            self._key, self._opted_out = key, opted_out.copy()
            self._fixed = {k: comps[k] for k in ("capacity", "identity")}
        return comps


def social_component(adj, degree: np.ndarray, prev_scores: np.ndarray,
                     isolation_value: float) -> np.ndarray:
    """Mean over friends of ``(score_j - 350) / 600``; ``isolation_value`` when friendless.

    ``adj`` is the 0/1 symmetric adjacency of everyone who counts as a friend
    (friendship plus current dating ties): a scipy sparse matrix or anything with
    ``adj @ x``; ``degree`` is its row sums.
    """
    if _fast(prev_scores) and (parts := _kernel_social(adj, degree, prev_scores,
                                                        isolation_value)) is not None:
        return parts
    s = (prev_scores - SCORE_MIN) / SPAN
    total = adj @ s
    out = np.full(s.shape[0], float(isolation_value))
    has = degree > 0
    np.divide(total, degree, out=out, where=has)
    return out


def _kernel_social(adj, degree, prev_scores, isolation_value) -> np.ndarray | None:
    """:func:`social_component` on an :class:`~models.adjacency.Adjacency` (or one plus
    extra edges) in kernels: both triangles' mat-vecs in one pass over the lower one
    (the bits of scipy's, models/kernels/triangles.py), added as ``Adjacency.matvec``
    adds them, the extra edges as ``adj @ s`` adds them, then the division; None for
    any other matrix."""
    from .adjacency import Adjacency, _PlusEdges
    from .kernels import people as K
    from .kernels.triangles import triangle_sums

    base = adj.base if isinstance(adj, _PlusEdges) else adj
    if not isinstance(base, Adjacency) or degree.dtype.kind not in "iu":
        return None
    s = K.scaled(prev_scores, SCORE_MIN, SPAN)
    low = base.lower
    total, lower = triangle_sums(low.indptr, low.indices, s)   # base.upper @ s, .lower @ s
    total += lower
    if isinstance(adj, _PlusEdges):
        adj.add_extra(total, s)
    return K.social_from_sums(total, degree, float(isolation_value))


def base_mean(comps: Mapping[str, np.ndarray], wn: Mapping[str, float]) -> np.ndarray:
    """``b``: the weighted mean of the four non-social components (0.5 if they weigh 0)."""
    w_other = sum(wn[k] for k in RUBRIC_KEYS if k != "social")
    n = next(iter(comps.values())).shape[0]
    if w_other <= 0:
        return np.full(n, 0.5)
    b = np.zeros(n)
    for k in RUBRIC_KEYS:
        if k != "social":
            b += (wn[k] / w_other) * comps[k]
    return b


def combine(comps: Mapping[str, np.ndarray], wn: Mapping[str, float], violations: np.ndarray,
            violation_points: float) -> np.ndarray:
    """Scores from all five components and normalised weights (MODEL.md section 2).

    Examples
    --------
    >>> one = {k: np.array([1.0]) for k in RUBRIC_KEYS}
    >>> wn = normalised_weights(dict.fromkeys(RUBRIC_KEYS, 1.0))
    >>> combine(one, wn, np.array([2.0]), 10.0).tolist()
    [930.0]
    """
    arrays = [comps[k] for k in RUBRIC_KEYS]
    if _fast(next(iter(comps.values())), *arrays, violations):
        from .kernels.people import combine5

        return combine5(*arrays, *(wn[k] for k in RUBRIC_KEYS), violations,
                        float(violation_points), SCORE_MIN, SCORE_MAX, SPAN)
    raw = np.zeros(next(iter(comps.values())).shape[0])
    tmp = np.empty_like(raw)

    def times(a, w) -> np.ndarray:
        # w * a into one scratch array where that gives the same bits (float64 arrays).
        if isinstance(a, np.ndarray) and a.dtype == np.float64 and a.shape == raw.shape:
            return np.multiply(a, w, out=tmp)
        return w * a

    for k in RUBRIC_KEYS:
        raw += times(comps[k], wn[k])
    raw *= SPAN
    raw += SCORE_MIN
    if violation_points:
        raw -= times(violations, violation_points)
    return np.clip(raw, SCORE_MIN, SCORE_MAX, out=raw)


def social_component_loop(graph, prev_scores, isolation_value: float) -> np.ndarray:
    """The obvious version of :func:`social_component`: a loop over networkx neighbours.

    Kept as the test oracle and for the benchmark's comparison. ``graph`` is a networkx
    graph on nodes ``0..n-1``.
    """
    out = np.empty(len(prev_scores))
    for i in range(len(prev_scores)):
        friends = list(graph.neighbors(i))
        if friends:
            out[i] = sum((prev_scores[j] - SCORE_MIN) / SPAN for j in friends) / len(friends)
        else:
            out[i] = isolation_value
    return out
