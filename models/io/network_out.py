"""The network at the end of a run, for Gephi (GEXF 1.3), networkx and igraph (GraphML).

Nodes carry every column of the per-person table (``Simulation.person_table``): ``group``,
``opted_out``, ``score``, the five rubric components, ``degree`` (friends), ``community``
and ``status``; node ids are the ids as given. Friendships and current dates are two edge
kinds: GEXF 1.3's ``kind`` edge attribute (what Gephi calls the edge type) and an edge
attribute ``kind`` = ``friend`` / ``date`` that networkx and igraph read. A friend who is
also a date appears twice, once per kind (a multigraph, as GEXF 1.3 allows).

Files are written as text, streamed, and replaced atomically.
"""

from __future__ import annotations

import os
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from ..atomic import atomic_path
from .graphfile import attribute_type, check_xml_text, plain_values

__all__ = ["write_network", "to_networkx", "NODE_TYPES", "attribute_type"]

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

#: GraphML / GEXF type of each fixed column (``group`` and ``id`` depend on the data).
NODE_TYPES = {"opted_out": "boolean", "score": "double", "history": "double",
              "capacity": "double", "identity": "double", "behaviour": "double",
              "social": "double", "degree": "long", "community": "long", "status": "string"}


def _text(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


def _columns(table: dict[str, np.ndarray]) -> list[tuple[str, str, list[str]]]:
    """``(name, type, values as text)`` for every node attribute column."""
    out = []
    for name, col in table.items():
        if name == "id":
            continue
        values = plain_values(np.asarray(col))
        kind = NODE_TYPES.get(name) or attribute_type(values)
        out.append((name, kind, [_text(v, kind) for v in values]))
    return out


def _edge_lists(sim, dating: bool) -> list[tuple[str, np.ndarray]]:
    kinds = [("friend", sim.friends.edges())]
    if dating:
        keys = np.sort(sim.dating.keys)
        kinds.append(("date", np.column_stack(np.divmod(keys, sim.n))))
    return kinds


def to_networkx(sim, dating: bool = False):
    """The current network as a networkx graph with the per-person table on the nodes.

    ``dating=False``: an ``nx.Graph`` of friendships. ``dating=True``: an
    ``nx.MultiGraph`` whose edges have keys and ``kind`` ``"friend"`` or ``"date"``.
    """
    import networkx as nx

    table = sim.person_table()
    ids = plain_values(table["id"])
    g = nx.MultiGraph() if dating else nx.Graph()
    cols = {c: plain_values(np.asarray(v)) for c, v in table.items() if c != "id"}
    for k, node in enumerate(ids):
        g.add_node(node, **{c: vals[k] for c, vals in cols.items()})
    for kind, edges in _edge_lists(sim, dating):
        for a, b in edges.tolist():
            if dating:
                g.add_edge(ids[a], ids[b], key=kind, kind=kind)
            else:
                g.add_edge(ids[a], ids[b], kind=kind)
    return g


def write_network(sim, path: str | os.PathLike[str], *, dating: bool = True,
                  description: str = "") -> None:
    """Write the current network as GEXF 1.3 (``.gexf``) or GraphML (``.graphml``).

    Raises
    ------
    ValueError
        For another extension, or ids or labels that XML cannot hold.
    """
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in (".gexf", ".graphml"):
        raise ValueError(f"the network is written as .gexf or .graphml, not {ext or 'no extension'}")
    table = sim.person_table()
    ids = [str(i) for i in plain_values(table["id"])]
    cols = _columns(table)
    for text in ids + [v for _, kind, vals in cols if kind == "string" for v in vals]:
        check_xml_text(text)
    check_xml_text(description)
    edges = _edge_lists(sim, dating)
    lines = _gexf(ids, cols, edges, description) if ext == ".gexf" else \
        _graphml(ids, cols, edges, description)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            fh.write(line)
            fh.write("\n")


def _gexf(ids, cols, edges, description):
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (f'<gexf xmlns="{GEXF_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">')
    yield f"  <meta><creator>ScoreNet</creator><description>{escape(description)}" \
          "</description></meta>"
    yield '  <graph mode="static" defaultedgetype="undirected">'
    yield '    <attributes class="node">'
    for name, kind, _ in cols:
        yield f'      <attribute id="{name}" title="{name}" type="{kind}"/>'
    yield "    </attributes>"
    yield '    <attributes class="edge">'
    yield '      <attribute id="kind" title="kind" type="string"/>'
    yield "    </attributes>"
    yield f'    <nodes count="{len(ids)}">'
    qids = [quoteattr(i) for i in ids]   # once per person, not once per tie
    for k, q in enumerate(qids):
        values = "".join(f'<attvalue for="{name}" value={quoteattr(vals[k])}/>'
                         for name, _, vals in cols)
        yield f"      <node id={q} label={q}><attvalues>{values}</attvalues></node>"
    yield "    </nodes>"
    yield f'    <edges count="{sum(len(e) for _, e in edges)}">'
    n = 0
    for kind, arr in edges:
        for a, b in arr.tolist():
            yield (f'      <edge id="{n}" source={qids[a]} target={qids[b]} '
                   f'kind="{kind}"><attvalues><attvalue for="kind" value="{kind}"/>'
                   "</attvalues></edge>")
            n += 1
    yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"


def _graphml(ids, cols, edges, description):
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield f'<graphml xmlns="{GRAPHML_NS}">'
    yield '  <key id="d_made_by" for="graph" attr.name="made_by" attr.type="string"/>'
    for name, kind, _ in cols:
        yield f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>'
    yield '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>'
    yield '  <graph id="G" edgedefault="undirected">'
    yield f'    <data key="d_made_by">{escape(description)}</data>'
    qids = [quoteattr(i) for i in ids]
    for k, q in enumerate(qids):
        values = "".join(f'<data key="{name}">{escape(vals[k])}</data>' for name, _, vals in cols)
        yield f"    <node id={q}>{values}</node>"
    for kind, arr in edges:
        for a, b in arr.tolist():
            yield (f"    <edge source={qids[a]} target={qids[b]}>"
                   f'<data key="kind">{kind}</data></edge>')
    yield "  </graph>"
    yield "</graphml>"
