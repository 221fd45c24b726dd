"""Memory and speed of the timeline, run by hand: ``python benchmarks/bench_timeline.py``.

For 500 people (the default preset), 4,039 (ego-Facebook) and 20,000 (the default preset
at that size) it runs ``--steps`` months, recording every month in a
:class:`~models.timeline.Timeline`, and reports: bytes per month kept (scores, status,
flags, tie changes and snapshots), the same with positions that move every month (16 bits
each, :mod:`models.packing`), as the app's model process keeps it (positions and the
rubric components), the same with float32 positions (the baseline of the packing),
the share of ties,
the time to record a month and to rebuild one (``state_at``) as a ratio to the time of a
simulation step in the same run, and the memory a plain copy of every full state would
take (the baseline).

Options: ``--sizes 500,4039``, ``--steps K``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def scenario_for(size: int):
    from models import load_scenario

    if size == 4039:
        return load_scenario("facebook", {"run.louvain_every": 10**6})
    return load_scenario("default", {"population.size": size, "run.louvain_every": 10**6})


def measure(size: int, steps: int) -> dict:
    from models.simulation import Simulation
    from models.timeline import Timeline

    sim = Simulation(scenario_for(size))
    plain = Timeline.of_simulation(sim)
    with_pos = Timeline.of_simulation(sim)
    app = Timeline.of_simulation(sim, keep_components=True)
    rng = np.random.default_rng(0)
    pos = rng.random((sim.n, 2))
    step_t = record_t = 0.0
    full_bytes = 0
    for _ in range(steps):
        t = time.perf_counter()
        sim.step()
        step_t += time.perf_counter() - t
        t = time.perf_counter()
        plain.record_simulation(sim)
        record_t += time.perf_counter() - t
        pos = pos + rng.normal(scale=1e-3, size=pos.shape)   # a living layout moves
        with_pos.record_simulation(sim, positions=pos)
        app.record_simulation(sim, positions=pos)
        # A full copy: float64 scores, int8 status, int64 ties, two bool flags.
        full_bytes += sim.n * (8 + 1 + 2) + (sim.friends.m + sim.dating.keys.size) * 8
    t = time.perf_counter()
    for k in range(0, steps + 1, max(1, steps // 20)):
        plain.state_at(k)
    seeks = len(range(0, steps + 1, max(1, steps // 20)))
    seek_t = (time.perf_counter() - t) / seeks
    months = steps + 1
    ties = plain.friends.nbytes + plain.dating.nbytes
    return {
        "n": sim.n, "ties": sim.friends.m, "steps": steps,
        "bytes_per_month": plain.nbytes / months,
        "bytes_per_month_with_positions": with_pos.nbytes / months,
        "bytes_per_month_app": app.nbytes / months,
        "float32_positions_per_month": with_pos.nbytes / months + 4 * sim.n,
        "tie_share": ties / plain.nbytes,
        "full_copy_bytes_per_month": full_bytes / steps,
        "step_ms": 1e3 * step_t / steps,
        "record_per_step": record_t / step_t,
        "seek_per_step": seek_t / (step_t / steps),
        "snapshots": len(plain.friends.snapshot_steps),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,4039,20000")
    ap.add_argument("--steps", type=int, default=120)
    args = ap.parse_args()
    print("| people | ties | bytes/month | with positions (16-bit) | (float32) | app "
          "| ties' share | full copy | step ms | record / step | seek / step | snapshots |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        r = measure(size, args.steps)
        print(f"| {r['n']:,} | {r['ties']:,} | {r['bytes_per_month']:,.0f} "
              f"| {r['bytes_per_month_with_positions']:,.0f} "
              f"| {r['float32_positions_per_month']:,.0f} | {r['bytes_per_month_app']:,.0f} "
              f"| {r['tie_share']:.0%} "
              f"| {r['full_copy_bytes_per_month']:,.0f} | {r['step_ms']:.1f} "
              f"| {r['record_per_step']:.2f} "
              f"| {r['seek_per_step']:.2f} | {r['snapshots']} |", flush=True)


if __name__ == "__main__":
    main()
