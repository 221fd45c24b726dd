"""The dashboard: what the score does to society, month by month, in one figure.

Six small time series (assortativity, stratification, restricted share, isolated share,
Gini, degree gap) and a histogram of scores stacked by group. Artists are made once per
run in :meth:`QtDashboard.on_rebuilt`; :meth:`QtDashboard.on_frame` only changes their
data, and the canvas is redrawn at most ``MAX_DRAWS_PER_SECOND`` times a second, so a
fast simulation never waits for matplotlib.

A full draw of seven axes costs about 150 ms on the 2-core target, too much for every
frame, so the moving parts (lines, current values, histogram layers) are animated
artists blitted over a cached background. Limits sit on coarse ladders (months 12, 24,
36, 60, ...; shares 5%, 10%, 20%, ...) so the background is redrawn only a handful of
times in a run: when a limit, a threshold or the widget's size changes.

The axes are placed by hand, in pixels, whenever the widget is resized: the panel sits
below the network (wide and short) or beside it (narrow and tall), and titles must stay
readable at projector font sizes (11-12 pt) in both without overlapping. Titles shorten
(plain-words question, shorter plain words, compact name) as space shrinks; a panel too
small even for the compact layout scrolls rather than let text collide.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, MultipleLocator, PercentFormatter
from matplotlib.transforms import blended_transform_factory
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (QFrame, QScrollArea, QSizePolicy, QToolTip, QVBoxLayout,
                               QWidget)

from app.plain_words import METRIC_DEFINITIONS, METRIC_TITLES

if TYPE_CHECKING:
    from app.frame import Frame, Static

__all__ = ["QtDashboard", "SERIES", "GROUP_COLOURS", "HIST_EDGES", "MAX_DRAWS_PER_SECOND",
           "y_limits", "x_limit", "month_tick_step", "format_value"]

#: Metric columns plotted as time series, in reading order.
SERIES: tuple[str, ...] = ("assortativity", "stratification", "restricted_share",
                           "isolated_share", "gini", "degree_gap")

#: Okabe-Ito colours (safe for the common colour-vision deficiencies); grey is "other".
GROUP_COLOURS: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                  "#D55E00", "#F0E442")
OTHER_COLOUR = "#999999"

#: Histogram bins: 30 bins of 20 points over the whole score range.
HIST_EDGES = np.linspace(350.0, 950.0, 31)

MAX_DRAWS_PER_SECOND = 10

HIST_TITLE = "How are scores spread? (by group)"
HIST_TITLE_SHORT = "Scores by group"

LINE_COLOUR = "#1f3b73"
RESTRICTED_COLOUR = "#D55E00"
PRIVILEGED_COLOUR = "#0072B2"
TEXT_PT = 11.0
TITLE_PT = 12.0


@dataclass(frozen=True)
class _Spec:
    """How one series is scaled and labelled."""

    kind: str            # "share" (0..1, percent), "unit" (0..1), "corr" (-1..1), "ratio"
    reference: float | None = None   # a grey line at the "no effect" value
    reference_note: str = ""


_SPECS: dict[str, _Spec] = {
    "assortativity": _Spec("corr", 0.0, "Grey line at 0: friends' scores unrelated."),
    "stratification": _Spec("share"),
    "restricted_share": _Spec("share"),
    "isolated_share": _Spec("share"),
    "gini": _Spec("unit"),
    "degree_gap": _Spec("ratio", 1.0, "Grey line at 1: top and bottom fifths have as "
                                      "many friends."),
}

#: Titles for panels too small for the plain-words question (which stays in the tooltip).
_COMPACT_TITLES: dict[str, str] = {
    "assortativity": "Assortativity",
    "stratification": "Stratification",
    "restricted_share": "Restricted",
    "isolated_share": "No friends",
    "gini": "Gini",
    "degree_gap": "Degree gap",
}

#: Shorter plain words, for panels where the questions would take three lines.
_MEDIUM_TITLES: dict[str, str] = {
    "assortativity": "Do friends score alike?",
    "stratification": "Scores split by circle?",
    "restricted_share": "People restricted",
    "isolated_share": "People with no friends",
    "gini": "Score inequality (Gini)",
    "degree_gap": "More friends at the top?",
}

_TITLE_TIERS = (METRIC_TITLES, _MEDIUM_TITLES, _COMPACT_TITLES)

#: The canvas's own minimum height (logical pixels) when its panel is big enough.
_BASE_MIN_HEIGHT = 220

# Readable sizes, in points: a series plot's height, the histogram's height and width.
_PLOT_MIN_H, _HIST_MIN_H, _HIST_MIN_W = 40.0, 60.0, 120.0

#: Scroll only when the readable layout needs this much more than the panel's height.
_SCROLL_BEYOND = 1.15


@dataclass(frozen=True)
class _Metrics:
    """Sizes in pixels that the layout is built from."""

    px: float        # pixels per point
    line_h: float    # one title line
    tick_h: float    # tick labels, or the x label, under an axes
    ytick_w: float   # room for y tick labels left of an axes
    value_w: float   # the current value beside a title
    pad: float
    end_pad: float   # room for the last x tick label, which sticks out on the right


@dataclass(frozen=True)
class _Plan:
    """One way to place the axes."""

    mode: str        # "right" or "below": where the histogram goes
    series_box: tuple[float, float, float, float]
    hist_box: tuple[float, float, float, float]
    cols: int
    rows: int
    titles: dict
    title_h: float
    plot_h: float
    cell_w: float
    m: _Metrics
    config: tuple    # (mode, cols, rows, title tier)
    readable: bool   # plots, titles and histogram all at a readable size
    wide: bool       # the histogram is wide enough (height can be scrolled to, width not)
    size: float      # how big the plots are, in pixels: bigger is better


_SHARE_LADDER = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
_RATIO_LADDER = (2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0, 50.0, 100.0)


def _ceil_on(ladder: tuple[float, ...], x: float) -> float:
    for step in ladder:
        if x <= step:
            return step
    return ladder[-1] * 2 ** math.ceil(math.log2(x / ladder[-1]))


def y_limits(kind: str, values: np.ndarray, current: tuple[float, float] | None,
             reference: float | None = None) -> tuple[float, float]:
    """Y limits for a series: on a coarse ladder, so they change rarely.

    Limits grow as soon as data leave them and shrink only when the data use less than
    half of the range, so the axes do not flicker from month to month.

    Examples
    --------
    >>> y_limits("share", np.array([0.01, 0.12]), None)
    (0.0, 0.2)
    >>> y_limits("corr", np.array([np.nan, 0.31]), None, reference=0.0)
    (-0.1, 0.5)
    """
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return current or {"corr": (-1.0, 1.0), "ratio": (0.0, 2.0)}.get(kind, (0.0, 1.0))
    lo, hi = float(finite.min()), float(finite.max())
    if kind in ("share", "unit"):
        new = (0.0, min(1.0, _ceil_on(_SHARE_LADDER, max(hi * 1.2, 1e-9))))
    elif kind == "ratio":
        new = (0.0, _ceil_on(_RATIO_LADDER, max(hi * 1.15, 1e-9)))
    else:  # a correlation: include the reference, pad, round to tenths
        if reference is not None:
            lo, hi = min(lo, reference), max(hi, reference)
        pad = max(0.1, 0.15 * (hi - lo))
        new = (max(-1.0, math.floor((lo - pad) * 10) / 10),
               min(1.0, math.ceil((hi + pad) * 10) / 10))
    if current is None:
        return new
    inside = current[0] <= lo and hi <= current[1]
    roomy = (new[1] - new[0]) < 0.5 * (current[1] - current[0])
    return current if inside and not roomy else new


_MONTH_LADDER = (12.0, 24.0, 36.0, 48.0, 60.0, 90.0, 120.0, 180.0, 240.0, 360.0, 480.0, 600.0)


def x_limit(step: float) -> float:
    """The right end of the time axes: the first rung at or above ``step``.

    Examples
    --------
    >>> x_limit(0), x_limit(13), x_limit(120), x_limit(700)
    (12.0, 24.0, 120.0, 1200.0)
    """
    return _ceil_on(_MONTH_LADDER, max(float(step), 1.0))


_MONTH_TICKS = (1, 2, 3, 6, 12, 24, 30, 60, 120, 240, 300, 600, 1200, 2400, 6000, 12000)


def month_tick_step(xlim: float, most: int = 5) -> float:
    """Tick spacing for a time axis ending at ``xlim``: months, quarters, years...

    At most ``most`` intervals (fewer on narrow plots, so labels do not touch).

    Examples
    --------
    >>> [month_tick_step(x) for x in (12, 36, 90, 120)]
    [3, 12, 30, 24]
    >>> month_tick_step(60, most=2)
    30
    """
    fitting = [step for step in _MONTH_TICKS if xlim / step <= most]
    even = [step for step in fitting if xlim % step == 0]   # a tick at the right end
    return (even or fitting or [xlim / most])[0]


def format_value(kind: str, value: float) -> str:
    """The latest value as shown in a panel's corner.

    Examples
    --------
    >>> format_value("share", 0.046), format_value("ratio", 1.83), format_value("corr", np.nan)
    ('4.6%', '1.83x', 'n/a')
    >>> format_value("share", 0.27), format_value("ratio", 12.345), format_value("corr", -0.013)
    ('27%', '12.3x', '-0.01')
    """
    if not np.isfinite(value):
        return "n/a"
    if kind == "share":
        pct = 100.0 * value
        return f"{pct:.0f}%" if pct >= 10 or pct == 0 else f"{pct:.1f}%"
    if kind == "ratio":
        return f"{value:.2f}x" if abs(value) < 10 else f"{value:.1f}x"
    return f"{value:.2f}"


class QtDashboard(QWidget):
    """Live metric time series and the score histogram of the running simulation.

    Feed it with :meth:`on_rebuilt` when a run starts (or restarts) and :meth:`on_frame`
    after every step. ``figure`` is the matplotlib figure, for export; ``hist_counts``
    the histogram's counts per group layer and bin as last shown.
    """

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
        self._widths: dict[tuple, float] = {}   # text measurements, reused by every layout
        self._wraps: dict[tuple, str] = {}      # wrapped titles, likewise

        self._frame: Frame | None = None
        self._static: Static | None = None
        self._lines: dict[str, object] = {}
        self._values: dict[str, object] = {}
        self._ylims: dict[str, tuple[float, float] | None] = dict.fromkeys(SERIES)
        self._xlim = 12.0
        self._most_xticks = 5   # x tick intervals that fit the plots' width
        self._thresholds = (550.0, 700.0)
        self._stairs: list = []
        self._group_slot: np.ndarray | None = None   # group code -> stacked layer
        self._hist_ylim: float | None = None
        self.hist_counts = np.zeros((0, HIST_EDGES.size - 1), dtype=np.int64)
        self._hover_axes = None
        self._layout_size: tuple[int, int] | None = None
        self._background = None
        self._needs_full = True
        self._screen_dpi = self.figure.dpi
        self.full_draws = 0
        self.blits = 0

        self._build_axes()
        # Leading-edge throttle: draw at once, then at most once per interval.
        self._draw_pending = False
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(int(1000 / MAX_DRAWS_PER_SECOND))
        self._draw_timer.timeout.connect(self._on_draw_timer)
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
            spec = _SPECS[col]
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
            self._titles[col] = ax.set_title(METRIC_TITLES[col], loc="left",
                                             fontsize=TITLE_PT, fontweight="bold")
            self._values[col] = ax.set_title("", loc="right", fontsize=TITLE_PT,
                                             fontweight="bold", color=LINE_COLOUR)
            self._values[col].set_animated(True)
            ax.set_xlim(0.0, self._xlim)
            self._axes[col] = ax
            self._set_ylim(col, y_limits(spec.kind, np.array([]), None))
        hax = fig.add_axes((0, 0, 1, 1))
        hax.tick_params(labelsize=TEXT_PT, length=4)
        for side in ("top", "right"):
            hax.spines[side].set_visible(False)
        hax.set_xlim(HIST_EDGES[0], HIST_EDGES[-1])
        hax.set_xticks([350, 500, 650, 800, 950])
        hax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        self._hist_title = hax.set_title(HIST_TITLE, loc="left", fontsize=TITLE_PT,
                                         fontweight="bold")
        hax.set_xlabel("score", fontsize=TEXT_PT, labelpad=2)
        hax.set_ylabel("people", fontsize=TEXT_PT)
        xdata_yaxes = blended_transform_factory(hax.transData, hax.transAxes)
        self._restricted_span = hax.axvspan(350, 550, color=RESTRICTED_COLOUR, alpha=0.10,
                                            linewidth=0, zorder=0)
        self._privileged_span = hax.axvspan(700, 950, color=PRIVILEGED_COLOUR, alpha=0.10,
                                            linewidth=0, zorder=0)
        self._restricted_line = hax.axvline(550, color=RESTRICTED_COLOUR, linewidth=2.0,
                                            linestyle="--", zorder=4)
        self._privileged_line = hax.axvline(700, color=PRIVILEGED_COLOUR, linewidth=2.0,
                                            linestyle="--", zorder=4)
        self._restricted_label = hax.text(
            356, 0.97, "restricted", transform=xdata_yaxes, ha="left", va="top",
            fontsize=TEXT_PT, color="#a63f00", zorder=5)
        self._privileged_label = hax.text(
            944, 0.97, "privileged", transform=xdata_yaxes, ha="right", va="top",
            fontsize=TEXT_PT, color="#00508a", zorder=5)
        self._hist_ax = hax
        self._legend = None
        self._legend_handles: list[Patch] = []
        self._region_handles = [
            Patch(facecolor=colour, alpha=0.25, edgecolor=colour, linestyle="--", label=name)
            for colour, name in ((RESTRICTED_COLOUR, "restricted"),
                                 (PRIVILEGED_COLOUR, "privileged"))]

    def _build_histogram(self, static: Static) -> None:
        """One filled step patch per group layer (the largest groups, then "other")."""
        for artist in self._stairs:
            artist.remove()
        self._stairs = []
        group = np.asarray(static.group, dtype=np.int64)
        labels = [str(x) for x in static.group_labels]
        sizes = np.bincount(group, minlength=len(labels))
        few = len(labels) <= len(GROUP_COLOURS)
        keep = len(GROUP_COLOURS) if few else len(GROUP_COLOURS) - 1
        # Layers keep the groups' own order (group 0 first) among the largest groups.
        chosen = np.sort(np.argsort(-sizes, kind="stable")[:keep])
        slot = np.full(len(labels), len(chosen), dtype=np.int64)
        slot[chosen] = np.arange(len(chosen))
        names = [labels[c] for c in chosen]
        colours = list(GROUP_COLOURS[:len(chosen)])
        if not few:
            names.append(f"{len(labels) - len(chosen)} other groups")
            colours.append(OTHER_COLOUR)
        self._group_slot = slot
        zeros = np.zeros(HIST_EDGES.size - 1)
        for colour in colours:
            self._stairs.append(self._hist_ax.stairs(zeros, HIST_EDGES, baseline=0.0,
                                                     fill=True, color=colour, zorder=2,
                                                     animated=True))
        self._legend_handles = [Patch(facecolor=c, label=name)
                                for c, name in zip(colours, names)]
        self._layout_size = None   # the legend is (re)made by the layout, which fits it

    # ------------------------------------------------------------------ public API
    def on_rebuilt(self, static: Static, frame: Frame) -> None:
        """A new run (or a reset): forget the old one and set up the histogram's groups."""
        self._static = static
        self._ylims = dict.fromkeys(SERIES)
        self._hist_ylim = None
        self._build_histogram(static)
        self._needs_full = True
        self.on_frame(frame)

    def on_frame(self, frame: Frame) -> None:
        """Show ``frame``: new line data and bar heights, same artists; draw soon."""
        self._frame = frame
        hist = frame.history
        x = np.asarray(hist["step"], dtype=float)
        xlim = x_limit(x[-1] if x.size else 0.0)
        if xlim != self._xlim:
            self._xlim = xlim
            for ax in self._axes.values():
                ax.set_xlim(0.0, xlim)
                ax.xaxis.set_major_locator(
                    MultipleLocator(month_tick_step(xlim, self._most_xticks)))
            self._needs_full = True
        for col in SERIES:
            spec = _SPECS[col]
            y = np.asarray(hist[col], dtype=float)
            y = np.where(np.isfinite(y), y, np.nan)   # inf (e.g. 0 friends below) is a gap
            self._lines[col].set_data(x, y)
            self._values[col].set_text(format_value(spec.kind, y[-1] if y.size else np.nan))
            lim = y_limits(spec.kind, y, self._ylims[col], spec.reference)
            if lim != self._ylims[col]:
                self._set_ylim(col, lim)
        self._update_histogram(frame)
        self._schedule_draw()

    # ------------------------------------------------------------------ updating
    def _set_ylim(self, col: str, lim: tuple[float, float]) -> None:
        self._ylims[col] = lim
        ax = self._axes[col]
        ax.set_ylim(*lim)
        if _SPECS[col].kind == "share":
            # Whole percents unless the axis is too short for them to differ.
            decimals = 0 if lim[1] >= 0.04 else 1
            ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=decimals))
        self._needs_full = True

    def _update_histogram(self, frame: Frame) -> None:
        if self._group_slot is None or not self._stairs:
            return
        nb = HIST_EDGES.size - 1
        scores = np.asarray(frame.scores, dtype=float)
        width = (HIST_EDGES[-1] - HIST_EDGES[0]) / nb
        b = np.clip(((scores - HIST_EDGES[0]) // width).astype(np.int64), 0, nb - 1)
        layers = len(self._stairs)
        group = np.asarray(self._static.group, dtype=np.int64)
        counts = np.bincount(self._group_slot[group] * nb + b,
                             minlength=layers * nb).reshape(layers, nb)
        top = np.cumsum(counts, axis=0).astype(float)
        base = np.zeros(nb)
        for artist, row in zip(self._stairs, top):
            artist.set_data(values=row, baseline=base)
            base = row
        self.hist_counts = counts
        want = max(5.0, float(top[-1].max()) * 1.3)   # head-room for the labels at the top
        if self._hist_ylim is None or want > self._hist_ylim or want < 0.5 * self._hist_ylim:
            self._hist_ylim = float(MaxNLocator(nbins=4, integer=True).tick_values(0, want)[-1])
            self._hist_ax.set_ylim(0.0, self._hist_ylim)
            self._needs_full = True
        thresholds = (float(frame.scenario["perks.restricted_below"]),
                      float(frame.scenario["perks.privileged_at"]))
        if thresholds != self._thresholds:
            self._thresholds = lo, hi = thresholds
            self._restricted_span.set_width(lo - HIST_EDGES[0])
            self._privileged_span.set_x(hi)
            self._privileged_span.set_width(HIST_EDGES[-1] - hi)
            self._restricted_line.set_xdata([lo, lo])
            self._privileged_line.set_xdata([hi, hi])
            self._layout_size = None   # the labels may now fit, or not: lay out again
            self._needs_full = True

    def _place_threshold_labels(self, axes_px: float | None = None) -> bool:
        """Label each shaded region inside it, at its outer end, if both labels fit.

        Returns whether they do; when not, the legend names the regions instead.
        """
        lo, hi = self._thresholds
        if axes_px is None:
            axes_px = self._hist_ax.get_position().width * self.figure.bbox.width
        per_px = (HIST_EDGES[-1] - HIST_EDGES[0]) / max(axes_px, 1.0)
        gap = 3 * self.figure.dpi / 72.0
        fit = all(self._text_px(label.get_text(), TEXT_PT) + 3 * gap <= (end - start) / per_px
                  for label, start, end in ((self._restricted_label, HIST_EDGES[0], lo),
                                            (self._privileged_label, hi, HIST_EDGES[-1])))
        for label in (self._restricted_label, self._privileged_label):
            label.set_visible(fit)
        self._restricted_label.set_x(HIST_EDGES[0] + gap * per_px)
        self._privileged_label.set_x(HIST_EDGES[-1] - gap * per_px)
        return fit

    def _animated(self) -> list:
        return [*self._stairs, *self._lines.values(), *self._values.values()]

    # ------------------------------------------------------------------ drawing
    def _schedule_draw(self) -> None:
        if self._draw_timer.isActive():
            self._draw_pending = True
            return
        self._draw_now()
        self._draw_timer.start()

    def _on_draw_timer(self) -> None:
        if self._draw_pending:
            self._draw_pending = False
            self._draw_now()
            self._draw_timer.start()

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
        for artist in self._animated():
            self.figure.draw_artist(artist)
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
        for artist in self._animated():
            self.figure.draw_artist(artist)

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

    def _text_px(self, text: str, size_pt: float, bold: bool = False) -> float:
        """Width in pixels of ``text`` as matplotlib will draw it (measured, cached)."""
        key = (text, size_pt, bold, self.figure.dpi)
        width = self._widths.get(key)
        if width is None:
            renderer = self.canvas.get_renderer()
            prop = FontProperties(size=size_pt, weight="bold" if bold else "normal")
            width = renderer.get_text_width_height_descent(text, prop, ismath=False)[0]
            self._widths[key] = width
        return width

    def _wrap(self, title: str, width_px: float, last_px: float | None = None) -> str:
        """Wrap a title into as few, and as even, lines as fit ``width_px``.

        The last line shares its row with the current value (``last_px`` left free for
        the title); when the title's last line is too long for that, the value gets a row
        of its own below the title.
        """
        key = (title, round(width_px), None if last_px is None else round(last_px),
               self.figure.dpi)
        if key not in self._wraps:
            self._wraps[key] = self._wrap_uncached(title, width_px, last_px)
        return self._wraps[key]

    def _wrap_uncached(self, title: str, width_px: float, last_px: float | None) -> str:
        def widest(lines: list[str]) -> float:
            return max(self._text_px(ln, TITLE_PT, True) for ln in lines)

        def wrap(chars: int) -> list[str]:
            return textwrap.wrap(title, chars, break_long_words=False) or [title]

        best = wrap(1)   # one word a line, if nothing fits
        for chars in range(len(title), 1, -1):
            if widest(wrap(chars)) <= width_px:
                best = wrap(chars)
                break
        # Same number of lines, narrowest that still fits: balanced, no orphan word.
        for chars in range(max(len(ln) for ln in best) - 1, 1, -1):
            lines = wrap(chars)
            if len(lines) > len(best):
                break
            best = lines
        if last_px is not None and self._text_px(best[-1], TITLE_PT, True) > last_px:
            best.append(" ")   # the value sits on this empty last line
        return "\n".join(best)

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
        if forced is None:
            plan = self._best(W, H, readable_only=True)
            if plan is None:   # a little short of room: the config that needs least
                found = self._least_height(W, H)
                plan = self._evaluate(found[0], W, H) if found else self._best(W, H)
        else:
            plan = self._evaluate(forced, W, H)
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
        roomy = self._best(view_w, view_h, readable_only=True) is not None
        if view_w >= 60 and view_h >= 60 and not roomy:
            found = self._least_height(view_w, view_h)
            # A few pixels short is better squeezed than scrolled.
            if found is not None and found[1] > _SCROLL_BEYOND * view_h:
                forced, height = found
                want = int(height / ratio) + 1
        if want != self.canvas.minimumHeight():
            self.canvas.setMinimumHeight(want)
        return forced

    def _metrics(self) -> _Metrics:
        px = self.figure.dpi / 72.0   # pixels per point
        return _Metrics(
            px=px, line_h=TITLE_PT * px * 1.25, tick_h=TEXT_PT * px * 1.45,
            ytick_w=self._text_px("100%", TEXT_PT) + 12 * px,
            # The widest current values format_value writes: "-0.00", "100%", "9.99x".
            value_w=max(self._text_px(v, TITLE_PT, True) for v in ("-0.00", "100%", "9.99x"))
            + 8 * px, pad=5 * px,
            end_pad=self._text_px("950", TEXT_PT) / 2 + 5 * px)

    def _evaluate(self, config: tuple, W: float, H: float) -> _Plan | None:
        """Lay out ``config`` = (mode, cols, rows, title tier) on W x H pixels."""
        mode, cols, rows, tier = config
        m = self._metrics()
        px = m.px
        series_box, hist_box = self._boxes(mode, W, H, m)
        sx0, sy0, sx1, sy1 = series_box
        cell_w = (sx1 - sx0) / cols - m.ytick_w - 2 * m.pad
        if cell_w < 60 * px:
            return None
        names = _TITLE_TIERS[tier]
        titles = {c: self._wrap(names[c], cell_w, cell_w - m.value_w) for c in SERIES}
        n_lines = max(t.count("\n") + 1 for t in titles.values())
        title_h = n_lines * m.line_h + 4 * px
        plot_h = (sy1 - sy0 - 2 * m.tick_h - rows * title_h - (rows - 1) * 2 * m.pad) / rows
        hist_w = hist_box[2] - hist_box[0] - m.ytick_w
        hist_h = (hist_box[3] - hist_box[1] - 2 * m.tick_h
                  - self._hist_head(hist_box[2] - hist_box[0], m))
        wide = hist_w >= _HIST_MIN_W * px    # height can be scrolled to, width cannot
        readable = wide and plot_h >= _PLOT_MIN_H * px and hist_h >= _HIST_MIN_H * px
        # Plots as big as possible, but a plot taller than its natural shape (series
        # about 5:3, the 30-bin histogram about 3:1) is no easier to read; the histogram
        # counts half as much as the six series.
        size = min(plot_h, 0.6 * cell_w) + 0.5 * min(hist_h, 0.35 * hist_w)
        return _Plan(mode, series_box, hist_box, cols, rows, titles, title_h, plot_h,
                     cell_w, m, config, readable, wide, size)

    def _plans(self, W: float, H: float) -> list[_Plan]:
        configs = [(mode, cols, rows, tier) for mode in ("right", "below")
                   for cols, rows in ((3, 2), (2, 3), (1, 6))
                   for tier in range(len(_TITLE_TIERS))]
        return [p for p in (self._evaluate(c, W, H) for c in configs) if p is not None]

    def _best(self, W: float, H: float, readable_only: bool = False) -> _Plan | None:
        """The preferred plan: readable first, then plainer titles, then bigger plots."""
        plans = self._plans(W, H)
        if readable_only:
            plans = [p for p in plans if p.readable]
        if not plans:
            return None
        return max(plans, key=lambda p: (p.readable, -p.config[3], p.size))

    def _least_height(self, W: float, H: float) -> tuple[tuple, float] | None:
        """The configuration readable at width W with the least height (and that height).

        Readability grows with height for a fixed configuration, so each one's least
        height is found by bisection.
        """
        best = None
        for plan in self._plans(W, H):
            if not plan.wide:
                continue
            lo, hi = H, H + 4000.0
            if not self._evaluate(plan.config, W, hi).readable:
                continue
            while hi - lo > 2.0:
                mid = (lo + hi) / 2
                if self._evaluate(plan.config, W, mid).readable:
                    hi = mid
                else:
                    lo = mid
            key = (hi, plan.config[3])   # least height, then plainer titles
            if best is None or key < best[0]:
                best = (key, plan.config)
        return None if best is None else (best[1], best[0][0])

    def _hist_head(self, width: float, m: _Metrics) -> float:
        """Height of the histogram's title and legend rows above its axes (worst case).

        ``width`` is the histogram's whole box; the title starts at the axes' left edge,
        the legend at the box's.
        """
        axes_w = width - m.ytick_w - 8 * m.px
        title_lines = self._hist_title_for(axes_w).count("\n") + 1
        handles = self._legend_handles + self._region_handles
        legend_rows = math.ceil(len(handles) / self._legend_columns(handles, width))
        return title_lines * m.line_h + (legend_rows * 1.15 + 0.5) * m.line_h + 8 * m.px

    def _boxes(self, mode: str, W: float, H: float, m: _Metrics):
        px, pad = m.px, m.pad
        if mode == "right":   # histogram on the right, series in a grid on the left
            hist_w = min(max(0.3 * W, 210 * px), 420 * px)
            return ((pad, pad, W - hist_w - pad, H - pad),
                    (W - hist_w + pad, pad, W - m.end_pad, H - pad))
        hist_h = min(max(0.3 * H, 150 * px), 260 * px)   # histogram below
        return ((pad, hist_h + pad, W - pad, H - pad),
                (pad, pad, W - m.end_pad, hist_h - pad))

    def _apply_layout(self, plan: _Plan, W: float, H: float) -> None:
        m, px = plan.m, plan.m.px
        sx0, sy0, sx1, sy1 = plan.series_box
        plot_h = max(plan.plot_h, 15 * px)
        # Room for each x tick label ("120") with 1.5 label widths of space between.
        label_w = self._text_px("120", TEXT_PT)
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
            ax.set_xlabel("month" if bottom_row else "", fontsize=TEXT_PT, labelpad=2)
            # Flat plots get fewer y ticks so that their labels do not collide.
            ax.yaxis.get_major_locator().set_params(nbins=4 if plot_h > 70 * px else 2)
        hx0, hy0, hx1, hy1 = plan.hist_box
        hleft = hx0 + m.ytick_w + 8 * px
        labelled = self._place_threshold_labels(hx1 - hleft)
        # Title and legend may use the room over the y tick labels too.
        start = -(hleft - hx0) / max(hx1 - hleft, 1.0)
        legend_rows = self._place_legend(hx1 - hx0, with_regions=not labelled, start=start)
        legend_h = legend_rows * m.line_h * 1.15 + 0.5 * m.line_h
        hist_title = self._hist_title_for(hx1 - hleft)
        self._hist_title = self._hist_ax.set_title(
            hist_title, loc="left", fontsize=TITLE_PT, fontweight="bold", pad=legend_h / px + 4)
        self._hist_title.set_x(start)
        head = (hist_title.count("\n") + 1) * m.line_h + legend_h + 8 * px
        hbottom = hy0 + 2 * m.tick_h
        self._hist_ax.set_position((hleft / W, hbottom / H, (hx1 - hleft) / W,
                                    max(hy1 - head - hbottom, 15 * px) / H))

    def _place_legend(self, width_px: float, with_regions: bool = False,
                      start: float = 0.0) -> int:
        """(Re)make the legend above the histogram in as many columns as fit.

        The groups, and the shaded restricted and privileged regions when they are too
        narrow to carry their own labels. Returns the number of legend rows. Only called
        on resize or a new run.
        """
        handles = self._legend_handles + (self._region_handles if with_regions else [])
        if self._legend is not None:
            self._legend.remove()
            self._legend = None
        if not handles:
            return 0
        ncol = self._legend_columns(handles, width_px)
        self._legend = self._hist_ax.legend(
            handles=handles, loc="lower left", bbox_to_anchor=(start, 1.0), frameon=False,
            fontsize=TEXT_PT, ncol=ncol, handlelength=1.2, handletextpad=0.4,
            # Clear of the top y tick label, which sticks out above the axes.
            columnspacing=1.0, borderaxespad=0.7, borderpad=0.1)
        return math.ceil(len(handles) / ncol)

    def _legend_columns(self, handles: list, width_px: float) -> int:
        """The most legend columns that fit ``width_px`` (matplotlib fills column-first)."""
        px = self.figure.dpi / 72.0
        # Handle 1.2 em, gap 0.4 em before the text, 1 em between columns (at 11 pt).
        entry = [self._text_px(h.get_label(), TEXT_PT) + 18 * px for h in handles]
        for ncol in range(len(handles), 1, -1):
            rows = math.ceil(len(handles) / ncol)
            cols = [entry[i:i + rows] for i in range(0, len(entry), rows)]
            if sum(max(c) for c in cols) + (len(cols) - 1) * 11 * px + 4 * px <= width_px:
                return len(cols)
        return 1

    def _hist_title_for(self, width_px: float) -> str:
        """The histogram's title: the question on one line if it fits, else shorter."""
        if self._text_px(HIST_TITLE, TITLE_PT, True) <= width_px:
            return HIST_TITLE
        return self._wrap(HIST_TITLE_SHORT, width_px)

    # ------------------------------------------------------------------ tooltips
    def tooltip_for(self, ax) -> str:
        """The tooltip of an axes of this figure: plain title, then exact definition."""
        frame = self._frame
        for col, a in self._axes.items():
            if a is ax:
                text = f"{METRIC_TITLES[col]}\n\n{METRIC_DEFINITIONS[col]}"
                if col == "restricted_share":
                    text += f"\nrestricted_below is now {self._thresholds[0]:g}."
                if _SPECS[col].reference_note:
                    text += f"\n{_SPECS[col].reference_note}"
                return text
        if ax is self._hist_ax:
            lo, hi = self._thresholds
            return (f"{HIST_TITLE}\n\n"
                    "Number of people in each 20-point score bin from 350 to 950, the bars "
                    "of each group stacked on the others.\n"
                    f"Shaded: restricted (below {lo:g}) and privileged ({hi:g} and above).")
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

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._layout_size = None
        self._needs_full = True
        self._schedule_draw()


def _snapshot(sim, edges_changed: bool = True) -> tuple[Static, Frame]:
    """Static and Frame of a Simulation, for the previews of the panels.

    Uses the controller's own builders in ``app.frame`` when they exist.
    """
    from app import frame as frame_module
    from models.history import METRIC_COLUMNS
    from models.score import normalised_weights

    make_static = getattr(frame_module, "static_from_simulation", None)
    make_frame = getattr(frame_module, "frame_from_simulation", None)
    if make_static is not None and make_frame is not None:
        return make_static(sim), make_frame(sim, edges_changed=edges_changed)
    static = frame_module.Static(
        ids=sim.ids, group=sim.pop.group, group_labels=list(sim.pop.group_labels),
        opted_out=sim.pop.opted_out, n=sim.n, graph_key=id(sim.graph))
    frame = frame_module.Frame(
        step=sim.step_count, scores=sim.scores.copy(), status=sim.status.copy(),
        components={k: v.copy() for k, v in sim.components.items()},
        weights=normalised_weights(sim.scenario.weights), degree=sim.degree(),
        friend_edges=sim.friends.edges(), edges_changed=edges_changed,
        dating_edges=sim.dating.edges(),
        history={c: sim.history[c] for c in METRIC_COLUMNS}, scenario=sim.scenario)
    return static, frame


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    from models import load_scenario
    from models.simulation import Simulation

    qapp = QApplication.instance() or QApplication(sys.argv)
    sim = Simulation(load_scenario(sys.argv[1] if len(sys.argv) > 1 else "default"))
    dash = QtDashboard()
    dash.on_rebuilt(*_snapshot(sim))
    dash.resize(1400, 420)
    dash.setWindowTitle(f"ScoreNet dashboard (preview): {sim.scenario.name}")
    dash.show()
    timer = QTimer()

    def _advance() -> None:
        if sim.step_count < sim.scenario["run.steps"]:
            sim.step()
            dash.on_frame(_snapshot(sim, edges_changed=False)[1])

    timer.timeout.connect(_advance)
    timer.start(30)
    sys.exit(qapp.exec())
