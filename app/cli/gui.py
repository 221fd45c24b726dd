"""``scorenet gui [SCENARIO] [--lesson NAME]``: open the desktop app (also what
``scorenet`` alone does, and ``scorenet PRESET``), optionally on a guided lesson."""

from __future__ import annotations

import argparse

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    """Register ``gui`` on the subcommand parsers ``sub``."""
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("scenario", nargs="?", default="default",
                     help="a scenario TOML file or a preset name (default: %(default)s)")
    gui.add_argument("--lesson", metavar="NAME",
                     help="open this guided lesson (a name from `scorenet lessons`, or a "
                          "lesson file)")
    gui.add_argument("--present", action="store_true",
                     help="start in presentation mode (full screen, large text)")


def run(args: argparse.Namespace) -> int:
    lesson = None
    if args.lesson is not None:
        from models.lessons import load_lesson

        lesson = load_lesson(args.lesson, lang=None)   # the environment's language; a bad
        # lesson: one line on stderr, exit 2
    from app.window.start import run_app

    return run_app(args.scenario, lesson=lesson, present=args.present)
