"""Exports of figures, with their context drawn in (the CSV tables: app.process.tables).

A figure exported for a slide or a report must say what it shows without the app next to
it, so :func:`export_figure` draws the scenario, step, seed and rubric weights into the
image, below the plots, and removes that text again afterwards so the on-screen figure is
unchanged.

Every writer is atomic (temporary file, then rename) and lets ``OSError`` through for the
caller to show in a dialog. A slide (16:9, 1920x1080) reuses :mod:`app.picture`: the
network as ``scorenet render`` draws it, the dashboard scaled onto the slide.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from app.picture.scene import SLIDE_SIZE
from app.common.i18n import translate
from models.atomic import atomic_path

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from app.process.frame import Frame

__all__ = [
    "FIGURE_FORMATS",
    "PNG_DPI",
    "annotation_text",
    "export_figure",
    "export_figure_slide",
    "export_network_slide",
]

#: File suffixes :func:`export_figure` understands, with the matplotlib format name.
FIGURE_FORMATS: dict[str, str] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

#: Resolution of PNG exports: sharp on a 1920-pixel slide at the on-screen layout.
PNG_DPI = 150

_ANNOTATION_PT = 11.0


def annotation_text(frame: Frame, scenario_name: str,
                    changes: Sequence[tuple] = ()) -> dict[str, str]:
    """The context an exported image carries, in plain words, as labelled lines.

    The same words as ``scorenet render``'s and the animation's caption
    (:func:`app.picture.caption.caption_lines`): ``caption`` (scenario, month, seed,
    people), ``weights`` (the rubric as a sentence) and, when settings were changed
    during the run (``changes``: ``(month, key, old, new)``), ``changes``. Callers may
    add a ``legend`` entry (e.g. what node rings mean), drawn on its own line.
    """
    from app.picture.caption import SettingChange, caption_lines

    scenario = frame.scenario.replace({"about.name": str(scenario_name)}) \
        if scenario_name and scenario_name != frame.scenario["about.name"] else frame.scenario
    lines = caption_lines(scenario=scenario, month=int(frame.step),
                          people=int(np.asarray(frame.scores).size),
                          changes=[SettingChange(*c) for c in changes])
    return dict(zip(("caption", "weights", "changes"), lines))


def _annotation_lines(figure: Figure, annotations: Mapping[str, str]) -> list[str]:
    import textwrap

    # About 0.55 em per character in DejaVu Sans; measuring would need a renderer.
    width_pt = figure.get_figwidth() * 72.0
    width_chars = max(30, int(width_pt / (0.55 * _ANNOTATION_PT)))
    lines: list[str] = []
    for text in annotations.values():   # each part its own line(s), broken at spaces
        if text:
            lines.extend(textwrap.wrap(text, width_chars, break_long_words=False))
    return lines


def _caption_top(figure: Figure) -> float:
    """Figure y (fraction) just under the lowest artist, never above the bottom edge."""
    getter = getattr(figure.canvas, "get_renderer", None) or figure._get_renderer
    try:
        lowest = figure.get_tightbbox(getter()).y0 / figure.get_figheight()
    except Exception:  # noqa: BLE001 - a figure that cannot be measured: the edge
        lowest = 0.0
    return min(lowest, 0.0) - 0.01


def _metadata(fmt: str, lines: list[str]) -> dict[str, str]:
    # Each backend accepts a different set of keys; unknown keys warn or raise.
    text = " ".join(lines)
    if fmt == "png":
        return {"Software": "ScoreNet", "Description": text}
    if fmt == "svg":
        return {"Title": "ScoreNet", "Description": text}
    return {"Title": "ScoreNet", "Subject": text, "Creator": "ScoreNet"}


def export_figure(figure: Figure, path: str | os.PathLike[str], *,
                  annotations: Mapping[str, str], dpi: float | None = None) -> Path:
    """Save ``figure`` as PNG, SVG or PDF (by suffix) with ``annotations`` drawn in.

    The annotation is a block of text under the plots (the saved image grows to make
    room for it, nothing is covered). It and any temporary change are undone before
    returning, and the canvas is asked to redraw, so the on-screen figure is unchanged.
    Artists that a view animates by blitting are drawn into the file too.

    Parameters
    ----------
    figure
        The figure to save, typically ``QtDashboard.figure`` or the network view's.
    path
        Where to write; the suffix chooses the format (``.png``, ``.svg``, ``.pdf``).
    annotations
        Parts of the caption, e.g. from :func:`annotation_text`.
    dpi
        Resolution for PNG (default :data:`PNG_DPI`); ignored by vector formats.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        If the suffix is not one of :data:`FIGURE_FORMATS`.
    OSError
        If the file cannot be written (missing folder, no permission, disk full).
    """
    import matplotlib as mpl

    from app.common.figsave import FILE_RC, file_metadata

    path = Path(path)
    fmt = FIGURE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(FIGURE_FORMATS)
        raise ValueError(translate("export", "{file}: unknown image type {suffix}; use one "
                                   "of {known}").format(file=path.name, known=known,
                                                        suffix=repr(path.suffix or '(none)')))
    lines = _annotation_lines(figure, annotations)
    # Below everything the figure draws (its bottom edge, or anything sticking out of
    # it): bbox_inches="tight" then extends the image downward to include the caption,
    # so it never overlaps a plot or a legend.
    caption = figure.text(0.01, _caption_top(figure), "\n".join(lines), ha="left", va="top",
                          fontsize=_ANNOTATION_PT, color="#333333", linespacing=1.4)
    try:
        with atomic_path(path) as tmp, _as_file(figure), \
                mpl.rc_context(FILE_RC):   # FILE_RC: text stays text, no date, fixed ids
            figure.savefig(tmp, format=fmt, dpi=dpi or PNG_DPI, bbox_inches="tight",
                           pad_inches=0.15, metadata=file_metadata(fmt, _metadata(fmt, lines)),
                           facecolor=figure.get_facecolor())
    finally:
        caption.remove()
    return path


@contextlib.contextmanager
def _as_file(figure: Figure):
    """Draw ``figure`` into a file: blitted artists included, the screen left alone."""
    animated = [a for a in figure.findobj() if a is not figure and a.get_animated()]
    for a in animated:
        a.set_animated(False)
    # Text stays text in SVG and PDF: searchable, and editable in slide software.
    # The views' draw_event handlers paint the screen buffer (blitting, recoloured
    # people); run against the file's renderer they would scribble on the image.
    quiet = figure.canvas.callbacks.blocked(signal="draw_event") \
        if figure.canvas is not None else contextlib.nullcontext()
    try:
        with quiet:
            yield
    finally:
        for a in animated:
            a.set_animated(True)
        # savefig fires draw events with the file's renderer; a view that caches a blit
        # background must take a fresh one from the screen.
        if figure.canvas is not None:
            figure.canvas.draw_idle()


def export_figure_slide(figure: Figure, path: str | os.PathLike[str], *,
                        annotations: Mapping[str, str],
                        size: tuple[int, int] = SLIDE_SIZE) -> Path:
    """Save ``figure`` as a 16:9 slide (``size`` pixels, PNG or SVG): the figure as large
    as fits, centred, with ``annotations`` under it in slide-sized text."""
    import io

    import matplotlib as mpl
    import matplotlib.image as mpimg
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as _Figure

    path = Path(path)
    fmt = FIGURE_FORMATS.get(path.suffix.lower())
    if fmt not in ("png", "svg"):
        raise ValueError(translate("export", "{file}: a slide is a PNG or SVG image, not "
                                   "{suffix}").format(file=path.name,
                                                      suffix=repr(path.suffix or "(none)")))
    w, h = size
    slide = _Figure(figsize=(w / 100, h / 100), dpi=100, facecolor="white")
    FigureCanvasAgg(slide)
    pt = h / 1080 * 15.0
    text = slide.text(0.02, 0.02, "", ha="left", va="bottom", fontsize=pt, color="#333333",
                      linespacing=1.35)
    chars = int(0.96 * w / (0.55 * pt * 100 / 72))
    import textwrap

    lines = [line for t in annotations.values() if t
             for line in textwrap.wrap(t, chars, break_long_words=False)]
    text.set_text("\n".join(lines))
    caption_px = (len(lines) + 1) * pt * 1.35 * 100 / 72 + 0.02 * h
    room_w, room_h = 0.96 * w, h - caption_px - 0.04 * h
    dpi = min(room_w / figure.get_figwidth(), room_h / figure.get_figheight())
    buffer = io.BytesIO()
    with _as_file(figure):
        figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor())
    buffer.seek(0)
    image = mpimg.imread(buffer)
    ih, iw = image.shape[:2]
    ax = slide.add_axes(((w - iw) / 2 / w, (caption_px + (room_h - ih) / 2 + 0.02 * h) / h,
                         iw / w, ih / h))
    ax.imshow(image, interpolation="none")
    ax.set_axis_off()
    with atomic_path(path) as tmp, mpl.rc_context({"svg.fonttype": "none"}):
        slide.savefig(tmp, format=fmt, dpi=100, metadata=_metadata(fmt, lines),
                      facecolor="white")
    return path


def export_network_slide(frame, path: str | os.PathLike[str], changes: Sequence = (),
                         size: tuple[int, int] = SLIDE_SIZE) -> Path:
    """The network on a 16:9 slide as ``scorenet render`` draws it (PNG or SVG): ``frame``
    (a :class:`~app.picture.scene.PictureFrame`), its caption naming ``changes``
    (:class:`~app.picture.caption.SettingChange`) made up to its month."""
    from app.picture.scene import Board

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(translate("export", "{file}: a slide is a PNG or SVG image, not "
                                   "{suffix}").format(file=path.name,
                                                      suffix=repr(path.suffix or "(none)")))
    board = Board(size)
    picture = board.pictures[0]
    picture.set_changes(changes)
    picture.show(frame)
    with atomic_path(path) as tmp:
        board.save(tmp, fmt)
    return path
