"""What the graph-file tests share: edges as id sets, the canonical-edges check, the
one-line refusal check, karate with groups, a GEXF 1.3 file as Gephi writes it."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from models.errors import ScenarioError
from models.graph import GraphData, canonical_edges
from models.graphio import read_graph


def edge_set(g: GraphData) -> set[frozenset]:
    """Edges as sets of ids, independent of node order."""
    ids = g.ids.tolist()
    return {frozenset((ids[a], ids[b])) for a, b in g.edges.tolist()}


def assert_canonical(g: GraphData) -> None:
    assert g.edges.dtype == np.int64 and g.edges.ndim == 2 and g.edges.shape[1] == 2
    assert np.array_equal(g.edges, canonical_edges(g.edges[:, 0], g.edges[:, 1], g.n))


def assert_bad(path: Path, *words: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        read_graph(path)
    err = info.value
    text = str(err)
    assert path.name in text and "network.path" in text, text
    assert "\n" not in text and "\r" not in text, text
    assert type(err) is ScenarioError and err.key == "network.path"
    for w in words:
        assert w.lower() in text.lower(), text
    return err


def karate_with_groups(ids=None) -> nx.Graph:
    k = nx.karate_club_graph()
    if ids is not None:
        k = nx.relabel_nodes(k, dict(zip(range(34), ids)))
    for node, data in k.nodes(data=True):
        data["group"] = data["club"]
    return k


#: A small GEXF 1.3 file as Gephi 0.10 writes it: groups as attvalues, a colour, a reverse
#: tie and a self-loop, a person without a group and one without ties.
GEXF_13 = """<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
    <title></title>
    <description></description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="edge" mode="static">
      <attribute id="group" title="group" type="integer"></attribute>
    </attributes>
    <attributes class="node" mode="static">
      <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
      <attribute id="group" title="Group" type="string"></attribute>
    </attributes>
    <nodes>
      <node id="alice" label="Alice">
        <attvalues>
          <attvalue for="modularity_class" value="0"></attvalue>
          <attvalue for="group" value="north"></attvalue>
        </attvalues>
        <viz:size value="10.0"></viz:size>
        <viz:position x="-12.5" y="3.0"></viz:position>
        <viz:color r="153" g="0" b="255"></viz:color>
      </node>
      <node id="bob" label="Bob">
        <attvalues>
          <attvalue for="group" value="south"></attvalue>
        </attvalues>
      </node>
      <node id="carol" label="Carol"></node>
      <node id="dan" label="Dan">
        <attvalues><attvalue for="group" value="north"></attvalue></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="alice" target="bob" weight="2.0"></edge>
      <edge id="1" source="bob" target="alice" weight="1.0"></edge>
      <edge id="2" source="bob" target="carol"></edge>
      <edge id="3" source="carol" target="carol"></edge>
    </edges>
  </graph>
</gexf>
"""
