"""The network: people coloured by score, their friendships and dates, live.

:class:`QtNetworkView` is a matplotlib canvas. Everything that does not change from
step to step (axes, friendship ties, colour bar, legend) is drawn once into a cached
background; each frame restores it, recolours the people straight in the canvas buffer
(:class:`_NodeRaster`: Agg's per-marker scatter was too slow for 4,039 people), draws
the few dating ties and the selection, and blits the network's area. The two scatters
(circles, and squares for people who opted out) are kept up to date for exports only.
Friendship ties change with rewiring, but redrawing them costs a full draw, so they are
redrawn at most every ``_MIN_TIE_INTERVAL`` seconds, and less often when a full draw is
slow (a big graph): about a tenth of the time at most.

Mouse: wheel zooms about the cursor, left-drag pans, a click selects the person under
the cursor (``person_selected``; -1 when the click hits nobody), a double-click or the
"Fit" button fits the whole network again. Hovering shows who a person is.
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
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QToolTip

from app.inspector import STATUS_COLOURS
from app.plain_words import STATUS_WORDS

if TYPE_CHECKING:
    from app.frame import Frame, Static

__all__ = ["QtNetworkView", "CMAP", "MAX_TIE_SEGMENTS", "node_size_px"]

#: Colour-blind-safe, perceptually uniform, readable in grey on a washed-out projector.
CMAP = colormaps["viridis"]
NORM = Normalize(350.0, 950.0)

#: Beyond this many friendship ties a deterministic sample is drawn (and a note says so).
MAX_TIE_SEGMENTS = 100_000

#: From this many drawn ties on, they are hidden while zooming or panning (drawing them
#: takes a quarter of a second at 88,000) and come back when the mouse rests.
_HIDE_TIES_WHILE_MOVING = 20_000

RESTRICTED_RING = STATUS_COLOURS[-1]
# The inspector's status colours: vermillion shows on viridis's purples and blues (low
# scores), blue on its greens and yellows (high scores).
PRIVILEGED_RING = STATUS_COLOURS[1]
DATING_COLOUR = "#D4129A"
TIE_COLOUR = "#8A8A8A"
SELECT_COLOUR = "#111111"
TEXT_PT = 11.5

#: The colour map as a 256-entry RGB table (0-255 floats), for the per-frame recolouring.
_LUT = (CMAP(np.linspace(0.0, 1.0, 256))[:, :3] * 255.0).astype(np.float32)
_RESTRICTED_RGB = np.array(to_rgba(RESTRICTED_RING)[:3], dtype=np.float32) * 255.0
_PRIVILEGED_RGB = np.array(to_rgba(PRIVILEGED_RING)[:3], dtype=np.float32) * 255.0

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


def _segments_path(pos: np.ndarray, edges: np.ndarray) -> Path:
    """One path made of a separate line segment per edge."""
    if edges.size == 0:
        return Path(np.zeros((0, 2)))
    verts = pos[edges].reshape(-1, 2)
    codes = np.empty(verts.shape[0], dtype=Path.code_type)
    codes[0::2] = Path.MOVETO
    codes[1::2] = Path.LINETO
    return Path(verts, codes)


def _tie_style(m: int) -> tuple[float, float]:
    """(alpha, linewidth) for ``m`` friendship ties: fainter as they get denser.

    The ties are one path, so overlapping ties do not darken each other: the alpha is
    the final shade, whatever the density.
    """
    alpha = float(np.clip(18.0 / math.sqrt(max(m, 1)), 0.15, 0.5))
    width = float(np.clip(40.0 / math.sqrt(max(m, 1)), 0.3, 1.2))
    return alpha, width


class _NodeRaster:
    """Which screen pixels each person's marker covers, for recolouring without Agg.

    Agg draws a scatter marker by marker: 49 ms for 4,039 ringed markers on the target
    machine, too slow for 15 frames a second. The markers do not move between frames,
    only their colours change, so the covered pixels, their coverage (antialiasing) and
    the ring's share of each are computed once per view (zoom, pan, resize) and every
    frame is a few vectorised numpy operations on the canvas buffer (about 2 ms).
    Where markers overlap, the one drawn last (higher index) wins the pixel.
    """

    _SUPER = 4   # supersampling per axis for the coverage of each pixel

    def __init__(self, centres: np.ndarray, square: np.ndarray, diameter: float,
                 ring: float, clip: tuple[int, int, int, int], height: int, width: int) -> None:
        pix, node, cov, ringfrac = [], [], [], []
        x0, y0, x1, y1 = clip
        # Centres to whole pixels (rows from the top, as in the buffer).
        cx = np.rint(centres[:, 0] - 0.5).astype(np.int64)
        cy = np.rint(height - centres[:, 1] - 0.5).astype(np.int64)
        for is_square in (False, True):
            who = np.flatnonzero(square == is_square)
            if who.size == 0:
                continue
            dy, dx, c, rf = self._template(diameter, ring, is_square)
            rows = cy[who, None] + dy[None, :]
            cols = cx[who, None] + dx[None, :]
            ok = (rows >= y0) & (rows < y1) & (cols >= x0) & (cols < x1)
            pix.append((rows * width + cols)[ok])
            node.append(np.broadcast_to(who[:, None], rows.shape)[ok])
            cov.append(np.broadcast_to(c, rows.shape)[ok])
            ringfrac.append(np.broadcast_to(rf, rows.shape)[ok])
        pix_a = np.concatenate(pix) if pix else np.empty(0, np.int64)
        node_a = np.concatenate(node) if node else np.empty(0, np.int64)
        # Last drawn (highest index) wins a shared pixel: sort by (pixel, node).
        order = np.lexsort((node_a, pix_a))
        pix_a, node_a = pix_a[order], node_a[order]
        last = np.ones(pix_a.size, dtype=bool)
        last[:-1] = pix_a[1:] != pix_a[:-1]
        self.pix = pix_a[last]
        self.node = node_a[last]
        self.cov = np.concatenate(cov)[order][last].astype(np.float32)[:, None] if cov \
            else np.empty((0, 1), np.float32)
        self.ringfrac = np.concatenate(ringfrac)[order][last].astype(np.float32) if cov \
            else np.empty(0, np.float32)
        # Byte offsets of the R, G and B of each pixel in the flat RGBA buffer.
        self.rgb = self.pix[:, None] * 4 + np.arange(3)

    @classmethod
    def _template(cls, diameter: float, ring: float, square: bool):
        """Offsets of the pixels a marker touches, their coverage, and the ring's share."""
        r = diameter / 2.0 if not square else 0.9 * diameter / 2.0
        reach = int(np.ceil(r)) + 1
        off = np.arange(-reach, reach + 1)
        dy, dx = (a.ravel() for a in np.meshgrid(off, off, indexing="ij"))
        sub = (np.arange(cls._SUPER) + 0.5) / cls._SUPER - 0.5
        sy = dy[:, None, None] + sub[None, :, None]
        sx = dx[:, None, None] + sub[None, None, :]
        if square:
            dist = np.maximum(np.abs(sx), np.abs(sy))
        else:
            dist = np.hypot(sx, sy)
        inside = dist <= r
        in_ring = inside & (dist > r - ring)
        cov = inside.mean(axis=(1, 2))
        keep = cov > 0
        ringfrac = in_ring.mean(axis=(1, 2))[keep] / cov[keep]
        return dy[keep], dx[keep], cov[keep], ringfrac

    def composite(self, buffer: np.ndarray, fill: np.ndarray, ring: np.ndarray,
                  has_ring: np.ndarray) -> None:
        """Blend every marker into ``buffer`` (H, W, 4 uint8), in place."""
        if self.pix.size == 0:
            return
        flat = buffer.reshape(-1)
        node = self.node
        fill = fill[node]
        share = self.ringfrac * has_ring[node]
        colour = fill + (ring[node] - fill) * share[:, None]
        bg = flat[self.rgb].astype(np.float32)
        bg += (colour - bg) * self.cov
        bg += 0.5
        flat[self.rgb] = bg.astype(np.uint8)


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
        self._raster: _NodeRaster | None = None
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
        self._cax.set_yticks([350, 550, 700, 950])   # the range and the two thresholds
        self._legend = None
        self._make_legend()

    def _build_overlay(self) -> None:
        """A "Fit" button and a how-to hint: Qt widgets over the canvas, not in exports."""
        self._fit_button = QToolButton(self)
        self._fit_button.setText("Fit")
        self._fit_button.setToolTip("Show the whole network (or double-click it).")
        self._fit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fit_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._fit_button.clicked.connect(self.reset_view)
        self._hint = QLabel("Wheel: zoom \u00b7 drag: pan \u00b7 click a person: inspect", self)
        self._hint.setStyleSheet("color: #777777; background: transparent;")
        self._hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def _place_overlay(self) -> None:
        dpr = self.device_pixel_ratio or 1.0
        bbox = self.ax.bbox   # figure pixels, origin bottom-left
        right = int(bbox.x1 / dpr)
        self._fit_button.adjustSize()
        self._fit_button.move(right - self._fit_button.width() - 16, 6)
        self._hint.adjustSize()
        self._hint.move(right - self._hint.width() - 6, self.height() - self._hint.height() - 4)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_overlay()

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
        # One column under the colour bar: the network keeps the full height.
        self._legend = self.figure.legend(handles=handles, loc="upper left", ncol=1,
                                          frameon=False, fontsize=TEXT_PT, handlelength=1.6,
                                          handletextpad=0.6, labelspacing=0.5,
                                          borderaxespad=0.0, borderpad=0.0)
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
        self._sync_scatters()
        self.draw()

    # ------------------------------------------------------------------ people
    def _clear_people(self) -> None:
        self._fill = None
        self._raster = None
        for sc in (self._dots, self._squares):
            sc.set_offsets(np.empty((0, 2)))
            sc.set_array(np.empty(0))
        self._ring.set_offsets(np.empty((0, 2)))
        self._ties.set_path(Path(np.zeros((0, 2))))
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
        dpr = self.device_pixel_ratio or 1.0
        axes_px = min(self.ax.bbox.width, self.ax.bbox.height) / dpr
        d = node_size_px(self._static.n, axes_px, self._zoom)
        ring_w = float(np.clip(d / 5.0, 0.8, 2.6))
        self._node_px = (d * dpr, ring_w * dpr)   # diameter and ring, device pixels
        self._raster = None
        # The scatters are what exports draw: same sizes, in points.
        pt = d * 72.0 / self.figure.dpi * dpr
        self._dots.set_sizes([pt * pt])
        self._squares.set_sizes([(0.9 * pt) ** 2])
        for sc in (self._dots, self._squares):
            sc.set_linewidths([ring_w * 72.0 / self.figure.dpi * dpr])
        self._ring.set_sizes([(pt * 2.4 + 6) ** 2])

    def _update_people(self, frame: Frame) -> None:
        scores = np.asarray(frame.scores, dtype=float)
        status = np.asarray(frame.status)
        if scores.shape[0] != (self._static.n if self._static is not None else -1):
            return
        level = np.clip(((scores - 350.0) / 600.0 * 255.0 + 0.5).astype(np.int64), 0, 255)
        self._fill = _LUT[level]
        ring = self._fill.copy()
        ring[status < 0] = _RESTRICTED_RGB
        ring[status > 0] = _PRIVILEGED_RGB
        self._ringc = ring
        self._has_ring = status != 0
        self._scatters_stale = True
        self._month.set_text(f"Month {frame.step}")
        if self._show_dating and frame.dating_edges.size:
            self._dating.set_segments(self._pos[np.asarray(frame.dating_edges)])
        else:
            self._dating.set_segments([])
        self._update_selection(frame)

    def _sync_scatters(self) -> None:
        """Bring the scatters (drawn by exports, not on screen) up to the last frame."""
        frame = self._frame
        if not self._scatters_stale or frame is None or self._pos is None:
            return
        self._scatters_stale = False
        scores = np.asarray(frame.scores, dtype=float)
        status = np.asarray(frame.status)
        edge = np.zeros((scores.shape[0], 4))
        edge[status < 0] = to_rgba(RESTRICTED_RING)
        edge[status > 0] = to_rgba(PRIVILEGED_RING)
        for sc, idx in ((self._dots, self._in_idx), (self._squares, self._out_idx)):
            sc.set_array(scores[idx])
            sc.set_edgecolors(edge[idx])

    def _composite_people(self) -> None:
        """Paint every person into the canvas buffer (see :class:`_NodeRaster`)."""
        if self._pos is None or self._fill is None or self._static is None:
            return
        renderer = self.get_renderer()
        buffer = np.asarray(renderer.buffer_rgba())
        if self._raster is None:
            bbox = self.ax.bbox
            H, W = buffer.shape[:2]
            clip = (max(int(bbox.x0), 0), max(int(H - bbox.y1), 0),
                    min(int(np.ceil(bbox.x1)), W), min(int(np.ceil(H - bbox.y0)), H))
            d, ring = self._node_px
            self._raster = _NodeRaster(self.ax.transData.transform(self._pos),
                                       np.asarray(self._static.opted_out, dtype=bool),
                                       d, ring, clip, H, W)
        self._raster.composite(buffer, self._fill, self._ringc, self._has_ring)

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
        self._drawn_ties = int(edges.shape[0])
        alpha, width = _tie_style(min(m, MAX_TIE_SEGMENTS))
        self._ties.set_path(_segments_path(self._pos, edges))
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
        self.blit(self.ax.bbox)   # only the network changes between full draws
        self.blits += 1

    def _draw_animated(self) -> None:
        for artist in (self._sel_ties, self._dating):
            if artist.get_visible():
                self.figure.draw_artist(artist)
        self._composite_people()
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
        # of the time (about a tenth), and at least _MIN_TIE_INTERVAL apart.
        self._tie_interval = max(_MIN_TIE_INTERVAL, 8.0 * (time.perf_counter() - start))

    # ------------------------------------------------------------------ view
    def _apply_view(self) -> None:
        """Set the limits from the view centre and scale, keeping the aspect equal."""
        bbox = self.ax.bbox
        w, h = max(bbox.width, 1.0), max(bbox.height, 1.0)
        if self._view is None:
            per_px = 1.06 / min(w, h)
            self._view = (0.5, 0.5, per_px)
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
        try:
            box = self._legend.get_window_extent(self.get_renderer())
            legend_w, legend_h = box.width, box.height
        except Exception:  # noqa: BLE001 - no renderer yet: a sensible guess
            legend_w, legend_h = 200 * px, 170 * px
        pad, title_h, cbar_w = 10 * px, 34 * px, 16 * px
        col_w = max(legend_w, cbar_w + 60 * px) + 2 * pad
        top, bottom, left = 8 * px, 22 * px, 6 * px
        ax_w = max(W - left - col_w, 10)
        ax_h = max(H - bottom - top, 10)
        self.ax.set_position((left / W, bottom / H, ax_w / W, ax_h / H))
        cbar_h = float(np.clip(H - top - title_h - legend_h - 3 * pad - 20 * px,
                               60 * px, 320 * px))
        cbar_top = H - top - title_h
        x0 = W - col_w + pad
        self._cax.set_position((x0 / W, (cbar_top - cbar_h) / H, cbar_w / W, cbar_h / H))
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
        if self._drawn_ties >= _HIDE_TIES_WHILE_MOVING and self._show_ties:
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
        lines = [f"<b>{st.ids[i]}</b>  (group {label})",
                 f"score {fr.scores[i]:.0f} \u00b7 {STATUS_WORDS[int(fr.status[i])]}",
                 f"{int(fr.degree[i])} friend{'s' if int(fr.degree[i]) != 1 else ''}"]
        if st.opted_out[i]:
            lines.append("opted out (no data)")
        return "<br>".join(lines)
