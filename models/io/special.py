"""Whether a path is a file one can read: kept apart from :mod:`models.io.read` so that
resolving a scenario name does not import every graph reader (start-up time)."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

__all__ = ["special_file_problem"]


def special_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (None when it is a readable regular file)."""
    if "\x00" in str(path):   # os.stat raises ValueError, not OSError, for these
        return "contains a NUL character"
    try:
        st = path.stat()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            return "file not found" if not path.is_symlink() else \
                "broken symbolic link (its target does not exist)"
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read: {exc.strerror or exc}"
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None
