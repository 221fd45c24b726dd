"""The mission's effects, as statistical tests over several seeds (MODEL.md, issues 2, 7).

Each comparison is paired: both arms use the same seed (same people, same network, same
random streams), so the difference measures the parameter, not the luck of the draw. A
test asks for a clear mean difference and for (nearly) every seed to agree.
"""

from __future__ import annotations

import numpy as np
import pytest

from models import load_scenario
from models.measures import quintile_masks
from models.simulation import Simulation

pytestmark = pytest.mark.slow

STEPS = 100
SEEDS = {"default": range(6), "facebook": range(3)}
# Louvain dominates facebook's step time; 25 divides 100, so step 100 is measured fresh.
FAST = {"run.louvain_every": 25}


_RUNS: dict = {}


def scenario_of(preset: str, seed: int, changes: dict | None = None, **kw):
    dotted = {**(changes or {}), **{k.replace("__", "."): v for k, v in kw.items()}}
    return load_scenario(preset, {"run.seed": seed, **FAST, **dotted})


def final(preset: str, seed: int, changes: dict | None = None, *, steps: int = STEPS,
          **kw) -> Simulation:
    """The simulation after ``steps`` steps; runs of equal scenarios are shared between
    tests. Changes come as a dict of dotted names or as ``section__key=value``."""
    scenario = scenario_of(preset, seed, changes, **kw)
    if (scenario, steps) not in _RUNS:
        sim = Simulation(scenario)
        sim.run(steps)
        _RUNS[scenario, steps] = sim
    return _RUNS[scenario, steps]


def cohort_degree_gap(preset: str, seed: int, **kw) -> tuple[float, float]:
    """Mean degree of the people who started in the top score fifth over that of those
    who started in the bottom fifth: at step 0 and at the end."""
    start = Simulation(scenario_of(preset, seed, **kw))
    top, bottom = quintile_masks(start.scores)
    d0, d1 = start.degree(), final(preset, seed, **kw).degree()
    return d0[top].mean() / d0[bottom].mean(), d1[top].mean() / d1[bottom].mean()


def paired(low: list[float], high: list[float], *, min_gap: float = 0.0,
           min_ratio: float | None = None) -> None:
    """``high`` exceeds ``low`` by ``min_gap`` on average (or by the factor ``min_ratio``),
    and in every seed but at most one."""
    low_a, high_a = np.asarray(low), np.asarray(high)
    diff = high_a - low_a
    agree = np.mean(diff > 0)
    assert diff.mean() > min_gap, f"mean difference {diff.mean():.4g} (low {low_a}, high {high_a})"
    if min_ratio is not None:
        assert high_a.mean() > min_ratio * low_a.mean(), f"low {low_a}, high {high_a}"
    assert agree >= (len(diff) - 1) / len(diff), f"only {agree:.0%} of seeds agree: {diff}"


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_social_weight_with_sharing_stratifies_and_cuts_off(preset):
    low = [final(preset, s, rubric__social=0.05) for s in SEEDS[preset]]
    high = [final(preset, s, rubric__social=0.4) for s in SEEDS[preset]]
    last = {k: ([x.history[k][-1] for x in low], [x.history[k][-1] for x in high])
            for k in ("assortativity", "stratification", "degree_gap")}
    paired(*last["assortativity"], min_gap=0.05)
    # Stratification is small on the dense facebook graph; ask for a relative rise.
    paired(*last["stratification"], min_ratio=1.3)
    if preset == "default":
        paired(*last["degree_gap"], min_gap=0.03)
    else:
        # Issue 7 made the drop rule follow the real gain, which is 44 friends' worth
        # smaller here: hubs (middling scores) rarely drop, and the fifths by current
        # score are people with few friends. Follow the people instead: those who
        # started high gain friends, those who started low lose them.
        gaps = [cohort_degree_gap(preset, s, rubric__social=x)[1]
                for x in (0.05, 0.4) for s in SEEDS[preset]]
        k = len(SEEDS[preset])
        paired(gaps[:k], gaps[k:], min_gap=0.03)


def test_degree_gap_widens_with_sharing_and_stays_put_without_on_facebook():
    on, off = [], []
    for seed in SEEDS["facebook"]:
        start, shared = cohort_degree_gap("facebook", seed, rubric__social=0.4)
        _, hidden = cohort_degree_gap("facebook", seed, rubric__social=0.4,
                                      sharing__share_with_friends=False)
        on.append(shared - start)
        off.append(hidden - start)
    assert np.mean(np.abs(off)) < 0.15, off
    paired(np.abs(off), on, min_gap=0.1)


@pytest.mark.parametrize("preset", ["default"])
def test_degree_gap_widens_with_sharing_and_stays_put_without(preset):
    on, off = [], []
    for seed in SEEDS[preset]:
        shared = final(preset, seed, rubric__social=0.4)
        hidden = final(preset, seed, rubric__social=0.4, sharing__share_with_friends=False)
        start = shared.history["degree_gap"][0]
        assert hidden.history["degree_gap"][0] == start  # same people, same ties at step 0
        on.append(shared.history["degree_gap"][-1] - start)
        off.append(hidden.history["degree_gap"][-1] - start)
    # Without sharing the gap only drifts as scores reshuffle who is in each fifth.
    assert np.mean(np.abs(off)) < 0.15, off
    paired(np.abs(off), on, min_gap=0.1)


def _dating_means(sim: Simulation) -> tuple[float, float]:
    half = slice(STEPS // 2, None)
    return (float(np.nanmean(sim.history["dating_assortativity"][half])),
            float(np.nanmean(sim.history["match_gap"][half])))


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_showing_scores_on_dating_app_sorts_couples(preset):
    shown = [_dating_means(final(preset, s)) for s in SEEDS[preset]]
    hidden = [_dating_means(final(preset, s, dating__display_scores=False))
              for s in SEEDS[preset]]
    paired([h[0] for h in hidden], [s[0] for s in shown], min_gap=0.2)
    paired([h[1] for h in hidden], [s[1] for s in shown], min_gap=0.5)


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_punitive_optout_value_punishes_those_who_opt_out(preset):
    # Since issue 7 the default imputation is the participants' mean; this test keeps
    # its original arms, both with a fixed value.
    neutral = [final(preset, s, rubric__optout_imputation="fixed", rubric__optout_value=0.5)
               for s in SEEDS[preset]]
    punitive = [final(preset, s, rubric__optout_imputation="fixed", rubric__optout_value=0.0)
                for s in SEEDS[preset]]

    def standing(sim: Simulation) -> float:
        out = sim.pop.opted_out
        return float(sim.scores[out].mean() - sim.scores[~out].mean())

    paired([standing(s) for s in punitive], [standing(s) for s in neutral], min_gap=100)
    # ...and, with friend sharing, they lose friends.
    paired([s.history["optout_gap"][-1] for s in neutral],
           [s.history["optout_gap"][-1] for s in punitive], min_gap=0.5)


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_never_forgetting_lowers_mobility(preset):
    def mobility(sim: Simulation) -> float:
        return float(np.nanmean(sim.history["mobility"][24:]))

    forgiving = [mobility(final(preset, s)) for s in SEEDS[preset]]
    never = [mobility(final(preset, s, events__forgiveness_half_life=float("inf")))
             for s in SEEDS[preset]]
    paired(never, forgiving, min_gap=0.003)


# ------------------------------------------------------------------ issue 7
#: A strong social weight and homophilous search. On facebook the gain of a drop is
#: divided by 44 friends, so the weight is higher and the tolerance zero.
FRAGMENTING = {
    "default": {"rubric.social": 0.65, "sharing.homophilous_search": 0.8},
    "facebook": {"rubric.social": 2.85, "sharing.homophilous_search": 0.8,
                 "sharing.tolerance": 0.0, "sharing.sensitivity": 2.0},
}
FREQUENT = {"default": 0.5, "facebook": 1.0}
RARE = 0.02


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_frequent_review_with_homophilous_search_fragments(preset):
    seeds = SEEDS[preset]
    base = FRAGMENTING[preset]

    def last(rate, column, share=True):
        return [final(preset, s, {**base, "sharing.rewire_rate": rate,
                                  "sharing.share_with_friends": share}).history[column][-1]
                for s in seeds]

    paired(last(FREQUENT[preset], "giant_share"), last(RARE, "giant_share"), min_gap=0.001)
    paired(last(RARE, "components"), last(FREQUENT[preset], "components"), min_gap=1.0)
    paired(last(RARE, "bottom_isolated_share"), last(FREQUENT[preset], "bottom_isolated_share"),
           min_gap=0.001)
    # With rare review it does not: as connected as with no score-driven review at all.
    rare, off = np.array(last(RARE, "giant_share")), np.array(last(RARE, "giant_share", False))
    assert np.all(np.abs(rare - off) <= 0.003), (rare, off)
    assert np.mean(last(RARE, "components")) <= np.mean(last(RARE, "components", False)) + 0.5


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_aim_up_near_a_quarter_shown_and_near_zero_hidden(preset):
    shown = [np.nanmean(final(preset, s).history["aim_up"]) for s in SEEDS[preset]]
    hidden = [np.nanmean(final(preset, s, dating__display_scores=False,
                               dating__exposure_bias=0.0).history["aim_up"])
              for s in SEEDS[preset]]
    assert all(0.18 <= x <= 0.32 for x in shown), shown
    assert all(abs(x) <= 0.03 for x in hidden), hidden


def _standing(sim: Simulation) -> float:
    out = sim.pop.opted_out
    return float(sim.scores[out].mean() - sim.scores[~out].mean())


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_neutral_optout_is_level_and_punitive_far_below(preset):
    neutral = [_standing(final(preset, s)) for s in SEEDS[preset]]
    punitive = [_standing(final(preset, s, rubric__optout_imputation="fixed",
                                rubric__optout_value=0.0)) for s in SEEDS[preset]]
    assert all(abs(x) <= 25 for x in neutral), neutral
    assert all(x <= -150 for x in punitive), punitive


CHOICE = {"optout.choice": True, "optout.review_rate": 0.1, "optout.switch_margin": 5.0}


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_free_opting_out_drains_the_pool_and_a_punitive_one_keeps_it(preset):
    neutral = [final(preset, s, CHOICE).history["optout_share"][-1] for s in SEEDS[preset]]
    punitive = [final(preset, s, {**CHOICE, "rubric.optout_imputation": "fixed",
                                  "rubric.optout_value": 0.0}).history["optout_share"][-1]
                for s in SEEDS[preset]]
    paired(punitive, neutral, min_gap=0.3)
    start = [final(preset, s).history["optout_share"][0] for s in SEEDS[preset]]
    assert all(p <= s0 for p, s0 in zip(punitive, start)), (punitive, start)


SCAMS = {"events.scam_rate": 0.004, "events.forgiveness_half_life": 60.0}


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_scam_relief_narrows_the_victim_gap(preset):
    none = [final(preset, s, SCAMS).history["victim_gap"][-1] for s in SEEDS[preset]]
    relieved = [final(preset, s, {**SCAMS, "events.scam_relief": "verified"})
                .history["victim_gap"][-1] for s in SEEDS[preset]]
    assert np.mean(none) < -40, none
    paired(none, relieved, min_gap=40)


def test_default_calibration_after_ten_years():
    for seed in SEEDS["default"]:
        h = final("default", seed, steps=120).history
        assert 0.05 <= h["restricted_share"][-1] <= 0.20, (seed, h["restricted_share"][-1])
        assert 600 <= h["median_score"][-1] <= 700, (seed, h["median_score"][-1])


@pytest.mark.parametrize("preset", ["default", "facebook"])
def test_the_score_predicts_missed_payments_better_than_chance(preset):
    auc = [np.nanmean(final(preset, s).history["score_auc"]) for s in SEEDS[preset]]
    assert all(x > 0.6 for x in auc), auc


def test_a_worse_off_minority_is_restricted_more():
    gap = [final("minority", s).history["group_restricted_gap"][-1] for s in SEEDS["default"]]
    equal = [final("minority", s, population__minority_share=0.0, population__group_gap=0.0)
             .history["group_restricted_gap"][-1] for s in SEEDS["default"]]
    paired(np.abs(equal), gap, min_gap=0.08)
