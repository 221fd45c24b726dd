"""The metrics history and the CSV files written from it and from the per-person table.

Numbers are written with ``repr`` so that they read back to the same float; NaN is
written as ``nan`` (pandas, numpy and Python's ``float`` all read it).

Settings changed during a run go to a side file next to the metrics,
``NAME.changes.csv`` (columns ``step, key, old, new``; ``step`` is the first month computed
with the new value), so that the metrics file keeps its numeric columns.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .atomic import atomic_path

__all__ = ["METRIC_COLUMNS", "NODE_COLUMNS", "CHANGE_COLUMNS", "History", "write_csv",
           "format_value", "changes_path", "write_changes_csv"]

#: CSV columns of the metrics history: MODEL.md section 6, then extras.
METRIC_COLUMNS: tuple[str, ...] = (
    "step", "mean_score", "median_score", "gini", "restricted_share", "privileged_share",
    "assortativity", "dating_assortativity", "modularity", "stratification",
    "isolated_share", "giant_share", "degree_gap", "match_gap", "group_gap", "optout_gap",
    "mobility", "components", "bottom_isolated_share", "aim_up", "score_auc", "victim_gap",
    "optout_share", "group_restricted_gap", "friend_ties", "dating_ties", "mean_degree",
)

#: CSV columns of the side file of setting changes.
CHANGE_COLUMNS: tuple[str, ...] = ("step", "key", "old", "new")

#: CSV columns of the per-person table.
NODE_COLUMNS: tuple[str, ...] = (
    "id", "group", "opted_out", "score", "history", "capacity", "identity", "behaviour",
    "social", "degree", "community", "status",
)


class History(dict):
    """One row of metrics per recorded step; columns read as float arrays.

    A real ``dict`` of column name -> read-only float array over steps, so that
    ``pandas.DataFrame(sim.history)`` gives one row per step and one column per metric.

    Examples
    --------
    >>> h = History()
    >>> h.append({c: 1.0 for c in METRIC_COLUMNS})
    >>> h["gini"].tolist(), len(h)
    ([1.0], 27)
    >>> import pandas as pd
    >>> pd.DataFrame(h).shape
    (1, 27)
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[dict[str, float]] = []
        #: Setting changes ``(step, key, old, new)``; month ``step`` used the new value.
        self.changes: list[tuple[int, str, Any, Any]] = []
        self._buf = np.empty((len(METRIC_COLUMNS), 16), dtype=float)
        self._publish()

    def _publish(self) -> None:
        """Expose each column as a read-only view of the first len(rows) values."""
        k = len(self._rows)
        for j, c in enumerate(METRIC_COLUMNS):
            view = self._buf[j, :k]
            view.flags.writeable = False
            dict.__setitem__(self, c, view)

    def append(self, row: Mapping[str, float]) -> None:
        k = len(self._rows)
        if k == self._buf.shape[1]:
            grown = np.empty((self._buf.shape[0], 2 * k), dtype=float)
            grown[:, :k] = self._buf
            self._buf = grown
        self._buf[:, k] = [row[c] for c in METRIC_COLUMNS]
        self._rows.append(dict(row))
        self._publish()

    def note_change(self, step: int, key: str, old: Any, new: Any) -> None:
        """Keep a setting change made during the run (first used at month ``step``)."""
        self.changes.append((int(step), str(key), old, new))

    def note_changes(self, step: int, before: Mapping[str, Any],
                     after: Mapping[str, Any]) -> None:
        """Keep every setting that differs between two scenarios (first used at ``step``)."""
        for key in after:
            if before[key] != after[key]:
                self.note_change(step, key, before[key], after[key])

    def row(self, i: int) -> dict[str, float]:
        """Row ``i`` as a dict (negative indices count from the end)."""
        return dict(self._rows[i])

    def __getitem__(self, column: str) -> np.ndarray:
        return dict.__getitem__(self, column).copy()

    def __setitem__(self, key, value) -> None:
        raise TypeError("History is read-only; use append()")

    def __delitem__(self, key) -> None:
        raise TypeError("History is read-only")

    def __reduce__(self):
        return (_history_from_rows, (self._rows, self.changes))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, History):
            k = len(self._rows)
            return k == len(other._rows) and np.array_equal(
                self._buf[:, :k], other._buf[:, :k], equal_nan=True)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def rows(self) -> list[list]:
        """Rows as lists in ``METRIC_COLUMNS`` order, ``step`` as int."""
        return [[int(r["step"])] + [r[c] for c in METRIC_COLUMNS[1:]] for r in self._rows]

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write every recorded step to ``path`` (atomically), and the setting changes
        to :func:`changes_path` when there are any (see :func:`write_changes_csv`)."""
        write_csv(path, METRIC_COLUMNS, self.rows())
        write_changes_csv(path, self.changes)


    def columns(self) -> dict[str, np.ndarray]:
        """Every column as a fresh array, ``step`` as int64 (for tables and Parquet)."""
        out = {c: self[c] for c in METRIC_COLUMNS}
        out["step"] = out["step"].astype(np.int64)
        return out


def changes_path(metrics_path: str | os.PathLike[str]) -> Path:
    """The side file of setting changes for a metrics file: ``m.csv`` -> ``m.changes.csv``.

    Examples
    --------
    >>> changes_path("out/metrics.csv").as_posix()
    'out/metrics.changes.csv'
    """
    p = Path(metrics_path)
    return p.with_name(f"{p.stem}.changes.csv")


def write_changes_csv(metrics_path: str | os.PathLike[str], changes) -> None:
    """Write ``changes`` (``(step, key, old, new)`` rows) beside ``metrics_path``.

    Nothing is written for a run without changes, unless a side file of that name is
    already there: it is then rewritten with the header alone, so that it never tells
    of changes an earlier export had.
    """
    side = changes_path(metrics_path)
    if changes or side.is_file():
        write_csv(side, CHANGE_COLUMNS, [list(c) for c in changes])


def _history_from_rows(rows: list[dict[str, float]], changes=()) -> History:
    h = History()
    for r in rows:
        h.append(r)
    h.changes = list(changes)
    return h


def format_value(x) -> str:
    """Text for one CSV cell: full-precision floats, ints and strings as given."""
    if isinstance(x, (bool, np.bool_)):
        return "true" if x else "false"
    if isinstance(x, (float, np.floating)):
        return repr(float(x))
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return str(x)


def table_rows(table: Mapping[str, np.ndarray]) -> list[list]:
    """Rows of a column table (as returned by ``Simulation.person_table``)."""
    cols = [table[c] for c in table]
    return [list(r) for r in zip(*[c.tolist() if isinstance(c, np.ndarray) else c
                                   for c in cols])]


def write_csv(path: str | os.PathLike[str], header, rows) -> None:
    """Write a CSV atomically: to a temporary file in the same folder, then rename."""
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow([format_value(x) for x in r])
