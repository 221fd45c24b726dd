"""Speed of the friendship-tie edits of a step, run by hand: ``python benchmarks/bench_edits.py``.

Runs the default model on a Barabasi-Albert network (100,000 people, mean degree 10 by
default) for a few steps, keeping each step's ``EdgeSet.update`` arguments and the ties
before it, then replays them: best-of-k ms for the whole update (keys and adjacency),
for ``Adjacency.edited`` alone and for the step's ``random_neighbour`` calls.
``SCORENET_ACCEL=0`` / ``1`` chooses the numpy path or the kernels.

Options: ``--size N``, ``--steps K``, ``--repeat R``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import best_ms  # noqa: E402


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


def main() -> None:
    from models.ties import EdgeSet

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    updates, calls = record(args.size, args.steps)

    def replay_update():
        for keys, adj, remove, add in updates:
            es = EdgeSet(keys, args.size)
            es._adj = adj
            es.update(remove, add)

    edits = []
    for keys, adj, remove, add in updates:
        es = EdgeSet(keys, args.size)
        remove = np.unique(remove)
        hit, at = es._places(remove)
        es.keys = np.delete(keys, at[hit])
        add = np.unique(add)
        add = add[~es.contains(add)]
        edits.append((adj, remove[hit], at[hit], add, np.searchsorted(es.keys, add)))

    def replay_edited():
        for adj, drop, drop_at, add, add_at in edits:
            adj.edited(drop, drop_at, add, add_at)

    def replay_neighbours():
        for adj, who, state in calls:
            rng = np.random.default_rng()
            rng.bit_generator.state = state
            adj.random_neighbour(who, rng)

    replay_update(), replay_neighbours()      # compile (or load) the kernels first
    steps = len(updates)
    ties = np.mean([u[0].size for u in updates])
    churn = np.mean([u[2].size for u in updates])
    print(f"n={args.size:,} ties={ties:,.0f} removed~{churn:,.0f}/step; per step, best of "
          f"{args.repeat}: update {best_ms(replay_update, args.repeat) / steps:.2f} ms, "
          f"Adjacency.edited {best_ms(replay_edited, args.repeat) / steps:.2f} ms "
          f"random_neighbour {best_ms(replay_neighbours, args.repeat) / steps:.2f} ms "
          f"({len(calls) / steps:.0f} calls)")


if __name__ == "__main__":
    main()
