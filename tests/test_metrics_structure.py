"""Structure metrics (MODEL.md section 6; models.measures.structure): degrees, isolated
people, components and the giant share, against networkx and by hand."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given

from models import measures as M
from tests.metric_graphs import FAST, graphs, random_graph, to_nx


# --------------------------------------------------- degrees, isolated, giant share
def test_degrees_isolated_giant_by_hand():
    edges = np.array([[0, 1], [0, 2], [1, 2], [3, 4]])  # triangle, pair, two isolated
    assert M.degrees(7, edges).tolist() == [2, 2, 2, 1, 1, 0, 0]
    assert M.degrees(7, edges).dtype == np.int64
    assert M.isolated_share(7, edges) == pytest.approx(2 / 7)
    assert M.giant_share(7, edges) == pytest.approx(3 / 7)
    assert M.giant_share(3, np.empty((0, 2))) == pytest.approx(1 / 3)
    assert M.isolated_share(3, np.empty((0, 2))) == 1.0
    assert math.isnan(M.giant_share(0, np.empty((0, 2))))
    assert math.isnan(M.isolated_share(0, np.empty((0, 2))))


def test_degrees_isolated_giant_match_networkx():
    rng = np.random.default_rng(6)
    for _ in range(20):
        n = int(rng.integers(1, 300))
        edges = random_graph(rng, n, int(rng.integers(0, 2 * n)))
        g = to_nx(n, edges)
        assert M.degrees(n, edges).tolist() == [d for _, d in sorted(g.degree())]
        assert M.isolated_share(n, edges) == pytest.approx(nx.number_of_isolates(g) / n)
        giant = max(len(c) for c in nx.connected_components(g))
        assert M.giant_share(n, edges) == pytest.approx(giant / n)


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    pairs = np.unique(np.stack([a, b]), axis=1)
    return pairs.shape[1] == np.unique(a).size == np.unique(b).size


def nx_components(n: int, edges: np.ndarray) -> list[set]:
    return list(nx.connected_components(to_nx(n, edges)))


@FAST
@given(graphs(max_n=60))
def test_component_labels_match_networkx(graph):
    n, edges = graph
    labels = M.component_labels(n, edges)
    expected = np.empty(n, dtype=np.int64)
    for k, comp in enumerate(nx_components(n, edges)):
        expected[list(comp)] = k
    assert same_partition(labels, expected)
    sizes = [len(c) for c in nx_components(n, edges)]
    assert M.components(n, edges) == sum(1 for x in sizes if x >= 2)
    assert M.giant_share(n, edges) == max(sizes) / n
    assert M.component_summary(n, edges) == (max(sizes) / n, M.components(n, edges))
    # unsorted edges give the same components
    flipped = edges[::-1, ::-1].copy()
    assert same_partition(M.component_labels(n, flipped), labels)


def test_components_by_hand():
    # a triangle, a pair, two people alone: two components of two or more
    edges = np.array([[0, 1], [0, 2], [1, 2], [3, 4]])
    assert M.components(7, edges) == 2.0
    assert M.components(3, np.empty((0, 2))) == 0.0
    assert M.components(0, np.empty((0, 2))) == 0.0


def test_bottom_isolated_share_by_hand():
    # ten people: the bottom fifth by score is persons 3 and 7 (scores 1 and 2)
    scores = [5, 6, 7, 1, 8, 9, 10, 2, 3, 4]
    deg = [0, 0, 0, 0, 1, 1, 1, 2, 1, 1]   # person 3 alone, person 7 has friends
    assert M.bottom_isolated_share(scores, deg) == 0.5
    assert M.bottom_isolated_share(scores, [1] * 10) == 0.0
    assert math.isnan(M.bottom_isolated_share([], []))
