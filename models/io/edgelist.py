"""Edge lists and adjacency lists: one tie (or one person and their friends) per line.

Edge lists: fields separated by a tab, ``;``, ``,`` or runs of spaces (the first of these
found on the line wins, so tab-separated names may contain spaces); ``#``
starts a comment, blank lines are skipped, a line with one field is an isolated node,
fields may be wrapped in double quotes (which may hold separators and ``#``; an
unbalanced quote is an error). Columns after the second are ignored when they are
numbers (weights, timestamps; a note says they were ignored) or when the file is
delimited (``Type``, ``Label``... columns of a Gephi edge table). A first line that names the columns (``source,target``,
``from to``, ``Source;Target;Weight``... when those names are not ids elsewhere in the
file, or any non-integer pair followed only by integer ids) is skipped as a header.

Adjacency lists (networkx ``write_adjlist``): a person, then each of their friends, on
one line. Read when the extension says so (``.adj``, ``.adjlist``), or when a file
without commas or semicolons has a line of more than four fields or names after the
second field (an edge list's extra columns are numbers); a note says so.

Refused, with a line saying what the file looks like: a table with a header of three or
more columns that does not start with two endpoint names (a people or metrics table, a
Gephi node table), and a table whose first columns hold decimal numbers.
"""

from __future__ import annotations

import re

import numpy as np

from ..graph import GraphData
from .base import INT_RE, MISSING, Bad, Builder, short

__all__ = ["read_edge_list"]

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|nan)",
                        re.IGNORECASE)
_DECIMAL_RE = re.compile(r"[+-]?(?:\d*\.\d+|\d+\.\d*)(?:[eE][+-]?\d+)?")
HEADER_NAMES = {"source", "target", "from", "to", "src", "dst", "dest", "destination",
                "node", "node1", "node2", "node_1", "node_2", "id1", "id2", "id_1", "id_2",
                "source_id", "target_id", "from_id", "to_id", "vertex1", "vertex2"}
#: Fields kept per row when sniffing: enough to see "more than four".
_KEEP = 4


def _strip_comment(line: str) -> str:
    """The line without a ``#`` comment; a ``#`` inside double quotes is part of an id."""
    if '"' not in line:
        return line.split("#", 1)[0]
    quoted = False
    for k, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            return line[:k]
    return line


def _split_quoted(line: str, sep: str | None, limit: int = -1) -> list[str]:
    """Split on ``sep`` (None: runs of whitespace) outside double quotes; drop the quotes.

    At most ``limit + 1`` fields when ``limit >= 0`` (the rest of the line is dropped).
    """
    fields: list[str] = []
    cur: list[str] = []
    quoted = started = False
    for ch in line:
        if ch == '"':
            quoted, started = not quoted, True
        elif not quoted and (ch == sep or (sep is None and ch.isspace())):
            if sep is not None or cur or started:
                fields.append("".join(cur))
                if 0 <= limit < len(fields):
                    return fields
            cur, started = [], False
        else:
            cur.append(ch)
    if cur or started or sep is not None:
        fields.append("".join(cur))
    return fields


def _sep_of(line: str) -> str | None:
    """The line's separator: tab, then ``;``, then ``,`` (outside quotes), else spaces."""
    bare = "".join(line.split('"')[::2]) if '"' in line else line
    for sep in ("\t", ";", ","):
        if sep in bare:
            return sep
    return None


def _row(line: str, lineno: int, limit: int) -> list[str]:
    """The first ``limit + 1`` fields of one data line (comment already stripped)."""
    sep = _sep_of(line)
    if '"' in line:
        if line.count('"') % 2:
            raise Bad(f"line {lineno}: unbalanced double quote in {short(line)}")
        fields = _split_quoted(line, sep, limit)
        if sep is not None:
            fields = [f.strip() for f in fields]
        for f in fields[:2]:
            if not f:
                raise Bad(f"line {lineno}: empty node id in {short(line)}")
        return fields
    if sep is None:
        return line.split(None, limit)
    fields = [f.strip() for f in line.split(sep, limit)]
    if len(fields) == 1 and not fields[0]:
        return []
    for f in fields[:2]:
        if not f:
            raise Bad(f"line {lineno}: empty field in {short(line)}")
        if sep != "\t" and len(f.split()) > 1 and all(INT_RE.fullmatch(p) for p in f.split()):
            raise Bad(f"line {lineno}: mixed {'comma' if sep == ',' else 'semicolon'} and "
                      f"space separators in {short(line)}")
    return fields


def _rows(lines: list[str], slow: bool, limit: int) -> list[list[str]]:
    if slow:
        rows = []
        for lineno, line in enumerate(lines, 1):
            line = _strip_comment(line).strip()
            if line:
                r = _row(line, lineno, limit)
                if r:
                    rows.append(r)
        return rows
    # The common case (plain space-separated ids), kept to C-speed comprehensions.
    return [r for r in (ln.split("#", 1)[0].split(None, limit) for ln in lines) if r]


def _is_header(rows: list[list[str]]) -> bool:
    first = rows[0][:2]
    if len(first) < 2 or any(INT_RE.fullmatch(f) for f in first):
        return False
    if {f.lower() for f in first} <= HEADER_NAMES and first[0].lower() != first[1].lower():
        # "node1 node2" may be a header or a first tie: a header's names are not ids.
        return not set(first) & {f for fields in rows[1:] for f in fields[:2]}
    if len(rows) < 2:
        return False
    match = INT_RE.fullmatch
    return all(match(f) for fields in rows[1:] for f in fields[:2])


def _refuse_tables(rows: list[list[str]], header: bool, delimited: bool) -> None:
    """A people, metrics or node table is not an edge list: say what it looks like."""
    first = rows[0]
    if not delimited:  # space-separated: a line of names is an adjacency list's
        return
    names_row = all(not _NUMBER_RE.fullmatch(f) for f in first)
    endpoints = {f.lower() for f in first[:2]} <= HEADER_NAMES
    wide = len(first) >= 3 and (len(rows) < 2 or len(rows[1]) >= 3)
    if names_row and wide and not endpoints:
        cols = ", ".join(short(f, 20) for f in first[:4]) + (", ..." if len(first) > 4 else "")
        raise Bad(f"looks like a table with columns {cols}, not an edge list (an edge list "
                  "gives the two people of a tie in its first two columns)")
    body = rows[1:] if header else rows
    pairs = [r for r in body if len(r) >= 2]
    if pairs and len(pairs[0]) >= 3 and all(
            _DECIMAL_RE.fullmatch(r[0]) or _DECIMAL_RE.fullmatch(r[1]) for r in pairs):
        raise Bad(f"looks like a table of numbers, not an edge list (the first columns hold "
                  f"decimals such as {short(pairs[0][1], 20)}, not people)")


def _looks_adjacency(rows: list[list[str]]) -> bool:
    """More than four fields on a line, or names (not numbers) after the second field."""
    if any(len(r) > _KEEP for r in rows):
        return True
    number = _NUMBER_RE.fullmatch
    return any(not number(f) for r in rows for f in r[2:])


def read_edge_list(text: str, adjacency: bool = False) -> GraphData:
    """An edge list, or an adjacency list when ``adjacency`` or when the content says so."""
    bad = _CONTROL_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise Bad(f"control character {bad.group()!r} at line {line}: binary file or not "
                  "an edge list")
    lines = text.splitlines()
    delimited = "," in text or ";" in text
    slow = delimited or '"' in text or "\t" in text
    rows = _rows(lines, slow, _KEEP)
    if not rows:
        raise Bad("the graph has no nodes (only comments and blank lines)")
    header = _is_header(rows)
    _refuse_tables(rows, header, delimited)
    if header:
        rows = rows[1:]
        lines = _drop_first_data_line(lines)
        if not rows:
            raise Bad("the graph has no nodes (only a header line)")
    noted = False
    if not adjacency and not header and not delimited and _looks_adjacency(rows):
        adjacency = noted = True
    if adjacency:
        del rows
        g = _adjacency(lines, slow)
        if noted:
            g = GraphData(g.ids, g.edges, g.groups, ("read as an adjacency list (a person, "
                                                     "then their friends, on each line)",
                                                     *g.notes))
        return g
    extra = not header and any(len(r) > 2 for r in rows)
    g = _edges(rows)
    if extra:
        g = GraphData(g.ids, g.edges, g.groups,
                      ("columns after the second ignored (weights or times)", *g.notes))
    return g


def _drop_first_data_line(lines: list[str]) -> list[str]:
    for k, ln in enumerate(lines):
        if _strip_comment(ln).strip():
            return lines[k + 1:]
    return []


def _edges(rows: list[list[str]]) -> GraphData:
    flat = [tok for r in rows for tok in r[:2]]
    counts = np.fromiter((min(len(r), 2) for r in rows), np.int64, len(rows))
    b = Builder()
    b.ids = list(dict.fromkeys(flat))  # first-appearance order
    index = dict(zip(b.ids, range(len(b.ids))))
    codes = np.fromiter(map(index.__getitem__, flat), np.int64, len(flat))
    pair_start = (np.cumsum(counts) - counts)[counts == 2]
    b.u, b.v = codes[pair_start], codes[pair_start + 1]
    b.groups = [MISSING] * len(b.ids)
    return b.finish(convert_ids=True)


def _adjacency(lines: list[str], slow: bool) -> GraphData:
    b = Builder()
    for r in _rows(lines, slow, -1):
        r = [f for f in r if f]
        if not r:
            continue
        b.node(r[0])
        for other in r[1:]:
            b.edge(r[0], other)
    return b.finish(convert_ids=True)
