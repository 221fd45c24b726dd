"""Running a sweep's runs: in this process, on a process pool, or on any executor.

One run is :func:`run_one`: build the :class:`~models.simulation.Simulation` from the
run's scenario and run it, exactly as ``scorenet run`` does, so a sweep's rows equal
that command's, bit for bit. The metric columns are whatever the simulation's history
holds, never a list kept here.

:func:`execute` is written against :mod:`concurrent.futures` only, so a process pool,
a Dask ``Client(...).get_executor()`` or any other executor works. Our own pool uses
the ``spawn`` start method, passed explicitly (no global ``set_start_method``), and its
workers ignore Ctrl+C so that the parent decides what to keep.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..scenario import Scenario
from .grid import RunSpec, SweepPlan
from .store import RunStore, run_key, scorenet_version

__all__ = ["RunResult", "SweepOutcome", "run_one", "execute", "default_workers",
           "process_pool"]

#: A run's metric columns and its values, one row per step (step 0 included).
RunResult = tuple[tuple[str, ...], np.ndarray]

# igraph's random generator is global to a process: two runs in threads of one process
# (a Dask worker with several threads) would disturb each other's community detection.
# Runs in one process therefore take turns; use one thread per Dask worker.
_RUN_LOCK = threading.Lock()


def _payload(scenario: Scenario) -> tuple[dict[str, Any], str, str]:
    """What a worker needs to rebuild the scenario (plain, picklable values)."""
    return dict(scenario.items()), scenario.source, str(scenario.base_dir)


def run_one(payload: tuple[dict[str, Any], str, str],
            should_stop: Callable[[], bool] | None = None) -> RunResult | None:
    """Run one scenario to its ``run.steps``; None when ``should_stop`` ended it early.

    Examples
    --------
    >>> from models import load_scenario
    >>> cols, values = run_one(_payload(load_scenario("karate", {"run.steps": 2})))
    >>> cols[0], values.shape[0]
    ('step', 3)
    """
    from ..simulation import Simulation

    values, source, base_dir = payload
    scenario = Scenario(values, source=source, base_dir=base_dir)
    with _RUN_LOCK:
        sim = Simulation(scenario)
        sim.run(should_stop=should_stop)
        if sim.step_count < scenario["run.steps"]:
            return None
        history = sim.history
        columns = tuple(history)
        table = np.column_stack([np.asarray(history[c], dtype=np.float64) for c in columns])
    return columns, table


def _quiet_worker() -> None:
    """Pool workers leave Ctrl+C to the parent, which stops the sweep cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_pool(workers: int) -> Executor:
    """A pool of ``workers`` spawned processes that leave Ctrl+C to this one."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker,
                               mp_context=multiprocessing.get_context("spawn"))


def default_workers() -> int:
    """Worker processes for a pool: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class SweepOutcome:
    """What :func:`execute` did: every finished run, and whether it was stopped."""

    plan: SweepPlan
    results: dict[int, RunResult] = field(default_factory=dict)
    computed: int = 0
    stopped: bool = False

    @property
    def complete(self) -> bool:
        """True when every run of the plan has its result."""
        return len(self.results) == len(self.plan)


def execute(plan: SweepPlan, *, executor: Executor | None = None, workers: int = 1,
            store: RunStore | None = None,
            progress: Callable[[int, int], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> SweepOutcome:
    """Run every run of ``plan`` not yet in ``store``.

    Parameters
    ----------
    executor
        Any :class:`concurrent.futures.Executor`; None runs on a new spawn process pool
        of ``workers`` processes, or in this process when ``workers`` is 1. For Dask use
        ``client.get_executor(pure=False)``: with pure tasks, a run resubmitted soon
        after a stop shares the cancelled task's key and comes back cancelled.
    store
        Where finished runs are kept as they finish and found again on a rerun.
    progress
        ``progress(done, total)`` after each run (runs found in the store count as done).
    should_stop
        Polled while runs go on; when it returns True, runs not started are cancelled,
        those running finish and are kept, and the outcome says ``stopped``.

    A Ctrl+C (KeyboardInterrupt) does the same and then propagates.
    """
    version = scorenet_version()
    outcome = SweepOutcome(plan)
    todo: list[tuple[RunSpec, str, Scenario]] = []
    for run in plan.runs():
        sc = plan.scenario_for(run)
        key = run_key(sc, version)
        found = store.get(key) if store is not None else None   # damaged: run again
        if found is not None:
            outcome.results[run.index] = found
        else:
            todo.append((run, key, sc))
    total = len(plan)

    def finish(run: RunSpec, key: str, result: RunResult) -> None:
        outcome.results[run.index] = result
        outcome.computed += 1
        if store is not None:
            store.save(key, *result)
        if progress is not None:
            progress(len(outcome.results), total)

    if progress is not None:
        progress(len(outcome.results), total)
    if not todo:
        return outcome
    if executor is None and min(workers, len(todo)) <= 1:
        for run, key, sc in todo:
            if should_stop is not None and should_stop():
                outcome.stopped = True
                break
            result = run_one(_payload(sc), should_stop)
            if result is None:
                outcome.stopped = True
                break
            finish(run, key, result)
        return outcome
    own = executor is None
    if own:
        executor = process_pool(min(workers, len(todo)))
    assert executor is not None
    futures: dict[Future, tuple[RunSpec, str]] = {}
    try:
        for run, key, sc in todo:
            futures[executor.submit(run_one, _payload(sc))] = (run, key)
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=lambda f: futures[f][0].index):
                finish(*futures[fut], fut.result())
            if pending and should_stop is not None and should_stop():
                outcome.stopped = True
                _drain(futures, outcome, finish)
                break
    except BaseException:
        outcome.stopped = True
        _drain(futures, outcome, finish)
        raise
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
    return outcome


def _drain(futures: dict[Future, tuple[RunSpec, str]], outcome: SweepOutcome, finish) -> None:
    """Cancel the runs not started; keep those already running or done when they end."""
    left = [f for f, (run, _) in futures.items() if run.index not in outcome.results]
    left = [f for f in left if not f.cancel()]   # cancel() fails on running or done runs
    wait(left)
    for fut in sorted(left, key=lambda f: futures[f][0].index):
        if not fut.cancelled() and fut.exception() is None:
            finish(*futures[fut], fut.result())
