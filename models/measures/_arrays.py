"""Array helpers shared by the measures: edge arrays, dense labels, exact centring.

Private to :mod:`models.measures`; each function here is small and has one job.
"""

from __future__ import annotations

import math

import numpy as np

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
