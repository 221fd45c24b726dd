"""``scorenet run``: run one scenario headless and write or print its results."""

from __future__ import annotations

import argparse
import shlex
import sys
from contextlib import ExitStack, contextmanager

from app.cli.common import (
    Progress,
    UsageError,
    add_scenario_options,
    load_from_args,
    with_graph_hash,
)
from app.cli.outputs import (
    add_output_options,
    check_outputs,
    output_error,
    scenario_inputs,
)
from app.cli.sweep import RunProgress, add_seed_options, format_ensemble, seeds, workers
from app.common.language import gettext as _

__all__ = ["add_parser", "run", "SUMMARY_COLUMNS"]

SUMMARY_COLUMNS = (
    "mean_score", "median_score", "gini", "restricted_share", "privileged_share",
    "assortativity", "dating_assortativity", "modularity", "stratification",
    "isolated_share", "giant_share", "degree_gap", "match_gap", "group_gap", "optout_gap",
    "mobility",
)

GRAPH_RULES = """\
graph files: GraphML, GEXF, GML, Pajek .net, edge lists (space, tab, ';' or ','
separated; a header row such as source,target is skipped; extra numeric columns are
ignored) and adjacency lists (.adj), or a .scorenet bundle. Directed ties are read as
mutual friendships, self-loops are dropped, repeated ties are merged and isolated people
are kept; a note on stderr says what was changed. Files that are not graphs (tables,
spreadsheets, scenarios, archives) are refused with one line saying what they look like.
Every output also gets FILE.meta.toml: the scenario, version, seed and command that made
it (itself a scenario file: scorenet run FILE.meta.toml runs it again)."""


def add_parser(sub) -> None:
    """Register ``run`` on the subcommand parsers ``sub``."""
    run = sub.add_parser("run", help="run a scenario headless and report its metrics",
                         description="Run a scenario without a window.", epilog=GRAPH_RULES,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    add_scenario_options(run)
    add_output_options(run)
    add_seed_options(run)
    run.add_argument("--quiet", action="store_true", help="no progress output")


def _summary(sim) -> str:
    from models.errors import printable

    last = sim.history.row(-1)
    sc = sim.scenario
    lines = [_("{name}: {n} people, {steps} steps, seed {seed}").format(
        name=printable(sc.name, 80), n=sim.n, steps=sim.step_count, seed=sc['run.seed'])]
    width = max(len(c) for c in SUMMARY_COLUMNS)
    for c in SUMMARY_COLUMNS:
        lines.append(f"  {c:<{width}}  {last[c]:.4g}")
    return "\n".join(lines)


def _note(sim) -> None:
    from models.errors import printable

    notes = getattr(sim.graph, "notes", ())
    if notes:
        where = printable(sim.scenario.graph_path() or "graph", 200)
        sys.stderr.write("scorenet: " + _("note: {where}: {notes}").format(
            where=where, notes="; ".join(notes)) + "\n")


def _read_graph(scenario, quiet: bool):
    """A file network read with progress (a large edge list takes a while), else None
    (the simulation builds its network itself)."""
    path = scenario.graph_path() if scenario["network.kind"] == "file" else None
    if path is None:
        return None
    from models.io.read import read_graph, require_people
    from models.measures import community_method

    reading = Progress(sys.stderr, quiet, unit="MB", what="read MB")
    graph = require_people(read_graph(path, progress=lambda done, total: reading(
        done >> 20, total >> 20)), path)
    if not quiet and graph.n >= 50_000:
        method = community_method(scenario["run.communities"], graph.n)
        sys.stderr.write(f"{graph.n:,} people, {graph.m:,} ties; drawing the population, "
                         f"then communities ({method})...\n")
    return graph


def run(args: argparse.Namespace) -> int:
    from models.errors import printable
    from models.io.provenance import Provenance
    from models.simulation import Simulation

    scenario = load_from_args(args)
    outs = {o.flag: o for o in check_outputs(args, scenario_inputs(scenario))}
    if outs:   # every sidecar records the graph's SHA-256, as --save-scenario does
        scenario = with_graph_hash(scenario)
    if args.seeds is not None or args.seed_list is not None:
        return _ensemble(args, scenario, outs)
    if not args.quiet:
        sys.stderr.write(_("building {name}...").format(name=printable(scenario.name, 80)) + "\n")
    sim = Simulation(scenario, graph=_read_graph(scenario, args.quiet))
    _note(sim)
    progress = Progress(sys.stderr, args.quiet)
    command = "scorenet " + " ".join(shlex.quote(a) for a in (args.argv or sys.argv[1:]))
    with ExitStack() as stack:
        feeds = []
        if "--people-out" in outs:
            from models.io.tables import PeopleWriter

            prov0 = Provenance(scenario, scenario["run.steps"], command)
            # Entered first, left last: a write or the close failing (a full disk, a
            # named pipe whose reader left) is one line naming the file and option, not
            # the quiet exit of a closed standard output.
            stack.enter_context(_naming_output("--people-out", outs["--people-out"].path))
            people = stack.enter_context(PeopleWriter(outs["--people-out"].path,
                                                      prov0.toml("people over time")))
            people.write(sim)
            feeds.append(people.write)
        timeline = None
        if "--timeline-out" in outs:
            from models.io.timeline import Timeline

            timeline = Timeline(sim)
            feeds.append(timeline.record)

        def step_done(done: int, total: int) -> None:
            for feed in feeds:
                feed(sim)
            progress(done, total)

        sim.run(progress=step_done)
        prov = Provenance(scenario, sim.step_count, command)
        _write_results(sim, outs, prov, timeline)
    if "--people-out" in outs:
        prov.write_sidecar(outs["--people-out"].path, "people over time")
    if "--metrics-out" not in outs:
        print(_summary(sim))
    return 0


def _write_results(sim, outs, prov, timeline) -> None:
    """Write every requested file after the run; an OSError names the file."""
    from models.scenario import save_scenario

    def write_table(*a):   # imported when asked for: the writers cost start-up time
        from models.io.tables import write_table

        write_table(*a)

    def write_network(*a, **k):
        from models.io.network_out import write_network

        write_network(*a, **k)

    def save_bundle(*a):
        from models.io.bundle import save_bundle

        save_bundle(*a)

    def metrics(path):
        if outs["--metrics-out"].parquet:
            write_table(path, sim.history.columns(), prov.toml("metrics"))
        else:
            sim.history.to_csv(path)

    def nodes(path):
        if outs["--nodes-out"].parquet:
            write_table(path, sim.person_table(), prov.toml("people"))
        else:
            sim.write_nodes_csv(path)

    writers = {
        "--metrics-out": (metrics, "metrics"),
        "--nodes-out": (nodes, "people"),
        "--graph-out": (lambda p: write_network(sim, p, description=prov.one_line("network")),
                        "network"),
        "--timeline-out": (lambda p: timeline.write(p, prov.one_line("timeline")), "timeline"),
        "--save-scenario": (lambda p: save_scenario(sim.scenario, p), "scenario"),
        "--save-bundle": (lambda p: save_bundle(sim.scenario, p), "bundle"),
    }
    for flag, (write, what) in writers.items():
        if flag not in outs:
            continue
        path = outs[flag].path
        try:
            write(path)
            if flag not in ("--save-scenario", "--save-bundle"):
                prov.write_sidecar(path, what)
        except OSError as exc:   # e.g. a full disk: say which file and option
            raise output_error(flag, path, exc) from None
        except ValueError as exc:   # an id that the format cannot hold
            raise UsageError(f"{path}: {flag}: {exc}") from None


@contextmanager
def _naming_output(flag: str, path: str):
    """Turn an OSError of the block into the one-line error naming ``flag``'s file."""
    try:
        yield
    except OSError as exc:
        raise output_error(flag, path, exc) from None


def _ensemble(args: argparse.Namespace, scenario, outs) -> int:
    """``--seeds N`` or ``--seed-list``: the same scenario once per seed; each final
    metric's mean and 95% interval; ``--metrics-out`` gets the tidy table with ``seed``."""
    from models.sweeps import describe, execute, make_plan, tidy_columns, write_table

    single = sorted(set(outs) - {"--metrics-out"})
    if single:
        raise UsageError(_("{flag} takes a single run; drop --seeds or --seed-list").format(
            flag=single[0]))
    plan = make_plan(scenario, {}, seeds(args, scenario))
    progress = RunProgress(sys.stderr, args.quiet)
    outcome = execute(plan, workers=workers(args), progress=progress)
    progress.close()
    if "--metrics-out" in outs:
        path = outs["--metrics-out"].path
        command = "scorenet " + " ".join(shlex.quote(a) for a in (args.argv or sys.argv[1:]))
        from models.io.provenance import Provenance

        listed = ", ".join(map(str, plan.seeds))
        try:
            write_table(path, tidy_columns(outcome), describe(plan, command))
            # The same FILE.meta.toml as a single run's (its seed is the first seed).
            Provenance(scenario, plan.steps, command).write_sidecar(
                path, f"metrics per seed and step, seeds {listed}")
        except OSError as exc:
            raise output_error("--metrics-out", path, exc) from None
    print(format_ensemble(scenario.name, outcome))
    return 0
