"""The score of MODEL.md section 2: exact formula, Friedkin-Johnsen equilibrium, oracle."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from models import load_scenario
from models.graph import adjacency
from models.schema import RUBRIC_KEYS
from models.score import (
    base_components,
    combine,
    normalised_weights,
    social_component,
    social_component_loop,
)
from models.simulation import Simulation


def frozen(overrides=None, preset="frozen"):
    base = {"population.optout_share": 0.0, "events.enabled": False,
            "sharing.share_with_friends": False, "sharing.churn": 0.0,
            "dating.enabled": False, "rubric.violation_points": 0.0}
    base.update(overrides or {})
    return load_scenario(preset, base)


@pytest.mark.parametrize("social", [0.3, 0.5, 0.8])
def test_friedkin_johnsen_equilibrium_on_facebook(social):
    sc = frozen({"network.kind": "file", "network.path": "../networks/facebook_combined.txt",
                 "rubric.social": social})
    sim = Simulation(sc)
    wn = normalised_weights(sc.weights)
    a = wn["social"]
    # b: the weighted mean of the four fixed components.
    w_other = 1 - a
    b = sum(wn[k] / w_other * sim.components[k] for k in RUBRIC_KEYS if k != "social")
    s0 = (sim.scores - 350) / 600
    np.testing.assert_allclose(s0, b, atol=1e-12)  # s(0) = b
    adj = adjacency(sim.friends.edges(), sim.n)
    deg = np.asarray(adj.sum(axis=1)).ravel()
    assert (deg > 0).all()
    P = sp.diags_array(1 / deg) @ adj
    expected = (1 - a) * spla.spsolve((sp.identity(sim.n) - a * P).tocsc(), b)
    steps = int(np.ceil(np.log(1e-13) / np.log(a))) + 5
    prev = s0
    for _ in range(steps):
        sim.step()
        s = (sim.scores - 350) / 600
        # Each step is exactly one Friedkin-Johnsen iteration.
        np.testing.assert_allclose(s, (1 - a) * b + a * (P @ prev), atol=1e-12)
        prev = s
    np.testing.assert_allclose((sim.scores - 350) / 600, expected, atol=1e-9, rtol=0)


def test_social_component_matches_loop_oracle():
    rng = np.random.default_rng(3)
    g = nx.gnm_random_graph(60, 150, seed=3)
    g.add_node(60)  # an isolated person
    edges = np.array(sorted((min(u, v), max(u, v)) for u, v in g.edges()), dtype=np.int64)
    prev = rng.uniform(350, 950, g.number_of_nodes())
    adj = adjacency(edges, g.number_of_nodes())
    deg = np.diff(adj.indptr)
    fast = social_component(adj, deg, prev, 0.25)
    slow = social_component_loop(g, prev, 0.25)
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-14)
    assert fast[60] == 0.25


def test_score_formula_by_hand():
    comps = {"history": np.array([1 / 3]), "capacity": np.array([0.8]),
             "identity": np.array([0.4]), "behaviour": np.array([0.9]),
             "social": np.array([0.5])}
    weights = {"history": 2.0, "capacity": 1.0, "identity": 1.0, "behaviour": 0.0, "social": 1.0}
    wn = normalised_weights(weights)
    raw = (2 * (1 / 3) + 1 * 0.8 + 1 * 0.4 + 0 * 0.9 + 1 * 0.5) / 5
    got = combine(comps, wn, np.array([1.5]), 20.0)
    assert got[0] == pytest.approx(350 + 600 * raw - 30, abs=1e-12)
    # clipping at both ends
    assert combine(comps, wn, np.array([100.0]), 20.0)[0] == 350.0
    top = {k: np.array([1.0]) for k in RUBRIC_KEYS}
    assert combine(top, wn, np.array([0.0]), 0.0)[0] == 950.0


def test_weights_are_used_as_shares():
    w = {k: 1.0 for k in RUBRIC_KEYS}
    w2 = {k: 7.0 for k in RUBRIC_KEYS}
    assert normalised_weights(w) == normalised_weights(w2)


def test_optout_components_are_replaced_except_social():
    comps = base_components(missed=np.array([3.0, 3.0]), wealth=np.array([0.9, 0.9]),
                            stability=np.array([0.2, 0.2]), consumption=np.array([5.0, 0.0]),
                            opted_out=np.array([False, True]), optout_value=0.1)
    assert comps["history"].tolist() == [0.25, 0.1]
    assert comps["capacity"].tolist() == [0.9, 0.1]
    assert comps["behaviour"].tolist() == [0.5, 0.1]


def test_isolation_value_applies_to_friendless_people():
    from models.graph import GraphData

    graph = GraphData(ids=np.arange(4), edges=np.array([[0, 1], [1, 2]]), groups=None)
    sim = Simulation(frozen({"rubric.isolation_value": 0.3}), graph=graph)
    prev = sim.scores.copy()
    sim.step()
    social = sim.components["social"]
    assert social[3] == 0.3
    assert social[0] == pytest.approx((prev[1] - 350) / 600, abs=1e-15)
    assert social[1] == pytest.approx(((prev[0] + prev[2]) / 2 - 350) / 600, abs=1e-15)
