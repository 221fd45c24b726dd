"""A/B comparison: lockstep equals two separate runs, B's settings stay B's, exclusion
differences are the people excluded under one rubric only."""

from __future__ import annotations

import numpy as np
import pytest

from models import ScenarioError, Simulation, load_scenario
from models.compare import Comparison, Difference, difference_of, excluded
from models.history import METRIC_COLUMNS

CASES = [
    ("default", {"rubric.social": 0.5}),
    ("default", {"sharing.share_with_friends": False}),
    ("opt_out", {"rubric.optout_value": 0.9}),
    ("karate", {"rubric.history": 0.0, "dating.enabled": False}),
]


def _same_run(x: Simulation, y: Simulation) -> None:
    for col in METRIC_COLUMNS:
        np.testing.assert_array_equal(x.history[col], y.history[col], err_msg=col)
    np.testing.assert_array_equal(x.scores, y.scores)
    np.testing.assert_array_equal(x.friends.keys, y.friends.keys)
    np.testing.assert_array_equal(x.dating.keys, y.dating.keys)


@pytest.mark.parametrize(("preset", "overrides"), CASES)
def test_lockstep_equals_two_separate_runs(preset, overrides):
    sc = load_scenario(preset, {"population.size": 300} if preset != "karate" else {})
    cmp = Comparison(sc, overrides)
    cmp.run(15)
    alone_a = Simulation(sc)
    alone_a.run(15)
    alone_b = Simulation(sc.replace(overrides))
    alone_b.run(15)
    _same_run(cmp.a, alone_a)
    _same_run(cmp.b, alone_b)
    assert not np.array_equal(cmp.a.scores, cmp.b.scores)
    np.testing.assert_array_equal(cmp.timelines["b"].state_at(15).scores,
                                  alone_b.scores.astype(np.float32))


def test_changes_to_one_side_and_to_both():
    sc = load_scenario("karate")
    cmp = Comparison(sc, {"rubric.social": 0.5})
    cmp.run(2)
    cmp.set_params({"rubric.history": 0.1}, side="b")
    cmp.set_params({"sharing.rewire_rate": 0.3})
    cmp.run(3)
    a, b = Simulation(sc), Simulation(sc.replace({"rubric.social": 0.5}))
    a.run(2), b.run(2)
    b.set_params({"rubric.history": 0.1})
    a.set_params({"sharing.rewire_rate": 0.3}), b.set_params({"sharing.rewire_rate": 0.3})
    a.run(3), b.run(3)
    _same_run(cmp.a, a)
    _same_run(cmp.b, b)
    assert cmp.overrides == {"rubric.social": 0.5, "rubric.history": 0.1}
    assert [c.key for c in cmp.timelines["b"].changes] == ["rubric.history",
                                                            "sharing.rewire_rate"]
    cmp.reset(seed=5)
    assert cmp.a.step_count == 0 and cmp.b.applied["rubric.history"] == 0.1
    assert cmp.a.scenario["run.seed"] == cmp.b.scenario["run.seed"] == 5


def test_b_cannot_have_its_own_people():
    sc = load_scenario("karate")
    with pytest.raises(ScenarioError, match="population.optout_share.*shares the people"):
        Comparison(sc, {"population.optout_share": 0.3})
    with pytest.raises(ScenarioError, match="rubric.social"):
        Comparison(sc, {"rubric.social": -1})
    cmp = Comparison(sc, {})
    with pytest.raises(ScenarioError, match="run.seed"):
        cmp.set_params({"run.seed": 3}, side="b")
    with pytest.raises(ScenarioError):
        cmp.set_params({"rubric.social": 0.3, "rubric.history": "x"}, side="both")
    assert cmp.a.applied["rubric.social"] == cmp.b.applied["rubric.social"] == sc["rubric.social"]


def test_difference_lists_the_people_excluded_under_one_rubric_only():
    sc = load_scenario("default", {"population.size": 400})
    cmp = Comparison(sc, {"rubric.social": 0.6, "sharing.rewire_rate": 0.3})
    cmp.run(20)
    d = cmp.difference()
    # The oracle: a plain loop over people.
    only_a, only_b = [], []
    for p in range(cmp.a.n):
        ex = [sim.status[p] == -1 or sim.degree()[p] == 0 for sim in (cmp.a, cmp.b)]
        if ex[0] and not ex[1]:
            only_a.append(p)
        if ex[1] and not ex[0]:
            only_b.append(p)
    assert d.only_a.tolist() == only_a and d.only_b.tolist() == only_b
    assert only_a or only_b
    past = cmp.difference_at(20)
    assert past.only_a.tolist() == only_a and past.only_b.tolist() == only_b
    assert cmp.difference_at(0).only_a.size == cmp.difference_at(0).only_b.size == 0


def test_excluded_and_summary():
    assert excluded(np.array([-1, 0, 0, 1]), np.array([5, 0, 1, 1])).tolist() == [
        True, True, False, False]
    assert Difference(np.arange(2), np.arange(1)).summary() == (
        "excluded only under A: 2 people; only under B: 1 person")
    cmp = Comparison(load_scenario("karate"), {})
    m = cmp.timelines["a"].state_at(0)
    assert difference_of(m, m).summary().endswith("only under B: 0 people")
