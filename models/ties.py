"""Friendship dynamics: score-driven rewiring (friend sharing) and random churn.

Ties are kept as a sorted array of int64 keys ``u * n + v`` (``u < v``). Every operation
here is a batch over all the people who act this step, with set semantics: reviews look
at the ties as they were at the start of the step; then all drops are applied, then all
accepted new ties (duplicates merged).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .graph import in_sorted, sorted_unique
from .score import SPAN

__all__ = ["Adjacency", "EdgeSet", "drop_probability", "review_ties"]


class Adjacency:
    """Symmetric adjacency held as its upper and lower triangles in CSR form.

    The upper triangle is the sorted key array itself; the lower one comes from scipy's
    linear-time CSR-to-CSC conversion. This avoids building (and sorting) the full
    symmetric matrix every time ties change.
    """

    def __init__(self, keys: np.ndarray, n: int) -> None:
        u, v = np.divmod(keys, n)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(u, minlength=n), out=indptr[1:])
        data = np.ones(keys.size, dtype=np.float64)
        self.upper = sp.csr_array((data, v, indptr), shape=(n, n))
        csc = self.upper.tocsc()
        self.lower = sp.csr_array((csc.data, csc.indices, csc.indptr), shape=(n, n))
        self.up_deg = np.diff(self.upper.indptr)
        self.degree = self.up_deg + np.diff(self.lower.indptr)

    def matvec(self, x: np.ndarray) -> np.ndarray:
        """``A @ x`` for the symmetric adjacency ``A``."""
        return self.upper @ x + self.lower @ x

    __matmul__ = matvec

    def plus(self, keys: np.ndarray) -> _PlusEdges:
        """This adjacency with extra edges ``keys`` (not already present) added."""
        return _PlusEdges(self, keys)

    def random_neighbour(self, who: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """A uniformly random neighbour of each node in ``who`` (all of degree > 0)."""
        r = np.floor(rng.random(who.size) * self.degree[who]).astype(np.int64)
        du = self.up_deg[who]
        in_upper = r < du
        pos_u = self.upper.indptr[who] + r
        pos_l = self.lower.indptr[who] + (r - du)
        out = np.where(in_upper, self.upper.indices[np.where(in_upper, pos_u, 0)],
                       self.lower.indices[np.where(in_upper, 0, pos_l)])
        return out.astype(np.int64)


class _PlusEdges:
    """An :class:`Adjacency` plus a few extra edges, without building a new matrix."""

    def __init__(self, base: Adjacency, keys: np.ndarray) -> None:
        n = base.degree.size
        self.base = base
        self.u, self.v = np.divmod(keys, n)
        self.n = n
        self.degree = base.degree + np.bincount(self.u, minlength=n) + np.bincount(
            self.v, minlength=n)

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        out = self.base @ x
        out += np.bincount(self.u, weights=x[self.v], minlength=self.n)
        out += np.bincount(self.v, weights=x[self.u], minlength=self.n)
        return out


class EdgeSet:
    """A sorted, unique set of undirected edge keys over ``n`` nodes, with a cached
    :class:`Adjacency`."""

    def __init__(self, keys: np.ndarray, n: int) -> None:
        self.n = int(n)
        self.keys = np.asarray(keys, dtype=np.int64)
        self._adj: Adjacency | None = None

    @classmethod
    def from_edges(cls, edges: np.ndarray, n: int) -> EdgeSet:
        """From a canonical ``(m, 2)`` edge array."""
        return cls(edges[:, 0] * np.int64(n) + edges[:, 1], n)

    @property
    def m(self) -> int:
        return int(self.keys.size)

    def endpoints(self) -> tuple[np.ndarray, np.ndarray]:
        """``(u, v)`` arrays with ``u < v``."""
        return np.divmod(self.keys, self.n)

    def edges(self) -> np.ndarray:
        """Canonical ``(m, 2)`` array."""
        u, v = self.endpoints()
        return np.column_stack([u, v])

    def contains(self, keys: np.ndarray) -> np.ndarray:
        """Membership of each key."""
        return in_sorted(keys, self.keys)

    def update(self, remove: np.ndarray, add: np.ndarray) -> bool:
        """Remove then add keys; return True if the set changed."""
        changed = False
        if remove.size:
            hit = self.contains(remove)
            if hit.any():
                drop = sorted_unique(remove[hit])
                keep = np.ones(self.keys.size, dtype=bool)
                keep[np.searchsorted(self.keys, drop)] = False
                self.keys = self.keys[keep]
                changed = True
        if add.size:
            add = sorted_unique(add)
            add = add[~self.contains(add)]
            if add.size:
                # Inserting sorted keys is a linear merge, cheaper than re-sorting all keys.
                self.keys = np.insert(self.keys, np.searchsorted(self.keys, add), add)
                changed = True
        if changed:
            self._adj = None
        return changed

    def adjacency(self) -> Adjacency:
        """The adjacency, rebuilt only after a change."""
        if self._adj is None:
            self._adj = Adjacency(self.keys, self.n)
        return self._adj

    def degree(self) -> np.ndarray:
        """Degree of every node."""
        return self.adjacency().degree


def drop_probability(gap: np.ndarray, *, tolerance: float, motivation: float,
                     sensitivity: float) -> np.ndarray:
    """Chance that a person drops (or refuses) a friend ``gap`` points below them.

    ``1 - exp(-sensitivity * motivation * max(0, gap - tolerance) / 600)``, where
    ``motivation`` is the social weight's share plus ``status_seeking``.

    Examples
    --------
    >>> drop_probability(np.array([0.0, 100.0]), tolerance=50, motivation=0.0,
    ...                  sensitivity=10).tolist()
    [0.0, 0.0]
    >>> round(float(drop_probability(np.array([110.0]), tolerance=50, motivation=1.0,
    ...                              sensitivity=10)[0]), 4)
    0.6321
    """
    excess = np.maximum(0.0, gap - tolerance) / SPAN
    return -np.expm1(-sensitivity * motivation * excess)


#: How many people a reviewer who dropped a tie may ask before giving up this month.
ASK_TRIES = 8


def _taken(edges: EdgeSet, i: np.ndarray, j: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Candidates ``c`` that ``i`` cannot ask: itself, the friend just dropped, a friend."""
    n = edges.n
    return (c == i) | (c == j) | edges.contains(np.minimum(i, c) * np.int64(n)
                                                + np.maximum(i, c))


def review_ties(edges: EdgeSet, scores: np.ndarray, *, share: float, rng: np.random.Generator,
                triadic_closure: float, drop_rule=None,
                accept_rule=None) -> tuple[np.ndarray, np.ndarray]:
    """One round of tie review by a random ``share`` of people.

    Each reviewer with friends picks one friend at random and drops them with probability
    ``drop_rule(score_i - score_j)`` (always, when ``drop_rule`` is None: random churn).
    A reviewer who dropped a tie then asks someone new: a friend of a friend with
    probability ``triadic_closure``, else anyone at random; the asked person accepts
    unless ``accept_rule(score_c - score_i)`` says they refuse (never, when None).

    Returns the keys to remove and the keys to add; the caller applies them with
    :meth:`EdgeSet.update` (so that several rounds can see the same start-of-step ties).
    """
    n = edges.n
    empty = np.empty(0, dtype=np.int64)
    adj = edges.adjacency()
    deg = adj.degree
    acting = rng.random(n) < share
    who = np.flatnonzero(acting & (deg > 0))
    if who.size == 0:
        return empty, empty
    friend = adj.random_neighbour(who, rng)
    u_drop = rng.random(who.size)
    if drop_rule is None:
        dropped = np.ones(who.size, dtype=bool)
    else:
        dropped = u_drop < drop_rule(scores[who] - scores[friend])
    i = who[dropped]
    j = friend[dropped]
    if i.size == 0:
        return empty, empty
    remove = np.minimum(i, j) * np.int64(n) + np.maximum(i, j)
    via_friend = rng.random(i.size) < triadic_closure
    candidate = rng.integers(0, n, size=i.size)
    k = adj.random_neighbour(i[via_friend], rng)
    candidate[via_friend] = adj.random_neighbour(k, rng)
    # A friend of a friend is often a friend already (and in a small graph a random person
    # often is too): ask someone else at random, a few times, so that reviews do not
    # slowly thin the network.
    taken = _taken(edges, i, j, candidate)
    for _ in range(ASK_TRIES):
        if not taken.any():
            break
        candidate[taken] = rng.integers(0, n, size=int(taken.sum()))
        taken = _taken(edges, i, j, candidate)
    u_accept = rng.random(i.size)
    if accept_rule is None:
        accepted = np.ones(i.size, dtype=bool)
    else:
        accepted = u_accept >= accept_rule(scores[candidate] - scores[i])
    accepted &= ~taken
    a = i[accepted]
    c = candidate[accepted]
    add = np.minimum(a, c) * np.int64(n) + np.maximum(a, c)
    return remove, add
