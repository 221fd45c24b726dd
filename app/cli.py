"""The ``scorenet`` command: ``run`` a scenario headless, or open the desktop app.

``scorenet run`` imports only ``models``: no Qt, no matplotlib, so it starts fast and
works on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

__all__ = ["main", "build_parser"]

SUMMARY_COLUMNS = (
    "mean_score", "median_score", "gini", "restricted_share", "privileged_share",
    "assortativity", "dating_assortativity", "modularity", "stratification",
    "isolated_share", "giant_share", "degree_gap", "match_gap", "group_gap", "optout_gap",
    "mobility",
)


class UsageError(Exception):
    """A mistake on the command line (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scorenet",
        description="Simulate what a social credit score does to a society.",
        epilog="Without a command, opens the desktop app on the default scenario.")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run a scenario headless and report its metrics",
                         description="Run a scenario without a window.")
    run.add_argument("scenario", nargs="?", default="default",
                     help="a scenario TOML file or a preset name (default: %(default)s)")
    run.add_argument("--steps", type=int, help="number of steps (overrides run.steps)")
    run.add_argument("--seed", type=int, help="random seed (overrides run.seed)")
    run.add_argument("--graph", metavar="FILE",
                     help="use this graph file (GraphML, GEXF, GML or edge list)")
    run.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE",
                     help="override any parameter, e.g. --set rubric.social=0.4 (repeatable)")
    run.add_argument("--metrics-out", metavar="FILE.csv",
                     help="write one row of metrics per step (step 0 included)")
    run.add_argument("--nodes-out", metavar="FILE.csv",
                     help="write the final per-person table")
    run.add_argument("--quiet", action="store_true", help="no progress output")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("scenario", nargs="?", default="default",
                     help="a scenario TOML file or a preset name (default: %(default)s)")
    return parser


def _overrides(args: argparse.Namespace) -> dict:
    from models.scenario import parse_value

    out: dict = {}
    for item in args.sets:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"--set {item!r}: expected KEY=VALUE, e.g. rubric.social=0.4")
        out[key] = parse_value(value.strip())
    if args.graph is not None:
        from pathlib import Path

        out["network.kind"] = "file"
        out["network.path"] = str(Path(args.graph).resolve())
    if args.steps is not None:
        out["run.steps"] = args.steps
    if args.seed is not None:
        out["run.seed"] = args.seed
    return out


class _Progress:
    """A progress bar on a terminal, sparse lines otherwise, nothing when quiet."""

    def __init__(self, stream, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.start = time.perf_counter()
        self.last = -1.0

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total <= 0:
            return
        now = time.perf_counter()
        if done < total and now - self.last < (0.1 if self.tty else 5.0):
            return
        self.last = now
        if self.tty:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {done}/{total} steps  {now - self.start:6.1f} s")
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(f"step {done}/{total} ({now - self.start:.1f} s)\n")
        self.stream.flush()


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
    from pathlib import Path

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


def cmd_run(args: argparse.Namespace) -> int:
    from models import load_scenario
    from models.simulation import Simulation

    scenario = load_scenario(args.scenario, _overrides(args))
    _check_outputs(args)
    if not args.quiet:
        sys.stderr.write(f"building {scenario.name}...\n")
    sim = Simulation(scenario)
    sim.run(progress=_Progress(sys.stderr, args.quiet))
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


def cmd_gui(args: argparse.Namespace) -> int:
    from app.main import run_app

    return run_app(args.scenario)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scorenet`` command; returns the exit status."""
    from models.errors import ScenarioError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *([] if argv is None else argv)])
    try:
        if args.command == "run":
            return cmd_run(args)
        return cmd_gui(args)
    except (ScenarioError, UsageError) as exc:
        sys.stderr.write(f"scorenet: {exc}\n")
        return 2
    except OSError as exc:
        # Output files that cannot be written: a user problem, not a crash.
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        sys.stderr.write(f"scorenet: {where}{exc.strerror or exc}\n")
        return 2
    except MemoryError:
        sys.stderr.write("scorenet: out of memory: the network is too large for this "
                         "machine (try fewer people or a lower mean degree)\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("scorenet: interrupted\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
