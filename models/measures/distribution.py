"""Distributions of scores: summary statistics, inequality, fifths, rank mobility, AUC.

Conventions of :mod:`models.measures`: an undefined measure is ``nan`` without a
warning; only misuse raises ``ValueError``.
"""

from __future__ import annotations

import math

import numpy as np

from ..accel import use_kernels
from ._arrays import NAN, _dot
from .ranks import average_ranks

__all__ = ["gini", "gini_sorted", "summary_stats", "quintile_masks", "quintiles_at", "fifth_indices", "mobility",
           "mobility_of_ranks", "mobility_of_centred", "score_auc", "score_auc_sorted"]


def gini(x) -> float:
    """Gini coefficient of non-negative values.

    ``G = sum_i (2 i - n - 1) x_(i) / (n sum x)`` over the values sorted ascending
    (``i = 1..n``): 0 when everyone has the same, ``(n - 1) / n`` when one person has
    everything.

    Parameters
    ----------
    x : array_like
        Non-negative values (the simulation passes ``score - 350``).

    Returns
    -------
    float
        In ``[0, 1)``; 0.0 when all values are equal (all zeros included), nan when
        ``x`` is empty.

    Raises
    ------
    ValueError
        If a value is negative.

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 4])
    0.75
    """
    return gini_sorted(np.sort(np.asarray(x, dtype=np.float64).ravel()))


def gini_sorted(xs: np.ndarray) -> float:
    """:func:`gini` of values already sorted ascending (float64), the same float."""
    n = xs.size
    if n == 0:
        return NAN
    if xs[0] < 0:
        raise ValueError(f"gini needs non-negative values, got {xs[0]}")
    if xs[0] == xs[-1]:
        return 0.0
    weights = np.arange(1 - n, n, 2, dtype=np.float64)  # 2i - n - 1 for i = 1..n
    return float(max(_dot(weights, xs) / (n * xs.sum()), 0.0))


def summary_stats(scores) -> tuple[float, float]:
    """Mean and median; ``(nan, nan)`` when empty.

    Examples
    --------
    >>> summary_stats([350.0, 500.0, 950.0])
    (600.0, 500.0)
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    if s.size == 0:
        return NAN, NAN
    return float(s.mean()), float(np.median(s))


def quintile_masks(values) -> tuple[np.ndarray, np.ndarray]:
    """Top and bottom fifth of people by value.

    People are ranked by value with ties broken by index, as a stable ascending sort
    (``np.argsort(values, kind="stable")``) would: the bottom fifth is the first
    ``k = max(1, n // 5)`` people of that order, the top fifth the last ``k``. So among
    people tied at a boundary, the lower indices go to the bottom fifth and the higher
    indices to the top fifth. Computed in linear time with ``np.partition``.

    Parameters
    ----------
    values : array_like, shape (n,)
        Finite values (no nan).

    Returns
    -------
    top, bottom : numpy.ndarray of bool, shape (n,)
        Each with exactly ``k`` True entries (none when ``n == 0``). With fewer than 10
        people the two may overlap (one person when ``n == 1``).

    Examples
    --------
    >>> top, bottom = quintile_masks([5, 1, 4, 2, 3, 9, 0, 7, 6, 8])
    >>> np.flatnonzero(top).tolist(), np.flatnonzero(bottom).tolist()
    ([5, 9], [1, 6])
    >>> top, bottom = quintile_masks([1, 1, 1, 1, 1])
    >>> np.flatnonzero(top).tolist(), np.flatnonzero(bottom).tolist()
    ([4], [0])
    """
    v = np.asarray(values).ravel()
    n = v.size
    top = np.zeros(n, dtype=bool)
    bottom = np.zeros(n, dtype=bool)
    if n == 0:
        return top, bottom
    k = max(1, n // 5)
    # Two single-index partitions take the SIMD path; one call with both is 5x slower.
    low = np.partition(v, k - 1)[k - 1]
    high = np.partition(v, n - k)[n - k]
    return quintiles_at(v, low, high)


def quintiles_at(v: np.ndarray, low, high) -> tuple[np.ndarray, np.ndarray]:
    """:func:`quintile_masks` of a non-empty ``v`` given the ``k``-th smallest value
    ``low`` and the ``k``-th largest ``high`` (``k = max(1, n // 5)``), e.g. read off a
    sorted copy."""
    n = v.size
    k = max(1, n // 5)
    top = np.zeros(n, dtype=bool)
    bottom = np.zeros(n, dtype=bool)
    np.less(v, low, out=bottom)
    ties = np.flatnonzero(v == low)
    bottom[ties[: k - np.count_nonzero(bottom)]] = True
    np.greater(v, high, out=top)
    ties = np.flatnonzero(v == high)
    top[ties[ties.size - (k - np.count_nonzero(top)):]] = True
    return top, bottom


def fifth_indices(quintiles, scores) -> tuple[np.ndarray, np.ndarray]:
    """The top and bottom fifth as sorted index arrays: ``quintiles`` as
    :func:`quintile_masks` gives them (masks) or as index arrays, or None to rank
    ``scores``.

    Gathering a fifth's indices beats a boolean mask over everyone and keeps the index
    order, so sums and means over a fifth are the same floats either way.
    """
    top, bottom = quintiles if quintiles is not None else quintile_masks(scores)
    top, bottom = np.asarray(top), np.asarray(bottom)
    return (np.flatnonzero(top) if top.dtype == bool else top,
            np.flatnonzero(bottom) if bottom.dtype == bool else bottom)


def mobility(now, before) -> float:
    """One minus the Spearman rank correlation of two score vectors.

    Ranks are average ranks for ties (as ``scipy.stats.spearmanr``). 0 means no rank
    moved, 1 no relation, 2 a complete reversal.

    Parameters
    ----------
    now, before : array_like, shape (n,)
        Scores of the same people at two times.

    Returns
    -------
    float
        In ``[0, 2]``; exactly 0.0 when the ranks are identical (equal vectors, any
        order-preserving change, or both constant); nan when one vector is constant and
        the other not, or there is nobody.

    Examples
    --------
    >>> mobility([1.0, 2.0, 3.0], [10.0, 20.0, 30.0])
    0.0
    >>> mobility([3.0, 2.0, 1.0], [1.0, 2.0, 3.0])
    2.0
    """
    a = np.asarray(now, dtype=np.float64).ravel()
    b = np.asarray(before, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise ValueError(f"mobility needs two vectors of one length, got {a.size} and {b.size}")
    if a.size == 0:
        return NAN
    if np.array_equal(a, b):
        return 0.0
    return mobility_of_ranks(average_ranks(a), average_ranks(b))


def mobility_of_ranks(ra: np.ndarray, rb: np.ndarray) -> float:
    """:func:`mobility` of two different, non-empty score vectors of one length, from
    their average ranks (:func:`~models.measures.ranks.average_ranks`), the same float."""
    if np.array_equal(ra, rb):
        return 0.0
    centre = (ra.size + 1) / 2.0  # the mean of any average-rank vector
    return mobility_of_centred(ra - centre, rb - centre)


def mobility_of_centred(ra: np.ndarray, rb: np.ndarray) -> float:
    """:func:`mobility_of_ranks` of two different average-rank vectors less their mean
    ``(n + 1) / 2`` (exact: ranks are halves), the same float."""
    den = math.sqrt(_dot(ra, ra) * _dot(rb, rb))
    if den == 0:
        return NAN
    return float(np.clip(1.0 - _dot(ra, rb) / den, 0.0, 2.0))


def score_auc(scores, missed) -> float:
    """How well a score predicts a missed payment: the AUC of the score for paying.

    The probability that a random person who paid scores above a random person who
    missed (ties count half): the Mann-Whitney statistic over ``n_paid * n_missed``,
    from average ranks. 0.5 is no better than chance, 1 a perfect ranking.

    Parameters
    ----------
    scores : array_like, shape (n,)
        Scores of the people considered (the simulation passes last month's scores of
        the participants).
    missed : array_like of bool, shape (n,)
        Whether each of them missed a payment (this month).

    Returns
    -------
    float
        In ``[0, 1]``; nan when nobody or everybody missed.

    Examples
    --------
    >>> score_auc([700.0, 600.0, 500.0, 400.0], [False, False, True, True])
    1.0
    >>> score_auc([700.0, 600.0, 600.0, 400.0], [False, True, False, True])
    0.875
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    bad = np.asarray(missed, dtype=bool).ravel()
    if s.shape != bad.shape:
        raise ValueError(f"score_auc needs two vectors of one length, got {s.size} and {bad.size}")
    n_bad = int(np.count_nonzero(bad))
    n_good = s.size - n_bad
    if n_bad == 0 or n_good == 0:
        return NAN
    return _auc_of_sorted(np.sort(s[~bad]), np.sort(s[bad]))


def score_auc_sorted(scores: np.ndarray, missed: np.ndarray, among: np.ndarray,
                     order: np.ndarray) -> float | None:
    """:func:`score_auc` of ``scores[among]`` and ``missed[among]`` (``among`` a mask),
    the same float, from ``order``, a sorting of all the scores kept from when they were
    sorted (e.g. by the last step's metrics); None when it does not sort those of
    ``among`` (checked: no sort is made).
    """
    if use_kernels(scores.size):
        from ..kernels.metrics import auc_counts

        n_good, n_bad, twice_below = auc_counts(scores, missed, among, order)
        if n_good < 0:
            return None
        if n_bad == 0 or n_good == 0:
            return NAN
        return _auc_of_counts(n_good, n_bad, twice_below)
    order = order[among[order]]
    xs = scores[order]
    if not np.all(xs[1:] >= xs[:-1]):
        return None
    bad = missed[order]
    return _auc_of_sorted(xs[~bad], xs[bad])


def _auc_of_sorted(good: np.ndarray, low: np.ndarray) -> float:
    """:func:`score_auc` from the ascending scores of those who paid and who missed."""
    n_good, n_bad = good.size, low.size
    if n_bad == 0 or n_good == 0:
        return NAN
    # The Mann-Whitney U counts the (paid, missed) pairs where the one who paid scores
    # higher, ties half: from the two sorted groups, with no ranking of everyone (the
    # rank-sum form, sum of the payers' average ranks - n_good (n_good + 1) / 2, is the
    # same number: sums of halves, exact in float64). Integer counts, so any sorting of
    # the two groups gives the same float.
    below = np.searchsorted(good, low, side="left")
    above = np.searchsorted(good, low, side="right")
    return _auc_of_counts(n_good, n_bad, int(above.sum()) + int(below.sum()))


def _auc_of_counts(n_good: int, n_bad: int, twice_below: int) -> float:
    """The AUC from the two group sizes and, summed over those who missed, twice the
    payers scoring below them plus those tied (``above + below`` of the search)."""
    # Twice U: for each who missed, 2 per payer above and 1 per payer tied.
    twice = 2 * n_good * n_bad - int(twice_below)
    return float((twice / 2.0) / (n_good * n_bad))
