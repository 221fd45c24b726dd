"""``scorenet gui [SCENARIO]``: open the desktop app (also what ``scorenet`` alone does)."""

from __future__ import annotations

import argparse

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    """Register ``gui`` on the subcommand parsers ``sub``."""
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("scenario", nargs="?", default="default",
                     help="a scenario TOML file or a preset name (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    from app.window.start import run_app

    return run_app(args.scenario)
