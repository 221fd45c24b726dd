"""Colours, marker sizes and tie styles of the network picture, shared by every drawing.

The app's network view, exported images and ``scorenet render`` animations must look
alike: they take these from here. Pure matplotlib colour maths: no Qt, no figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import Normalize

from models.score import SCORE_MAX, SCORE_MIN

__all__ = ["CMAP", "NORM", "SCORE_RANGE", "RESTRICTED_RING", "PRIVILEGED_RING",
           "TIE_COLOUR", "DATING_COLOUR", "SELECT_COLOUR", "SCAM_COLOUR", "WAS_SCAM_COLOUR",
           "ISOLATED_COLOUR", "colour_bar_ticks", "node_size_px", "tie_style"]

#: The score scale of MODEL.md section 2, from the model (never retyped here).
SCORE_RANGE = (SCORE_MIN, SCORE_MAX)

#: Colour-blind-safe, perceptually uniform, readable in grey on a washed-out projector.
CMAP = colormaps["viridis"]
NORM = Normalize(*SCORE_RANGE)

#: Rings of restricted and privileged people: vermillion shows on viridis's purples and
#: blues (low scores), blue on its greens and yellows (high scores). The inspector's status
#: badges use the same two colours.
RESTRICTED_RING = "#C4420A"
PRIVILEGED_RING = "#0067A5"

TIE_COLOUR = "#8A8A8A"
DATING_COLOUR = "#D4129A"
SELECT_COLOUR = "#111111"

#: Marks over people: a cross on scam victims (grey once the scam is over), an open ring
#: around the isolated (no friends).
SCAM_COLOUR = "#111111"
WAS_SCAM_COLOUR = "#6B6B6B"
ISOLATED_COLOUR = "#555555"


def colour_bar_ticks(thresholds: Sequence[float], bar_px: float,
                     label_px: float) -> list[float]:
    """Colour bar ticks that do not collide on a bar ``bar_px`` tall with labels
    ``label_px`` tall: the two thresholds first (they explain the rings), then the ends
    of the score range, each kept only if it is clear of those already kept.

    Examples
    --------
    >>> colour_bar_ticks((550, 700), 320, 14)
    [350.0, 550.0, 700.0, 950.0]
    >>> colour_bar_ticks((550, 700), 60, 14)
    [350.0, 550.0, 950.0]
    """
    lo, hi = SCORE_RANGE
    per_score = bar_px / (hi - lo)
    kept: list[float] = []
    for value in (*thresholds, lo, hi):
        value = float(value)
        if all(abs(value - k) * per_score >= 1.15 * label_px for k in kept):
            kept.append(value)
    return sorted(kept)


def node_size_px(n: int, axes_px: float, zoom: float = 1.0) -> float:
    """Marker diameter in pixels: big for a club, dots for a city.

    Examples
    --------
    >>> round(node_size_px(34, 800), 1), round(node_size_px(4039, 800), 1)
    (16.0, 4.4)
    """
    return float(np.clip(0.35 * axes_px * math.sqrt(zoom) / math.sqrt(max(n, 1)), 1.5, 16.0))


def tie_style(m: int) -> tuple[float, float]:
    """(alpha, linewidth in points) for ``m`` friendship ties: fainter as they get denser.

    The ties are drawn as one path, so overlapping ties do not darken each other: the
    alpha is the final shade, whatever the density.

    Examples
    --------
    >>> tie_style(100), tie_style(88_234)[0]
    ((0.5, 1.2), 0.15)
    """
    alpha = float(np.clip(18.0 / math.sqrt(max(m, 1)), 0.15, 0.5))
    width = float(np.clip(40.0 / math.sqrt(max(m, 1)), 0.3, 1.2))
    return alpha, width
