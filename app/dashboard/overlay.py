"""What the dashboard draws over its time series besides rubric A's lines: rubric B's
lines on the same axes (dashed), the month the timeline shows (a vertical line), the
months where a setting changed (dotted lines), and clicks that pick a month.

:class:`OverlayMixin` is mixed into :class:`~app.dashboard.panel.QtDashboard`; it uses
the dashboard's axes and redraw machinery.
"""

from __future__ import annotations

import numpy as np

from app.dashboard.scales import SERIES

__all__ = ["OverlayMixin", "B_COLOUR", "MONTH_COLOUR", "CHANGE_COLOUR"]

B_COLOUR = "#D97706"
MONTH_COLOUR = "#111111"
CHANGE_COLOUR = "#C2410C"


class OverlayMixin:
    """Rubric B's lines, the month marker and the setting-change lines."""

    def _build_overlay(self) -> None:
        self._b_history: dict[str, np.ndarray] | None = None
        self._b_lines: dict[str, object] = {}
        self._month_lines: dict[str, object] = {}
        self._change_lines: list = []
        self.shown_month: int | None = None
        for col in SERIES:
            ax = self._axes[col]
            (line,) = ax.plot([], [], color=B_COLOUR, linewidth=2.2, linestyle=(0, (4, 2)),
                              animated=True, zorder=3)
            self._b_lines[col] = line
            month = ax.axvline(0, color=MONTH_COLOUR, linewidth=1.4, animated=True, zorder=4)
            month.set_visible(False)
            self._month_lines[col] = month
        self.canvas.mpl_connect("button_press_event", self._on_click)

    def _overlay_artists(self) -> list:
        return [*self._b_lines.values(), *self._month_lines.values()]

    def _b_values(self, col: str) -> np.ndarray:
        """Rubric B's values of ``col`` (empty when not comparing)."""
        if self._b_history is None:
            return np.empty(0)
        y = np.asarray(self._b_history[col], dtype=float)
        return np.where(np.isfinite(y), y, np.nan)

    def set_compare_history(self, history: dict[str, np.ndarray] | None) -> None:
        """Rubric B's history (every metric column over its months), or None."""
        if (history is None) != (self._b_history is None):
            samples = ("-0.00", "100%", "9.99x")
            self._planner.value_samples = samples if history is None else tuple(
                f"A {v} \u00b7 B {v}" for v in samples)
            self._layout_size = None   # titles wrap around the wider values
        self._b_history = history
        for col, line in self._b_lines.items():
            if history is None:
                line.set_data([], [])
            else:
                line.set_data(np.asarray(history["step"], dtype=float), self._b_values(col))
        if self._frame is not None:
            self.on_frame(self._frame)   # limits and values include B now

    def show_month(self, month: int | None, frame=None) -> None:
        """Mark month ``month`` on every time series (None: no marker, live); the
        histogram shows ``frame``'s scores (that month's), or the latest frame's."""
        self.shown_month = None if month is None else int(month)
        shown = frame if frame is not None else self._frame
        if shown is not None and self._static is not None:
            self._update_histogram(shown)
        for line in self._month_lines.values():
            line.set_visible(month is not None)
            if month is not None:
                line.set_xdata([month, month])
        self._update_values()   # the titles' values are that month's too
        self._draws.request()

    def set_change_months(self, months: list[int]) -> None:
        """Dotted lines where a setting changed during the run."""
        for line in self._change_lines:
            line.remove()
        self._change_lines = [ax.axvline(m, color=CHANGE_COLOUR, linewidth=1.0,
                                         linestyle=":", zorder=2)
                              for m in months for ax in self._axes.values()]
        self._needs_full = True
        self._draws.request()

    def month_at(self, event) -> int | None:
        """The month under a mouse event on a time series, else None."""
        if event.inaxes not in self._axes.values() or event.xdata is None:
            return None
        return max(0, int(round(event.xdata)))

    def _on_click(self, event) -> None:
        month = self.month_at(event)
        if month is not None and event.button == 1:
            self.month_clicked.emit(month)
