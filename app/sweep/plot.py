"""The sweep's figure: a metric against one parameter with a band over seeds, or a
heatmap of its mean over two parameters; a click picks a grid point.

Values come from :func:`models.sweeps.summary_columns` (the mean and 95% interval over
seeds at the last step) and :func:`models.sweeps.tidy_columns` (each seed's value,
drawn as faint dots), so the plot shows the numbers the CSV export writes.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.common.i18n import field_label, tr_data, translate
from app.common.plain_words import METRIC_TITLES
from models.sweeps import SweepOutcome, summary_columns, tidy_columns

__all__ = ["QtSweepPlot", "LINE_COLOUR"]

LINE_COLOUR = "#1f3b73"
TEXT_PT = 10.5


def _positions(values: tuple[Any, ...]) -> tuple[np.ndarray, list[str], bool]:
    """x positions for a parameter's values: the numbers, or 0..k-1 for other types."""
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    labels = [f"{v:g}" if numeric else str(v).lower() for v in values]
    if numeric:
        return np.array(values, dtype=float), labels, True
    return np.arange(len(values), dtype=float), labels, False


class QtSweepPlot(QWidget):
    """Draws one metric of a finished (or partly finished) sweep.

    ``point_clicked(dict)`` gives the grid point nearest a click.
    """

    point_clicked = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=(8, 5), facecolor="white")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(360, 260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.outcome: SweepOutcome | None = None
        self.metric_name = ""
        self.kind = "empty"
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("resize_event", lambda _e: self._tight())
        self.show_outcome(None, "")

    # ------------------------------------------------------------------ drawing
    def show_outcome(self, outcome: SweepOutcome | None, metric: str) -> None:
        """Draw ``metric`` of ``outcome`` (None: an empty figure with a hint)."""
        self.outcome, self.metric_name = outcome, metric
        fig = self.figure
        fig.clear()
        ax = fig.add_subplot(111)
        self.ax = ax
        if outcome is None or not outcome.results or not metric:
            self.kind = "empty"
            ax.set_axis_off()
            ax.text(0.5, 0.5, translate("plot", "Choose parameters and values, then Run."),
                    ha="center",
                    va="center", fontsize=TEXT_PT + 1, color="#555555", transform=ax.transAxes)
        elif len(outcome.plan.keys) == 2:
            self._heatmap(ax, outcome, metric)
        else:
            self._band(ax, outcome, metric)
        if self.kind != "empty":   # exports say what they show
            plan = outcome.plan
            seeds = plan.seeds
            seed_text = f"{seeds[0]}" if len(seeds) == 1 else \
                translate("plot", "{n} seeds from {first}").format(n=len(seeds), first=seeds[0])
            fig.text(0.995, 0.005, translate("plot", "ScoreNet sweep: {name}, {seeds}, {done} of "
                                             "{n} runs").format(
                         name=tr_data("presets", plan.base.name), seeds=seed_text,
                         done=len(outcome.results), n=len(plan)), ha="right", va="bottom",
                     fontsize=TEXT_PT - 2, color="#666666")
        self._tight()

    @staticmethod
    def metric_title(metric: str) -> str:
        """A metric's plain-words title in the app's language (its column name if none)."""
        title = METRIC_TITLES.get(metric, metric.replace("_", " "))
        return tr_data("plain_words", title) if isinstance(title, str) else metric

    def _band(self, ax, outcome: SweepOutcome, metric: str) -> None:
        self.kind = "band"
        plan = outcome.plan
        s = summary_columns(outcome)
        t = tidy_columns(outcome)
        if plan.keys:
            key = plan.keys[0]
            x, labels, _ = _positions(plan.vary[0][1])
        else:   # seeds only: one point
            key, x, labels = "", np.zeros(1), [translate("plot", "all")]
        order = np.argsort(x, kind="stable")   # values may be given in any order
        mean = s[f"{metric}_mean"][order]
        low, high = s[f"{metric}_low"][order], s[f"{metric}_high"][order]
        ax.fill_between(x[order], low, high, color=LINE_COLOUR, alpha=0.18, linewidth=0,
                        label=translate("plot", "95% interval over seeds"))
        ax.plot(x[order], mean, "-o", color=LINE_COLOUR, linewidth=2, markersize=5,
                label=translate("plot", "mean of {n} seed(s)").format(n=len(plan.seeds)))
        last = t["step"] == plan.steps
        if metric in t and np.any(last):
            ax.plot(x[_value_index(plan, key, t, last)], t[metric][last], ".",
                    color="#888888", markersize=4, alpha=0.7, label=translate("plot", "each seed"))
        ax.set_xticks(x, labels)
        ax.set_xlabel(field_label(key) if key else translate("plot", "seeds"), fontsize=TEXT_PT)
        ax.set_ylabel(self.metric_title(metric), fontsize=TEXT_PT)
        ax.set_title(translate("plot", "{title} at month {step}").format(
            title=self.metric_title(metric), step=plan.steps), fontsize=TEXT_PT + 1)
        ax.grid(True, color="#dddddd", linewidth=0.8)
        ax.tick_params(labelsize=TEXT_PT - 0.5)
        ax.legend(fontsize=TEXT_PT - 1, frameon=False, loc="best")
        self._x = x

    def _heatmap(self, ax, outcome: SweepOutcome, metric: str) -> None:
        self.kind = "heatmap"
        plan = outcome.plan
        s = summary_columns(outcome)
        (k1, v1), (k2, v2) = plan.vary
        grid = s[f"{metric}_mean"].reshape(len(v1), len(v2))
        image = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")
        ax.set_yticks(range(len(v1)), _positions(v1)[1])
        ax.set_xticks(range(len(v2)), _positions(v2)[1])
        ax.set_ylabel(field_label(k1), fontsize=TEXT_PT)
        ax.set_xlabel(field_label(k2), fontsize=TEXT_PT)
        ax.tick_params(labelsize=TEXT_PT - 0.5)
        finite = grid[np.isfinite(grid)]
        mid = (finite.min() + finite.max()) / 2 if finite.size else 0.0
        if grid.size <= 144:   # the numbers themselves, where they fit
            for i in range(len(v1)):
                for j in range(len(v2)):
                    value = grid[i, j]
                    ax.text(j, i, "" if math.isnan(value) else f"{value:.3g}", ha="center",
                            va="center", fontsize=TEXT_PT - 1,
                            color="black" if value > mid else "white")
        bar = self.figure.colorbar(image, ax=ax)
        bar.set_label(translate("plot", "mean of {n} seed(s)").format(n=len(plan.seeds)),
                      fontsize=TEXT_PT - 0.5)
        ax.set_title(translate("plot", "{title} at month {step}").format(
            title=self.metric_title(metric), step=plan.steps), fontsize=TEXT_PT + 1)

    def _tight(self) -> None:
        try:
            self.figure.tight_layout()
        except (ValueError, np.linalg.LinAlgError):   # a canvas too small to lay out
            pass
        self.canvas.draw_idle()

    # ------------------------------------------------------------------ picking
    def point_at(self, xdata: float, ydata: float) -> dict | None:
        """The grid point under data coordinates (xdata, ydata), or None."""
        if self.outcome is None or self.kind == "empty":
            return None
        plan = self.outcome.plan
        if self.kind == "heatmap":
            (k1, v1), (k2, v2) = plan.vary
            i, j = int(round(ydata)), int(round(xdata))
            if 0 <= i < len(v1) and 0 <= j < len(v2):
                return {k1: v1[i], k2: v2[j]}
            return None
        if not plan.keys:
            return {}
        k = int(np.argmin(np.abs(self._x - xdata)))
        return {plan.keys[0]: plan.vary[0][1][k]}

    def _on_press(self, event) -> None:
        if event.inaxes is not self.ax or event.xdata is None:
            return
        point = self.point_at(event.xdata, event.ydata)
        if point is not None:
            self.point_clicked.emit(point)


def _value_index(plan, key, t, last) -> np.ndarray:
    """For each last-step row, the index of its value among the parameter's values."""
    if not key:
        return np.zeros(int(np.count_nonzero(last)), dtype=np.int64)
    where = {repr(v): i for i, v in enumerate(plan.vary[0][1])}
    return np.array([where[repr(v)] for v in t[key][last].tolist()], dtype=np.int64)
