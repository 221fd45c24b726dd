"""The metrics history and the CSV files written from it and from the per-person table.

Numbers are written with ``repr`` so that they read back to the same float; NaN is
written as ``nan`` (pandas, numpy and Python's ``float`` all read it).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Mapping

import numpy as np

from .atomic import atomic_path

__all__ = ["METRIC_COLUMNS", "NODE_COLUMNS", "History", "write_csv", "format_value"]

#: CSV columns of the metrics history: MODEL.md section 6, then extras.
METRIC_COLUMNS: tuple[str, ...] = (
    "step", "mean_score", "median_score", "gini", "restricted_share", "privileged_share",
    "assortativity", "dating_assortativity", "modularity", "stratification",
    "isolated_share", "giant_share", "degree_gap", "match_gap", "group_gap", "optout_gap",
    "mobility", "components", "bottom_isolated_share", "aim_up", "score_auc", "victim_gap",
    "optout_share", "group_restricted_gap", "friend_ties", "dating_ties", "mean_degree",
)

#: CSV columns of the per-person table.
NODE_COLUMNS: tuple[str, ...] = (
    "id", "group", "opted_out", "score", "history", "capacity", "identity", "behaviour",
    "social", "degree", "community", "status",
)


class History(Mapping[str, np.ndarray]):
    """One row of metrics per recorded step; columns read as float arrays.

    Examples
    --------
    >>> h = History()
    >>> h.append({c: 1.0 for c in METRIC_COLUMNS})
    >>> h["gini"].tolist(), len(h)
    ([1.0], 27)
    """

    def __init__(self) -> None:
        self._rows: list[dict[str, float]] = []

    def append(self, row: Mapping[str, float]) -> None:
        self._rows.append(dict(row))

    def row(self, i: int) -> dict[str, float]:
        """Row ``i`` as a dict (negative indices count from the end)."""
        return dict(self._rows[i])

    def __getitem__(self, column: str) -> np.ndarray:
        if column not in METRIC_COLUMNS:
            raise KeyError(column)
        return np.array([r[column] for r in self._rows], dtype=float)

    def __iter__(self) -> Iterator[str]:
        return iter(METRIC_COLUMNS)

    def __len__(self) -> int:
        return len(METRIC_COLUMNS)

    def rows(self) -> list[list]:
        """Rows as lists in ``METRIC_COLUMNS`` order, ``step`` as int."""
        return [[int(r["step"])] + [r[c] for c in METRIC_COLUMNS[1:]] for r in self._rows]

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write every recorded step to ``path`` (atomically)."""
        write_csv(path, METRIC_COLUMNS, self.rows())


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
