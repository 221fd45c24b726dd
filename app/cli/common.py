"""What every ``scorenet`` subcommand shares: the usage error, ``--set`` overrides and
a progress bar. Imports no Qt and nothing heavy at module level.
"""

from __future__ import annotations

import argparse
import time

__all__ = ["UsageError", "overrides", "Progress", "add_scenario_options"]


class UsageError(Exception):
    """A mistake on the command line (exit status 2)."""


def add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """The options that pick and adjust a scenario, shared by the headless commands."""
    parser.add_argument("scenario", nargs="?", default="default",
                        help="a scenario TOML file or a preset name (default: %(default)s)")
    parser.add_argument("--steps", type=int, help="number of steps (overrides run.steps)")
    parser.add_argument("--seed", type=int, help="random seed (overrides run.seed)")
    parser.add_argument("--graph", metavar="FILE",
                        help="use this graph file (GraphML, GEXF, GML or edge list)")
    parser.add_argument("--set", dest="sets", action="append", default=[],
                        metavar="KEY=VALUE",
                        help="override any parameter, e.g. --set rubric.social=0.4 "
                             "(repeatable)")


def overrides(args: argparse.Namespace) -> dict:
    from models.scenario import parse_value

    out: dict = {}
    for item in args.sets:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"--set {item!r}: expected KEY=VALUE, e.g. rubric.social=0.4")
        out[key] = parse_value(value.strip())
    if args.graph is not None:
        from pathlib import Path

        out["network.kind"] = "file"
        out["network.path"] = str(Path(args.graph).resolve())
    if args.steps is not None:
        out["run.steps"] = args.steps
    if args.seed is not None:
        out["run.seed"] = args.seed
    return out


class Progress:
    """A progress bar on a terminal, sparse lines otherwise, nothing when quiet."""

    def __init__(self, stream, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.start = time.perf_counter()
        self.last = -1.0

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total <= 0:
            return
        now = time.perf_counter()
        if done < total and now - self.last < (0.1 if self.tty else 5.0):
            return
        self.last = now
        if self.tty:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {done}/{total} steps  {now - self.start:6.1f} s")
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(f"step {done}/{total} ({now - self.start:.1f} s)\n")
        self.stream.flush()
