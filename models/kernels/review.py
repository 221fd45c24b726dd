"""Kernels of the tie review (models/ties.py): the gain rule's exponent and whether a
candidate is taken.

Each gives the bits of the numpy lines it replaces in :func:`models.ties.review_ties`
and :func:`models.ties._taken` (tests/test_kernels_draws.py compares them). No random
numbers are drawn here, and ``expm1`` stays numpy's: :func:`gain_exponent` gives its
argument, as :class:`models.ties.GainRule` computes it.
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["gain_exponent", "taken"]


@kernel
def gain_exponent(me, them, scores, deg, weight, tolerance, sensitivity, alone, least, extra):
    """``-sensitivity * max(0, weight * gain - tolerance)``, the argument of ``expm1`` in
    :meth:`models.ties.GainRule._chance`, for person ``me`` judging ``them``.

    ``gain`` is ``(scores[me] - scores[them]) / (f + extra)`` for ``f = deg[me]`` of at
    least ``least``, else ``alone - scores[them]``: ``least=2, extra=0`` is
    :meth:`~models.ties.GainRule.drop`, ``least=1, extra=1`` is
    :meth:`~models.ties.GainRule.refuse`. ``max`` is numpy's ``maximum(0.0, x)``: ``x``
    unless ``0.0 > x`` (so NaN and -0.0 stay).
    """
    out = np.empty(me.size, dtype=np.float64)
    negs = -sensitivity
    for t in range(me.size):
        f = deg[me[t]]
        other = np.float64(scores[them[t]])
        if f >= least:
            gain = (np.float64(scores[me[t]]) - other) / np.float64(f + extra)
        else:
            gain = alone - other
        x = weight * gain - tolerance
        if 0.0 > x:
            x = 0.0
        out[t] = negs * x
    return out


@kernel
def taken(i, j, c, indptr, indices):
    """``(c == i) | (c == j) | (the tie i-c exists)``, as :func:`models.ties._taken`.

    The tie is looked up in its row of the upper triangle (``indptr``, ``indices``: the
    columns ``v > u`` of row ``u``, ascending), a search among a few friends rather
    than through every key.
    """
    out = np.empty(c.size, dtype=np.bool_)
    for t in range(c.size):
        a = np.int64(i[t])
        b = np.int64(c[t])
        if a == b or b == j[t]:
            out[t] = True
            continue
        u = min(a, b)
        v = max(a, b)
        lo = np.int64(indptr[u])
        end = np.int64(indptr[u + 1])
        hi = end
        while lo < hi:                      # the first column at or above v
            mid = (lo + hi) >> 1
            if indices[mid] < v:
                lo = mid + 1
            else:
                hi = mid
        out[t] = lo < end and indices[lo] == v
    return out
