"""Kernels of the dating round (models/dating.py): the feed's weighted picks, the feed
entries that may be liked with their score gaps, and the likes with their mutual pairs.

Each gives the bits of the numpy lines it replaces in :func:`models.dating.weighted_draws`
and :func:`models.dating.dating_round` (tests/test_kernels_draws.py compares them). No
random numbers are drawn here: the uniforms come in from the same numpy calls as before,
and ``expit`` stays scipy's (between :func:`like_candidates` and :func:`likes`).
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["like_candidates", "likes", "weighted_picks"]


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
def like_candidates(u, pick, su, like_rate, selectivity, like_width):
    """The feed entries that may be liked (flat indices, ascending) and their argument
    of ``expit``, ``(su[pick] - su[row] + selectivity) / like_width`` as
    :func:`models.dating.like_probability` computes it (float64); ``pick`` is
    ``(users, feed)``.

    An entry may be liked when ``u < like_rate`` and the candidate is not the viewer.
    Since ``expit`` is at most 1, ``like_rate * expit(x) <= like_rate`` (rounding keeps
    the order; NaN fails every test), so ``u < like_rate * expit(x)`` needs
    ``u < like_rate``: the other entries are not liked whatever the gap, and ``expit``
    is computed only for these.
    """
    rows, feed = pick.shape
    pk = pick.ravel()
    cand = np.empty(rows * feed + 1, dtype=np.int64)
    x = np.empty(rows * feed + 1, dtype=np.float64)
    c = 0
    for r in range(rows):
        own = np.float64(su[r])
        for f in range(r * feed, r * feed + feed):
            g = np.float64(su[pk[f]]) - own
            g += selectivity
            cand[c] = f
            x[c] = g / like_width
            c += (u[f] < like_rate) & (pk[f] != r)
    return cand[:c], x[:c]


@kernel
def likes(u, cand, p_like, pick, su, users, n):
    """The likes of a feed and the mutual pairs among them.

    A viewer (row ``r`` of ``pick``) likes the entry ``cand[q]`` (flat, from
    :func:`like_candidates`) when ``u < p_like[q]`` there; no other entry. Returns the
    likers' and the liked ones' scores (``su``), one per like in row order, and the
    sorted, unique keys ``users[a] * n + users[b]`` (``a < b``) of the pairs liked both
    ways: what ``np.nonzero`` of the like mask, the gathers and the sort of directed
    pairs give in :func:`models.dating.dating_round`. ``users`` is ascending, so
    ``a < b`` keeps the key's order.
    """
    rows, feed = pick.shape
    pk = pick.ravel()
    like = np.zeros(rows * feed, dtype=np.bool_)
    count = 0
    for q in range(cand.size):
        t = cand[q]
        hit = u[t] < p_like[q]
        like[t] = hit
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
