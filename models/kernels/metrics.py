"""Kernels of a step's metrics (models.measures); see models.accel.

Each gives the integers or the bits of a numpy routine named in its docstring
(tests/test_kernels_metrics.py compares them).
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["auc_counts", "centred_ranks", "group_totals", "masked_sums", "sort_keys",
           "sorted_from_keys", "split"]


@kernel
def auc_counts(scores, missed, among, order):
    """``(n_good, n_bad, twice_below)`` of ``score_auc_sorted``'s numpy path: the payers
    and the missers among ``among``, and summed over the missers twice the payers
    scoring below plus those tied (``above + below`` of its two searches), in one walk
    along ``order``; ``n_good = -1`` when ``order`` does not sort the scores of
    ``among``. Integer counts: exact in any order."""
    n_good = 0
    n_bad = 0
    twice_below = 0
    run_good = 0           # payers in the current run of equal scores
    run_bad = 0            # missers in it
    last = -np.inf
    for k in range(order.size):
        i = order[k]
        if not among[i]:
            continue
        x = scores[i]
        if not x >= last:      # unsorted (or nan): the caller sorts afresh
            return -1, 0, 0
        if x != last:
            # The run ends: each misser in it has n_good - run_good payers below and
            # run_good tied.
            twice_below += run_bad * (2 * (n_good - run_good) + run_good)
            run_good = 0
            run_bad = 0
            last = x
        if missed[i]:
            n_bad += 1
            run_bad += 1
        else:
            n_good += 1
            run_good += 1
    twice_below += run_bad * (2 * (n_good - run_good) + run_good)
    return n_good, n_bad, twice_below


@kernel
def centred_ranks(xs, order, centre):
    """``ranks_from_order(x, order, xs) - centre`` for ``xs = x[order]`` (average ranks,
    as ``place_ranks`` computes them: ``k + 1`` at an untied place ``k``, ``start +
    (size + 1) / 2`` in a tied run), in one walk along ``xs``; None when ``xs`` is not
    ascending (where ``SortedScores.kept`` says None too)."""
    n = order.size
    out = np.empty(n, dtype=np.float64)
    k = 0
    while k < n:
        v = xs[k]
        if v != v:
            return None
        j = k + 1
        while j < n and xs[j] == v:
            j += 1
        if j < n and not xs[j] > v:
            return None        # a smaller value (or nan) next: not sorted
        if j - k == 1:
            out[order[k]] = k + 1.0 - centre
        else:
            r = float(k) + (j - k + 1) / 2.0 - centre
            for q in range(k, j):
                out[order[q]] = r
        k = j
    return out


@kernel
def group_totals(codes, x, line):
    """``(np.bincount(codes), np.bincount(codes, weights=x), np.bincount(codes,
    weights=(x < line) as floats))`` in one pass, adding in index order as bincount
    does (non-negative ``codes``)."""
    size = 0
    for c in codes:
        size = max(size, c + 1)
    counts = np.zeros(size, dtype=np.int64)
    sums = np.zeros(size, dtype=np.float64)
    below = np.zeros(size, dtype=np.float64)
    for i in range(codes.size):
        c = codes[i]
        counts[c] += 1
        sums[c] += x[i]
        if x[i] < line:
            below[c] += 1.0
    return counts, sums, below


@kernel
def masked_sums(d, mask):
    """``(int(d[mask].sum()), int(d.sum()))`` of integers in one pass (exact sums, so
    the order does not matter)."""
    inside = 0
    total = 0
    for i in range(d.size):
        total += d[i]
        if mask[i]:
            inside += d[i]
    return inside, total


@kernel
def sort_keys(s, bits):
    """Keys whose ascending order is a sorting of the floats ``s``: each value's bits
    made to order as unsigned integers (the sign flipped, or all bits for a negative
    value; -0.0 as 0.0), the low ``bits`` replaced by the index (``bits`` enough for
    ``s.size - 1``). Values equal but for those low bits tie there, ordered by index:
    :func:`sorted_from_keys` puts them right. None when a value is nan."""
    n = s.size
    out = np.empty(n, dtype=np.uint64)
    u = s.view(np.uint64)
    low = (np.uint64(1) << np.uint64(bits)) - np.uint64(1)
    sign = np.uint64(1) << np.uint64(63)
    for i in range(n):
        v = s[i]
        if v != v:
            return None
        b = u[i] if v != 0.0 else np.uint64(0)
        k = ~b if b & sign else b | sign
        out[i] = (k & ~low) | np.uint64(i)
    return out


@kernel
def sorted_from_keys(keys, s, bits):
    """``(order, s[order])`` from the ascending keys of :func:`sort_keys`, ``order``
    being ``np.argsort(s, kind="stable")``: the indices read off the keys, the few
    values whose keys tied out of order inserted into place (stable: only a strictly
    greater value moves). None when that would take more than ``4 n`` moves."""
    n = keys.size
    low = (np.uint64(1) << np.uint64(bits)) - np.uint64(1)
    order = np.empty(n, dtype=np.int64)
    xs = np.empty(n, dtype=np.float64)
    budget = 4 * n
    for p in range(n):
        i = np.int64(keys[p] & low)
        v = s[i]
        q = p - 1
        while q >= 0 and xs[q] > v:
            xs[q + 1] = xs[q]
            order[q + 1] = order[q]
            q -= 1
            budget -= 1
        if budget < 0:
            return None
        xs[q + 1] = v
        order[q + 1] = i
    return order, xs


@kernel
def split(x, mask, k):
    """``(x[mask], x[~mask])`` in one pass (``k`` the number of True in ``mask``)."""
    inside = np.empty(k, dtype=x.dtype)
    outside = np.empty(x.size - k, dtype=x.dtype)
    a = 0
    b = 0
    for i in range(x.size):
        if mask[i]:
            inside[a] = x[i]
            a += 1
        else:
            outside[b] = x[i]
            b += 1
    return inside, outside
