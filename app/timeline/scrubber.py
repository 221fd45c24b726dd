"""The timeline scrubber: go back and forth over the months kept, without re-simulating.

:class:`QtScrubber` is a slider over months 0..now with a triangle wherever a setting
changed during the run (hover it for what changed), a month label and a "Live" button.
Moving the slider emits ``month_chosen(k)``; the window then asks the model process for
the kept month ``k`` and shows it. New live months extend the range; while the thumb is
at the end ("live") it follows them. When the timeline's memory cap dropped the oldest
months, the slider starts at the first month kept and a note says so
(:meth:`QtScrubber.set_first`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSlider, QStyle, QStyleOptionSlider,
                               QToolButton, QWidget)
from app.common.i18n import translate

__all__ = ["QtScrubber", "MARKER_COLOUR"]

MARKER_COLOUR = "#C2410C"


class _MarkedSlider(QSlider):
    """A horizontal slider that draws a small triangle at each marked month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.markers: dict[int, str] = {}
        self.setMouseTracking(True)

    def x_of(self, value: int) -> float:
        """Where month ``value`` sits along the groove, in widget pixels."""
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                      QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                      QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        pos = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, span)
        return groove.x() + handle.width() / 2 + pos

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self.markers or self.maximum() <= self.minimum():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MARKER_COLOUR))
        for month in self.markers:
            if self.minimum() <= month <= self.maximum():
                x = self.x_of(month)
                painter.drawPolygon(QPolygonF([QPointF(x - 5, 0), QPointF(x + 5, 0),
                                               QPointF(x, 7)]))
        painter.end()

    def marker_near(self, x: float, slack: float = 6.0) -> int | None:
        """The marked month drawn within ``slack`` pixels of ``x``, if any."""
        near = [(abs(self.x_of(m) - x), m) for m in self.markers]
        near = [item for item in near if item[0] <= slack]
        return min(near)[1] if near else None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().mouseMoveEvent(event)
        month = self.marker_near(event.position().x())
        self.setToolTip("" if month is None else translate("scrubber", "Month {month}: {what}")
                        .format(month=month, what=self.markers[month]))


class QtScrubber(QWidget):
    """Months 0..now on a slider; ``month_chosen(k)`` when the user picks one.

    Signals
    -------
    month_chosen(int)
        The user moved to month ``k`` (also emitted by :meth:`go_to`).
    live_requested()
        The user pressed "Live": show the latest month and follow.
    """

    month_chosen = Signal(int)
    live_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        row.setSpacing(8)
        title = QLabel(translate("scrubber", "Timeline"), self)
        title.setStyleSheet("font-weight: bold;")
        row.addWidget(title)
        self.slider = _MarkedSlider(self)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(12)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setToolTip(translate("scrubber", "Drag to go back to any month kept; triangles mark setting "
                               "changes."))
        self.slider.valueChanged.connect(self._on_value)
        row.addWidget(self.slider, 1)
        self.label = QLabel(self)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(
            "Month 0000 of 0000 (past)") + 8)
        row.addWidget(self.label)
        self.note = QLabel(self)
        self.note.setStyleSheet(f"color: {MARKER_COLOUR};")
        self.note.hide()
        row.addWidget(self.note)
        self.live_button = QToolButton(self)
        self.live_button.setText(translate("scrubber", "Live"))
        self.live_button.setToolTip(translate("scrubber", "Back to the latest month; follow the run."))
        self.live_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.live_button.clicked.connect(self._on_live)
        row.addWidget(self.live_button)
        self._quiet = False
        self._update_label()

    # ------------------------------------------------------------------ state
    @property
    def month(self) -> int:
        """The month shown."""
        return self.slider.value()

    @property
    def first(self) -> int:
        """The earliest month kept (older ones were dropped by the memory cap)."""
        return self.slider.minimum()

    @property
    def last(self) -> int:
        """The latest month kept."""
        return self.slider.maximum()

    @property
    def following(self) -> bool:
        """True when the latest month is shown (new months are followed)."""
        return self.slider.value() == self.slider.maximum()

    @property
    def markers(self) -> dict[int, str]:
        return dict(self.slider.markers)

    # ------------------------------------------------------------------ commands
    def reset(self) -> None:
        """A new run: month 0 only, no markers."""
        self.slider.markers = {}
        self.set_first(0)
        self._set(0, 0)

    def set_first(self, first: int, cap_text: str = "") -> None:
        """Months before ``first`` were dropped to stay under the memory cap
        (``cap_text``, e.g. "512 MB"): the slider starts at ``first``, a note says so."""
        first = max(0, int(first))
        if first == self.slider.minimum():
            return
        self._quiet = True
        try:
            self.slider.setMinimum(first)
        finally:
            self._quiet = False
        self.note.setVisible(first > 0)
        self.note.setText(translate("scrubber", "months 0-{last} dropped").format(last=first - 1)
                          if first else "")
        cap = translate("scrubber", " of {cap}").format(cap=cap_text) if cap_text else ""
        self.note.setToolTip(translate(
            "scrubber", "The timeline keeps at most its memory cap{cap}: the oldest months were "
            "dropped. Change the cap in Simulation > Timeline memory.").format(cap=cap))
        self._update_label()

    def set_last(self, step: int) -> None:
        """A new live month arrived; follow it when the latest month was shown."""
        follow = self.following
        self._set(self.slider.value() if not follow else step, step)

    def set_markers(self, markers: dict[int, str]) -> None:
        """Months where settings changed, with what changed (for the tooltip)."""
        self.slider.markers = dict(markers)
        self.slider.update()

    def go_to(self, month: int) -> None:
        """Show month ``month`` (clamped to the months kept), as if the user chose it."""
        self.slider.setValue(max(self.first, min(int(month), self.last)))

    def go_live(self) -> None:
        """Show the latest month without emitting ``month_chosen``."""
        self._set(self.last, self.last)

    # ------------------------------------------------------------------ internals
    def _set(self, value: int, maximum: int) -> None:
        self._quiet = True
        try:
            self.slider.setMaximum(maximum)
            self.slider.setValue(value)
        finally:
            self._quiet = False
        self._update_label()

    def _on_value(self, value: int) -> None:
        self._update_label()
        if not self._quiet:
            self.month_chosen.emit(int(value))

    def _on_live(self) -> None:
        self.go_live()
        self.live_requested.emit()

    def _update_label(self) -> None:
        k, last = self.slider.value(), self.slider.maximum()
        # Live, "of N" would read as the run's length (the header's "Month 0 / 120").
        self.label.setText(translate("scrubber", "Month {k} (latest)").format(k=k) if k == last
                           else translate("scrubber", "Month {k} of {last} (past)").format(
                               k=k, last=last))
        self.live_button.setEnabled(k != last)
