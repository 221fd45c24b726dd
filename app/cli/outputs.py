"""``scorenet run``'s output files: checked before step 1, written after the run.

Every output path is checked before any work: a name, not a folder; the extension of
its kind (tables .csv or .parquet, networks .gexf or .graphml, .toml, .scorenet; so that
``--metrics-out edges.txt`` cannot write CSV over a graph file), except for an existing
named pipe or device; not also an input
(the scenario, the graph, a bundle), nor another output or its sidecar; a folder that
takes a new file (a probe file is made and removed); Parquet only when pyarrow is
there. Each output gets a ``FILE.meta.toml`` sidecar saying how it was made.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from app.cli.common import UsageError
from app.common.language import gettext

__all__ = ["OUTPUTS", "add_output_options", "Output", "check_outputs", "check_paths",
           "scenario_inputs", "output_error", "folder_error"]

#: Table outputs: a name of any other kind (``edges.txt``, ``my.toml``) is refused, so
#: that a slip of the option never writes CSV over a graph or scenario file.
_TABLE = (".csv", ".parquet")
#: flag -> (argparse dest, metavar, help, allowed extensions or None for any)
OUTPUTS = {
    "--metrics-out": ("metrics_out", "FILE.csv|.parquet",
                      "write one row of metrics per step (step 0 included)", _TABLE),
    "--nodes-out": ("nodes_out", "FILE.csv|.parquet", "write the final per-person table",
                    _TABLE),
    "--people-out": ("people_out", "FILE.csv|.parquet",
                     "write one row per person and step: step, id, score, status, degree, "
                     "community (streamed: memory stays bounded)", _TABLE),
    "--graph-out": ("graph_out", "FILE.gexf|.graphml",
                    "write the final network: ids as given, the per-person table as node "
                    "attributes, friendships and dates as edge kinds (GEXF 1.3 for Gephi, "
                    "GraphML for networkx and igraph)", (".gexf", ".graphml")),
    "--timeline-out": ("timeline_out", "FILE.gexf",
                       "write the whole run as a dynamic GEXF: ties with spells, score and "
                       "status as timed values (Gephi's timeline plays it)", (".gexf",)),
    "--save-scenario": ("save_scenario", "FILE.toml",
                        "write the effective scenario (after --set and --graph), with the "
                        "graph file's SHA-256", (".toml",)),
    "--save-bundle": ("save_bundle", "FILE.scorenet",
                      "write one shareable file holding the scenario and its network file; "
                      "scorenet run and the app open it", (".scorenet",)),
}

_TABLES = ("--metrics-out", "--nodes-out", "--people-out")


def add_output_options(parser: argparse.ArgumentParser) -> None:
    for flag, (dest, metavar, text, _) in OUTPUTS.items():
        parser.add_argument(flag, dest=dest, metavar=metavar, help=text)


@dataclass(frozen=True)
class Output:
    flag: str
    path: str

    @property
    def parquet(self) -> bool:
        return self.path.lower().endswith(".parquet")


def _is_stream(path: str) -> bool:
    """True for an existing FIFO or device (``/dev/stdout``, a named pipe), which takes any
    name; also when ``stat`` fails other than "not found" (the write check says why)."""
    import stat

    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _key(path: str | Path):
    """One key per file: device and inode when it exists (hard links, symlinks and other
    spellings of one file compare equal), else the resolved path."""
    try:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)
    except OSError:
        return os.path.normcase(os.path.realpath(path))


def check_outputs(args: argparse.Namespace, inputs: dict[str, Path | None]) -> list[Output]:
    """``scorenet run``'s requested outputs (see :func:`check_paths`)."""
    return check_paths([(flag, getattr(args, dest, None), exts)
                        for flag, (dest, _, _, exts) in OUTPUTS.items()], inputs,
                       tables=_TABLES, bare=("--save-scenario", "--save-bundle"))


def scenario_inputs(scenario) -> dict[str, Path | None]:
    """A scenario's input files, for :func:`check_paths`: its file (a sidecar too) and
    its graph file (``--graph`` or ``network.path``)."""
    src = Path(scenario.source)
    return {gettext("the scenario file"): src if src.is_file() else None,
            gettext("the graph file"): scenario.graph_path()}


def output_error(flag: str, path: str, exc: OSError) -> UsageError:
    """An output that cannot be written, as one line naming the file and the option."""
    from models.errors import printable

    return UsageError(f"{printable(path, 200)}: {flag}: "
                      f"{printable(exc.strerror or exc, 200)}")


def folder_error(path: str, flag: str) -> UsageError:
    """An output path naming a folder, refused in words saying so."""
    text = (gettext("{path}: {flag}: names a folder (ends with a slash), not a file")
            if path.endswith(("/", os.sep)) else
            gettext("{path}: {flag}: is a directory; name a file in it"))
    return UsageError(text.format(path=path, flag=flag))


def check_paths(wanted, inputs: dict[str, Path | None], *, tables=None,
                bare=()) -> list[Output]:
    """The outputs given, or UsageError naming the first bad one.

    ``wanted`` lists ``(flag, path or None, allowed extensions or None)``; ``inputs``
    maps a description (``"the scenario file"``) to an input's path. ``tables`` are the
    flags that may name Parquet (default: those allowing .parquet); ``bare`` the flags
    written without a ``FILE.meta.toml`` sidecar.
    """
    from models.atomic import check_writable
    from models.io.provenance import sidecar_path

    outs = []
    for flag, path, exts in wanted:
        if path is None:
            continue
        if not path.strip():
            raise UsageError(gettext("{flag}: needs a file name").format(flag=flag))
        if path.endswith(("/", os.sep)) or os.path.isdir(path):
            raise UsageError(folder_error(path, flag))
        if exts and not path.lower().endswith(exts) and not _is_stream(path):
            raise UsageError(gettext("{path}: {flag}: must end in {suffixes}").format(
                path=path, flag=flag, suffixes=gettext(" or ").join(exts)))
        outs.append(Output(flag, path))
    parquet_ok = tables if tables is not None else tuple(
        flag for flag, _, exts in wanted if exts and ".parquet" in exts)
    taken: dict[str, tuple[str, bool]] = {
        _key(p): (what, True) for what, p in inputs.items() if p is not None}
    for out in outs:
        if out.parquet and out.flag not in parquet_ok:
            raise UsageError(gettext("{path}: {flag}: Parquet is for tables").format(
                path=out.path, flag=out.flag))
        if out.parquet:
            from models.io.tables import ParquetMissing, require_parquet

            try:
                require_parquet(f"{out.flag} {out.path}")
            except ParquetMissing as exc:
                raise UsageError(str(exc)) from None
        for p, side in ((out.path, ""), (str(sidecar_path(out.path)), gettext("its sidecar "))):
            if side and out.flag in bare:
                continue
            hit = taken.get(_key(p))
            if hit is not None:
                what, is_input = hit
                if is_input:
                    raise UsageError(gettext("{path}: {flag}: {side}is also {what} (an input); "
                                             "refusing to overwrite it").format(
                        path=out.path, flag=out.flag, side=side, what=what))
                raise UsageError(gettext("{path}: {flag}: {side}names the same file as {what}")
                                 .format(path=out.path, flag=out.flag, side=side, what=what))
            taken[_key(p)] = ((gettext("the {flag} sidecar") if side
                               else gettext("the {flag} file")).format(flag=out.flag), False)
        try:
            check_writable(out.path)
        except OSError as exc:
            raise output_error(out.flag, out.path, exc) from None
        if out.flag not in bare:
            _check_name_fits(sidecar_path(out.path), out)
    return outs


def _check_name_fits(sidecar: Path, out: Output) -> None:
    try:
        limit = os.pathconf(Path(os.path.realpath(out.path)).parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    if len(os.fsencode(sidecar.name)) > limit:
        raise UsageError(gettext("{path}...: {flag}: name too long for its {sidecar} sidecar "
                                 "(at most {limit} bytes)").format(
            path=out.path[:60], flag=out.flag, sidecar=sidecar.name[-10:], limit=limit - 10))
