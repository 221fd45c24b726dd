"""The Pajek ``.net`` reader: ``*Vertices``, then ``*Edges`` / ``*Edgeslist`` / ``*Matrix``.

Vertices are numbered ``1..n``; when every vertex line gives a distinct label, the labels
are the ids (as networkx's ``read_pajek`` does), otherwise the numbers. ``*Arcs`` and
``*Arcslist`` (directed ties) are read as mutual with a note when the file also has
undirected ties; a file whose ties are *all* arcs is refused, since a directed network
(who follows whom) is not a network of friendships. ``%`` starts a comment line.
"""

from __future__ import annotations

import re

from ..graph import GraphData
from ..schema import FIELD_BY_NAME
from .base import Bad, Builder, short

__all__ = ["read_pajek", "looks_like_pajek"]

_VERTEX = re.compile(r'\s*(\S+)(?:\s+(?:"([^"]*)"|(\S+)))?')
_SECTION = re.compile(r"\*(\w+)", re.ASCII)


def looks_like_pajek(head: str) -> bool:
    """True when the first line that is not a ``%`` comment starts a Pajek section."""
    for line in head.splitlines():
        line = line.strip()
        if line and not line.startswith("%"):
            return re.match(r"\*(network|vertices|arcs|edges|arcslist|edgeslist)\b",
                            line, re.IGNORECASE) is not None
    return False


def _int(token: str, lineno: int, what: str) -> int:
    try:
        return int(token)
    except ValueError:
        raise Bad(f"line {lineno}: {what} {short(token)} is not a vertex number") from None


def read_pajek(text: str) -> GraphData:
    """Read Pajek text (see the module docstring)."""
    n = None
    labels: dict[int, str] = {}
    ties: list[tuple[int, int]] = []
    section = None
    kinds: set[str] = set()
    matrix_row = 0
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        m = _SECTION.match(line)
        if m:
            section = m.group(1).lower()
            if section == "vertices":
                parts = line.split()
                if len(parts) < 2:
                    raise Bad(f"line {lineno}: *Vertices needs a count")
                n = _int(parts[1], lineno, "vertex count")
                if n < 0:
                    raise Bad(f"line {lineno}: negative vertex count {n}")
                most = int(FIELD_BY_NAME["population.size"].hi)
                if n > most:
                    raise Bad(f"line {lineno}: *Vertices {short(parts[1], 24)}: more people "
                              f"than ScoreNet simulates (at most {most:,})")
            elif section in ("arcs", "edges", "arcslist", "edgeslist", "matrix"):
                if n is None:
                    raise Bad(f"line {lineno}: *{m.group(1)} before *Vertices")
                kinds.add(section)
            elif section != "network":
                raise Bad(f"line {lineno}: unknown Pajek section *{m.group(1)[:20]}")
            continue
        if section == "vertices":
            vm = _VERTEX.match(line)
            k = _int(vm.group(1), lineno, "vertex")
            if not 1 <= k <= n:
                raise Bad(f"line {lineno}: vertex {k} outside 1..{n}")
            label = vm.group(2) if vm.group(2) is not None else vm.group(3)
            if vm.group(2) is None and line[vm.end(1):].lstrip().startswith('"'):
                raise Bad(f"line {lineno}: the label of vertex {k} opens a quote that is "
                          f"not closed: {short(line)}")
            if label is not None:
                labels[k] = label
        elif section in ("arcs", "edges"):
            parts = line.split()
            if len(parts) < 2:
                raise Bad(f"line {lineno}: a tie needs two vertex numbers, got {short(line)}")
            ties.append((_int(parts[0], lineno, "vertex"), _int(parts[1], lineno, "vertex")))
        elif section in ("arcslist", "edgeslist"):
            parts = line.split()
            a = _int(parts[0], lineno, "vertex")
            ties.extend((a, _int(p, lineno, "vertex")) for p in parts[1:])
        elif section == "matrix":
            matrix_row += 1
            for col, value in enumerate(line.split(), 1):
                if value not in ("0", "0.0"):
                    ties.append((matrix_row, col))
        elif section is None or section == "network":
            raise Bad(f"line {lineno}: {short(line)} before any *Vertices section")
    if n is None:
        raise Bad("no *Vertices section: not a Pajek file")
    if kinds and kinds <= {"arcs", "arcslist"} and ties:
        raise Bad("a Pajek file with directed *Arcs only: ScoreNet's friendships are "
                  "mutual; write the ties as *Edges to use them")
    for a, b in ties:
        for k in (a, b):
            if not 1 <= k <= n:
                raise Bad(f"tie {a}-{b}: vertex {k} is not among the {n} *Vertices")
    named = len(labels) == n and len(set(labels.values())) == n
    b = Builder()
    for k in range(1, n + 1):
        b.node(labels[k] if named else str(k))
    for x, y in ties:
        b.edge(labels[x] if named else str(x), labels[y] if named else str(y))
    b.directed = bool(kinds & {"arcs", "arcslist"}) and bool(ties)
    return b.finish(convert_ids=True)
