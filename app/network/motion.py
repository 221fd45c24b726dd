"""The network view's living layout: people glide to where the model's layout puts them.

Each frame from a playing run may carry new positions (the model process relaxes a
:class:`~models.living.LivingLayout` every step). :class:`MotionMixin` moves the drawing
there smoothly: positions are interpolated (ease in and out) over about the time between
two frames, a tick at most every ``TICK_MS``. While people move, the friendship ties are
painted straight into the canvas buffer (:mod:`app.network.tie_raster`; a fixed, even
sample of them past a pixel budget), the people's pixel raster is rebuilt each tick, and
the view widens at once if someone moves out of it. When the motion rests, the ties are
drawn by Agg again, antialiased and complete. "Freeze layout" (:meth:`set_living`)
ignores new positions: the old, still picture. Mixed into
:class:`~app.network.panel.QtNetworkView`; not meant for another class.
"""

from __future__ import annotations

import time

import numpy as np
from matplotlib.colors import to_rgb
from PySide6.QtCore import QTimer

from app.network.tie_raster import paint_ties
from app.picture.style import TIE_COLOUR, tie_style

__all__ = ["MotionMixin", "TICK_MS", "MOVING_TIE_SAMPLES", "TIE_LAYER_MS"]

#: Shortest time between two interpolation ticks (about 30 a second).
TICK_MS = 33
#: Pixel samples of ties painted into the moving tie layer. 300,000, not 600,000: on a
#: quiet machine 600,000 held the default preset to 26 fps and ba5000 to 22, 300,000
#: gives 39 and 28 (docs/performance.md, "Re-measured on a quiet machine").
MOVING_TIE_SAMPLES = 300_000
#: The moving tie layer is painted at most this often (ms); the ticks in between copy
#: it (0.1 ms): twice the ties of painting 150,000 samples every tick, for less time
#: (``benchmarks/bench_tick.py``, docs/performance.md).
TIE_LAYER_MS = 200
#: The motion rests this long after the last new positions (at least; three gaps
#: between frames when frames come slower): ties are redrawn by Agg. Resting costs a
#: full draw with every tie (about 0.1-0.25 s at 25,000 ties) and moving again another,
#: so a run that is merely slow (a big step, a loaded machine) must not rest between
#: two of its frames.
SETTLE_MS = 450
_TIE_RGB = np.array(to_rgb(TIE_COLOUR), dtype=np.float32) * 255.0


class MotionMixin:
    """Interpolated motion of the people and a fast tie layer while they move."""

    def _init_motion(self) -> None:
        self._living = True
        self._moving = False
        self._from: np.ndarray | None = None
        self._to: np.ndarray | None = None
        self._t0 = 0.0
        self._duration = 0.1
        self._last_arrival = 0.0
        self.motion_ticks = 0
        self.tie_layer_paints = 0
        self._tie_layer: tuple | None = None   # (key, pixels, data per pixel)
        self._tie_layer_t = 0.0
        self._anim = QTimer(self)
        self._anim.setInterval(TICK_MS)
        self._anim.timeout.connect(self._on_tick)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)

    # ------------------------------------------------------------------ public API
    @property
    def living(self) -> bool:
        """True when the drawing follows the living layout (not frozen)."""
        return self._living

    @property
    def moving(self) -> bool:
        """True while people glide to new positions (ties drawn by the fast layer)."""
        return self._moving

    def set_living(self, on: bool) -> None:
        """Follow the living layout (True) or freeze the drawing where it is."""
        self._living = bool(on)
        if not self._living:
            self._finish_motion()

    def _follow(self, positions: np.ndarray) -> bool:
        """New positions from the model: glide there from where the drawing is now.

        Returns True when the motion draws the frame (the caller need not blit).
        """
        if not self._living or self._pos is None or positions.shape != self._pos.shape:
            return False
        now = time.perf_counter()
        gap = now - self._last_arrival if self._last_arrival else 0.1
        self._last_arrival = now
        self._from = self._pos.copy()
        self._to = np.asarray(positions, dtype=float)
        self._t0 = now
        # About the time until the next frame: the motion never stalls between frames.
        self._duration = float(np.clip(gap, 0.03, 0.6))
        if not self._moving:
            self._moving = True
            self._ties.set_visible(False)   # the fast layer paints them while moving
            self._invalidate()
        self._settle.stop()
        if not self._anim.isActive():
            self._anim.start()
            self._on_tick()
        return True

    def _finish_motion(self) -> None:
        """Stop gliding now (Reset, a new layout, Freeze): the drawing rests."""
        self._anim.stop()
        self._settle.stop()
        self._from = self._to = None
        self._last_arrival = 0.0
        if self._moving:
            self._on_settled()

    # ------------------------------------------------------------------ ticks
    def _on_tick(self) -> None:
        if self._to is None or self._from is None:
            self._anim.stop()
            return
        start = time.perf_counter()
        s = min(1.0, (start - self._t0) / self._duration)
        ease = s * s * (3.0 - 2.0 * s)
        self._move_to(self._from + (self._to - self._from) * ease)
        # A tick never takes more than two thirds of the GUI thread: frames, the
        # dashboard and the mouse keep their share on a slow machine or a big graph.
        cost = time.perf_counter() - start
        self._anim.setInterval(max(TICK_MS, int(1500 * cost)))
        if s >= 1.0:
            self._anim.stop()
            self._from = self._to = None
            self._settle.start(max(SETTLE_MS, int(3000 * self._duration)))

    def _move_to(self, pos: np.ndarray) -> None:
        self._pos = pos
        self._tree = None            # rebuilt when the motion rests
        self._raster = None          # the people's pixels moved
        self._scatters_stale = True
        frame = self._frame
        if frame is not None:
            self._update_dating(frame)
            self._update_selection(frame)
            self._update_marks(frame)   # scam, isolated and A/B marks move with the people
        if self._zoom == 1.0:
            self._widen_if_needed(pos)
        self.motion_ticks += 1
        self._blit()

    def _widen_if_needed(self, pos: np.ndarray) -> None:
        """Keep everyone in view: widen at once, narrow slowly as the drawing shrinks."""
        if self._view is None:
            return
        cx, cy, per_px = self._view
        bbox = self.ax.bbox
        short_px = max(min(bbox.width, bbox.height), 1.0)
        need = float(np.max(np.abs(pos - (cx, cy)))) * 1.04
        half = short_px * per_px / 2.0
        # Narrow slowly towards the drawing as it shrinks (never below what it needs).
        target = need
        if target > half:
            half = target
        else:
            half += (target - half) * 0.05
        new = 2.0 * half / short_px
        if abs(new - per_px) > 1e-12 * per_px:
            self._view = (cx, cy, new)
            self._apply_view()

    def _on_settled(self) -> None:
        """The motion rests: Agg draws the ties again, hover finds people again."""
        from scipy.spatial import cKDTree

        self._moving = False
        self._tie_layer = None
        self._ties.set_visible(self._show_ties)
        if self._pos is not None:
            self._tree = cKDTree(self._pos)
            self._install_people()
            self._redraw_ties()

    # ------------------------------------------------------------------ the tie layer
    def _paint_moving_ties(self) -> None:
        """Paint the friendships into the canvas buffer (only while moving).

        The painted network area is kept as the tie layer and copied into the ticks of
        the next ``TIE_LAYER_MS``: the ties trail the people by at most that long (a
        few pixels at the layout's pace), the people themselves move every tick.
        """
        frame = self._frame
        if not (self._moving and self._show_ties) or frame is None or self._pos is None:
            return
        edges = np.asarray(frame.friend_edges)
        if edges.size == 0:
            return
        renderer = self.get_renderer()
        buffer = np.asarray(renderer.buffer_rgba())
        H, W = buffer.shape[:2]
        bbox = self.ax.bbox
        clip = (max(int(bbox.x0), 0), max(int(H - bbox.y1), 0),
                min(int(np.ceil(bbox.x1)), W), min(int(np.ceil(H - bbox.y0)), H))
        x0, y0, x1, y1 = clip
        # A new background, size, zoom or pan makes the layer wrong at once; the view
        # widening or narrowing with the drawing (a little every tick) only when it
        # adds up to 2%.
        cx, cy, per_px = self._view if self._view is not None else (0.0, 0.0, 1.0)
        key = (clip, (H, W), id(self._background), self._zoom, cx, cy)
        now = time.perf_counter()
        layer = self._tie_layer
        if layer is not None and layer[0] == key and abs(layer[2] / per_px - 1.0) < 0.02 \
                and now - self._tie_layer_t < TIE_LAYER_MS / 1000.0:
            buffer[y0:y1, x0:x1] = layer[1]
            return
        px = self.ax.transData.transform(self._pos)
        px[:, 1] = H - px[:, 1]   # rows from the top, as in the buffer
        alpha, _width = tie_style(edges.shape[0])
        paint_ties(buffer, px[edges], clip, _TIE_RGB, alpha, max_samples=MOVING_TIE_SAMPLES)
        self._tie_layer = (key, buffer[y0:y1, x0:x1].copy(), per_px)
        self._tie_layer_t = now
        self.tie_layer_paints += 1
