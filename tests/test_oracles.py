"""The fast step's mechanisms against their plain-Python oracles (models/oracles.py).

Both versions draw from generators seeded alike, in the same order and batch sizes, so
they must agree exactly: the same ties dropped and formed, the same dates, tallies and
aim-up. Small graphs, several seeds and parameter sets, rules strong enough that drops,
refusals and retries all happen.
"""

from __future__ import annotations

import numpy as np
import pytest

from models.dating import DatingState, dating_round
from models.graph import canonical_edges
from models.oracles import dating_round_loop, review_ties_loop
from models.ties import EdgeSet, GainRule, review_ties

SEEDS = range(6)

RULES = {
    "churn": None,
    "mild": GainRule(weight=0.3, tolerance=1.0, sensitivity=0.5, alone=350.0),
    "harsh": GainRule(weight=2.0, tolerance=0.0, sensitivity=3.0, alone=350.0),
    "lonely is fine": GainRule(weight=1.0, tolerance=0.5, sensitivity=1.0, alone=800.0),
}


def small_world(seed: int, n: int = 40, m: int = 80):
    rng = np.random.default_rng(1000 + seed)
    edges = canonical_edges(rng.integers(0, n, m), rng.integers(0, n, m), n)
    scores = rng.uniform(350, 950, n).round(1)   # rounded: some ties in score rank
    return n, edges, scores


def run_both(seed, rule, share, triadic, homophilous, ask_limit=8):
    n, edges, scores = small_world(seed)
    fast = review_ties(EdgeSet.from_edges(edges, n), scores, share=share,
                       rng=np.random.default_rng(seed), triadic_closure=triadic,
                       homophilous_search=homophilous, rule=rule, ask_limit=ask_limit)
    slow = review_ties_loop(n, edges.tolist(), scores, share=share,
                            rng=np.random.default_rng(seed), triadic_closure=triadic,
                            homophilous_search=homophilous, rule=rule, ask_limit=ask_limit)
    return fast, slow


@pytest.mark.parametrize("rule_name", list(RULES))
@pytest.mark.parametrize("share,triadic,homophilous",
                         [(0.5, 0.7, 0.0), (0.8, 0.3, 0.6), (1.0, 0.0, 1.0)])
def test_review_ties_matches_the_loop(rule_name, share, triadic, homophilous):
    rule = RULES[rule_name]
    seen = {"drops": 0, "adds": 0, "lost": 0}
    for seed in SEEDS:
        (remove, add), (remove_loop, add_loop) = run_both(seed, rule, share, triadic,
                                                          homophilous)
        assert sorted(remove.tolist()) == sorted(remove_loop), seed
        assert sorted(add.tolist()) == sorted(add_loop), seed
        seen["drops"] += len(remove_loop)
        seen["adds"] += len(add_loop)
        seen["lost"] += len(remove_loop) > len(add_loop)
    assert seen["drops"] > 0 and seen["adds"] > 0   # the comparison is not vacuous


def test_review_ties_loop_sees_refusals_and_retries():
    # With a harsh rule some askers are refused and ask again; with one ask only they
    # would form fewer ties: a check that the retries are really compared.
    rule = RULES["harsh"]
    many = sum(len(run_both(s, rule, 1.0, 0.5, 0.3)[1][1]) for s in SEEDS)
    once = sum(len(run_both(s, rule, 1.0, 0.5, 0.3, ask_limit=1)[1][1]) for s in SEEDS)
    assert many > once


def test_gain_rule_by_hand():
    rule = GainRule(weight=0.5, tolerance=1.0, sensitivity=2.0, alone=350.0)
    # 10 friends, a friend 100 points below: gain 0.5 * 100 / 10 = 5 points, 4 beyond.
    assert rule.drop(np.array([700.0]), np.array([600.0]), np.array([10]))[0] == (
        pytest.approx(1 - np.exp(-8.0)))
    # An only friend: dropping them leaves one at the friendless 350: a loss, never.
    assert rule.drop(np.array([900.0]), np.array([400.0]), np.array([1]))[0] == 0.0
    # Refusing: 4 friends plus the asker make 5; 40 points below -> 4 points, 3 beyond.
    assert rule.refuse(np.array([700.0]), np.array([660.0]), np.array([4]))[0] == (
        pytest.approx(1 - np.exp(-6.0)))
    # Someone with no friends accepts anyone above the friendless value.
    assert rule.refuse(np.array([900.0]), np.array([400.0]), np.array([0]))[0] == 0.0


# ------------------------------------------------------------------------ dating
DATING = [
    dict(activity=0.6, feed_size=5, exposure_bias=1.0, display_scores=True,
         selectivity=100.0, like_width=50.0, like_rate=0.5, date_duration=3),
    dict(activity=0.9, feed_size=12, exposure_bias=0.0, display_scores=False,
         selectivity=0.0, like_width=10.0, like_rate=0.8, date_duration=2),
    dict(activity=1.0, feed_size=1000, exposure_bias=3.0, display_scores=True,
         selectivity=-50.0, like_width=100.0, like_rate=1.0, date_duration=1),
]


@pytest.mark.parametrize("params", DATING, ids=["default-like", "hidden", "long feed"])
def test_dating_round_matches_the_loop(params):
    total_new = 0
    for seed in SEEDS:
        n = 30
        scores = np.random.default_rng(500 + seed).uniform(360, 950, n)
        state = DatingState(n)
        rng_fast, rng_slow = np.random.default_rng(seed), np.random.default_rng(seed)
        keys, ends = [], []
        uses, matches = [0.0] * n, [0.0] * n
        for step in range(1, 5):   # a few months, so that dates also expire
            new = dating_round(state, scores, step, rng=rng_fast, **params)
            out = dating_round_loop(n, keys, ends, uses, matches, scores, step,
                                    rng=rng_slow, **params)
            keys, ends = sorted(out["dates"]), [out["dates"][k] for k in sorted(out["dates"])]
            uses, matches = out["uses"], out["matches"]
            assert new == out["new"], (seed, step)
            assert state.keys.tolist() == keys and state.ends.tolist() == ends, (seed, step)
            np.testing.assert_allclose(state.uses, uses, rtol=0, atol=1e-12)
            np.testing.assert_allclose(state.matches, matches, rtol=0, atol=1e-12)
            np.testing.assert_allclose(state.aim_up, out["aim_up"], rtol=0, atol=1e-12)
            total_new += new
    assert total_new > 0


class _SpyRng:
    """A generator that records the shape of every feed it is asked to draw."""

    def __init__(self, seed: int) -> None:
        self._rng = np.random.default_rng(seed)
        self.feeds: list[tuple[int, ...]] = []

    def random(self, size=None):
        if isinstance(size, tuple) and len(size) == 2:   # weighted_draws' feed uniforms
            self.feeds.append(size)
        return self._rng.random(size)

    def choice(self, a, size=None, p=None):
        self.feeds.append(tuple(size))
        return self._rng.choice(a, size=size, p=p)


def test_a_feed_longer_than_the_pool_is_cut_to_the_pool():
    n = 34
    state = DatingState(n)
    spy = _SpyRng(3)
    scores = np.linspace(400, 900, n)
    dating_round(state, scores, 1, activity=1.0, feed_size=1000, exposure_bias=1.0,
                 display_scores=True, selectivity=50.0, like_width=50.0, like_rate=0.5,
                 date_duration=6, rng=spy)
    # 34 users see at most the 33 others each, not 1,000 candidates
    assert spy.feeds == [(n, n - 1)]


def test_like_probability_is_smooth_in_the_gap():
    from models.dating import like_probability

    own = np.full(601, 650.0)
    other = np.linspace(350, 950, 601)
    p = like_probability(own, other, display_scores=True, selectivity=100.0, like_width=50.0,
                         like_rate=0.5)
    assert np.all(np.diff(p) > 0)                      # aims up
    assert np.max(np.diff(p)) < 0.5 * 0.5 / 50 * 1.01  # no cliff: slope at most rate/(4 w)
    assert p[np.searchsorted(other, 550.0)] == pytest.approx(0.25)   # half at own - 100
    hidden = like_probability(own, other, display_scores=False, selectivity=100.0,
                              like_width=50.0, like_rate=0.5)
    assert set(hidden.tolist()) == {0.5}
