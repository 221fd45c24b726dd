"""The measures of MODEL.md section 6, as pure functions of numpy arrays.

Graphs are given as ``n`` and an ``(m, 2)`` int64 edge array over ``0..n-1`` (the
canonical arrays of :mod:`models.graph`: ``u < v``, unique, sorted). Nothing here knows
about the simulation: each function takes arrays and returns a float or an array.

Conventions: an undefined measure (no edges, no variance, an empty group, a zero
denominator) is ``nan``, without a warning; only misuse (negative values for
:func:`gini`, vectors of different lengths) raises ``ValueError``. Values must be finite.
Everything but :func:`louvain` is vectorised and linear or ``n log n``; together they
take about 0.25 s at 1,000,000 people and 5,000,000 ties (``benchmarks/bench_metrics.py``).
"""

from __future__ import annotations

import math
import random

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

__all__ = [
    "gini",
    "edge_correlation",
    "louvain",
    "modularity",
    "between_share",
    "degrees",
    "isolated_share",
    "giant_share",
    "quintile_masks",
    "degree_gap",
    "match_gap",
    "group_gap",
    "optout_gap",
    "mobility",
    "summary_stats",
]

NAN = math.nan


def _edges(edges) -> np.ndarray:
    return np.asarray(edges, dtype=np.int64).reshape(-1, 2)


def _dense_codes(codes) -> np.ndarray:
    """Labels usable by ``np.bincount``: small non-negative ints as they are, else ranks."""
    codes = np.asarray(codes).ravel()
    if codes.dtype.kind in "biu" and codes.size:
        lo, hi = codes.min(), codes.max()
        if lo >= 0 and hi <= 4 * codes.size:
            return codes.astype(np.intp, copy=False)
    return np.unique(codes, return_inverse=True)[1].ravel()


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    # einsum stays on one thread: a threaded BLAS dot was 2-4x slower on a busy 2-core box.
    return float(np.einsum("i,i->", a, b))


def _centred(x: np.ndarray) -> np.ndarray:
    # Shifting by x[0] first makes a constant input exactly zero, so "no variance" is an
    # exact test rather than a rounding residue of the mean.
    x = np.asarray(x, dtype=np.float64)
    y = x - x[0]
    y -= y.mean()
    return y


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
    xs = np.sort(np.asarray(x, dtype=np.float64).ravel())
    n = xs.size
    if n == 0:
        return NAN
    if xs[0] < 0:
        raise ValueError(f"gini needs non-negative values, got {xs[0]}")
    if xs[0] == xs[-1]:
        return 0.0
    weights = np.arange(1 - n, n, 2, dtype=np.float64)  # 2i - n - 1 for i = 1..n
    return float(max(_dot(weights, xs) / (n * xs.sum()), 0.0))


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
    if e.shape[0] == 0:
        return NAN
    v = np.asarray(values, dtype=np.float64)
    a = v[e[:, 0]]
    b = v[e[:, 1]]
    ref = a[0]  # see _centred: makes "all equal" an exact zero
    a -= ref
    b -= ref
    mu = (a.sum() + b.sum()) / (2 * a.size)
    a -= mu
    b -= mu
    den = _dot(a, a) + _dot(b, b)
    if den == 0:
        return NAN
    return float(np.clip(2.0 * _dot(a, b) / den, -1.0, 1.0))


def _first_appearance(labels: np.ndarray) -> np.ndarray:
    """Relabel so that communities are numbered in order of their lowest node."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(first.size, dtype=np.int64)
    rank[np.argsort(first)] = np.arange(first.size)
    return rank[inverse.ravel()]


def louvain(n: int, edges, seed: int = 0, method: str = "louvain") -> np.ndarray:
    """Louvain communities (igraph's ``community_multilevel``), reproducibly.

    ``method="leiden"`` uses igraph's Leiden algorithm with the modularity objective
    instead (Traag et al. 2019, a refinement of Louvain): 10-20x faster on large graphs
    without clear communities (1.4 s against 25 s on a 100,000-person Barabasi-Albert
    graph here) and at least as good a modularity.

    igraph draws from one process-wide random generator; it is set to
    ``random.Random(seed)`` for the call and given back to the ``random`` module (igraph's
    default) afterwards, even on error. So this is not safe to run concurrently with
    other igraph randomness in another thread.

    Parameters
    ----------
    n : int
        Number of nodes.
    edges : array_like, shape (m, 2)
        Undirected edges without duplicates.
    seed : int, default 0
        Seed for igraph's node order.
    method : {"louvain", "leiden"}
        The community detection algorithm.

    Notes
    -----
    The cost depends on the graph: fast with clear communities, but on a graph without
    them (Erdos-Renyi, Barabasi-Albert) igraph's Louvain grows faster than linearly:
    on Barabasi-Albert graphs of mean degree 10 it took 0.5 s at 10,000 people, 5-7 s at
    40,000 and 26-150 s at 100,000 here, against 40 ms for ego-Facebook (4,039). Run it
    every few steps, not every step.

    Returns
    -------
    numpy.ndarray of int64, shape (n,)
        Community labels ``0..k-1`` numbered in order of first appearance by node index
        (node 0 is in community 0), so equal partitions give equal arrays. Isolated
        nodes are each alone; with no edges every node is alone.

    Examples
    --------
    >>> two_triangles = [[0, 1], [0, 2], [1, 2], [3, 4], [3, 5], [4, 5], [2, 3]]
    >>> louvain(7, two_triangles).tolist()
    [0, 0, 0, 1, 1, 1, 2]
    """
    import igraph  # lazy: only this function needs it

    e = _edges(edges)
    if e.shape[0] == 0:
        return np.arange(n, dtype=np.int64)
    # igraph reads a list of int tuples ~3x faster than a numpy array.
    graph = igraph.Graph(n=n, edges=list(zip(e[:, 0].tolist(), e[:, 1].tolist())))
    igraph.set_random_number_generator(random.Random(seed))
    try:
        if method == "leiden":
            found = graph.community_leiden(objective_function="modularity", n_iterations=2)
        elif method == "louvain":
            found = graph.community_multilevel()
        else:
            raise ValueError(f"unknown community method {method!r}")
        membership = found.membership
    finally:
        igraph.set_random_number_generator(random)
    return _first_appearance(np.asarray(membership, dtype=np.int64))


def modularity(n: int, edges, labels) -> float:
    """Newman modularity of a partition: ``Q = sum_c [L_c / m - (d_c / 2m)^2]``.

    ``L_c`` is the number of edges inside community ``c`` and ``d_c`` the sum of the
    degrees of its nodes. Equals ``networkx.community.modularity`` (resolution 1).

    Parameters
    ----------
    n : int
        Number of nodes; ``labels`` must have one entry per node.
    edges : array_like, shape (m, 2)
        Undirected edges without duplicates or self-loops.
    labels : array_like, shape (n,)
        Community of each node (any integer or string labels).

    Returns
    -------
    float
        In ``[-1/2, 1)``; nan when there are no edges.

    Examples
    --------
    >>> two_triangles = [[0, 1], [0, 2], [1, 2], [3, 4], [3, 5], [4, 5], [2, 3]]
    >>> round(modularity(6, two_triangles, [0, 0, 0, 1, 1, 1]), 6)
    0.357143
    """
    e = _edges(edges)
    m = e.shape[0]
    if m == 0:
        return NAN
    codes = _dense_codes(labels)
    if codes.size != n:
        raise ValueError(f"modularity needs {n} labels, got {codes.size}")
    lu = codes[e[:, 0]]
    lv = codes[e[:, 1]]
    k = int(codes.max()) + 1
    d_c = (np.bincount(lu, minlength=k) + np.bincount(lv, minlength=k)).astype(np.float64)
    inside = np.count_nonzero(lu == lv)
    return float(inside / m - _dot(d_c, d_c) / (2.0 * m) ** 2)


def between_share(values, labels) -> float:
    """Share of the variance of ``values`` explained by a partition.

    Between-community sum of squares over the total sum of squares (the eta-squared of
    a one-way ANOVA): 0 when every community has the same mean, 1 when values vary only
    between communities.

    Parameters
    ----------
    values : array_like, shape (n,)
        One value per node.
    labels : array_like, shape (n,)
        Community of each node.

    Returns
    -------
    float
        In ``[0, 1]``; nan when the values are all equal (or there are none).

    Examples
    --------
    >>> between_share([1.0, 1.0, 3.0, 3.0], [0, 0, 1, 1])
    1.0
    >>> between_share([1.0, 3.0, 1.0, 3.0], [0, 0, 1, 1])
    0.0
    """
    v = np.asarray(values, dtype=np.float64).ravel()
    if v.size == 0:
        return NAN
    vc = _centred(v)
    total = _dot(vc, vc)
    if total == 0:
        return NAN
    codes = _dense_codes(labels)
    sums = np.bincount(codes, weights=vc)
    counts = np.bincount(codes)
    used = counts > 0
    between = np.sum(sums[used] ** 2 / counts[used])
    return float(np.clip(between / total, 0.0, 1.0))


def degrees(n: int, edges) -> np.ndarray:
    """Degree of every node, as int64.

    Examples
    --------
    >>> degrees(4, [[0, 1], [0, 2]]).tolist()
    [2, 1, 1, 0]
    """
    return np.bincount(_edges(edges).ravel(), minlength=n).astype(np.int64, copy=False)


def isolated_share(n: int, edges) -> float:
    """Share of nodes with no edge; nan when ``n == 0``.

    Examples
    --------
    >>> isolated_share(4, [[0, 1]])
    0.5
    """
    if n == 0:
        return NAN
    return float(np.count_nonzero(degrees(n, edges) == 0) / n)


def giant_share(n: int, edges) -> float:
    """Share of nodes in the largest connected component; nan when ``n == 0``.

    Components come from a vectorised union-find (:func:`_component_roots`), tested
    against ``scipy.sparse.csgraph.connected_components``.

    Examples
    --------
    >>> giant_share(5, [[0, 1], [1, 2], [3, 4]])
    0.6
    >>> giant_share(4, np.empty((0, 2)))
    0.25
    """
    if n == 0:
        return NAN
    e = _edges(edges)
    if e.shape[0] == 0:
        return 1.0 / n
    return float(np.bincount(_component_roots(n, e)).max() / n)


def _component_roots(n: int, e: np.ndarray, max_rounds: int = 64) -> np.ndarray:
    """One representative node per connected component, for every node.

    Vectorised union-find: each round hooks every root to the smallest root it shares
    an edge with (roots only ever point to smaller ids, so no cycles), then jumps
    pointers until every node points at its root, and drops edges already inside a
    tree. On a 1,000,000-node Barabasi-Albert graph this was 3-4x faster than
    ``scipy.sparse.csgraph.connected_components``, which remains the fallback should a
    graph need more than ``max_rounds`` rounds (none seen; random trees take ~15).
    """
    itype = np.int32 if n < 2**31 else np.int64
    parent = np.arange(n, dtype=itype)
    u = e[:, 0].astype(itype)
    v = e[:, 1].astype(itype)
    ru, rv = u, v
    for _ in range(max_rounds):
        cross = ru != rv
        if not cross.any():
            return parent
        if not cross.all():
            u, v, ru, rv = u[cross], v[cross], ru[cross], rv[cross]
        np.minimum.at(parent, np.maximum(ru, rv), np.minimum(ru, rv))
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
        ru, rv = parent[u], parent[v]
    graph = sp.coo_array((np.ones(e.shape[0], dtype=bool), (e[:, 0], e[:, 1])), shape=(n, n))
    return connected_components(graph.tocsr(), directed=True, connection="weak")[1]


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
    np.less(v, low, out=bottom)
    ties = np.flatnonzero(v == low)
    bottom[ties[: k - np.count_nonzero(bottom)]] = True
    np.greater(v, high, out=top)
    ties = np.flatnonzero(v == high)
    top[ties[ties.size - (k - np.count_nonzero(top)):]] = True
    return top, bottom


def degree_gap(scores, deg) -> float:
    """Mean degree of the top score quintile over that of the bottom quintile.

    Quintiles as in :func:`quintile_masks`. nan when the bottom mean is 0 or there is
    nobody.

    Examples
    --------
    >>> degree_gap([1, 2, 3, 4, 5], [1, 0, 0, 0, 4])
    4.0
    """
    top, bottom = quintile_masks(scores)
    d = np.asarray(deg, dtype=np.float64)
    if not bottom.any():
        return NAN
    low = d[bottom].mean()
    return float(d[top].mean() / low) if low != 0 else NAN


def match_gap(scores, uses, matches) -> float:
    """Dating-match rate of the top score quintile over that of the bottom quintile.

    The rate of a quintile is ``sum(matches) / sum(uses)`` over its people (a pooled rate,
    so heavy users weigh more); ``uses`` and ``matches`` may be fractional (smoothed)
    counts. Quintiles as in :func:`quintile_masks`.

    Returns
    -------
    float
        nan when either quintile has no uses or the bottom rate is 0.

    Examples
    --------
    >>> match_gap([1, 2, 3, 4, 5], [2, 1, 1, 1, 4], [1, 0, 0, 0, 4])
    2.0
    """
    top, bottom = quintile_masks(scores)
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
    d = np.asarray(deg, dtype=np.float64).ravel()
    out = np.asarray(opted_out, dtype=bool).ravel()
    k = np.count_nonzero(out)
    if k == 0 or k == out.size:
        return NAN
    return float(d[~out].mean() - d[out].mean())


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """1-based ranks, ties sharing their average rank (as ``scipy.stats.rankdata``)."""
    order = np.argsort(x)  # not stable: tied values get the same rank anyway
    xs = x[order]
    new = np.empty(x.size, dtype=bool)
    new[0] = True
    np.not_equal(xs[1:], xs[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, x.size))
    ranks = np.empty(x.size, dtype=np.float64)
    ranks[order] = np.repeat(starts + (sizes + 1) / 2.0, sizes)
    return ranks


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
    ra = _average_ranks(a)
    rb = _average_ranks(b)
    if np.array_equal(ra, rb):
        return 0.0
    centre = (a.size + 1) / 2.0  # the mean of any average-rank vector
    ra -= centre
    rb -= centre
    den = math.sqrt(_dot(ra, ra) * _dot(rb, rb))
    if den == 0:
        return NAN
    return float(np.clip(1.0 - _dot(ra, rb) / den, 0.0, 2.0))


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
