"""Compiled kernels (numba) for the hot loops of a large step; see :mod:`models.accel`.

Each submodule imports numba, so import one only after :func:`models.accel.use_kernels`
said yes. Every kernel is the plain loop of a numpy routine elsewhere in ``models`` and
gives the same bits; its docstring names that twin, and the tests compare the two.
"""
