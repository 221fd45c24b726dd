"""One ranking of the scores per step, shared by every measure that ranks them.

The median, the Gini coefficient, the fifths of the three gaps, the restricted and
privileged shares and the average ranks of mobility each sorted or partitioned the
scores on their own; :class:`SortedScores` sorts once (an argsort, then one gather) and
answers each of them with the same float as its stand-alone function, which the tests
check.
"""

from __future__ import annotations

import numpy as np

from ..accel import use_kernels
from .distribution import gini_sorted, mobility_of_centred, mobility_of_ranks, quintiles_at
from .ranks import ranks_from_order

__all__ = ["SortedScores"]


class SortedScores:
    """A sorted view of a non-empty float vector ``s`` (not copied: do not change it).

    Examples
    --------
    >>> v = SortedScores(np.array([3.0, 1.0, 2.0, 5.0]))
    >>> v.median(), v.share_below(2.5), v.share_at_least(3.0)
    (2.5, 0.5, 0.5)
    """

    def __init__(self, s: np.ndarray, order: np.ndarray | None = None) -> None:
        self.s = s
        # Any sorting serves (numpy's argsort is not stable, the kernel's sort is): ties
        # get one average rank anyway, and the fifths break ties by index themselves
        # (quintiles_at). ``order`` may be a known sorting.
        if order is None and use_kernels(s.size) and (known := _kernel_sort(s)) is not None:
            self.order, self.xs = known
            return
        self.order = np.argsort(s) if order is None else order
        self.xs = s[self.order]

    def median(self) -> float:
        """``np.median(s)``: the middle value, or the mean of the two middle values."""
        xs, h = self.xs, self.xs.size // 2
        if xs.size % 2:
            return float(xs[h])
        return float((xs[h - 1] + xs[h]) / 2.0)

    def gini(self, shift: float) -> float:
        """``gini(s - shift)`` (subtracting keeps the order, so the sorted copy serves)."""
        return gini_sorted(self.xs - shift)

    def quintiles(self) -> tuple[np.ndarray, np.ndarray]:
        """``quintile_masks(s)``."""
        n = self.xs.size
        k = max(1, n // 5)
        return quintiles_at(self.s, self.xs[k - 1], self.xs[n - k])

    def share_below(self, line: float) -> float:
        """``np.mean(s < line)``."""
        return float(int(np.searchsorted(self.xs, line, side="left")) / self.xs.size)

    def share_at_least(self, line: float) -> float:
        """``np.mean(s >= line)``."""
        n = self.xs.size
        return float((n - int(np.searchsorted(self.xs, line, side="left"))) / n)

    def ranks(self) -> np.ndarray:
        """``average_ranks(s)``."""
        return ranks_from_order(self.s, self.order, self.xs)

    def sorts(self, other: np.ndarray) -> bool:
        """Whether ``order`` also sorts ``other`` (so it can rank it)."""
        if other.shape != self.s.shape:
            return False
        o = self.xs if other is self.s else other[self.order]
        return bool(np.all(o[1:] >= o[:-1]))

    def mobility_since(self, before: np.ndarray, order: np.ndarray) -> float | None:
        """``mobility(s, before)`` (``s`` and ``before`` different), ``before`` ranked by
        ``order``, a sorting kept from when it was sorted; None when that no longer
        sorts it (checked: no sort)."""
        if order.shape != before.shape or before.shape != self.s.shape:
            return None
        if use_kernels(self.s.size):
            from ..kernels.metrics import centred_ranks

            centre = (self.s.size + 1) / 2.0
            rb = centred_ranks(before[order], order, centre)
            if rb is None:
                return None
            ra = centred_ranks(self.xs, self.order, centre)
            return 0.0 if np.array_equal(ra, rb) else mobility_of_centred(ra, rb)
        then = SortedScores.kept(before, order)
        return None if then is None else mobility_of_ranks(self.ranks(), then.ranks())

    @classmethod
    def kept(cls, s: np.ndarray, order: np.ndarray) -> SortedScores | None:
        """The view of ``s`` by a kept ``order``, or None if that does not sort ``s``
        (checked: one gather and one comparison, no sort)."""
        if order.shape != s.shape:
            return None
        view = cls(s, order)
        return view if view.sorts(s) else None


def _kernel_sort(s: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``(order, s[order])`` with ``order = np.argsort(s, kind="stable")``, from one
    sort of integer keys (value bits, index bits: numpy's vectorised integer sort is
    twice as fast as its argsort here); None if ``s`` has nan or many values too close
    for the keys to tell apart."""
    from ..kernels.metrics import sort_keys, sorted_from_keys

    if s.dtype != np.float64 or not s.flags.c_contiguous:
        return None
    bits = max(1, (s.size - 1).bit_length())
    keys = sort_keys(s, bits)
    if keys is None:
        return None
    keys.sort()
    return sorted_from_keys(keys, s, bits)
