"""Measures of the friendship graph kept across steps: components, modularity's count.

A step changes well under 1% of the ties, nearly all inside the giant component, so
recomputing the connected components (the costliest metric, ~7 mat-vecs at 100,000
people) and the modularity's count of ties inside communities every step repeats
almost the same work. Here both follow the edits of an :class:`~models.ties.EdgeSet`
(its ``last_edit``), and fall back to the one-shot computation whenever they cannot
prove their answer: every answer is exactly what the one-shot functions give.

Components: a spanning forest (parent pointers; breadth-first when built) certifies the
labelling. Ties added inside a component change nothing; a tie added between two
components means a rebuild. A dropped forest tie cuts off its child ``c`` with its
subtree; ``c`` is hung on a neighbour ``w`` whose path to its root meets no cut-off
node. Such a ``w`` is outside ``c``'s subtree (a path from inside it would pass ``c``),
so the forest stays acyclic, and spans the same nodes. When no cut child has such a
neighbour, a tie from deeper inside a cut-off part re-roots that part there
(:meth:`ComponentForest._reroot`). If every cut-off part is re-hung (later rounds
see the parts re-hung before), no component split and the labels stand; if one cannot
be, the labelling and forest are rebuilt. Depths are only a guide to keep
paths short (the shallowest neighbour is chosen).
"""

from __future__ import annotations

import numpy as np

from ._arrays import NAN, _dense_codes
from .communities import modularity_of_counts

__all__ = ["MAX_PATH", "ComponentForest", "InsideCount"]

#: Longest path to a root followed before the forest is rebuilt (a breadth-first forest
#: of a Barabasi-Albert graph is 4-6 deep; re-hanging cut children deepens it slowly).
MAX_PATH = 64


def _neighbours(ptr: np.ndarray, idx: np.ndarray, who: np.ndarray) -> tuple[np.ndarray,
                                                                              np.ndarray]:
    """``(source, neighbour)`` pairs of one CSR triangle's rows ``who``."""
    start = ptr[who].astype(np.int64)
    count = ptr[who + 1].astype(np.int64) - start
    total = int(count.sum())
    src = np.repeat(who, count)
    if total == 0:
        return src, np.empty(0, dtype=idx.dtype)
    at = np.repeat(start - (np.cumsum(count) - count), count) + np.arange(total)
    return src, idx[at]


def _all_neighbours(adj, who: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    s1, n1 = _neighbours(adj.upper.indptr, adj.upper.indices, who)
    s2, n2 = _neighbours(adj.lower.indptr, adj.lower.indices, who)
    return np.concatenate([s1, s2]), np.concatenate([n1, n2]).astype(np.int64, copy=False)


class ComponentForest:
    """Connected components of an :class:`~models.ties.EdgeSet`, followed edit by edit.

    :meth:`labels` gives what ``Adjacency.component_labels`` gives (scipy's numbering);
    ``rebuilds`` counts the one-shot computations (the tests check that edits mostly
    avoid them).
    """

    def __init__(self) -> None:
        self.state: object | None = None   # the EdgeSet.state the labels are of
        self._labels = np.empty(0, dtype=np.int32)
        self.parent = np.empty(0, dtype=np.int64)
        self.depth = np.empty(0, dtype=np.int64)
        self.rebuilds = 0

    def labels(self, edges) -> np.ndarray:
        """Component label of every node of ``edges`` (read-only; do not keep it past a
        change of ``edges``)."""
        if edges.state is self.state:
            return self._labels
        edit = edges.last_edit
        if not (self.state is not None and edit is not None and edit[0] is self.state
                and self._follow(edges.adjacency(), edges.n, edit[1], edit[2])):
            self._rebuild(edges.adjacency())
        self.state = edges.state
        return self._labels

    # ------------------------------------------------------------------ one-shot
    def _rebuild(self, adj) -> None:
        self.rebuilds += 1
        labels = np.asarray(adj.component_labels())
        n = labels.size
        # Labels are numbered by first appearance, so the roots are each label's first node.
        roots = np.unique(labels, return_index=True)[1].astype(np.int64)
        depth = np.full(n, -1, dtype=np.int64)
        parent = np.arange(n, dtype=np.int64)
        depth[roots] = 0
        frontier, d = roots, 0
        while frontier.size:
            src, nb = _all_neighbours(adj, frontier)
            new = depth[nb] < 0
            src, nb = src[new], nb[new]
            parent[nb] = src     # a node reached from several: any one of them will do
            d += 1
            depth[nb] = d
            frontier = nb[parent[nb] == src]   # each newly reached node once
        labels.flags.writeable = False
        self._labels, self.parent, self.depth = labels, parent, depth

    # ------------------------------------------------------------------ edits
    def _follow(self, adj, n: int, drop: np.ndarray, add: np.ndarray) -> bool:
        """Apply one edit to the forest; False when the labels may have changed."""
        if self._labels.size != n:
            return False
        if add.size:
            au, av = np.divmod(add, n)
            if np.any(self._labels[au] != self._labels[av]):
                return False     # two components merge: renumbering, left to a rebuild
        if drop.size == 0:
            return True
        du, dv = np.divmod(drop, n)
        parent = self.parent
        cut = np.concatenate([dv[parent[dv] == du], du[parent[du] == dv]])
        if cut.size == 0:
            return True
        detached = np.zeros(n, dtype=bool)
        detached[cut] = True
        pending = cut
        while pending.size:
            src, nb = _all_neighbours(adj, pending)
            ok = self._attached(nb, detached)
            if ok is None:
                return False     # paths grew long: a rebuild makes the forest shallow again
            src, nb = src[ok], nb[ok]
            if src.size == 0:
                # No cut child touches the attached forest itself: perhaps one of its
                # descendants does.
                if not self._reroot(adj, pending, detached):
                    return False     # perhaps a split: left to a rebuild
            else:
                # Each cut child hangs on its shallowest attached neighbour (short paths).
                pick = np.lexsort((self.depth[nb], src))
                child, first = np.unique(src[pick], return_index=True)
                new_parent = nb[pick][first]
                parent[child] = new_parent
                self.depth[child] = self.depth[new_parent] + 1
                detached[child] = False
            pending = pending[detached[pending]]
        return True

    def _reroot(self, adj, pending: np.ndarray, detached: np.ndarray) -> bool:
        """Re-hang cut-off subtrees by a tie from inside them to the attached forest.

        Each node learns its nearest cut-off ancestor (itself included) by pointer
        jumping; a tie from a node ``x`` whose nearest one is ``c`` to an attached node
        ``y`` re-roots ``c``'s part at ``x`` (the parent pointers on the path from ``x``
        up to ``c`` reversed) and hangs it on ``y``. The path stays inside that part, and
        ``y`` was attached before, so no cycle forms. False when no part has such a tie.
        """
        n = detached.size
        parent = self.parent
        top = np.where(detached, np.arange(n), -1)
        up = np.where(detached, np.arange(n), parent)     # stop the jumps at cut-off nodes
        for _ in range(MAX_PATH.bit_length() + 1):
            need = top < 0
            top[need] = top[up[need]]
            up = up[up]
        if np.any(up != up[up]):
            return False                 # deeper than MAX_PATH: left to a rebuild
        inside = np.flatnonzero(top >= 0)
        src, nb = _all_neighbours(adj, inside)
        out = top[nb] < 0
        src, nb = src[out], nb[out]
        if src.size == 0:
            return False
        part, first = np.unique(top[src], return_index=True)
        for c, x, y in zip(part.tolist(), src[first].tolist(), nb[first].tolist()):
            prev, cur = y, x
            while True:
                nxt = int(parent[cur])
                parent[cur] = prev
                self.depth[cur] = self.depth[prev] + 1
                if cur == c:
                    break
                prev, cur = cur, nxt
            detached[c] = False
        return True

    def _attached(self, who: np.ndarray, detached: np.ndarray) -> np.ndarray | None:
        """Whether the path from each of ``who`` to its root avoids detached nodes; None
        when some path is longer than ``MAX_PATH``."""
        parent = self.parent
        ok = ~detached[who]
        at = who[ok]
        live = np.flatnonzero(ok)
        for _ in range(MAX_PATH):
            if live.size == 0:
                return ok
            up = parent[at]
            moving = up != at
            live, at = live[moving], up[moving]
            bad = detached[at]
            ok[live[bad]] = False
            live, at = live[~bad], at[~bad]
        return None


class InsideCount:
    """How many ties join two people of one community (modularity's ``L``), followed
    edit by edit while the community labels stay the same."""

    def __init__(self) -> None:
        self.state: object | None = None   # the EdgeSet.state counted
        self.codes = np.empty(0, dtype=np.intp)
        self.inside = 0

    def count(self, edges, labels) -> tuple[np.ndarray, int]:
        """``(codes, L)``: dense community codes (as ``modularity`` makes them) and the
        number of ties inside a community."""
        codes = _dense_codes(labels)
        same = self.codes.size == codes.size and np.array_equal(self.codes, codes)
        if same and edges.state is self.state:
            return self.codes, self.inside
        edit = edges.last_edit
        if same and edit is not None and edit[0] is self.state:
            n = edges.n
            for keys, sign in ((edit[1], -1), (edit[2], 1)):
                u, v = np.divmod(keys, n)
                self.inside += sign * int(np.count_nonzero(codes[u] == codes[v]))
        else:
            u, v = edges.ends()
            self.inside = int(np.count_nonzero(codes[u] == codes[v]))
            self.codes = codes.copy()
        self.state = edges.state
        return self.codes, self.inside

    def modularity(self, edges, labels, degree) -> float:
        """``models.measures.modularity(n, edges, labels)`` of ``edges`` (an EdgeSet,
        ``degree`` its degrees), the same float."""
        if edges.m == 0:
            return NAN
        if np.asarray(labels).size != edges.n:
            raise ValueError(f"modularity needs {edges.n} labels, got {np.asarray(labels).size}")
        codes, inside = self.count(edges, labels)
        return modularity_of_counts(edges.m, inside, codes, degree)
