"""Large plain edge lists read with numpy: two integer ids a line, nothing else.

The general edge-list reader (:mod:`models.io.edgelist`) handles quotes, separators,
headers and comments line by line in Python; on a file of 5,000,000 ties that took
minutes and several GB. A file of only digits, spaces, tabs and line ends, with exactly
two ids (no leading zeros, at most 15 digits) on every non-blank line, is parsed here in
blocks of whole lines with array operations, in bounded memory, reporting progress; the
result is the very same :class:`~models.graph.GraphData` (ids in order of first
appearance, the same notes). Anything else returns None and goes to the general reader.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..graph import GraphData
from .base import MISSING, Builder

__all__ = ["read_plain_edges", "FAST_FROM"]

#: Files at least this large are tried here first (below it the general reader is fast).
FAST_FROM = 1 << 20
_BLOCK = 8 << 20
_ALLOWED = np.zeros(256, dtype=bool)
_ALLOWED[[ord(c) for c in "0123456789 \t\r\n"]] = True
_POW10 = 10.0 ** np.arange(16)


def _block_ids(buf: np.ndarray) -> np.ndarray | None:
    """The ids of one block of whole lines, in file order; None if it is not plain."""
    if not _ALLOWED[buf].all():
        return None
    digit = buf >= 48
    ends = (buf == 10) | (buf == 13)
    d = np.flatnonzero(digit)
    if d.size == 0:
        return np.empty(0, dtype=np.int64)
    start = np.ones(d.size, dtype=bool)
    start[1:] = d[1:] != d[:-1] + 1
    first = np.flatnonzero(start)
    length = np.diff(np.append(first, d.size))
    if length.max() > 15:
        return None
    if np.any((buf[d[first]] == 48) & (length > 1)):
        return None            # "007" is a name, not the number 7: the general reader
    # Two ids on every line that has any.
    line_of = np.cumsum(ends)[d[first]]
    per_line = np.bincount(line_of)
    if np.any((per_line != 0) & (per_line != 2)):
        return None
    token = np.cumsum(start) - 1
    place = np.repeat(first + length - 1, length) - np.arange(d.size)
    value = (buf[d] - 48) * _POW10[place]
    return np.bincount(token, weights=value, minlength=first.size).astype(np.int64)


def read_plain_edges(raw: bytes, progress: Callable[[int, int], None] | None = None
                     ) -> GraphData | None:
    """The graph of a plain integer edge list, or None when ``raw`` is anything else.

    ``progress(done_bytes, total_bytes)`` is called after each block.

    Examples
    --------
    >>> g = read_plain_edges(b"10 20\\n20 30\\n\\n30 10\\n20 10\\n")
    >>> g.ids.tolist(), g.edges.tolist(), g.notes
    ([10, 20, 30], [[0, 1], [0, 2], [1, 2]], ('1 repeated or reverse tie merged',))
    """
    arr = np.frombuffer(raw, dtype=np.uint8)
    total = arr.size
    parts, off = [], 0
    while off < total:
        stop = min(off + _BLOCK, total)
        if stop < total:   # end the block after a line end
            nl = np.flatnonzero(arr[stop:min(stop + (1 << 20), total)] == 10)
            if nl.size == 0:
                return None
            stop += int(nl[0]) + 1
        ids = _block_ids(arr[off:stop])
        if ids is None:
            return None
        parts.append(ids)
        off = stop
        if progress is not None:
            progress(off, total)
    flat = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    if flat.size == 0:
        return None
    del parts
    order = np.argsort(flat, kind="stable")
    s = flat[order]
    new = np.ones(s.size, dtype=bool)
    new[1:] = s[1:] != s[:-1]
    group = np.cumsum(new) - 1
    first_at = order[new]                       # where each distinct id first appears
    rank = np.empty(first_at.size, dtype=np.int64)
    by_appearance = np.argsort(first_at)
    rank[by_appearance] = np.arange(first_at.size)
    codes = np.empty(flat.size, dtype=np.int64)
    codes[order] = rank[group]
    b = Builder()
    b.ids = s[new][by_appearance].tolist()
    b.u, b.v = codes[0::2], codes[1::2]
    b.groups = [MISSING] * len(b.ids)
    return b.finish(convert_ids=False)
