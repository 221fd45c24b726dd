"""Array helpers shared by the measures: edge arrays, dense labels, exact centring.

Private to :mod:`models.measures`; each function here is small and has one job.
"""

from __future__ import annotations

import math

import numpy as np

from ..accel import use_kernels

NAN = math.nan


def _edges(edges) -> np.ndarray:
    return np.asarray(edges, dtype=np.int64).reshape(-1, 2)


def _dense_codes(codes) -> np.ndarray:
    """Labels usable by ``np.bincount``: small non-negative ints as they are, else ranks."""
    codes = np.asarray(codes).ravel()
    if codes.dtype.kind in "biu" and codes.size:
        lo, hi = codes.min(), codes.max()
        if lo >= 0 and hi <= 4 * codes.size:
            return codes.astype(np.intp, copy=False)
    return np.unique(codes, return_inverse=True)[1].ravel()


def _group_totals(codes: np.ndarray, x: np.ndarray, line: float | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Per code of :func:`_dense_codes`' ``codes``: the count, the sum of ``x`` and the
    number (as floats) with ``x < line`` (None without a line); ``np.bincount``'s
    answers, the same floats (it adds in index order, as the kernel's one pass does)."""
    if use_kernels(codes.size):
        from ..kernels.metrics import group_totals

        return group_totals(codes, x, NAN if line is None else line)
    below = None if line is None else np.bincount(codes, weights=(x < line).astype(np.float64))
    return np.bincount(codes), np.bincount(codes, weights=x), below


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    # einsum stays on one thread: a threaded BLAS dot was 2-4x slower on a busy 2-core box.
    return float(np.einsum("i,i->", a, b))


def _centred(x: np.ndarray) -> np.ndarray:
    # Shifting by x[0] first makes a constant input exactly zero, so "no variance" is an
    # exact test rather than a rounding residue of the mean.
    x = np.asarray(x, dtype=np.float64)
    y = x - x[0]
    y -= y.mean()
    return y
