"""Reading and writing graph files: formats, ids, groups, and hostile content."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import ScenarioError
from models.graph import GraphData, canonical_edges
from models.graphio import read_graph, write_graph


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


# --------------------------------------------------------------------------- round-trips


@pytest.mark.parametrize("writer, ext", [
    (nx.write_graphml, ".graphml"),
    (nx.write_gexf, ".gexf"),
    (lambda g, p: nx.write_gexf(g, p, version="1.1draft"), ".gexf"),
    (nx.write_gml, ".gml"),
])
def test_networkx_files_round_trip_int_ids(tmp_path, writer, ext):
    k = karate_with_groups()
    k.add_node(34, group="Nobody")  # an isolated node declared in the file
    k.add_edge(0, 0)  # self-loop: dropped
    p = tmp_path / f"karate{ext}"
    writer(k, p)
    g = read_graph(p)
    assert g.ids.dtype == np.int64 and g.ids.tolist() == list(range(35))
    assert edge_set(g) == {frozenset(e) for e in k.edges() if e[0] != e[1]}
    assert g.m == 78
    assert g.groups.tolist() == [k.nodes[i]["group"] for i in range(35)]
    assert_canonical(g)


@pytest.mark.parametrize("writer, ext", [(nx.write_graphml, ".graphml"), (nx.write_gexf, ".gexf")])
def test_networkx_files_round_trip_string_ids(tmp_path, writer, ext):
    names = [f"person {i} é" for i in range(33)] + ["007"]
    k = karate_with_groups(names)
    p = tmp_path / f"named{ext}"
    writer(k, p)
    g = read_graph(p)
    assert g.ids.dtype == object and g.ids.tolist() == names
    assert edge_set(g) == {frozenset(e) for e in k.edges()}
    assert g.groups.tolist() == [k.nodes[i]["club"] for i in names]


def test_gml_uses_distinct_labels_as_names_like_networkx(tmp_path):
    k = karate_with_groups([f"n{i}" for i in range(34)])
    p = tmp_path / "named.gml"
    nx.write_gml(k, p)  # writes id 0..33 and the names as labels
    g = read_graph(p)
    assert g.ids.tolist() == [f"n{i}" for i in range(34)]
    assert g.m == 78
    assert sorted(map(tuple, g.edges.tolist())) == sorted(
        tuple(sorted((int(u[1:]), int(v[1:])))) for u, v in k.edges())


def test_gml_falls_back_to_ids_when_labels_repeat_or_are_missing(tmp_path):
    p = tmp_path / "dup.gml"
    p.write_text('graph [ node [ id 5 label "a" ] node [ id 7 label "a" ] '
                 'node [ id 9 ] edge [ source 5 target 7 ] ]')
    g = read_graph(p)
    assert g.ids.tolist() == [5, 7, 9] and g.edges.tolist() == [[0, 1]]


@pytest.mark.parametrize("groups", [
    None,
    ["x", "y", "x", "z"],
    [3, 1, 3, 2],
    [0.5, 1.5, 0.5, 2.0],
    [True, False, True, True],
])
@pytest.mark.parametrize("ids", [[10, -3, 7, 0], ["a", "b c", "<&>\"'", "é"]])
def test_write_graphml_round_trip(tmp_path, ids, groups):
    arr = np.empty(4, dtype=object)
    arr[:] = ids
    gr = None if groups is None else np.array(groups, dtype=object)
    g = GraphData(arr, np.array([[0, 1], [1, 2]], dtype=np.int64), gr)  # node 3 isolated
    p = tmp_path / "out.graphml"
    write_graph(g, p)
    h = read_graph(p)
    assert h.ids.tolist() == ids
    assert np.array_equal(h.edges, g.edges)
    if groups is None:
        assert h.groups is None
    else:
        assert h.groups.tolist() == groups
        assert [type(x) for x in h.groups] == [type(x) for x in groups]


def test_write_graphml_numpy_int_groups(tmp_path):
    g = GraphData(np.arange(3, dtype=np.int64), np.array([[0, 2]]), np.array([2, 0, 1]))
    write_graph(g, tmp_path / "g.graphml")
    h = read_graph(tmp_path / "g.graphml")
    assert h.ids.dtype == np.int64 and h.groups.tolist() == [2, 0, 1]


@pytest.mark.parametrize("ext", [".txt", ".csv", ".tsv", ".edges"])
def test_write_edge_list_round_trip(tmp_path, ext):
    rng = np.random.default_rng(5)
    n = 300
    e = canonical_edges(rng.integers(0, n - 20, 900), rng.integers(0, n - 20, 900), n)
    for ids in (np.arange(n, dtype=np.int64) * 7 - 50,
                np.array([f"user_{i}" for i in range(n)], dtype=object)):
        g = GraphData(ids, e, None)
        p = tmp_path / f"out{ext}"
        write_graph(g, p)
        h = read_graph(p)
        assert h.n == n and h.m == g.m
        assert set(h.ids.tolist()) == set(ids.tolist()) and h.ids.dtype == ids.dtype
        assert edge_set(h) == edge_set(g)


def test_write_refuses_what_it_cannot_hold(tmp_path):
    g = GraphData(np.array(["a b", "c"], dtype=object), np.array([[0, 1]]), None)
    with pytest.raises(ScenarioError, match="use .graphml"):
        write_graph(g, tmp_path / "x.txt")
    write_graph(g, tmp_path / "x.graphml")  # fine there
    with pytest.raises(ScenarioError, match="not supported"):
        write_graph(g, tmp_path / "x.gexf")
    clash = GraphData(np.array([1, "1"], dtype=object), np.zeros((0, 2), np.int64), None)
    with pytest.raises(ScenarioError, match="unique"):
        write_graph(clash, tmp_path / "y.graphml")
    with pytest.raises(ScenarioError, match="cannot write"):
        write_graph(g, tmp_path / "no" / "such" / "dir.graphml")


# --------------------------------------------------------------------------- Gephi files

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


# --------------------------------------------------------------------------- edge lists


def test_edge_list_comments_commas_tabs_weights_isolated(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text("# header comment\n\n"
                 "1 2\n"
                 "2\t3\t0.7\n"
                 "3,4,1.0,2024-01-01\n"
                 " 4 , 1  # trailing comment\n"
                 "9\n"
                 "5 5\n"
                 "2 1\n"
                 "-3 1\r\n")
    g = read_graph(p)
    assert g.ids.dtype == np.int64
    assert g.ids.tolist() == [1, 2, 3, 4, 9, 5, -3]
    assert edge_set(g) == {frozenset(e) for e in [(1, 2), (2, 3), (3, 4), (4, 1), (-3, 1)]}
    assert g.groups is None
    assert_canonical(g)


def test_edge_list_ids_kept_exactly(tmp_path):
    p = tmp_path / "ids.csv"
    p.write_text('007,7\n"alice",bob\n+3,-0\n')
    g = read_graph(p)
    assert g.ids.tolist() == ["007", "7", "alice", "bob", "+3", "-0"]
    assert g.m == 3


@pytest.mark.parametrize("header", ["source,target,weight", "Source\tTarget", "id_1,id_2",
                                    "FROM TO", "u v"])
def test_edge_list_header_skipped(tmp_path, header):
    p = tmp_path / "h.csv"
    sep = "," if "," in header else " "
    p.write_text(f"{header}\n1{sep}2\n2{sep}3\n")
    g = read_graph(p)
    assert g.ids.tolist() == [1, 2, 3] and g.m == 2


def test_edge_list_letters_are_not_a_header(tmp_path):
    p = tmp_path / "letters.txt"
    p.write_text("a b\nb c\n")
    assert read_graph(p).ids.tolist() == ["a", "b", "c"]


def test_edge_list_bom_and_huge_int(tmp_path):
    p = tmp_path / "bom.txt"
    big = "123456789012345678901234567890"
    p.write_bytes(b"\xef\xbb\xbf1 2\n2 " + big.encode() + b"\n")
    g = read_graph(p)
    assert g.ids.tolist() == [1, 2, int(big)] and g.ids.dtype == object


def test_facebook_snap_file(facebook_path):
    g = read_graph(facebook_path)
    assert (g.n, g.m) == (4039, 88234)
    assert g.ids.dtype == np.int64 and sorted(g.ids.tolist()) == list(range(4039))
    assert g.groups is None
    assert_canonical(g)


# --------------------------------------------------------------------------- hostile files

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml><graph><node id="&lol9;"/></graph></graphml>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="&xxe;"/></graph></graphml>
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))

HOSTILE = {
    "truncated.graphml": (b'<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="1"/>',
                          ["malformed XML", "line 4"]),
    "truncated.gexf": (GEXF_13[: len(GEXF_13) // 2].encode(), ["malformed XML"]),
    "bomb.graphml": (BILLION_LAUGHS, ["entit"]),
    "bomb.txt": (BILLION_LAUGHS, ["entit"]),
    "xxe.graphml": (XXE, ["external"]),
    "junk.graphml": (os.urandom(2000), []),
    "junk.gml": (zlib.compress(b"x" * 10000) * 3, []),
    "junk.txt": (np.random.default_rng(0).bytes(4000), []),
    "image.png": (PNG, ["binary"]),
    "image.gml": (PNG, ["binary"]),
    "image.graphml": (PNG, ["PNG image"]),
    "empty.graphml": (b"", ["empty"]),
    "empty.txt": (b"", ["empty"]),
    "blank.gml": (b"  \n\n\t\n", ["empty"]),
    "comments.txt": (b"# nothing\n\n   # here\n", ["no nodes"]),
    "comments.gml": (b"# nothing\n", ["graph"]),
    "nonodes.graphml": (b'<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/'
                        b'xmlns"><graph id="G" edgedefault="undirected"></graph></graphml>',
                        ["no nodes"]),
    "nonodes.gexf": (b'<gexf xmlns="http://gexf.net/1.3"><graph><nodes/><edges/></graph></gexf>',
                     ["no nodes"]),
    "nonodes.gml": (b"graph [ directed 0 ]", ["no nodes"]),
    "latin1.txt": ("caf\u00e9 na\u00efve\n".encode("latin-1"), ["UTF-8", "line 1"]),
    "latin1.gml": ('graph [ node [ id 1 label "caf\u00e9" ] ]'.encode("latin-1"), ["UTF-8"]),
    "html.graphml": (b"<html><body>hello</body></html>", ["<html>"]),
    "svg.xml": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', ["<svg>"]),
    "gml_unclosed.gml": (b"graph [\n node [ id 1 ]\n", ["never closed", "line 1"]),
    "gml_badtoken.gml": (b"graph [\n node [ id 1 ] @\n]", ["syntax", "line 2"]),
    "gml_novalue.gml": (b"graph [ node [ id ] ]", ["syntax"]),
    "gml_noid.gml": (b"graph [ node [ label \"x\" ] ]", ["id"]),
    "gml_realid.gml": (b"graph [ node [ id 1.5 ] ]", ["id"]),
    "gml_nested.gml": (b"graph [" + b" a [" * 200000 + b" ]" * 200000 + b" ]", ["no nodes"]),
    "gml_edge.gml": (b"graph [ node [ id 1 ] edge [ source 1 ] ]", ["edge"]),
    "gml_listgroup.gml": (b"graph [ node [ id 1 group [ a 1 ] ] ]", ["group"]),
    "empty_field.csv": (b"1,2\n3,,4\n", ["line 2", "empty field"]),
    "mixed.csv": (b"1 2, 3\n", ["line 1", "mixed"]),
    "control.txt": (b"1 2\n3\x01 4\n", ["control character", "line 2"]),
    "quotes.csv": (b'"",2\n', ["empty node id"]),
    "noid.graphml": (b"<graphml><graph><node/></graph></graphml>", ["no id"]),
    "noend.gexf": (b'<gexf><graph><nodes><node id="1"/></nodes><edges><edge source="1"/>'
                   b"</edges></graph></gexf>", ["source or a target"]),
    "badint.graphml": (b'<graphml><key id="g" for="node" attr.name="group" attr.type="int"/>'
                       b'<graph><node id="1"><data key="g">north</data></node></graph></graphml>',
                       ["not a valid int"]),
    "header_only.csv": (b"source,target\n", ["no nodes"]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_raise_one_line_scenario_errors(tmp_path, name):
    content, words = HOSTILE[name]
    p = tmp_path / name
    p.write_bytes(content)
    try:
        g = read_graph(p)
    except ScenarioError:
        pass
    else:  # random junk may, rarely, be a valid edge list; it must then be well-formed
        assert name.startswith("junk") and g.n > 0
        return
    assert_bad(p, *words)   # a hang would be stopped by pytest-timeout; speed: benchmarks


def test_billion_laughs_fails_before_expanding(tmp_path):
    # Bounded time and memory under resource limits: tests/test_cli_hostile.py.
    p = tmp_path / "bomb.graphml"
    p.write_bytes(BILLION_LAUGHS)
    assert_bad(p, "entit")   # refused before any expansion (no time asserted in tests)


def test_missing_directory_and_special_paths(tmp_path):
    assert_bad(tmp_path / "missing.graphml", "not found")
    d = tmp_path / "folder.txt"
    d.mkdir()
    assert_bad(d, "directory")
    fifo = tmp_path / "pipe.txt"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        assert_bad(fifo, "regular file")  # and does not block reading it


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_unreadable_file(tmp_path):
    # Root (as in CI) reads any file whatever its mode, but not /proc/self/mem at offset 0
    # (no page is mapped there: EIO for everyone), here behind a name with a graph suffix.
    p = tmp_path / "secret.txt"
    p.symlink_to("/proc/self/mem")
    assert_bad(p, "cannot read")
    if os.geteuid() != 0:   # and a plain file without read permission, where that bites
        q = tmp_path / "locked.txt"
        q.write_text("1 2\n")
        q.chmod(0)
        assert_bad(q, "cannot read")


EXTENSIONS = [".graphml", ".gexf", ".gml", ".txt", ".csv", ".dat"]

XMLISH = st.lists(st.sampled_from([
    "<", ">", "/>", "</", "<?xml version='1.0'?>", "graphml", "gexf", "graph", "node", "edge",
    "key", "data", "attvalue", "attributes", "attribute", ' id="1"', ' id="a"', ' source="1"',
    ' target="2"', ' for="g"', ' value="x"', ' attr.name="group"', ' attr.type="int"',
    ' title="group"', ' type="double"', ' class="node"', ' key="g"', "&amp;", "&x;",
    '<!DOCTYPE g [<!ENTITY x "y">]>', " ", "\n", "1", "é", "\x00",
]), max_size=60).map("".join)

GMLISH = st.lists(st.sampled_from([
    "graph", "[", "]", "node", "edge", "id", "source", "target", "group", "label", "1", "2",
    "-3", "1.5", "INF", '"a"', '"', "#", "\n", " ", "&amp;", "directed", "é", "@",
]), max_size=60).map(" ".join)

EDGEISH = st.lists(st.sampled_from([
    "1", "2", "a", "007", "-0", ",", " ", "\t", "\n", "\r\n", "#", '"', '"x"', "source",
    "target", "1.5", "\x0b", "é", "\ufeff",
]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), XMLISH.map(str.encode), GMLISH.map(str.encode),
                      EDGEISH.map(str.encode)),
       ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_content_only_raises_scenario_error(tmp_path_factory, data, ext):
    p = tmp_path_factory.mktemp("fuzz") / f"fuzz{ext}"
    p.write_bytes(data)
    try:
        g = read_graph(p)
    except ScenarioError as err:
        assert "\n" not in str(err) and p.name in str(err) and err.key == "network.path"
    else:
        assert g.n >= 1 and len(g.ids) == g.n
        assert g.groups is None or len(g.groups) == g.n
        assert_canonical(g)
        assert g.edges.size == 0 or g.edges.max() < g.n


@pytest.mark.parametrize("name, text, ids, edges", [
    ("q.txt", '"a b" "c"\n"c" "d"\n', ["a b", "c", "d"], [[0, 1], [1, 2]]),
    ("q.csv", '"x,1", "y # no comment" # comment\n"y # no comment",z\n',
     ["x,1", "y # no comment", "z"], [[0, 1], [1, 2]]),
    ("h.txt", "node1 node2\nnode2 node3\nnode3 node4\n",
     ["node1", "node2", "node3", "node4"], [[0, 1], [1, 2], [2, 3]]),
    ("h.csv", "node1,node2\na,b\nb,c\n", ["a", "b", "c"], [[0, 1], [1, 2]]),
])
def test_quotes_and_header_like_first_lines(tmp_path, name, text, ids, edges):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    g = read_graph(p)
    assert g.ids.tolist() == ids and g.edges.tolist() == edges


def test_unbalanced_quote_is_an_error(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text('"a" "b"\n"b" "c\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match="line 2: unbalanced double quote"):
        read_graph(p)
