"""Kernels of the dating round (models/dating.py): the feed's weighted picks, the like
test's score gaps, and the likes with their mutual pairs.

Each gives the bits of the numpy lines it replaces in :func:`models.dating.weighted_draws`
and :func:`models.dating.dating_round` (tests/test_kernels_draws.py compares them). No
random numbers are drawn here: the uniforms come in from the same numpy calls as before,
and ``expit`` stays numpy's (between :func:`like_gaps` and :func:`likes`).
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["like_gaps", "likes", "weighted_picks"]


@kernel
def weighted_picks(cdf, u):
    """``cdf.searchsorted(u, side="right")`` (int64) for the uniforms ``u`` (1-d).

    ``cdf`` is sorted and ends at 1.0. A table of where each of ``k`` equal bins starts
    in ``cdf`` (``k`` the power of two at or above ``cdf.size``, at least 16) leaves
    each uniform a search among the weights in its own bin: a weight of a lower bin is
    below the uniform, one of a higher bin above it, since ``int(x * k)`` never
    decreases with ``x``. Most bins hold one weight or none, answered without a branch
    (a mispredicted branch per draw cost three times the rest).
    """
    size = cdf.size
    k = 16
    while k < size:
        k *= 2
    # start[b]: the first weight of bin b or higher (up to bin k, where 1.0 falls).
    start = np.empty(k + 2, dtype=np.int64)
    j = 0
    for b in range(k + 2):
        while j < size and int(cdf[j] * k) < b:
            j += 1
        start[b] = j
    out = np.empty(u.size, dtype=np.int64)
    last = size - 1
    for t in range(u.size):
        x = u[t]
        b = int(x * k)
        lo = start[b]
        hi = start[b + 1]
        if hi - lo <= 1:
            out[t] = lo + ((lo < hi) & (cdf[min(lo, last)] <= x))
            continue
        while lo < hi:                      # the first weight above x
            mid = (lo + hi) >> 1
            if cdf[mid] <= x:
                lo = mid + 1
            else:
                hi = mid
        out[t] = lo
    return out


@kernel
def like_gaps(su, pick, selectivity, like_width):
    """``(su[pick] - su[row] + selectivity) / like_width`` for each feed entry, as
    :func:`models.dating.like_probability` computes its argument of ``expit`` (float64,
    flat in row order); ``pick`` is ``(users, feed)``."""
    rows, feed = pick.shape
    x = np.empty(rows * feed, dtype=np.float64)
    for r in range(rows):
        own = np.float64(su[r])
        for f in range(feed):
            g = np.float64(su[pick[r, f]]) - own
            g += selectivity
            x[r * feed + f] = g / like_width
    return x


@kernel
def likes(u, p_like, pick, su, users, n):
    """The likes of a feed and the mutual pairs among them.

    A viewer (row ``r`` of ``pick``) likes entry ``f`` when ``u < p_like`` there and the
    candidate is not the viewer. Returns the likers' and the liked ones' scores
    (``su``), one per like in row order, and the sorted, unique keys
    ``users[a] * n + users[b]`` (``a < b``) of the pairs liked both ways: what
    ``np.nonzero`` of the like mask, the gathers and the sort of directed pairs give in
    :func:`models.dating.dating_round`. ``users`` is ascending, so ``a < b`` keeps the
    key's order.
    """
    rows, feed = pick.shape
    pk = pick.ravel()
    like = np.empty(rows * feed, dtype=np.bool_)
    count = 0
    for r in range(rows):
        for f in range(r * feed, r * feed + feed):
            hit = (u[f] < p_like[f]) & (pk[f] != r)
            like[f] = hit
            count += hit
    # Written at every entry, kept (the count moves on) only at a like: no branch.
    liker = np.empty(count + 1, dtype=np.float64)
    liked = np.empty(count + 1, dtype=np.float64)
    lower = np.empty(count + 1, dtype=np.int64)
    upper = np.empty(count + 1, dtype=np.int64)
    # Bit (b % 64) of sig[r] is set when r liked some b of that residue: most likes
    # are ruled out as mutual by one look-up instead of a scan of the other's feed.
    sig = np.zeros(rows, dtype=np.uint64)
    c = 0
    up = 0
    for r in range(rows):
        own = su[r]
        s = np.uint64(0)
        for f in range(r * feed, r * feed + feed):
            b = pk[f]
            liker[c] = own
            liked[c] = su[b]
            c += like[f]
            s |= np.uint64(like[f]) << np.uint64(b & 63)
            lower[up] = r
            upper[up] = b
            up += like[f] & (b > r)        # each pair once, from its lower end
        sig[r] = s
    pairs = np.empty(up, dtype=np.int64)
    m = 0
    for q in range(up):
        r = lower[q]
        b = upper[q]
        if (sig[b] >> np.uint64(r & 63)) & np.uint64(1):
            back = False
            for g in range(b * feed, b * feed + feed):
                back |= like[g] & (pk[g] == r)
            pairs[m] = np.int64(users[r]) * n + users[b]
            m += back
    keys = np.sort(pairs[:m])
    w = 0
    for s in range(m):
        if s == 0 or keys[s] != keys[s - 1]:
            keys[w] = keys[s]
            w += 1
    return liker[:count], liked[:count], keys[:w]
