"""Zooming, panning, clicking and hovering on the network view, and finding who is where.

The wheel zooms about the cursor, a left-drag pans, a click selects the person under
the cursor (``person_selected``; -1 when the click hits nobody), a double-click fits the
whole network again, and hovering shows who a person is. People are found with a k-d
tree of their positions, within a few pixels of the pointer. :class:`MouseMixin` holds
these :class:`~app.network.panel.QtNetworkView` methods; it uses the view's state and is
not meant for another class.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from app.common.i18n import tr_data, translate
from app.common.marks import marks_of
from app.common.plain_words import STATUS_WORDS
from app.network.ties import HIDE_TIES_WHILE_MOVING

__all__ = ["MouseMixin"]

_CLICK_SLOP_PX = 5        # a press and release closer than this is a click, not a drag
_PICK_RADIUS_PX = 10      # hover / click tolerance around a person's centre


class MouseMixin:
    """The network view's mouse handling and hit-testing. Mixed into
    :class:`~app.network.panel.QtNetworkView`."""

    def _on_scroll(self, event) -> None:
        if event.inaxes is not self.ax or self._view is None or event.xdata is None:
            return
        factor = 1.25 ** (event.step if event.step else (1 if event.button == "up" else -1))
        new_zoom = float(np.clip(self._zoom * factor, 1.0, 400.0))
        if new_zoom == self._zoom:
            return
        f = new_zoom / self._zoom
        cx, cy, per_px = self._view
        # Keep the point under the cursor where it is.
        cx = event.xdata + (cx - event.xdata) / f
        cy = event.ydata + (cy - event.ydata) / f
        self._zoom = new_zoom
        if new_zoom == 1.0:
            self._view = None
        else:
            self._view = (cx, cy, per_px / f)
        self._moved()

    def _moved(self) -> None:
        """The view changed under the mouse: redraw at once, big tie sets a moment later."""
        self._apply_view()
        if self._drawn_ties >= HIDE_TIES_WHILE_MOVING and self._show_ties:
            self._ties.set_visible(False)
            self._rest_timer.start()
        self._invalidate()

    def _on_rest(self) -> None:
        self._ties.set_visible(self._show_ties)
        self._invalidate()

    def _on_press(self, event) -> None:
        if event.button != 1 or event.inaxes is not self.ax:
            return
        if event.dblclick:
            self._press = None
            self.reset_view()
            return
        self._press = (event.x, event.y, self._view)
        self._dragging = False

    def _on_motion(self, event) -> None:
        if self._press is not None and self._press[2] is not None:
            x0, y0, view = self._press
            dx, dy = event.x - x0, event.y - y0
            if not self._dragging and math.hypot(dx, dy) < _CLICK_SLOP_PX:
                return
            self._dragging = True
            QToolTip.hideText()
            cx, cy, per_px = view
            self._view = (cx - dx * per_px, cy - dy * per_px, per_px)
            self._moved()
            return
        self._update_tooltip(event)

    def _on_release(self, event) -> None:
        press, self._press = self._press, None
        if press is None or event.button != 1:
            return
        if self._dragging:
            self._dragging = False
            return
        hit = self._person_at(event)
        self.select(hit)
        self.person_selected.emit(-1 if hit is None else hit)

    def _person_at(self, event) -> int | None:
        if self._tree is None or event.inaxes is not self.ax or event.xdata is None:
            return None
        per_px = self._view[2] if self._view is not None else 1.0 / 500
        radius = _PICK_RADIUS_PX * (self.device_pixel_ratio or 1.0) * per_px
        dist, idx = self._tree.query((event.xdata, event.ydata), distance_upper_bound=radius)
        return int(idx) if np.isfinite(dist) else None

    def _update_tooltip(self, event) -> None:
        i = self._person_at(event)
        if i is None or self._frame is None or self._static is None:
            if QToolTip.isVisible():
                QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.describe(i), self)

    def describe(self, i: int) -> str:
        """The hover text for person ``i``."""
        st, fr = self._static, self._frame
        label = st.group_labels[int(st.group[i])] if len(st.group_labels) else ""
        degree = int(fr.degree[i])
        lines = [translate("mouse", "<b>{id}</b>  (group {group})").format(id=st.ids[i],
                                                                          group=label),
                 translate("mouse", "score {score:.0f} \u00b7 {status}").format(
                     score=fr.scores[i],
                     status=tr_data("plain_words", STATUS_WORDS[int(fr.status[i])])),
                 (translate("mouse", "1 friend") if degree == 1
                  else translate("mouse", "{n} friends").format(n=degree))]
        lines += [tr_data("marks", w) for w in marks_of(fr, st.opted_out, i)]
        return "<br>".join(lines)

    def display_point(self, index: int) -> QPointF:
        """Where person ``index`` is drawn, in widget (logical pixel) coordinates."""
        x, y = self.ax.transData.transform(self._pos[index])
        ratio = self.device_pixel_ratio or 1.0
        height = self.figure.bbox.height
        return QPointF(x / ratio, (height - y) / ratio)
