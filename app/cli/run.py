"""``scorenet run``: run one scenario headless and write or print its metrics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import Progress, UsageError, add_scenario_options, overrides

__all__ = ["add_parser", "run", "SUMMARY_COLUMNS"]

SUMMARY_COLUMNS = (
    "mean_score", "median_score", "gini", "restricted_share", "privileged_share",
    "assortativity", "dating_assortativity", "modularity", "stratification",
    "isolated_share", "giant_share", "degree_gap", "match_gap", "group_gap", "optout_gap",
    "mobility",
)


def add_parser(sub) -> None:
    """Register ``run`` on the subcommand parsers ``sub``."""
    run = sub.add_parser("run", help="run a scenario headless and report its metrics",
                         description="Run a scenario without a window.")
    add_scenario_options(run)
    run.add_argument("--metrics-out", metavar="FILE.csv",
                     help="write one row of metrics per step (step 0 included)")
    run.add_argument("--nodes-out", metavar="FILE.csv",
                     help="write the final per-person table")
    run.add_argument("--quiet", action="store_true", help="no progress output")


def _summary(sim) -> str:
    last = sim.history.row(-1)
    sc = sim.scenario
    lines = [f"{sc.name}: {sim.n} people, {sim.step_count} steps, seed {sc['run.seed']}"]
    width = max(len(c) for c in SUMMARY_COLUMNS)
    for c in SUMMARY_COLUMNS:
        lines.append(f"  {c:<{width}}  {last[c]:.4g}")
    return "\n".join(lines)


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse unwritable output paths before the run, so no work is thrown away."""
    from models.atomic import check_writable

    outs = {"--metrics-out": args.metrics_out, "--nodes-out": args.nodes_out}
    for flag, path in outs.items():
        if path is not None:
            if not path.strip():
                raise UsageError(f"{flag}: needs a file name")
            check_writable(path)
    if args.metrics_out and args.nodes_out and \
            Path(args.metrics_out).resolve() == Path(args.nodes_out).resolve():
        raise UsageError("--metrics-out and --nodes-out name the same file")


def run(args: argparse.Namespace) -> int:
    from models import load_scenario
    from models.simulation import Simulation

    scenario = load_scenario(args.scenario, overrides(args))
    _check_outputs(args)
    if not args.quiet:
        sys.stderr.write(f"building {scenario.name}...\n")
    sim = Simulation(scenario)
    sim.run(progress=Progress(sys.stderr, args.quiet))
    for path, write in ((args.metrics_out, sim.history.to_csv),
                        (args.nodes_out, sim.write_nodes_csv)):
        if path is not None:
            try:
                write(path)
            except OSError as exc:   # e.g. a full disk: say which file
                raise OSError(exc.errno, exc.strerror or str(exc), path) from None
    if args.metrics_out is None:
        print(_summary(sim))
    return 0
