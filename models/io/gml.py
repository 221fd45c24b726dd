"""The GML reader: a flat, non-recursive tokenizer and parser (no stack overflow on
deep nesting), as networkx and Gephi write GML and as people write it by hand.

When every node has a distinct ``label`` (as networkx and Gephi write the node's name),
the labels are the ids, as networkx's ``read_gml`` does; otherwise the ``id`` values,
keeping their GML type (integer or string). ``directed 1`` is noted as directed ties
read as mutual. Two nodes with one ``id`` are refused (as networkx does); a tie naming an
undeclared node adds that person, with a note. Edges with ScoreNet's ``kind`` attribute:
only friendships are read (see :func:`models.io.base.friendships_only`).
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..graph import GraphData
from .base import (MISSING, Bad, Builder, friendships_only, short, undeclared_note,
                   with_date_note, with_notes)

__all__ = ["read_gml", "looks_like_gml"]

_GML_START = re.compile(r"(?:\s*(?:#[^\n]*|creator\b[^\n]*|version\b[^\n]*)\n)*\s*graph\s*\[",
                        re.IGNORECASE)


def looks_like_gml(head: str) -> bool:
    """True when the text starts (after comments, creator and version) with ``graph [``."""
    return _GML_START.match(head) is not None


# One token per match (space and comments skipped possessively: no backtracking); the
# final "." turns any unexpected character into a token the parser reports, and \Z
# makes trailing space a (last, empty) match instead of a restart further on.
_GML_TOKEN = re.compile(r"""(?:\s+|\#[^\n]*)*+
    ( [+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)? | [+-]?\d+[eE][+-]?\d+ | [+-]?\d+
    | [+-]?INF\b | [A-Za-z_][A-Za-z0-9_]* | "[^"]*" | . | \Z )""", re.VERBOSE | re.DOTALL)
_NUMBER_START = frozenset("0123456789+-.")


def _gml_where(text: str, index: int) -> str:
    """Line and column of the index-th token."""
    for k, m in enumerate(_GML_TOKEN.finditer(text)):
        if k == index:
            p = m.start(1)
            line = text.count("\n", 0, p) + 1
            return f"line {line}, column {p - (text.rfind(chr(10), 0, p) + 1) + 1}"
    return "end of file"


def _gml_tree(text: str) -> list[tuple[str, Any]]:
    """Parse GML text into nested lists of (key, value) pairs, without recursion."""
    top: list[tuple[str, Any]] = []
    stack: list[tuple[list, str, int]] = []
    current: list[tuple[str, Any]] = top
    key = None
    value: Any
    for i, tok in enumerate(_GML_TOKEN.findall(text)):
        if not tok:  # the end of the text
            break
        c = tok[0]
        if key is None:
            if c.isalpha() or c == "_":
                key = tok
            elif c == "]" and stack:
                parent, pkey, _ = stack.pop()
                parent.append((pkey, current))
                current = parent
            else:
                raise Bad(f"GML syntax error ({_gml_where(text, i)}): expected a key, "
                          f"got {short(tok)}")
            continue
        if c in _NUMBER_START and (len(tok) > 1 or c.isdigit()):   # not a lone "+", "-", "."
            try:
                value = int(tok)
            except ValueError:
                value = float(tok)
        elif c == '"' and len(tok) > 1:
            value = html.unescape(tok[1:-1])
        elif c == "[":
            stack.append((current, key, i))
            current, key = [], None
            continue
        elif tok in ("INF", "NAN"):
            value = float(tok)
        else:
            what = "an unterminated string" if tok == '"' else short(tok)
            raise Bad(f"GML syntax error ({_gml_where(text, i)}): key {short(key)} "
                       f"is followed by {what}, not a value")
        current.append((key, value))
        key = None
    if key is not None:
        raise Bad(f"GML syntax error: key {short(key)} has no value at the end of the file")
    if stack:
        raise Bad(f"GML syntax error: '[' at {_gml_where(text, stack[-1][2])} is never closed")
    return top


def read_gml(text: str) -> GraphData:
    tree = _gml_tree(text)
    graph = next((v for k, v in tree if k.lower() == "graph" and isinstance(v, list)), None)
    if graph is None:
        raise Bad("no 'graph [ ... ]' block: not a GML file")
    nodes = []
    for k, (key, item) in enumerate(kv for kv in graph if kv[0].lower() == "node"):
        attrs = dict(reversed(item)) if isinstance(item, list) else {}
        nid = attrs.get("id", MISSING)
        if not isinstance(nid, (int, str)):
            raise Bad(f"node #{k + 1}: needs an integer or string id")
        group = next((v for kk, v in attrs.items() if kk.lower() == "group"), MISSING)
        if isinstance(group, list):
            raise Bad(f"node {short(nid)}: group must be a number or a string")
        nodes.append((nid, attrs.get("label", MISSING), group))
    seen: set = set()
    for k, (nid, _, _) in enumerate(nodes):
        if nid in seen:   # networkx's read_gml refuses this too
            raise Bad(f"node #{k + 1}: id {short(nid)} is already the id of an earlier node")
        seen.add(nid)
    # networkx and Gephi write the node's name as its label and number the ids: use the
    # labels when every node has a distinct one, as networkx's read_gml does.
    labels = [lab for _, lab, _ in nodes]
    named = bool(nodes) and all(isinstance(lab, (int, str)) for lab in labels) and \
        len(set(map(str, labels))) == len(labels)
    name_of = {nid: (lab if named else nid) for nid, lab, _ in nodes}
    b = Builder()
    for nid, _, group in nodes:
        b.node(name_of[nid], group)
    edges, kinds = [], []
    for k, (key, item) in enumerate(kv for kv in graph if kv[0].lower() == "edge"):
        attrs = dict(reversed(item)) if isinstance(item, list) else {}
        s, t = attrs.get("source", MISSING), attrs.get("target", MISSING)
        if not isinstance(s, (int, str)) or not isinstance(t, (int, str)):
            raise Bad(f"edge #{k + 1}: needs an integer or string source and target")
        edges.append((s, t))
        kinds.append(attrs.get("kind"))
    keep = friendships_only(kinds)
    if keep is not None:
        edges = [e for e, ok in zip(edges, keep) if ok]
    declared = len(b.ids)
    for s, t in edges:
        b.edge(name_of.get(s, s), name_of.get(t, t))
    b.directed = bool(b.u) and any(k.lower() == "directed" and v == 1 for k, v in graph)
    return with_notes(with_date_note(b.finish(convert_ids=named), len(kinds) - len(edges)),
                      undeclared_note(len(b.ids) - declared))
