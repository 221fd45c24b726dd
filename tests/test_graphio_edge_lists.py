"""Edge lists: comments, separators, weights, isolated people, ids kept exactly, header
rows, BOMs, quotes, and the SNAP Facebook file."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import ScenarioError
from models.graphio import read_graph
from tests.graph_files import assert_canonical, edge_set

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
