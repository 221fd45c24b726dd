"""Graph files written and read back: networkx's GraphML, GEXF and GML with int and
string ids, GML labels, ScoreNet's own GraphML and edge-list writers, and what they
refuse."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from models.errors import ScenarioError
from models.graph import GraphData, canonical_edges
from models.graphio import read_graph, write_graph
from tests.graph_files import assert_canonical, edge_set, karate_with_groups

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
