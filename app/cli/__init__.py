"""The ``scorenet`` command: headless subcommands, or the desktop app.

Each subcommand lives in a module of this package with ``add_parser(sub)`` and
``run(args) -> int``; :data:`COMMANDS` lists them. Nothing here imports Qt or
matplotlib, so headless commands start fast and work on machines without a display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app.cli.common import UsageError

__all__ = ["main", "build_parser", "COMMANDS", "UsageError"]

#: Subcommand name -> module in this package (``gui`` is also the default).
COMMANDS = {"run": "app.cli.run", "gui": "app.cli.gui"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scorenet",
        description="Simulate what a social credit score does to a society.",
        epilog="Without a command, opens the desktop app on the default scenario.")
    sub = parser.add_subparsers(dest="command")
    for module in COMMANDS.values():
        importlib.import_module(module).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scorenet`` command; returns the exit status."""
    from models.errors import ScenarioError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *([] if argv is None else argv)])
    try:
        return importlib.import_module(COMMANDS[args.command]).run(args)
    except (ScenarioError, UsageError) as exc:
        sys.stderr.write(f"scorenet: {exc}\n")
        return 2
    except OSError as exc:
        # Output files that cannot be written: a user problem, not a crash.
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        sys.stderr.write(f"scorenet: {where}{exc.strerror or exc}\n")
        return 2
    except MemoryError:
        sys.stderr.write("scorenet: out of memory: the network is too large for this "
                         "machine (try fewer people or a lower mean degree)\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("scorenet: interrupted\n")
        return 130
