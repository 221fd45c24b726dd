"""Kernels of the tie review (models/ties.py): who reviews, the gain rule's exponent, the
pairs dropped or made, and whether a candidate is taken.

Each gives the bits of the numpy lines it replaces in :func:`models.ties.review_ties`
and :func:`models.ties._taken` (tests/test_kernels_draws.py compares them). No random
numbers are drawn here, and ``expm1`` stays numpy's: :func:`gain_exponent` gives its
argument, as :class:`models.ties.GainRule` computes it.
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["drop_pairs", "gain_exponent", "pair_keys", "reviewers", "taken"]


@kernel
def reviewers(act, deg):
    """``act[deg[act] > 0]`` and ``act[deg[act] == 0]``: of the acting people (indices,
    ascending), those with friends and the lonely ones, as :func:`models.ties._reviewers`
    splits them."""
    count = 0
    alone = 0
    for t in range(act.size):
        count += deg[act[t]] > 0
        alone += deg[act[t]] == 0
    who = np.empty(count, dtype=np.int64)
    lonely = np.empty(alone, dtype=np.int64)
    a = 0
    b = 0
    for t in range(act.size):       # nearly all have friends: a well-predicted branch
        x = act[t]
        if deg[x] > 0:
            who[a] = x
            a += 1
        elif deg[x] == 0:
            lonely[b] = x
            b += 1
    return who, lonely


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
def pair_keys(a, b, keep, n):
    """``np.minimum(a, b) * n + np.maximum(a, b)`` where ``keep`` (int64, in order)."""
    count = 0
    for t in range(keep.size):
        count += keep[t]
    out = np.empty(count + 1, dtype=np.int64)
    w = 0
    for t in range(keep.size):
        x = np.int64(a[t])
        y = np.int64(b[t])
        out[w] = min(x, y) * n + max(x, y)
        w += keep[t]
    return out[:count]


@kernel
def drop_pairs(who, friend, dropped, lonely, n):
    """The keys of the dropped ties, and the askers ``i`` (who dropped, then the
    lonely) with the friend each just dropped ``j`` (-1 for the lonely), as
    :func:`models.ties.review_ties` makes them from the drop mask."""
    remove = pair_keys(who, friend, dropped, n)
    i = np.empty(remove.size + lonely.size + 1, dtype=np.int64)
    j = np.empty(remove.size + lonely.size + 1, dtype=np.int64)
    w = 0
    for t in range(dropped.size):
        i[w] = who[t]
        j[w] = friend[t]
        w += dropped[t]
    for t in range(lonely.size):
        i[w + t] = lonely[t]
        j[w + t] = -1
    return remove, i[:w + lonely.size], j[:w + lonely.size]


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
