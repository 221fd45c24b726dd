"""The friendship adjacency as two CSR triangles, kept up to date edit by edit.

A step changes well under 1% of the ties (0.65% at 100,000 people), so rebuilding the
matrices every step (sorting, a CSR-to-CSC conversion) cost 19-29% of a step. Here the
upper triangle's column indices are the key array's ``v`` values in key order, so the
key array's places are the upper triangle's; the lower triangle's places are found by
a binary search within each edited row. Removing or adding a batch of keys is then one
``np.delete`` / ``np.insert`` per index array (a linear copy, no sort):
:meth:`Adjacency.edited`; from 50,000 people (:func:`models.accel.use_kernels`) the
compiled kernels of :mod:`models.kernels.edits` do each array in one copy and the
counts, row pointers and degrees in one pass, giving the same arrays. The
constructor builds the same arrays from scratch; the tests check that the two agree
after random edits.
"""

from __future__ import annotations

import copy

import numpy as np
import scipy.sparse as sp

from .accel import use_kernels

__all__ = ["Adjacency"]


def _index_dtype(n: int, m: int) -> type:
    """int32 indices while they fit (half the memory traffic of int64; what scipy's
    graph routines want), else int64."""
    return np.int32 if max(n, m) < 2**31 - 1 else np.int64


class Adjacency:
    """Symmetric 0/1 adjacency held as its upper and lower triangles in CSR form.

    Parameters
    ----------
    keys
        Sorted, unique int64 edge keys ``u * n + v`` with ``u < v``.
    n
        Number of nodes.

    Examples
    --------
    >>> a = Adjacency(np.array([0 * 3 + 1, 1 * 3 + 2]), 3)
    >>> (a @ np.array([1.0, 10.0, 100.0])).tolist(), a.degree.tolist()
    ([10.0, 101.0, 10.0], [1, 2, 1])
    >>> a.edited(np.array([1]), np.array([0]), np.array([2]), np.array([0])).degree.tolist()
    [1, 1, 2]
    """

    def __init__(self, keys: np.ndarray, n: int) -> None:
        self.n = int(n)
        keys = np.asarray(keys, dtype=np.int64)
        it = _index_dtype(self.n, keys.size)
        u, v = np.divmod(keys, self.n)
        self._up_count = np.bincount(u, minlength=self.n)
        self._up_indices = v.astype(it)
        tkeys = v * np.int64(self.n) + u
        # Canonical keys come from sort-and-merge, so the transposed ones are nearly
        # always unsorted: one sort here, never again while edits arrive.
        tkeys.sort()
        lu, lv = np.divmod(tkeys, self.n)
        self._low_count = np.bincount(lu, minlength=self.n)
        self._low_indices = lv.astype(it)
        self._ones = np.ones(keys.size, dtype=np.float64)
        self._refresh()

    def _refresh(self) -> None:
        """Rebuild the row pointers, the degree and the scipy views from the counts."""
        n = self.n
        it = self._up_indices.dtype
        up_ptr = np.zeros(n + 1, dtype=it)
        np.cumsum(self._up_count, out=up_ptr[1:])
        low_ptr = np.zeros(n + 1, dtype=it)
        np.cumsum(self._low_count, out=low_ptr[1:])
        self._views(up_ptr, low_ptr, self._up_count + self._low_count)

    def _views(self, up_ptr: np.ndarray, low_ptr: np.ndarray, degree: np.ndarray) -> None:
        """Set the degree and the scipy views of the index arrays (cheap: no copies)."""
        n = self.n
        m = self._up_indices.size
        if self._ones.size < m:
            self._ones = np.ones(max(m, int(self._ones.size * 1.1) + 16), dtype=np.float64)
        data = self._ones[:m]
        self.upper = sp.csr_array((data, self._up_indices, up_ptr), shape=(n, n))
        self.lower = sp.csr_array((data, self._low_indices, low_ptr), shape=(n, n))
        self.up_deg = self._up_count
        self.degree = degree

    # ------------------------------------------------------------------ edits
    def edited(self, drop: np.ndarray, drop_at: np.ndarray, add: np.ndarray,
               add_at: np.ndarray) -> Adjacency:
        """A new adjacency: this one without ``drop`` and with ``add``.

        ``drop`` are sorted keys present, at ``drop_at`` in the key array; ``add`` are
        sorted keys absent from what is left, to go in at ``add_at`` of it (as
        ``np.insert`` takes places). This object is left as it was.

        The places in the lower triangle are found by a binary search within each
        edited row (:func:`_row_places`), all on this object's arrays: an added tie's
        place among the ties left is its place here less the dropped ones before it.
        """
        new = copy.copy(self)
        n = self.n
        it = self._up_indices.dtype
        du, dv = np.divmod(drop, n)
        au, av = np.divmod(add, n)
        # In the lower triangle a tie (u, v) is row v, column u; the ones added at the
        # same place must go in in column order, so they are taken by transposed key.
        by_row = np.argsort(av * np.int64(n) + au, kind="stable")
        au_l, av_l = au[by_row], av[by_row]
        low_ptr = self.lower.indptr
        if use_kernels(n):
            # The same arrays in one pass each: binary searches, one-copy splices, the
            # counts, row pointers and degree together (models/kernels/edits.py).
            from .kernels import edits as K

            low_drop, low_add = K.splice_places(
                K.row_places(self._low_indices, low_ptr, dv, du),
                K.row_places(self._low_indices, low_ptr, av_l, au_l))
            new._up_indices = K.splice(self._up_indices, drop_at, add_at, av.astype(it))
            new._low_indices = K.splice(self._low_indices, low_drop, low_add,
                                        au_l.astype(it))
            new._up_count, new._low_count, up_ptr, low_ptr, degree = K.recount(
                self._up_count, self._low_count, du, dv, au, av, self._up_indices)
            new._views(up_ptr, low_ptr, degree)
            return new
        low_drop = _row_places(self._low_indices, low_ptr, dv, du)
        low_add = _row_places(self._low_indices, low_ptr, av_l, au_l)
        if low_drop.size and low_add.size:
            low_add -= np.searchsorted(np.sort(low_drop), low_add)
        new._up_indices = _splice(self._up_indices, drop_at, add_at, av.astype(it))
        new._low_indices = _splice(self._low_indices, low_drop, low_add, au_l.astype(it))
        new._up_count = _recount(self._up_count, du, au)
        new._low_count = _recount(self._low_count, dv, av)
        new._refresh()
        return new

    # ------------------------------------------------------------------ use
    def matvec(self, x: np.ndarray) -> np.ndarray:
        """``A @ x`` for the symmetric adjacency ``A``."""
        return self.upper @ x + self.lower @ x

    __matmul__ = matvec

    def plus(self, keys: np.ndarray) -> _PlusEdges:
        """This adjacency with extra edges ``keys`` (not already present) added."""
        return _PlusEdges(self, keys)

    def random_neighbour(self, who: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """A uniformly random neighbour of each node in ``who`` (all of degree > 0)."""
        r01 = rng.random(who.size)
        if use_kernels(self.n):
            from .kernels.edits import neighbours

            return neighbours(r01, who, self.upper.indptr, self.upper.indices,
                              self.lower.indptr, self.lower.indices)
        r = np.floor(r01 * self.degree[who]).astype(np.int64)
        du = self.up_deg[who]
        in_upper = r < du
        pos_u = self.upper.indptr[who] + r
        pos_l = self.lower.indptr[who] + (r - du)
        out = np.where(in_upper, self.upper.indices[np.where(in_upper, pos_u, 0)],
                       self.lower.indices[np.where(in_upper, 0, pos_l)])
        return out.astype(np.int64)

    def component_labels(self) -> np.ndarray:
        """Connected component of every node, numbered as
        ``scipy.sparse.csgraph.connected_components(upper, connection="weak")`` does.

        scipy's public function converts the matrix to float64 and transposes it first
        (three quarters of its time at 100,000 people); its undirected core is given
        both triangles directly when it is there, else the public function is used.
        """
        try:
            from scipy.sparse.csgraph import _traversal

            core = _traversal._connected_components_undirected
            labels = np.full(self.n, -9999, dtype=np.int32)   # scipy's NULL_IDX
            i32 = np.int32
            core(self.upper.indices.astype(i32, copy=False),
                 self.upper.indptr.astype(i32, copy=False),
                 self.lower.indices.astype(i32, copy=False),
                 self.lower.indptr.astype(i32, copy=False), labels)
            return labels
        except (ImportError, AttributeError, TypeError, ValueError):
            from scipy.sparse.csgraph import connected_components

            return connected_components(self.upper, directed=True, connection="weak")[1]


def _row_places(indices: np.ndarray, indptr: np.ndarray, rows: np.ndarray,
                cols: np.ndarray) -> np.ndarray:
    """For each ``(rows[i], cols[i])``, the first place in that CSR row whose column is
    not below ``cols[i]`` (where it is, or would go): ``np.searchsorted`` within the
    row, all rows at once, one halving of every range per pass."""
    lo = indptr[rows].astype(np.int64)
    hi = indptr[rows + 1].astype(np.int64)
    live = np.flatnonzero(lo < hi)
    while live.size:
        l, h = lo[live], hi[live]
        mid = (l + h) >> 1
        right = indices[mid] < cols[live]
        l = np.where(right, mid + 1, l)
        h = np.where(right, h, mid)
        lo[live], hi[live] = l, h
        live = live[l < h]
    return lo


def _splice(a: np.ndarray, drop_at: np.ndarray, add_at: np.ndarray,
            values: np.ndarray) -> np.ndarray:
    """``a`` without the entries at ``drop_at``, then with ``values`` inserted at
    ``add_at`` (places in what is left)."""
    if drop_at.size:
        a = np.delete(a, drop_at)
    if add_at.size:
        a = np.insert(a, add_at, values)
    return a


def _recount(count: np.ndarray, minus: np.ndarray, plus: np.ndarray) -> np.ndarray:
    """A copy of ``count`` with one less at each of ``minus`` and one more at each of
    ``plus`` (repeats counted)."""
    out = count.copy()
    np.subtract.at(out, minus, 1)
    np.add.at(out, plus, 1)
    return out


class _PlusEdges:
    """An :class:`Adjacency` plus a few extra edges, without building a new matrix.

    The extra edges (the dating ties, a few dozen) touch a few rows: their counts and
    sums go into those rows only, not through arrays over everyone (``bincount`` with
    ``minlength=n``). The same numbers: integer counts, and each row's sum of the extra
    edges' values taken in the same order from 0.0 as ``bincount`` takes them, then
    added once (the other rows gained 0.0, which changes no value: a CSR mat-vec
    starts every row at +0.0, so it gives no -0.0 that adding +0.0 would flip).
    """

    def __init__(self, base: Adjacency, keys: np.ndarray) -> None:
        n = base.degree.size
        self.base = base
        self.u, self.v = np.divmod(keys, n)
        self.n = n
        self.degree = _recount(base.degree, np.empty(0, dtype=np.int64),
                               np.concatenate([self.u, self.v]))

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        return self.add_extra(self.base @ x, x)

    def add_extra(self, out: np.ndarray, x: np.ndarray) -> np.ndarray:
        """``out`` (the base's ``base @ x``) plus the extra edges' sums of ``x``, in
        place: what ``self @ x`` adds to the base's mat-vec."""
        for rows, cols in ((self.u, self.v), (self.v, self.u)):
            if rows.size:
                at, which = np.unique(rows, return_inverse=True)
                out[at] += np.bincount(which, weights=x[cols], minlength=at.size)
        return out
