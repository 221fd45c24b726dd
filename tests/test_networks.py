"""Network generators and build_network: sizes, degrees, determinism, groups, homophily."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from models.errors import ScenarioError
from models.graph import GraphData, canonical_edges
from models.networks import _repeats, barabasi_albert, build_network, karate, sbm, watts_strogatz
from models.scenario import Scenario

KINDS = ["watts_strogatz", "barabasi_albert", "sbm", "karate"]


def assert_canonical(g: GraphData) -> None:
    assert g.edges.dtype == np.int64 and g.edges.shape == (g.m, 2)
    assert np.array_equal(g.edges, canonical_edges(g.edges[:, 0], g.edges[:, 1], g.n))
    assert g.ids.dtype == np.int64 and np.array_equal(g.ids, np.arange(g.n))


def degrees(g: GraphData) -> np.ndarray:
    return np.bincount(g.edges.ravel(), minlength=g.n)


def scenario(kind: str, **values) -> Scenario:
    base = {"network.kind": kind, "population.size": 3000, "network.mean_degree": 10.0}
    base.update(values)
    return Scenario(base)


@pytest.mark.parametrize("kind", KINDS)
def test_size_ids_and_canonical_edges(kind):
    g = build_network(scenario(kind), np.random.default_rng(0))
    assert g.n == (34 if kind == "karate" else 3000)
    assert_canonical(g)
    assert (g.groups is not None) == (kind in ("sbm", "karate"))


@pytest.mark.parametrize("kind, tol", [("watts_strogatz", 0.0), ("barabasi_albert", 0.02),
                                       ("sbm", 0.05)])
@pytest.mark.parametrize("mean", [4.0, 10.0, 30.0])
def test_mean_degree(kind, tol, mean):
    g = build_network(scenario(kind, **{"network.mean_degree": mean,
                                        "population.size": 20_000}), np.random.default_rng(1))
    assert abs(2 * g.m / g.n - mean) <= tol * mean + 1e-9


@pytest.mark.parametrize("kind", KINDS)
def test_same_seed_same_edges_other_seed_differs(kind):
    s = scenario(kind)
    a = build_network(s, np.random.default_rng(42))
    b = build_network(s, np.random.default_rng(42))
    assert np.array_equal(a.edges, b.edges) and a.edges.tobytes() == b.edges.tobytes()
    if a.groups is not None:
        assert a.groups.tolist() == b.groups.tolist()
    c = build_network(s, np.random.default_rng(43))
    if kind == "karate":
        assert np.array_equal(a.edges, c.edges)
    else:
        assert not np.array_equal(a.edges, c.edges)


def test_rng_state_is_what_matters():
    rng = np.random.default_rng(3)
    rng.random(5)
    state = rng.bit_generator.state
    a = barabasi_albert(5000, 4, rng)
    rng2 = np.random.default_rng()
    rng2.bit_generator.state = state
    assert np.array_equal(a.edges, barabasi_albert(5000, 4, rng2).edges)


def test_rounding_of_mean_degree():
    # 5 -> WS k = 6 (ties up), BA m = 3
    g = build_network(scenario("watts_strogatz", **{"network.mean_degree": 5.0}),
                      np.random.default_rng(0))
    assert g.m == 3000 * 3
    g = build_network(scenario("barabasi_albert", **{"network.mean_degree": 5.0,
                                                     "network.rewire_p": 0.0}),
                      np.random.default_rng(0))
    assert np.bincount(degrees(g)).argmax() == 3  # the most common degree is m


def test_watts_strogatz_lattice_when_p_is_zero():
    g = watts_strogatz(50, 6, 0.0, np.random.default_rng(0))
    expected = nx.watts_strogatz_graph(50, 6, 0.0)
    assert {tuple(e) for e in g.edges.tolist()} == {tuple(sorted(e)) for e in expected.edges()}
    assert (degrees(g) == 6).all()


@pytest.mark.parametrize("p", [0.1, 0.5, 1.0])
def test_watts_strogatz_rewiring_matches_networkx_statistically(p):
    ours, theirs = [], []
    for seed in range(8):
        g = watts_strogatz(1500, 10, p, np.random.default_rng(seed))
        G = nx.Graph(g.edges.tolist())
        ours.append(nx.average_clustering(G))
        theirs.append(nx.average_clustering(nx.watts_strogatz_graph(1500, 10, p, seed=seed)))
    assert np.mean(ours) == pytest.approx(np.mean(theirs), abs=0.012)  # ~3 sigma
    # a rewired edge keeps its first end, so every node keeps at least k / 2 ties
    assert degrees(g).min() >= 5


@pytest.mark.parametrize("n, k", [(2, 2), (3, 10), (5, 10), (11, 10), (12, 10), (100, 98)])
def test_watts_strogatz_small_and_dense(n, k):
    g = watts_strogatz(n, k, 1.0, np.random.default_rng(0))
    assert_canonical(g)
    half = max(1, min(k // 2, (n - 1) // 2))
    assert g.m == (1 if n == 2 else n * half)


def test_barabasi_albert_degree_distribution():
    m = 3
    g = barabasi_albert(50_000, m, np.random.default_rng(0))
    deg = degrees(g)
    assert deg.min() == m
    assert g.m == m * (m + 1) // 2 + (50_000 - m - 1) * m  # m distinct targets per node
    for k in (3, 4, 6, 10):
        theory = 2 * m * (m + 1) / (k * (k + 1) * (k + 2))
        assert (deg == k).mean() == pytest.approx(theory, rel=0.05)
    assert deg.max() > 300  # hubs: the expected maximum grows like sqrt(n)


@pytest.mark.parametrize("n, m", [(2, 5), (3, 1), (6, 5), (7, 5)])
def test_barabasi_albert_small(n, m):
    g = barabasi_albert(n, m, np.random.default_rng(0))
    assert_canonical(g)
    assert g.n == n and g.m >= n - 1 and (degrees(g) > 0).all()


@pytest.mark.parametrize("groups, h", [(2, 0.9), (2, 0.5), (3, 0.2), (5, 0.8), (5, 0.2),
                                       (1, 0.3)])
def test_sbm_homophily_and_groups(groups, h):
    n, d = 30_000, 12.0
    g = sbm(n, groups, d, h, np.random.default_rng(7))
    assert_canonical(g)
    labels, sizes = np.unique(g.groups.astype(str), return_counts=True)
    assert labels.tolist() == [f"g{k}" for k in range(groups)]
    assert sizes.max() - sizes.min() <= 1
    same = (g.groups[g.edges[:, 0]] == g.groups[g.edges[:, 1]]).mean()
    assert same == pytest.approx(1.0 if groups == 1 else h, abs=0.01)
    assert 2 * g.m / n == pytest.approx(d, rel=0.03)


def test_sbm_no_preference_when_homophily_is_one_over_groups():
    g = sbm(20_000, 4, 10.0, 0.25, np.random.default_rng(0))
    gi = np.unique(g.groups.astype(str), return_inverse=True)[1]
    mix = np.zeros((4, 4))
    np.add.at(mix, (gi[g.edges[:, 0]], gi[g.edges[:, 1]]), 1)
    mix = mix + mix.T
    assert mix.max() / mix.min() < 1.2  # every block pair about equally tied


def test_sbm_dense_and_tiny():
    g = sbm(12, 3, 100.0, 0.5, np.random.default_rng(0))  # probabilities capped at 1
    assert g.m == 66
    g = sbm(5, 10, 4.0, 0.9, np.random.default_rng(0))  # more groups than people
    assert len(set(g.groups)) == 5
    assert_canonical(g)


def test_karate():
    g = karate()
    assert (g.n, g.m) == (34, 78)
    assert g.groups[0] == "Mr. Hi" and g.groups[33] == "Officer"
    assert sorted(set(g.groups)) == ["Mr. Hi", "Officer"]
    k = nx.karate_club_graph()
    assert g.groups.tolist() == [k.nodes[i]["club"] for i in range(34)]
    assert {tuple(e) for e in g.edges.tolist()} == {tuple(sorted(e)) for e in k.edges()}
    assert build_network(scenario("karate"), np.random.default_rng(0)).m == 78


def test_file_network(tmp_path):
    (tmp_path / "g.txt").write_text("a b\nb c\nd\n")
    s = Scenario({"network.kind": "file", "network.path": "g.txt"}, base_dir=tmp_path)
    g = build_network(s, np.random.default_rng(0))
    assert g.ids.tolist() == ["a", "b", "c", "d"] and g.m == 2
    (tmp_path / "empty.txt").write_text("# nothing here\n")
    s = s.replace({"network.path": "empty.txt"})
    with pytest.raises(ScenarioError, match="empty.txt: network.path: .*no nodes"):
        build_network(s, np.random.default_rng(0))


def test_file_network_facebook(facebook_path):
    s = Scenario({"network.kind": "file", "network.path": str(facebook_path)})
    g = build_network(s, np.random.default_rng(0))
    assert (g.n, g.m) == (4039, 88234)


def test_repeats_marks_all_but_first_occurrence():
    rng = np.random.default_rng(0)
    for _ in range(200):
        keys = rng.integers(0, rng.integers(1, 50), rng.integers(0, 60))
        seen: set[int] = set()
        expected = []
        for x in keys.tolist():
            expected.append(x in seen)
            seen.add(x)
        assert _repeats(keys).tolist() == expected
