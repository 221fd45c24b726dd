"""Sweeps: many runs of one scenario over a grid of parameter values and seeds.

:func:`sweep` is the one call from Python; ``scorenet sweep`` and the app's Sweep panel
use the same parts:

- :mod:`.grid`: the checked plan (grid, seeds, steps) and its run order;
- :mod:`.runner`: one run, and running many on any :mod:`concurrent.futures` executor;
- :mod:`.store`: finished runs kept on disk so a stopped sweep resumes;
- :mod:`.table`: the tidy table, the summary over seeds and the files.

Examples
--------
>>> from models import sweep
>>> table = sweep("karate", vary={"rubric.social": [0.0, 0.4]}, seeds=2, steps=2,
...               frame=False)
>>> list(table)[:4], len(table["seed"])
(['rubric.social', 'seed', 'step', 'mean_score'], 12)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any

from ..scenario import Scenario, load_scenario
from .grid import RunSpec, SweepPlan, make_plan, parse_seed_list, parse_vary, seed_range
from .runner import SweepOutcome, default_workers, execute, process_pool, run_one
from .store import RunStore, run_key, scorenet_version
from .table import (as_table, interval, meta_path, read_meta, summary_columns, tidy_columns,
                    write_meta,
                    write_table)

__all__ = ["sweep", "plan", "describe", "RunSpec", "SweepPlan", "SweepOutcome", "RunStore",
           "make_plan", "parse_vary", "parse_seed_list", "seed_range", "execute", "run_one",
           "run_key", "default_workers", "process_pool", "tidy_columns", "summary_columns",
           "as_table", "write_table", "write_meta", "meta_path", "read_meta", "interval",
           "scorenet_version"]


def plan(scenario: Scenario | str | os.PathLike[str],
         vary: Mapping[str, Sequence[Any]] | None = None, *,
         seeds: int | Sequence[int] = 1, steps: int | None = None) -> SweepPlan:
    """Check a sweep and return its plan (nothing runs).

    ``scenario`` is a :class:`Scenario`, a preset name or a TOML path; ``seeds`` a count
    (consecutive seeds from the scenario's ``run.seed``) or a list of seeds.
    """
    base = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    seed_list = seed_range(base, seeds) if isinstance(seeds, int) else list(seeds)
    return make_plan(base, vary or {}, seed_list, steps)


def sweep(scenario: Scenario | str | os.PathLike[str],
          vary: Mapping[str, Sequence[Any]] | None = None, *,
          seeds: int | Sequence[int] = 1, steps: int | None = None,
          executor: Executor | None = None, workers: int = 1,
          store: str | os.PathLike[str] | None = None,
          progress: Callable[[int, int], None] | None = None,
          should_stop: Callable[[], bool] | None = None, frame: bool | None = None):
    """Run a scenario over every combination of ``vary`` values, for every seed.

    Parameters
    ----------
    scenario
        A :class:`Scenario`, a preset name or a TOML path.
    vary
        Dotted key to its values; the grid is their product, the first key varying
        slowest.
    seeds
        A count (consecutive seeds from the scenario's ``run.seed``) or a list.
    steps
        Steps per run (default: the scenario's ``run.steps``).
    executor
        Any :class:`concurrent.futures.Executor` (a process pool, Dask's
        ``Client(address).get_executor()``...). None: this process when ``workers`` is
        1, else a spawn process pool of ``workers`` (a script using it needs the usual
        ``if __name__ == "__main__":`` guard).
    store
        A folder where finished runs are kept; a rerun computes only what is missing.
    progress, should_stop
        ``progress(done, total)`` over runs; ``should_stop()`` ends the sweep early, the
        table then holds the runs that finished.
    frame
        True: a pandas DataFrame; False: a dict of numpy arrays; None: pandas when
        installed.

    Returns
    -------
    pandas.DataFrame or dict of numpy.ndarray
        One row per run and step: the varied keys, ``seed``, ``step`` and every metric
        of the simulation's history. A run's rows equal ``scorenet run``'s bit for bit.

    Raises
    ------
    ScenarioError
        Before any run, for a bad key, value, seed or grid point.
    """
    p = plan(scenario, vary, seeds=seeds, steps=steps)
    outcome = execute(p, executor=executor, workers=workers,
                      store=RunStore(store) if store is not None else None,
                      progress=progress, should_stop=should_stop)
    return as_table(tidy_columns(outcome), frame)


def describe(p: SweepPlan, command: str | None = None) -> str:
    """How a sweep's results were made, as their side file ``FILE.meta.toml`` says it.

    The same format as every other output's sidecar (:mod:`models.io.provenance`): the
    base scenario in full plus a ``[made_by]`` table (program, version, scenario,
    seed, steps, command), here with the grid too: ``vary`` (each key's values),
    ``seeds`` and ``runs``. So ``scorenet run FILE.meta.toml`` runs the base scenario.

    Examples
    --------
    >>> import tomllib
    >>> from models import load_scenario
    >>> sweep_plan = plan(load_scenario("karate"), {"rubric.social": [0.1, 0.2]}, seeds=2, steps=3)
    >>> made = tomllib.loads(describe(sweep_plan, "scorenet sweep karate"))["made_by"]
    >>> made["vary"], made["seeds"], made["runs"], made["content"]
    ({'rubric.social': [0.1, 0.2]}, [1, 2], 4, 'sweep results')
    """
    from ..io.provenance import Provenance

    extra = {"vary": {k: list(v) for k, v in p.vary}, "seeds": [int(s) for s in p.seeds],
             "runs": len(p)}
    return Provenance(p.base, p.steps, command or "models.sweeps").toml("sweep results", extra)
