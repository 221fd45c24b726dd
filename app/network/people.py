"""How people are drawn on the network: colour by score, a ring by status, size by count.

Agg draws a scatter marker by marker, too slow for thousands of people at 15 frames a
second, so on screen the people are painted straight into the canvas buffer by a
:class:`NodeRaster`; the two scatters (circles, and squares for people who opted out)
are kept up to date only for exports. :class:`PeopleMixin` holds the
:class:`~app.network.panel.QtNetworkView` methods that keep both in step with the frames;
it uses the view's artists and state and is not meant for another class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.path import Path

from app.process.frame import opted_out_of
from app.common.i18n import translate
from app.picture.style import CMAP, NORM, PRIVILEGED_RING, RESTRICTED_RING, node_size_px
from models.score import SCORE_MIN, SPAN

if TYPE_CHECKING:
    from app.process.frame import Frame

__all__ = ["CMAP", "NORM", "RESTRICTED_RING", "PRIVILEGED_RING", "node_size_px",
           "NodeRaster", "PeopleMixin"]

# The colours and sizes every picture shares (the app, exported images, animations).
# The rings are the inspector's status colours; a test checks that the two agree.
#: The colour map as a 256-entry RGB table (0-255 floats), for the per-frame recolouring.
_LUT = (CMAP(np.linspace(0.0, 1.0, 256))[:, :3] * 255.0).astype(np.float32)
_RESTRICTED_RGB = np.array(to_rgba(RESTRICTED_RING)[:3], dtype=np.float32) * 255.0
_PRIVILEGED_RGB = np.array(to_rgba(PRIVILEGED_RING)[:3], dtype=np.float32) * 255.0


class MarkerStamp:
    """Every person's marker as pixel offsets from their centre, with the coverage and
    the ring's share of each pixel: the part of a :class:`NodeRaster` that does not
    depend on where the people are.

    While people move a raster is made every tick; they share one stamp (made again only
    when the marker size or who opted out changes), and so do the blended colours of a
    frame (:meth:`colours`), which change once a frame, not once a tick.
    """

    def __init__(self, square: np.ndarray, diameter: float, ring: float) -> None:
        square = np.asarray(square, dtype=bool)
        self.key = (float(diameter), float(ring), square.tobytes())
        node, dy, dx, cov, ringfrac = [], [], [], [], []
        for is_square in (False, True):
            who = np.flatnonzero(square == is_square)
            if who.size == 0:
                continue
            tdy, tdx, tc, trf = NodeRaster.template(diameter, ring, is_square)
            # Person-major, as a (people, template) grid read row by row.
            node.append(np.repeat(who, tdy.size))
            dy.append(np.tile(tdy, who.size))
            dx.append(np.tile(tdx, who.size))
            cov.append(np.tile(tc, who.size))
            ringfrac.append(np.tile(trf, who.size))

        def joined(parts, dtype):
            return np.concatenate(parts).astype(dtype) if parts else np.empty(0, dtype)

        self.node = joined(node, np.int64)
        self.dy, self.dx = joined(dy, np.int64), joined(dx, np.int64)
        self.cov = joined(cov, np.float32)
        self.ringfrac = joined(ringfrac, np.float32)
        self.keep = (1.0 - self.cov)[:, None]   # the background's share of each pixel
        self._source: tuple | None = None
        self._colour: np.ndarray | None = None

    def fits(self, square: np.ndarray, diameter: float, ring: float) -> bool:
        return self.key == (float(diameter), float(ring),
                            np.asarray(square, dtype=bool).tobytes())

    def colours(self, fill: np.ndarray, ring: np.ndarray, has_ring: np.ndarray) -> np.ndarray:
        """Each stamp pixel's colour times its coverage, plus 0.5 (rounding): ``(k, 3)``.

        Kept until other colour arrays are given (the next frame's).
        """
        src = self._source
        if src is None or src[0] is not fill or src[1] is not ring or src[2] is not has_ring:
            node = self.node
            base = fill[node]
            share = self.ringfrac * has_ring[node]
            colour = base + (ring[node] - base) * share[:, None]
            colour *= self.cov[:, None]
            colour += 0.5
            self._colour = colour.astype(np.float32, copy=False)
            self._source = (fill, ring, has_ring)
        return self._colour


class NodeRaster:
    """Which screen pixels each person's marker covers, for recolouring without Agg.

    Agg draws a scatter marker by marker: 49 ms for 4,039 ringed markers on the target
    machine, too slow for 15 frames a second. The markers do not move between frames,
    only their colours change, so the covered pixels, their coverage (antialiasing) and
    the ring's share of each are computed once per view (zoom, pan, resize) and every
    frame is a few vectorised numpy operations on the canvas buffer (about 2 ms).
    Where markers overlap, the one drawn last (higher index) wins the pixel.
    While people move (``exact=False``, a raster every tick, reusing ``stamp``) the sort
    that decides this is skipped: a shared pixel shows one of the markers, blended over
    the background.
    """

    _SUPER = 4   # supersampling per axis for the coverage of each pixel

    def __init__(self, centres: np.ndarray, square: np.ndarray, diameter: float,
                 ring: float, clip: tuple[int, int, int, int], height: int, width: int,
                 exact: bool = True, stamp: MarkerStamp | None = None) -> None:
        if stamp is None or not stamp.fits(square, diameter, ring):
            stamp = MarkerStamp(square, diameter, ring)
        self.stamp = stamp
        x0, y0, x1, y1 = clip
        # Centres to whole pixels (rows from the top, as in the buffer).
        cx = np.rint(centres[:, 0] - 0.5).astype(np.int64)
        cy = np.rint(height - centres[:, 1] - 0.5).astype(np.int64)
        rows = cy[stamp.node]
        rows += stamp.dy
        cols = cx[stamp.node]
        cols += stamp.dx
        ok = (rows >= y0) & (rows < y1) & (cols >= x0) & (cols < x1)
        pix = rows
        pix *= width
        pix += cols
        # Which stamp pixels are painted, in order (None: all of them, as stamped).
        idx = None if ok.all() else np.flatnonzero(ok)
        if idx is not None:
            pix = pix[idx]
        if exact:
            # Last drawn (highest index) wins a shared pixel: sort by (pixel, node).
            node = stamp.node if idx is None else stamp.node[idx]
            order = np.lexsort((node, pix))
            pix = pix[order]
            last = np.ones(pix.size, dtype=bool)
            last[:-1] = pix[1:] != pix[:-1]
            order, pix = order[last], pix[last]
            idx = order if idx is None else idx[order]
        self.pix = pix
        self.idx = idx
        self.node = stamp.node if idx is None else stamp.node[idx]
        self.keep = stamp.keep if idx is None else stamp.keep[idx]

    @classmethod
    def template(cls, diameter: float, ring: float, square: bool):
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
        """Blend every marker into ``buffer`` (H, W, 4 uint8, contiguous), in place."""
        if self.pix.size == 0:
            return
        colour = self.stamp.colours(fill, ring, has_ring)
        if self.idx is not None:
            colour = colour[self.idx]
        # One 4-byte gather and scatter per pixel, not three 1-byte ones.
        flat = buffer.reshape(-1).view(np.uint32)
        px = flat[self.pix].view(np.uint8).reshape(-1, 4)
        out = px[:, :3] * self.keep
        out += colour
        px[:, :3] = out   # truncates; colours() added the 0.5 that rounds
        flat[self.pix] = px.view(np.uint32).reshape(-1)


class PeopleMixin:
    """The network view's people: scatter offsets and sizes, colours, the raster, the
    selection. Mixed into :class:`~app.network.panel.QtNetworkView`."""

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
        self._update_marks(None)

    def _install_people(self) -> None:
        """Offsets and sizes of the scatters for the current static and layout."""
        if self._pos is None or self._static is None:
            return
        frame = self._frame
        self._split_people(self._static.opted_out if frame is None
                           else opted_out_of(frame, self._static))
        self._update_sizes()
        if self._frame is not None:
            self._update_people(self._frame)

    def _split_people(self, opted_out: np.ndarray) -> None:
        """Dots for those who take part, squares for those who opted out (this month's:
        with ``optout.choice`` people switch during a run)."""
        out = np.asarray(opted_out, dtype=bool)
        self._out_mask = out
        self._in_idx = np.flatnonzero(~out)
        self._out_idx = np.flatnonzero(out)
        self._dots.set_offsets(self._pos[self._in_idx])
        self._squares.set_offsets(self._pos[self._out_idx])
        self._raster = None

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
        out = opted_out_of(frame, self._static)
        if self._pos is not None and not np.array_equal(out, getattr(self, "_out_mask", None)):
            self._split_people(out)
        level = np.clip(((scores - SCORE_MIN) / SPAN * 255.0 + 0.5).astype(np.int64), 0, 255)
        self._fill = _LUT[level]
        ring = self._fill.copy()
        ring[status < 0] = _RESTRICTED_RGB
        ring[status > 0] = _PRIVILEGED_RGB
        self._ringc = ring
        self._has_ring = status != 0
        self._scatters_stale = True
        text = (translate("people", "{caption}: month {step}") if self._caption
                else translate("people", "Month {step}")).format(caption=self._caption,
                                                                 step=frame.step)
        self._month.set_text(text + ("" if frame.live else translate("people", " (past)")))
        if not getattr(self, "_moving", False):   # else the next motion tick does it
            self._update_dating(frame)
            self._update_selection(frame)
            self._update_marks(frame)

    def _update_dating(self, frame: Frame) -> None:
        dating = np.asarray(frame.dating_edges)
        self._dating.set_segments(self._pos[dating] if self._show_dating and dating.size
                                  else [])

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
        """Paint every person into the canvas buffer (see :class:`NodeRaster`)."""
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
            old = getattr(self, "_stamp", None)
            self._raster = NodeRaster(self.ax.transData.transform(self._pos),
                                      self._out_mask,
                                      d, ring, clip, H, W,
                                      exact=not getattr(self, "_moving", False), stamp=old)
            self._stamp = self._raster.stamp   # the next tick's raster reuses it
        self._raster.composite(buffer, self._fill, self._ringc, self._has_ring)

    def _update_selection(self, frame: Frame) -> None:
        i = self._selected
        if i is None or self._pos is None:
            self._ring.set_offsets(np.empty((0, 2)))
            self._sel_ties.set_segments([])
            return
        self._ring.set_offsets(self._pos[i:i + 1])
        # The person's ties are found once per frame, not at every motion tick.
        cached = getattr(self, "_sel_edges", None)
        if cached is not None and cached[0] is frame and cached[1] == i:
            mine = cached[2]
        else:
            edges = np.asarray(frame.friend_edges)
            mine = edges[(edges[:, 0] == i) | (edges[:, 1] == i)] if edges.size else edges
            self._sel_edges = (frame, i, mine)
        self._sel_ties.set_segments(self._pos[mine] if mine.size else [])
