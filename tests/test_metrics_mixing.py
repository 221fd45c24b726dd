"""Mixing metrics (MODEL.md section 6; models.measures.mixing): the correlation across
ties and the gaps between groups, each against an independent computation."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import assume, given
from hypothesis import strategies as st

from models import measures as M
from models.graph import canonical_edges
from tests.metric_graphs import FAST, graphs, random_graph, to_nx


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
        upper = sp.csr_array((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
        deg = np.bincount(edges.ravel(), minlength=n)
        assert M.triangle_correlation(values, upper, deg) == pytest.approx(expected, abs=1e-9)


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


def _triangle(values, edges) -> float:
    n = len(values)
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    upper = sp.csr_array((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n))
    return M.triangle_correlation(values, upper, np.bincount(e.ravel(), minlength=n))


@FAST
@given(graphs(min_m=0), st.data())
def test_triangle_correlation_is_the_edge_correlation(graph, data):
    n, edges = graph
    values = np.array(data.draw(st.lists(st.sampled_from([-3.0, 0.5, 7.25, 1e3]) | st.floats(-1e3, 1e3),
                                         min_size=n, max_size=n)))
    want, got = M.edge_correlation(values, edges), _triangle(values, edges)
    if math.isnan(want):
        assert math.isnan(got)
    else:
        assert got == pytest.approx(want, rel=1e-9, abs=1e-12)


def test_triangle_correlation_undefined_and_extremes():
    assert math.isnan(_triangle([1.0, 2.0], np.empty((0, 2))))
    assert math.isnan(_triangle([0.1, 0.1, 5.0], [[0, 1]]))      # node 2 has no tie
    assert math.isnan(_triangle([5.0, 0.1, 0.1], [[1, 2]]))      # nor node 0
    assert _triangle([1.0, 1.0, 5.0, 5.0], [[0, 1], [2, 3]]) == 1.0
    assert _triangle([9.0, 1.0, 1.0, 1.0], [[0, 1], [0, 2], [0, 3]]) == -1.0


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
