"""``scorenet render``: an animation or a still of a run, headless, for slides.

    scorenet render SCENARIO [--steps N] [--seed S] [--set K=V ...] [--compare K=V ...]
                    --out FILE.gif|.mp4|.png|.svg [--size WxH] [--fps F]

The picture is the app's network view (:mod:`app.picture`): the living layout, the
legend, and a caption with the scenario, month, seed and weights. ``--compare`` renders
an A/B pair side by side: two simulations with the same seed, people and initial
positions, B with the overrides given. ``N`` steps give ``N + 1`` frames (month 0 too);
PNG and SVG are the last frame. Imports matplotlib only when it runs, never Qt.
"""

from __future__ import annotations

import argparse
import re
import sys

from app.cli.common import Progress, UsageError, add_scenario_options, load_from_args
from app.cli.outputs import check_paths, folder_error, scenario_inputs
from app.common.language import gettext as _

__all__ = ["add_parser", "run", "parse_size"]

MAX_SIDE = 7680
DEFAULT_FPS = 8.0


def add_parser(sub) -> None:
    """Register ``render`` on the subcommand parsers ``sub``."""
    p = sub.add_parser(
        "render", help="draw a run as an animation (MP4, GIF) or a still (PNG, SVG)",
        description="Draw a run of a scenario as the app shows it, without a window.")
    add_scenario_options(p)
    p.add_argument("--compare", action="append", default=[], metavar="KEY=VALUE",
                   help="render A and B side by side; B is A with these overrides "
                        "(repeatable), e.g. --compare rubric.social=0.4")
    # Checked by hand, not by argparse, so that a mistake is one line.
    p.add_argument("--out", metavar="FILE", help="FILE.mp4, .gif, .png or .svg (required)")
    p.add_argument("--size", metavar="WxH",
                   help="pixels of one picture (default 1920x1080; GIF 960x540)")
    p.add_argument("--fps", metavar="F", help=f"frames (months) per second "
                                              f"(default {DEFAULT_FPS:g})")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` -> ``(1280, 720)``; UsageError for anything else.

    Examples
    --------
    >>> parse_size("640X360")
    (640, 360)
    """
    m = re.fullmatch(r"\s*(\d{1,6})\s*[xX]\s*(\d{1,6})\s*", text)
    if not m:
        raise UsageError(_("--size {text}: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080")
                         .format(text=repr(text)))
    w, h = int(m.group(1)), int(m.group(2))
    if not (64 <= w <= MAX_SIDE and 64 <= h <= MAX_SIDE):
        raise UsageError(_("--size {text}: each side must be 64 to {max} pixels").format(
            text=repr(text), max=MAX_SIDE))
    return w, h


def _fps(text: str | None) -> float:
    if text is None:
        return DEFAULT_FPS
    try:
        fps = float(text)
    except ValueError:
        raise UsageError(_("--fps {text}: expected a number of frames per second").format(
            text=repr(text))) from None
    if not 0.1 <= fps <= 120:
        raise UsageError(_("--fps {text}: must be between 0.1 and 120").format(text=repr(text)))
    return fps


def _compare_overrides(items: list[str]) -> dict:
    from models.scenario import parse_value
    from models.schema import FIELD_BY_NAME

    out: dict = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(_("--compare {item}: expected KEY=VALUE, e.g. rubric.social=0.4")
                             .format(item=repr(item)))
        field = FIELD_BY_NAME.get(key)
        if field is not None and field.rebuild:
            # A and B share the people, the network and the seed; this would change them.
            raise UsageError(_("--compare {key}: changes the people or the network; A and B "
                               "must share them (use --set for both)").format(key=key))
        out[key] = parse_value(value.strip())
    return out


def run(args: argparse.Namespace) -> int:
    import os

    if not args.out or not args.out.strip():
        raise UsageError(_("--out FILE is required (.mp4, .gif, .png or .svg)"))
    from app.picture.movie import movie_format, movie_size

    if os.path.isdir(args.out) or args.out.endswith(("/", os.sep)):
        raise folder_error(args.out, "--out")
    try:
        fmt = movie_format(args.out)
    except ValueError as exc:
        raise UsageError(f"--out {exc}") from None
    size = parse_size(args.size) if args.size else movie_size(args.out)
    fps = _fps(args.fps)
    if args.steps is not None and args.steps < 0:
        raise UsageError(_("--steps {n}: must be 0 or more").format(n=args.steps))
    compare = _compare_overrides(args.compare)
    scenario = load_from_args(args)   # a bad --set/--steps/--seed names the option
    scenarios = [scenario]
    if args.compare:
        scenarios.append(scenario.replace(compare, blame="--compare"))
    # Not over an input (a graph is read by its content, so graph.png can be one).
    check_paths([("--out", args.out, None)], scenario_inputs(scenario), bare=("--out",))
    return _render(scenarios, args, fmt, size, fps)


def _render(scenarios, args, fmt: str, size: tuple[int, int], fps: float) -> int:
    from models.simulation import Simulation

    from app.picture.fonts import use_cjk_fonts
    from app.picture.movie import living_frames, write_movie, written_size

    use_cjk_fonts()
    steps = int(scenarios[0]["run.steps"])
    if not args.quiet:
        sys.stderr.write(_("building {name}...").format(name=scenarios[0].name) + "\n")
    sims = [Simulation(sc) for sc in scenarios]
    labels = ("A", "B") if len(sims) == 2 else ("",)
    progress = _progress(steps + 1, args.quiet)
    try:
        frames = write_movie(living_frames(sims, steps), args.out, total=steps + 1,
                             size=size, fps=fps, labels=labels, progress=progress)
    finally:
        close = getattr(progress, "close", None)
        if close is not None:
            close()
    if not args.quiet:
        w, h = written_size(fmt, size, len(sims))
        odd = _(" (H.264 needs even sides: the odd last column or row dropped)") \
            if (w, h) != (size[0] * len(sims), size[1]) else ""
        if fmt in (".png", ".svg"):
            text = (_("wrote {out}: the last of 1 frame, {w}x{h}") if frames == 1
                    else _("wrote {out}: the last of {n} frames, {w}x{h}"))
        else:
            text = (_("wrote {out}: 1 frame, {w}x{h}") if frames == 1
                    else _("wrote {out}: {n} frames, {w}x{h}"))
        sys.stderr.write(text.format(out=args.out, n=frames, w=w, h=h) + odd + "\n")
    return 0


class _Tqdm:
    """tqdm's bar, fed the same ``(done, total)`` calls as :class:`Progress`."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="frame", file=sys.stderr, leave=True)

    def __call__(self, done: int, total: int) -> None:
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        self.bar.close()


def _progress(total: int, quiet: bool):
    if not quiet and sys.stderr.isatty():
        return _Tqdm(total)
    lines = Progress(sys.stderr, quiet)
    # Frame 1 is month 0: count the steps, as ``scorenet run`` does.
    return lambda done, total: lines(done - 1, total - 1)
