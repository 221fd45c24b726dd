"""Finished sweep runs kept on disk, one file each, so that a stopped sweep resumes.

Each run is stored as ``<key>.npz`` (its key, its metric column names and a float64
table, so numbers read back bit for bit), written atomically: a run is either wholly
there or not at all, whatever stops the sweep. A file that cannot be trusted (emptied,
not an npz, arrays missing or of the wrong shape, a symlink, or another run's file under
this name: its stored key differs) counts as missing, so that run is computed again;
pickles are never loaded. The key is a hash of everything that decides the
run's numbers: every model parameter (not the scenario's name or description), the
graph file's size and modification time, and the ScoreNet version. Running the same
sweep again finds the runs already done; changing anything that matters runs anew.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..atomic import atomic_path
from ..scenario import Scenario

__all__ = ["RunStore", "run_key", "scorenet_version"]


def scorenet_version() -> str:
    """The installed ScoreNet version, or ``"unknown"`` when run from a bare checkout."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scorenet")
    except PackageNotFoundError:
        return "unknown"


def run_key(scenario: Scenario, version: str | None = None) -> str:
    """A hash of what decides a run's numbers.

    Examples
    --------
    >>> a = Scenario({"about.name": "a"})
    >>> run_key(a) == run_key(Scenario({"about.name": "b"}))
    True
    >>> run_key(a) == run_key(a.replace({"rubric.social": 0.3}))
    False
    """
    values = {k: repr(v) for k, v in scenario.items() if not k.startswith("about.")}
    graph = scenario.graph_path()
    if graph is not None:
        try:
            st = os.stat(graph)
            values["graph file"] = f"{graph.resolve()}|{st.st_size}|{st.st_mtime_ns}"
        except OSError:
            values["graph file"] = str(graph)
    values["scorenet version"] = version if version is not None else scorenet_version()
    text = json.dumps(values, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class RunStore:
    """A folder of finished runs.

    Parameters
    ----------
    folder
        Created on the first save.
    note
        Called with one line when a run file is damaged and will be computed again.

    Examples
    --------
    >>> import tempfile
    >>> store = RunStore(tempfile.mkdtemp())
    >>> store.save("k", ("step", "x"), np.array([[0.0, 0.1]]))
    >>> cols, values = store.load("k")
    >>> cols, values.tolist(), "k" in store
    (('step', 'x'), [[0.0, 0.1]], True)
    """

    def __init__(self, folder: str | os.PathLike[str],
                 note: Callable[[str], None] | None = None) -> None:
        self.folder = Path(folder)
        self.note = note

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.npz"

    def __contains__(self, key: str) -> bool:
        """Whether the run is kept and its file reads back (a damaged file is not a kept
        run: it is computed again), without a note."""
        try:
            self.load(key, quiet=True)
        except KeyError:
            return False
        return True

    def load(self, key: str, *, quiet: bool = False) -> tuple[tuple[str, ...], np.ndarray]:
        """The run's metric column names and values (rows are steps); KeyError when the
        run is not stored or its file is damaged (after a note, unless ``quiet``)."""
        path = self._path(key)
        if not os.path.lexists(path):
            raise KeyError(key)
        try:
            if path.is_symlink() or not path.is_file():
                # A link could point anywhere (/etc/passwd); save() never makes one.
                problem = "not a regular file"
            else:
                with np.load(path, allow_pickle=False) as data:
                    return _checked(data, key)
        except _Damaged as exc:
            problem = str(exc)
        except Exception as exc:   # noqa: BLE001 - any damage: the run is made again
            problem = f"not a run file: {type(exc).__name__}"
        if self.note is not None and not quiet:
            from ..errors import printable

            self.note(f"{printable(path, 200)}: damaged sweep run file ({problem}); "
                      "computing that run again")
        raise KeyError(key)

    def get(self, key: str) -> tuple[tuple[str, ...], np.ndarray] | None:
        """The stored run, or None when it is missing or damaged."""
        try:
            return self.load(key)
        except KeyError:
            return None

    def save(self, key: str, columns: tuple[str, ...], values: np.ndarray) -> None:
        """Keep one finished run (atomically)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        if path.is_symlink() or (path.exists() and not path.is_file()):
            # A damaged entry (a link to /etc/passwd, a pipe): replace the entry itself;
            # writing through it would overwrite whatever it points at.
            path.unlink()
        with atomic_path(path) as tmp, open(tmp, "wb") as fh:
            # A file object, so numpy does not add its own suffix to the temporary name.
            np.savez(fh, key=np.array(key), columns=np.array(columns, dtype=str),
                     values=np.ascontiguousarray(values, dtype=np.float64))


class _Damaged(ValueError):
    """A readable npz that is not this run's file."""


def _checked(data, key: str) -> tuple[tuple[str, ...], np.ndarray]:
    """The run in an open npz, or _Damaged saying why it cannot be this run's."""
    for name in ("key", "columns", "values"):
        if name not in data.files:
            raise _Damaged(f"no {name!r} array")
    stored, columns, values = data["key"], data["columns"], data["values"]
    if stored.shape != () or str(stored) != key:
        raise _Damaged("it holds another run")
    if columns.ndim != 1 or columns.dtype.kind != "U":
        raise _Damaged("bad column names")
    if values.dtype != np.float64 or values.ndim != 2 or values.shape[1] != len(columns):
        raise _Damaged("bad table shape")
    return tuple(str(c) for c in columns), np.array(values)
