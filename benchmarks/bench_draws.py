"""The dating round and the two tie reviews of a step, with and without the compiled
kernels, in one run: ``python benchmarks/bench_draws.py``.

The model of ``bench_step.py`` (default rubric, Barabasi-Albert, mean degree 10) is run
a few steps; then, on that state, the step's dating round and its two tie reviews
(random churn, then the gain rule) are timed again and again on copies of the state and
of the generators, alternately with ``SCORENET_ACCEL=0`` and ``=1``, so that both see the
same load. Prints the best and the median wall ms of each, their ratios, and whether
both modes gave the same bits (they must).

Options: ``--size N`` (100,000), ``--repeat K`` (40), ``--homophilous X`` (0).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--homophilous", type=float, default=0.0)
    args = parser.parse_args()

    from models import load_scenario
    from models.accel import ENV
    from models.dating import dating_round
    from models.score import normalised_weights
    from models.simulation import Simulation
    from models.ties import GainRule, review_ties

    sim = Simulation(load_scenario("default", {
        "population.size": args.size, "network.kind": "barabasi_albert",
        "network.mean_degree": 10.0, "run.louvain_every": 10**6,
        "run.communities": "leiden", "sharing.homophilous_search": args.homophilous}))
    sim.run(3)
    sc = sim._applied
    rule = GainRule(weight=normalised_weights(sc.weights)["social"]
                    + sc["sharing.status_seeking"], tolerance=sc["sharing.tolerance"],
                    sensitivity=sc["sharing.sensitivity"],
                    alone=350.0 + 600.0 * sc["rubric.isolation_value"])

    def dating():
        state, rng = copy.deepcopy(sim.dating), copy.deepcopy(sim._rng["dating"])
        t = time.perf_counter()
        dating_round(state, sim.scores, sim.step_count + 1, activity=sc["dating.activity"],
                     feed_size=sc["dating.feed_size"], exposure_bias=sc["dating.exposure_bias"],
                     display_scores=sc["dating.display_scores"],
                     selectivity=sc["dating.selectivity"], like_width=sc["dating.like_width"],
                     like_rate=sc["dating.like_rate"], date_duration=sc["dating.date_duration"],
                     rng=rng)
        dt = time.perf_counter() - t
        return dt, [state.keys, state.ends, state.matches, np.float64(state.aim_up)]

    def ties():
        rng = copy.deepcopy(sim._rng["ties"])
        t = time.perf_counter()
        out = review_ties(sim.friends, sim.scores, share=sc["sharing.churn"], rng=rng,
                          triadic_closure=sc["sharing.triadic_closure"],
                          ask_limit=sc["sharing.ask_limit"])
        out += review_ties(sim.friends, sim.scores, share=sc["sharing.rewire_rate"], rng=rng,
                           triadic_closure=sc["sharing.triadic_closure"],
                           homophilous_search=sc["sharing.homophilous_search"], rule=rule,
                           ask_limit=sc["sharing.ask_limit"])
        return time.perf_counter() - t, list(out)

    for name, fn in (("dating round", dating), ("tie reviews", ties)):
        times = {"0": [], "1": []}
        bits = {}
        for _ in range(args.repeat):
            for mode in times:
                os.environ[ENV] = mode
                dt, out = fn()
                times[mode].append(dt * 1e3)
                bits[mode] = hashlib.sha1(b"".join(a.tobytes() for a in out)).hexdigest()
        best = {m: min(t) for m, t in times.items()}
        med = {m: float(np.median(t)) for m, t in times.items()}
        print(f"{name}: numpy best {best['0']:.2f} ms (median {med['0']:.2f}), kernels best "
              f"{best['1']:.2f} ms (median {med['1']:.2f}); numpy/kernels "
              f"{best['0'] / best['1']:.2f}x best, {med['0'] / med['1']:.2f}x median; "
              f"same bits: {bits['0'] == bits['1']}")


if __name__ == "__main__":
    main()
