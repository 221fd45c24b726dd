"""Sweep throughput, run by hand: ``python benchmarks/bench_sweep.py [--steps 60]``.

For the default and facebook presets: runs per second in this process (``--workers 1``)
and on a spawn pool of 2 processes, cold (the pool's start-up counted, as the CLI pays
it) and warm (processes started and ``models`` imported before the clock starts); then
the same warm sweep on a Dask LocalCluster of 2 single-thread worker processes, as a
ratio to the warm local pool. Every figure is measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import time

RUNS = {"default": 8, "facebook": 4}


def _warm() -> int:
    import models.simulation  # noqa: F401  (the import a worker pays once)

    return 0


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    from models import load_scenario
    from models.sweeps import execute, make_plan, process_pool, seed_range

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=60)
    args = ap.parse_args()
    rows = []
    load_before = os.getloadavg()
    for preset, n in RUNS.items():
        base = load_scenario(preset)
        plan = make_plan(base, {}, seed_range(base, n), steps=args.steps)
        serial = timed(lambda: execute(plan, workers=1))
        cold = timed(lambda: execute(plan, workers=2))
        with process_pool(2) as pool:
            for f in [pool.submit(_warm) for _ in range(2)]:
                f.result()
            warm = timed(lambda: execute(plan, executor=pool))
        dask = None
        try:
            import distributed
        except ImportError:
            pass
        else:
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                          dashboard_address="127.0.0.1:0",
                                          worker_dashboard_address="127.0.0.1:0",
                                          host="127.0.0.1") as cluster, \
                    distributed.Client(cluster) as client:
                client.run(_warm)
                dask = timed(lambda: execute(plan, executor=client.get_executor(pure=False)))
        rows.append((preset, n, serial, cold, warm, dask))
    print(f"{args.steps} steps a run; runs per second (wall seconds); load average "
          f"{load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"{'preset':<9} {'runs':>4} {'1 worker':>16} {'2 workers cold':>16} "
          f"{'2 workers warm':>16} {'Dask 2 warm':>16} {'Dask / pool':>11}")
    for preset, n, serial, cold, warm, dask in rows:
        cells = [f"{n / t:6.2f} ({t:6.2f})" for t in (serial, cold, warm)]
        d = f"{n / dask:6.2f} ({dask:6.2f})" if dask else "-"
        ratio = f"{dask / warm:.2f}" if dask else "-"
        print(f"{preset:<9} {n:>4} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16} {d:>16} "
              f"{ratio:>11}")


if __name__ == "__main__":
    main()
