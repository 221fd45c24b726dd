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

__all__ = ["export_metrics_csv", "export_people_csv", "write_people_csv", "write_network_file",
           "write_people_over_time"]

#: How app exports say they were made (in FILE.meta.toml).
APP_COMMAND = "ScoreNet app: File > {what}"


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


def write_network_file(sim, path: str) -> None:
    """Write the current network with the per-person table on the nodes (``.gexf`` for
    Gephi or ``.graphml``), as ``scorenet run --graph-out`` does, plus its sidecar.

    Runs where the model lives (:meth:`~app.controller.sim_controller.SimController.call_in_worker`).
    """
    from models.io.network_out import write_network
    from models.io.provenance import Provenance

    prov = Provenance(sim.scenario, sim.step_count, APP_COMMAND.format(what="Export network"))
    write_network(sim, path, description=prov.one_line("network"))
    prov.write_sidecar(path, "network")


def write_people_over_time(sim, path: str) -> None:
    """Write one row per person and month from month 0 to now (``--people-out`` format).

    The model keeps no per-person table for past months, so the run is replayed from its
    scenario and seed, bit for bit as ``scorenet run`` would; when the replay does not end
    in the live state (parameters were changed while it ran), nothing is written and a
    ScenarioError (a user's situation, not a bug) says so.
    """
    import numpy as np

    from models.errors import ScenarioError
    from models.io.provenance import Provenance
    from models.io.tables import PeopleWriter
    from models.simulation import Simulation

    replay = Simulation(sim.applied)
    prov = Provenance(sim.applied, sim.step_count,
                      APP_COMMAND.format(what="Export people over time"))
    with PeopleWriter(path, prov.toml("people over time")) as people:
        people.write(replay)
        replay.run(sim.step_count, progress=lambda done, total: people.write(replay))
        if not (np.array_equal(replay.scores, sim.scores) and
                np.array_equal(replay.friends.keys, sim.friends.keys)):
            raise ScenarioError("", "", "parameters were changed or someone was scammed "
                                "during this run, so its past months cannot be replayed: "
                                "press Reset and run again to export them")
    prov.write_sidecar(path, "people over time")
