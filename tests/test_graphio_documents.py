"""GEXF, GraphML and GML documents as other tools write them (Gephi, yEd, a DTD, by
hand), and XML and GML found by content when the extension says nothing."""

from __future__ import annotations

import networkx as nx
import numpy as np

from models.graphio import read_graph
from tests.graph_files import GEXF_13, karate_with_groups

# --------------------------------------------------------------------------- Gephi files


def test_gephi_gexf_13(tmp_path):
    p = tmp_path / "gephi.gexf"
    p.write_text(GEXF_13, encoding="utf-8")
    g = read_graph(p)
    assert g.ids.tolist() == ["alice", "bob", "carol", "dan"]
    assert g.edges.tolist() == [[0, 1], [1, 2]]  # reciprocal merged, self-loop dropped
    # carol has no group: "none"; dan is isolated but declared
    assert g.groups.tolist() == ["north", "south", "none", "north"]


def test_gexf_12draft_int_group_and_default(tmp_path):
    p = tmp_path / "g12.gexf"
    p.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="group" type="integer"><default>9</default></attribute>
    </attributes>
    <nodes>
      <node id="0"><attvalues><attvalue for="0" value="1"/></attvalues></node>
      <node id="1"><attvalues><attvalue for="0" value="2"/></attvalues></node>
      <node id="2"/>
    </nodes>
    <edges><edge source="0" target="1"/><edge source="1" target="2"/><edge source="2" target="1"/></edges>
  </graph>
</gexf>""")
    g = read_graph(p)
    assert g.ids.tolist() == [0, 1, 2] and g.ids.dtype == np.int64
    assert g.groups.tolist() == [1, 2, 9]
    assert g.edges.tolist() == [[0, 1], [1, 2]]


def test_yed_style_graphml(tmp_path):
    p = tmp_path / "yed.graphml"
    p.write_text("""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
 xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d5" yfiles.type="nodegraphics"/>
  <key attr.name="Group" attr.type="int" for="node" id="d6"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6">1</data>
      <data key="d5"><y:ShapeNode><y:NodeLabel>A</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6">2</data></node>
    <node id="n2"><data key="d6"/></node>
    <node id="grp">
      <graph id="grp:" edgedefault="directed"><node id="grp::n0"><data key="d6">1</data></node></graph>
    </node>
    <edge id="e0" source="n0" target="n1"/>
    <edge id="e1" source="n1" target="grp::n0"/>
    <edge id="e2" source="n1" target="n0"/>
  </graph>
</graphml>""")
    g = read_graph(p)
    assert g.ids.tolist() == ["n0", "n1", "n2", "grp", "grp::n0"]
    assert g.edges.tolist() == [[0, 1], [1, 4]]
    assert g.groups.tolist() == ["1", "2", "none", "none", "1"]


def test_graphml_with_dtd_doctype_is_fine(tmp_path):
    p = tmp_path / "old.graphml"
    p.write_text('<?xml version="1.0"?>\n<!DOCTYPE graphml SYSTEM '
                 '"http://graphml.graphdrawing.org/dtds/graphml.dtd">\n'
                 '<graphml><graph><node id="1"/><node id="2"/><edge source="1" target="2"/>'
                 "</graph></graphml>")
    g = read_graph(p)
    assert g.ids.tolist() == [1, 2] and g.m == 1


def test_gml_by_hand_with_strings_duplicates_and_comments(tmp_path):
    p = tmp_path / "hand.gml"
    p.write_text("""# a comment
Creator "me"
graph [
  directed 1
  node [ id 1 label "x" group "a &amp; b" ]
  node [ id "s" group 2 ]
  node [ id 3 graphics [ x 1.5 y -2e3 ] ]
  edge [ source 1 target "s" weight 0.5 ]
  edge [ source 1 target "s" ]
  edge [ source "s" target 1 ]
  edge [ source 3 target 3 ]
  edge [ source 3 target 4 ]
]
""")
    g = read_graph(p)
    assert g.ids.tolist() == [1, "s", 3, 4]
    assert g.edges.tolist() == [[0, 1], [2, 3]]
    assert g.groups.tolist() == ["a & b", "2", "none", "none"]


def test_xml_and_gml_sniffed_when_extension_is_unknown(tmp_path):
    k = karate_with_groups()
    nx.write_graphml(k, tmp_path / "a.dat")
    nx.write_gml(k, tmp_path / "b.dat")
    nx.write_gexf(k, tmp_path / "c.xml")
    for name in ("a.dat", "b.dat", "c.xml"):
        g = read_graph(tmp_path / name)
        assert g.n == 34 and g.m == 78 and g.groups[0] == "Mr. Hi"
