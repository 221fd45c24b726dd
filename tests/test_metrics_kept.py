"""The metrics kept across steps and the shared score ranking, against one-shot oracles.

Components and modularity's count follow an EdgeSet's edits (models.measures.tracked);
one sorting of the scores answers the median, Gini, fifths, shares and ranks
(models.measures.ordered); the score AUC counts pairs instead of ranking everyone. Each
must give exactly the float of the plain computation, over random edit sequences.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from models import load_scenario
from models import measures as M
from models.graph import adjacency, canonical_edges
from models.recording import MOBILITY_LAG, step_metrics
from models.simulation import Simulation
from models.ties import EdgeSet


def _keys(rng, n, m):
    e = canonical_edges(rng.integers(0, n, m), rng.integers(0, n, m), n)
    return e[:, 0] * np.int64(n) + e[:, 1]


def _scipy_labels(es: EdgeSet) -> np.ndarray:
    return connected_components(adjacency(es.edges(), es.n), directed=False)[1]


def _random_edit(rng, es: EdgeSet, drop: int, add: int) -> None:
    remove = es.keys[rng.choice(es.m, size=min(drop, es.m), replace=False)] if es.m else \
        np.empty(0, dtype=np.int64)
    es.update(remove, _keys(rng, es.n, add))


@pytest.mark.parametrize("n, m, drop, add", [
    (300, 1500, 8, 8),      # one big component: edits mostly certified
    (300, 200, 4, 4),       # many small components: splits and merges
    (60, 59, 2, 1),         # nearly a forest: most drops split
    (500, 2500, 40, 40),
])
def test_component_forest_matches_scipy_over_random_edits(n, m, drop, add):
    rng = np.random.default_rng(n + m + drop)
    es = EdgeSet(_keys(rng, n, m), n)
    forest = M.ComponentForest()
    for _ in range(60):
        _random_edit(rng, es, drop, add)
        got = forest.labels(es)
        np.testing.assert_array_equal(got, _scipy_labels(es))
        np.testing.assert_array_equal(got, es.adjacency().component_labels())
        # The forest itself spans the components: every parent tie is a present tie.
        kids = np.flatnonzero(forest.parent != np.arange(n))
        lo = np.minimum(kids, forest.parent[kids])
        hi = np.maximum(kids, forest.parent[kids])
        assert es.contains(lo * np.int64(n) + hi).all()
    if m == 1500:
        assert forest.rebuilds < 15      # the certificate, not the rebuild, answered


def test_component_forest_splits_off_a_person_and_joins_them_again():
    # A path 0-1-2-3 plus a triangle on 1, 2, 4: dropping 2-3 isolates 3.
    n = 5
    es = EdgeSet(np.array([0 * n + 1, 1 * n + 2, 1 * n + 4, 2 * n + 3, 2 * n + 4]), n)
    forest = M.ComponentForest()
    assert forest.labels(es).tolist() == [0, 0, 0, 0, 0]
    es.update(np.array([1 * n + 2]), np.empty(0, dtype=np.int64))     # cycle: no split
    assert forest.labels(es).tolist() == [0, 0, 0, 0, 0] and forest.rebuilds == 1
    es.update(np.array([2 * n + 3]), np.empty(0, dtype=np.int64))
    assert forest.labels(es).tolist() == [0, 0, 0, 1, 0]
    es.update(np.empty(0, dtype=np.int64), np.array([3 * n + 4]))
    assert forest.labels(es).tolist() == [0, 0, 0, 0, 0]


def test_component_forest_reroots_a_cut_off_part_through_a_descendant():
    # A ring 0-1-2-3-4-5-0: the forest from 0 has 1 above 2 and 5 above 4 (3 under one
    # of them). Dropping 0-1 leaves 1 with only its child 2 as a neighbour; the ring
    # still joins everyone (a path now), which is found without a rebuild.
    n = 6
    ring = np.sort(np.array([min(i, (i + 1) % n) * n + max(i, (i + 1) % n) for i in range(n)]))
    es = EdgeSet(ring, n)
    forest = M.ComponentForest()
    forest.labels(es)
    for drop in (0 * n + 1,):
        es.update(np.array([drop]), np.empty(0, dtype=np.int64))
        np.testing.assert_array_equal(forest.labels(es), np.zeros(n))
        assert forest.rebuilds == 1
        kids = np.flatnonzero(forest.parent != np.arange(n))
        lo = np.minimum(kids, forest.parent[kids])
        hi = np.maximum(kids, forest.parent[kids])
        assert es.contains(lo * np.int64(n) + hi).all() and kids.size == n - 1


def test_component_forest_sees_two_cut_off_parts_that_only_touch_each_other():
    # 0 above 1 and 2, 1 above 3, 2 above 4, and a tie 3-4. Dropping 0-1 and 0-2 cuts
    # off {1, 3} and {2, 4}: joined to each other, not to 0, so a split.
    n = 5
    es = EdgeSet(np.array([0 * n + 1, 0 * n + 2, 1 * n + 3, 2 * n + 4, 3 * n + 4]), n)
    forest = M.ComponentForest()
    forest.labels(es)
    es.update(np.array([0 * n + 1, 0 * n + 2]), np.empty(0, dtype=np.int64))
    assert forest.labels(es).tolist() == [0, 1, 1, 1, 1]


def test_component_forest_rebuilds_when_two_edits_were_missed():
    rng = np.random.default_rng(3)
    es = EdgeSet(_keys(rng, 100, 120), 100)
    forest = M.ComponentForest()
    forest.labels(es)
    for _ in range(2):
        _random_edit(rng, es, 30, 5)
    np.testing.assert_array_equal(forest.labels(es), _scipy_labels(es))


@pytest.mark.parametrize("n, m", [(200, 900), (40, 30)])
def test_inside_count_modularity_matches_the_one_shot_and_networkx(n, m):
    rng = np.random.default_rng(n)
    es = EdgeSet(_keys(rng, n, m), n)
    kept = M.InsideCount()
    labels = rng.integers(0, 6, n)
    for step in range(50):
        if step % 7 == 3:
            labels = rng.integers(0, 6, n)        # a new partition: counted afresh
        if step % 11 == 5:
            labels[rng.integers(0, n)] += 1       # changed in place: noticed
        _random_edit(rng, es, 10, 10)
        got = kept.modularity(es, labels, es.degree())
        assert repr(got) == repr(M.modularity(n, es.edges(), labels))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(es.edges().tolist())
    parts = [set(np.flatnonzero(labels == c).tolist()) for c in np.unique(labels)]
    assert got == pytest.approx(nx.community.modularity(g, parts), abs=1e-12)


def test_edge_set_ends_are_the_keys_divided_after_edits():
    rng = np.random.default_rng(5)
    es = EdgeSet(_keys(rng, 150, 600), 150)
    for _ in range(10):
        _random_edit(rng, es, 20, 25)
        u, v = es.ends()
        eu, ev = np.divmod(es.keys, es.n)
        np.testing.assert_array_equal(u, eu)
        np.testing.assert_array_equal(v, ev)
        assert es.last_edit is not None and es.last_edit[1].size > 0


@pytest.mark.parametrize("n", [1, 2, 5, 10, 11, 1000, 1001])
@pytest.mark.parametrize("tied", [False, True])
def test_sorted_scores_answer_as_the_plain_functions(n, tied):
    rng = np.random.default_rng(n)
    s = rng.integers(350, 360, n).astype(float) if tied else rng.random(n) * 600 + 350
    view = M.SortedScores(s)
    assert repr(view.median()) == repr(float(np.median(s)))
    assert repr(view.gini(350.0)) == repr(M.gini(s - 350.0))
    for got, want in zip(view.quintiles(), M.quintile_masks(s)):
        np.testing.assert_array_equal(got, want)
    for line in (350.0, 355.0, 600.0, 950.0, float(s[0])):
        assert repr(view.share_below(line)) == repr(float(np.mean(s < line)))
        assert repr(view.share_at_least(line)) == repr(float(np.mean(s >= line)))
    np.testing.assert_array_equal(view.ranks(), M.average_ranks(s))
    assert view.sorts(s) and view.sorts(s + 1.0)
    if n > 2 and not tied:
        assert not view.sorts(-s)


@pytest.mark.parametrize("n, m", [(50, 0), (50, 1), (50, 300), (3000, 15000)])
def test_correlation_from_csr_rows_is_the_edge_correlation(n, m):
    rng = np.random.default_rng(m)
    es = EdgeSet(_keys(rng, n, m), n)
    # Node 0 often has no upper tie: the first tie's first end is found, not assumed.
    es.update(es.keys[es.keys < n], np.empty(0, dtype=np.int64))
    upper = es.adjacency().upper
    for x in (rng.random(n), np.full(n, 3.0), rng.integers(0, 3, n)):
        want = M.edge_correlation(x, es.edges())
        assert repr(M.ends_correlation(x, None, upper.indices, rows=np.diff(upper.indptr))) \
            == repr(want)
        assert repr(M.ends_correlation(x, *es.ends())) == repr(want)
        # From sums over people and one mat-vec: the same correlation, to rounding.
        got = M.triangle_correlation(x, es.adjacency().lower, es.degree())
        assert repr(got) == repr(M.triangle_correlation(x, _lower(n, es.edges()), es.degree()))
        assert M.triangle_correlation(x, upper, es.degree()) == pytest.approx(
            got, rel=1e-12, abs=1e-14) or math.isnan(want)
        if math.isnan(want):
            assert math.isnan(got)
        else:
            assert got == pytest.approx(want, rel=1e-12, abs=1e-14)


def _auc_by_ranks(s, bad):
    # The rank-sum form score_auc used before (the Mann-Whitney U from average ranks).
    n_bad = int(np.count_nonzero(bad))
    n_good = s.size - n_bad
    if n_bad == 0 or n_good == 0:
        return math.nan
    u = M.average_ranks(s)[~bad].sum() - n_good * (n_good + 1) / 2.0
    return float(u / (n_good * n_bad))


@pytest.mark.parametrize("n", [2, 3, 17, 500, 20_000])
def test_score_auc_is_the_rank_sum_auc(n):
    rng = np.random.default_rng(n)
    for tied in (False, True):
        s = rng.integers(0, 7, n).astype(float) if tied else rng.random(n)
        for rate in (0.0, 0.05, 0.5, 1.0):
            bad = rng.random(n) < rate
            assert repr(M.score_auc(s, bad)) == repr(_auc_by_ranks(s, bad))


@pytest.mark.parametrize("n", [2, 3, 17, 500, 20_000])
def test_score_auc_from_a_kept_order_is_the_score_auc(n):
    rng = np.random.default_rng(n + 1)
    for tied in (False, True):
        s = rng.integers(0, 7, n).astype(float) if tied else rng.random(n)
        order = np.argsort(s).astype(np.int32)
        for rate in (0.0, 0.05, 0.5, 1.0):
            bad = rng.random(n) < rate
            part = rng.random(n) < 0.8
            got = M.score_auc_sorted(s, bad, part, order)
            assert repr(got) == repr(M.score_auc(s[part], bad[part]))
        if not tied:
            everyone = np.ones(n, dtype=bool)
            assert M.score_auc_sorted(s, bad, everyone, order[::-1]) is None


def test_the_events_phase_auc_is_the_sorted_auc_every_step(monkeypatch):
    changes = {"population.size": 1500, "network.kind": "barabasi_albert",
               "optout.choice": True}
    kept = Simulation(load_scenario("default", changes))
    kept.run(15)
    # Without the kept order: every step sorts the participants' scores afresh.
    monkeypatch.setattr(M, "score_auc_sorted", lambda *a: None)
    plain = Simulation(load_scenario("default", changes))
    plain.run(15)
    assert kept.history["score_auc"].tobytes() == plain.history["score_auc"].tobytes()
    assert np.isfinite(kept.history["score_auc"][1:]).all()


def test_fifth_gaps_take_masks_or_indices_and_float_degrees():
    rng = np.random.default_rng(9)
    s = rng.random(500)
    deg = rng.integers(0, 9, 500)
    masks = M.quintile_masks(s)
    idx = tuple(np.flatnonzero(x) for x in masks)
    uses, matches = rng.random(500) * 3, rng.random(500)
    out = rng.random(500) < 0.2
    d = deg.astype(float)
    # The old formulas, with float means over boolean masks.
    top, bottom = masks
    assert M.degree_gap(s, deg, idx) == float(d[top].mean() / d[bottom].mean())
    assert M.degree_gap(s, deg + 0.5, masks) == float((d[top] + .5).mean() / (d[bottom] + .5).mean())
    assert M.optout_gap(deg, out) == float(d[~out].mean() - d[out].mean())
    assert M.optout_gap(d + 0.25, out) == float((d[~out] + .25).mean() - (d[out] + .25).mean())
    assert M.match_gap(s, uses, matches, idx) == M.match_gap(s, uses, matches, masks)
    assert M.bottom_isolated_share(s, deg, idx) == float(
        np.count_nonzero(deg[bottom] == 0) / np.count_nonzero(bottom))


def _lower(n: int, edges: np.ndarray) -> sp.csr_array:
    """The lower triangle of canonical ``edges`` built afresh by scipy."""
    return sp.csr_array((np.ones(len(edges)), (edges[:, 1], edges[:, 0])), shape=(n, n))


def _plain_metrics(sim) -> dict[str, float]:
    """The step's metrics from the one-shot measures (what step_metrics computed before
    anything was kept across steps)."""
    s, sc, n = sim.scores, sim.applied, sim.n
    edges, deg, labels = sim.friends.edges(), sim.degree(), sim.communities()
    past = sim.scores_back()
    fifths = M.quintile_masks(s)
    giant, components = M.component_summary(n, edges)
    return {
        "median_score": float(np.median(s)), "gini": M.gini(s - 350.0),
        "restricted_share": float(np.mean(s < sc["perks.restricted_below"])),
        "privileged_share": float(np.mean(s >= sc["perks.privileged_at"])),
        "assortativity": M.triangle_correlation(s, _lower(n, edges), deg),
        "modularity": M.modularity(n, edges, labels),
        "giant_share": giant, "components": components,
        "degree_gap": M.degree_gap(s, deg, fifths),
        "match_gap": M.match_gap(s, sim.dating.uses, sim.dating.matches, fifths),
        "optout_gap": M.optout_gap(deg, sim.pop.opted_out),
        "group_gap": M.group_gap(s, sim.pop.group),
        "group_restricted_gap": M.group_restricted_gap(s, sim.pop.group,
                                                       sc["perks.restricted_below"]),
        "mobility": M.mobility(s, past) if past is not None else math.nan,
        "bottom_isolated_share": M.bottom_isolated_share(s, deg, fifths),
    }


@pytest.mark.parametrize("preset, overrides", [
    ("default", {"population.size": 1500, "network.kind": "barabasi_albert",
                 "network.mean_degree": 6.0, "run.louvain_every": 4}),
    ("opt_out_choice", {}),
    ("karate", {}),
])
def test_step_metrics_equal_the_one_shot_measures_every_step(preset, overrides):
    sim = Simulation(load_scenario(preset, overrides))
    for _ in range(MOBILITY_LAG + 8):
        sim.step()
        kept = step_metrics(sim)
        for key, want in _plain_metrics(sim).items():
            assert repr(kept[key]) == repr(want), (sim.step_count, key)
        assert repr(kept) == repr(step_metrics(sim))    # asked twice in one state: the same


def test_mobility_ranks_the_past_afresh_when_the_kept_order_no_longer_sorts_it():
    sim = Simulation(load_scenario("karate"))
    for _ in range(MOBILITY_LAG):
        sim.step()
    sim.step()
    # The scores MOBILITY_LAG steps back, changed behind the kept order's back.
    sim._past_scores[0] = sim._past_scores[0][::-1].copy()
    past = sim.scores_back()
    assert repr(step_metrics(sim)["mobility"]) == repr(M.mobility(sim.scores, past))
