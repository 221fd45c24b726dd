"""Compiled kernels for editing the friendship ties of a step (models/ties.py and
models/adjacency.py): finding keys in the CSR triangles (also for ``EdgeSet.contains``),
splicing the key and index arrays in one copy, recounting the rows, and drawing random
neighbours.

Integer work only (and one float product per drawn neighbour, as numpy does it), so
each gives exactly what its numpy twin gives; tests/test_kernels_edits.py compares
them on random inputs.
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["key_places", "neighbours", "recount", "row_places", "splice", "splice_places"]


@kernel
def _first_not_below(indices, lo, hi, c):
    """The first place in ``indices[lo:hi]`` (sorted) whose value is not below ``c``,
    as ``lo + np.searchsorted(indices[lo:hi], c)``."""
    while lo < hi:
        mid = (lo + hi) >> 1
        if indices[mid] < c:
            lo = mid + 1
        else:
            hi = mid
    return lo


@kernel
def row_places(indices, indptr, rows, cols):
    """Twin of ``models.adjacency._row_places``: for each ``(rows[i], cols[i])`` the
    first place in that CSR row whose column is not below ``cols[i]`` (int64)."""
    out = np.empty(rows.size, dtype=np.int64)
    for i in range(rows.size):
        out[i] = _first_not_below(indices, np.int64(indptr[rows[i]]),
                                  np.int64(indptr[rows[i] + 1]), cols[i])
    return out


@kernel
def key_places(indices, indptr, n, keys):
    """Twin of ``EdgeSet._places`` on the upper triangle of the same keys (its places
    are the key array's): ``(hit, at)`` for the keys ``u * n + v``, found by a binary
    search within row ``u`` (a few cache lines) instead of over all the keys. Any
    int64 key: one below 0 or past the last row is absent, at the start or the end."""
    hit = np.zeros(keys.size, dtype=np.bool_)
    at = np.empty(keys.size, dtype=np.int64)
    for i in range(keys.size):
        if keys[i] < 0:
            at[i] = 0
            continue
        u = keys[i] // n
        if u >= n:
            at[i] = indptr[n]
            continue
        v = keys[i] - u * n
        end = np.int64(indptr[u + 1])
        lo = _first_not_below(indices, np.int64(indptr[u]), end, v)
        at[i] = lo
        hit[i] = lo < end and indices[lo] == v
    return hit, at


@kernel
def _copy(dst, src):
    """``dst[:] = src`` for two slices of the same size, as a plain loop over them:
    LLVM vectorises it (a slice assignment in a kernel runs at about half the speed
    on int32; measured on the splices below)."""
    for j in range(src.size):
        dst[j] = src[j]


@kernel
def splice(a, drop_at, add_at, values):
    """Twin of ``models.adjacency._splice`` in one copy: ``a`` without the entries at
    ``drop_at`` (sorted, unique), with ``values`` inserted at ``add_at`` (places in what
    is left, non-decreasing; equal places keep the order of ``values``, as
    ``np.insert`` does). The runs between edits are copied whole."""
    size = a.size
    nd, na = drop_at.size, add_at.size
    out = np.empty(size - nd + na, dtype=a.dtype)
    i = 0      # next entry of a
    k = 0      # its place among the entries left (a without the drops before it)
    o = 0      # next place in out
    d = 0
    p = 0
    while True:
        next_drop = drop_at[d] if d < nd else size
        # The entry of a before which the next value goes (size + 1: none left).
        next_add = i + (add_at[p] - k) if p < na else size + 1
        if next_add <= next_drop:
            c = next_add - i
            _copy(out[o:o + c], a[i:next_add])
            o += c
            k += c
            i = next_add
            out[o] = values[p]
            o += 1
            p += 1
        elif next_drop < size:
            c = next_drop - i
            _copy(out[o:o + c], a[i:next_drop])
            o += c
            k += c
            i = next_drop + 1
            d += 1
        else:
            _copy(out[o:], a[i:])
            return out


@kernel
def splice_places(drop_at, add_at):
    """``add_at`` (places before the drops, non-decreasing) less the number of
    ``drop_at`` (any order, unique) before each: the places among the entries left,
    as ``models.adjacency.Adjacency.edited`` computes them with a sorted search."""
    drops = np.sort(drop_at)
    out = np.empty(add_at.size, dtype=np.int64)
    d = 0
    for i in range(add_at.size):
        while d < drops.size and drops[d] < add_at[i]:
            d += 1
        out[i] = add_at[i] - d
    return drops, out


@kernel
def recount(up_count, low_count, du, dv, au, av, like):
    """Twin of ``models.adjacency._recount`` for both triangles and of the rebuild of
    their row pointers and the degree: ``(up_count, low_count, up_ptr, low_ptr,
    degree)`` after dropping the ties ``(du, dv)`` and adding ``(au, av)``; the row
    pointers in the dtype of the index array ``like``."""
    n = up_count.size
    up = up_count.copy()
    low = low_count.copy()
    for i in range(du.size):
        up[du[i]] -= 1
        low[dv[i]] -= 1
    for i in range(au.size):
        up[au[i]] += 1
        low[av[i]] += 1
    up_ptr = np.empty(n + 1, dtype=like.dtype)
    low_ptr = np.empty(n + 1, dtype=like.dtype)
    degree = np.empty(n, dtype=up.dtype)
    su = 0
    sl = 0
    up_ptr[0] = 0
    low_ptr[0] = 0
    for i in range(n):
        su += up[i]
        sl += low[i]
        up_ptr[i + 1] = su
        low_ptr[i + 1] = sl
        degree[i] = up[i] + low[i]
    return up, low, up_ptr, low_ptr, degree


@kernel
def neighbours(r01, who, up_ptr, up_idx, low_ptr, low_idx):
    """Twin of ``Adjacency.random_neighbour`` given its uniforms ``r01``: neighbour
    ``floor(r01[i] * degree)`` of ``who[i]`` counting the upper row then the lower
    (int64). The degrees are read off the row pointers (two cache lines per person
    instead of four arrays, the same integers); the product is numpy's (one float64
    multiply of the degree made float64), floored as there."""
    out = np.empty(who.size, dtype=np.int64)
    for i in range(who.size):
        w = who[i]
        start = np.int64(up_ptr[w])
        up = np.int64(up_ptr[w + 1]) - start
        low_start = np.int64(low_ptr[w])
        degree = up + (np.int64(low_ptr[w + 1]) - low_start)
        r = np.int64(np.floor(r01[i] * degree))
        if r < up:
            out[i] = up_idx[start + r]
        else:
            out[i] = low_idx[low_start + (r - up)]
    return out
