"""Issue 7's new metrics and mechanisms, each against a hand-made case or an independent
computation: AUC, aim-up, victim and group gaps, opt-out imputation and choice, scam
relief, minority groups, homophilous search.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import load_scenario
from models import measures as M
from models.events import relieve_scams
from models.graph import canonical_edges
from models.networks import sbm
from models.optout import joining_percentile, switch_choices
from models.population import draw_population
from models.score import base_components, normalised_weights
from models.simulation import Simulation
from models.ties import EdgeSet, homophily_window, review_ties


def auc_by_pairs(scores, missed) -> float:
    """Share of (payer, misser) pairs where the payer scores higher; ties count half."""
    good = [s for s, m in zip(scores, missed) if not m]
    bad = [s for s, m in zip(scores, missed) if m]
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad)
    return wins / (len(good) * len(bad))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(350, 360), st.booleans()), min_size=2, max_size=40))
def test_score_auc_matches_pair_counting(rows):
    scores = [float(s) for s, _ in rows]   # a narrow range: many ties
    missed = [m for _, m in rows]
    value = M.score_auc(scores, missed)
    if all(missed) or not any(missed):
        assert math.isnan(value)
    else:
        assert value == pytest.approx(auc_by_pairs(scores, missed), abs=1e-12)


def test_score_auc_by_hand():
    assert M.score_auc([900.0, 800.0, 400.0], [False, False, True]) == 1.0
    assert M.score_auc([400.0, 800.0, 900.0], [False, True, True]) == 0.0
    assert M.score_auc([500.0, 500.0], [False, True]) == 0.5


def test_aim_up_by_hand():
    # likers at 450 and 650 (desirability 100 and 300, mean 200), liked at 550 and 750
    # (200 and 400, mean 300): 300 / 200 - 1 = 0.5
    assert M.aim_up([450.0, 650.0], [550.0, 750.0]) == pytest.approx(0.5)
    assert M.aim_up([600.0], [600.0]) == 0.0
    assert math.isnan(M.aim_up([], []))
    assert math.isnan(M.aim_up([350.0], [700.0]))   # likers at the floor: undefined


def test_victim_gap_by_hand():
    assert M.victim_gap([400.0, 500.0, 800.0, 900.0], [True, True, False, False]) == -400.0
    assert math.isnan(M.victim_gap([400.0, 500.0], [False, False]))
    assert math.isnan(M.victim_gap([400.0, 500.0], [True, True]))


def test_group_restricted_gap_by_hand():
    scores = [500.0, 520.0, 600.0, 560.0,   # group "a": mean 545, half restricted
              700.0, 540.0, 800.0, 900.0]   # group "b": mean 735, a quarter restricted
    groups = ["a"] * 4 + ["b"] * 4
    assert M.group_restricted_gap(scores, groups, 550.0) == pytest.approx(0.5 - 0.25)
    assert M.group_restricted_gap(scores, ["x"] * 8, 550.0) == 0.0
    # the worse-off group by mean may have fewer people below the line: negative
    tight = [560.0] * 4 + [400.0, 900.0, 900.0, 900.0]
    assert M.group_restricted_gap(tight, groups, 550.0) == pytest.approx(-0.25)
    assert math.isnan(M.group_restricted_gap([], [], 550.0))


def test_average_ranks_match_scipy():
    from scipy.stats import rankdata

    rng = np.random.default_rng(4)
    x = rng.integers(0, 20, 500).astype(float)
    np.testing.assert_array_equal(M.average_ranks(x), rankdata(x))


# ------------------------------------------------------------------ opting out
def test_mean_imputation_gives_the_participants_mean():
    rng = np.random.default_rng(2)
    n = 200
    out = rng.random(n) < 0.3
    kw = dict(missed=rng.poisson(1.0, n).astype(float), wealth=rng.random(n),
              stability=rng.random(n), consumption=np.where(out, 0.0, rng.random(n)),
              opted_out=out, optout_value=0.0)
    fixed = base_components(**kw, imputation="fixed")
    mean = base_components(**kw, imputation="mean")
    for k in ("history", "capacity", "identity", "behaviour"):
        assert (fixed[k][out] == 0.0).all()
        assert mean[k][out] == pytest.approx(np.full(out.sum(), fixed[k][~out].mean()))
        np.testing.assert_array_equal(mean[k][~out], fixed[k][~out])
    assert mean["behaviour"][out][0] == pytest.approx(0.5)


def test_joining_percentile_by_hand():
    spend = np.array([1.0, 2.0, 3.0, 2.0, 10.0])
    part = np.array([True, True, True, False, False])
    # participants: mid-rank among themselves; outsiders as if each joined alone:
    # 2.0 among {1, 2, 3} -> one below, one equal -> (1 + 0.5 + 0.5) / 4 = 0.5
    # 10.0 -> three below -> 3.5 / 4
    assert joining_percentile(spend, part).tolist() == [1 / 6, 0.5, 5 / 6, 0.5, 0.875]


def test_switch_choices_by_hand():
    wn = normalised_weights({"history": 1, "capacity": 0, "identity": 0, "behaviour": 0,
                             "social": 0})
    # all weight on history: person 0 has a bad record (history 0.25), 1 and 2 a clean one
    missed = np.array([3.0, 0.0, 0.0, 0.0])
    kw = dict(missed=missed, wealth=np.full(4, 0.5), stability=np.full(4, 0.5),
              potential_spend=np.ones(4), social=np.zeros(4), violations=np.zeros(4),
              wn=wn, violation_points=0.0, optout_value=0.0)
    out = np.array([False, False, False, True])
    everyone = np.ones(4, dtype=bool)
    # mean history of participants (0.25 + 1 + 1) / 3 = 0.75: person 0 gains 300 points
    # by leaving; person 3 (clean record, opted out) gains 150 by coming back
    got = switch_choices(reviewing=everyone, opted_out=out, imputation="mean", margin=10.0,
                         **kw)
    assert got.tolist() == [True, False, False, False]
    # a margin above the gain: nobody moves
    got = switch_choices(reviewing=everyone, opted_out=out, imputation="mean", margin=400.0,
                         **kw)
    assert got.tolist() == out.tolist()
    # punitive: leaving costs everything; the one outside comes back
    got = switch_choices(reviewing=everyone, opted_out=out, imputation="fixed", margin=10.0,
                         **kw)
    assert got.tolist() == [False, False, False, False]
    # only reviewers move
    got = switch_choices(reviewing=np.array([False, True, True, True]), opted_out=out,
                         imputation="mean", margin=10.0, **kw)
    assert got.tolist() == [False, False, False, False]


def test_optout_share_follows_the_choice():
    sim = Simulation(load_scenario("opt_out_choice", {"population.size": 200}))
    start = sim.history["optout_share"][0]
    sim.run(24)
    share = sim.history["optout_share"]
    assert share[-1] > start + 0.2
    assert share[-1] == pytest.approx(sim.pop.opted_out.mean())
    # spending on the platform stops for those who left
    assert (sim.consumption[sim.pop.opted_out] == 0).all()


# ------------------------------------------------------------------ scams
def test_relieve_scams_by_hand():
    missed = np.array([4.0, 4.0, 4.0])
    debt = np.array([3.0, 3.0, 0.0])
    start = np.array([2, 5, -1])
    due = relieve_scams(missed, debt, start, step=6, relief_delay=4)
    assert due.tolist() == [True, False, False]
    assert missed.tolist() == [1.0, 4.0, 4.0] and debt.tolist() == [0.0, 3.0, 0.0]


def test_verified_relief_removes_exactly_the_scams_misses():
    sc = {"events.scam_rate": 0.0, "events.base_miss_rate": 0.0, "events.prior_months": 0,
          "events.violation_rate": 0.0, "perks.enabled": False, "dating.enabled": False,
          "events.scam_duration": 4, "events.forgiveness_half_life": math.inf}
    none = Simulation(load_scenario("karate", sc))
    verified = Simulation(load_scenario("karate", {**sc, "events.scam_relief": "verified",
                                                   "events.relief_delay": 2}))
    for sim in (none, verified):
        sim.scam(5)
        sim.run(6)
    assert none.missed[5] == 4.0            # four months missed, never forgotten
    assert verified.missed[5] == 0.0        # removed at month 2, later ones cleared too
    assert none.ever_scammed[5] and verified.ever_scammed[5]
    assert verified.history["victim_gap"][-1] > none.history["victim_gap"][-1]


def test_relief_keeps_misses_the_victim_would_have_made_anyway():
    sc = {"events.scam_rate": 0.0, "events.base_miss_rate": 1.0, "events.prior_months": 0,
          "events.violation_rate": 0.0, "perks.enabled": False, "dating.enabled": False,
          "events.scam_duration": 3, "events.forgiveness_half_life": math.inf,
          "events.scam_relief": "verified", "events.relief_delay": 1}
    sim = Simulation(load_scenario("karate", sc))
    sim.pop.reliability[0] = 1e-9   # misses every month anyway: the scam adds nothing
    sim.pop.reliability[1] = 1.0    # never misses but for the scam
    sim.scam(0)
    sim.scam(1)
    sim.run(3)
    assert sim.missed[0] == 3.0 and sim.missed[1] == 0.0
    assert sim.scam_debt[0] == 0.0 and sim.scam_debt[1] == 0.0


# ------------------------------------------------------------------ groups and ties
def test_minority_share_in_random_groups_and_sbm():
    pop = draw_population(20_000, wealth_sigma=1.0, rho=0.5, groups=3, group_gap=0.5,
                          optout_share=0.0, rng=np.random.default_rng(1), minority_share=0.1)
    shares = np.bincount(pop.group) / pop.group.size
    assert shares == pytest.approx([0.45, 0.45, 0.1], abs=0.01)
    g = sbm(1000, 2, 8.0, 0.9, np.random.default_rng(2), minority_share=0.2)
    assert (g.groups == "g1").sum() == 200 and (g.groups == "g0").sum() == 800


def test_homophilous_search_asks_people_close_in_score():
    n = 1000
    rng = np.random.default_rng(3)
    scores = rng.permutation(np.linspace(350, 950, n))
    ring = canonical_edges(np.arange(n), (np.arange(n) + 1) % n, n)
    _remove, add = review_ties(EdgeSet.from_edges(ring, n), scores, share=1.0,
                               rng=np.random.default_rng(4), triadic_closure=0.0,
                               homophilous_search=1.0, rule=None)
    assert add.size > 900
    u, v = np.divmod(add, n)
    rank = np.argsort(np.argsort(scores, kind="stable"), kind="stable")
    assert np.abs(rank[u] - rank[v]).max() <= homophily_window(n) == 10
