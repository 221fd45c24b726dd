"""The one way kernels are compiled: cached on disk, no fastmath, numpy's error model.

``cache=True``: compiled once per machine (numba's cache, next to this file or in the
user's cache folder), then loaded in a fraction of a second, also by sweep workers.
Where neither folder can be written (a read-only install and home), numba refuses to
cache: the kernels are then compiled in every process instead (about 10 s), with
one warning. ``error_model="numpy"``: a division by zero gives inf or nan as in numpy,
with no check in the loop. No ``fastmath``: additions and products stay in the order
written, unfused, so the bits are those of the numpy twin.
"""

from __future__ import annotations

import warnings

from numba import njit

__all__ = ["kernel"]

_OPTIONS = {"nogil": True, "error_model": "numpy"}
_warned = False


def kernel(fn):
    """Compile ``fn`` as a ScoreNet kernel."""
    global _warned
    try:
        return njit(cache=True, **_OPTIONS)(fn)
    except RuntimeError as exc:   # "cannot cache function ...: no locator available"
        if not _warned:
            _warned = True
            warnings.warn(f"numba cannot keep compiled kernels here ({exc}); they are "
                          "compiled in every process", RuntimeWarning, stacklevel=2)
        return njit(cache=False, **_OPTIONS)(fn)
