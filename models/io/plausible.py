"""Is this text a network at all? Checks around the edge-list reader.

The edge-list reader takes almost any text: one field a line is an isolated person,
names after the second field make an adjacency list. That is right for real files and
wrong for text that is no graph, which would come out as a garbled network. These checks
refuse what is clearly something else and note what is merely odd:

- every line holds ``|`` (and no tab, ``;`` or ``,``): a ``|``-separated file, refused;
- program source (``import``/``def``/``class`` lines and ``name(...)`` calls), refused;
- Graphviz DOT (a ``graph``/``digraph`` header with ``{``), refused: it is not read;
- a field of nothing but arrow or separator marks (``->``, ``--``, ``-``, ``:``, ``{``,
  ``}``...: ``alice -> bob``), refused: that is not a person (ids such as ``-1``,
  ``a-b`` or ``x:y`` hold a letter or digit and are read as they are);
- a file read as an adjacency list only because of a name after the second field, whose
  other lines hold decimal numbers there (``1 2 0.5`` then ``2 3 abc``): an edge list
  with a broken weight column, refused (name the file ``.adj`` to read it anyway);
- no ties among several people: a note asks whether the separator is one ScoreNet reads
  (the other formats get the same note, :func:`note_no_ties`).
"""

from __future__ import annotations

import re

from ..graph import GraphData
from .base import Bad, short, with_notes

__all__ = ["check_edge_list_result", "note_no_ties", "refuse_non_graph_text"]

_CODE_LINE = re.compile(r"\s*(?:import\s+[\w.]+|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|"
                        r"class\s+\w+\s*[(:{]|(?:public|private|static)\s+\w|"
                        r"(?:function|func|fn)\s+\w+\s*\()")
_CALL = re.compile(r"\w\([^()\s]*\)")
_DOT_HEADER = re.compile(r"(?:strict\s+)?(?:di)?graph\b[^{}]*\{", re.IGNORECASE)
#: Only these characters: an arrow or separator (``->``, ``--``, ``<->``, ``:``, ``{``).
_MARKS = re.compile(r"[-<>:=~{}\[\]]+")
_DECIMAL = re.compile(r"[+-]?(?:\d*\.\d+|\d+\.\d*)(?:[eE][+-]?\d+)?")


def _numbered(head: str, whole: bool) -> list[tuple[int, str]]:
    """``(line number, stripped line)`` of the lines that are neither blank nor comments."""
    lines = head.splitlines()
    if not whole and lines:
        lines = lines[:-1]   # the last line of a cut head may be partial
    return [(k, ln.strip()) for k, ln in enumerate(lines, 1)
            if ln.strip() and not ln.lstrip().startswith(("#", "%"))]


def _data_lines(head: str, whole: bool) -> list[str]:
    return [ln for _, ln in _numbered(head, whole)]


def refuse_non_graph_text(head: str, whole: bool) -> None:
    """Raise Bad when the start of a text file is clearly not an edge or adjacency list.

    ``whole``: ``head`` is the whole file (else its last line may be cut).
    """
    lines = _data_lines(head, whole)
    if not lines:
        return
    if all("|" in ln for ln in lines) and not any(c in head for c in "\t;,"):
        raise Bad(f"fields separated by '|' (line 1: {short(lines[0])}): edge lists are "
                  "separated by a tab, ';', ',' or spaces; replace the '|'")
    code = sum(1 for ln in lines if _CODE_LINE.match(ln))
    calls = sum(1 for ln in lines if _CALL.search(ln))
    if code >= 1 and calls >= 2:
        first = next(ln for ln in lines if _CODE_LINE.match(ln))
        raise Bad(f"looks like program source code ({short(first)}), not a graph")
    _refuse_dot_and_marks(_numbered(head, whole))


def _people_fields(line: str) -> list[str]:
    """The fields of the line the edge-list reader takes as people: split as it splits
    (first of tab, ``;``, ``,`` found, else runs of spaces), without a ``#`` comment; in a
    delimited line only the first two (its other columns are ignored: ``a,b,-`` is fine)."""
    line = line.split("#", 1)[0]
    sep = next((c for c in "\t;," if c in line), None)
    fields = [f.strip() for f in line.split(sep)]
    return fields if sep is None else fields[:2]


def _refuse_dot_and_marks(lines: list[tuple[int, str]]) -> None:
    """Graphviz DOT, and arrows or separators read as people (``alice -> bob``)."""
    for _, ln in lines[:5]:   # a DOT file opens with its header
        if _DOT_HEADER.match(ln):
            raise Bad(f"looks like Graphviz DOT ({short(ln)}), which is not read: export "
                      "the network as GraphML, GML or an edge list")
    for number, ln in lines:
        if '"' in ln:
            continue   # a quoted field is an id as written
        mark = next((f for f in _people_fields(ln) if _MARKS.fullmatch(f)), None)
        if mark is not None:
            raise Bad(f"line {number}: {short(mark)} in {short(ln)} is an arrow or "
                      "separator, not a person; write one tie a line as two people "
                      "separated by a tab, ';', ',' or spaces")


def check_edge_list_result(graph: GraphData, adjacency_by_name: bool) -> GraphData:
    """Refuse or annotate an odd edge-list result (see the module docstring).

    ``adjacency_by_name``: the file was named ``.adj``/``.adjlist`` (its content was not
    what made it an adjacency list).
    """
    auto = not adjacency_by_name and any(n.startswith("read as an adjacency list")
                                         for n in graph.notes)
    if auto and graph.ids.dtype == object:
        decimal = next((i for i in graph.ids.tolist()
                        if isinstance(i, str) and _DECIMAL.fullmatch(i)), None)
        if decimal is not None:
            raise Bad(f"some lines have a number ({short(decimal)}) after the two people "
                      "and others a name: an edge list with a broken third column? (name "
                      "the file .adj to read it as an adjacency list)")
    return note_no_ties(graph, " (a tie needs two fields separated by a tab, ';', ',' "
                               "or spaces)")


def note_no_ties(graph: GraphData, hint: str = "") -> GraphData:
    """``graph`` with a note when its people have no ties at all (in every format: a
    GraphML of nodes only is as odd as an edge list of names only)."""
    if graph.m == 0 and graph.n > 1:
        return with_notes(graph, f"no ties among the {graph.n:,} people{hint}")
    return graph
