"""How do friendships sort by score as the social weight grows?

A sweep of ``rubric.social`` over five values and three seeds, on a process pool, with
the mean and 95% interval over seeds of two metrics at the last step. Run it with

    python docs/examples/sweep_social_weight.py [--steps 60] [--workers 2]

The same from the command line:

    scorenet sweep default --vary rubric.social=0:0.4:5 --seeds 3 --steps 60 \\
        --out social.csv --summary-out social-summary.csv
"""

from __future__ import annotations

import argparse

from models import load_scenario
from models.sweeps import execute, make_plan, seed_range, summary_columns


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--size", type=int, default=500, help="people (population.size)")
    args = ap.parse_args(argv)
    base = load_scenario("default", {"population.size": args.size})
    plan = make_plan(base, {"rubric.social": [0.0, 0.1, 0.2, 0.3, 0.4]},
                     seeds=seed_range(base, 3), steps=args.steps)
    outcome = execute(plan, workers=args.workers)
    s = summary_columns(outcome)
    print(f"{'social':>6}  {'assortativity (95% interval)':>34}  {'restricted share':>16}")
    for i, social in enumerate(s["rubric.social"]):
        a = (s["assortativity_mean"][i], s["assortativity_low"][i], s["assortativity_high"][i])
        print(f"{social:6.2f}  {a[0]:10.3f} [{a[1]:7.3f}, {a[2]:7.3f}]"
              f"       {s['restricted_share_mean'][i]:16.3f}")


# The guard matters: the pool's processes are spawned and import this file again.
if __name__ == "__main__":
    main()
