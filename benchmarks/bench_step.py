"""Speed of one simulation step, run by hand: ``python benchmarks/bench_step.py``.

For each size (ego-Facebook 4,039; Barabasi-Albert 100,000 and 1,000,000 with mean
degree 10) it runs the full model (events, sharing, churn, dating, every metric) in a
fresh subprocess and reports: build time, median ms per step without Louvain, ms for one
Louvain, the phase breakdown, peak memory (max RSS), the median over steps of the ratio of a
step to one scipy CSR mat-vec on the symmetric matrix of the same ties (timed right
after each step, so both see the same load), and the networkx-loop averaging step (the test
oracle) for comparison. Goals are in the issue tracker (issues 2 and 9), not in tests.

Options: ``--sizes 4039,100000`` to choose, ``--steps K`` steps to time after
``--warmup W`` untimed ones (default 12, so that every metric, mobility included, is
measured in each timed step).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import matvec_cpu, phase_timer  # noqa: E402


def measure(size: int, steps: int, communities: bool = True, warmup: int = 12) -> dict:
    import resource

    import numpy as np

    from models import load_scenario
    from models import measures as M
    from models.simulation import Simulation

    if size == 4039:
        sc = load_scenario("facebook")
    else:
        sc = load_scenario("default", {"population.size": size,
                                       "network.kind": "barabasi_albert",
                                       "network.mean_degree": 10.0})
    # Step times exclude community detection (run once at step 0); at 100,000 people and
    # more the run uses Leiden, since igraph's Louvain takes minutes there.
    sc = sc.replace({"run.louvain_every": 10**6,
                     "run.communities": "leiden" if size >= 100_000 else "louvain"})
    t0 = time.perf_counter()
    sim = Simulation(sc)
    build = time.perf_counter() - t0

    phases = {"events": 0.0, "ties": 0.0, "dating+score": 0.0, "metrics": 0.0}
    orig_events, orig_ties, orig_record = sim._events, sim._ties, sim._record

    timed = phase_timer(phases, time.perf_counter)
    sim._events = timed("events", orig_events)
    sim._ties = timed("ties", orig_ties)
    sim._record = timed("metrics", orig_record)
    # The baseline, one scipy CSR mat-vec on the symmetric matrix of the same ties, is
    # timed right after every step (best of 5), so that the ratio of each step to it is
    # taken under the same load; the machine is shared.
    x = np.random.default_rng(0).random(sim.n)
    # CPU time of this process, not wall time, for both: a step is long enough to be
    # preempted by the other users of the machine, a mat-vec mostly is not.
    times, ratios, matvecs = [], [], []
    # Untimed first steps: from step 12 on every metric is measured (mobility compares
    # with the scores of 12 steps before), as in a long run; the first step also loads
    # the compiled kernels.
    sim.run(warmup)
    for name in phases:
        phases[name] = 0.0
    for _ in range(steps):
        t, c = time.perf_counter(), time.process_time()
        sim.step()
        times.append(time.perf_counter() - t)
        cpu = time.process_time() - c
        best = matvec_cpu(sim, x)
        matvecs.append(best)
        ratios.append(cpu / best)
    total = sum(times)
    phases["dating+score"] = total - phases["events"] - phases["ties"] - phases["metrics"]
    matvec = float(np.median(matvecs))

    louvain = leiden = None
    if communities and size <= 100_000:
        t = time.perf_counter()
        M.louvain(sim.n, sim.friends.edges(), seed=0)
        louvain = time.perf_counter() - t
    if communities:
        t = time.perf_counter()
        M.louvain(sim.n, sim.friends.edges(), seed=0, method="leiden")
        leiden = time.perf_counter() - t

    loop = None
    if communities and size <= 100_000:
        import networkx as nx

        from models.score import social_component_loop

        g = nx.Graph()
        g.add_nodes_from(range(sim.n))
        g.add_edges_from(sim.friends.edges().tolist())
        t = time.perf_counter()
        social_component_loop(g, sim.scores, 0.0)
        loop = time.perf_counter() - t

    step_ms = float(np.median(times) * 1000)
    return {
        "n": sim.n, "ties": sim.friends.m, "build_s": build, "step_ms": step_ms,
        "phase_ms": {k: v / steps * 1000 for k, v in phases.items()},
        "louvain_ms": None if louvain is None else louvain * 1000,
        "leiden_ms": None if leiden is None else leiden * 1000, "matvec_ms": matvec * 1000,
        "step_over_matvec": float(np.median(ratios)),
        "loop_averaging_ms": None if loop is None else loop * 1000,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="4039,100000,1000000")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--quick", action="store_true",
                        help="skip the timings of Louvain, Leiden and the networkx loop")
    parser.add_argument("--warmup", type=int, default=12,
                        help="untimed steps first (default 12: every metric is measured "
                             "from step 12 on)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.steps, not args.quick, args.warmup)))
        return
    for size in (int(s) for s in args.sizes.split(",")):
        proc = subprocess.run([sys.executable, __file__, "--one", str(size), "--steps",
                               str(args.steps), "--warmup", str(args.warmup)]
                              + ["--quick"] * args.quick, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            print(f"n={size}: failed\n{proc.stderr}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        phases = ", ".join(f"{k} {v:.1f}" for k, v in r["phase_ms"].items())
        lv = "not run" if r["louvain_ms"] is None else f"{r['louvain_ms']:.0f} ms"
        loop = "" if r["loop_averaging_ms"] is None else \
            f"; networkx-loop averaging {r['loop_averaging_ms']:.1f} ms"
        print(f"n={r['n']:>9,} ties={r['ties']:>10,}  build {r['build_s']:.1f} s  "
              f"step {r['step_ms']:.1f} ms ({phases})  louvain {lv}  leiden {r['leiden_ms'] or 0:.0f} ms  "
              f"matvec {r['matvec_ms']:.2f} ms  step/matvec (CPU) {r['step_over_matvec']:.1f}x  "
              f"peak {r['peak_rss_mib']:.0f} MiB{loop}")


if __name__ == "__main__":
    main()
