"""The one way kernels are compiled: cached on disk, no fastmath, numpy's error model.

``cache=True``: compiled once per machine (numba's cache, next to this file or in the
user's cache folder), then loaded in a fraction of a second, also by sweep workers.
``error_model="numpy"``: a division by zero gives inf or nan as in numpy, with no
check in the loop. No ``fastmath``: additions and products stay in the order written,
unfused, so the bits are those of the numpy twin.
"""

from __future__ import annotations

from numba import njit

__all__ = ["kernel"]


def kernel(fn):
    """Compile ``fn`` as a ScoreNet kernel."""
    return njit(cache=True, nogil=True, error_model="numpy")(fn)
