"""Reading a user's graph file into :class:`~models.graph.GraphData`, and writing one back.

Formats, chosen by the file extension: ``.graphml``, ``.gexf`` (versions 1.1draft,
1.2draft and 1.3), ``.gml``; any other extension is an edge list, unless the content
starts like XML (then GraphML or GEXF by its root element) or like GML (``graph [``).

Conventions, the same for every format:

- Node ids are kept as written, in order of first appearance (file node order for
  GraphML, GEXF and GML, then any node that only appears in an edge). Text ids become
  Python ints only when *every* id is a canonical decimal integer (``str(int(t)) == t``:
  ``"7"`` and ``"-3"`` do, ``"007"``, ``"+3"`` and ``"-0"`` do not), so ids round-trip
  exactly. GML: when every node has a distinct ``label`` (as networkx and Gephi write
  the node's name), the labels are the ids, as networkx's ``read_gml`` does; otherwise
  the ``id`` values, keeping their GML type (integer or string).
- A node attribute named ``group`` (any case) gives ``GraphData.groups``, values as typed
  in the file (GraphML ``attr.type``, GEXF attribute ``type``, GML value). If some nodes
  lack it, they get the label ``"none"`` and every label becomes a string; labels of mixed
  types also become strings, so labels are always mutually comparable. No such
  attribute: ``groups=None``.
- Directed graphs are read as undirected, self-loops dropped, multi-edges merged.
  Duplicate node declarations are merged (the first group label wins).
- Anything wrong with the file raises :class:`~models.errors.ScenarioError`
  ``("<path>", "network.path", "<problem>")``, one line; no other exception escapes.
  XML is parsed with defusedxml: DTD entities (entity bombs, external entities) are
  refused before any expansion.

Edge lists: whitespace- or comma-separated, ``#`` starts a comment, blank lines skipped,
columns after the second ignored (weights, timestamps), a line with one field is an
isolated node, fields may be wrapped in double quotes (which may hold spaces, commas and
``#``; an unbalanced quote is an error). A first line that names the columns
(``source,target``, ``from to``, ``id_1,id_2``... when those names are not ids elsewhere
in the file, or any non-integer pair followed only by integer ids) is skipped as a
header.
"""

from __future__ import annotations

import html
import os
import re
import stat
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.sax.saxutils import escape, quoteattr

import numpy as np
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as SafeET

from .atomic import write_text_atomic
from .errors import ScenarioError
from .graph import GraphData, canonical_edges

__all__ = ["read_graph", "write_graph", "FILE_DIALOG_FILTER"]

KEY = "network.path"
#: Extensions read as XML (GraphML or GEXF, told apart by the root element).
XML_EXTENSIONS = (".graphml", ".gexf", ".xml")
#: A Qt file-dialog filter for the formats :func:`read_graph` understands.
FILE_DIALOG_FILTER = ("Graphs (*.graphml *.gexf *.gml *.txt *.csv *.tsv *.edges *.el);;"
                      "All files (*)")

_MISSING = object()
_INT_RE = re.compile(r"0|-?[1-9][0-9]*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADER_NAMES = {"source", "target", "from", "to", "src", "dst", "dest", "destination",
                 "node", "node1", "node2", "node_1", "node_2", "id1", "id2", "id_1", "id_2"}


class _Bad(Exception):
    """Internal: a problem with the file's content (becomes a ScenarioError)."""


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --------------------------------------------------------------------------- building


class _Builder:
    """Collects nodes in first-appearance order, edges as index pairs, group labels."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.ids: list[Any] = []
        self.groups: list[Any] = []
        self.u: list[int] = []
        self.v: list[int] = []

    def node(self, key: Any, group: Any = _MISSING) -> int:
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.ids)
            self.ids.append(key)
            self.groups.append(group)
        elif self.groups[i] is _MISSING:
            self.groups[i] = group
        return i

    def edge(self, a: Any, b: Any) -> None:
        self.u.append(self.node(a))
        self.v.append(self.node(b))

    def finish(self, convert_ids: bool) -> GraphData:
        n = len(self.ids)
        if n == 0:
            raise _Bad("the graph has no nodes")
        ids = _int_ids(self.ids) if convert_ids else self.ids
        edges = canonical_edges(np.asarray(self.u, np.int64), np.asarray(self.v, np.int64), n)
        return GraphData(ids=_id_array(ids), edges=edges, groups=_group_array(self.groups))


def _int_ids(ids: list[Any]) -> list[Any]:
    """Text ids as ints when every one is a canonical decimal integer, else unchanged."""
    match = _INT_RE.fullmatch
    if all(isinstance(t, str) and match(t) for t in ids):
        try:
            return [int(t) for t in ids]
        except ValueError:  # more digits than Python converts
            return ids
    return ids


def _id_array(ids: list[Any]) -> np.ndarray:
    if all(type(t) is int for t in ids):
        try:
            return np.array(ids, dtype=np.int64)
        except OverflowError:
            pass
    out = np.empty(len(ids), dtype=object)
    out[:] = ids
    return out


def _group_array(groups: list[Any]) -> np.ndarray | None:
    present = [g for g in groups if g is not _MISSING]
    if not present:
        return None
    if len(present) < len(groups) or len({type(g) for g in present}) > 1:
        groups = ["none" if g is _MISSING else str(g) for g in groups]
    out = np.empty(len(groups), dtype=object)
    out[:] = groups
    return out


# --------------------------------------------------------------------------- XML


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _typed(text: str | None, kind: str, what: str) -> Any:
    """Convert an attribute value by its declared GraphML/GEXF type."""
    text, kind = (text or "").strip(), kind.lower()
    numeric = kind in ("int", "integer", "long", "short", "byte", "float", "double", "real",
                       "bigdecimal", "boolean")
    if numeric and not text:
        return _MISSING
    try:
        if kind in ("int", "integer", "long", "short", "byte"):
            return int(text)
        if kind in ("float", "double", "real", "bigdecimal"):
            return float(text)
        if kind == "boolean":
            low = text.lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            raise ValueError(text)
    except ValueError:
        raise _Bad(f"{what}: {_short(text)} is not a valid {kind}") from None
    return text


def _parse_xml(raw: bytes):
    try:
        return SafeET.fromstring(raw)
    except EntitiesForbidden as exc:
        if getattr(exc, "sysid", None) or getattr(exc, "pubid", None):
            raise _Bad("external XML entities are not allowed") from None
        raise _Bad("XML entity declarations are not allowed (possible entity-expansion "
                   "attack)") from None
    except ExternalReferenceForbidden:
        raise _Bad("external XML references are not allowed") from None
    except DefusedXmlException as exc:
        raise _Bad(f"unsafe XML refused: {type(exc).__name__}") from None
    except ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        msg = re.sub(r": line \d+, column \d+$", "", str(exc))
        raise _Bad(f"malformed XML (line {line}, column {col}): {msg}") from None


def _read_xml(raw: bytes) -> GraphData:
    root = _parse_xml(raw)
    kind = _local(root.tag).lower()
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    if kind == "graphml":
        return _read_graphml(root, ns)
    if kind == "gexf":
        return _read_gexf(root, ns)
    raise _Bad(f"XML root element is <{_local(root.tag)[:40]}>, expected <graphml> or <gexf>")


def _read_graphml(root, ns: str) -> GraphData:
    gkey, gtype, gdefault = None, "string", _MISSING
    for key in root.iter(ns + "key"):
        if (key.get("attr.name") or "").lower() == "group" and gkey is None and \
                key.get("for", "all") in ("node", "all"):
            gkey, gtype = key.get("id"), key.get("attr.type", "string")
            default = key.find(ns + "default")
            if default is not None:
                gdefault = _typed(default.text, gtype, "group default")

    def group_of(node, nid: str) -> Any:
        for data in node.findall(ns + "data"):
            if data.get("key") == gkey:
                return _typed(data.text, gtype, f"node {_short(nid)}: group")
        return gdefault

    return _xml_graph(root, ns, group_of if gkey is not None else None)


def _read_gexf(root, ns: str) -> GraphData:
    gid, gtype, gdefault = None, "string", _MISSING
    for block in root.iter(ns + "attributes"):
        if block.get("class", "node") != "node":
            continue
        for att in block.iter(ns + "attribute"):
            name = att.get("title") or att.get("id") or ""
            if name.lower() == "group" and gid is None:
                gid, gtype = att.get("id"), att.get("type", "string")
                default = att.find(ns + "default")
                if default is not None:
                    gdefault = _typed(default.text, gtype, "group default")

    def group_of(node, nid: str) -> Any:
        for av in node.findall(f"{ns}attvalues/{ns}attvalue"):
            if (av.get("for") or av.get("id")) == gid:  # GEXF 1.1 used "id"
                return _typed(av.get("value"), gtype, f"node {_short(nid)}: group")
        return gdefault

    return _xml_graph(root, ns, group_of if gid is not None else None)


def _xml_graph(root, ns: str, group_of) -> GraphData:
    """Nodes (at any depth, so nested graphs are flattened) and edges of GraphML/GEXF."""
    b = _Builder()
    for k, node in enumerate(root.iter(ns + "node")):
        nid = node.get("id")
        if nid is None:
            raise _Bad(f"node #{k + 1} has no id")
        b.node(nid, _MISSING if group_of is None else group_of(node, nid))
    for k, edge in enumerate(root.iter(ns + "edge")):
        s, t = edge.get("source"), edge.get("target")
        if s is None or t is None:
            raise _Bad(f"edge #{k + 1} lacks a source or a target")
        b.edge(s, t)
    return b.finish(convert_ids=True)


# --------------------------------------------------------------------------- GML

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
                raise _Bad(f"GML syntax error ({_gml_where(text, i)}): expected a key, "
                           f"got {_short(tok)}")
            continue
        if c in _NUMBER_START:
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
            what = "an unterminated string" if tok == '"' else _short(tok)
            raise _Bad(f"GML syntax error ({_gml_where(text, i)}): key {_short(key)} "
                       f"is followed by {what}, not a value")
        current.append((key, value))
        key = None
    if key is not None:
        raise _Bad(f"GML syntax error: key {_short(key)} has no value at the end of the file")
    if stack:
        raise _Bad(f"GML syntax error: '[' at {_gml_where(text, stack[-1][2])} is never closed")
    return top


def _read_gml(text: str) -> GraphData:
    tree = _gml_tree(text)
    graph = next((v for k, v in tree if k.lower() == "graph" and isinstance(v, list)), None)
    if graph is None:
        raise _Bad("no 'graph [ ... ]' block: not a GML file")
    nodes = []
    for k, (key, item) in enumerate(kv for kv in graph if kv[0].lower() == "node"):
        attrs = dict(reversed(item)) if isinstance(item, list) else {}
        nid = attrs.get("id", _MISSING)
        if not isinstance(nid, (int, str)):
            raise _Bad(f"node #{k + 1}: needs an integer or string id")
        group = next((v for kk, v in attrs.items() if kk.lower() == "group"), _MISSING)
        if isinstance(group, list):
            raise _Bad(f"node {_short(nid)}: group must be a number or a string")
        nodes.append((nid, attrs.get("label", _MISSING), group))
    # networkx and Gephi write the node's name as its label and number the ids: use the
    # labels when every node has a distinct one, as networkx's read_gml does.
    labels = [lab for _, lab, _ in nodes]
    named = bool(nodes) and all(isinstance(lab, (int, str)) for lab in labels) and \
        len(set(map(str, labels))) == len(labels)
    name_of = {nid: (lab if named else nid) for nid, lab, _ in nodes}
    b = _Builder()
    for nid, _, group in nodes:
        b.node(name_of[nid], group)
    for k, (key, item) in enumerate(kv for kv in graph if kv[0].lower() == "edge"):
        attrs = dict(reversed(item)) if isinstance(item, list) else {}
        s, t = attrs.get("source", _MISSING), attrs.get("target", _MISSING)
        if not isinstance(s, (int, str)) or not isinstance(t, (int, str)):
            raise _Bad(f"edge #{k + 1}: needs an integer or string source and target")
        b.edge(name_of.get(s, s), name_of.get(t, t))
    return b.finish(convert_ids=named)


# --------------------------------------------------------------------------- edge lists


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


def _split_quoted(line: str, sep: str | None) -> list[str]:
    """Split on ``sep`` (None: runs of whitespace) outside double quotes; drop the quotes."""
    fields, cur, quoted, started = [], [], False, False
    for ch in line:
        if ch == '"':
            quoted, started = not quoted, True
        elif not quoted and (ch == sep or (sep is None and ch.isspace())):
            if sep is not None or cur or started:
                fields.append("".join(cur))
            cur, started = [], False
        else:
            cur.append(ch)
    if cur or started or sep is not None:
        fields.append("".join(cur))
    return fields


def _fields(line: str, lineno: int) -> list[str]:
    if line.count('"') % 2:
        raise _Bad(f"line {lineno}: unbalanced double quote in {_short(line)}")
    if '"' in line:
        sep = "," if any("," in part for part in line.split('"')[::2]) else None
        fields = [f.strip() if sep else f for f in _split_quoted(line, sep)]
        for f in fields[:2]:
            if not f:
                raise _Bad(f"line {lineno}: empty node id in {_short(line)}")
        return fields[:2]
    if "," in line:
        fields = [f.strip() for f in line.split(",")]
        for f in fields[:2]:
            if not f:
                raise _Bad(f"line {lineno}: empty field in {_short(line)}")
            if len(f.split()) > 1:
                raise _Bad(f"line {lineno}: mixed comma and space separators in {_short(line)}")
    else:
        fields = line.split()
    return fields[:2]


def _read_edge_list(text: str) -> GraphData:
    bad = _CONTROL_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise _Bad(f"control character {bad.group()!r} at line {line}: binary file or not "
                   "an edge list")
    lines = text.splitlines()
    if "," in text or '"' in text:
        rows = []
        for lineno, line in enumerate(lines, 1):
            line = _strip_comment(line).strip()
            if line:
                rows.append(_fields(line, lineno))
    else:  # the common case, kept to C-speed list comprehensions
        if "#" in text:
            lines = [ln.split("#", 1)[0] for ln in lines]
        rows = [r[:2] for r in (ln.split(None, 2) for ln in lines) if r]
    if not rows:
        raise _Bad("the graph has no nodes (only comments and blank lines)")
    if _is_header(rows):
        rows = rows[1:]
        if not rows:
            raise _Bad("the graph has no nodes (only a header line)")
    flat = [tok for r in rows for tok in r]
    counts = np.fromiter(map(len, rows), np.int64, len(rows))
    b = _Builder()
    b.ids = list(dict.fromkeys(flat))  # first-appearance order
    index = dict(zip(b.ids, range(len(b.ids))))
    codes = np.fromiter(map(index.__getitem__, flat), np.int64, len(flat))
    pair_start = (np.cumsum(counts) - counts)[counts == 2]
    b.u, b.v = codes[pair_start], codes[pair_start + 1]
    b.groups = [_MISSING] * len(b.ids)
    return b.finish(convert_ids=True)


def _is_header(rows: list[list[str]]) -> bool:
    first = rows[0]
    if len(first) < 2 or any(_INT_RE.fullmatch(f) for f in first):
        return False
    if {f.lower() for f in first} <= _HEADER_NAMES and first[0].lower() != first[1].lower():
        # "node1 node2" may be a header or a first tie: a header's names are not ids.
        return not set(first) & {f for fields in rows[1:] for f in fields}
    if len(rows) < 2:
        return False
    match = _INT_RE.fullmatch
    return all(match(f) for fields in rows[1:] for f in fields)


# --------------------------------------------------------------------------- entry points


def _sniff(raw: bytes, ext: str) -> str:
    if ext in XML_EXTENSIONS:
        return "xml"
    if ext == ".gml":
        return "gml"
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "xml"
    text = head.decode("utf-8", "ignore")
    if re.match(r"(?:\s*(?:#[^\n]*|creator\b[^\n]*|version\b[^\n]*)\n)*\s*graph\s*\[",
                text, re.IGNORECASE):
        return "gml"
    return "edges"


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise _Bad("binary file, not a text graph format")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _Bad(f"not a UTF-8 text file (byte 0x{raw[exc.start]:02x} at line {line})") \
            from None


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        st = path.stat()
    except OSError as exc:
        problem = "file not found" if isinstance(exc, FileNotFoundError) else \
            f"cannot read: {exc.strerror or exc}"
        raise ScenarioError(source, KEY, problem) from None
    if stat.S_ISDIR(st.st_mode):
        raise ScenarioError(source, KEY, "is a directory, not a graph file")
    if not stat.S_ISREG(st.st_mode):
        raise ScenarioError(source, KEY, "not a regular file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ScenarioError(source, KEY, f"cannot read: {exc.strerror or exc}") from None


def read_graph(path: str | os.PathLike[str]) -> GraphData:
    """Read a GraphML, GEXF, GML or edge-list file (see the module docstring for rules).

    Parameters
    ----------
    path
        The graph file; the format comes from its extension, or from its content when
        the extension is not one of ``.graphml .gexf .xml .gml``.

    Returns
    -------
    GraphData
        Ids as given (ints or strings), canonical undirected edges, groups or None.

    Raises
    ------
    ScenarioError
        ``"<path>: network.path: <problem>"`` for a missing, unreadable, empty, binary,
        malformed, unsafe or node-less file.

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
    source = str(path).replace("\n", "\\n")
    raw = _read_bytes(p, source)
    try:
        if not raw.strip():
            raise _Bad("empty file")
        kind = _sniff(raw, p.suffix.lower())
        if kind == "xml":
            return _read_xml(raw)
        text = _decode(raw)
        return _read_gml(text) if kind == "gml" else _read_edge_list(text)
    except _Bad as exc:
        raise ScenarioError(source, KEY, str(exc)) from None
    except RecursionError:
        raise ScenarioError(source, KEY, "structure nested too deeply") from None
    except MemoryError:
        raise ScenarioError(source, KEY, "file too large to read into memory") from None
    except Exception as exc:  # any other failure on hostile content is still the file's
        raise ScenarioError(source, KEY,
                            f"cannot read graph: {type(exc).__name__}: {exc}") from exc


# --------------------------------------------------------------------------- writing

_EDGE_LIST_SEP = {".csv": ",", ".tsv": "\t"}
_UNSAFE_ID = re.compile(r"[\s,#\"]|[\x00-\x1f\x7f]")
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(values: np.ndarray) -> list[Any]:
    """Python scalars (numpy scalars in object arrays unwrapped)."""
    return [x.item() if isinstance(x, np.generic) else x for x in values.tolist()]


def _graphml_type(groups: list[Any]) -> str:
    kinds = {type(g) for g in groups}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds <= {float, int} and float in kinds:
        return "double"
    return "string"


def _graphml_text(graph: GraphData) -> str:
    ids = _text_ids(graph)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    groups = None
    if graph.groups is not None:
        plain = _plain(graph.groups)
        gtype = _graphml_type(plain)
        groups = [str(g).lower() if gtype == "boolean" else
                  repr(float(g)) if gtype == "double" else str(g) for g in plain]
        out.append(f'  <key id="group" for="node" attr.name="group" attr.type="{gtype}"/>')
    for text in ids + (groups or []):
        if _XML_BAD.search(text):
            raise ValueError(f"{_short(text)} contains a character XML cannot hold")
    out.append('  <graph id="G" edgedefault="undirected">')
    for k, i in enumerate(ids):
        if groups is None:
            out.append(f"    <node id={quoteattr(i)}/>")
        else:
            out.append(f'    <node id={quoteattr(i)}><data key="group">'
                       f"{escape(groups[k])}</data></node>")
    for a, b in graph.edges.tolist():
        out.append(f"    <edge source={quoteattr(ids[a])} target={quoteattr(ids[b])}/>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def _text_ids(graph: GraphData) -> list[str]:
    ids = [str(i) for i in _plain(graph.ids)]
    if len(set(ids)) != len(ids):
        raise ValueError("node ids are not unique once written as text")
    return ids


def _edge_list_text(graph: GraphData, sep: str) -> str:
    ids = _text_ids(graph)
    for i in ids:
        if not i or _UNSAFE_ID.search(i):
            raise ValueError(f"node id {_short(i)} cannot be written to an edge list "
                             "(use .graphml)")
    lines = [f"# ScoreNet edge list: {graph.n} nodes, {graph.m} edges"]
    lines += [f"{ids[a]}{sep}{ids[b]}" for a, b in graph.edges.tolist()]
    linked = np.zeros(graph.n, dtype=bool)
    linked[graph.edges.ravel()] = True
    lines += [ids[k] for k in np.flatnonzero(~linked).tolist()]
    lines.append("")
    return "\n".join(lines)


def write_graph(graph: GraphData, path: str | os.PathLike[str]) -> None:
    """Write a graph as GraphML (``.graphml``) or an edge list (any other extension).

    GraphML keeps ids, node order, edges and groups (as a ``group`` node attribute).
    An edge list keeps ids and edges (tab-separated for ``.tsv``, comma for ``.csv``,
    else space); isolated nodes are written as one-field lines at the end; groups are
    dropped and node order may differ on reading back. Text ids that all look like
    canonical integers come back as ints. The file is replaced atomically.

    Raises
    ------
    ScenarioError
        For ``.gexf``/``.gml`` (not supported), an id an edge list cannot hold
        (whitespace, comma, ``#``, quote), or a write failure.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.graphml"
    >>> g = GraphData(np.array(["a", "b", "c"], dtype=object), np.array([[0, 1]]),
    ...               np.array(["x", "y", "x"], dtype=object))
    >>> write_graph(g, p)
    >>> h = read_graph(p)
    >>> h.ids.tolist(), h.edges.tolist(), h.groups.tolist()
    (['a', 'b', 'c'], [[0, 1]], ['x', 'y', 'x'])
    """
    p = Path(path)
    source = str(path).replace("\n", "\\n")
    ext = p.suffix.lower()
    try:
        if ext in (".gexf", ".gml", ".xml"):
            raise ValueError(f"writing {ext} is not supported; use .graphml or an edge list")
        text = _graphml_text(graph) if ext == ".graphml" else \
            _edge_list_text(graph, _EDGE_LIST_SEP.get(ext, " "))
    except ValueError as exc:
        raise ScenarioError(source, "", str(exc)) from None
    try:
        write_text_atomic(p, text)
    except OSError as exc:
        raise ScenarioError(source, "", f"cannot write: {exc.strerror or exc}") from None
