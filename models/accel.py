"""When a step uses compiled kernels (numba) for its hot loops, and when plain numpy.

At 100,000 people and more a step is dominated by passes over the ties and the people
that numpy makes one temporary array at a time (splicing the tie arrays, gathers,
binary searches). :mod:`models.kernels` holds compiled versions of a few of them, each
written as the plain loop it is and each giving **the same bits** as its numpy twin,
which stays the reference (tests/test_kernels*.py compare the two on random inputs, and
whole runs with and without the kernels, byte for byte). So whether the kernels run
never changes a result: only how long it takes.

They run when numba is installed (``pip install -e ".[fast]"``; the test extra has it
too) and the simulation has at least :data:`ACCEL_FROM` people: importing numba and
loading the compiled kernels from numba's cache costs about half a second once, more
than the kernels save on a small network, and the first use on a machine compiles them
(about 10 s on a 2-core machine, then cached). ``SCORENET_ACCEL=0`` (or off, false,
no) turns them off, ``SCORENET_ACCEL=1`` (on, true, yes) uses them at any size (the
tests), unset or ``auto`` is the default, by size; any other value warns once.

No floating-point function whose last bit differs between libraries (exp, log, power)
is computed in a kernel: those stay with numpy. Kernels are compiled without
``fastmath``, so additions and products are not fused or reordered.
"""

from __future__ import annotations

import functools
import os
import warnings

__all__ = ["ACCEL_FROM", "ENV", "available", "use_kernels"]

#: From this many people on, a step uses the compiled kernels (when numba is installed).
ACCEL_FROM = 50_000

#: The environment variable that overrides the choice by size: "0" off, "1" always.
ENV = "SCORENET_ACCEL"


@functools.cache
def available() -> bool:
    """Whether numba imports here (once per process; an installed numba that does not
    load, e.g. one too old for this numpy, warns once)."""
    try:
        import numba  # noqa: F401
    except Exception as exc:   # noqa: BLE001 - whatever it is, the step runs on numpy
        import importlib.util

        try:
            installed = importlib.util.find_spec("numba") is not None
        except (ImportError, ValueError):
            installed = True
        if installed or not isinstance(exc, ImportError):
            warnings.warn(f"numba is installed but does not load ({exc}); running "
                          "without compiled kernels", RuntimeWarning, stacklevel=2)
        return False
    return True


@functools.cache
def _asked_without_numba() -> None:
    warnings.warn(f"{ENV}=1 but numba is not installed (pip install -e \".[fast]\"); "
                  "running without compiled kernels", RuntimeWarning, stacklevel=3)


def use_kernels(n: int) -> bool:
    """Whether work on a network of ``n`` people should use :mod:`models.kernels`.

    Examples
    --------
    >>> import os
    >>> os.environ[ENV] = "0"
    >>> use_kernels(10**6)
    False
    >>> del os.environ[ENV]
    >>> use_kernels(10)
    False
    """
    mode = _mode(os.environ.get(ENV, ""))
    if mode == "0":
        return False
    if mode != "1" and n < ACCEL_FROM:
        return False
    if available():
        return True
    if mode == "1":
        _asked_without_numba()
    return False


_OFF, _ON = {"0", "off", "false", "no"}, {"1", "on", "true", "yes"}


@functools.cache
def _mode(value: str) -> str:
    """``"0"`` off, ``"1"`` always, ``""`` by size, from the variable's value (the
    usual spellings of off and on, any case); anything else warns once and means by
    size."""
    word = value.strip().lower()
    if word in _OFF:
        return "0"
    if word in _ON:
        return "1"
    if word not in ("", "auto"):
        warnings.warn(f"{ENV}={value!r} is not 0, 1 or auto; choosing by size",
                      RuntimeWarning, stacklevel=3)
    return ""
