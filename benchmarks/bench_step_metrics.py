"""Speed of a step's metrics alone (``models.recording.step_metrics``), by hand.

``python benchmarks/bench_step_metrics.py --size 100000 --steps 10``: builds the
Barabasi-Albert run of ``bench_step.py`` (mean degree 10, every mechanism on, Leiden once
at step 0), then, after the first ``MOBILITY_LAG`` steps (mobility needs them), after each step times the metrics of that state (the first call, so a
cache kept across steps is charged its real cost) and one scipy CSR mat-vec on the
symmetric matrix of the same ties (best of 5). Both in CPU time of the process, as in
``bench_step.py``, since the machine is shared. Prints the median ratio, the median CPU
ms, the load average, and with ``--profile`` the cProfile of the metrics calls.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import matvec_cpu  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)

    import numpy as np

    from models import load_scenario
    from models.recording import step_metrics
    from models.simulation import Simulation

    sc = load_scenario("default", {"population.size": args.size,
                                   "network.kind": "barabasi_albert",
                                   "network.mean_degree": 10.0,
                                   "run.louvain_every": 10**6, "run.communities": "leiden"})
    sim = Simulation(sc)
    timings: list[float] = []
    prof = cProfile.Profile() if args.profile else None
    real = sim.metrics

    def timed():
        c = time.process_time()
        if prof is not None:
            prof.enable()
        out = real()
        if prof is not None:
            prof.disable()
        timings.append(time.process_time() - c)
        return out

    sim.metrics = timed
    assert step_metrics  # the function timed through sim.metrics
    x = np.random.default_rng(0).random(sim.n)
    ratios, mats = [], []
    from models.recording import MOBILITY_LAG

    # Mobility is measured only once MOBILITY_LAG steps exist: those steps are not timed.
    for _ in range(MOBILITY_LAG):
        sim.step()
    timings.clear()
    if prof is not None:
        prof = cProfile.Profile()
    for _ in range(args.steps):
        sim.step()
        best = matvec_cpu(sim, x)
        mats.append(best)
        ratios.append(timings[-1] / best if best > 0 else math.nan)
    print(f"size {args.size}: metrics {statistics.median(timings) * 1e3:.2f} ms CPU, "
          f"mat-vec {statistics.median(mats) * 1e3:.3f} ms, metrics/mat-vec "
          f"{statistics.median(ratios):.1f}x, load {os.getloadavg()}")
    if prof is not None:
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        print(s.getvalue())


if __name__ == "__main__":
    main()
