"""Where a bug's traceback goes: a log file the user can attach to a report.

A user's mistake (a bad file, a bad value) is a one-line message and never logged here;
an unexpected exception is a bug: its traceback is appended to :func:`log_path` (and
printed to stderr, for whoever runs the app from a terminal or a test), and the window
says "internal error, please report" with that path. Qt-free: the model's child process
logs its own bugs.
"""

from __future__ import annotations

import datetime
import os
import sys
import traceback
from pathlib import Path

__all__ = ["log_path", "log_exception", "please_report"]

#: The log file is cut to its last half once it grows past this size.
MAX_LOG_BYTES = 1_000_000


def log_path() -> Path:
    """The error log: ``$SCORENET_LOG`` if set, else ``errors.log`` in the user's state
    folder (``$XDG_STATE_HOME/scorenet``, ``~/Library/Logs/ScoreNet`` on macOS,
    ``%LOCALAPPDATA%\\ScoreNet\\Logs`` on Windows).

    Examples
    --------
    >>> log_path().name
    'errors.log'
    """
    given = os.environ.get("SCORENET_LOG")
    if given:
        return Path(given)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "ScoreNet" / "errors.log"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ScoreNet" / "Logs" / "errors.log"
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "scorenet" / "errors.log"


def log_exception(exc: BaseException, where: str = "") -> str | None:
    """Append ``exc``'s traceback to the log and to stderr; the log's path, or None
    when the log cannot be written (then stderr alone has it)."""
    text = "".join(traceback.format_exception(exc))
    print(text, file=sys.stderr, end="")
    path = log_path()
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > MAX_LOG_BYTES:
            keep = path.read_bytes()[-MAX_LOG_BYTES // 2:]
            path.write_bytes(keep)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} pid {os.getpid()} {where}\n{text}\n")
    except OSError:
        return None
    return str(path)


def please_report(message: str, log: str | None) -> str:
    """What the window says about a bug: its one-line message, then where the log is.

    Examples
    --------
    >>> print(please_report("Internal error in the model: KeyError: 'x'", "/tmp/errors.log"))
    Internal error in the model: KeyError: 'x'
    <BLANKLINE>
    This is a bug in ScoreNet: please report it, with the log file
    /tmp/errors.log
    """
    where = f"with the log file\n{log}" if log else "with the text printed in the terminal"
    return f"{message}\n\nThis is a bug in ScoreNet: please report it, {where}"
