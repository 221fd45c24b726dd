"""CPU time of a step's mechanisms alone, by hand: ``python benchmarks/bench_mechanisms.py``.

The model of ``bench_step.py`` (default rubric on a Barabasi-Albert graph of mean degree
10, every mechanism on, communities only at step 0) with the metrics switched off, so
that what the step's mechanisms cost (life events, ties, dating, scores) is seen
without the metrics. Prints one JSON line: the median CPU ms of a step, its median
ratio to one scipy CSR mat-vec on the same ties (timed, best of 5, after each step),
and the mean CPU ms of the events, ties and score phases and of the rest (dating).
Run it in two checkouts alternately to compare them under the same load.

Options: ``--size N`` (100,000), ``--steps K`` (15), ``--homophilous X`` (0).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import matvec_cpu, phase_timer  # noqa: E402


def measure(size: int, steps: int, homophilous: float) -> dict:
    from models import load_scenario
    from models.simulation import Simulation

    sc = load_scenario("default", {"population.size": size,
                                   "network.kind": "barabasi_albert",
                                   "network.mean_degree": 10.0})
    sc = sc.replace({"run.louvain_every": 10**6, "run.communities": "leiden",
                     "sharing.homophilous_search": homophilous})
    sim = Simulation(sc)
    sim._record = lambda: None   # the metrics are not measured here
    phases = {"events": 0.0, "ties": 0.0, "score": 0.0}

    timed = phase_timer(phases)
    sim._events = timed("events", sim._events)
    sim._ties = timed("ties", sim._ties)
    sim._score = timed("score", sim._score)
    sim.step()   # warm up (first allocations)
    phases.update(dict.fromkeys(phases, 0.0))
    x = np.random.default_rng(0).random(sim.n)
    cpus, ratios = [], []
    for _ in range(steps):
        c = time.process_time()
        sim.step()
        cpu = time.process_time() - c
        best = matvec_cpu(sim, x)
        cpus.append(cpu)
        ratios.append(cpu / best)
    out = {"mechanisms_ms": float(np.median(cpus)) * 1e3,
           "over_matvec": float(np.median(ratios)),
           **{f"{k}_ms": v / steps * 1e3 for k, v in phases.items()}}
    out["dating_ms"] = (sum(cpus) - sum(phases.values())) / steps * 1e3
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=15)
    parser.add_argument("--homophilous", type=float, default=0.0)
    args = parser.parse_args()
    print(json.dumps(measure(args.size, args.steps, args.homophilous)))


if __name__ == "__main__":
    main()
