"""Every step of a run, kept compactly, so that any month can be shown again.

A :class:`Timeline` records, for each month: the scores (float32 by default), the status
codes, the friendship and dating ties as changes with periodic snapshots
(:class:`~models.keylog.KeyLog`), two bit-packed flags (under a scam this month, ever
scammed), positions when the caller has them, and the setting changes made during the
run. :meth:`Timeline.state_at` rebuilds month ``k`` exactly as it was kept, without
re-simulating. Who is isolated (no friends) follows from the ties; who opted out does
not change during a run and is kept once.

Memory (measured by ``benchmarks/bench_timeline.py``, see docs/performance.md) is about
``5 n`` bytes a month for scores and status plus the tie changes, and ``8 n`` more with
positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .keylog import KeyLog
from .schema import RUBRIC_KEYS

__all__ = ["Change", "Moment", "Timeline", "FLAG_NAMES"]

#: Per-person marks, in the order of :attr:`Moment.flags`.
FLAG_NAMES: tuple[str, ...] = ("scammed", "was_scammed", "isolated", "opted_out")


@dataclass(frozen=True)
class Change:
    """A setting changed during a run: ``key`` went from ``old`` to ``new``, and month
    ``step`` was the first computed with the new value."""

    step: int
    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Moment:
    """The kept state of one month.

    Attributes
    ----------
    step
        The month (0 is the state before the first step).
    scores
        ``(n,)`` scores as kept (float32 unless the timeline says otherwise).
    status
        int8 ``(n,)``: -1 restricted, 0 normal, 1 privileged.
    friend_keys, dating_keys
        Sorted int64 tie keys ``u * n + v`` (``u < v``).
    flags
        bool ``(n,)`` per name of :data:`FLAG_NAMES`: under a scam this month, ever
        scammed up to this month, no friends, opted out.
    positions
        float32 ``(n, 2)`` positions kept for this month, or None.
    components
        The rubric components kept for this month (float16, so to within 0.0005), or
        None when the timeline keeps none.
    violations
        The decayed violation counts kept with the components (float16), or None.
    """

    step: int
    scores: np.ndarray
    status: np.ndarray
    friend_keys: np.ndarray
    dating_keys: np.ndarray
    flags: dict[str, np.ndarray]
    positions: np.ndarray | None
    components: dict[str, np.ndarray] | None = None
    violations: np.ndarray | None = None

    @property
    def n(self) -> int:
        return int(self.scores.shape[0])

    def friend_edges(self) -> np.ndarray:
        """Canonical ``(m, 2)`` friendship ties."""
        return np.column_stack(np.divmod(self.friend_keys, self.n))

    def dating_edges(self) -> np.ndarray:
        """Canonical ``(k, 2)`` dating ties."""
        return np.column_stack(np.divmod(self.dating_keys, self.n))

    def degree(self) -> np.ndarray:
        """Number of friends of every person."""
        u, v = np.divmod(self.friend_keys, self.n)
        return np.bincount(u, minlength=self.n) + np.bincount(v, minlength=self.n)


@dataclass
class _Columns:
    """The per-month arrays (one list entry per month)."""

    scores: list[np.ndarray] = field(default_factory=list)
    status: list[np.ndarray] = field(default_factory=list)
    flags: list[np.ndarray] = field(default_factory=list)   # packed bits, 2 rows
    positions: dict[int, np.ndarray] = field(default_factory=dict)
    components: list[np.ndarray] = field(default_factory=list)   # (6, n) float16


class Timeline:
    """The kept months of one run over ``n`` people.

    Parameters
    ----------
    n
        Number of people.
    opted_out
        bool ``(n,)``: who opted out (fixed during a run); all False when None.
    score_dtype
        How scores are kept: float32 (default, 4 bytes a person) or float64 (exact).
    snapshot_share, max_gap
        When the tie logs take full snapshots (see :class:`~models.keylog.KeyLog`).
    keep_components
        Also keep the five rubric components and the violation counts (float16: 12
        bytes a person a month), for a score breakdown of past months.

    Examples
    --------
    >>> from models import Simulation, load_scenario
    >>> sim = Simulation(load_scenario("karate"))
    >>> tl = Timeline.of_simulation(sim)
    >>> sim.run(3)   # record after every step; here only the last one, for brevity
    >>> tl.record(1, sim.scores, sim.status, sim.friends.keys)
    >>> tl.last_step, tl.state_at(1).friend_keys.size == sim.friends.m
    (1, True)
    """

    def __init__(self, n: int, *, opted_out: np.ndarray | None = None,
                 score_dtype: Any = np.float32, snapshot_share: float = 1.0,
                 max_gap: int = 64, keep_components: bool = False) -> None:
        self.n = int(n)
        self.keep_components = bool(keep_components)
        self.score_dtype = np.dtype(score_dtype)
        self.opted_out = (np.zeros(self.n, dtype=bool) if opted_out is None
                          else np.array(opted_out, dtype=bool, copy=True))
        self.friends = KeyLog(self.n, snapshot_share=snapshot_share, max_gap=max_gap)
        self.dating = KeyLog(self.n, snapshot_share=snapshot_share, max_gap=max_gap)
        self._cols = _Columns()
        self._changes: list[Change] = []

    # ------------------------------------------------------------------ recording
    @classmethod
    def of_simulation(cls, sim, **kwargs) -> Timeline:
        """A timeline holding ``sim``'s current month as its first."""
        tl = cls(sim.n, opted_out=sim.pop.opted_out, **kwargs)
        tl.record_simulation(sim)
        return tl

    def record_simulation(self, sim, *, positions: np.ndarray | None = None,
                          friends_changed: bool = True) -> None:
        """Record ``sim``'s current month (the next after :attr:`last_step`), with the
        setting changes its history noted since the last call."""
        self.record(sim.step_count, sim.scores, sim.status, sim.friends.keys,
                    dating_keys=sim.dating.keys, scammed=sim.scammed_now,
                    was_scammed=sim.ever_scammed, positions=positions,
                    friends_changed=friends_changed, components=sim.components,
                    violations=sim.violations)
        for c in sim.history.changes[len(self._changes):]:
            self.note_change(*c)

    def record(self, step: int, scores: np.ndarray, status: np.ndarray,
               friend_keys: np.ndarray, *, dating_keys: np.ndarray | None = None,
               scammed: np.ndarray | None = None, was_scammed: np.ndarray | None = None,
               positions: np.ndarray | None = None, friends_changed: bool = True,
               components: dict[str, np.ndarray] | None = None,
               violations: np.ndarray | None = None) -> None:
        """Record month ``step``, which must follow the last one kept.

        ``friends_changed=False`` says the friendships equal last month's (skips a
        comparison); arrays are copied.
        """
        expected = len(self)
        if int(step) != expected:
            raise ValueError(f"month {step} recorded after month {expected - 1}; "
                             f"the timeline keeps consecutive months from 0")
        n = self.n
        scores = np.asarray(scores)
        if scores.shape != (n,):
            raise ValueError(f"scores have shape {scores.shape}, expected ({n},)")
        no = np.zeros(n, dtype=bool)
        bits = np.packbits(np.vstack([no if scammed is None else scammed,
                                      no if was_scammed is None else was_scammed]), axis=1)
        self._cols.scores.append(scores.astype(self.score_dtype, copy=True))
        self._cols.status.append(np.asarray(status, dtype=np.int8).copy())
        self._cols.flags.append(bits)
        if self.keep_components:
            if components is None:
                raise ValueError("this timeline keeps the rubric components: pass them")
            rows = [np.asarray(components[k]) for k in RUBRIC_KEYS]
            rows.append(np.zeros(n) if violations is None else np.asarray(violations))
            self._cols.components.append(np.vstack(rows).astype(np.float16))
        self.friends.record(friend_keys, changed=friends_changed)
        self.dating.record(np.empty(0, np.int64) if dating_keys is None else dating_keys)
        if positions is not None:
            self.set_positions(step, positions)

    def set_positions(self, step: int, positions: np.ndarray) -> None:
        """Keep ``(n, 2)`` positions for month ``step`` (float32)."""
        pos = np.asarray(positions, dtype=np.float32)
        if pos.shape != (self.n, 2):
            raise ValueError(f"positions have shape {pos.shape}, expected ({self.n}, 2)")
        self._cols.positions[self._index(step)] = pos.copy()

    def note_change(self, step: int, key: str, old: Any, new: Any) -> None:
        """Keep a setting change: month ``step`` is the first with the new value."""
        self._changes.append(Change(int(step), str(key), old, new))

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        return len(self._cols.scores)

    @property
    def last_step(self) -> int:
        """The latest month kept (-1 when empty)."""
        return len(self) - 1

    @property
    def changes(self) -> list[Change]:
        """Setting changes made during the run, in the order they were made."""
        return list(self._changes)

    def change_steps(self) -> list[int]:
        """The months at which a setting change took effect (sorted, unique)."""
        return sorted({c.step for c in self._changes})

    def _index(self, k: int) -> int:
        size = len(self)
        k = int(k)
        if not -size <= k < size:
            raise IndexError(f"month {k} is not kept (0..{size - 1})")
        return k % size

    def state_at(self, k: int) -> Moment:
        """The kept state of month ``k`` (negative counts from the end)."""
        k = self._index(k)
        friends = self.friends.at(k)
        bits = np.unpackbits(self._cols.flags[k], axis=1, count=self.n).astype(bool)
        u, v = np.divmod(friends, self.n)
        degree = np.bincount(u, minlength=self.n) + np.bincount(v, minlength=self.n)
        flags = {"scammed": bits[0], "was_scammed": bits[1], "isolated": degree == 0,
                 "opted_out": self.opted_out.copy()}
        pos = self.positions_at(k)
        comps = violations = None
        if self.keep_components:
            kept = self._cols.components[k].astype(np.float64)
            comps = dict(zip(RUBRIC_KEYS, kept[:-1]))
            violations = kept[-1]
        return Moment(step=k, scores=self._cols.scores[k].copy(),
                      status=self._cols.status[k].copy(), friend_keys=friends,
                      dating_keys=self.dating.at(k), flags=flags,
                      positions=None if pos is None else pos.copy(), components=comps,
                      violations=violations)

    def positions_at(self, k: int) -> np.ndarray | None:
        """Positions kept for month ``k``, else those of the latest earlier month kept."""
        k = self._index(k)
        have = [s for s in self._cols.positions if s <= k]
        return self._cols.positions[max(have)] if have else None

    def scores_of(self, person: int) -> np.ndarray:
        """One person's kept scores, month 0 to the last."""
        return np.array([s[person] for s in self._cols.scores], dtype=self.score_dtype)

    def status_of(self, person: int) -> np.ndarray:
        """One person's status codes, month 0 to the last."""
        return np.array([s[person] for s in self._cols.status], dtype=np.int8)

    def flags_of(self, person: int) -> dict[str, np.ndarray]:
        """One person's per-month ``scammed`` and ``was_scammed`` flags."""
        byte, bit = divmod(int(person), 8)
        rows = np.array([f[:, byte] for f in self._cols.flags], dtype=np.uint8)
        on = (rows >> (7 - bit)) & 1
        return {"scammed": on[:, 0].astype(bool), "was_scammed": on[:, 1].astype(bool)}

    def tie_changes_of(self, person: int) -> list[tuple[int, np.ndarray, np.ndarray]]:
        """``(month, friends gained, friends lost)`` for each month the person's
        friendships changed (the others' indices)."""
        p = int(person)
        months = range(1, len(self))
        if not months:
            return []
        # All months at once: one pass over every change kept, not one per month.
        parts = [self.friends.changes(k) for k in months]
        sizes = np.array([[a.size, r.size] for a, r in parts]).reshape(-1)
        keys = np.concatenate([x for pair in parts for x in pair])
        month = np.repeat(np.repeat(np.arange(1, len(self)), 2), sizes)
        gained = np.repeat(np.tile([True, False], len(parts)), sizes)
        u, v = np.divmod(keys, self.n)
        mine = (u == p) | (v == p)
        other, month, gained = (u + v - p)[mine], month[mine], gained[mine]
        out = []
        for k in np.unique(month):
            at = month == k
            out.append((int(k), other[at & gained], other[at & ~gained]))
        return out

    @property
    def nbytes(self) -> int:
        """Bytes held by the kept arrays."""
        c = self._cols
        return (sum(a.nbytes for a in c.scores) + sum(a.nbytes for a in c.status)
                + sum(a.nbytes for a in c.components)
                + sum(a.nbytes for a in c.flags) + sum(a.nbytes for a in c.positions.values())
                + self.friends.nbytes + self.dating.nbytes + self.opted_out.nbytes)
