"""What every graph reader shares: the file-problem exception, short quoting, the builder.

A reader turns text into calls on :class:`Builder` (nodes in first-appearance order,
edges as pairs of ids) and raises :class:`Bad` for anything wrong with the *file*. Any
other exception escaping a reader is a bug in the reader, and is left to propagate.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..graph import GraphData, canonical_edges

__all__ = ["Bad", "MISSING", "INT_RE", "Builder", "short", "friendships_only",
           "with_date_note", "with_notes", "undeclared_note"]

#: A group label that a node does not have.
MISSING = object()
#: Canonical decimal integers: ``"7"`` and ``"-3"``, not ``"007"``, ``"+3"`` or ``"-0"``.
INT_RE = re.compile(r"0|-?[1-9][0-9]*")


class Bad(Exception):
    """A problem with the file's content (the reader entry point makes it a ScenarioError)."""


def short(value: Any, limit: int = 40) -> str:
    """``repr(value)``, cut to ``limit`` characters (control characters come escaped)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Builder:
    """Collects nodes in first-appearance order, edges as index pairs, group labels."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.ids: list[Any] = []
        self.groups: list[Any] = []
        self.u: list[int] | np.ndarray = []
        self.v: list[int] | np.ndarray = []
        #: Set by readers whose file declares directed ties.
        self.directed = False

    def node(self, key: Any, group: Any = MISSING) -> int:
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.ids)
            self.ids.append(key)
            self.groups.append(group)
        elif self.groups[i] is MISSING:
            self.groups[i] = group
        return i

    def edge(self, a: Any, b: Any) -> None:
        self.u.append(self.node(a))  # type: ignore[union-attr]
        self.v.append(self.node(b))  # type: ignore[union-attr]

    def finish(self, convert_ids: bool) -> GraphData:
        n = len(self.ids)
        if n == 0:
            raise Bad("the graph has no nodes")
        ids = _int_ids(self.ids) if convert_ids else self.ids
        u = np.asarray(self.u, np.int64)
        v = np.asarray(self.v, np.int64)
        edges = canonical_edges(u, v, n)
        loops = int(np.count_nonzero(u == v))
        merged = int(u.size) - loops - int(edges.shape[0])
        return GraphData(ids=_id_array(ids), edges=edges, groups=_group_array(self.groups),
                         notes=_notes(self.directed, loops, merged))


#: The edge kinds ScoreNet's network export writes (models.io.network_out).
SCORENET_KINDS = frozenset({"friend", "date"})


def friendships_only(kinds: list[Any]) -> list[bool] | None:
    """Which edges to keep when the file is ScoreNet's network export: every edge's
    ``kind`` is ``friend`` or ``date`` (or absent) and some are ``date``; dates are
    relationships of the run, not friendships. None (keep all) for any other file.
    """
    present = {k.strip().lower() for k in kinds if isinstance(k, str)}
    if "date" not in present or not present <= SCORENET_KINDS:
        return None
    return [not (isinstance(k, str) and k.strip().lower() == "date") for k in kinds]


def with_notes(graph: GraphData, *notes: str | None) -> GraphData:
    """``graph`` with ``notes`` (the empty ones skipped) before its own."""
    notes = tuple(n for n in notes if n)
    return GraphData(graph.ids, graph.edges, graph.groups, (*notes, *graph.notes)) \
        if notes else graph


def with_date_note(graph: GraphData, dropped: int) -> GraphData:
    """``graph`` with a note that ``dropped`` date edges were left out (when any)."""
    what = "edges" if dropped != 1 else "edge"
    return with_notes(graph, dropped and
                      f"{dropped:,} date {what} (kind=date) left out: only friendships are read")


def undeclared_note(added: int) -> str | None:
    """The note for ``added`` people that ties named but the file did not declare."""
    if not added:
        return None
    return (f"{added:,} {'people' if added != 1 else 'person'} named by ties but not "
            "declared as nodes added")


def _notes(directed: bool, loops: int, merged: int) -> tuple[str, ...]:
    """What reading changed, in words (empty when nothing)."""
    notes = []
    if directed:
        notes.append("directed ties read as mutual friendships")
    if loops:
        notes.append(f"{loops:,} self-loop{'s' * (loops != 1)} dropped")
    if merged:
        what = "repeated or reverse ties" if merged != 1 else "repeated or reverse tie"
        notes.append(f"{merged:,} {what} merged")
    return tuple(notes)


def _int_ids(ids: list[Any]) -> list[Any]:
    """Text ids as ints when every one is a canonical decimal integer, else unchanged."""
    match = INT_RE.fullmatch
    if all(isinstance(t, str) and match(t) for t in ids):
        try:
            return [int(t) for t in ids]
        except ValueError:  # more digits than Python converts
            return ids
    return ids


def _id_array(ids: list[Any]) -> np.ndarray:
    if all(type(t) is int for t in ids):
        try:
            return np.array(ids, dtype=np.int64)
        except OverflowError:
            pass
    out = np.empty(len(ids), dtype=object)
    out[:] = ids
    return out


def _group_array(groups: list[Any]) -> np.ndarray | None:
    present = [g for g in groups if g is not MISSING]
    if not present:
        return None
    if len(present) < len(groups) or len({type(g) for g in present}) > 1:
        groups = ["none" if g is MISSING else str(g) for g in groups]
    out = np.empty(len(groups), dtype=object)
    out[:] = groups
    return out
