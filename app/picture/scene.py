"""The network picture drawn with matplotlib alone: for files, slides and animations.

:class:`NetworkPicture` draws what the app's network view shows (people coloured by score
on viridis 350-950 with a colour bar, rings for restricted and privileged people,
squares for those who opted out, crosses on scam victims and rings on the isolated,
grey friendships, pink dates, a legend, the month) and
a caption in plain words, into a part of a figure of a given pixel size. :meth:`~NetworkPicture.show` updates it to a
:class:`PictureFrame`. A :class:`Board` holds one picture, or two side by side, renders
animation frames (:meth:`Board.rgb`) and writes PNG or SVG. Headless (Agg): no Qt.

The camera follows the drawing: it widens at once when someone moves past the edge and
narrows slowly when the drawing shrinks, so nobody leaves the picture and it does not
breathe from frame to frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colorbar import Colorbar
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from app.common.language import gettext as _
from app.picture.caption import SettingChange, caption_lines
from app.common.marks import mark_masks
from app.picture.style import (CMAP, DATING_COLOUR, ISOLATED_COLOUR, NORM, PRIVILEGED_RING,
                               RESTRICTED_RING, SCAM_COLOUR, SCORE_RANGE, TIE_COLOUR,
                               WAS_SCAM_COLOUR, colour_bar_ticks, node_size_px, tie_style)

__all__ = ["PictureFrame", "NetworkPicture", "Board", "SLIDE_SIZE", "frame_of_simulation",
           "segments_path"]

#: A 16:9 slide, full HD.
SLIDE_SIZE = (1920, 1080)

#: Dots per inch of the figures: 100 makes a point 1.39 px, so sizes in px stay simple.
DPI = 100


@dataclass(frozen=True)
class PictureFrame:
    """What one picture shows: positions and the state of everyone in one month."""

    month: int
    positions: np.ndarray      # (n, 2)
    scores: np.ndarray         # (n,)
    status: np.ndarray         # (n,) -1 restricted, 0 normal, 1 privileged
    opted_out: np.ndarray      # (n,) bool
    friend_edges: np.ndarray   # (m, 2)
    dating_edges: np.ndarray   # (k, 2)
    scenario: Any              # the scenario applied this month
    scammed: np.ndarray | None = None       # (n,) bool: a scam made this month's payments fail
    was_scammed: np.ndarray | None = None   # (n,) bool: ever scammed so far

    @property
    def n(self) -> int:
        return int(self.scores.shape[0])


def frame_of_simulation(sim, positions: np.ndarray) -> PictureFrame:
    """A :class:`PictureFrame` of a :class:`~models.simulation.Simulation` now (copies)."""
    return PictureFrame(month=int(sim.step_count), positions=np.array(positions, copy=True),
                        scores=np.array(sim.scores, dtype=float),
                        status=np.array(sim.status, dtype=np.int8),
                        opted_out=np.array(sim.pop.opted_out, dtype=bool),
                        friend_edges=sim.friends.edges(), dating_edges=sim.dating.edges(),
                        scenario=sim.applied,
                        scammed=np.array(sim.scammed_now, dtype=bool, copy=True),
                        was_scammed=np.array(sim.ever_scammed, dtype=bool, copy=True))


def segments_path(pos: np.ndarray, edges: np.ndarray) -> Path:
    """One path made of a separate line segment per edge (one Agg call for all ties)."""
    if edges.size == 0:
        return Path(np.zeros((0, 2)))
    verts = pos[edges].reshape(-1, 2)
    codes = np.empty(verts.shape[0], dtype=Path.code_type)
    codes[0::2] = Path.MOVETO
    codes[1::2] = Path.LINETO
    return Path(verts, codes)


class _Camera:
    """Limits that contain everyone, widening at once and narrowing slowly."""

    SHRINK = 0.06   # share of the way to a smaller view taken per frame

    def __init__(self) -> None:
        self.centre: np.ndarray | None = None
        self.half = 0.0

    def fit(self, pos: np.ndarray) -> tuple[np.ndarray, float]:
        if pos.shape[0] == 0:
            return np.full(2, 0.5), 0.5
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        if self.centre is None:
            self.centre = (lo + hi) / 2.0
        need = float(np.max(np.maximum(hi - self.centre, self.centre - lo))) * 1.04 + 1e-9
        if need >= self.half:
            self.half = need
        else:
            self.half += (need - self.half) * self.SHRINK
        return self.centre, self.half


class NetworkPicture:
    """One network picture of ``size`` pixels, drawn into a part of a :class:`Board`.

    Parameters
    ----------
    parent
        The matplotlib ``Figure`` or ``SubFigure`` to draw into.
    size
        ``(width, height)`` of that part, in pixels.
    label
        A prefix for the caption and title, e.g. ``"A"`` and ``"B"`` in a comparison.
    """

    def __init__(self, parent, size: tuple[int, int], *, label: str = "") -> None:
        self.size = (int(size[0]), int(size[1]))
        self.label = label
        self.figure = parent
        #: Bumped whenever something outside the moving parts changes (the legend).
        self.static_version = 0
        self._camera = _Camera()
        self._changes: Sequence[SettingChange] = ()
        self._note = ""
        self._pt = float(np.clip(self.size[1] / 1080.0 * 17.0, 7.0, 24.0))  # text, points
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        fig, (w, h), pt = self.figure, self.size, self._pt
        font_px = 0.85 * pt * DPI / 72.0                  # legend and caption text
        caption_px = 4.6 * font_px * 1.35                  # up to four lines
        # The right-hand column holds the colour bar and the legend, whose longest
        # label is about 23 characters plus the marker: 0.55 em a character.
        col_px = (23 * 0.55 + 3.5) * font_px + 0.02 * w
        net_px = max(min(h - caption_px - 0.02 * h, w - col_px - 0.02 * w), 32.0)
        # The network (square: the drawing is round) and its column, centred together.
        left = max(0.005 * w, (w - net_px - col_px) / 2.0)
        bottom = caption_px + 0.005 * h
        self.ax = fig.add_axes((left / w, bottom / h, net_px / w, net_px / h))
        self.ax.set_axis_off()
        x0 = (left + net_px + 0.015 * w) / w
        top = 0.01
        ax_h = net_px / h
        self._wrap_chars = max(30, int(0.98 * w / (0.55 * font_px)))
        self._ties = PathPatch(Path(np.zeros((0, 2))), fill=False, edgecolor=TIE_COLOUR,
                               zorder=1, capstyle="butt")
        self.ax.add_patch(self._ties)
        self._dating = LineCollection([], colors=DATING_COLOUR, zorder=2, capstyle="round",
                                      alpha=0.85)
        self.ax.add_collection(self._dating)
        empty = np.empty((0, 2))
        self._dots = self.ax.scatter(empty[:, 0], empty[:, 1], c=[], cmap=CMAP, norm=NORM,
                                     marker="o", zorder=4)
        self._squares = self.ax.scatter(empty[:, 0], empty[:, 1], c=[], cmap=CMAP, norm=NORM,
                                        marker="s", zorder=4)
        # The app's marks (app.common.marks): crosses on scam victims, rings on the isolated.
        self._marks = {
            "isolated": self.ax.scatter(empty[:, 0], empty[:, 1], marker="o", zorder=5,
                                        facecolors="none", edgecolors=ISOLATED_COLOUR),
            "was_scammed": self.ax.scatter(empty[:, 0], empty[:, 1], marker="x", zorder=5,
                                           c=WAS_SCAM_COLOUR),
            "scammed": self.ax.scatter(empty[:, 0], empty[:, 1], marker="x", zorder=5,
                                       c=SCAM_COLOUR)}
        self._month = self.ax.text(0.01, 0.99, "", transform=self.ax.transAxes, ha="left",
                                   va="top", fontsize=pt * 1.35, fontweight="bold",
                                   color="#333333", zorder=6)
        cbar_h = min(0.42, 0.5 * ax_h)
        cbar_w = max(12.0, 26.0 * h / 1080.0) / w
        self._cax = fig.add_axes((x0, 1.0 - top - 0.07 - cbar_h, cbar_w, cbar_h))
        Colorbar(self._cax, cmap=CMAP, norm=NORM, orientation="vertical")
        self._cax.tick_params(labelsize=pt * 0.85)
        self._cax.set_title("score", fontsize=pt * 0.9, pad=6)
        self._cbar_lines = [self._cax.axhline(SCORE_RANGE[0], color=c, linewidth=3)
                            for c in (RESTRICTED_RING, PRIVILEGED_RING)]   # moved by the legend
        self._legend = None
        self._legend_anchor = (x0 - 0.004, 1.0 - top - 0.07 - cbar_h - 0.04)
        self._thresholds: tuple[float, float] | None = None
        # Anchored at the bottom: however many lines it has, it never leaves the image.
        self._caption = fig.text(0.01, 0.012, "", ha="left", va="bottom",
                                 fontsize=pt * 0.85, color="#333333", linespacing=1.35)

    def _make_legend(self, thresholds: tuple[float, float]) -> None:
        lo, hi = thresholds
        self._cax.set_yticks(colour_bar_ticks(
            thresholds, self._cax.get_position().height * self.size[1],
            self._pt * 0.85 * DPI / 72.0 * 1.2))
        for line, v in zip(self._cbar_lines, thresholds):
            line.set_ydata([v, v])
        mid, ms = CMAP(0.5), self._pt * 0.75   # a middling score for the legend markers
        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=ms, markerfacecolor=mid,
                   markeredgecolor=RESTRICTED_RING, markeredgewidth=2.5,
                   label=_("restricted (below {lo:g})").format(lo=lo)),
            Line2D([], [], marker="o", linestyle="", markersize=ms, markerfacecolor=mid,
                   markeredgecolor=PRIVILEGED_RING, markeredgewidth=2.5,
                   label=_("privileged ({hi:g} and up)").format(hi=hi)),
            Line2D([], [], marker="s", linestyle="", markersize=ms * 0.9, markerfacecolor=mid,
                   markeredgecolor="none", label=_("opted out (square)")),
            Line2D([], [], color=TIE_COLOUR, linewidth=1.5, label=_("friendship")),
            Line2D([], [], color=DATING_COLOUR, linewidth=2.5, label=_("dating")),
            Line2D([], [], marker="x", linestyle="", markersize=ms, markeredgecolor=SCAM_COLOUR,
                   markeredgewidth=2.2, label=_("scam victim now")),
            Line2D([], [], marker="x", linestyle="", markersize=ms * 0.75,
                   markeredgecolor=WAS_SCAM_COLOUR, markeredgewidth=1.3, label=_("was scammed")),
            Line2D([], [], marker="o", linestyle="", markersize=ms * 1.2,
                   markerfacecolor="none", markeredgecolor=ISOLATED_COLOUR,
                   markeredgewidth=1.3, label=_("isolated (no friends)")),
        ]
        if self._legend is not None:
            self._legend.remove()
        self._legend = self.figure.legend(
            handles=handles, loc="upper left", bbox_to_anchor=self._legend_anchor,
            frameon=False, fontsize=self._pt * 0.85, handlelength=1.5, handletextpad=0.5,
            labelspacing=0.45, borderaxespad=0.0, borderpad=0.0)
        self._thresholds = thresholds
        self.static_version += 1

    # ------------------------------------------------------------------ updating
    def set_note(self, note: str) -> None:
        """A line added under the caption (e.g. how B differs from A)."""
        self._note = note

    def set_changes(self, changes: Sequence[SettingChange]) -> None:
        """Settings changed during the run: the caption names those up to its month."""
        self._changes = tuple(changes)

    def show(self, frame: PictureFrame) -> None:
        """Draw ``frame`` (positions, colours, rings, ties, dates, month, caption)."""
        sc = frame.scenario
        thresholds = (float(sc["perks.restricted_below"]), float(sc["perks.privileged_at"]))
        if thresholds != self._thresholds:
            self._make_legend(thresholds)
        pos = np.asarray(frame.positions, dtype=float)
        centre, half = self._camera.fit(pos)
        w, h = self.ax.bbox.width, self.ax.bbox.height
        # Equal aspect: the shorter side holds the whole drawing.
        sx, sy = (half * w / h, half) if w >= h else (half, half * h / w)
        self.ax.set_xlim(centre[0] - sx, centre[0] + sx)
        self.ax.set_ylim(centre[1] - sy, centre[1] + sy)
        self._draw_people(frame, pos, min(w, h) / max(half, 1e-12) / 2.0)
        edges = np.asarray(frame.friend_edges)
        alpha, width = tie_style(edges.shape[0])
        self._ties.set_path(segments_path(pos, edges))
        self._ties.set_alpha(alpha)
        self._ties.set_linewidth(width * self.size[1] / 1080.0 * 1.4)
        dating = np.asarray(frame.dating_edges)
        self._dating.set_segments(pos[dating] if dating.size else [])
        self._dating.set_linewidth(1.8 * self.size[1] / 1080.0 * 1.4)
        prefix = f"{self.label}: " if self.label else ""
        self._month.set_text(prefix + _("month {month}").format(month=frame.month))
        lines = caption_lines(scenario=sc, month=frame.month, people=frame.n,
                              changes=self._changes, label=self.label)
        if self._note:
            lines.append(self._note)
        # The month is in the caption too, for a reader of a still; in an animation the
        # caption is then redrawn every frame (about a tenth of a frame's cost).
        text = "\n".join(_wrap(lines, self._wrap_chars)[:4])
        if text != self._caption.get_text():
            self._caption.set_text(text)

    def _draw_people(self, frame: PictureFrame, pos: np.ndarray, px_per_unit: float) -> None:
        n = frame.n
        # Sized as the app sizes them: for the drawing's extent in pixels.
        d_px = node_size_px(n, px_per_unit * 1.06)
        pt = d_px * 72.0 / DPI
        ring_pt = float(np.clip(d_px / 5.0, 0.8, 2.6)) * 72.0 / DPI
        status = np.asarray(frame.status)
        edge = np.zeros((n, 4))
        edge[status < 0] = _rgba(RESTRICTED_RING)
        edge[status > 0] = _rgba(PRIVILEGED_RING)
        out = np.asarray(frame.opted_out, dtype=bool)
        scores = np.asarray(frame.scores, dtype=float)
        for sc, who, size in ((self._dots, ~out, pt * pt), (self._squares, out, (0.9 * pt) ** 2)):
            sc.set_offsets(pos[who])
            sc.set_array(scores[who])
            sc.set_edgecolors(edge[who])
            sc.set_sizes([size])
            sc.set_linewidths([ring_pt])
        self._draw_marks(frame, pos, pt)

    def _draw_marks(self, frame: PictureFrame, pos: np.ndarray, pt: float) -> None:
        """The marks as the app's network view draws them, scaled with the people."""
        from types import SimpleNamespace

        degree = np.bincount(np.asarray(frame.friend_edges, dtype=np.int64).ravel(),
                             minlength=frame.n)[:frame.n]
        masks = mark_masks(SimpleNamespace(scammed=frame.scammed,
                                           was_scammed=frame.was_scammed, degree=degree),
                           frame.opted_out)
        for key, scale, width in (("scammed", 1.1, 2.2), ("was_scammed", 0.7, 1.2),
                                  ("isolated", 2.0, 1.2)):
            who = masks[key]
            self._marks[key].set_offsets(pos[who] if who.any() else np.empty((0, 2)))
            self._marks[key].set_sizes([max(pt * scale, 3.0) ** 2])
            self._marks[key].set_linewidths([float(np.clip(width * pt / 8.0, 0.5, width))])

    def moving_artists(self) -> list:
        """What changes from frame to frame (drawn over a cached background)."""
        return [self._ties, self._dating, self._dots, self._squares, *self._marks.values(),
                self._month, self._caption]


class Board:
    """A figure holding one network picture, or several side by side (A/B), for files.

    Every panel is ``size`` pixels; the figure is as wide as the panels together.
    :meth:`rgb` renders animation frames fast: what does not move (colour bars,
    legends) is drawn once and kept, each frame draws only the moving parts over it.

    Examples
    --------
    >>> from models import Simulation, load_scenario
    >>> from models.layout import layout
    >>> sim = Simulation(load_scenario("karate"))
    >>> board = Board((640, 360))
    >>> board.pictures[0].show(frame_of_simulation(sim, layout(sim.n, sim.graph.edges)))
    >>> board.rgb().shape
    (360, 640, 3)
    """

    def __init__(self, size: tuple[int, int] = SLIDE_SIZE, labels: Sequence[str] = ("",)) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        w, h = (int(v) for v in size)
        if w < 64 or h < 64:
            raise ValueError(_("picture size {w}x{h} is too small (64x64 at least)").format(
                w=w, h=h))
        self.size = (w * len(labels), h)
        self.figure = Figure(figsize=(self.size[0] / DPI, h / DPI), dpi=DPI,
                             facecolor="white")
        FigureCanvasAgg(self.figure)
        parts = [self.figure] if len(labels) == 1 else \
            list(self.figure.subfigures(1, len(labels), wspace=0.0))
        self.pictures = [NetworkPicture(part, (w, h), label=lab)
                         for part, lab in zip(parts, labels)]
        for pic in self.pictures:
            for artist in pic.moving_artists():
                artist.set_animated(True)
        self._background = None
        self._version: tuple | None = None

    def rgb(self) -> np.ndarray:
        """The board rendered now, ``(height, width, 3)`` uint8."""
        canvas = self.figure.canvas
        version = tuple(p.static_version for p in self.pictures)
        if self._background is None or version != self._version:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            self._version = version
        canvas.restore_region(self._background)
        for pic in self.pictures:
            for artist in pic.moving_artists():
                if artist.get_visible():
                    self.figure.draw_artist(artist)
        return np.asarray(canvas.buffer_rgba())[..., :3].copy()

    def save(self, path, fmt: str | None = None) -> None:
        """Write the board as PNG or SVG (text stays text in SVG)."""
        import matplotlib as mpl

        from app.common.figsave import FILE_RC, file_metadata

        moving = [a for p in self.pictures for a in p.moving_artists()]
        text = " ".join(p._caption.get_text().replace("\n", " ") for p in self.pictures)
        fmt = fmt or PurePath(path).suffix.lstrip(".").lower()
        meta = {"Software": "ScoreNet"} if fmt == "png" else {"Title": "ScoreNet"}
        for artist in moving:
            artist.set_animated(False)
        try:
            with mpl.rc_context(FILE_RC):   # same picture, same bytes (no date, fixed ids)
                self.figure.savefig(path, format=fmt, dpi=DPI, facecolor="white",
                                    metadata=file_metadata(fmt, {**meta, "Description": text}))
        finally:
            for artist in moving:
                artist.set_animated(True)


def _wrap(lines: list[str], width: int) -> list[str]:
    """Break long caption lines at spaces (the caption's measure is characters)."""
    import textwrap

    out: list[str] = []
    for line in lines:
        out.extend(textwrap.wrap(line, width, break_long_words=False) or [""])
    return out


def _rgba(colour: str) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    return to_rgba(colour)
