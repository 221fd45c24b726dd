"""The network: people coloured by score, their friendships and dates, live.

:class:`QtNetworkView` is a matplotlib canvas. Everything that does not change from
step to step (axes, friendship ties, colour bar, legend) is drawn once into a cached
background; each frame restores it, recolours the people straight in the canvas buffer
(:mod:`app.network.people`: Agg's per-marker scatter was too slow for 4,039 people),
draws the few dating ties and the selection, and blits the network's area. Friendship
ties change with rewiring but cost a full draw, so they are redrawn at a measured pace
(:mod:`app.network.ties`).

Mouse (:mod:`app.network.mouse`): wheel zooms about the cursor, left-drag pans, a click
selects the person under the cursor (``person_selected``; -1 when the click hits
nobody), a double-click or the "Fit" button fits the whole network again. Hovering shows
who a person is.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.collections import LineCollection
from matplotlib.colorbar import Colorbar
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QToolTip

from app.common.theme import DEFAULT_THRESHOLDS
from app.network.motion import MotionMixin
from app.network.legend import TEXT_PT, LegendMixin
from app.network.marks import MarksMixin
from app.network.placement import PlacementMixin
from app.network.mouse import MouseMixin
from app.network.people import (CMAP, NORM, PRIVILEGED_RING, RESTRICTED_RING, NodeRaster,
                                PeopleMixin, node_size_px)
from app.network.ties import MAX_TIE_SEGMENTS, MIN_TIE_INTERVAL, TiesMixin
from app.picture.style import DATING_COLOUR, SELECT_COLOUR, TIE_COLOUR
from app.common.i18n import translate

if TYPE_CHECKING:
    from app.process.frame import Frame, Static

__all__ = ["QtNetworkView", "CMAP", "MAX_TIE_SEGMENTS", "node_size_px"]


class QtNetworkView(MotionMixin, MouseMixin, PeopleMixin, TiesMixin, MarksMixin,
                    LegendMixin, PlacementMixin, FigureCanvasQTAgg):
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
        self._live_pos: np.ndarray | None = None   # the latest month's, while in the past
        self._key: object = None
        self._tree = None
        self._selected: int | None = None
        self._show_ties = True
        self._show_dating = True
        self._thresholds = DEFAULT_THRESHOLDS
        self._view: tuple[float, float, float] | None = None  # centre x, y, data per px
        self._zoom = 1.0
        self._press: tuple[float, float, tuple] | None = None
        self._dragging = False
        self._background = None
        self._ties_pending = False
        self._last_tie_draw = 0.0
        self._tie_interval = MIN_TIE_INTERVAL
        self._raster: NodeRaster | None = None
        self._drawn_ties = 0
        self._node_px = (8.0, 1.5)
        self._fill: np.ndarray | None = None
        self._ringc: np.ndarray | None = None
        self._has_ring: np.ndarray | None = None
        self._scatters_stale = False
        self._in_idx = self._out_idx = np.empty(0, dtype=np.int64)
        self.full_draws = 0
        self.blits = 0

        self._build_artists()
        self._build_overlay()
        self._init_motion()
        self._tie_timer = QTimer(self)
        self._tie_timer.setSingleShot(True)
        self._tie_timer.timeout.connect(self._on_tie_timer)
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(300)
        self._rest_timer.timeout.connect(self._on_rest)
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
        # All friendships as one compound path: one Agg call, and no Path object per tie
        # (a LineCollection of 88,234 ties took 0.7 s just to set its segments).
        self._ties = PathPatch(Path(np.zeros((0, 2))), fill=False, edgecolor=TIE_COLOUR,
                               linewidth=0.6, zorder=1, capstyle="butt")
        ax.add_patch(self._ties)
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
        self._message = ax.text(0.5, 0.5, translate("network_panel", "Building the network\u2026"),
                                transform=ax.transAxes,
                                ha="center", va="center", fontsize=TEXT_PT + 3, color="#666666")
        self._note = fig.text(0.01, 0.01, "", ha="left", va="bottom", fontsize=TEXT_PT - 1.5,
                              color="#555555")
        self._cax = fig.add_axes((0.9, 0.2, 0.02, 0.7))
        self._colorbar = Colorbar(self._cax, cmap=CMAP, norm=NORM, orientation="vertical")
        self._cax.tick_params(labelsize=TEXT_PT)
        # y given, not searched for (the same place): a cheaper full draw.
        self._cax.set_title(translate("network_panel", "score"), fontsize=TEXT_PT, pad=8, y=1.0)
        self._cbar_lines = [self._cax.axhline(v, color=c, linewidth=3)
                            for v, c in zip(DEFAULT_THRESHOLDS, (RESTRICTED_RING,
                                                                 PRIVILEGED_RING))]
        self._set_ticks(DEFAULT_THRESHOLDS)
        self._build_marks()
        self._caption = ""
        self._compare = False
        self._side = True   # the colour bar and legend column
        self._compact = False   # a shorter legend, for a short view or two views
        self._legend = None
        self._make_legend()

    def _build_overlay(self) -> None:
        """A "Fit" button and a how-to hint: Qt widgets over the canvas, not in exports."""
        self._fit_button = QToolButton(self)
        self._fit_button.setText(translate("network_panel", "Fit"))
        self._fit_button.setToolTip(translate("network_panel", "Show the whole network (or double-click it)."))
        self._fit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._fit_button.clicked.connect(self.reset_view)
        self._hint = QLabel(translate("network_panel", "Wheel: zoom \u00b7 drag: pan \u00b7 click a person: inspect"), self)
        self._hint.setStyleSheet("color: #777777; background: transparent;")
        self._hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def _place_overlay(self) -> None:
        dpr = self.device_pixel_ratio or 1.0
        bbox = self.ax.bbox   # figure pixels, origin bottom-left
        right = int(bbox.x1 / dpr)
        self._fit_button.adjustSize()
        # Left of the colour bar's title too: centred over the narrow bar, a title in
        # large type (presenting) reaches past the axes' right edge, under the button.
        fit_right = right - 16
        if self._cax.get_visible() and self._cax.title.get_text():
            title = self._cax.title.get_window_extent(self.get_renderer())
            fit_right = min(fit_right, int(title.x0 / dpr) - 8)
        self._fit_button.move(fit_right - self._fit_button.width(), 6)
        self._hint.adjustSize()
        self._hint.move(right - self._hint.width() - 6, self.height() - self._hint.height() - 4)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_overlay()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """matplotlib's, less a copy of the region, an erase and an alpha conversion:
        the figure is opaque, so Qt reads the Agg buffer in place as RGBX, row by row.
        A motion tick paints most of the window up to 30 times a second."""
        self._draw_idle()   # a pending full draw first, as matplotlib's does
        renderer = getattr(self, "renderer", None)
        if renderer is None:
            return
        buffer = np.asarray(renderer.buffer_rgba())
        H, W = buffer.shape[:2]
        dpr = self.device_pixel_ratio or 1.0
        rect = event.rect()
        x0, y0 = max(int(rect.left() * dpr), 0), max(int(rect.top() * dpr), 0)
        x1 = min(int((rect.left() + rect.width()) * dpr), W)
        y1 = min(int((rect.top() + rect.height()) * dpr), H)
        if x1 <= x0 or y1 <= y0:
            return
        pixels = buffer.reshape(-1)[(y0 * W + x0) * 4:]
        image = QImage(pixels, x1 - x0, y1 - y0, W * 4, QImage.Format.Format_RGBX8888)
        image.setDevicePixelRatio(dpr)
        painter = QPainter(self)
        try:
            painter.drawImage(QPointF(x0 / dpr, y0 / dpr), image)
            self._draw_rect_callback(painter)
        finally:
            painter.end()

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
        self._live_pos = None
        if self._selected is not None and self._selected >= static.n:
            self._selected = None
        if static.graph_key != self._key:
            self._pos = None
            self._tree = None
            self._message.set_text(translate("network_panel", "Laying out {n:,} people\u2026")
                                   .format(n=static.n))
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
        self._live_pos = None
        self._finish_motion()   # a new start (Reset, a preset, Ctrl+L): no gliding to it
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
        if frame.thresholds != self._thresholds:
            self._set_thresholds(frame.thresholds)
        if not frame.live and frame.positions is not None:
            if self._live_pos is None:   # leaving the latest month: where to come back to
                self._live_pos = self._pos if self._to is None else self._to
            self.set_positions(frame.positions)   # a kept month: exactly where they were
        elif frame.live and self._live_pos is not None:
            live, self._live_pos = self._live_pos, None
            self.set_positions(live)
        self._update_people(frame)
        drawn = frame.live and frame.positions is not None and self._follow(frame.positions)
        if frame.edges_changed and not self._moving:
            self._ties_pending = True
            self._schedule_ties()
        if not drawn:
            if self._moving:   # _update_people left these to a motion tick
                self._update_dating(frame)
                self._update_selection(frame)
                self._update_marks(frame)
            self._blit()

    def set_positions(self, positions: np.ndarray) -> None:
        """Draw the people at ``positions`` now, without gliding (a month of the
        timeline, or back to the latest); the view keeps its zoom."""
        if self._static is None or positions.shape != (self._static.n, 2):
            return
        from scipy.spatial import cKDTree

        self._finish_motion()
        self._pos = np.asarray(positions, dtype=float)
        self._tree = cKDTree(self._pos)
        self._install_people()
        self._redraw_ties()

    def select(self, index: int | None) -> None:
        """Highlight person ``index`` (an index), or nobody."""
        if index is not None and (self._static is None or not 0 <= index < self._static.n):
            index = None
        self._selected = index
        if self._frame is not None and self._pos is not None:
            self._update_selection(self._frame)
        self._blit()

    def set_caption(self, caption: str, compare: bool = False) -> None:
        """A word before the month ("Rubric B: month 12"); ``compare`` adds the A/B
        diamond to the legend."""
        self._caption = caption
        if compare != self._compare:
            self._compare = compare
            self._make_legend()
        if self._frame is not None and self._pos is not None:
            self._update_people(self._frame)
        self._invalidate()

    def set_side_column(self, visible: bool) -> None:
        """Show or hide the colour bar and legend (a second view beside this one
        leaves them to the first)."""
        self._side = bool(visible)
        self._cax.set_visible(self._side)
        self._legend.set_visible(self._side)
        self._update_layout()
        self._on_resize()
        self._invalidate()

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

    def flush(self) -> None:
        """Draw everything now (screenshots, tests, exports), ignoring throttles."""
        if self._moving:
            self._finish_motion()   # rest where the drawing is: Agg ties, exact people
        if self._ties_pending:
            self._redraw_ties(draw=False)
        self._sync_scatters()
        self.draw()

    def _set_thresholds(self, thresholds: tuple[float, float]) -> None:
        self._thresholds = thresholds
        for line, v in zip(self._cbar_lines, thresholds):
            line.set_ydata([v, v])
        self._set_ticks(thresholds)
        self._make_legend()
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
        self.blit(self.ax.bbox)   # only the network changes between full draws
        self.blits += 1

    def _draw_animated(self) -> None:
        self._paint_moving_ties()
        for artist in (self._sel_ties, self._dating):
            if artist.get_visible():
                self.figure.draw_artist(artist)
        self._composite_people()
        for artist in self._mark_artists():
            self.figure.draw_artist(artist)
        for artist in (self._ring, self._month):
            self.figure.draw_artist(artist)

    def _on_draw_event(self, event) -> None:
        renderer = event.renderer
        size = (getattr(renderer, "width", None), getattr(renderer, "height", None))
        if size != self.get_width_height(physical=True) or renderer is not self.get_renderer():
            # savefig to a file fires this too: its pixels are not the screen's.
            self._background = None
            return
        self.full_draws += 1
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def draw(self) -> None:
        start = time.perf_counter()
        super().draw()
        # A big graph's full draw is slow: space tie redraws so they stay a small share
        # of the time (about a tenth), and at least MIN_TIE_INTERVAL apart.
        self._tie_interval = max(MIN_TIE_INTERVAL, 8.0 * (time.perf_counter() - start))
