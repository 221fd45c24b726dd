"""The network: people coloured by score, their friendships and dates, live.

:class:`QtNetworkView` is a matplotlib canvas. Everything that does not change from
step to step (axes, friendship ties, colour bar, legend) is drawn once into a cached
background; each frame only recolours the people (``set_array`` on one scatter per
marker shape), redraws the few dating ties and the selection, and blits. Friendship
ties change with rewiring, but redrawing them costs a full draw, so they are redrawn at
most a few times a second (less often when a full draw is slow on a big graph).

Mouse: wheel zooms about the cursor, left-drag pans, a click selects the person under
the cursor (``person_selected``; -1 when the click hits nobody), a double-click fits the
whole network again. Hovering shows who a person is.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

import numpy as np
from matplotlib import colormaps
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.collections import LineCollection
from matplotlib.colorbar import Colorbar
from matplotlib.colors import Normalize, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
import app.main  # noqa: F401  (shiboken6 6.12 refcount workaround, see pin_singletons)
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QSizePolicy, QToolTip

from app.inspector import STATUS_COLOURS
from app.plain_words import STATUS_WORDS

if TYPE_CHECKING:
    from app.frame import Frame, Static

__all__ = ["QtNetworkView", "CMAP", "MAX_TIE_SEGMENTS", "node_size_px"]

#: Colour-blind-safe, perceptually uniform, readable in grey on a washed-out projector.
CMAP = colormaps["viridis"]
NORM = Normalize(350.0, 950.0)

#: Beyond this many friendship ties a deterministic sample is drawn (and a note says so).
MAX_TIE_SEGMENTS = 200_000

RESTRICTED_RING = STATUS_COLOURS[-1]
PRIVILEGED_RING = "#F5B700"   # gold: stands out on viridis's greens, where privileged sit
DATING_COLOUR = "#D4129A"
TIE_COLOUR = "#8A8A8A"
SELECT_COLOUR = "#111111"
TEXT_PT = 11.5

_CLICK_SLOP_PX = 5        # a press and release closer than this is a click, not a drag
_PICK_RADIUS_PX = 10      # hover / click tolerance around a person's centre
_MIN_TIE_INTERVAL = 0.35  # s between two redraws of the friendship ties


def node_size_px(n: int, axes_px: float, zoom: float = 1.0) -> float:
    """Marker diameter in pixels: big for a club, dots for a city.

    Examples
    --------
    >>> round(node_size_px(34, 800), 1), round(node_size_px(4039, 800), 1)
    (16.0, 4.4)
    """
    return float(np.clip(0.35 * axes_px * math.sqrt(zoom) / math.sqrt(max(n, 1)), 1.5, 16.0))


def _tie_style(m: int) -> tuple[float, float]:
    """(alpha, linewidth) for ``m`` friendship ties: fainter as they get denser."""
    alpha = float(np.clip(12.0 / math.sqrt(max(m, 1)), 0.05, 0.55))
    width = float(np.clip(40.0 / math.sqrt(max(m, 1)), 0.3, 1.2))
    return alpha, width


class QtNetworkView(FigureCanvasQTAgg):
    """The friendship network, coloured by score, updated frame by frame.

    Feed it with :meth:`on_rebuilt`, :meth:`set_layout` and :meth:`on_frame`; select a
    person with :meth:`select`.

    Signals
    -------
    person_selected(int)
        The user clicked a person (their index), or empty space (-1).
    """

    person_selected = Signal(int)

    def __init__(self, parent=None) -> None:
        self.figure = Figure(figsize=(8, 6), facecolor="white")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 300)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self._static: Static | None = None
        self._frame: Frame | None = None
        self._pos: np.ndarray | None = None
        self._key: object = None
        self._tree = None
        self._selected: int | None = None
        self._show_ties = True
        self._show_dating = True
        self._thresholds = (550.0, 700.0)
        self._view: tuple[float, float, float] | None = None  # centre x, y, data per px
        self._zoom = 1.0
        self._press: tuple[float, float, tuple] | None = None
        self._dragging = False
        self._background = None
        self._ties_pending = False
        self._last_tie_draw = 0.0
        self._tie_interval = _MIN_TIE_INTERVAL
        self._sample: np.ndarray | None = None
        self.full_draws = 0
        self.blits = 0

        self._build_artists()
        self._tie_timer = QTimer(self)
        self._tie_timer.setSingleShot(True)
        self._tie_timer.timeout.connect(self._on_tie_timer)
        self.mpl_connect("draw_event", self._on_draw_event)
        self.mpl_connect("resize_event", self._on_resize)
        self.mpl_connect("scroll_event", self._on_scroll)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("button_release_event", self._on_release)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("figure_leave_event", lambda _e: QToolTip.hideText())

    # ------------------------------------------------------------------ building
    def _build_artists(self) -> None:
        fig = self.figure
        ax = fig.add_axes((0.01, 0.12, 0.86, 0.86))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        self.ax = ax
        self._ties = LineCollection([], colors=TIE_COLOUR, linewidths=0.6, zorder=1,
                                    capstyle="round")
        ax.add_collection(self._ties)
        self._dating = LineCollection([], colors=DATING_COLOUR, linewidths=1.8, zorder=2,
                                      animated=True, capstyle="round", alpha=0.85)
        ax.add_collection(self._dating)
        self._sel_ties = LineCollection([], colors=SELECT_COLOUR, linewidths=1.4, zorder=3,
                                        animated=True, alpha=0.75)
        ax.add_collection(self._sel_ties)
        empty = np.empty((0, 2))
        self._dots = ax.scatter(empty[:, 0], empty[:, 1], c=[], cmap=CMAP, norm=NORM,
                                marker="o", zorder=4, animated=True)
        self._squares = ax.scatter(empty[:, 0], empty[:, 1], c=[], cmap=CMAP, norm=NORM,
                                   marker="s", zorder=4, animated=True)
        self._ring = ax.scatter([], [], s=400, facecolors="none", edgecolors=SELECT_COLOUR,
                                linewidths=2.8, zorder=5, animated=True)
        self._month = ax.text(0.01, 0.99, "", transform=ax.transAxes, ha="left", va="top",
                              fontsize=TEXT_PT + 2, fontweight="bold", color="#333333",
                              zorder=6, animated=True)
        self._message = ax.text(0.5, 0.5, "Building the network\u2026", transform=ax.transAxes,
                                ha="center", va="center", fontsize=TEXT_PT + 3, color="#666666")
        self._note = fig.text(0.01, 0.01, "", ha="left", va="bottom", fontsize=TEXT_PT - 1.5,
                              color="#555555")
        self._cax = fig.add_axes((0.9, 0.2, 0.02, 0.7))
        self._colorbar = Colorbar(self._cax, cmap=CMAP, norm=NORM, orientation="vertical")
        self._cax.tick_params(labelsize=TEXT_PT)
        self._cax.set_title("score", fontsize=TEXT_PT, pad=8)
        self._cbar_lines = [self._cax.axhline(v, color=c, linewidth=3)
                            for v, c in ((550, RESTRICTED_RING), (700, PRIVILEGED_RING))]
        self._legend = None
        self._make_legend()

    def _make_legend(self) -> None:
        lo, hi = self._thresholds
        mid = CMAP(NORM(650))
        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor=mid,
                   markeredgecolor=RESTRICTED_RING, markeredgewidth=2.5,
                   label=f"restricted (below {lo:g})"),
            Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor=mid,
                   markeredgecolor=PRIVILEGED_RING, markeredgewidth=2.5,
                   label=f"privileged ({hi:g} and up)"),
            Line2D([], [], marker="s", linestyle="", markersize=10, markerfacecolor=mid,
                   markeredgecolor="none", label="opted out (square)"),
            Line2D([], [], color=TIE_COLOUR, linewidth=1.5, label="friendship"),
            Line2D([], [], color=DATING_COLOUR, linewidth=2.5, label="dating"),
            Line2D([], [], marker="o", linestyle="", markersize=13, markerfacecolor="none",
                   markeredgecolor=SELECT_COLOUR, markeredgewidth=2.2, label="selected"),
        ]
        if self._legend is not None:
            self._legend.remove()
        self._legend = self.figure.legend(handles=handles, loc="lower center", ncol=3,
                                          frameon=False, fontsize=TEXT_PT, handlelength=1.6,
                                          columnspacing=1.4, handletextpad=0.5,
                                          borderaxespad=0.3)
        self._legend_ncol = 3
        self._update_layout()

    # ------------------------------------------------------------------ public API
    @property
    def positions(self) -> np.ndarray | None:
        """The layout in use, ``(n, 2)`` in [0, 1]^2, or None while it is computed."""
        return self._pos

    @property
    def selected(self) -> int | None:
        return self._selected

    def on_rebuilt(self, static: Static, frame: Frame) -> None:
        """A new run: keep the layout if the graph is the same, else wait for one."""
        self._static = static
        self._frame = frame
        if self._selected is not None and self._selected >= static.n:
            self._selected = None
        if static.graph_key != self._key:
            self._pos = None
            self._tree = None
            self._message.set_text(f"Laying out {static.n:,} people\u2026")
            self._clear_people()
            self._invalidate()
            return
        self._install_people()
        self._redraw_ties()

    def set_layout(self, graph_key: object, positions: np.ndarray) -> None:
        """Positions for the graph with ``graph_key`` (ignored if that is not ours)."""
        if self._static is None or graph_key != self._static.graph_key:
            return
        if positions.shape != (self._static.n, 2):
            return
        same = self._key == graph_key and self._pos is positions
        self._key = graph_key
        self._pos = np.asarray(positions, dtype=float)
        if same:
            return
        from scipy.spatial import cKDTree

        self._tree = cKDTree(self._pos)
        self._message.set_text("")
        self._install_people()
        self.reset_view()
        self._redraw_ties()

    def on_frame(self, frame: Frame) -> None:
        """Show ``frame``: recolour people; redraw ties soon if they changed."""
        self._frame = frame
        if self._pos is None:
            return
        thresholds = (float(frame.scenario["perks.restricted_below"]),
                      float(frame.scenario["perks.privileged_at"]))
        if thresholds != self._thresholds:
            self._set_thresholds(thresholds)
        self._update_people(frame)
        if frame.edges_changed:
            self._ties_pending = True
            self._schedule_ties()
        self._blit()

    def select(self, index: int | None) -> None:
        """Highlight person ``index`` (an index), or nobody."""
        if index is not None and (self._static is None or not 0 <= index < self._static.n):
            index = None
        self._selected = index
        if self._frame is not None and self._pos is not None:
            self._update_selection(self._frame)
        self._blit()

    def set_show_ties(self, show: bool) -> None:
        """Draw friendship ties (hidden, the colours are easier to read on big graphs)."""
        self._show_ties = bool(show)
        self._ties.set_visible(self._show_ties)
        self._invalidate()

    def set_show_dating(self, show: bool) -> None:
        self._show_dating = bool(show)
        self._dating.set_visible(self._show_dating)
        self._blit()

    def reset_view(self) -> None:
        """Fit the whole network in the view."""
        self._zoom = 1.0
        self._view = None
        self._apply_view()
        self._invalidate()

    def display_point(self, index: int) -> QPointF:
        """Where person ``index`` is drawn, in widget (logical pixel) coordinates."""
        x, y = self.ax.transData.transform(self._pos[index])
        ratio = self.device_pixel_ratio or 1.0
        height = self.figure.bbox.height
        return QPointF(x / ratio, (height - y) / ratio)

    def flush(self) -> None:
        """Draw everything now (screenshots, tests, exports), ignoring throttles."""
        if self._ties_pending:
            self._redraw_ties(draw=False)
        self.draw()

    # ------------------------------------------------------------------ people
    def _clear_people(self) -> None:
        for sc in (self._dots, self._squares):
            sc.set_offsets(np.empty((0, 2)))
            sc.set_array(np.empty(0))
        self._ring.set_offsets(np.empty((0, 2)))
        self._ties.set_segments([])
        self._dating.set_segments([])
        self._sel_ties.set_segments([])
        self._month.set_text("")

    def _install_people(self) -> None:
        """Offsets and sizes of the scatters for the current static and layout."""
        if self._pos is None or self._static is None:
            return
        out = np.asarray(self._static.opted_out, dtype=bool)
        self._in_idx = np.flatnonzero(~out)
        self._out_idx = np.flatnonzero(out)
        self._dots.set_offsets(self._pos[self._in_idx])
        self._squares.set_offsets(self._pos[self._out_idx])
        self._update_sizes()
        if self._frame is not None:
            self._update_people(self._frame)

    def _update_sizes(self) -> None:
        if self._static is None:
            return
        axes_px = min(self.ax.bbox.width, self.ax.bbox.height) / (self.device_pixel_ratio or 1)
        d = node_size_px(self._static.n, axes_px, self._zoom)
        pt = d * 72.0 / self.figure.dpi * (self.device_pixel_ratio or 1)
        self._dots.set_sizes([pt * pt])
        self._squares.set_sizes([(0.9 * pt) ** 2])
        ring_w = float(np.clip(d / 5.0, 0.6, 2.6))
        self._ring_width = ring_w
        self._ring.set_sizes([(pt * 2.4 + 6) ** 2])
        for sc in (self._dots, self._squares):
            sc.set_linewidths([ring_w])

    def _update_people(self, frame: Frame) -> None:
        scores = np.asarray(frame.scores, dtype=float)
        status = np.asarray(frame.status)
        if scores.shape[0] != (self._static.n if self._static is not None else -1):
            return
        ring = np.zeros((scores.shape[0], 4))
        ring[status < 0] = to_rgba(RESTRICTED_RING)
        ring[status > 0] = to_rgba(PRIVILEGED_RING)
        for sc, idx in ((self._dots, self._in_idx), (self._squares, self._out_idx)):
            sc.set_array(scores[idx])
            sc.set_edgecolors(ring[idx])
        self._month.set_text(f"Month {frame.step}")
        if self._show_dating and frame.dating_edges.size:
            self._dating.set_segments(self._pos[np.asarray(frame.dating_edges)])
        else:
            self._dating.set_segments([])
        self._update_selection(frame)

    def _update_selection(self, frame: Frame) -> None:
        i = self._selected
        if i is None or self._pos is None:
            self._ring.set_offsets(np.empty((0, 2)))
            self._sel_ties.set_segments([])
            return
        self._ring.set_offsets(self._pos[i:i + 1])
        edges = np.asarray(frame.friend_edges)
        mine = edges[(edges[:, 0] == i) | (edges[:, 1] == i)] if edges.size else edges
        self._sel_ties.set_segments(self._pos[mine] if mine.size else [])

    def _set_thresholds(self, thresholds: tuple[float, float]) -> None:
        self._thresholds = thresholds
        for line, v in zip(self._cbar_lines, thresholds):
            line.set_ydata([v, v])
        self._cax.set_yticks(sorted({350.0, *thresholds, 950.0}))
        self._make_legend()
        self._invalidate()

    # ------------------------------------------------------------------ ties
    def _schedule_ties(self) -> None:
        if self._tie_timer.isActive():
            return
        wait = self._tie_interval - (time.perf_counter() - self._last_tie_draw)
        if wait <= 0:
            self._redraw_ties()
        else:
            self._tie_timer.start(max(1, int(wait * 1000)))

    def _on_tie_timer(self) -> None:
        if self._ties_pending:
            self._redraw_ties()

    def _redraw_ties(self, draw: bool = True) -> None:
        self._ties_pending = False
        frame = self._frame
        if frame is None or self._pos is None:
            return
        edges = np.asarray(frame.friend_edges)
        m = edges.shape[0]
        note = ""
        if m > MAX_TIE_SEGMENTS:
            # Same sample for the same tie count, so the picture does not flicker.
            rng = np.random.default_rng(m)
            keep = np.sort(rng.choice(m, MAX_TIE_SEGMENTS, replace=False))
            edges = edges[keep]
            note = f"Showing {MAX_TIE_SEGMENTS:,} of {m:,} friendships (a fixed sample)."
        alpha, width = _tie_style(min(m, MAX_TIE_SEGMENTS))
        self._ties.set_segments(self._pos[edges] if edges.size else [])
        self._ties.set_alpha(alpha)
        self._ties.set_linewidth(width)
        self._note.set_text(note)
        self._last_tie_draw = time.perf_counter()
        if draw:
            self._invalidate()

    # ------------------------------------------------------------------ drawing
    def _invalidate(self) -> None:
        """The background is stale: redraw everything at the next idle moment."""
        self._background = None
        self.draw_idle()

    def _blit(self) -> None:
        if self._background is None:
            self.draw_idle()
            return
        self.restore_region(self._background)
        self._draw_animated()
        self.blit(self.figure.bbox)
        self.blits += 1

    def _draw_animated(self) -> None:
        for artist in (self._sel_ties, self._dating, self._dots, self._squares, self._ring,
                       self._month):
            if artist.get_visible():
                self.figure.draw_artist(artist)

    def _on_draw_event(self, event) -> None:
        renderer = event.renderer
        size = (getattr(renderer, "width", None), getattr(renderer, "height", None))
        if size != self.get_width_height(physical=True):
            # savefig to a file fires this too: its pixels are not the screen's.
            self._background = None
            return
        start = time.perf_counter()
        self.full_draws += 1
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_animated()
        # A big graph's full draw is slow: space tie redraws so they stay a small share.
        cost = time.perf_counter() - start
        self._tie_interval = max(_MIN_TIE_INTERVAL, 5.0 * cost)

    def draw(self) -> None:
        start = time.perf_counter()
        super().draw()
        self._tie_interval = max(self._tie_interval, _MIN_TIE_INTERVAL,
                                 4.0 * (time.perf_counter() - start))

    # ------------------------------------------------------------------ view
    def _apply_view(self) -> None:
        """Set the limits from the view centre and scale, keeping the aspect equal."""
        bbox = self.ax.bbox
        w, h = max(bbox.width, 1.0), max(bbox.height, 1.0)
        if self._view is None:
            per_px = 1.06 / min(w, h)
            self._view = (0.5, 0.5, per_px)
            self._fit_per_px = per_px
        cx, cy, per_px = self._view
        self.ax.set_xlim(cx - w * per_px / 2, cx + w * per_px / 2)
        self.ax.set_ylim(cy - h * per_px / 2, cy + h * per_px / 2)
        self._update_sizes()

    def _update_layout(self) -> None:
        """Place axes, colour bar and legend in pixels for the current widget size."""
        fig = self.figure
        W, H = fig.bbox.width, fig.bbox.height
        if W < 10 or H < 10:
            return
        dpr = self.device_pixel_ratio or 1.0
        px = dpr  # one logical pixel in figure pixels
        ncol = 6 if W / px > 1050 else 3
        if ncol != self._legend_ncol:
            self._legend_ncol = ncol
            self._legend._ncols = ncol
        try:
            legend_h = self._legend.get_window_extent(self.get_renderer()).height
        except Exception:  # noqa: BLE001 - no renderer yet: a sensible guess
            legend_h = (2 if ncol == 3 else 1) * 26 * px
        bottom = legend_h + 10 * px
        cbar_w, cbar_room = 16 * px, 78 * px
        left = 6 * px
        top = 8 * px
        ax_w = W - left - cbar_room - cbar_w - 10 * px
        ax_h = H - bottom - top
        self.ax.set_position((left / W, bottom / H, max(ax_w, 10) / W, max(ax_h, 10) / H))
        cbar_h = min(ax_h * 0.8, 420 * px)
        self._cax.set_position(((W - cbar_room - cbar_w) / W,
                                (bottom + (ax_h - cbar_h) / 2) / H, cbar_w / W, cbar_h / H))
        self._note.set_position((left / W, (bottom - 4 * px) / H))
        self._note.set_va("top")

    def _on_resize(self, _event=None) -> None:
        self._update_layout()
        if self._zoom == 1.0:
            self._view = None
        self._apply_view()
        self._background = None

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
        self._apply_view()
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
            self._apply_view()
            self._invalidate()
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
        lines = [f"<b>{st.ids[i]}</b>  (group {label})",
                 f"score {fr.scores[i]:.0f} \u00b7 {STATUS_WORDS[int(fr.status[i])]}",
                 f"{int(fr.degree[i])} friend{'s' if int(fr.degree[i]) != 1 else ''}"]
        if st.opted_out[i]:
            lines.append("opted out (no data)")
        return "<br>".join(lines)
