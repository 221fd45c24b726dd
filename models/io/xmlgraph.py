"""GraphML and GEXF (1.1draft, 1.2draft, 1.3) readers, told apart by the root element.

XML is parsed with defusedxml: DTD entities (entity bombs, external entities) are
refused before any expansion. Nested graphs are flattened; ``edgedefault="directed"``
(GraphML), ``defaultedgetype="directed"`` (GEXF) or a directed edge make the builder note
that directed ties were read as mutual.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as SafeET

from ..graph import GraphData
from .base import MISSING, Bad, Builder, short

__all__ = ["read_xml"]


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


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


def _parse(raw: bytes):
    try:
        return SafeET.fromstring(raw)
    except EntitiesForbidden as exc:
        if getattr(exc, "sysid", None) or getattr(exc, "pubid", None):
            raise Bad("external XML entities are not allowed") from None
        raise Bad("XML entity declarations are not allowed (possible entity-expansion "
                  "attack)") from None
    except ExternalReferenceForbidden:
        raise Bad("external XML references are not allowed") from None
    except DefusedXmlException as exc:
        raise Bad(f"unsafe XML refused: {type(exc).__name__}") from None
    except LookupError as exc:  # <?xml encoding="..."?> names no codec Python has
        raise Bad(f"XML declares an unknown encoding ({exc})") from None
    except ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        msg = re.sub(r": line \d+, column \d+$", "", str(exc))
        raise Bad(f"malformed XML (line {line}, column {col}): {msg}") from None


def read_xml(raw: bytes) -> GraphData:
    """A GraphML or GEXF document (bytes, so that the XML declaration sets the encoding)."""
    root = _parse(raw)
    kind = _local(root.tag).lower()
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    if kind == "graphml":
        return _read_graphml(root, ns)
    if kind == "gexf":
        return _read_gexf(root, ns)
    raise Bad(f"XML root element is <{_local(root.tag)[:40]}>, expected <graphml> or <gexf>")


def _read_graphml(root, ns: str) -> GraphData:
    gkey, gtype, gdefault = None, "string", MISSING
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
                return _typed(data.text, gtype, f"node {short(nid)}: group")
        return gdefault

    directed = any(g.get("edgedefault", "").lower() == "directed"
                   for g in root.iter(ns + "graph"))
    return _xml_graph(root, ns, group_of if gkey is not None else None, directed,
                      lambda e: e.get("directed", "").lower() == "true")


def _read_gexf(root, ns: str) -> GraphData:
    gid, gtype, gdefault = None, "string", MISSING
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
                return _typed(av.get("value"), gtype, f"node {short(nid)}: group")
        return gdefault

    directed = any(g.get("defaultedgetype", "").lower() == "directed"
                   for g in root.iter(ns + "graph"))
    return _xml_graph(root, ns, group_of if gid is not None else None, directed,
                      lambda e: e.get("type", "").lower() == "directed")


def _xml_graph(root, ns: str, group_of, directed: bool, edge_directed) -> GraphData:
    """Nodes (at any depth, so nested graphs are flattened) and edges of GraphML/GEXF."""
    b = Builder()
    for k, node in enumerate(root.iter(ns + "node")):
        nid = node.get("id")
        if nid is None:
            raise Bad(f"node #{k + 1} has no id")
        b.node(nid, MISSING if group_of is None else group_of(node, nid))
    some_directed = False
    for k, edge in enumerate(root.iter(ns + "edge")):
        s, t = edge.get("source"), edge.get("target")
        if s is None or t is None:
            raise Bad(f"edge #{k + 1} lacks a source or a target")
        some_directed = some_directed or edge_directed(edge)
        b.edge(s, t)
    b.directed = bool(b.u) and (directed or some_directed)
    return b.finish(convert_ids=True)
