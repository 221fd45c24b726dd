"""Community structure: Louvain (or Leiden) partitions, modularity, stratification.

Graphs are ``n`` and an ``(m, 2)`` int64 edge array (see :mod:`models.measures`).
"""

from __future__ import annotations

import random

import numpy as np

from ..accel import use_kernels
from ._arrays import NAN, _centred, _dense_codes, _dot, _edges, _group_totals

__all__ = ["louvain", "modularity", "modularity_of_counts", "between_share", "community_method",
           "LEIDEN_FROM"]

#: ``run.communities = "auto"`` uses Leiden from this many people on, Louvain below
#: (docs/model.md says why).
LEIDEN_FROM = 50_000


def community_method(choice: str, n: int) -> str:
    """The algorithm ``run.communities`` names for a graph of ``n`` people.

    ``"auto"`` is Louvain (what MODEL.md asks for) below :data:`LEIDEN_FROM` people and
    Leiden from there; the number of people is fixed for a run, so a run never
    switches. ``"louvain"`` and ``"leiden"`` are themselves.

    Examples
    --------
    >>> community_method("auto", 4_039), community_method("auto", 1_000_000)
    ('louvain', 'leiden')
    >>> community_method("louvain", 1_000_000)
    'louvain'
    """
    if choice == "auto":
        return "leiden" if n >= LEIDEN_FROM else "louvain"
    return choice


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
    from ..lazy import igraph  # lazy, and without matplotlib (see models/lazy.py)

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


def modularity_of_counts(m: int, inside: int, codes: np.ndarray, degree) -> float:
    """:func:`modularity` from its counts: ``m`` ties, ``inside`` of them within a
    community, dense community ``codes`` and the ``degree`` of every node.

    The same float as :func:`modularity`: the community degree sums are sums of
    integers, exact in float64 in any order (below 2**53).

    Examples
    --------
    >>> modularity_of_counts(7, 6, np.array([0, 0, 0, 1, 1, 1]), [2, 2, 3, 3, 2, 2])
    0.3571428571428571
    """
    degree = np.asarray(degree)
    if degree.dtype.kind in "iu" and codes.size == degree.size and use_kernels(codes.size):
        from ..kernels.metrics import group_totals

        # Integer degrees: each community's sum is exact, so bincount's floats.
        d_c = group_totals(codes, degree, NAN)[1]
    else:
        k = int(codes.max()) + 1
        d_c = np.bincount(codes, weights=degree.astype(np.float64, copy=False), minlength=k)
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
    counts, sums, _ = _group_totals(_dense_codes(labels), vc)
    used = counts > 0
    between = np.sum(sums[used] ** 2 / counts[used])
    return float(np.clip(between / total, 0.0, 1.0))
