"""Speed of the friendship-tie edits of a step, run by hand: ``python benchmarks/bench_edits.py``.

Runs the default model on a Barabasi-Albert network (100,000 people, mean degree 10 by
default) for a few steps, keeping each step's ``EdgeSet.update`` arguments and the ties
before it, then replays them with the numpy path and with the kernels, taking turns: CPU ms a
step for the whole update (keys and adjacency) and for the step's ``random_neighbour``
calls (the same draws).

Options: ``--size N``, ``--steps K``, ``--repeat R``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def record(size: int, steps: int) -> tuple[list, list]:
    """``(updates, neighbour_calls)``: per step ``(keys, adjacency, remove, add)`` and
    ``(adjacency, who, rng state)`` for every ``random_neighbour`` call."""
    from models import load_scenario
    from models.adjacency import Adjacency
    from models.simulation import Simulation
    from models.ties import EdgeSet

    sc = load_scenario("default", {"population.size": size,
                                   "network.kind": "barabasi_albert",
                                   "network.mean_degree": 10.0,
                                   "run.louvain_every": 10**6, "run.communities": "leiden"})
    sim = Simulation(sc)
    updates, calls = [], []
    update, neighbour = EdgeSet.update, Adjacency.random_neighbour

    def kept_update(self, remove, add):
        updates.append((self.keys, self.adjacency(), remove.copy(), add.copy()))
        return update(self, remove, add)

    def kept_neighbour(self, who, rng):
        calls.append((self, who.copy(), rng.bit_generator.state))
        return neighbour(self, who, rng)

    EdgeSet.update, Adjacency.random_neighbour = kept_update, kept_neighbour
    try:
        for _ in range(steps):
            sim.step()
    finally:
        EdgeSet.update, Adjacency.random_neighbour = update, neighbour
    return updates, calls


def cpu_ms(fn) -> float:
    """CPU milliseconds of one call of ``fn()`` (the machine is shared: wall time counts
    the other users' time slices)."""
    c = time.process_time()
    fn()
    return (time.process_time() - c) * 1e3


def main() -> None:
    from models import accel
    from models.ties import EdgeSet

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    updates, calls = record(args.size, args.steps)

    def replay_update():
        for keys, adj, remove, add in updates:
            es = EdgeSet(keys, args.size)
            es._adj = adj
            es.update(remove, add)

    def replay_neighbours():
        for adj, who, state in calls:
            rng = np.random.default_rng()
            rng.bit_generator.state = state
            adj.random_neighbour(who, rng)

    # Both paths in one process, taking turns, so that both see the same load; the
    # kernels are compiled (or loaded) before the first timing.
    times = {(mode, part): [] for mode in "01" for part in ("update", "neighbours")}
    for turn in range(args.repeat + 1):
        for mode in "01":
            os.environ[accel.ENV] = mode
            for part, fn in (("update", replay_update), ("neighbours", replay_neighbours)):
                ms = cpu_ms(fn) / len(updates)
                if turn:
                    times[mode, part].append(ms)
    ties = np.mean([u[0].size for u in updates])
    churn = np.mean([u[2].size for u in updates])
    print(f"n={args.size:,} ties={ties:,.0f}, ~{churn:,.0f} removals asked and "
          f"{len(calls) / len(updates):.0f} random_neighbour calls a step; CPU ms a step, "
          f"median (best) of {args.repeat}:")
    for part in ("update", "neighbours"):
        numpy_ms, kernel_ms = (np.median(times[m, part]) for m in "01")
        print(f"  {part:<10} numpy {numpy_ms:.2f} ({min(times['0', part]):.2f})  kernels "
              f"{kernel_ms:.2f} ({min(times['1', part]):.2f})  {numpy_ms / kernel_ms:.1f}x")


if __name__ == "__main__":
    main()
