"""Community metrics (MODEL.md section 6; models.measures.communities): modularity,
Louvain and the between-community share, against networkx, igraph and loops."""

from __future__ import annotations

import math
import random

import igraph
import networkx as nx
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from models import measures as M
from models.graph import canonical_edges
from tests.metric_graphs import FAST, random_graph, to_nx, two_cliques


# ------------------------------------------------------------- modularity, louvain
def test_modularity_matches_networkx():
    rng = np.random.default_rng(4)
    for _ in range(20):
        n = int(rng.integers(5, 80))
        edges = random_graph(rng, n, int(rng.integers(1, 4 * n)))
        labels = rng.integers(0, int(rng.integers(1, 6)), n)
        g = to_nx(n, edges)
        parts = [set(np.flatnonzero(labels == c).tolist()) for c in np.unique(labels)]
        expected = nx.community.modularity(g, parts, weight=None)
        assert M.modularity(n, edges, labels) == pytest.approx(expected, abs=1e-9)


def test_modularity_accepts_any_labels():
    edges = two_cliques(5)
    q = M.modularity(10, edges, [0] * 5 + [1] * 5)
    assert M.modularity(10, edges, [-7] * 5 + [10**12] * 5) == pytest.approx(q, abs=1e-15)
    assert M.modularity(10, edges, ["a"] * 5 + ["b"] * 5) == pytest.approx(q, abs=1e-15)
    assert M.modularity(10, edges, np.zeros(10, dtype=int)) == pytest.approx(0.0, abs=1e-15)
    assert math.isnan(M.modularity(3, np.empty((0, 2)), [0, 1, 2]))
    with pytest.raises(ValueError):
        M.modularity(11, edges, [0] * 10)


def test_louvain_finds_planted_cliques():
    labels = M.louvain(20, two_cliques(10))
    assert labels.dtype == np.int64
    assert labels.tolist() == [0] * 10 + [1] * 10


def test_louvain_is_deterministic_and_canonical():
    rng = np.random.default_rng(5)
    n = 400
    edges = random_graph(rng, n, 1200)
    first = M.louvain(n, edges, seed=3)
    for _ in range(3):
        assert np.array_equal(M.louvain(n, edges, seed=3), first)
    for labels in (first, M.louvain(n, edges, seed=11)):
        assert labels.shape == (n,)
        # numbered 0..k-1 in order of first appearance
        _, where = np.unique(labels, return_index=True)
        assert labels.min() == 0 and np.all(np.diff(where) > 0)
        assert labels.max() + 1 == where.size


def test_louvain_isolated_and_empty():
    triangle = np.array([[1, 2], [1, 4], [2, 4]])
    labels = M.louvain(6, triangle)
    assert labels.tolist() == [0, 1, 1, 2, 1, 3]
    assert M.louvain(4, np.empty((0, 2), dtype=np.int64)).tolist() == [0, 1, 2, 3]
    assert M.louvain(0, np.empty((0, 2), dtype=np.int64)).size == 0


def test_louvain_modularity_close_to_networkx_on_karate():
    g = nx.karate_club_graph()
    edges = canonical_edges(*np.array(list(g.edges())).T, g.number_of_nodes())
    labels = M.louvain(g.number_of_nodes(), edges)
    ours = M.modularity(g.number_of_nodes(), edges, labels)
    parts = [set(np.flatnonzero(labels == c).tolist()) for c in range(labels.max() + 1)]
    assert ours == pytest.approx(nx.community.modularity(g, parts, weight=None), abs=1e-12)
    theirs = nx.community.modularity(
        g, nx.community.louvain_communities(g, weight=None, seed=0), weight=None)
    assert ours > 0.38
    assert ours == pytest.approx(theirs, abs=0.03)


def test_louvain_restores_igraph_rng_and_leaves_random_alone(monkeypatch):
    calls = []
    original = igraph.set_random_number_generator

    def spy(rng):
        calls.append(rng)
        original(rng)

    monkeypatch.setattr(igraph, "set_random_number_generator", spy)
    random.seed(9)
    expected = random.random()
    random.seed(9)
    M.louvain(20, two_cliques(10))
    assert random.random() == expected
    assert isinstance(calls[0], random.Random) and calls[-1] is random

    def boom(self, *args, **kwargs):
        raise RuntimeError("boom")

    calls.clear()
    monkeypatch.setattr(igraph.Graph, "community_multilevel", boom)
    with pytest.raises(RuntimeError):
        M.louvain(20, two_cliques(10))
    assert calls[-1] is random


# -------------------------------------------------------------------- between share
def between_share_loop(values, labels) -> float:
    values = np.asarray(values, dtype=np.float64)
    mean = values.mean()
    total = sum((x - mean) ** 2 for x in values)
    between = 0.0
    for c in set(labels):
        members = values[np.asarray(labels) == c]
        between += members.size * (members.mean() - mean) ** 2
    return between / total


def test_between_share_cases():
    assert M.between_share([1.0, 2.0, 3.0], [0, 1, 2]) == 1.0
    assert M.between_share([1.0, 2.0, 3.0], [4, 4, 4]) == pytest.approx(0.0, abs=1e-15)
    assert math.isnan(M.between_share([0.1] * 5, [0, 0, 1, 1, 2]))
    assert math.isnan(M.between_share([], []))


@FAST
@given(st.lists(st.tuples(st.floats(-1e3, 1e3), st.integers(0, 4)), min_size=1, max_size=50))
def test_between_share_matches_loop(rows):
    values = [r[0] for r in rows]
    labels = [r[1] for r in rows]
    share = M.between_share(values, labels)
    if min(values) == max(values):
        assert math.isnan(share)
        return
    if not math.isnan(share):  # a variance that underflows to 0 also gives nan
        assert 0.0 <= share <= 1.0
    assume(np.var(values) > 1e-9)
    assert share == pytest.approx(between_share_loop(values, labels), abs=1e-9)
