"""Every step of a run, kept compactly, so that any month can be shown again.

A :class:`Timeline` records, for each month: the scores (float32 by default), the status
codes, the friendship and dating ties as changes with periodic snapshots
(:class:`~models.keylog.KeyLog`), two bit-packed flags (under a scam this month, ever
scammed), who opted out (bit-packed, only in the months it changed: ``optout.choice``
lets people switch), positions when the caller has them (16-bit, only in the months
they moved: :mod:`models.packing`), and the setting changes made during the run.
:meth:`Timeline.state_at` rebuilds month ``k`` exactly as it was kept, without
re-simulating. Who is isolated (no friends) follows from the ties.

Memory (measured by ``benchmarks/bench_timeline.py``, see docs/performance.md) is about
``5 n`` bytes a month for scores and status plus the tie changes, ``4 n`` more with
positions and ``12 n`` more with the rubric components. ``max_bytes`` caps it: past the
cap the oldest months are dropped (a tenth of those kept at a time), :attr:`first` says
which month is now the earliest, and :attr:`dropped` how many went.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .keylog import KeyLog
from .packing import PackedPositions, pack_positions, unpack_positions
from .schema import RUBRIC_KEYS

__all__ = ["Change", "Moment", "Timeline", "FLAG_NAMES"]

#: The memory cap is checked every this many months (it may be passed by that much).
CAP_EVERY = 8

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
    positions: dict[int, PackedPositions] = field(default_factory=dict)  # months moved
    opted_out: dict[int, np.ndarray] = field(default_factory=dict)  # packed, months changed
    components: list[np.ndarray] = field(default_factory=list)   # (6, n) float16


def _latest(kept: dict, k: int):
    """The entry of ``kept`` (month -> value) in force in month ``k``, or None."""
    have = [s for s in kept if s <= k]
    return kept[max(have)] if have else None


class Timeline:
    """The kept months of one run over ``n`` people.

    Parameters
    ----------
    n
        Number of people.
    opted_out
        bool ``(n,)``: who opted out in the first month; all False when None (later
        months pass their own to :meth:`record`).
    score_dtype
        How scores are kept: float32 (default, 4 bytes a person) or float64 (exact).
    snapshot_share, max_gap
        When the tie logs take full snapshots (see :class:`~models.keylog.KeyLog`).
    keep_components
        Also keep the five rubric components and the violation counts (float16: 12
        bytes a person a month), for a score breakdown of past months.
    max_bytes
        Memory cap of the kept arrays (None: none). Past it the oldest months are
        dropped, never the latest two.

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
                 max_gap: int = 64, keep_components: bool = False,
                 max_bytes: int | None = None) -> None:
        self.n = int(n)
        self.keep_components = bool(keep_components)
        self.score_dtype = np.dtype(score_dtype)
        self.max_bytes = None if max_bytes is None else int(max_bytes)
        self._opted_first = (np.zeros(self.n, dtype=bool) if opted_out is None
                             else np.array(opted_out, dtype=bool, copy=True))
        self._first = 0
        self._last_pos: np.ndarray | None = None     # the last positions given, as given
        self._last_opted: np.ndarray | None = None
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
                    opted_out=sim.pop.opted_out, friends_changed=friends_changed,
                    components=sim.components, violations=sim.violations)
        for c in sim.history.changes[len(self._changes):]:
            self.note_change(*c)

    def record(self, step: int, scores: np.ndarray, status: np.ndarray,
               friend_keys: np.ndarray, *, dating_keys: np.ndarray | None = None,
               scammed: np.ndarray | None = None, was_scammed: np.ndarray | None = None,
               positions: np.ndarray | None = None, friends_changed: bool = True,
               components: dict[str, np.ndarray] | None = None,
               violations: np.ndarray | None = None,
               opted_out: np.ndarray | None = None) -> None:
        """Record month ``step``, which must follow the last one kept.

        ``friends_changed=False`` says the friendships equal last month's (skips a
        comparison); ``opted_out`` None keeps last month's; arrays are copied.
        """
        expected = self._first + len(self)
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
        if opted_out is None and step == 0:
            opted_out = self._opted_first
        if opted_out is not None:
            out = np.asarray(opted_out, dtype=bool)
            if self._last_opted is None or not np.array_equal(out, self._last_opted):
                self._last_opted = out.copy()
                self._cols.opted_out[int(step)] = np.packbits(out)
        if positions is not None:
            self.set_positions(step, positions)
        self._cap()

    def set_positions(self, step: int, positions: np.ndarray) -> None:
        """Keep ``(n, 2)`` positions for month ``step`` (16 bits each, see
        :mod:`models.packing`); positions equal to the last ones given are not kept
        again (later months carry them forward)."""
        pos = np.asarray(positions, dtype=np.float32)
        if pos.shape != (self.n, 2):
            raise ValueError(f"positions have shape {pos.shape}, expected ({self.n}, 2)")
        k = self._index(step)
        if (self._last_pos is not None and k not in self._cols.positions
                and np.array_equal(pos, self._last_pos)):
            return
        self._last_pos = pos.copy()
        self._cols.positions[k] = pack_positions(pos)

    def note_change(self, step: int, key: str, old: Any, new: Any) -> None:
        """Keep a setting change: month ``step`` is the first with the new value."""
        self._changes.append(Change(int(step), str(key), old, new))

    def _cap(self) -> None:
        """Past ``max_bytes``: drop the oldest tenth of the months kept (the latest two
        always stay). Measured every :data:`CAP_EVERY` months: :attr:`nbytes` walks
        every month kept."""
        if self.max_bytes is None or (self.last_step % CAP_EVERY and len(self) > 2):
            return
        while self.nbytes > self.max_bytes and len(self) > 2:
            self.drop_before(self._first + min(max(1, len(self) // 10), len(self) - 2))

    def drop_before(self, step: int) -> None:
        """Forget the months before ``step``; ``step`` becomes :attr:`first`."""
        k = self._index(step)
        cut = k - self._first
        if cut == 0:
            return
        c = self._cols
        for column in (c.scores, c.status, c.flags, c.components):
            del column[:cut]
        for kept in (c.positions, c.opted_out):
            now = _latest(kept, k)
            for s in [s for s in kept if s < k]:
                del kept[s]
            if now is not None:
                kept[k] = now
        self.friends.drop_before(k)
        self.dating.drop_before(k)
        self._first = k

    # ------------------------------------------------------------------ reading
    def __len__(self) -> int:
        """Number of months kept (:attr:`first` to :attr:`last_step`)."""
        return len(self._cols.scores)

    @property
    def first(self) -> int:
        """The earliest month kept (0 unless the memory cap dropped older ones)."""
        return self._first

    @property
    def dropped(self) -> int:
        """How many of the oldest months the memory cap dropped."""
        return self._first

    @property
    def last_step(self) -> int:
        """The latest month kept (-1 when empty)."""
        return self._first + len(self) - 1

    @property
    def opted_out(self) -> np.ndarray:
        """Who opted out in the latest month kept."""
        return self.opted_out_at(-1) if len(self) else self._opted_first.copy()

    @property
    def changes(self) -> list[Change]:
        """Setting changes made during the run, in the order they were made."""
        return list(self._changes)

    def change_steps(self) -> list[int]:
        """The months at which a setting change took effect (sorted, unique)."""
        return sorted({c.step for c in self._changes})

    def _index(self, k: int) -> int:
        """Month ``k`` (negative counts from the end) as a month number, if kept."""
        first, size = self._first, len(self)
        k = int(k)
        if k < 0:
            k += first + size
        if not first <= k < first + size:
            dropped = (f"; months before {first} were dropped to stay under the memory "
                       f"cap" if first and 0 <= k < first else "")
            raise IndexError(f"month {k} is not kept ({first}..{first + size - 1}){dropped}")
        return k

    def state_at(self, k: int) -> Moment:
        """The kept state of month ``k`` (negative counts from the end)."""
        k = self._index(k)
        i = k - self._first
        friends = self.friends.at(k)
        bits = np.unpackbits(self._cols.flags[i], axis=1, count=self.n).astype(bool)
        u, v = np.divmod(friends, self.n)
        degree = np.bincount(u, minlength=self.n) + np.bincount(v, minlength=self.n)
        flags = {"scammed": bits[0], "was_scammed": bits[1], "isolated": degree == 0,
                 "opted_out": self.opted_out_at(k)}
        pos = self.positions_at(k)
        comps = violations = None
        if self.keep_components:
            kept = self._cols.components[i].astype(np.float64)
            comps = dict(zip(RUBRIC_KEYS, kept[:-1]))
            violations = kept[-1]
        return Moment(step=k, scores=self._cols.scores[i].copy(),
                      status=self._cols.status[i].copy(), friend_keys=friends,
                      dating_keys=self.dating.at(k), flags=flags, positions=pos,
                      components=comps, violations=violations)

    def positions_at(self, k: int) -> np.ndarray | None:
        """Positions kept for month ``k``, else those of the latest earlier month kept
        (float32, a new array), or None."""
        packed = _latest(self._cols.positions, self._index(k))
        return None if packed is None else unpack_positions(packed)

    def opted_out_at(self, k: int) -> np.ndarray:
        """Who opted out in month ``k`` (bool ``(n,)``, a new array)."""
        packed = _latest(self._cols.opted_out, self._index(k))
        if packed is None:
            return self._opted_first.copy()
        return np.unpackbits(packed, count=self.n).astype(bool)

    def scores_of(self, person: int) -> np.ndarray:
        """One person's kept scores, month :attr:`first` to the last."""
        return np.array([s[person] for s in self._cols.scores], dtype=self.score_dtype)

    def status_of(self, person: int) -> np.ndarray:
        """One person's status codes, month :attr:`first` to the last."""
        return np.array([s[person] for s in self._cols.status], dtype=np.int8)

    def flags_of(self, person: int) -> dict[str, np.ndarray]:
        """One person's per-month ``scammed`` and ``was_scammed`` flags (from
        :attr:`first`)."""
        byte, bit = divmod(int(person), 8)
        rows = np.array([f[:, byte] for f in self._cols.flags], dtype=np.uint8)
        on = (rows >> (7 - bit)) & 1
        return {"scammed": on[:, 0].astype(bool), "was_scammed": on[:, 1].astype(bool)}

    def tie_changes_of(self, person: int) -> list[tuple[int, np.ndarray, np.ndarray]]:
        """``(month, friends gained, friends lost)`` for each month the person's
        friendships changed (the others' indices)."""
        p = int(person)
        months = range(self._first + 1, self._first + len(self))
        if not months:
            return []
        # All months at once: one pass over every change kept, not one per month.
        parts = [self.friends.changes(k) for k in months]
        sizes = np.array([[a.size, r.size] for a, r in parts]).reshape(-1)
        keys = np.concatenate([x for pair in parts for x in pair])
        month = np.repeat(np.repeat(np.asarray(months), 2), sizes)
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
                + sum(a.nbytes for a in c.opted_out.values())
                + self.friends.nbytes + self.dating.nbytes + self._opted_first.nbytes)
