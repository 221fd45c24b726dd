"""Frames that carry what changed: made small in the model process, made whole again.

:class:`FrameSender` lives beside the simulation (in the model host) and makes each
step's :class:`~app.process.frame.Frame` with only what is new: the scores and the other
per-person arrays every step, the friendship ties as a :class:`TiesDelta` only when the
simulation's ``ties_version`` moved (else :data:`~app.process.frame.SAME`), who opted
out only when someone switched (else ``SAME``), never the friend counts (the receiver
counts them from the ties), the applied scenario only when it changed, and the history
as its one new row.

:class:`FrameReceiver` lives on the GUI side (the controller's worker thread) and turns
those frames back into whole ones: it keeps the ties, the scenario and the metrics
history (:class:`MetricsLog`, whose columns are handed out as read-only views, never
copied again). A frame built by :func:`~app.process.frame.frame_from_simulation` and one
that went through a sender and a receiver hold the same values, bit for bit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from app.process.frame import SAME, Frame, frame_from_simulation
from models.graph import in_sorted
from models.history import METRIC_COLUMNS

__all__ = ["TiesDelta", "MetricsLog", "FrameSender", "FrameReceiver", "ties_delta",
           "apply_ties_delta"]


@dataclass(frozen=True)
class TiesDelta:
    """The change of the friendship ties between two frames, as sorted edge keys
    ``u * n + v`` (``u < v``): ``removed`` were there and are gone, ``added`` are new."""

    removed: np.ndarray
    added: np.ndarray


def ties_delta(old: np.ndarray, new: np.ndarray) -> TiesDelta:
    """The :class:`TiesDelta` from sorted unique keys ``old`` to ``new``.

    Examples
    --------
    >>> d = ties_delta(np.array([1, 5, 9]), np.array([1, 7, 9, 12]))
    >>> d.removed.tolist(), d.added.tolist()
    ([5], [7, 12])
    """
    # Both are sorted: a stable sort of the two runs is a linear merge (timsort), and a
    # key in only one of them is removed (from old) or added (from new). About 5x faster
    # than two binary searches at 88,000 ties.
    both = np.concatenate([old, new])
    order = np.argsort(both, kind="stable")
    merged = both[order]
    twice = merged[1:] == merged[:-1]
    once = np.ones(merged.size, dtype=bool)
    once[1:] &= ~twice
    once[:-1] &= ~twice
    idx = order[once]
    return TiesDelta(removed=both[idx[idx < old.size]], added=both[idx[idx >= old.size]])


def apply_ties_delta(keys: np.ndarray, delta: TiesDelta) -> np.ndarray:
    """Sorted unique keys ``keys`` changed by ``delta`` (a new array).

    Examples
    --------
    >>> apply_ties_delta(np.array([1, 5, 9]), ties_delta(np.array([1, 5, 9]),
    ...                                                  np.array([1, 7, 9, 12]))).tolist()
    [1, 7, 9, 12]
    """
    kept = keys[~in_sorted(keys, delta.removed)] if delta.removed.size else keys
    if not delta.added.size:
        return np.array(kept, copy=True)
    return np.insert(kept, np.searchsorted(kept, delta.added), delta.added)


def _edges(keys: np.ndarray, n: int) -> np.ndarray:
    """The canonical ``(m, 2)`` array of keys, as ``EdgeSet.edges`` makes it."""
    u, v = np.divmod(keys, n)
    return np.column_stack([u, v])


class MetricsLog:
    """Metric columns in growing buffers; :meth:`view` hands out read-only prefixes.

    Rows are only ever written past the end of every view handed out, so a view stays
    valid and unchanged however many rows follow (a growing buffer is a new array; the
    old views keep the old one).

    Examples
    --------
    >>> log = MetricsLog({c: np.array([0.0]) for c in METRIC_COLUMNS})
    >>> first = log.view()
    >>> log.extend({c: np.array([1.0]) for c in METRIC_COLUMNS})
    >>> first["step"].tolist(), log.view()["step"].tolist()
    ([0.0], [0.0, 1.0])
    """

    def __init__(self, columns: Mapping[str, np.ndarray]) -> None:
        self._len = 0
        self._buf = {c: np.empty(256) for c in METRIC_COLUMNS}
        self.extend(columns)

    def __len__(self) -> int:
        return self._len

    def extend(self, rows: Mapping[str, np.ndarray]) -> None:
        """Append the rows given as one array per column (every column, same length)."""
        k = len(rows["step"])
        need = self._len + k
        if need > self._buf["step"].shape[0]:
            cap = max(2 * self._buf["step"].shape[0], need)
            for c, b in self._buf.items():
                grown = np.empty(cap)
                grown[:self._len] = b[:self._len]
                self._buf[c] = grown
        for c in METRIC_COLUMNS:
            self._buf[c][self._len:need] = rows[c]
        self._len = need

    def view(self) -> dict[str, np.ndarray]:
        """Every column over the rows so far, as read-only arrays (no copy)."""
        out = {}
        for c, b in self._buf.items():
            v = b[:self._len]
            v.flags.writeable = False
            out[c] = v
        return out


class FrameSender:
    """Beside the simulation: frames with only what changed since the previous one."""

    def __init__(self) -> None:
        self._keys: np.ndarray | None = None
        self._version = -1
        self._scenario = None
        self._opted_out: np.ndarray | None = None

    def first(self, sim) -> Frame:
        """The whole frame of a freshly built simulation (every tie, every row)."""
        self._opted_out = np.array(sim.pop.opted_out, dtype=bool, copy=True)
        self._keys = np.array(sim.friends.keys, copy=True)
        self._version = sim.ties_version
        self._scenario = sim.applied
        return frame_from_simulation(sim, edges_changed=True,
                                     friend_edges=_edges(self._keys, sim.n))

    def next(self, sim) -> Frame:
        """The frame after a step: new row, ties and scenario only if they changed."""
        assert self._keys is not None, "first() comes first"
        changed = sim.ties_version != self._version
        ties = SAME
        if changed:
            keys = np.array(sim.friends.keys, copy=True)
            ties = ties_delta(self._keys, keys)
            self._keys, self._version = keys, sim.ties_version
        scenario = sim.applied
        if scenario is self._scenario or scenario == self._scenario:
            scenario = SAME
        else:
            self._scenario = scenario
        row = sim.history.row(-1)
        frame = frame_from_simulation(sim, edges_changed=changed, friend_edges=ties,
                                      history={c: np.array([row[c]]) for c in METRIC_COLUMNS})
        opted_out = frame.opted_out
        if np.array_equal(opted_out, self._opted_out):
            opted_out = SAME
        else:
            self._opted_out = opted_out
        return dataclasses.replace(frame, scenario=scenario, degree=SAME, opted_out=opted_out)


class FrameReceiver:
    """On the GUI side: whole frames again, from a sender's frames."""

    def __init__(self) -> None:
        self._keys: np.ndarray | None = None
        self._edges: np.ndarray | None = None
        self._degree: np.ndarray | None = None
        self._scenario = None
        self._opted_out = None
        self.log: MetricsLog | None = None

    def first(self, frame: Frame) -> Frame:
        """A build's frame: start over from it."""
        n = frame.n
        edges = np.asarray(frame.friend_edges, dtype=np.int64)
        self._keys = edges[:, 0] * np.int64(n) + edges[:, 1]
        self._edges = edges
        self._degree = np.asarray(frame.degree)
        self._scenario = frame.scenario
        self._opted_out = frame.opted_out
        self.log = MetricsLog(frame.history)
        return dataclasses.replace(frame, history=self.log.view())

    def next(self, frame: Frame) -> Frame:
        """A step's frame: the ties, scenario and history filled in."""
        assert self.log is not None and self._keys is not None, "first() comes first"
        if frame.edges_changed:
            self._keys = apply_ties_delta(self._keys, frame.friend_edges)
            self._edges = _edges(self._keys, frame.n)
            # Friends counted from the ties, as EdgeSet.degree does (dates not counted).
            self._degree = np.bincount(self._edges.ravel(), minlength=frame.n)
        if frame.scenario is not SAME:
            self._scenario = frame.scenario
        if frame.opted_out is not SAME:
            self._opted_out = frame.opted_out
        self.log.extend(frame.history)
        return dataclasses.replace(frame, friend_edges=self._edges, scenario=self._scenario,
                                   degree=self._degree, history=self.log.view(),
                                   opted_out=self._opted_out)
