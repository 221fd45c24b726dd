"""Atomic file writes: a temporary file in the target folder, then one rename.

A crash or a full disk never leaves a half-written scenario, CSV or image behind, and
the new file gets the permissions an ordinary new file would (or keeps the old file's).
A symbolic link is written through (its target is replaced, the link stays); a device or
a pipe (``/dev/stdout``, a FIFO) is written to directly, since it cannot be renamed over.
Errors name the user's path, never the temporary file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "write_text_atomic", "check_writable"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _error(exc: OSError, path: Path) -> OSError:
    """The same error, naming ``path`` instead of whatever file the OS call used."""
    return type(exc)(exc.errno, exc.strerror or str(exc), str(path))


def _mode(path: Path) -> int | None:
    """``st_mode`` of what ``path`` points to (links followed), None if nothing."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _error(exc, path) from None


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise OSError naming ``path`` if a file could not be written there.

    Used before long work so that a typo in an output path does not throw a run away.
    """
    path = Path(path)
    mode = _mode(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        if not os.access(path, os.W_OK):
            raise PermissionError(13, "Permission denied", str(path))
        return
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(13, "Permission denied", str(path))


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a path to write to; on success its content ends up at ``path``.

    On an exception nothing is left behind and ``path`` is as it was (for regular
    files).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("hello")
    >>> target.read_text()
    'hello'
    """
    path = Path(path)
    mode = _mode(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        yield path   # a device or a pipe (/dev/stdout): write straight to it
        return
    target = Path(os.path.realpath(path))   # through symbolic links to the real file
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent)
    except OSError as exc:
        raise _error(exc, path) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp creates 0600 files; give the result the mode a plain open() would.
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError) and exc.filename == str(tmp):
            raise _error(exc, path) from None
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        if tmp.is_file():
            os.fsync(fh.fileno())
