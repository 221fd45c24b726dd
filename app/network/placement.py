"""Where the network view's parts sit: the axes, the colour bar and its ticks, the
legend and the note, laid out in pixels for the widget's size, and the view's limits
(centre and scale, aspect kept equal).

:class:`PlacementMixin` is mixed into :class:`~app.network.panel.QtNetworkView`; it uses
the view's axes, colour bar axes, legend and positions.
"""

from __future__ import annotations

import numpy as np

from app.network.legend import TEXT_PT
from app.picture.style import colour_bar_ticks

__all__ = ["PlacementMixin"]


class PlacementMixin:
    """Layout of the view's parts and the limits of the drawing."""

    def _set_ticks(self, thresholds: tuple[float, float]) -> None:
        """Colour bar ticks at the score range's ends and the two thresholds (fewer on a
        short bar, so that their labels never collide)."""
        bar_px = self._cax.get_position().height * self.figure.bbox.height
        label_px = TEXT_PT * self.figure.dpi / 72.0 * 1.2
        self._cax.set_yticks(colour_bar_ticks(thresholds, bar_px, label_px))

    def _apply_view(self) -> None:
        """Set the limits from the view centre and scale, keeping the aspect equal."""
        bbox = self.ax.bbox
        w, h = max(bbox.width, 1.0), max(bbox.height, 1.0)
        if self._view is None:
            # Fit the drawing as it is now (the living layout moves and shrinks it).
            lo, hi = (self._pos.min(axis=0), self._pos.max(axis=0)) \
                if self._pos is not None and self._pos.size else (np.zeros(2), np.ones(2))
            span = np.maximum(hi - lo, 1e-6)
            per_px = 1.06 * max(span[0] / w, span[1] / h)
            self._view = (float(lo[0] + hi[0]) / 2, float(lo[1] + hi[1]) / 2, per_px)
        cx, cy, per_px = self._view
        self.ax.set_xlim(cx - w * per_px / 2, cx + w * per_px / 2)
        self.ax.set_ylim(cy - h * per_px / 2, cy + h * per_px / 2)
        self._update_sizes()

    def _update_layout(self) -> None:
        """Place axes, colour bar and legend in pixels for the current widget size.

        The network takes the whole height; a column on the right holds the colour bar
        (up to 320 px tall) and, under it, the legend.
        """
        fig = self.figure
        W, H = fig.bbox.width, fig.bbox.height
        if W < 10 or H < 10:
            return
        px = self.device_pixel_ratio or 1.0   # one logical pixel in figure pixels
        compact = self._compare or H / px < 420
        if compact != self._compact:
            self._compact = compact
            self._make_legend()   # lays out again with the new legend
            return
        try:
            box = self._legend.get_window_extent(self.get_renderer())
            legend_w, legend_h = box.width, box.height
        except Exception:  # noqa: BLE001 - no renderer yet: a sensible guess
            legend_w, legend_h = 200 * px, 170 * px
        pad, cbar_w = 10 * px, 16 * px
        # Room for the colour bar's title (its text and 8 pt pad), which grows with the
        # text size when presenting: a fixed 34 px put a large title above the canvas.
        title_h = max(34 * px, (TEXT_PT * 1.2 + 8 + 2) * fig.dpi / 72)
        col_w = max(legend_w, cbar_w + 60 * px) + 2 * pad if self._side else 2 * pad
        top, bottom, left = 8 * px, 22 * px, 6 * px
        ax_w = max(W - left - col_w, 10)
        ax_h = max(H - bottom - top, 10)
        self.ax.set_position((left / W, bottom / H, ax_w / W, ax_h / H))
        cbar_h = float(np.clip(H - top - title_h - legend_h - 3 * pad - 20 * px,
                               60 * px, 320 * px))
        cbar_top = H - top - title_h
        x0 = W - col_w + pad
        self._cax.set_position((x0 / W, (cbar_top - cbar_h) / H, cbar_w / W, cbar_h / H))
        self._set_ticks(self._thresholds)
        legend_top = cbar_top - cbar_h - 2.2 * pad
        self._legend.set_bbox_to_anchor((x0 / W, legend_top / H), transform=fig.transFigure)
        self._note.set_position((left / W, 4 * px / H))
        self._note.set_va("bottom")

    def _on_resize(self, _event=None) -> None:
        self._update_layout()
        if self._zoom == 1.0:
            self._view = None
        self._apply_view()
        self._background = None
