"""Who gets what: score mixing across ties, and gaps between fifths, groups and others.

Conventions of :mod:`models.measures`: an undefined measure is ``nan`` without a
warning; only misuse raises ``ValueError``.
"""

from __future__ import annotations

import numpy as np

from ..accel import use_kernels
from ._arrays import NAN, _dense_codes, _dot, _edges, _group_totals
from .distribution import fifth_indices

__all__ = ["edge_correlation", "ends_correlation", "triangle_correlation", "degree_gap", "match_gap", "group_gap", "optout_gap",
           "group_restricted_gap", "group_gaps", "victim_gap", "aim_up"]

#: Desirability is measured from the bottom of the score range.
SCORE_FLOOR = 350.0


def edge_correlation(values, edges) -> float:
    """Newman's numeric assortativity: Pearson correlation of values across edges.

    Each undirected edge is counted in both directions, so the result is symmetric and
    equals ``networkx.numeric_assortativity_coefficient``.

    Parameters
    ----------
    values : array_like, shape (n,)
        One value per node.
    edges : array_like, shape (m, 2)
        Undirected edges (orientation and order do not matter).

    Returns
    -------
    float
        In ``[-1, 1]``; nan when there are no edges or the values at the ends of the
        edges are all equal.

    Examples
    --------
    >>> path = [[0, 1], [1, 2], [2, 3]]
    >>> round(edge_correlation([1.0, 2.0, 3.0, 4.0], path), 6)
    0.5
    >>> edge_correlation([1.0, 2.0, 3.0, 4.0], np.empty((0, 2)))
    nan
    """
    e = _edges(edges)
    return ends_correlation(values, e[:, 0], e[:, 1])


def ends_correlation(values, u: np.ndarray, v: np.ndarray, rows=None) -> float:
    """:func:`edge_correlation` of the edges ``(u[i], v[i])``, given as two index arrays
    (e.g. ``EdgeSet.ends()``, int32), the same float.

    ``rows`` instead of ``u`` (pass ``u=None``): the edges are the rows of a CSR
    triangle, ``u`` being node ``i`` repeated ``rows[i]`` times (``v`` its column
    indices); a repeat then replaces the first gather.
    """
    x = np.asarray(values, dtype=np.float64)
    if rows is not None:
        rows = np.asarray(rows)
        if v.size == 0:
            return NAN
        first = int(np.argmax(rows > 0))    # the first edge's first end
        y = x - x[first]
        return _centred_correlation(np.repeat(y, rows), y[v])
    if u.size == 0:
        return NAN
    ref = x[u[0]]  # see _centred: makes "all equal" an exact zero
    if u.size >= x.size:
        # Subtracting before the gathers gives the same floats in half the passes.
        y = x - ref
        a = y[u]
        b = y[v]
    else:
        a = x[u]
        b = x[v]
        a -= ref
        b -= ref
    return _centred_correlation(a, b)


def triangle_correlation(values, upper, degree) -> float:
    """:func:`edge_correlation` of the ties of a CSR triangle ``upper`` (scipy, 0/1
    data; the upper or the lower one, each holds every tie once; ``degree``: every
    node's ties in both triangles), from sums over people and one mat-vec instead of a
    pass over every tie's two ends. The simulation passes the lower triangle: its rows
    gather from the few hubs of low index, twice as fast as the upper's at 100,000 people.

    Counting each tie both ways, the ends' values sum to ``degree @ y``, their squares
    to ``degree @ y**2`` and the products across ties to ``2 y @ (upper @ y)``. Centred
    first (``y`` the values less the ends' mean, itself measured from one end's value so
    that "all equal" is an exact zero), these sums are as accurate as those over the
    ends; the float may differ from :func:`ends_correlation`'s in the last bits.
    """
    x = np.asarray(values, dtype=np.float64)
    deg = np.asarray(degree)
    m = int(upper.indices.size)
    if m == 0:
        return NAN
    y = x - x[int(np.argmax(deg > 0))]
    y -= _dot(deg, y) / (2 * m)
    den = _dot(deg * y, y)
    if den == 0:
        return NAN
    return float(np.clip(2.0 * _dot(y, upper @ y) / den, -1.0, 1.0))


def _centred_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """The correlation of ``edge_correlation`` from the two ends' values less the first
    one's (changed in place)."""
    mu = (a.sum() + b.sum()) / (2 * a.size)
    a -= mu
    b -= mu
    den = _dot(a, a) + _dot(b, b)
    if den == 0:
        return NAN
    return float(np.clip(2.0 * _dot(a, b) / den, -1.0, 1.0))


def _mean_of(d: np.ndarray, idx: np.ndarray) -> float:
    """``d[idx].mean()`` as float64; for integers the exact sum over the count (what the
    float mean of integers below 2**53 rounds to)."""
    d = np.asarray(d)
    if d.dtype.kind in "iu":
        return int(d[idx].sum()) / idx.size
    return float(d[idx].astype(np.float64, copy=False).mean())


def degree_gap(scores, deg, quintiles=None) -> float:
    """Mean degree of the top score quintile over that of the bottom quintile.

    Quintiles as in :func:`quintile_masks` (``quintiles``: its answer for ``scores``,
    masks or sorted index arrays, when the caller has it already). nan when the bottom
    mean is 0 or there is nobody.

    Examples
    --------
    >>> degree_gap([1, 2, 3, 4, 5], [1, 0, 0, 0, 4])
    4.0
    """
    top, bottom = fifth_indices(quintiles, scores)
    if bottom.size == 0:
        return NAN
    low = _mean_of(deg, bottom)
    return float(_mean_of(deg, top) / low) if low != 0 else NAN


def match_gap(scores, uses, matches, quintiles=None) -> float:
    """Dating-match rate of the top score quintile over that of the bottom quintile.

    The rate of a quintile is ``sum(matches) / sum(uses)`` over its people (a pooled rate,
    so heavy users weigh more); ``uses`` and ``matches`` may be fractional (smoothed)
    counts. Quintiles as in :func:`quintile_masks` (``quintiles``: its answer, masks or
    sorted index arrays, if known).

    Returns
    -------
    float
        nan when either quintile has no uses or the bottom rate is 0.

    Examples
    --------
    >>> match_gap([1, 2, 3, 4, 5], [2, 1, 1, 1, 4], [1, 0, 0, 0, 4])
    2.0
    """
    top, bottom = fifth_indices(quintiles, scores)
    u = np.asarray(uses, dtype=np.float64)
    w = np.asarray(matches, dtype=np.float64)
    u_top, u_bottom = u[top].sum(), u[bottom].sum()
    if u_top <= 0 or u_bottom <= 0:
        return NAN
    low = w[bottom].sum() / u_bottom
    return float(w[top].sum() / u_top / low) if low != 0 else NAN


def group_gap(scores, group_codes) -> float:
    """Mean score of the best-off group minus that of the worst-off group.

    Only groups with at least one member count; 0.0 with a single group, nan with
    nobody.

    Examples
    --------
    >>> group_gap([500.0, 600.0, 700.0, 900.0], [0, 0, 1, 1])
    250.0
    >>> group_gap([500.0, 600.0], [3, 3])
    0.0
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    if s.size == 0:
        return NAN
    codes = _dense_codes(group_codes)
    counts = np.bincount(codes)
    used = counts > 0
    means = np.bincount(codes, weights=s)[used] / counts[used]
    return float(means.max() - means.min())


def optout_gap(deg, opted_out) -> float:
    """Mean degree of participants minus mean degree of those who opted out.

    nan when nobody or everybody opted out.

    Examples
    --------
    >>> optout_gap([4, 2, 1, 0], [False, False, True, True])
    2.5
    """
    out = np.asarray(opted_out, dtype=bool).ravel()
    d = np.asarray(deg).ravel()
    if d.shape != out.shape:
        raise ValueError(f"optout_gap needs two vectors of one length, got {d.size} and "
                         f"{out.size}")
    k = np.count_nonzero(out)
    if k == 0 or k == out.size:
        return NAN
    if d.dtype.kind in "iu":
        # Integer degrees: exact sums over the counts, the floats the two means round to.
        if use_kernels(d.size):
            from ..kernels.metrics import masked_sums

            s_out, s_all = masked_sums(d.astype(np.int64, copy=False), out)
        else:
            s_out, s_all = int(d[out].sum()), int(d.sum())
        return float((s_all - s_out) / (out.size - k) - s_out / k)
    d = d.astype(np.float64, copy=False)
    return float(d[~out].mean() - d[out].mean())


def _group_means(scores: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    counts = np.bincount(codes)
    used = np.flatnonzero(counts > 0)
    return used, np.bincount(codes, weights=scores)[used] / counts[used]


def group_restricted_gap(scores, group_codes, restricted_below: float) -> float:
    """Restricted share of the worst-off group minus that of the best-off group.

    Worst- and best-off are by mean score, as in :func:`group_gap` (the first such group
    when two have the same mean); only groups with a member count. 0.0 with a single
    group, nan with nobody. Negative when the group with the lower mean has fewer people
    below the line (a tighter spread).

    Examples
    --------
    >>> group_restricted_gap([500.0, 600.0, 700.0, 800.0, 540.0, 560.0], [0, 0, 1, 1, 2, 2], 550)
    0.5
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    if s.size == 0:
        return NAN
    codes = _dense_codes(group_codes)
    used, means = _group_means(s, codes)
    below = np.bincount(codes, weights=(s < restricted_below).astype(np.float64))[used]
    share = below / np.bincount(codes)[used]
    return float(share[np.argmin(means)] - share[np.argmax(means)])


def group_gaps(scores, group_codes, restricted_below: float) -> tuple[float, float]:
    """``(group_gap, group_restricted_gap)`` from one pass over the groups, the same
    floats as the two functions.

    Examples
    --------
    >>> group_gaps([500.0, 600.0, 700.0, 800.0, 540.0, 560.0], [0, 0, 1, 1, 2, 2], 550)
    (200.0, 0.5)
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    if s.size == 0:
        return NAN, NAN
    counts, sums, below = _group_totals(_dense_codes(group_codes), s, restricted_below)
    used = np.flatnonzero(counts > 0)
    means = sums[used] / counts[used]
    share = below[used] / counts[used]
    return (float(means.max() - means.min()),
            float(share[np.argmin(means)] - share[np.argmax(means)]))


def victim_gap(scores, ever_scammed) -> float:
    """Mean score of people ever scammed minus that of people never scammed.

    nan when nobody or everybody was scammed.

    Examples
    --------
    >>> victim_gap([500.0, 600.0, 700.0, 900.0], [True, False, True, False])
    -150.0
    """
    s = np.asarray(scores, dtype=np.float64).ravel()
    hit = np.asarray(ever_scammed, dtype=bool).ravel()
    k = np.count_nonzero(hit)
    if k == 0 or k == hit.size:
        return NAN
    if use_kernels(s.size) and s.size == hit.size:
        from ..kernels.metrics import split

        inside, outside = split(s, hit, k)    # s[hit], s[~hit] in one pass
        return float(inside.mean() - outside.mean())
    return float(s[hit].mean() - s[~hit].mean())


def aim_up(liker_scores, liked_scores) -> float:
    """How far up people aim: mean desirability of the liked over that of the likers, - 1.

    Desirability is ``score - 350``; one entry per like. 0.25 means the people liked are
    on average 25% more desirable than those who like them (Bruch and Newman 2018).

    Returns
    -------
    float
        nan without likes or when the likers' mean desirability is 0.

    Examples
    --------
    >>> aim_up([550.0, 550.0], [600.0, 600.0])
    0.25
    """
    a = np.asarray(liker_scores, dtype=np.float64).ravel()
    b = np.asarray(liked_scores, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise ValueError(f"aim_up needs one liked score per liker, got {a.size} and {b.size}")
    if a.size == 0:
        return NAN
    low = a.mean() - SCORE_FLOOR
    if low <= 0:
        return NAN
    return float((b.mean() - SCORE_FLOOR) / low - 1.0)
