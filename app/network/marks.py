"""Marks drawn over people: a cross on scam victims (thin and grey once the scam is
over), an open ring around the isolated, a diamond around the people excluded under
this rubric only (A/B). Opt-outs are squares already (:mod:`app.network.people`).

:class:`MarksMixin` holds the :class:`~app.network.panel.QtNetworkView` methods that keep
the marks' artists in step with the frames; the marks are animated artists, blitted with
the people, and exports draw them like any artist.
"""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D

from app.common.i18n import translate
from app.common.marks import mark_masks
from app.picture.style import ISOLATED_COLOUR, SCAM_COLOUR, WAS_SCAM_COLOUR

__all__ = ["MarksMixin", "SCAM_COLOUR", "ISOLATED_COLOUR", "DIFF_COLOUR", "mark_handles"]

DIFF_COLOUR = "#C026D3"


def mark_handles(compare: bool) -> list[Line2D]:
    """Legend entries for the marks (the A/B diamond only when comparing)."""
    handles = [
        Line2D([], [], marker="x", linestyle="", markersize=9, markeredgecolor=SCAM_COLOUR,
               markeredgewidth=2.2, label=translate("marks", "scam victim now")),
        Line2D([], [], marker="x", linestyle="", markersize=7, markeredgecolor=WAS_SCAM_COLOUR,
               markeredgewidth=1.3, label=translate("marks", "was scammed")),
        Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor="none",
               markeredgecolor=ISOLATED_COLOUR, markeredgewidth=1.3,
               label=translate("marks", "isolated")),
    ]
    if compare:
        handles.append(Line2D([], [], marker="D", linestyle="", markersize=10,
                              markerfacecolor="none", markeredgecolor=DIFF_COLOUR,
                              markeredgewidth=2.0, label=translate("marks", "excluded here only")))
    return handles


class MarksMixin:
    """The network view's marks. Mixed into :class:`~app.network.panel.QtNetworkView`."""

    def _build_marks(self) -> None:
        ax = self.ax
        kw = dict(zorder=6, animated=True)
        self._mark_scam = ax.scatter([], [], marker="x", c=SCAM_COLOUR, linewidths=2.2, **kw)
        self._mark_was = ax.scatter([], [], marker="x", c=WAS_SCAM_COLOUR, linewidths=1.2, **kw)
        self._mark_iso = ax.scatter([], [], marker="o", facecolors="none",
                                    edgecolors=ISOLATED_COLOUR, linewidths=1.2, **kw)
        self._mark_diff = ax.scatter([], [], marker="D", facecolors="none",
                                     edgecolors=DIFF_COLOUR, linewidths=2.0, **kw)
        self._highlight = np.empty(0, dtype=np.int64)

    def _mark_artists(self) -> list:
        return [self._mark_iso, self._mark_diff, self._mark_was, self._mark_scam]

    @property
    def highlighted(self) -> np.ndarray:
        """People marked with the A/B diamond (indices)."""
        return self._highlight.copy()

    def set_highlight(self, people: np.ndarray | None) -> None:
        """Mark ``people`` (indices) with the diamond: excluded under this rubric only."""
        self._highlight = (np.empty(0, dtype=np.int64) if people is None
                           else np.asarray(people, dtype=np.int64))
        self._update_marks(self._frame)
        self._blit()

    def _update_marks(self, frame) -> None:
        empty = np.empty((0, 2))
        if frame is None or self._pos is None or self._static is None \
                or np.asarray(frame.degree).shape[0] != self._pos.shape[0]:
            for artist in self._mark_artists():
                artist.set_offsets(empty)
            return
        masks = mark_masks(frame, self._static.opted_out)
        d = self._node_px[0] * 72.0 / self.figure.dpi   # node diameter in points
        # Marks scale with the people: on a big network they must not hide the colours.
        for artist, idx, scale, width in (
                (self._mark_scam, np.flatnonzero(masks["scammed"]), 1.1, 2.2),
                (self._mark_was, np.flatnonzero(masks["was_scammed"]), 0.7, 1.2),
                (self._mark_iso, np.flatnonzero(masks["isolated"]), 2.0, 1.2),
                (self._mark_diff, self._highlight[self._highlight < self._pos.shape[0]], 2.2,
                 2.0)):
            artist.set_offsets(self._pos[idx] if idx.size else empty)
            artist.set_sizes([max(d * scale, 3.0) ** 2])
            artist.set_linewidths([float(np.clip(width * d / 8.0, 0.5, width))])
