"""Friendship dynamics: tie review by what a friend costs one's score, and random churn.

Ties are kept as a sorted array of int64 keys ``u * n + v`` (``u < v``). Every operation
here is a batch over all the people who act this step, with set semantics: reviews look
at the ties as they were at the start of the step; then all drops are applied, then all
accepted new ties (duplicates merged).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .accel import use_kernels
from .adjacency import Adjacency
from .graph import in_sorted, sorted_unique, stable_order

__all__ = ["Adjacency", "EdgeSet", "GainRule", "HOMOPHILY_WINDOW", "homophily_window",
           "review_ties"]


class EdgeSet:
    """A sorted, unique set of undirected edge keys over ``n`` nodes, with a cached
    :class:`Adjacency`."""

    def __init__(self, keys: np.ndarray, n: int) -> None:
        self.n = int(n)
        # None while the kernels edit the adjacency alone: built from it when asked.
        self._keys: np.ndarray | None = np.asarray(keys, dtype=np.int64)
        self._adj: Adjacency | None = None
        self._ends: tuple[np.ndarray, np.ndarray] | None = None
        #: Stands for the current set of ties: a new object after every change (kept
        #: measures compare it by identity, without holding on to any array).
        self.state = object()
        #: The last change: ``(state before it, keys dropped, keys added)``, or None.
        #: Lets a measure kept across steps (models.measures.tracked) follow the edit.
        self.last_edit: tuple[object, np.ndarray, np.ndarray] | None = None

    @property
    def keys(self) -> np.ndarray:
        """The sorted int64 keys ``u * n + v`` (``u < v``). With the kernels an update
        edits only the adjacency (one copy of the 4 MB keys less a step at 100,000
        people); the keys are then read off its upper triangle when asked, and kept
        until the next change."""
        if self._keys is None:
            u, v = self.ends()
            keys = u.astype(np.int64)
            keys *= self.n
            keys += v
            self._keys = keys
        return self._keys

    @classmethod
    def from_edges(cls, edges: np.ndarray, n: int) -> EdgeSet:
        """From a canonical ``(m, 2)`` edge array."""
        return cls(edges[:, 0] * np.int64(n) + edges[:, 1], n)

    @property
    def m(self) -> int:
        if self._keys is None:
            assert self._adj is not None
            return int(self._adj.upper.indices.size)
        return int(self._keys.size)

    def endpoints(self) -> tuple[np.ndarray, np.ndarray]:
        """``(u, v)`` arrays with ``u < v``, int64, in key order (new arrays)."""
        if self._adj is None:
            return np.divmod(self.keys, self.n)
        u, v = self.ends()
        return u.astype(np.int64), v.astype(np.int64)

    def ends(self) -> tuple[np.ndarray, np.ndarray]:
        """``(u, v)`` with ``u < v`` in key order, in the adjacency's index dtype (int32
        while it fits), cached until the next change and read-only.

        Read off the upper triangle (its column indices are the keys' ``v`` in key
        order, see models/adjacency.py): no division of the int64 keys.
        """
        if self._ends is None:
            adj = self.adjacency()
            it = adj.upper.indices.dtype
            u = np.repeat(np.arange(self.n, dtype=it), adj.up_deg)
            v = adj.upper.indices.copy()
            u.flags.writeable = v.flags.writeable = False
            self._ends = (u, v)
        return self._ends

    def edges(self) -> np.ndarray:
        """Canonical ``(m, 2)`` array (a new one at each call)."""
        out = np.empty((self.keys.size, 2), dtype=np.int64)
        out[:, 0], out[:, 1] = self.endpoints() if self._adj is None else self.ends()
        return out

    def contains(self, keys: np.ndarray) -> np.ndarray:
        """Membership of each key.

        With the kernels and the adjacency built, each key is looked up in its row of
        the upper triangle (a short search in a few cache lines, in any order) rather
        than among all the keys.
        """
        adj = self._adj
        if adj is not None and isinstance(keys, np.ndarray) and keys.dtype == np.int64 \
                and use_kernels(self.n):
            from .kernels.edits import key_places

            flat = keys.reshape(-1)
            return key_places(adj.upper.indices, adj.upper.indptr, self.n,
                              flat)[0].reshape(keys.shape)
        return in_sorted(keys, self.keys)

    def _places(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For sorted ``keys``: whether each is in the set, and where it is or would go."""
        at = np.searchsorted(self.keys, keys)
        hit = np.zeros(keys.size, dtype=bool)
        inside = np.flatnonzero(at < self.keys.size)
        hit[inside] = self.keys[at[inside]] == keys[inside]
        return hit, at

    def update(self, remove: np.ndarray, add: np.ndarray) -> bool:
        """Remove then add keys; return True if the set changed.

        A built adjacency is edited in place of a rebuild (:meth:`Adjacency.edited`).
        With the kernels the keys are edited by :meth:`_edit_with_kernels` (the same
        keys, places and ``last_edit``).
        """
        empty = np.empty(0, dtype=np.int64)
        drop, drop_at, new, new_at = empty, empty, empty, empty
        before = self.state
        if use_kernels(self.n):
            drop, drop_at, new, new_at = self._edit_with_kernels(remove, add)
        else:
            if remove.size:
                # One search gives both who is there and where (sorted keys reuse its path).
                remove = sorted_unique(remove)
                hit, at = self._places(remove)
                if hit.any():
                    drop, drop_at = remove[hit], at[hit]
                    self._keys = np.delete(self.keys, drop_at)
            if add.size:
                add = sorted_unique(add)
                hit, at = self._places(add)
                if not hit.all():
                    # Inserting sorted keys is a linear merge, cheaper than re-sorting.
                    new, new_at = add[~hit], at[~hit]
                    self._keys = np.insert(self.keys, new_at, new)
        changed = bool(drop.size or new.size)
        if changed:
            self._ends = None
            self.state = object()
            self.last_edit = (before, drop, new)
            if self._adj is not None:
                self._adj = self._adj.edited(drop, drop_at, new, new_at)
        return changed

    def _edit_with_kernels(self, remove: np.ndarray, add: np.ndarray) -> tuple[np.ndarray, ...]:
        """What :meth:`update` does to the keys, with the kernels: ``(drop, drop_at, new,
        new_at)`` as there, the keys changed in one copy.

        All places are found on the keys before the change (in the upper triangle's
        rows when the adjacency is built: a short search in a row instead of one over
        all keys); an added key's place among the keys left is its place less the drops
        before it, and a key dropped and added again goes back in.
        """
        from .kernels.edits import key_places, splice

        empty = np.empty(0, dtype=np.int64)
        adj = self._adj
        if adj is None:
            places = self._places
        else:
            def places(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
                return key_places(adj.upper.indices, adj.upper.indptr, self.n, keys)
        drop, drop_at, new, new_at = empty, empty, empty, empty
        if remove.size:
            remove = sorted_unique(remove)
            hit, at = places(remove)
            drop, drop_at = remove[hit], at[hit]
        if add.size:
            add = sorted_unique(add)
            hit, at = places(add)
            if drop.size:
                before = np.searchsorted(drop_at, at)
                hit &= drop_at[np.minimum(before, drop.size - 1)] != at
                at -= before
            new, new_at = add[~hit], at[~hit]
        if drop.size or new.size:
            # With the adjacency built the keys are read off it when asked (update()
            # edits it next); without it, the keys are all there is.
            self._keys = None if adj is not None else splice(self.keys, drop_at, new_at, new)
        return drop, drop_at, new, new_at

    def adjacency(self) -> Adjacency:
        """The adjacency, rebuilt only after a change."""
        if self._adj is None:
            self._adj = Adjacency(self.keys, self.n)
        return self._adj

    def degree(self) -> np.ndarray:
        """Degree of every node."""
        return self.adjacency().degree


@dataclass(frozen=True)
class GainRule:
    """Drop (and refuse) friends by what it gains one's own score, in points.

    Dropping friend j raises i's ``social`` component by about ``(s_i - s_j) / k_i``
    (``k_i`` friends, scores in points / 600, i's own score standing for the friends'
    mean), so i's score gains about ``weight * (score_i - score_j) / k_i`` points, with
    ``weight`` the social weight's share ``a`` plus ``status_seeking`` (the care for
    status beyond the incentive). Dropping one's only friend leaves one friendless, so
    it gains ``weight * (alone - score_j)``, ``alone`` being the score a friendless
    social term stands for (``350 + 600 * isolation_value``): with the default
    isolation value of 0 nobody drops their last friend. Refusing an asker is judged the
    same way from the other side, counting the asker (``k + 1`` friends). The chance of
    acting is ``1 - exp(-sensitivity * max(0, gain - tolerance))``.

    Examples
    --------
    >>> rule = GainRule(weight=0.5, tolerance=1.0, sensitivity=1.0, alone=350.0)
    >>> rule.drop(np.array([640.0, 700.0, 700.0]), np.array([600.0, 600.0, 600.0]),
    ...           np.array([10, 10, 1])).round(4).tolist()
    [0.6321, 0.9817, 0.0]
    >>> rule.refuse(np.array([700.0, 700.0]), np.array([600.0, 600.0]),
    ...             np.array([9, 0])).round(4).tolist()
    [0.9817, 0.0]
    """

    weight: float
    tolerance: float
    sensitivity: float
    alone: float = 350.0

    def _chance(self, gain: np.ndarray) -> np.ndarray:
        return -np.expm1(-self.sensitivity * np.maximum(0.0, gain - self.tolerance))

    def drop(self, own: np.ndarray, friend: np.ndarray, friends: np.ndarray) -> np.ndarray:
        """Chance that someone scoring ``own`` with ``friends`` friends drops one
        scoring ``friend``."""
        k = np.maximum(friends, 1)
        gain = np.where(friends >= 2, (own - friend) / k, self.alone - friend)
        return self._chance(self.weight * gain)

    def refuse(self, own: np.ndarray, asker: np.ndarray, friends: np.ndarray) -> np.ndarray:
        """Chance that someone scoring ``own`` with ``friends`` friends refuses an asker
        scoring ``asker``."""
        gain = np.where(friends >= 1, (own - asker) / (friends + 1), self.alone - asker)
        return self._chance(self.weight * gain)

    def drop_of(self, me: np.ndarray, them: np.ndarray, scores: np.ndarray,
                deg: np.ndarray, *, kernels: bool = False) -> np.ndarray:
        """:meth:`drop` for the people ``me`` (indices) and one friend each ``them``;
        with ``kernels``, the gathers and the exponent in one compiled pass
        (:func:`models.kernels.review.gain_exponent`), numpy's ``expm1`` after it."""
        if kernels:
            return self._compiled(me, them, scores, deg, 2, 0)
        return self.drop(scores[me], scores[them], deg[me])

    def refuse_of(self, me: np.ndarray, them: np.ndarray, scores: np.ndarray,
                  deg: np.ndarray, *, kernels: bool = False) -> np.ndarray:
        """:meth:`refuse` for the people asked ``me`` (indices) by the askers ``them``."""
        if kernels:
            return self._compiled(me, them, scores, deg, 1, 1)
        return self.refuse(scores[me], scores[them], deg[me])

    def _compiled(self, me: np.ndarray, them: np.ndarray, scores: np.ndarray,
                  deg: np.ndarray, least: int, extra: int) -> np.ndarray:
        from .kernels.review import gain_exponent

        x = gain_exponent(me, them, scores, deg, float(self.weight), float(self.tolerance),
                          float(self.sensitivity), float(self.alone), least, extra)
        return -np.expm1(x, out=x)


#: Homophilous search asks someone among the people this close in score rank: the
#: ``HOMOPHILY_WINDOW * n`` nearest on each side (at least one).
HOMOPHILY_WINDOW = 0.01


def homophily_window(n: int) -> int:
    """How many ranks on each side a homophilous ask may reach."""
    return max(1, min(n - 1, int(round(HOMOPHILY_WINDOW * n))))


def _taken(edges: EdgeSet, i: np.ndarray, j: np.ndarray, c: np.ndarray, *,
           kernels: bool = False) -> np.ndarray:
    """Candidates ``c`` that ``i`` cannot ask: itself, the friend just dropped, a friend.

    With ``kernels`` a friend is looked up in ``i``'s or ``c``'s row of the adjacency
    (:func:`models.kernels.review.taken`) instead of among all the keys.
    """
    if kernels:
        from .kernels.review import taken

        up = edges.adjacency().upper
        return taken(i, j, c, up.indptr, up.indices)
    n = edges.n
    return (c == i) | (c == j) | edges.contains(np.minimum(i, c) * np.int64(n)
                                                + np.maximum(i, c))


def _search(adj: Adjacency, i: np.ndarray, scores_order: tuple[np.ndarray, np.ndarray] | None,
            homophilous: float, triadic: float, rng: np.random.Generator) -> np.ndarray:
    """One candidate for each asker in ``i``: similar score, friend of a friend or random.

    Draws, in this order: one uniform per asker (the kind of search), one random person
    per asker, one rank offset per asker (only with homophilous search on), then the
    friend and the friend's friend of the triadic askers.
    """
    n = adj.degree.size
    u = rng.random(i.size)
    homo = u < homophilous
    # Someone with no friends has no friend of a friend: they ask at random instead.
    tri = ~homo & (u < homophilous + (1.0 - homophilous) * triadic) & (adj.degree[i] > 0)
    cand = rng.integers(0, n, size=i.size)
    if scores_order is not None:
        order, rank = scores_order
        w = homophily_window(n)
        r = rng.integers(-w, w, size=i.size)
        r += r >= 0                          # -w..-1 and 1..w
        pos = rank[i] + r
        pos = np.where((pos < 0) | (pos >= n), rank[i] - r, pos)   # reflect at the ends
        pos = np.clip(pos, 0, n - 1)
        cand = np.where(homo, order[pos], cand)
    k = adj.random_neighbour(i[tri], rng)
    cand[tri] = adj.random_neighbour(k, rng)
    return cand


def review_ties(edges: EdgeSet, scores: np.ndarray, *, share: float, rng: np.random.Generator,
                triadic_closure: float, homophilous_search: float = 0.0,
                rule: GainRule | None = None,
                ask_limit: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """One round of tie review by a random ``share`` of people.

    Each reviewer with friends picks one friend j at random and drops them with
    probability ``rule.drop`` (always, when ``rule`` is None: random churn). A reviewer
    who dropped a tie, and (under a rule) a reviewer with no friends, then asks someone
    new: with probability ``homophilous_search`` someone close in score rank
    (:func:`homophily_window`), else a friend of a friend with probability
    ``triadic_closure`` (first ask only), else anyone at random. The one asked refuses
    with ``rule.refuse`` (never, when None). Asking a friend, oneself or the friend just
    dropped, or being refused, means asking again, up to ``ask_limit`` asks, so ties are
    conserved unless nobody accepts.

    Everything is judged on the ties and scores at the start of the step. Returns the keys
    to remove and the keys to add; the caller applies them with :meth:`EdgeSet.update`
    (so that several rounds can see the same start-of-step ties).
    :func:`models.oracles.review_ties_loop` is the plain-Python version, fed the same
    draws, that the tests compare with.
    """
    n = edges.n
    # Compiled kernels (models.accel) for the gathers, masks and searches; the gain
    # rule's kernel follows numpy's float64 arithmetic, so other score types stay numpy.
    fast = use_kernels(n) and scores.dtype == np.float64
    empty = np.empty(0, dtype=np.int64)
    adj = edges.adjacency()
    deg = adj.degree
    acting = rng.random(n) < share
    # Reviewers with no friend to review look for one (under a rule). Split from the
    # few acting people rather than found by two masks over everyone.
    act = np.flatnonzero(acting)
    friends = deg[act]
    who = act[friends > 0]
    lonely = act[friends == 0] if rule is not None else empty
    friend = adj.random_neighbour(who, rng)
    u_drop = rng.random(who.size)
    if rule is None:
        dropped = np.ones(who.size, dtype=bool)
    else:
        dropped = u_drop < rule.drop_of(who, friend, scores, deg, kernels=fast)
    a, b = who[dropped], friend[dropped]
    remove = np.minimum(a, b) * np.int64(n) + np.maximum(a, b)
    # Who asks next: those who dropped a friend, then the lonely; j is the friend each
    # just dropped (-1 for the lonely).
    i = np.concatenate([a, lonely])
    j = np.concatenate([b, np.full(lonely.size, -1, dtype=np.int64)])
    if i.size == 0:
        return remove, empty
    scores_order = None
    if homophilous_search > 0:
        order = stable_order(scores)   # = np.argsort(scores, kind="stable")
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        scores_order = (order, rank)
    added = []
    pending = np.arange(i.size)
    for attempt in range(ask_limit):
        pi, pj = i[pending], j[pending]
        # A friend of a friend is often a friend already (and then a friend's friend again
        # would be too): later asks go to similar or random people.
        triadic = triadic_closure if attempt == 0 else 0.0
        c = _search(adj, pi, scores_order, homophilous_search, triadic, rng)
        u_accept = rng.random(pending.size)
        ok = ~_taken(edges, pi, pj, c, kernels=fast)
        if rule is not None:
            ok &= u_accept >= rule.refuse_of(c, pi, scores, deg, kernels=fast)
        added.append(np.minimum(pi[ok], c[ok]) * np.int64(n) + np.maximum(pi[ok], c[ok]))
        pending = pending[~ok]
        if pending.size == 0:
            break
    return remove, np.concatenate(added)
