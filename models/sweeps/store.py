"""Finished sweep runs kept on disk, one file each, so that a stopped sweep resumes.

Each run is stored as ``<key>.npz`` (its metric column names and a float64 table, so
numbers read back bit for bit), written atomically: a run is either wholly there or
not at all, whatever stops the sweep. The key is a hash of everything that decides the
run's numbers: every model parameter (not the scenario's name or description), the
graph file's size and modification time, and the ScoreNet version. Running the same
sweep again finds the runs already done; changing anything that matters runs anew.
"""

from __future__ import annotations

import hashlib
import json
import os
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

    Examples
    --------
    >>> import tempfile
    >>> store = RunStore(tempfile.mkdtemp())
    >>> store.save("k", ("step", "x"), np.array([[0.0, 0.1]]))
    >>> cols, values = store.load("k")
    >>> cols, values.tolist(), "k" in store
    (('step', 'x'), [[0.0, 0.1]], True)
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.npz"

    def __contains__(self, key: str) -> bool:
        return self._path(key).is_file()

    def load(self, key: str) -> tuple[tuple[str, ...], np.ndarray]:
        """The run's metric column names and values (rows are steps)."""
        with np.load(self._path(key), allow_pickle=False) as data:
            return tuple(str(c) for c in data["columns"]), np.array(data["values"])

    def save(self, key: str, columns: tuple[str, ...], values: np.ndarray) -> None:
        """Keep one finished run (atomically)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with atomic_path(self._path(key)) as tmp, open(tmp, "wb") as fh:
            # A file object, so numpy does not add its own suffix to the temporary name.
            np.savez(fh, columns=np.array(columns, dtype=str),
                     values=np.ascontiguousarray(values, dtype=np.float64))
