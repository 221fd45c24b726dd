"""``scorenet sweep``: many runs over a grid of parameter values and seeds, as one table.

Everything is checked before the first run (keys, values, grid points, output paths,
the scheduler). Finished runs are kept in a hidden folder beside the results file as
they finish, so Ctrl+C loses at most the runs in progress and the same command run
again computes only what is missing. The work itself is :mod:`models.sweeps`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from app.cli.common import (
    UsageError,
    add_scenario_options,
    load_from_args,
    with_graph_hash,
)
from app.common.language import gettext as _

__all__ = ["add_parser", "run", "RunProgress", "store_for", "format_ensemble"]


def add_parser(sub) -> None:
    """Register ``sweep`` on the subcommand parsers ``sub``."""
    p = sub.add_parser(
        "sweep", help="run a scenario over a grid of parameter values and seeds",
        description="Run every combination of the --vary values for every seed and write "
                    "one tidy row per run and step.")
    add_scenario_options(p)
    p.add_argument("--vary", action="append", default=[], metavar="KEY=VALUES",
                   help="a parameter and its values: KEY=V1,V2,... or KEY=START:STOP:COUNT "
                        "(repeatable; the grid is the product, the first varying slowest)")
    add_seed_options(p)
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="send the runs to a Dask cluster, e.g. tcp://127.0.0.1:8786 "
                        "(needs the 'cluster' extra)")
    p.add_argument("--out", required=True, metavar="FILE.csv|FILE.parquet",
                   help="the tidy table: varied keys, seed, step, then every metric")
    p.add_argument("--summary-out", metavar="FILE.csv",
                   help="per grid point, the mean and a 95%% interval over seeds of each "
                        "metric at the last step")
    p.add_argument("--quiet", action="store_true", help="no progress output")


def add_seed_options(p: argparse.ArgumentParser) -> None:
    """``--seeds``, ``--seed-list`` and ``--workers`` (shared with ``scorenet run``)."""
    seeds = p.add_mutually_exclusive_group()
    seeds.add_argument("--seeds", type=int, metavar="N",
                       help="run N seeds: the scenario's seed (or --seed) and the next N-1")
    seeds.add_argument("--seed-list", metavar="S1,S2,...", help="run exactly these seeds")
    p.add_argument("--workers", type=int, metavar="N",
                   help="worker processes (default: one per core; 1 runs in this process)")


def store_for(out: str | Path) -> Path:
    """The folder where a sweep writing ``out`` keeps its finished runs."""
    out = Path(out)
    return out.with_name(f".{out.name}.runs")


class RunProgress:
    """Progress over runs: tqdm's bar on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream, quiet: bool) -> None:
        self.stream, self.quiet = stream, quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.bar = None
        self.start = time.perf_counter()
        self.last = -1.0

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total <= 0:
            return
        if self.tty:
            try:
                from tqdm import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                if self.bar is None:   # runs found on disk are done already
                    self.bar = tqdm(total=total, initial=done, unit="run", file=self.stream,
                                    dynamic_ncols=True, smoothing=0.1)
                self.bar.update(done - self.bar.n)
                return
        now = time.perf_counter()
        if done < total and now - self.last < (0.5 if self.tty else 5.0):
            return
        self.last = now
        start = "\r" if self.tty else ""
        end = "\n" if not self.tty or done == total else ""
        self.stream.write(start + _("run {done}/{total}").format(done=done, total=total)
                          + f" ({now - self.start:.1f} s){end}")
        self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def workers(args: argparse.Namespace) -> int:
    from models.sweeps import default_workers

    if args.workers is None:
        return default_workers()
    if args.workers < 1:
        raise UsageError(_("--workers: must be >= 1, got {n}").format(n=args.workers))
    return args.workers


def seeds(args: argparse.Namespace, base) -> list[int]:
    from models.sweeps import parse_seed_list, seed_range

    if args.seed_list is not None:
        return parse_seed_list(args.seed_list)
    return seed_range(base, args.seeds if args.seeds is not None else 1)


def _executor(address: str | None):
    """A Dask executor for ``address`` and its client, or (None, None); a wrong address
    is one line, within :data:`CONNECT_TIMEOUT` seconds."""
    if address is None:
        return None, None
    try:
        from distributed import Client
        from distributed.comm.addressing import parse_address
    except ImportError:
        raise UsageError(_("--scheduler needs Dask: pip install 'scorenet[cluster]'")) from None
    try:
        _scheme, where = parse_address(address)
    except (ValueError, TypeError):
        where = ""
    if not where or any(c.isspace() for c in where):
        raise UsageError(_("--scheduler {address}: not an address like tcp://HOST:8786")
                         .format(address=address))

    class Quiet(Client):
        """A client that, failing to connect, stops its event loop at once: Dask's own
        clean-up would wait twice the timeout and print a traceback."""

        failed = False

        def __init__(self, *args, **kwargs) -> None:
            try:
                super().__init__(*args, **kwargs)
            except BaseException:
                self.failed = True
                runner = getattr(self, "_loop_runner", None)
                if runner is not None:
                    runner.stop()
                raise

        def __del__(self) -> None:
            if not self.failed:
                super().__del__()

    try:
        client = Quiet(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as exc:   # noqa: BLE001 - refused, timed out, or not Dask at all
        from models.errors import printable

        # Something that is not a scheduler can answer with a huge frame length.
        error = _("no Dask scheduler answers there") if isinstance(exc, MemoryError) \
            else printable(exc, 160)
        raise UsageError(_("--scheduler {address}: cannot connect: {error}").format(
            address=address, error=error)) from None
    return client.get_executor(pure=False), client


#: Seconds to reach a scheduler.
CONNECT_TIMEOUT = 5


def _vary(args: argparse.Namespace):
    """The ``--vary`` arguments read; a key also given by ``--set`` is refused (which
    would win is not obvious), and graph paths are from the current folder, as with
    ``--set`` and ``--graph``."""
    import os

    from models.sweeps import parse_vary

    given = {item.partition("=")[0].strip() for item in args.sets}
    vary = []
    for text in args.vary:
        key, values = parse_vary(text)
        if key in given:
            raise UsageError(_("--set {key}: is also given by --vary {key}; give its values "
                               "in --vary only").format(key=key))
        if key == "network.path":
            values = [os.path.abspath(os.path.expanduser(v)) if isinstance(v, str) else v
                      for v in values]
        vary.append((key, values))
    return vary


def _check_graphs(base, vary) -> None:
    """Each ``--vary network.path`` file, checked as ``--graph`` would be."""
    from models.io.scenario_files import check_graph_file

    for key, values in vary:
        if key == "network.path" and base["network.kind"] == "file":
            for value in values:
                check_graph_file(base.replace({key: value}), f"--vary {key}")


def run(args: argparse.Namespace) -> int:
    from app.cli.outputs import check_paths, scenario_inputs
    from models.sweeps import (
        RunStore,
        describe,
        execute,
        make_plan,
        summary_columns,
        tidy_columns,
        write_meta,
        write_table,
    )

    vary = _vary(args)
    first = {k: v[0] for k, v in vary if k == "network.path" and v}
    base = load_from_args(args, first)   # a bad --set/--steps/--seed names the option
    _check_graphs(base, vary)
    plan = make_plan(base, vary, seeds(args, base))
    outs = {o.flag: Path(o.path) for o in check_paths(
        [("--out", args.out, (".csv", ".parquet")), ("--summary-out", args.summary_out,
                                                      (".csv",))],
        {**scenario_inputs(base), **_graph_inputs(vary)}, bare=("--summary-out",))}
    out, summary_out = outs["--out"], outs.get("--summary-out")
    base = with_graph_hash(base)   # the sidecar records the graph's SHA-256
    plan = make_plan(base, vary, plan.seeds)
    n_workers = workers(args)
    executor, client = _executor(args.scheduler)
    store = RunStore(store_for(out), note=lambda text: sys.stderr.write(
        "scorenet: " + _("note: {text}").format(text=text) + "\n"))
    command = shlex.join(["scorenet", *getattr(args, "argv", sys.argv[1:])])
    progress = RunProgress(sys.stderr, args.quiet)
    if not args.quiet:
        where = _("on {scheduler}").format(scheduler=args.scheduler) if client else \
            _("on {n} worker(s)").format(n=min(n_workers, len(plan)))
        sys.stderr.write(_("sweeping {name}: {n} runs of {steps} steps {where}").format(
            name=base.name, n=len(plan), steps=plan.steps, where=where) + "\n")
    try:
        outcome = execute(plan, executor=executor, workers=n_workers, store=store,
                          progress=progress)
    except KeyboardInterrupt as exc:   # Ctrl+C, or SIGTERM (the CLI's Interrupted)
        progress.close()
        done = sum(1 for r in plan.runs() if _stored(plan, r, store))
        signum = int(getattr(exc, "signum", 2))
        if done < len(plan):
            sys.stderr.write("scorenet: " + _("{how}: {done} of {n} runs kept in {folder}; "
                                              "run the same command again to finish").format(
                how=_("terminated") if signum == 15 else _("interrupted"), done=done,
                n=len(plan), folder=store.folder) + "\n")
            return 128 + signum
        # Every run had finished: write the results (read back from the store) rather
        # than ask for a rerun that would only do this.
        outcome = execute(plan, workers=1, store=store)
    finally:
        if client is not None:
            client.close()
    progress.close()
    meta = describe(plan, command)
    write_table(out, tidy_columns(outcome), meta)
    write_meta(out, meta)

    if summary_out is not None:
        write_table(summary_out, summary_columns(outcome))
    if not args.quiet:
        sys.stderr.write(_("wrote {out}: {n} runs ({now} run now, {found} found in "
                           "{folder})").format(out=out, n=len(plan), now=outcome.computed,
                                               found=len(plan) - outcome.computed,
                                               folder=store.folder) + "\n")
    return 0


def _graph_inputs(vary) -> dict:
    return {_("the graph file {path}").format(path=v): Path(v)
            for k, values in vary if k == "network.path" for v in values}


def _stored(plan, run, store) -> bool:
    from models.sweeps import run_key

    return run_key(plan.scenario_for(run)) in store


def format_ensemble(name: str, outcome) -> str:
    """Each final metric's mean and 95% interval over seeds, one line each."""
    from models.sweeps import summary_columns

    s = summary_columns(outcome)
    plan = outcome.plan
    metrics = [k[:-5] for k in s if k.endswith("_mean")]
    seeds = plan.seeds
    lines = [_("{name}: {steps} steps, {n} seeds ({seeds}); mean and 95% interval over "
               "seeds at the last step").format(
        name=name, steps=plan.steps, n=len(seeds),
        seeds=", ".join(map(str, seeds[:5])) + (", ..." if len(seeds) > 5 else ""))]
    width = max(len(m) for m in metrics)
    for m in metrics:
        mean, low, high = (float(s[f"{m}_{p}"][0]) for p in ("mean", "low", "high"))
        lines.append(f"  {m:<{width}}  {mean:10.4g}  [{low:.4g}, {high:.4g}]")
    return "\n".join(lines)
