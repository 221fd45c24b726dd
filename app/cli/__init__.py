"""The ``scorenet`` command: headless subcommands, or the desktop app.

Each subcommand lives in a module of this package with ``add_parser(sub)`` and
``run(args) -> int``; :data:`COMMANDS` lists them. Nothing here imports Qt or
matplotlib, so headless commands start fast and work on machines without a display.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from app.cli.common import UsageError
from app.common.language import gettext as _

__all__ = ["main", "build_parser", "COMMANDS", "UsageError", "Interrupted"]

#: Subcommand name -> module in this package (``gui`` is also the default).
COMMANDS = {"run": "app.cli.run", "sweep": "app.cli.sweep", "render": "app.cli.render",
            "gui": "app.cli.gui", "lessons": "app.cli.lessons"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scorenet",
        description="Simulate what a social credit score does to a society.",
        epilog="Without a command, opens the desktop app: `scorenet PRESET` is "
               "`scorenet gui PRESET`.")
    sub = parser.add_subparsers(dest="command")
    for module in COMMANDS.values():
        importlib.import_module(module).add_parser(sub)
    return parser


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; unwinding removes temporary files on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame) -> None:
    # Further signals are ignored so that the clean-up on the way out runs to the end.
    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, signal.SIG_IGN)
    raise Interrupted(signum)


def _catch_signals() -> None:
    """SIGINT and SIGTERM unwind the stack (exit 130 / 143), in the main thread only."""
    import threading

    if threading.current_thread() is threading.main_thread():
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, _on_signal)


def _internal_error(exc: BaseException) -> int:
    """A bug, not a user mistake: the traceback to a log file, one line to the user."""
    import tempfile
    import traceback

    text = "".join(traceback.format_exception(exc))
    try:
        fd, log = tempfile.mkstemp(prefix="scorenet-error-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"scorenet {' '.join(sys.argv[1:])}\n{text}")
        where = _("details in {log}").format(log=log)
    except OSError:
        where = _("no log file could be written")
    from models.errors import printable

    sys.stderr.write("scorenet: " + _("internal error, please report ({where}): "
                                      "{kind}: {text}").format(
        where=where, kind=type(exc).__name__, text=printable(exc, 200)) + "\n")
    return 70


def _pipe_closed() -> int:
    """Standard output's reader left (``scorenet run | head``): quiet, as other tools
    are; what is still buffered goes nowhere, so Python's exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 128 + int(getattr(signal, "SIGPIPE", 13))


def _opens_the_app(first: str) -> bool:
    """True when the first argument is a scenario or an option of ``gui``, not a command
    (a mistyped command stays a usage error)."""
    if first in COMMANDS or first in ("-h", "--help"):
        return False
    if first.startswith("-"):
        return True
    from pathlib import Path

    from models.scenario import preset_names

    return first in preset_names() or first.lower().endswith(".toml") or Path(first).exists()


def _nul_argument(argv: list[str]) -> str | None:
    """The option (or the argument) whose value holds a NUL character, else None: no
    file name can, and the file system calls raise ValueError on one (only a program
    calling ``main`` can pass it: a shell cannot)."""
    from models.errors import printable

    for k, arg in enumerate(argv):
        if "\x00" in arg:
            if arg.startswith("--"):
                return arg.split("=", 1)[0]
            return argv[k - 1] if k and argv[k - 1].startswith("-") else printable(arg, 200)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scorenet`` command; returns the exit status.

    Exit status: 0 done, 2 a user mistake (one line on stderr), 70 an internal error
    (one line, the traceback in a log file; ``SCORENET_DEBUG=1`` raises it instead),
    130 interrupted (SIGINT), 143 terminated (SIGTERM).
    """
    if argv is None:
        _catch_signals()
    try:
        status = _main(argv)
        sys.stdout.flush()   # here, so that a reader that left is seen below
        return status
    except BrokenPipeError:
        return _pipe_closed()
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        sys.stderr.write("scorenet: " + (_("terminated") if signum == signal.SIGTERM
                                         else _("interrupted")) + "\n")
        return 128 + int(signum)


def _main(argv: Sequence[str] | None) -> int:
    from models.errors import ScenarioError

    parser = build_parser()
    given = argv
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = _nul_argument(argv)
    if bad is not None:
        # In English, as the models' own "contains a NUL character" for a scenario value.
        sys.stderr.write(f"scorenet: {bad}: contains a NUL character\n")
        return 2
    if argv and _opens_the_app(argv[0]):
        # `scorenet friends_count`, `scorenet my.toml`, `scorenet --lesson x`: the app.
        argv = ["gui", *argv]
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui"])
    args.argv = list(sys.argv[1:] if given is None else given)
    if args.command == "gui" and given is None:   # the app handles its own signals
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        return importlib.import_module(COMMANDS[args.command]).run(args)
    except (ScenarioError, UsageError) as exc:
        sys.stderr.write(f"scorenet: {exc}\n")
        return 2
    except BrokenPipeError:
        raise   # the reader of standard output left: main() exits quietly
    except OSError as exc:
        # Files that cannot be read or written: a user problem, not a crash.
        from models.errors import printable

        where = f"{printable(exc.filename, 200)}: " if getattr(exc, "filename", None) else ""
        sys.stderr.write(f"scorenet: {where}{printable(exc.strerror or exc, 200)}\n")
        return 2
    except MemoryError:
        sys.stderr.write("scorenet: " + _("out of memory: the network is too large for this "
                                          "machine (try fewer people or a lower mean "
                                          "degree)") + "\n")
        return 2
    except Exception as exc:   # noqa: BLE001 - a bug: reported, logged, not shown raw
        if os.environ.get("SCORENET_DEBUG"):
            raise
        return _internal_error(exc)
