"""Exports of figures, with their context drawn in (the CSV tables: app.process.tables).

A figure exported for a slide or a report must say what it shows without the app next to
it, so :func:`export_figure` draws the scenario, step, seed and rubric weights into the
image, below the plots, and removes that text again afterwards so the on-screen figure is
unchanged.

Every writer is atomic (temporary file, then rename) and lets ``OSError`` through for the
caller to show in a dialog. Animations (``save_animation``) are not implemented.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from models.atomic import atomic_path
from models.schema import RUBRIC_KEYS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from app.process.frame import Frame

__all__ = [
    "FIGURE_FORMATS",
    "PNG_DPI",
    "annotation_text",
    "export_figure",
]

#: File suffixes :func:`export_figure` understands, with the matplotlib format name.
FIGURE_FORMATS: dict[str, str] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

#: Resolution of PNG exports: sharp on a 1920-pixel slide at the on-screen layout.
PNG_DPI = 150

_SEP = " \u00b7 "  # a middle dot between the parts of the annotation
_ANNOTATION_PT = 11.0


def _percent(share: float) -> str:
    """``35%``, or ``12.5%`` when a whole number would hide a real difference."""
    pct = 100.0 * share
    return f"{pct:.0f}%" if abs(pct - round(pct)) < 0.05 else f"{pct:.1f}%"


def annotation_text(frame: Frame, scenario_name: str) -> dict[str, str]:
    """The context an exported image carries, as ordered, labelled parts.

    Keys are ``app``, ``scenario``, ``step``, ``seed``, ``people`` and ``weights``; the
    values are the texts drawn (joined by middle dots) by :func:`export_figure`. Callers
    may add a ``legend`` entry (e.g. what node rings mean), drawn on its own line.
    """
    weights = ", ".join(f"{k} {_percent(frame.weights[k])}" for k in RUBRIC_KEYS)
    return {
        "app": "ScoreNet",
        "scenario": str(scenario_name),
        "step": f"step {frame.step}",
        "seed": f"seed {frame.scenario['run.seed']}",
        "people": f"{int(np.asarray(frame.scores).size):,} people",
        "weights": f"weights: {weights}",
    }


def _wrap_parts(parts: list[str], width_chars: int) -> list[str]:
    """Pack parts into lines no longer than ``width_chars``, never splitting a part."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(_SEP) + len(part) <= width_chars:
            lines[-1] += _SEP + part
        else:
            lines.append(part)
    return lines


def _annotation_lines(figure: Figure, annotations: Mapping[str, str]) -> list[str]:
    # About 0.55 em per character in DejaVu Sans; measuring would need a renderer.
    width_pt = figure.get_figwidth() * 72.0
    width_chars = max(30, int(width_pt / (0.55 * _ANNOTATION_PT)))
    parts = [v for k, v in annotations.items() if k != "legend" and v]
    lines = _wrap_parts(parts, width_chars)
    if annotations.get("legend"):
        lines.append(annotations["legend"])
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
        raise ValueError(f"{path.name}: unknown image type {path.suffix or '(none)'!r}; "
                         f"use one of {known}")
    lines = _annotation_lines(figure, annotations)
    # Below everything the figure draws (its bottom edge, or anything sticking out of
    # it): bbox_inches="tight" then extends the image downward to include the caption,
    # so it never overlaps a plot or a legend.
    caption = figure.text(0.01, _caption_top(figure), "\n".join(lines), ha="left", va="top",
                          fontsize=_ANNOTATION_PT, color="#333333", linespacing=1.4)
    animated = [a for a in figure.findobj() if a is not figure and a.get_animated()]
    for a in animated:
        a.set_animated(False)
    try:
        # Text stays text in SVG and PDF: searchable, and editable in slide software.
        # The views' draw_event handlers paint the screen buffer (blitting, recoloured
        # people); run against the file's renderer they would scribble on the image.
        quiet = figure.canvas.callbacks.blocked(signal="draw_event") \
            if figure.canvas is not None else contextlib.nullcontext()
        with atomic_path(path) as tmp, quiet, \
                mpl.rc_context(FILE_RC):   # FILE_RC: no date, fixed ids: same bytes
            figure.savefig(tmp, format=fmt, dpi=dpi or PNG_DPI, bbox_inches="tight",
                           pad_inches=0.15, metadata=file_metadata(fmt, _metadata(fmt, lines)),
                           facecolor=figure.get_facecolor())
    finally:
        caption.remove()
        for a in animated:
            a.set_animated(True)
        # savefig fires draw events with the file's renderer; a view that caches a blit
        # background must take a fresh one from the screen.
        if figure.canvas is not None:
            figure.canvas.draw_idle()
    return path
