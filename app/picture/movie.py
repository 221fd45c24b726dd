"""Animations and stills of a run: frames from simulations, written as GIF, MP4, PNG or SVG.

:func:`living_frames` plays one or more simulations in lockstep (A and B of a comparison)
with a living layout each, all starting from the same initial positions, and yields the
:class:`~app.picture.scene.PictureFrame` of every month, month 0 included: ``steps``
steps give ``steps + 1`` frames. :func:`write_movie` draws such frames on a
:class:`~app.picture.scene.Board` and writes them: MP4 through imageio-ffmpeg (H.264,
its own ffmpeg binary), GIF through Pillow (one palette taken from the first frame,
whose colour bar holds every score colour, so colours do not flicker), PNG and SVG as
the last frame. Every file is written atomically. Qt-free: the app's export and
``scorenet render`` both use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from app.common.language import gettext as _
from app.picture.caption import SettingChange
from app.picture.scene import SLIDE_SIZE, Board, PictureFrame, frame_of_simulation

__all__ = ["MOVIE_FORMATS", "living_frames", "write_movie", "movie_format", "movie_size",
           "written_size",
           "DEFAULT_GIF_SIZE"]

#: GIFs are smaller by default: a full-HD GIF of a run is tens of megabytes.
DEFAULT_GIF_SIZE = (960, 540)

#: Suffix -> what is written.
MOVIE_FORMATS = {".mp4": "MP4 video", ".gif": "animated GIF", ".png": "PNG (last frame)",
                 ".svg": "SVG (last frame)"}


def movie_format(path: str | os.PathLike[str]) -> str:
    """The format of ``path`` by its suffix (``.mp4`` ...), or ValueError naming it."""
    suffix = Path(path).suffix.lower()
    if suffix not in MOVIE_FORMATS:
        raise ValueError(_("{file}: unknown file type {suffix}; use one of {known}").format(
            file=Path(path).name, suffix=repr(suffix or "(none)"),
            known=", ".join(MOVIE_FORMATS)))
    return suffix


def written_size(fmt: str, size: tuple[int, int], panels: int = 1) -> tuple[int, int]:
    """The pixels the file of format ``fmt`` gets for ``panels`` pictures of ``size``:
    MP4 (H.264, yuv420p) drops an odd last column or row.

    Examples
    --------
    >>> written_size(".mp4", (641, 361)), written_size(".gif", (641, 361), 2)
    ((640, 360), (1282, 361))
    """
    w, h = size[0] * panels, size[1]
    return (w - w % 2, h - h % 2) if fmt == ".mp4" else (w, h)


def movie_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """The default picture size for ``path``: a 1920x1080 slide, 960x540 for a GIF."""
    return DEFAULT_GIF_SIZE if movie_format(path) == ".gif" else SLIDE_SIZE


def living_frames(sims: Sequence, steps: int, *, start: np.ndarray | None = None,
                  layout_seed: int = 0, should_stop: Callable[[], bool] | None = None
                  ) -> Iterator[list[PictureFrame]]:
    """Step ``sims`` together ``steps`` times; yield one frame per simulation per month.

    Every simulation gets its own :class:`~models.living.LivingLayout`, all starting
    from ``start`` (default: :func:`models.layout.layout` of the first one's initial
    graph with ``layout_seed``, the app's first layout), so A and B begin alike.
    """
    from models.layout import layout
    from models.living import LivingLayout, iterations_per_step

    first = sims[0]
    if start is None:
        start = layout(first.n, first.graph.edges, seed=layout_seed)
    lives = [LivingLayout(start, sim.friends.edges(), seed=layout_seed) for sim in sims]
    yield [frame_of_simulation(sim, start) for sim in sims]
    for _step in range(int(steps)):
        if should_stop is not None and should_stop():
            return
        out = []
        for sim, live in zip(sims, lives):
            sim.step()
            out.append(frame_of_simulation(
                sim, live.relax(sim.friends.edges(), iterations_per_step(sim.n))))
        yield out


def write_movie(frames: Iterable[Sequence[PictureFrame]], path: str | os.PathLike[str], *,
                total: int, size: tuple[int, int] = SLIDE_SIZE, fps: float = 8.0,
                labels: Sequence[str] = ("",),
                progress: Callable[[int, int], None] | None = None,
                should_stop: Callable[[], bool] | None = None) -> int:
    """Draw every frame (a list: one per panel) and write them to ``path``.

    Parameters
    ----------
    frames
        Per month, one :class:`PictureFrame` per panel (as :func:`living_frames` yields).
    path
        ``.mp4``, ``.gif``, ``.png`` or ``.svg`` (the last two: the last frame only).
    total
        Number of frames expected (for ``progress``).
    size
        Pixels of one panel; the file is ``len(labels)`` panels wide.
    fps
        Frames per second of the animation.
    labels
        One per panel (``("A", "B")`` for a comparison).
    progress
        ``progress(done, total)`` after each frame.
    should_stop
        Checked before each frame: when it returns True nothing is written and 0 returned.

    Returns
    -------
    int
        The number of frames drawn.
    """
    from models.atomic import atomic_path

    fmt = movie_format(path)
    board = Board(size, labels)
    try:
        with atomic_path(Path(path)) as tmp:
            count = _write(frames, _sink(fmt, tmp, fps), board, total, progress,
                           should_stop)
    except _Cancelled:
        return 0   # atomic_path left nothing behind
    return count


class _Cancelled(Exception):
    pass


def _write(frames, sink, board: Board, total: int, progress, should_stop) -> int:
    """Draw and hand every frame to ``sink``; the sink is aborted on any exception."""
    last: dict[int, object] = {}
    changes: list[list[SettingChange]] = [[] for _p in board.pictures]
    count = 0
    try:
        for panel_frames in frames:
            if should_stop is not None and should_stop():
                raise _Cancelled
            if count == 0 and len(panel_frames) == 2:
                board.pictures[1].set_note(_differences(panel_frames[0], panel_frames[1]))
            for i, (pic, frame) in enumerate(zip(board.pictures, panel_frames)):
                changes[i].extend(_changed(last.get(i), frame))
                last[i] = frame.scenario
                pic.set_changes(changes[i])
                pic.show(frame)
            if sink.wants_every_frame:
                sink.add(board.rgb())
            count += 1
            if progress is not None:
                progress(count, total)
        if count == 0:
            raise ValueError(_("no frames to write"))
        sink.close(board)
    except BaseException:
        sink.abort()
        raise
    return count


def _differences(a: PictureFrame, b: PictureFrame) -> str:
    """``Differs from A: weight of friends' scores 0.65 (A: 0.05)``, or ''."""
    from app.picture.caption import describe_value, label_of, setting_changes

    diffs = setting_changes([(0, a.scenario), (0, b.scenario)])
    if not diffs:
        return ""
    return _("Differs from A: ") + "; ".join(
        _("{what} {new} (A: {old})").format(what=label_of(d.name), new=describe_value(d.new),
                                           old=describe_value(d.old))
        for d in diffs)


def _changed(before, frame: PictureFrame) -> list[SettingChange]:
    from app.picture.caption import setting_changes

    if before is None:
        return []
    return setting_changes([(frame.month - 1, before), (frame.month, frame.scenario)])


class _Still:
    """PNG or SVG: only the last frame is drawn, by the board itself."""

    wants_every_frame = False

    def __init__(self, tmp: Path, fmt: str) -> None:
        self.tmp, self.fmt = tmp, fmt[1:]

    def add(self, rgb: np.ndarray) -> None:  # pragma: no cover - never called
        pass

    def close(self, board: Board) -> None:
        board.save(self.tmp, self.fmt)

    def abort(self) -> None:
        pass


class _Mp4:
    wants_every_frame = True

    def __init__(self, tmp: Path, fps: float) -> None:
        import imageio_ffmpeg

        self.tmp, self.fps = tmp, fps
        self._gen = None
        self._ffmpeg = imageio_ffmpeg

    def add(self, rgb: np.ndarray) -> None:
        if self._gen is None:
            h, w = rgb.shape[:2]
            # H.264 in yuv420p wants even sides; every player opens that.
            self._gen = self._ffmpeg.write_frames(
                str(self.tmp), (w - w % 2, h - h % 2), fps=self.fps, codec="libx264",
                pix_fmt_out="yuv420p", quality=7, macro_block_size=2,
                output_params=["-f", "mp4"])
            self._gen.send(None)
        h, w = rgb.shape[:2]
        self._gen.send(np.ascontiguousarray(rgb[: h - h % 2, : w - w % 2]))

    def close(self, board: Board) -> None:
        if self._gen is not None:
            self._gen.close()
            self._gen = None

    def abort(self) -> None:
        if self._gen is not None:
            try:
                self._gen.close()
            except Exception:  # noqa: BLE001 - the file is thrown away anyway
                pass
            self._gen = None


class _Gif:
    wants_every_frame = True

    def __init__(self, tmp: Path, fps: float) -> None:
        self.tmp, self.fps = tmp, fps
        self._frames: list = []
        self._palette = None

    def add(self, rgb: np.ndarray) -> None:
        from PIL import Image

        img = Image.fromarray(rgb)
        if self._palette is None:
            self._palette = _gif_palette()
        # One palette for all frames: no colour flicker, and 1 byte a pixel in memory.
        self._frames.append(img.quantize(palette=self._palette, dither=Image.Dither.NONE))

    def close(self, board: Board) -> None:
        first, *rest = self._frames
        first.save(self.tmp, format="GIF", save_all=True, append_images=rest,
                   duration=max(20, int(round(1000.0 / self.fps))), loop=0, optimize=False)

    def abort(self) -> None:
        self._frames.clear()


def _gif_palette():
    """A fixed 256-colour palette for the picture: viridis, the marks, greys.

    Taken from the first frame, a palette would miss colours that appear later (dates
    are pink, and there are none in month 0).
    """
    from matplotlib.colors import to_rgb
    from PIL import Image

    from app.picture.style import (CMAP, DATING_COLOUR, PRIVILEGED_RING, RESTRICTED_RING,
                                   TIE_COLOUR)

    colours = [CMAP(x)[:3] for x in np.linspace(0.0, 1.0, 140)]
    for mark in (DATING_COLOUR, RESTRICTED_RING, PRIVILEGED_RING, TIE_COLOUR):
        rgb = np.array(to_rgb(mark))
        # The mark over white at several opacities (antialiased or faint lines).
        colours += [tuple(1.0 - a * (1.0 - rgb)) for a in np.linspace(0.15, 1.0, 14)]
    colours += [(g, g, g) for g in np.linspace(0.0, 1.0, 60)]
    table = (np.clip(np.array(colours[:256]), 0, 1) * 255 + 0.5).astype(np.uint8)
    pal = Image.new("P", (1, 1))
    pal.putpalette(table.ravel().tolist() + [255] * (768 - table.size))
    return pal


def _sink(fmt: str, tmp: Path, fps: float):
    if fmt == ".mp4":
        return _Mp4(tmp, fps)
    if fmt == ".gif":
        return _Gif(tmp, fps)
    return _Still(tmp, fmt)
