"""Friendship ties painted straight into the canvas buffer while the layout moves.

Agg draws 25,000 antialiased ties in about 450 ms, far too slow to redraw every frame
while people move. :func:`paint_ties` samples each tie at one-pixel steps (vectorised
with numpy), marks the pixels it crosses, and blends the tie colour into those pixels
once: like Agg's single compound path, overlapping ties do not darken each other, so the
picture keeps its shade. The lines are one pixel wide and not antialiased; when the
layout rests the view draws the ties with Agg again.
"""

from __future__ import annotations

import numpy as np

__all__ = ["paint_ties", "MAX_SAMPLES"]

#: Pixel samples per frame at most; beyond, an even share of the ties is painted.
MAX_SAMPLES = 3_000_000
_OFFSET = 1 << 15


def paint_ties(buffer: np.ndarray, ends: np.ndarray, clip: tuple[int, int, int, int],
               colour: np.ndarray, alpha: float, max_samples: int = MAX_SAMPLES) -> int:
    """Blend ``colour`` (RGB 0-255) at ``alpha`` into every pixel a tie crosses.

    Parameters
    ----------
    buffer
        ``(H, W, 4)`` uint8 canvas buffer, rows from the top; changed in place.
    ends
        ``(m, 2, 2)`` tie end points in buffer pixels (x, y from the top).
    clip
        ``(x0, y0, x1, y1)``: only pixels inside are painted.
    colour, alpha
        The ties' colour and opacity.
    max_samples
        Pixel samples at most; past it an even share of the ties (every k-th, the same
        ties for the same tie set: no flicker) is painted.

    Returns
    -------
    int
        The number of ties painted (fewer than ``m`` past :data:`MAX_SAMPLES`).

    Examples
    --------
    >>> buf = np.full((10, 10, 4), 255, np.uint8)
    >>> paint_ties(buf, np.array([[[1.0, 1.0], [8.0, 1.0]]]), (0, 0, 10, 10),
    ...            np.array([0.0, 0.0, 0.0]), 1.0)
    1
    >>> int((buf[1, :, 0] == 0).sum())
    8
    """
    m = ends.shape[0]
    if m == 0:
        return 0
    p0, p1 = ends[:, 0, :], ends[:, 1, :]
    delta = p1 - p0
    steps = np.ceil(np.abs(delta).max(axis=1)).astype(np.int64)
    x0, y0, x1, y1 = clip
    steps = np.minimum(steps, 4 * max(x1 - x0, y1 - y0))   # ties far off screen
    total = int(steps.sum() + m)
    if total > max_samples:
        keep = np.arange(0, m, int(np.ceil(total / max_samples)))
        p0, delta, steps = p0[keep], delta[keep], steps[keep]
    count = steps + 1
    # float32 and int32 throughout: this loop is memory-bound, half the bytes is twice
    # the speed. Each sample is p0 + delta * k / steps, k = 0..steps along its tie.
    start = np.repeat((np.cumsum(count) - count).astype(np.int32), count)
    k = np.arange(start.size, dtype=np.int32) - start
    frac = k.astype(np.float32) * np.repeat((1.0 / np.maximum(steps, 1)).astype(np.float32),
                                            count)
    x = np.repeat(p0[:, 0].astype(np.float32), count)
    x += np.repeat(delta[:, 0].astype(np.float32), count) * frac
    y = np.repeat(p0[:, 1].astype(np.float32), count)
    y += np.repeat(delta[:, 1].astype(np.float32), count) * frac
    # Round half up by truncation, shifted so that every value truncated is positive
    # (truncation is then floor; float32 keeps 1/256 px at this offset).
    xi = (x + np.float32(_OFFSET + 0.5)).astype(np.int32) - _OFFSET
    yi = (y + np.float32(_OFFSET + 0.5)).astype(np.int32) - _OFFSET
    inside = (xi >= x0) & (xi < x1) & (yi >= y0) & (yi < y1)
    H, W = buffer.shape[:2]
    hit = np.zeros(H * W, dtype=bool)
    hit[yi[inside].astype(np.int64) * W + xi[inside]] = True
    pix = np.flatnonzero(hit)
    flat = buffer.reshape(-1, 4)
    rgb = flat[pix, :3].astype(np.float32)
    rgb += (np.asarray(colour, np.float32) - rgb) * np.float32(alpha)
    flat[pix, :3] = (rgb + 0.5).astype(np.uint8)
    return int(count.size)
