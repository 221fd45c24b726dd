"""Compact per-person arrays for the timeline: positions as 16-bit numbers.

:func:`pack_positions` keeps ``(n, 2)`` positions as uint16 steps across the month's own
bounding box (4 bytes a person, against 8 for float32), to within 1/131,070 of the
drawing's width: far below a pixel on any screen. :func:`unpack_positions` gives them
back as float32, the same every time (the kept state is the packed one).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["PackedPositions", "pack_positions", "unpack_positions", "POSITION_LEVELS"]

#: Steps across the bounding box on each axis.
POSITION_LEVELS = 65_535


@dataclass(frozen=True)
class PackedPositions:
    """Positions as uint16 ``(n, 2)`` steps of ``span / POSITION_LEVELS`` from ``low``."""

    steps: np.ndarray
    low: tuple[float, float]
    span: tuple[float, float]

    @property
    def nbytes(self) -> int:
        return int(self.steps.nbytes) + 32


def pack_positions(positions: np.ndarray) -> PackedPositions:
    """``(n, 2)`` finite positions, packed (see the module docstring).

    Examples
    --------
    >>> p = pack_positions(np.array([[0.0, 1.0], [0.5, 3.0]]))
    >>> unpack_positions(p).tolist(), p.steps.dtype.name
    ([[0.0, 1.0], [0.5, 3.0]], 'uint16')
    """
    pos = np.asarray(positions, dtype=np.float64)
    if pos.ndim != 2 or pos.shape[1] != 2:
        raise ValueError(f"positions have shape {pos.shape}, expected (n, 2)")
    if pos.size and not np.isfinite(pos).all():
        raise ValueError("positions must be finite")
    if pos.shape[0] == 0:
        return PackedPositions(np.zeros((0, 2), np.uint16), (0.0, 0.0), (0.0, 0.0))
    low = pos.min(axis=0)
    span = pos.max(axis=0) - low
    scale = np.where(span > 0, POSITION_LEVELS / np.where(span > 0, span, 1.0), 0.0)
    steps = np.rint((pos - low) * scale).astype(np.uint16)
    return PackedPositions(steps, (float(low[0]), float(low[1])),
                           (float(span[0]), float(span[1])))


def unpack_positions(packed: PackedPositions) -> np.ndarray:
    """The float32 ``(n, 2)`` positions kept by :func:`pack_positions`."""
    per_step = np.asarray(packed.span, dtype=np.float64) / POSITION_LEVELS
    out = np.asarray(packed.low) + packed.steps.astype(np.float64) * per_step
    return out.astype(np.float32)
