"""Kernels of a step's metrics (models.measures, models.recording); see models.accel.

Each is the plain loop of a numpy or scipy routine named in its docstring and gives the
same bits (tests/test_kernels_metrics.py compares them).
"""

from __future__ import annotations

import numpy as np

from ._jit import kernel

__all__ = ["row_sums"]


@kernel
def row_sums(indptr, indices, y):
    """``upper @ y`` of a CSR matrix whose data are all 1.0: scipy's ``csr_matvec``
    (each row summed from 0.0 in column order; ``1.0 * y[j]`` is ``y[j]``), without
    reading the data array."""
    n = indptr.size - 1
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        acc = 0.0
        for k in range(indptr[i], indptr[i + 1]):
            acc += y[indices[k]]
        out[i] = acc
    return out
