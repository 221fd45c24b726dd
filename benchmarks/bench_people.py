"""Speed of the per-person phases of a step, run by hand: ``python benchmarks/bench_people.py``.

The life events (``Simulation._events``) and the score (``Simulation._score``) of a
Barabasi-Albert network of 100,000 people (mean degree 10, the default mechanisms),
without and with the compiled kernels of ``models.kernels.people``: each mode in its
own process, alternately (``--rounds``), each phase timed in CPU time on fresh copies
of one state after three steps (best and median of ``--reps``). The two modes compute
the same bits; only the time differs.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(size: int, reps: int) -> dict:
    from models import load_scenario
    from models.simulation import Simulation

    sim = Simulation(load_scenario("default", {"population.size": size,
                                               "network.kind": "barabasi_albert",
                                               "network.mean_degree": 10.0}))
    sim.run(3)

    def events(s):
        s.step_count += 1
        s._events(s._applied)

    out = {}
    for name, phase in (("events", events), ("score", lambda s: s._score(s._applied))):
        times = []
        for _ in range(reps):
            s = copy.deepcopy(sim)   # the same state each time, the draws included
            t = time.process_time()
            phase(s)
            times.append(time.process_time() - t)
        times.sort()
        out[name] = (times[0] * 1000, times[len(times) // 2] * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.size, args.reps)))
        return
    for _ in range(args.rounds):
        for mode in ("0", "1"):
            proc = subprocess.run(
                [sys.executable, __file__, "--one", "--size", str(args.size), "--reps",
                 str(args.reps)], capture_output=True, text=True, cwd=ROOT,
                env={**os.environ, "SCORENET_ACCEL": mode}, check=True)
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"SCORENET_ACCEL={mode}  " + "  ".join(
                f"{k} best {b:.2f} ms, median {m:.2f} ms" for k, (b, m) in r.items()))


if __name__ == "__main__":
    main()
