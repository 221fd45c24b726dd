"""The dashboard: what the score does to society, month by month, in one figure.

Six small time series (assortativity, stratification, restricted share, isolated share,
Gini, degree gap) and a histogram of scores stacked by group (:mod:`app.dashboard.histogram`).
Artists are made once per run in :meth:`QtDashboard.on_rebuilt`; :meth:`QtDashboard.on_frame`
only changes their data, and the canvas is redrawn at most ``MAX_DRAWS_PER_SECOND`` times
a second, so a fast simulation never waits for matplotlib.

A full draw of seven axes costs about 150 ms on the 2-core target, too much for every
frame, so the moving parts (lines, current values, histogram layers) are animated
artists blitted over a cached background. Limits sit on coarse ladders
(:mod:`app.dashboard.scales`) so the background is redrawn only a handful of times in a
run: when a limit, a threshold or the widget's size changes.

The axes are placed by hand, in pixels, whenever the widget is resized, as planned by
:mod:`app.dashboard.layout`: titles shorten (plain-words question, shorter plain words,
compact name) as space shrinks; a panel too small even for the compact layout scrolls
rather than let text collide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, MultipleLocator, PercentFormatter
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (QFrame, QScrollArea, QSizePolicy, QToolTip, QVBoxLayout,
                               QWidget)

from app.dashboard.layout import LayoutPlanner, Plan
from app.dashboard.scales import (SERIES, SPECS, TEXT_PT, TITLE_PT, format_value,
                                  month_tick_step, x_limit, y_limits)
from app.common.pacing import Throttle
from app.common.i18n import tr_data, translate
from app.common.plain_words import METRIC_DEFINITIONS, METRIC_TITLES
from app.dashboard.histogram import GROUP_COLOURS, HIST_EDGES, ScoreHistogram
from app.dashboard.overlay import OverlayMixin

if TYPE_CHECKING:
    from app.process.frame import Frame, Static

__all__ = ["QtDashboard", "SERIES", "GROUP_COLOURS", "HIST_EDGES", "MAX_DRAWS_PER_SECOND",
           "y_limits", "x_limit", "month_tick_step", "format_value"]

MAX_DRAWS_PER_SECOND = 10

LINE_COLOUR = "#1f3b73"

#: The canvas's own minimum height (logical pixels) when its panel is big enough.
_BASE_MIN_HEIGHT = 220

#: Scroll only when the readable layout needs this much more than the panel's height.
_SCROLL_BEYOND = 1.15



def _at(steps: np.ndarray, values: np.ndarray, month: int | None) -> float:
    """``values`` at ``month`` (the row whose step it is), or the last one (None, or a
    month not there)."""
    if not values.size:
        return np.nan
    if month is not None:
        hit = np.flatnonzero(steps == month)
        if hit.size:
            return float(values[hit[0]])
    return float(values[-1])

class QtDashboard(OverlayMixin, QWidget):
    """Live metric time series and the score histogram of the running simulation.

    Feed it with :meth:`on_rebuilt` when a run starts (or restarts) and :meth:`on_frame`
    after every step. ``figure`` is the matplotlib figure, for export; ``hist_counts``
    the histogram's counts per group layer and bin as last shown.

    Signals
    -------
    month_clicked(int)
        A time series was clicked at this month.
    """

    month_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=(12, 4), facecolor="white")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(320, _BASE_MIN_HEIGHT)
        self.canvas.setMouseTracking(True)
        # Normally the canvas fills the panel; a panel too small for readable plots
        # scrolls instead (see _update_layout).
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self._planner = LayoutPlanner(self.figure, self.canvas)

        self._frame: Frame | None = None
        self._static: Static | None = None
        self._lines: dict[str, object] = {}
        self._values: dict[str, object] = {}
        self._ylims: dict[str, tuple[float, float] | None] = dict.fromkeys(SERIES)
        self._xlim = 12.0
        self._most_xticks = 5   # x tick intervals that fit the plots' width
        self._hover_axes = None
        self._layout_size: tuple[int, int] | None = None
        self._background = None
        self._value_pixels: dict = {}   # value text -> (background, text, its pixels)
        self._needs_full = True
        self._screen_dpi = self.figure.dpi
        self.full_draws = 0
        self.blits = 0

        self._build_axes()
        self._build_overlay()
        self._draws = Throttle(self._draw_now, MAX_DRAWS_PER_SECOND, self)
        self.canvas.mpl_connect("draw_event", self._on_draw_event)
        self.canvas.mpl_connect("resize_event", self._on_resize)
        self.canvas.mpl_connect("motion_notify_event", self._on_mouse_move)
        self.canvas.mpl_connect("figure_leave_event", self._on_mouse_leave)

    # ------------------------------------------------------------------ building
    def _build_axes(self) -> None:
        fig = self.figure
        self._axes: dict[str, object] = {}
        self._titles: dict[str, object] = {}
        for col in SERIES:
            spec = SPECS[col]
            ax = fig.add_axes((0, 0, 1, 1))
            ax.tick_params(labelsize=TEXT_PT, length=4)
            ax.grid(True, color="#e4e4e4", linewidth=0.8)
            ax.set_axisbelow(True)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.xaxis.set_major_locator(MultipleLocator(month_tick_step(self._xlim)))
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 5, 10]))
            if spec.reference is not None:
                ax.axhline(spec.reference, color="#9a9a9a", linewidth=1.2, zorder=1)
            (line,) = ax.plot([], [], color=LINE_COLOUR, linewidth=2.6, animated=True,
                              solid_capstyle="round", solid_joinstyle="round", zorder=3)
            self._lines[col] = line
            # y=1.0 where matplotlib would put them anyway (no x axis on top, no
            # offset text), given, not worked out: that search measured every y tick
            # label of every axes at each full draw, a fifth of the draw.
            self._titles[col] = ax.set_title(tr_data("plain_words", METRIC_TITLES[col]), loc="left",
                                             fontsize=TITLE_PT, fontweight="bold", y=1.0)
            self._values[col] = ax.set_title("", loc="right", fontsize=TITLE_PT,
                                             fontweight="bold", color=LINE_COLOUR, y=1.0)
            self._values[col].set_animated(True)
            ax.set_xlim(0.0, self._xlim)
            self._axes[col] = ax
            self._set_ylim(col, y_limits(spec.kind, np.array([]), None))
        self._hist = ScoreHistogram(fig)
        self._hist_ax = self._hist.ax
        self._planner.legend = self._hist.legend_entries()

    @property
    def hist_counts(self) -> np.ndarray:
        """The histogram's counts per group layer and bin, as last shown."""
        return self._hist.counts

    # ------------------------------------------------------------------ public API
    def on_rebuilt(self, static: Static, frame: Frame) -> None:
        """A new run (or a reset): forget the old one and set up the histogram's groups."""
        self._static = static
        self._ylims = dict.fromkeys(SERIES)
        self._hist.set_groups(static.group, static.group_labels)
        self._planner.legend = self._hist.legend_entries()
        self._layout_size = None   # the legend is (re)made by the layout, which fits it
        self._needs_full = True
        self.on_frame(frame)

    def on_frame(self, frame: Frame) -> None:
        """Show ``frame``: new line data and bar heights, same artists; draw soon."""
        self._frame = frame
        hist = frame.history
        x = np.asarray(hist["step"], dtype=float)
        last = max(x[-1] if x.size else 0.0,
                   float(self._b_history["step"][-1]) if self._b_history is not None
                   and len(self._b_history["step"]) else 0.0)
        xlim = x_limit(last)
        if xlim != self._xlim:
            self._xlim = xlim
            for ax in self._axes.values():
                ax.set_xlim(0.0, xlim)
                ax.xaxis.set_major_locator(
                    MultipleLocator(month_tick_step(xlim, self._most_xticks)))
            self._needs_full = True
        for col in SERIES:
            spec = SPECS[col]
            y = np.asarray(hist[col], dtype=float)
            y = np.where(np.isfinite(y), y, np.nan)   # inf (e.g. 0 friends below) is a gap
            self._lines[col].set_data(x, y)
            yb = self._b_values(col)
            lim = y_limits(spec.kind, np.concatenate([y, yb]), self._ylims[col],
                           spec.reference)
            if lim != self._ylims[col]:
                self._set_ylim(col, lim)
        self._update_values()
        self._update_histogram(frame)
        self._draws.request()

    # ------------------------------------------------------------------ updating
    def _update_values(self) -> None:
        """The value beside each title: the month the timeline shows, else the latest
        (a past month on the timeline must not be read with today's numbers)."""
        if self._frame is None:
            return
        hist = self._frame.history
        x = np.asarray(hist["step"], dtype=float)
        bx = (np.asarray(self._b_history["step"], dtype=float)
              if self._b_history is not None else np.empty(0))
        for col in SERIES:
            kind = SPECS[col].kind
            y, yb = np.asarray(hist[col], dtype=float), self._b_values(col)
            y = np.where(np.isfinite(y), y, np.nan)   # as drawn: inf is a gap
            text = format_value(kind, _at(x, y, self.shown_month))
            if yb.size:
                text = f"A {text} \u00b7 B {format_value(kind, _at(bx, yb, self.shown_month))}"
            self._values[col].set_text(text)

    def _set_ylim(self, col: str, lim: tuple[float, float]) -> None:
        self._ylims[col] = lim
        ax = self._axes[col]
        ax.set_ylim(*lim)
        if SPECS[col].kind == "share":
            # Whole percents unless the axis is too short for them to differ.
            decimals = 0 if lim[1] >= 0.04 else 1
            ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=decimals))
        self._needs_full = True

    def _update_histogram(self, frame: Frame) -> None:
        rescaled, new_thresholds = self._hist.update(frame.scores, self._static.group,
                                                     frame.thresholds)
        if new_thresholds:
            self._layout_size = None   # the region labels may now fit, or not
        if rescaled or new_thresholds:
            self._needs_full = True

    def _animated(self) -> list:
        return [*self._hist.stairs, *self._lines.values(), *self._values.values(),
                *self._overlay_artists()]

    def _draw_animated(self) -> None:
        values = set(self._values.values())
        for artist in self._animated():
            (self._draw_value if artist in values else self.figure.draw_artist)(artist)

    def _draw_value(self, artist) -> None:
        """A value beside a title, pasted from its last drawing over this background
        while its text is the same: six texts were most of a blit's cost, and nothing
        else animated reaches over a title (lines are clipped to their axes)."""
        text = artist.get_text()
        kept = self._value_pixels.get(artist)
        if kept is not None and kept[0] is self._background and kept[1] == text:
            self.canvas.restore_region(kept[2])
            return
        self.figure.draw_artist(artist)
        if not text or self._background is None:
            return
        box = artist.get_window_extent(self.canvas.get_renderer()).padded(2)
        self._value_pixels[artist] = (self._background, text, self.canvas.copy_from_bbox(box))

    # ------------------------------------------------------------------ drawing
    def _draw_now(self) -> None:
        """Blit the moving parts, or redraw everything when the background is stale."""
        if not self.isVisible():
            self._needs_full = True   # drawn in full when shown
            return
        if self._layout_size is None:
            self._update_layout()
        if self._needs_full or self._background is None:
            self._needs_full = False
            self.canvas.draw_idle()   # the draw event then blits the moving parts
            return
        self.canvas.restore_region(self._background)
        self._draw_animated()
        self.canvas.blit(self.figure.bbox)
        self.blits += 1

    def _on_draw_event(self, event) -> None:
        """After a full draw: keep it as the background, then draw the moving parts."""
        renderer = event.renderer
        size = (getattr(renderer, "width", None), getattr(renderer, "height", None))
        on_screen = (size == self.canvas.get_width_height(physical=True)
                     and self.figure.dpi == self._screen_dpi)
        if not on_screen:   # savefig to a file fires this too; its pixels are not ours
            self._background = None
            self._needs_full = True
            return
        self.full_draws += 1
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def flush(self) -> None:
        """Draw the current state now (for screenshots and tests), ignoring the throttle."""
        if self._layout_size is None:
            self._update_layout()
        self._needs_full = False
        self.canvas.draw()

    # ------------------------------------------------------------------ layout
    def _on_resize(self, _event=None) -> None:
        self._screen_dpi = self.figure.dpi
        self._update_layout()

    def _update_layout(self) -> None:
        """Place every axes in pixels for the canvas's current size.

        Configurations: the histogram on the right or below; the series in a 3x2, 2x3 or
        1x6 grid; titles as plain-words questions, shorter plain words, or compact names
        (the full title and the definition are always in the tooltip). The first readable
        one in that order of preference wins. When none is readable in the panel, the
        canvas takes the height that the configuration needing the least of it asks for,
        and the panel scrolls, rather than let text collide.
        """
        fig = self.figure
        W, H = fig.bbox.width, fig.bbox.height
        if W < 60 or H < 60:
            return
        self._layout_size = (int(W), int(H))
        self._needs_full = True
        forced = self._update_min_height()
        planner = self._planner
        if forced is None:
            plan = planner.best(W, H, readable_only=True)
            if plan is None:   # a little short of room: the config that needs least
                found = planner.least_height(W, H)
                plan = planner.evaluate(found[0], W, H) if found else planner.best(W, H)
        else:
            plan = planner.evaluate(forced, W, H)
        if plan is not None:
            self._apply_layout(plan, W, H)

    def _update_min_height(self) -> tuple | None:
        """Let the canvas be taller than the panel (which then scrolls) only if needed.

        Decided from the panel's size, not the canvas's, so that growing the canvas
        cannot change the decision and the two never chase each other. Returns the
        configuration to use when scrolling, else None.
        """
        ratio = self.canvas.device_pixel_ratio or 1.0
        view_w = self._scroll.width() * ratio
        view_h = self._scroll.height() * ratio
        forced, want = None, _BASE_MIN_HEIGHT
        roomy = self._planner.best(view_w, view_h, readable_only=True) is not None
        if view_w >= 60 and view_h >= 60 and not roomy:
            found = self._planner.least_height(view_w, view_h)
            # A few pixels short is better squeezed than scrolled.
            if found is not None and found[1] > _SCROLL_BEYOND * view_h:
                forced, height = found
                want = int(height / ratio) + 1
        if want != self.canvas.minimumHeight():
            self.canvas.setMinimumHeight(want)
        return forced

    def _apply_layout(self, plan: Plan, W: float, H: float) -> None:
        m, px = plan.m, plan.m.px
        sx0, sy0, sx1, sy1 = plan.series_box
        plot_h = max(plan.plot_h, 15 * px)
        # Room for each x tick label ("120") with 1.5 label widths of space between.
        label_w = self._planner.text_px("120", TEXT_PT)
        self._most_xticks = int(np.clip(plan.cell_w // (2.5 * label_w), 2, 5))
        step = month_tick_step(self._xlim, self._most_xticks)
        for k, col in enumerate(SERIES):
            r, c = divmod(k, plan.cols)
            ax = self._axes[col]
            ax.xaxis.set_major_locator(MultipleLocator(step))
            left = sx0 + c * (sx1 - sx0) / plan.cols + m.ytick_w
            top = sy1 - r * (plan.title_h + plot_h + 2 * m.pad) - plan.title_h
            ax.set_position((left / W, (top - plot_h) / H, plan.cell_w / W, plot_h / H))
            self._titles[col].set_text(plan.titles[col])
            bottom_row = k + plan.cols >= len(SERIES)
            ax.tick_params(labelbottom=bottom_row)
            ax.set_xlabel(translate("dashboard_panel", "month") if bottom_row else "",
                          fontsize=TEXT_PT, labelpad=2)
            # Flat plots get fewer y ticks so that their labels do not collide.
            ax.yaxis.get_major_locator().set_params(nbins=4 if plot_h > 70 * px else 2)
        hx0, hy0, hx1, hy1 = plan.hist_box
        hleft = hx0 + m.ytick_w + 8 * px
        labelled = self._hist.place_threshold_labels(hx1 - hleft, self._planner.text_px)
        # Title and legend may use the room over the y tick labels too.
        start = -(hleft - hx0) / max(hx1 - hleft, 1.0)
        # The shaded regions are in the legend only when too narrow for their own labels.
        handles = self._hist.legend_entries(with_regions=not labelled)
        legend_rows = self._hist.place_legend(
            handles, self._planner.legend_columns(handles, hx1 - hx0), start)
        legend_h = legend_rows * m.line_h * 1.15 + 0.5 * m.line_h
        hist_title = self._planner.hist_title(hx1 - hleft)
        self._hist.set_title(hist_title, legend_h / px + 4, start)
        head = (hist_title.count("\n") + 1) * m.line_h + legend_h + 8 * px
        hbottom = hy0 + 2 * m.tick_h
        self._hist_ax.set_position((hleft / W, hbottom / H, (hx1 - hleft) / W,
                                    max(hy1 - head - hbottom, 15 * px) / H))

    # ------------------------------------------------------------------ tooltips
    def tooltip_for(self, ax) -> str:
        """The tooltip of an axes of this figure: plain title, then exact definition."""
        for col, a in self._axes.items():
            if a is ax:
                text = (tr_data("plain_words", METRIC_TITLES[col]) + "\n\n"
                        + tr_data("plain_words", METRIC_DEFINITIONS[col]))
                if col == "restricted_share":
                    text += "\n" + translate("dashboard_panel", "restricted_below is now "
                                             "{value:g}.").format(value=self._hist.thresholds[0])
                if SPECS[col].reference_note:
                    text += "\n" + tr_data("scales", SPECS[col].reference_note)
                return text
        if ax is self._hist_ax:
            return self._hist.tooltip()
        return ""

    def _on_mouse_move(self, event) -> None:
        ax = event.inaxes
        if ax is self._hover_axes:
            return
        self._hover_axes = ax
        text = self.tooltip_for(ax) if ax is not None else ""
        self.canvas.setToolTip(text)
        if not text:
            QToolTip.hideText()
        elif QToolTip.isVisible():
            QToolTip.showText(QCursor.pos(), text, self.canvas)

    def _on_mouse_leave(self, _event) -> None:
        self._hover_axes = None
        self.canvas.setToolTip("")

    def set_plain_titles(self, plain: bool) -> None:
        """Plain-words titles only (for a class): never the compact technical names."""
        self._planner.tiers = (0, 1) if plain else (0, 1, 2)
        self._layout_size = None
        self._update_layout()
        self.canvas.draw_idle()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._layout_size = None
        self._needs_full = True
        self._draws.request()
