"""A step-by-step log of a set of tie keys: changes every step, full copies now and then.

Ties are sorted int64 keys ``u * n + v`` (``u < v``, see :mod:`models.ties`). A
:class:`KeyLog` keeps, for every recorded step, the keys added and removed relative to
the step before, and a full snapshot of the set whenever the changes since the last
snapshot add up to more than a share of the set's size (or every ``max_gap`` steps).
Rebuilding step ``k`` is then one snapshot plus at most ``max_gap`` small changes
(each key's last change decides, then one pass over the ties), and the memory is about the
changes themselves plus a snapshot per ``max_gap`` steps.

Keys are stored as ``uint32`` when ``n * n`` fits (up to 65,535 people), halving the
memory; :meth:`KeyLog.at` always returns int64.
"""

from __future__ import annotations

import bisect

import numpy as np

from .graph import in_sorted, sorted_unique

__all__ = ["KeyLog", "key_dtype", "apply_changes"]


def key_dtype(n: int) -> np.dtype:
    """The narrowest unsigned dtype holding every key ``u * n + v`` of ``n`` people."""
    return np.dtype(np.uint32) if n * n <= 2**32 else np.dtype(np.int64)


def apply_changes(keys: np.ndarray, removed: np.ndarray, added: np.ndarray) -> np.ndarray:
    """``(keys - removed) | added`` for sorted unique int64 arrays (a sorted result).

    Examples
    --------
    >>> apply_changes(np.array([1, 3, 5]), np.array([3]), np.array([2, 9])).tolist()
    [1, 2, 5, 9]
    """
    if removed.size:
        keys = keys[~in_sorted(keys, removed)]
    if added.size:
        keys = np.insert(keys, np.searchsorted(keys, added), added)
    return keys


class KeyLog:
    """The history of one set of tie keys over ``n`` people, one entry per step.

    Parameters
    ----------
    n
        Number of people (keys are below ``n * n``).
    snapshot_share
        Take a full snapshot when the changes since the last one hold more keys than
        this share of the current set (1.0: as many keys as a snapshot would cost).
    max_gap
        Take a full snapshot at least this often, so that seeking stays fast.

    Examples
    --------
    >>> log = KeyLog(4)
    >>> log.record(np.array([1, 6]))
    >>> log.record(np.array([1, 7]))
    >>> log.at(0).tolist(), log.at(1).tolist(), log.changes(1)
    ([1, 6], [1, 7], (array([7]), array([6])))
    """

    def __init__(self, n: int, *, snapshot_share: float = 1.0, max_gap: int = 64) -> None:
        if max_gap < 1:
            raise ValueError(f"max_gap must be >= 1, got {max_gap}")
        self.n = int(n)
        self.dtype = key_dtype(self.n)
        self.snapshot_share = float(snapshot_share)
        self.max_gap = int(max_gap)
        self._added: list[np.ndarray] = []
        self._removed: list[np.ndarray] = []
        self._snap_steps: list[int] = []
        self._snaps: list[np.ndarray] = []
        self._current = np.empty(0, dtype=np.int64)
        self._since_snap = 0
        self._first = 0   # steps before it were dropped (drop_before)

    def __len__(self) -> int:
        """Number of steps kept (``first`` to the last)."""
        return len(self._added)

    @property
    def first(self) -> int:
        """The earliest step kept (0 unless :meth:`drop_before` dropped older ones)."""
        return self._first

    def record(self, keys: np.ndarray, changed: bool = True) -> None:
        """Append the next step's keys (sorted unique; sorted here if they are not).

        ``changed=False`` says the keys equal the previous step's (no comparison made).
        """
        k = self._first + len(self._added)
        empty = np.empty(0, dtype=self.dtype)
        if k > 0 and not changed:
            self._added.append(empty)
            self._removed.append(empty)
            self._maybe_snapshot(k)
            return
        keys = np.asarray(keys, dtype=np.int64)
        if keys.size > 1 and not bool(np.all(keys[1:] > keys[:-1])):
            keys = sorted_unique(keys)
        if not self._added:
            self._added.append(empty)
            self._removed.append(empty)
            self._current = keys.copy()
            self._snapshot(0)
            return
        prev = self._current
        added = keys[~in_sorted(keys, prev)]
        removed = prev[~in_sorted(prev, keys)]
        self._added.append(added.astype(self.dtype))
        self._removed.append(removed.astype(self.dtype))
        self._since_snap += added.size + removed.size
        if added.size or removed.size:
            self._current = keys.copy()
        self._maybe_snapshot(k)

    def _maybe_snapshot(self, k: int) -> None:
        due = k - self._snap_steps[-1] >= self.max_gap
        if due or self._since_snap > self.snapshot_share * max(self._current.size, 1):
            self._snapshot(k)

    def _snapshot(self, k: int) -> None:
        self._snap_steps.append(k)
        self._snaps.append(self._current.astype(self.dtype))
        self._since_snap = 0

    def at(self, k: int) -> np.ndarray:
        """The sorted int64 keys at step ``k`` (0-based, negative counts from the end)."""
        k = self._index(k)
        i = bisect.bisect_right(self._snap_steps, k) - 1
        snap = self._snaps[i].astype(np.int64)
        months = range(self._snap_steps[i] + 1, k + 1)
        if not months:
            return snap
        # Each key's last change since the snapshot decides whether it is there: one sort
        # of the changes and one pass over the ties, not one pass per month.
        added = [self._added[j - self._first] for j in months]
        removed = [self._removed[j - self._first] for j in months]
        keys = np.concatenate(added + removed).astype(np.int64)
        if keys.size == 0:
            return snap
        sizes = [x.size for x in added + removed]
        month = np.repeat(np.concatenate([months, months]), sizes)
        is_add = np.repeat(np.r_[np.ones(len(months), bool), np.zeros(len(months), bool)],
                           sizes)
        order = np.lexsort((month, keys))
        keys, is_add = keys[order], is_add[order]
        last = np.r_[keys[1:] != keys[:-1], True]
        touched = keys[last]
        return apply_changes(snap, touched, touched[is_add[last]])

    def changes(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """``(added, removed)`` int64 keys of step ``k`` relative to step ``k - 1``."""
        i = self._index(k) - self._first
        return self._added[i].astype(np.int64), self._removed[i].astype(np.int64)

    def _index(self, k: int) -> int:
        """Step ``k`` (negative counts from the end) as an absolute step, if kept."""
        first, size = self._first, len(self._added)
        k = int(k)
        if k < 0:
            k += first + size
        if not first <= k < first + size:
            raise IndexError(f"step {k} is not kept ({first}..{first + size - 1})")
        return k

    def drop_before(self, step: int) -> None:
        """Forget every step before ``step`` (a memory cap): ``step`` becomes the first
        kept, as a full snapshot; its changes read as none."""
        step = self._index(step)
        if step == self._first:
            return
        keys = self.at(step)
        cut = step - self._first
        del self._added[:cut], self._removed[:cut]
        empty = np.empty(0, dtype=self.dtype)
        self._added[0], self._removed[0] = empty, empty
        keep = [i for i, s in enumerate(self._snap_steps) if s > step]
        self._snap_steps = [step] + [self._snap_steps[i] for i in keep]
        self._snaps = [keys.astype(self.dtype)] + [self._snaps[i] for i in keep]
        self._first = step

    @property
    def snapshot_steps(self) -> list[int]:
        """Steps at which a full copy is kept."""
        return list(self._snap_steps)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (not counting Python's list overhead)."""
        return (sum(a.nbytes for a in self._added) + sum(r.nbytes for r in self._removed)
                + sum(s.nbytes for s in self._snaps) + self._current.nbytes)
