"""Every common format in: Pajek, adjacency lists, edge lists with headers, separators and
names with spaces, UTF-16 from Excel, and formats found by content, not by name."""

from __future__ import annotations

import networkx as nx
import pytest

from models.errors import ScenarioError
from models.io import read_graph


def ties(g) -> set[frozenset]:
    ids = g.ids.tolist()
    return {frozenset((ids[a], ids[b])) for a, b in g.edges.tolist()}


def test_pajek_written_by_networkx(tmp_path):
    k = nx.karate_club_graph()
    k = nx.relabel_nodes(k, {i: f"member {i}" for i in k})
    p = tmp_path / "club.net"
    nx.write_pajek(k, p)
    g = read_graph(p)
    assert sorted(g.ids.tolist()) == sorted(k.nodes)
    assert ties(g) == {frozenset(e) for e in k.edges}
    assert g.notes == ()


@pytest.mark.parametrize("body, ids, edges, note", [
    ('*Vertices 3\n1 "ann"\n2 "bob"\n3 "cat"\n*Edges\n1 2\n2 3 1.5\n', ["ann", "bob", "cat"],
     {("ann", "bob"), ("bob", "cat")}, None),
    ("% a comment\n*Network x\n*Vertices 4\n*Edgeslist\n1 2 3\n4\n", [1, 2, 3, 4],
     {(1, 2), (1, 3)}, None),
    ("*Vertices 3\n*Matrix\n0 1 0\n1 0 1\n0 1 0\n", [1, 2, 3], {(1, 2), (2, 3)},
     "2 repeated"),     # a symmetric matrix lists each tie twice
    ('*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Arcs\n1 2\n*Edges\n2 3\n', ["a", "b", "c"],
     {("a", "b"), ("b", "c")}, "directed"),
    ('*Vertices 3\n1 "a"\n2 "a"\n*Edges\n1 2\n', [1, 2, 3], {(1, 2)}, None),  # labels clash
])
def test_pajek_sections(tmp_path, body, ids, edges, note):
    p = tmp_path / "g.net"
    p.write_text(body)
    g = read_graph(p)
    assert g.ids.tolist() == ids
    assert ties(g) == {frozenset(e) for e in edges}
    assert (note is None and not g.notes) or any(note in n for n in g.notes)


@pytest.mark.parametrize("body, words", [
    ('*Vertices 2\n*Arcs\n1 2\n2 1\n', ["Arcs only"]),
    ('*Vertices 2\n*Edges\n1 3\n', ["vertex 3", "2 *Vertices"]),
    ('*Edges\n1 2\n', ["before *Vertices"]),
    ('*Vertices 999999999999\n', ["more people"]),
    ('*Vertices 2\n*Bogus\n', ["unknown Pajek section"]),
])
def test_pajek_refusals(tmp_path, body, words):
    p = tmp_path / "bad.net"
    p.write_text(body)
    with pytest.raises(ScenarioError) as info:
        read_graph(p)
    for w in words:
        assert w in str(info.value)


@pytest.mark.parametrize("name", ["g.adj", "g.adjlist", "g.txt"])
def test_adjacency_lists_by_extension_or_content(tmp_path, name):
    k = nx.les_miserables_graph()   # string names, hubs with many friends
    k = nx.relabel_nodes(k, {v: v.replace(" ", "_") for v in k})
    p = tmp_path / name
    nx.write_adjlist(k, p)
    g = read_graph(p)
    assert sorted(g.ids.tolist()) == sorted(k.nodes)
    assert ties(g) == {frozenset(e) for e in k.edges}
    if name == "g.txt":
        assert any("adjacency list" in n for n in g.notes)


@pytest.mark.parametrize("text", [
    "source,target,weight\nann,bob,0.5\nbob,cat,2\n",
    "Source;Target;Weight\nann;bob;0,5\nbob;cat;2\n",
    "Source,Target,Type,Id,Label,Weight\nann,bob,Undirected,0,,1.0\nbob,cat,Undirected,1,,1\n",
    "from\tto\nann\tbob\nbob\tcat\n",
    "ann;bob\nbob;cat\n",
])
def test_headers_name_columns_and_are_never_a_tie(tmp_path, text):
    p = tmp_path / "e.csv"
    p.write_text(text)
    g = read_graph(p)
    assert g.ids.tolist() == ["ann", "bob", "cat"]
    assert ties(g) == {frozenset(("ann", "bob")), frozenset(("bob", "cat"))}


def test_tab_separated_names_with_spaces_and_utf16_from_excel(tmp_path):
    text = "Ann Lee\tBob Smith\nBob Smith\tCé Dupont\n"
    for name, data in (("t.tsv", text.encode()), ("t.txt", text.encode("utf-16"))):
        p = tmp_path / name
        p.write_bytes(data)
        g = read_graph(p)
        assert g.ids.tolist() == ["Ann Lee", "Bob Smith", "Cé Dupont"], name


def test_extra_numeric_columns_are_noted(tmp_path):
    p = tmp_path / "w.txt"
    p.write_text("1 2 0.5 1700000000\n2 3 1.5 1700000100\n")
    g = read_graph(p)
    assert g.m == 2 and any("ignored" in n for n in g.notes)


@pytest.mark.parametrize("name, text", [
    ("graph.txt", '<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/>'
                  "</graph></graphml>"),
    ("graph.csv", 'graph [ node [ id 1 label "a" ] node [ id 2 label "b" ] '
                  "edge [ source 1 target 2 ] ]"),
    ("graph.dat", '*Vertices 2\n1 "a"\n2 "b"\n*Edges\n1 2\n'),
])
def test_format_found_by_content_whatever_the_name(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    g = read_graph(p)
    assert g.ids.tolist() == ["a", "b"] and g.m == 1


def test_numeric_adjacency_list_found_by_its_long_lines(tmp_path):
    k = nx.karate_club_graph()     # integer ids: only the line lengths give it away
    p = tmp_path / "k.txt"
    nx.write_adjlist(k, p)
    g = read_graph(p)
    assert ties(g) == {frozenset(e) for e in k.edges}
    assert any("adjacency list" in n for n in g.notes)


# The same five lines in every format: a tie, the same tie again, its reverse, a
# self-loop and a second tie. README (Graph files): self-loops are dropped, repeated ties
# and a->b with b->a are merged, and one note says so, whatever the format.
_TIES = [("a", "b"), ("a", "b"), ("b", "a"), ("c", "c"), ("b", "c")]
_GRAPHML = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph '
            'edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>'
            + "".join(f'<edge source="{s}" target="{t}"/>' for s, t in _TIES)
            + "</graph></graphml>")
_GEXF = ('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">'
         '<nodes><node id="a"/><node id="b"/><node id="c"/></nodes><edges>'
         + "".join(f'<edge id="{k}" source="{s}" target="{t}"/>'
                   for k, (s, t) in enumerate(_TIES))
         + "</edges></graph></gexf>")
_GML = ("graph [ " + " ".join(f'node [ id {i} label "{x}" ]' for i, x in enumerate("abc"))
        + " ".join(f" edge [ source {'abc'.index(s)} target {'abc'.index(t)} ]"
                   for s, t in _TIES) + " ]")
_PAJEK = ('*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Edges\n'
          + "".join(f"{'abc'.index(s) + 1} {'abc'.index(t) + 1}\n" for s, t in _TIES))


@pytest.mark.parametrize("name, text", [
    ("ties.txt", "".join(f"{s} {t}\n" for s, t in _TIES)),
    ("ties.gml", _GML),
    ("ties.graphml", _GRAPHML),
    ("ties.gexf", _GEXF),
    ("ties.net", _PAJEK),
])
def test_repeated_ties_and_self_loops_are_handled_alike_in_every_format(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    g = read_graph(p)
    assert sorted(g.ids.tolist()) == ["a", "b", "c"]
    assert ties(g) == {frozenset("ab"), frozenset("bc")}
    assert [n for n in g.notes if "self-loop" in n or "merged" in n] == [
        "1 self-loop dropped", "2 repeated or reverse ties merged"], g.notes
