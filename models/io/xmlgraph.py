"""GraphML and GEXF (1.1draft, 1.2draft, 1.3) readers, told apart by the root element.

XML is parsed with defusedxml: DTD entities (entity bombs, external entities) are
refused before any expansion. Nested graphs are flattened; ``edgedefault="directed"``
(GraphML), ``defaultedgetype="directed"`` (GEXF) or a directed edge make the builder note
that directed ties were read as mutual. A file whose edges carry ScoreNet's ``kind``
attribute (``friend``/``date``, as ``scorenet run --graph-out`` writes) is read as its
friendships: the dates are left out, and a note says how many.

Two nodes with one id are refused (GraphML and GEXF require ids to be unique in a
document; networkx would merge them into one person silently, and the GML reader refuses
them too). Repeated ties and self-loops are merged and dropped by the builder, with a
note, as in every other format.

Odd documents, decided as networkx and the formats' specifications do: an edge naming an
undeclared node adds that person (networkx does; GraphML allows it), with a note; a
second top-level ``<graph>`` is refused (networkx silently reads only the first); a GEXF
``attvalue`` for an undeclared attribute is ignored, with a note; a GEXF ``weight`` that
is not a number is refused (the schema says float; networkx refuses it), while NaN and
infinities are floats there (XML Schema's, and networkx reads them): ScoreNet's ties have
no weights, so they are read as every other format reads them, ignored; a GraphML ``<hyperedge>`` is refused (networkx refuses it: a tie joins
two people); a ``group`` attribute of a type neither format defines is refused in both.
"""

from __future__ import annotations

import io
import re
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as SafeET

from ..graph import GraphData
from .base import (MISSING, Bad, Builder, friendships_only, short, undeclared_note,
                   with_date_note, with_notes)

__all__ = ["read_xml"]


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


#: The attribute types GraphML and GEXF define (GEXF 1.3's list types read as text).
_TYPES = {"int", "integer", "long", "short", "byte", "biginteger", "float", "double", "real",
          "bigdecimal", "boolean", "string", "char", "anyuri", "liststring", "date"}


def _typed(text: str | None, kind: str, what: str) -> Any:
    """Convert an attribute value by its declared GraphML/GEXF type."""
    text, kind = (text or "").strip(), kind.lower()
    numeric = kind in ("int", "integer", "long", "short", "byte", "float", "double", "real",
                       "bigdecimal", "biginteger", "boolean")
    if numeric and not text:
        return MISSING
    try:
        if kind in ("int", "integer", "long", "short", "byte", "biginteger"):
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
        raise Bad(f"{what}: {short(text)} is not a valid {kind}") from None
    return text


_ERRORS = (EntitiesForbidden, ExternalReferenceForbidden, DefusedXmlException, LookupError,
           ParseError)


def _bad_xml(exc: Exception) -> Bad:
    """The one-line problem for an XML parser error."""
    if isinstance(exc, EntitiesForbidden):
        if getattr(exc, "sysid", None) or getattr(exc, "pubid", None):
            return Bad("external XML entities are not allowed")
        return Bad("XML entity declarations are not allowed (possible entity-expansion "
                   "attack)")
    if isinstance(exc, ExternalReferenceForbidden):
        return Bad("external XML references are not allowed")
    if isinstance(exc, DefusedXmlException):
        return Bad(f"unsafe XML refused: {type(exc).__name__}")
    if isinstance(exc, LookupError):  # <?xml encoding="..."?> names no codec Python has
        return Bad(f"XML declares an unknown encoding ({exc})")
    line, col = getattr(exc, "position", (0, 0))
    msg = re.sub(r": line \d+, column \d+$", "", str(exc))
    return Bad(f"malformed XML (line {line}, column {col}): {msg}")


def read_xml(raw: bytes) -> GraphData:
    """A GraphML or GEXF document (bytes, so that the XML declaration sets the encoding).

    Streamed (``iterparse``): each node and edge is dropped from the tree once read, so
    memory follows the graph, not the size of the document's tree.
    """
    try:
        return _stream(SafeET.iterparse(io.BytesIO(raw), events=("start", "end")))
    except _ERRORS as exc:
        raise _bad_xml(exc) from None


class _Reader:
    """State of one streamed GraphML or GEXF document."""

    def __init__(self, kind: str, ns: str) -> None:
        self.kind, self.ns = kind, ns
        self.b = Builder()
        self.edges: list[tuple[str, str]] = []
        self.group_id: str | None = None
        self.group_type = "string"
        self.group_default: Any = MISSING
        self.directed = False
        self.node_class = True   # GEXF: inside <attributes class="node">
        self.edge_class = False  # GEXF: inside <attributes class="edge">
        self.kind_id: str | None = None   # the edge attribute named "kind"
        self.kinds: list[str | None] = []
        self.graph_depth = 0
        self.graphs = 0          # top-level <graph> elements seen
        self.declared: dict[str, set] = {"node": set(), "edge": set()}   # GEXF attributes
        self.attr_class = "node"
        self.undeclared: dict[str, int] = {}   # GEXF attvalue "for" -> how many

    def start(self, tag: str, elem) -> None:
        if tag == "graph":
            if self.graph_depth == 0:
                self.graphs += 1
                if self.graphs > 1:   # networkx reads the first one; say so instead
                    raise Bad("a second <graph> element: a file holds one network for "
                              "ScoreNet; save each graph in its own file")
            self.graph_depth += 1
            attr = "edgedefault" if self.kind == "graphml" else "defaultedgetype"
            self.directed |= elem.get(attr, "").lower() == "directed"
        elif tag == "attributes":
            self.node_class = elem.get("class", "node") == "node"
            self.edge_class = elem.get("class", "node") == "edge"
            self.attr_class = elem.get("class", "node")
        elif tag == "hyperedge" and self.kind == "graphml":
            raise Bad("a GraphML <hyperedge>: ScoreNet's ties join two people; write each "
                      "tie as an <edge>")
        elif tag == "node":
            nid = elem.get("id")
            if nid is None:
                raise Bad(f"node #{len(self.b.ids) + 1} has no id")
            # Only declared nodes are in the builder yet (ties are added at the end), so a
            # known id is a second declaration: refused, as for GML, rather than merged
            # into one person as networkx does.
            if nid in self.b.index:
                raise Bad(f"node #{len(self.b.ids) + 1}: id {short(nid)} is already the id "
                          "of an earlier node")
            self.b.node(nid)

    def end(self, tag: str, elem) -> None:
        """Handle a finished element (its children are complete)."""
        if tag == "graph":
            self.graph_depth -= 1
        elif tag == "attribute" and self.kind == "gexf":
            self.declared.setdefault(self.attr_class, set()).add(elem.get("id"))
        if tag in ("node", "edge") and self.kind == "gexf":
            self._check_attvalues(tag, elem)
        if tag == "key" and self.kind == "graphml":
            if (elem.get("attr.name") or "").lower() == "group" and self.group_id is None \
                    and elem.get("for", "all") in ("node", "all"):
                self._group(elem.get("id"), elem.get("attr.type", "string"), elem)
            if (elem.get("attr.name") or "").lower() == "kind" and self.kind_id is None \
                    and elem.get("for", "all") in ("edge", "all"):
                self.kind_id = elem.get("id")
        elif tag == "attribute" and self.kind == "gexf" and self.edge_class:
            if (elem.get("title") or elem.get("id") or "").lower() == "kind":
                self.kind_id = elem.get("id")
        elif tag == "attribute" and self.kind == "gexf" and self.node_class:
            name = elem.get("title") or elem.get("id") or ""
            if name.lower() == "group" and self.group_id is None:
                self._group(elem.get("id"), elem.get("type", "string"), elem)
        elif tag == "node":
            nid = elem.get("id")
            if self.group_id is not None:
                self.b.node(nid, self._group_of(elem, nid))
        elif tag == "edge":
            s, t = elem.get("source"), elem.get("target")
            if s is None or t is None:
                raise Bad(f"edge #{len(self.edges) + 1} lacks a source or a target")
            weight = elem.get("weight") if self.kind == "gexf" else None
            if weight is not None:   # GEXF's weight is a float (networkx refuses others)
                try:
                    float(weight)
                except ValueError:
                    raise Bad(f"edge #{len(self.edges) + 1} ({short(s, 20)} to "
                              f"{short(t, 20)}): weight {short(weight)} is not a number"
                              ) from None
            flag = elem.get("directed", "") if self.kind == "graphml" else elem.get("type", "")
            self.directed |= flag.lower() in ("true", "directed")
            self.edges.append((s, t))
            self.kinds.append(self._kind_of(elem))

    def _group(self, gid, gtype: str, elem) -> None:
        if gtype.lower() not in _TYPES:   # its values are read by type: say, not guess
            raise Bad(f"the group attribute's type {short(gtype)} is not a GraphML or GEXF "
                      "type (integer, string, ...)")
        self.group_id, self.group_type = gid, gtype
        default = elem.find(self.ns + "default")
        if default is not None:
            self.group_default = _typed(default.text, gtype, "group default")

    def _group_of(self, node, nid: str) -> Any:
        ns = self.ns
        if self.kind == "graphml":
            for data in node.findall(ns + "data"):
                if data.get("key") == self.group_id:
                    return _typed(data.text, self.group_type, f"node {short(nid)}: group")
        else:
            for av in node.findall(f"{ns}attvalues/{ns}attvalue"):
                if (av.get("for") or av.get("id")) == self.group_id:  # GEXF 1.1 used "id"
                    return _typed(av.get("value"), self.group_type, f"node {short(nid)}: group")
        return self.group_default

    def _check_attvalues(self, tag: str, elem) -> None:
        """Count GEXF attvalues for attributes the file does not declare (ignored)."""
        ns = self.ns
        known = self.declared.get(tag, set())
        for av in elem.findall(f"{ns}attvalues/{ns}attvalue"):
            name = av.get("for") or av.get("id")
            if name not in known:
                self.undeclared[name] = self.undeclared.get(name, 0) + 1

    def notes(self, added: int) -> tuple[str | None, ...]:
        """What reading the document changed, beyond the builder's notes."""
        odd = None
        if self.undeclared:
            names = ", ".join(short(n, 20) for n in list(self.undeclared)[:3])
            count = sum(self.undeclared.values())
            odd = (f"{count:,} attvalue{'s' * (count != 1)} for undeclared attributes "
                   f"({names}) ignored")
        return undeclared_note(added), odd

    def _kind_of(self, edge) -> str | None:
        """The edge's ``kind`` (ScoreNet's ``friend``/``date``; GEXF 1.3's own edge kind
        first), or None."""
        ns = self.ns
        if self.kind == "gexf":
            if edge.get("kind") is not None:
                return edge.get("kind")
            for av in edge.findall(f"{ns}attvalues/{ns}attvalue"):
                if self.kind_id is not None and (av.get("for") or av.get("id")) == self.kind_id:
                    return av.get("value")
            return None
        if self.kind_id is not None:
            for data in edge.findall(ns + "data"):
                if data.get("key") == self.kind_id:
                    return (data.text or "").strip()
        return None

    def finish(self) -> GraphData:
        keep = friendships_only(self.kinds)
        edges = self.edges if keep is None else [e for e, k in zip(self.edges, keep) if k]
        declared = len(self.b.ids)
        for s, t in edges:
            self.b.edge(s, t)
        self.b.directed = bool(edges) and self.directed
        g = with_date_note(self.b.finish(convert_ids=True), len(self.edges) - len(edges))
        return with_notes(g, *self.notes(len(self.b.ids) - declared))


def _stream(events) -> GraphData:
    reader: _Reader | None = None
    # [element, how many of its children have ended]: ended children are the first ones
    # (document order) and are no longer needed, so they are cut from the tree in blocks.
    stack: list[list] = []
    for event, elem in events:
        tag = elem.tag if isinstance(elem.tag, str) else ""
        if event == "start":
            if reader is None:
                kind = _local(tag).lower()
                if kind not in ("graphml", "gexf"):
                    raise Bad(f"XML root element is <{_local(tag)[:40]}>, expected <graphml> "
                              "or <gexf>")
                reader = _Reader(kind, tag[: tag.index("}") + 1] if tag.startswith("{") else "")
            stack.append([elem, 0])
            if tag.startswith(reader.ns):
                reader.start(tag[len(reader.ns):], elem)
            continue
        stack.pop()
        if tag.startswith(reader.ns):
            reader.end(tag[len(reader.ns):], elem)
        if stack:
            parent = stack[-1]
            parent[1] += 1
            if parent[1] >= 1024:
                del parent[0][:parent[1]]
                parent[1] = 0
    assert reader is not None   # a document has a root element, or the parser raised
    return reader.finish()
