"""The CSV tables the app writes: metrics over time and the per-person table.

Qt-free, so that the model process can write the people table where the simulation
lives. They reuse :mod:`models.history`, so the app and ``scorenet run`` write the same
bytes for the same data. Every writer is atomic and lets ``OSError`` through.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np

from models.history import METRIC_COLUMNS, History, table_rows, write_csv

__all__ = ["export_metrics_csv", "export_people_csv", "write_people_csv"]


def export_metrics_csv(history: Mapping[str, np.ndarray], path: str | os.PathLike[str]) -> None:
    """Write the metrics history, one row per step, exactly as ``scorenet run`` does.

    ``history`` is a :class:`models.history.History` or a mapping of every column of
    ``METRIC_COLUMNS`` to an array over steps 0..now (``Frame.history``). The bytes equal
    ``History.to_csv`` for the same data.

    Raises
    ------
    ValueError
        If a column is missing or the columns differ in length.
    OSError
        If the file cannot be written.
    """
    if isinstance(history, History):
        write_csv(path, METRIC_COLUMNS, history.rows())
        return
    missing = [c for c in METRIC_COLUMNS if c not in history]
    if missing:
        raise ValueError(f"metrics history lacks column(s): {', '.join(missing)}")
    cols = [np.asarray(history[c], dtype=float) for c in METRIC_COLUMNS]
    if len({c.shape for c in cols}) != 1:
        raise ValueError("metrics history columns differ in length")
    # Same cell types as History.rows(): step as int, every other column as float.
    rows = [[int(r[0]), *r[1:]] for r in zip(*(c.tolist() for c in cols))]
    write_csv(path, METRIC_COLUMNS, rows)


def export_people_csv(table: Mapping[str, np.ndarray], path: str | os.PathLike[str]) -> None:
    """Write the per-person table (``Simulation.person_table()``) as ``--nodes-out`` does.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    write_csv(path, list(table), table_rows(table))


def write_people_csv(sim, path: str) -> None:
    """Write the simulation's per-person table (``--nodes-out`` format) to ``path``.

    Takes the simulation, not its table, so that the window can send it with
    :meth:`~app.controller.sim_controller.SimController.call_in_worker` to where the model lives.
    """
    export_people_csv(sim.person_table(), path)
