"""The metrics of MODEL.md section 6, each against an independent computation."""

from __future__ import annotations

import math
import random

import igraph
import networkx as nx
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr

from models import measures as M
from models.graph import canonical_edges

FAST = settings(max_examples=60, deadline=None)


def random_graph(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    return canonical_edges(rng.integers(0, n, m), rng.integers(0, n, m), n)


def to_nx(n: int, edges: np.ndarray, **attrs) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges.tolist())
    for name, values in attrs.items():
        nx.set_node_attributes(g, dict(enumerate(np.asarray(values).tolist())), name)
    return g


@st.composite
def graphs(draw, max_n: int = 30, min_m: int = 0):
    """(n, canonical edges) of a small random graph."""
    n = draw(st.integers(2, max_n))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                          min_size=min_m, max_size=3 * n))
    pairs = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return n, canonical_edges(pairs[:, 0], pairs[:, 1], n)


def two_cliques(k: int = 10) -> np.ndarray:
    a, b = np.triu_indices(k, 1)
    u = np.concatenate([a, a + k, [k - 1]])
    v = np.concatenate([b, b + k, [k]])
    return canonical_edges(u, v, 2 * k)


# ------------------------------------------------------------------------------ gini
def gini_by_pairs(x) -> float:
    """Mean absolute difference over all pairs, over twice the mean."""
    x = np.asarray(x, dtype=np.float64)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size**2 * x.mean())


def test_gini_known_distributions():
    rng = np.random.default_rng(1)
    assert M.gini(np.full(50, 7.0)) == 0.0
    assert M.gini(np.zeros(10)) == 0.0
    for n in (1, 2, 10, 1000):
        x = np.zeros(n)
        x[n // 2] = 3.0
        assert M.gini(x) == pytest.approx((n - 1) / n, abs=1e-12)
    assert M.gini(rng.random(200_000)) == pytest.approx(1 / 3, abs=0.005)
    assert M.gini(rng.exponential(2.0, 200_000)) == pytest.approx(1 / 2, abs=0.005)


def test_gini_edge_cases():
    assert math.isnan(M.gini([]))
    with pytest.raises(ValueError):
        M.gini([1.0, -0.5])


@FAST
@given(st.lists(st.floats(0, 1e6, allow_subnormal=False), min_size=1, max_size=60))
def test_gini_matches_pairwise_formula(x):
    g = M.gini(x)
    assert 0.0 <= g < 1.0
    if max(x) > 0:
        assert g == pytest.approx(gini_by_pairs(x), abs=1e-9)
    assert M.gini(np.asarray(x) * 3.5) == pytest.approx(g, abs=1e-9)
    assert M.gini(x[::-1]) == pytest.approx(g, abs=1e-12)


# ------------------------------------------------------------------ edge correlation
def test_edge_correlation_matches_networkx():
    rng = np.random.default_rng(2)
    for _ in range(20):
        n = int(rng.integers(5, 60))
        edges = random_graph(rng, n, int(rng.integers(3, 4 * n)))
        values = rng.integers(0, 8, n)
        g = to_nx(n, edges, x=values)
        if len(set(values[edges.ravel()].tolist())) < 2:
            continue
        expected = nx.numeric_assortativity_coefficient(g, "x")
        assert M.edge_correlation(values, edges) == pytest.approx(expected, abs=1e-9)


def test_edge_correlation_is_pearson_over_both_directions():
    rng = np.random.default_rng(3)
    edges = random_graph(rng, 200, 800)
    values = rng.normal(600, 80, 200)
    a, b = values[edges[:, 0]], values[edges[:, 1]]
    expected = np.corrcoef(np.concatenate([a, b]), np.concatenate([b, a]))[0, 1]
    assert M.edge_correlation(values, edges) == pytest.approx(expected, abs=1e-12)


def test_edge_correlation_undefined():
    assert math.isnan(M.edge_correlation([1.0, 2.0], np.empty((0, 2), dtype=np.int64)))
    # equal values at every edge end (node 2, with another value, has no edge)
    assert math.isnan(M.edge_correlation([0.1, 0.1, 5.0], [[0, 1]]))
    assert math.isnan(M.edge_correlation(np.full(4, 0.1), [[0, 1], [1, 2], [2, 3]]))


def test_edge_correlation_extremes():
    # two separate pairs with equal values inside each: perfectly assortative
    assert M.edge_correlation([1.0, 1.0, 5.0, 5.0], [[0, 1], [2, 3]]) == pytest.approx(1.0)
    # a star whose centre differs from every leaf: perfectly disassortative
    assert M.edge_correlation([9.0, 1.0, 1.0, 1.0], [[0, 1], [0, 2], [0, 3]]) == pytest.approx(-1.0)


@FAST
@given(graphs(min_m=1), st.data())
def test_edge_correlation_invariant_to_relabelling(graph, data):
    n, edges = graph
    assume(edges.shape[0] > 0)
    values = np.array(data.draw(st.lists(st.floats(-1e3, 1e3), min_size=n, max_size=n)))
    perm = np.array(data.draw(st.permutations(range(n))))
    r = M.edge_correlation(values, edges)
    moved = np.empty(n)
    moved[perm] = values
    r_perm = M.edge_correlation(moved, canonical_edges(perm[edges[:, 0]], perm[edges[:, 1]], n))
    r_flip = M.edge_correlation(values, edges[::-1, ::-1])
    if math.isnan(r):
        assert math.isnan(r_perm) and math.isnan(r_flip)
    else:
        assert -1.0 <= r <= 1.0
        assert r_perm == pytest.approx(r, abs=1e-9)
        assert r_flip == pytest.approx(r, abs=1e-9)


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


# ------------------------------------------------------------------------ quintiles
def test_quintile_masks_by_hand():
    top, bottom = M.quintile_masks(np.arange(10.0)[::-1])
    assert np.flatnonzero(top).tolist() == [0, 1]
    assert np.flatnonzero(bottom).tolist() == [8, 9]
    top, bottom = M.quintile_masks([3.0, 1.0, 2.0])  # n // 5 == 0: one person each
    assert np.flatnonzero(top).tolist() == [0] and np.flatnonzero(bottom).tolist() == [1]
    top, bottom = M.quintile_masks([])
    assert top.size == bottom.size == 0


@FAST
@given(st.lists(st.integers(0, 4), min_size=1, max_size=80))
def test_quintile_masks_are_a_stable_sort(values):
    n = len(values)
    k = max(1, n // 5)
    order = np.argsort(np.array(values), kind="stable")
    top, bottom = M.quintile_masks(values)
    assert np.flatnonzero(bottom).tolist() == sorted(order[:k].tolist())
    assert np.flatnonzero(top).tolist() == sorted(order[n - k:].tolist())


# ---------------------------------------------------------------------------- gaps
def test_degree_gap_by_hand():
    n = 10
    star = canonical_edges(np.full(n - 1, 9), np.arange(n - 1), n)  # 9 is everyone's friend
    edges = np.concatenate([star, [[7, 8]]])
    deg = M.degrees(n, edges)
    scores = np.arange(n, dtype=float) * 50 + 400  # top fifth {8, 9}, bottom {0, 1}
    assert M.degree_gap(scores, deg) == pytest.approx((2 + 9) / 2 / 1)
    assert M.degree_gap(scores[::-1], deg) == pytest.approx(1 / 5.5)
    deg_zero_bottom = deg.copy()
    deg_zero_bottom[[0, 1]] = 0
    assert math.isnan(M.degree_gap(scores, deg_zero_bottom))
    assert math.isnan(M.degree_gap([], []))


def test_match_gap_by_hand():
    scores = np.array([400.0, 500, 600, 700, 800, 900, 420, 880, 650, 550])
    # top fifth: people 5 (900) and 7 (880); bottom: 0 (400) and 6 (420)
    uses = np.array([1.0, 9, 9, 9, 9, 3.0, 3.0, 1.0, 9, 9])
    matches = np.array([0.5, 9, 9, 9, 9, 2.0, 0.0, 2.0, 9, 9])
    assert M.match_gap(scores, uses, matches) == pytest.approx((4.0 / 4.0) / (0.5 / 4.0))
    assert M.match_gap(scores, uses, np.where(np.isin(np.arange(10), [5, 7]), 0, matches)) == 0.0
    no_bottom_matches = matches.copy()
    no_bottom_matches[[0, 6]] = 0.0
    assert math.isnan(M.match_gap(scores, uses, no_bottom_matches))
    for quintile in ([0, 6], [5, 7]):  # a quintile with no uses at all
        no_uses = uses.copy()
        no_uses[quintile] = 0.0
        assert math.isnan(M.match_gap(scores, no_uses, matches)), quintile


def test_group_gap_by_hand():
    scores = [500.0, 600.0, 700.0, 900.0, 350.0]
    assert M.group_gap(scores, [0, 0, 2, 2, 5]) == pytest.approx(800 - 350)
    assert M.group_gap(scores, ["b", "b", "a", "a", "a"]) == pytest.approx(650 - 550)
    assert M.group_gap(scores, [1, 1, 1, 1, 1]) == 0.0
    assert M.group_gap([500.0], [0]) == 0.0
    assert math.isnan(M.group_gap([], []))


def test_optout_gap_by_hand():
    edges = np.array([[0, 1], [0, 2], [0, 3], [1, 2]])
    deg = M.degrees(5, edges)  # [3, 2, 2, 1, 0]
    out = np.array([False, False, True, True, True])
    assert M.optout_gap(deg, out) == pytest.approx(2.5 - 1.0)
    assert math.isnan(M.optout_gap(deg, np.zeros(5, dtype=bool)))
    assert math.isnan(M.optout_gap(deg, np.ones(5, dtype=bool)))


# ------------------------------------------------------------------------- mobility
def test_mobility_cases():
    x = np.array([500.0, 700.0, 600.0, 900.0])
    assert M.mobility(x, x) == 0.0
    assert M.mobility(x + 10.0, x) == 0.0  # no rank moved
    assert M.mobility(np.full(4, 600.0), np.full(4, 500.0)) == 0.0
    assert M.mobility(-x, x) == pytest.approx(2.0)
    assert math.isnan(M.mobility(np.full(4, 600.0), x))
    assert math.isnan(M.mobility(x, np.full(4, 600.0)))
    assert math.isnan(M.mobility([], []))
    with pytest.raises(ValueError):
        M.mobility(x, x[:3])


def test_mobility_matches_spearman_on_scores():
    rng = np.random.default_rng(8)
    before = np.clip(rng.normal(650, 120, 5000), 350, 950)  # clipping makes ties
    now = np.clip(before + rng.normal(0, 60, 5000), 350, 950)
    expected = 1.0 - spearmanr(now, before).statistic
    assert M.mobility(now, before) == pytest.approx(expected, abs=1e-12)


@FAST
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=2, max_size=60))
def test_mobility_matches_spearman(rows):
    now = np.array([r[0] for r in rows], dtype=float)
    before = np.array([r[1] for r in rows], dtype=float)
    value = M.mobility(now, before)
    if np.ptp(now) == 0 and np.ptp(before) == 0:
        assert value == 0.0
        return
    if np.ptp(now) == 0 or np.ptp(before) == 0:
        assert math.isnan(value)
        return
    assert 0.0 <= value <= 2.0
    assert value == pytest.approx(1.0 - spearmanr(now, before).statistic, abs=1e-12)


# -------------------------------------------------------------------------- summary
def test_summary_stats():
    assert M.summary_stats([350.0, 950.0, 500.0, 600.0]) == (600.0, 550.0)
    mean, median = M.summary_stats([])
    assert math.isnan(mean) and math.isnan(median)
