"""What every ``scorenet`` subcommand shares: the usage error, ``--set`` overrides and
a progress bar. Imports no Qt and nothing heavy at module level.
"""

from __future__ import annotations

import argparse
import time

from app.common.language import gettext as _

__all__ = ["UsageError", "Progress", "add_scenario_options", "load_from_args",
           "with_graph_hash"]


class UsageError(Exception):
    """A mistake on the command line (exit status 2)."""


def add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """The options that pick and adjust a scenario, shared by the headless commands."""
    parser.add_argument("scenario", nargs="?", default="default",
                        help="a scenario TOML file or a preset name (default: %(default)s)")
    parser.add_argument("--steps", type=int, help="number of steps (overrides run.steps)")
    parser.add_argument("--seed", type=int, help="random seed (overrides run.seed)")
    parser.add_argument("--graph", metavar="FILE",
                        help="use this graph file (GraphML, GEXF, GML, Pajek, edge or "
                             "adjacency list, or a .scorenet bundle; relative to the current "
                             "folder)")
    parser.add_argument("--set", dest="sets", action="append", default=[],
                        metavar="KEY=VALUE",
                        help="override any parameter, e.g. --set rubric.social=0.4 "
                             "(repeatable)")


def _sets(args: argparse.Namespace) -> dict:
    """``--set`` values, a relative ``network.path`` made absolute from the current folder."""
    import os
    from pathlib import Path

    from models.errors import printable
    from models.scenario import parse_value

    out: dict = {}
    for item in args.sets:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(_("--set {item}: expected KEY=VALUE, e.g. rubric.social=0.4")
                             .format(item=repr(printable(item, 80))))
        out[key] = parse_value(value.strip())
    path = out.get("network.path")
    if isinstance(path, str) and path and not Path(os.path.expanduser(path)).is_absolute():
        out["network.path"] = str(Path.cwd() / os.path.expanduser(path))
    return out


def load_from_args(args: argparse.Namespace, varied: dict | None = None):
    """The scenario after ``--set``, ``--graph``, ``--steps`` and ``--seed``; each option's
    mistakes name that option, a bad graph file names the file. ``varied`` holds a
    sweep's first ``--vary`` value of keys that ``--set`` may need (``network.path`` for
    ``--set network.kind=file``); every run replaces them."""
    from pathlib import Path

    from models.errors import ScenarioError, printable
    from models.io.scenario_files import check_graph_file
    from models.scenario import load_scenario

    sets = _sets(args)
    scenario = load_scenario(args.scenario, check_graph=False)
    given = {}
    if args.graph is not None:
        if not args.graph.strip():
            raise UsageError(_("--graph: needs a file name"))
        from models.io.special import special_file_problem

        graph = Path(args.graph)
        problem = special_file_problem(graph)
        if problem:
            raise ScenarioError(printable(args.graph, 200), "--graph", problem)
        given = {"network.kind": "file", "network.path": str(graph.resolve())}
    changes = {**(varied or {}), **sets}
    if given and "network.path" not in changes:
        # --graph's path is there when the --set values are checked, so that
        # `--set network.kind=file --graph g.txt` is not refused for a missing path.
        changes["network.path"] = given["network.path"]
    scenario = scenario.replace(changes, blame="--set")
    if given:
        scenario = scenario.replace(given, blame="--graph")
    blame = "--set" if {"network.path", "network.kind"} & set(sets) else None
    if varied and "network.path" in varied:
        blame = "--vary network.path"
    if given:
        blame = "--graph"
    for flag, key, value in (("--steps", "run.steps", args.steps), ("--seed", "run.seed", args.seed)):
        if value is not None:
            scenario = scenario.replace({key: value}, blame=flag)
    check_graph_file(scenario, blame)
    return scenario


def with_graph_hash(scenario):
    """The scenario with its graph file's SHA-256 recorded (as ``--save-scenario`` does),
    so that an output's sidecar, run again after the graph changed, says so."""
    if scenario.graph_path() is None or scenario["network.sha256"]:
        return scenario
    from models.io.bundle import sha256_of_graph

    try:
        sha = sha256_of_graph(scenario.graph_path())
    except Exception:   # noqa: BLE001 - an unreadable graph is reported when it is read
        return scenario
    return scenario.replace({"network.sha256": sha})


class Progress:
    """A progress bar on a terminal, sparse lines otherwise, nothing when quiet."""

    def __init__(self, stream, quiet: bool, unit: str = "steps", what: str = "step") -> None:
        self.stream = stream
        self.quiet = quiet
        self.unit, self.what = unit, what
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
            self.stream.write(f"\r[{bar}] {done}/{total} {self.unit}  {now - self.start:6.1f} s")
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(f"{self.what} {done}/{total} ({now - self.start:.1f} s)\n")
        self.stream.flush()
