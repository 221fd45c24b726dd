"""The metrics' kernels (models.kernels.metrics) give the bits of their numpy twins."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp


def _upper(rng, n: int, m: int, index=np.int32) -> sp.csr_array:
    u, v = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = u < v
    a = sp.csr_array((np.ones(int(keep.sum())), (u[keep], v[keep])), shape=(n, n))
    a.sum_duplicates()
    a.data[:] = 1.0
    a.indices = a.indices.astype(index)
    a.indptr = a.indptr.astype(index)
    return a


@pytest.mark.parametrize("n, m", [(0, 0), (2, 0), (2, 5), (3, 1), (50, 300), (2000, 12000)])
@pytest.mark.parametrize("index", [np.int32, np.int64])
def test_row_sums_are_the_csr_matvec(n, m, index, kernels_on):
    from models.kernels.metrics import row_sums

    rng = np.random.default_rng(n + m)
    upper = _upper(rng, n, m, index)
    for y in (rng.normal(0, 100, n), np.zeros(n), rng.integers(-3, 3, n).astype(float)):
        got = row_sums(upper.indptr, upper.indices, y)
        assert got.tobytes() == (upper @ y).tobytes()


def test_triangle_correlation_with_and_without_the_kernel(kernels_on, monkeypatch):
    from models import accel
    from models import measures as M

    rng = np.random.default_rng(4)
    upper = _upper(rng, 3000, 20000)
    deg = np.bincount(np.concatenate([upper.nonzero()[0], upper.indices]), minlength=3000)
    x = rng.normal(600, 80, 3000)
    fast = M.triangle_correlation(x, upper, deg)
    monkeypatch.setenv(accel.ENV, "0")
    assert repr(fast) == repr(M.triangle_correlation(x, upper, deg))
