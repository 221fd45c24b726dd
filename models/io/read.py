"""The graph-file entry point: read the bytes safely, pick the reader, turn problems
with the file into one-line :class:`~models.errors.ScenarioError`.

Only the file's own problems become ScenarioErrors: the readers raise ``Bad`` for those,
and a nesting or memory limit is the file's too. Any other exception is a bug in a
reader and propagates unchanged, so tests see it and the CLI reports an internal error.

Reading is bounded: special files (FIFOs, devices, directories, symlink loops) are
refused before any read; a large file of nothing but blank lines and comments is
refused after a streaming scan, without loading it; line-based formats refuse a line
longer than :data:`MAX_LINE` bytes before decoding (a one-line 200 MB file would
otherwise cost many times its size in fields).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..errors import ScenarioError, printable
from ..graph import GraphData
from .base import Bad
from .detect import sniff
from .edgelist import read_edge_list
from .fastedges import FAST_FROM, read_plain_edges
from .special import special_file_problem
from .gml import read_gml
from .pajek import read_pajek
from .plausible import check_edge_list_result, note_no_ties, refuse_non_graph_text
from .xmlgraph import read_xml

__all__ = ["read_graph", "read_graph_bytes", "require_people", "KEY", "MAX_LINE", "MIN_PEOPLE"]

KEY = "network.path"
#: The longest line a line-based graph format may hold (an adjacency list of a person
#: with 400,000 friends fits).
MAX_LINE = 4 << 20
#: A network needs this many people: the model pairs people, draws friends, ranks scores.
MIN_PEOPLE = 2
#: Files above this size are scanned for any content before they are loaded.
_SCAN_ABOVE = 4 << 20
_CHUNK = 1 << 20
_COMMENT_LINES = re.compile(rb"(?m)^[ \t\r\f\v]*[#%][^\n]*")


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _only_blank(path: Path) -> bool:
    """True when the file holds nothing but blank lines and ``#``/``%`` comments."""
    in_comment = False
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            if in_comment:
                nl = chunk.find(b"\n")
                if nl < 0:
                    continue
                chunk = chunk[nl + 1:]
            last = chunk[chunk.rfind(b"\n") + 1:]
            in_comment = last.lstrip().startswith((b"#", b"%"))
            if _COMMENT_LINES.sub(b"", chunk).strip():
                return False
    return True


def _read_bytes(path: Path, source: str) -> bytes:
    problem = special_file_problem(path)
    if problem:
        raise ScenarioError(source, KEY, problem)
    try:
        size = path.stat().st_size
        if size > _SCAN_ABOVE and _only_blank(path):
            raise ScenarioError(source, KEY, f"only blank lines and comments ({_size(size)}): "
                                "the graph has no nodes")
        return path.read_bytes()
    except OSError as exc:
        raise ScenarioError(source, KEY, f"cannot read: {exc.strerror or exc}") from None
    except MemoryError:
        raise ScenarioError(source, KEY, f"file too large to read into memory "
                            f"({_size(size)})") from None


def _check_lines(raw: bytes) -> None:
    """Refuse a line longer than MAX_LINE, scanning in blocks (no copy of the text)."""
    if len(raw) <= MAX_LINE:
        return
    arr = np.frombuffer(raw, np.uint8)
    prev, lines = -1, 0
    block = 1 << 24
    for off in range(0, arr.size, block):
        part = arr[off:off + block]
        ends = np.flatnonzero((part == 10) | (part == 13)) + off
        stops = np.concatenate([ends, [arr.size]]) if off + block >= arr.size else ends
        if stops.size:
            gaps = np.diff(np.concatenate([[prev], stops])) - 1
            k = int(np.argmax(gaps))
            if gaps[k] > MAX_LINE:
                raise Bad(f"line {lines + k + 1:,} is {_size(int(gaps[k]))} long (at most "
                          f"{_size(MAX_LINE)} in a line-based graph file)")
            prev = int(stops[-1])
            lines += int(ends.size)
        elif off + block - prev > MAX_LINE:
            raise Bad(f"line {lines + 1:,} is longer than {_size(MAX_LINE)} (at most "
                      f"{_size(MAX_LINE)} in a line-based graph file)")


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # "Unicode text" from Excel or Notepad
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Bad("not a valid UTF-16 text file") from None
    if b"\x00" in raw[:8192]:
        raise Bad("binary file, not a text graph format")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise Bad(f"not a UTF-8 text file (byte 0x{raw[exc.start]:02x} at line {line})") \
            from None


def _parse(held: list[bytes], ext: str,
           progress: Callable[[int, int], None] | None = None) -> GraphData:
    """Parse ``held[0]``, dropping the bytes once decoded (the caller keeps no copy)."""
    from .bundle import bundle_network, is_bundle

    raw = held.pop()
    if not raw.strip():
        raise Bad("empty file")
    kind = sniff(raw, ext, is_bundle)
    if kind == "bundle":
        name, member = bundle_network(raw)
        del raw
        return _parse([member], Path(name).suffix.lower())
    if kind == "xml":
        return note_no_ties(read_xml(raw))
    if kind != "gml":
        _check_lines(raw)
    if kind == "edges" and len(raw) >= FAST_FROM:
        fast = read_plain_edges(raw, progress)
        if fast is not None:
            return check_edge_list_result(fast, False)   # the same notes as below
    whole = len(raw) <= 4096
    text = _decode(raw)
    del raw
    if kind == "gml":
        return note_no_ties(read_gml(text))
    if kind == "pajek":
        return note_no_ties(read_pajek(text))
    refuse_non_graph_text(text[:4096], whole and len(text) <= 4096)
    by_name = kind == "adjacency"
    return check_edge_list_result(read_edge_list(text, adjacency=by_name), by_name)


def read_graph_bytes(raw: bytes, name: str, source: str | None = None,
                     progress: Callable[[int, int], None] | None = None) -> GraphData:
    """Read a graph from bytes; ``name`` gives the extension hint, ``source`` the name
    used in errors (default ``name``), ``progress(done, total)`` hears how many bytes of
    a large plain edge list are parsed (:mod:`models.io.fastedges`)."""
    source = printable(source if source is not None else name, limit=300)
    held = [raw]
    del raw
    try:
        return _parse(held, Path(name).suffix.lower(), progress)
    except Bad as exc:
        raise ScenarioError(source, KEY, str(exc)) from None
    except RecursionError:
        raise ScenarioError(source, KEY, "structure nested too deeply") from None
    except MemoryError:
        raise ScenarioError(source, KEY, "file too large to read into memory") from None


def require_people(graph: GraphData, source: str | os.PathLike[str]) -> GraphData:
    """``graph`` when it has :data:`MIN_PEOPLE` people or more, else a ScenarioError that
    names the graph file ``source`` (a readable file, but no network one can simulate)."""
    if graph.n < MIN_PEOPLE:
        who = "person" if graph.n == 1 else "people"
        raise ScenarioError(printable(source, limit=300), KEY,
                            f"the graph has {graph.n} {who}; a network needs {MIN_PEOPLE} "
                            "or more")
    return graph


def read_graph(path: str | os.PathLike[str],
               progress: Callable[[int, int], None] | None = None) -> GraphData:
    """Read a GraphML, GEXF, GML, Pajek, edge-list or adjacency-list file, or the network
    inside a ScoreNet bundle (see :mod:`models.io` for the rules).

    Parameters
    ----------
    path
        The graph file; the format comes from its content, and from its extension when
        the content does not decide (``.adj``/``.adjlist``: adjacency list).
    progress
        ``progress(done_bytes, total_bytes)`` while a large plain edge list is parsed.

    Returns
    -------
    GraphData
        Ids as given (ints or strings), canonical undirected edges, groups or None, and
        ``notes`` on what reading changed (directed ties, self-loops, repeated ties).

    Raises
    ------
    ScenarioError
        ``"<path>: network.path: <problem>"`` for a missing, special, unreadable, empty,
        binary, malformed, unsafe or node-less file, or one that is not a graph.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "tiny.csv"
    >>> _ = p.write_text("source,target\\nann,bob\\nbob,cat,2.5  # weighted\\ndan\\n")
    >>> g = read_graph(p)
    >>> g.ids.tolist(), g.edges.tolist(), g.groups
    (['ann', 'bob', 'cat', 'dan'], [[0, 1], [1, 2]], None)
    """
    p = Path(path)
    source = printable(path, limit=300)
    return read_graph_bytes(_read_bytes(p, source), p.name, source, progress)
