"""Atomic file writes: a temporary file in the target folder, then one rename.

A crash or a full disk never leaves a half-written scenario, CSV or image behind, and
the new file gets the permissions an ordinary new file would (or keeps the old file's).
A symbolic link is written through (its target is replaced, the link stays); a device or
a pipe (``/dev/stdout``, a FIFO) is written to directly, since it cannot be renamed over.
Errors name the user's path, never the temporary file.
"""

from __future__ import annotations

import errno
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


def _tmp_prefix(name: str) -> str:
    """A temporary-file prefix that keeps the name's start but always fits NAME_MAX."""
    return f".{name[:64]}."


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise OSError naming ``path`` if a file could not be written there.

    Used before long work so that a typo in an output path does not throw a run away.
    A path ending in a slash names a folder; a FIFO with no reader would block, so it is
    refused; otherwise a probe file is created (and removed) beside the target, which
    catches missing folders, permissions, read-only and pseudo file systems (``/proc``,
    ``/sys``) alike, and the name is checked against the file system's length limit.
    """
    text = os.fspath(path)
    if text.endswith(("/", os.sep)):
        raise IsADirectoryError(21, "Names a folder (ends with a slash), not a file", text)
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
        if path.is_symlink():   # dangling: written through to its target
            pass
    except OSError as exc:
        raise _error(exc, path) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if mode is not None and stat.S_ISFIFO(mode):
        # Held open until the real write: closing the probe would give the reader an
        # end of file (``cat`` would leave), and the write at the end would find none.
        _release(path)
        _HELD[os.path.realpath(path)] = _probe_reader(path, keep=True)
        return
    if mode is not None and not stat.S_ISREG(mode):
        if not os.access(path, os.W_OK):
            raise PermissionError(13, "Permission denied", str(path))
        return
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path))
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    if len(os.fsencode(target.name)) > limit:
        raise OSError(errno.ENAMETOOLONG, f"File name too long (longer than {limit} bytes)",
                      str(path))
    try:
        fd, probe = tempfile.mkstemp(prefix=_tmp_prefix(target.name), suffix=".probe",
                                     dir=folder)
    except OSError as exc:
        raise _error(exc, path) from None
    os.close(fd)
    os.unlink(probe)


_HELD: dict[str, int] = {}   # named pipes checked by check_writable, held open till written


def _release(path: Path) -> None:
    fd = _HELD.pop(os.path.realpath(path), None)
    if fd is not None:
        os.close(fd)


def _probe_reader(path: Path, keep: bool = False) -> int | None:
    """Raise OSError naming ``path`` if the named pipe has no process reading it.

    Opening a FIFO for writing blocks until a reader comes, so a reader that left during
    a long run would hang the write at its end; a non-blocking open says so at once.
    With ``keep`` the probe's descriptor is returned open, else closed.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(exc.errno, "Named pipe with no process reading it", str(path)) \
                from None
        raise _error(exc, path) from None
    if keep:
        return fd
    os.close(fd)
    return None


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
        if not stat.S_ISFIFO(mode):
            yield path   # a device (/dev/stdout, /dev/null): write straight to it
            return
        try:
            _probe_reader(path)   # checked again now: its reader may have left meanwhile
            yield path
        finally:
            _release(path)   # after the writer's own close: the reader sees one end of file
        return
    if mode is None and not Path(os.path.realpath(path)).parent.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path))
    target = Path(os.path.realpath(path))   # through symbolic links to the real file
    try:
        fd, name = tempfile.mkstemp(prefix=_tmp_prefix(target.name), suffix=".tmp",
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
