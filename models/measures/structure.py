"""Who is connected to whom: degrees, isolation, connected components.

Components come from ``scipy.sparse.csgraph.connected_components`` (39 ms at 100,000
people here, against 472 ms in networkx).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from ._arrays import NAN, _edges
from .distribution import fifth_indices

__all__ = ["degrees", "isolated_share", "giant_share", "component_labels", "components",
           "component_summary", "bottom_isolated_share"]


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


def component_labels(n: int, edges) -> np.ndarray:
    """Connected component of every node, as int labels ``0..k-1`` (scipy's numbering).

    Edges sorted by their first end (as the canonical arrays are) go straight into a CSR
    matrix; others are sorted first.

    Examples
    --------
    >>> component_labels(5, [[0, 1], [3, 4]]).tolist()
    [0, 0, 1, 2, 2]
    """
    e = _edges(edges)
    u, v = e[:, 0], e[:, 1]
    if u.size > 1 and np.any(u[1:] < u[:-1]):
        order = np.argsort(u, kind="stable")
        u, v = u[order], v[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(u, minlength=n), out=indptr[1:])
    graph = sp.csr_array((np.ones(u.size, dtype=np.int8), v, indptr), shape=(n, n))
    return connected_components(graph, directed=True, connection="weak")[1]


def component_summary(n: int, edges, labels=None) -> tuple[float, float]:
    """``(giant_share, components)`` from one component labelling (what a step needs).

    ``labels``, when given, is that labelling (one component number per node, as
    :func:`component_labels` or ``Adjacency.component_labels`` give it) and ``edges``
    is not read.

    Examples
    --------
    >>> component_summary(6, [[0, 1], [1, 2], [3, 4]])
    (0.5, 2.0)
    """
    if n == 0:
        return NAN, 0.0
    sizes = np.bincount(component_labels(n, edges) if labels is None else labels)
    return float(sizes.max() / n), float(np.count_nonzero(sizes >= 2))


def giant_share(n: int, edges) -> float:
    """Share of nodes in the largest connected component; nan when ``n == 0``.

    Examples
    --------
    >>> giant_share(5, [[0, 1], [1, 2], [3, 4]])
    0.6
    >>> giant_share(4, np.empty((0, 2)))
    0.25
    """
    if n == 0:
        return NAN
    return float(np.bincount(component_labels(n, edges)).max() / n)


def components(n: int, edges) -> float:
    """Number of connected components of two or more people (isolated people not counted).

    Returned as a float, like every other column of the history.

    Examples
    --------
    >>> components(6, [[0, 1], [1, 2], [3, 4]])
    2.0
    >>> components(3, np.empty((0, 2)))
    0.0
    """
    if n == 0:
        return 0.0
    sizes = np.bincount(component_labels(n, edges))
    return float(np.count_nonzero(sizes >= 2))


def bottom_isolated_share(scores, deg, quintiles=None) -> float:
    """Share of the bottom score fifth with no friends (fifths as in :func:`quintile_masks`;
    ``quintiles``: its answer for ``scores``, or those as sorted index arrays, when the
    caller has it already).

    nan when there is nobody.

    Examples
    --------
    >>> bottom_isolated_share([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 3, 0, 0, 1, 1, 1, 1, 1, 1])
    0.5
    """
    _top, bottom = fifth_indices(quintiles, scores)
    if bottom.size == 0:
        return NAN
    d = np.asarray(deg).ravel()
    return float(np.count_nonzero(d[bottom] == 0) / bottom.size)
