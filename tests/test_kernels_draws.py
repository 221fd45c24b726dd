"""The dating round's and the tie review's kernels give the bits of their numpy twins.

models/kernels/draws.py (the feed's weighted picks, the like test and the mutual pairs)
against models/dating.py's numpy lines, and models/kernels/review.py (the
gain rule's exponent, whether a candidate is taken) against
models/ties.py's, on random inputs and at the edges: one weight, all the weight on one
person, many zero weights in a row, empty feeds, two users, a feed that shows users
themselves; no ties, people with no friends, int32 and int64 indices.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import accel
from models.dating import (DatingState, _liked, _likes, _likes_compiled, dating_round,
                            weighted_draws)
from models.graph import canonical_edges
from models.ties import EdgeSet, GainRule, _taken, review_ties


def _weights(rng: np.random.Generator, size: int) -> np.ndarray:
    """Skewed weights with runs of zeros (people nobody is shown)."""
    w = rng.random(size) ** rng.choice([0.5, 1.0, 3.0, 12.0])
    w[rng.random(size) < rng.choice([0.0, 0.2, 0.9])] = 0.0
    if rng.random() < 0.3:                      # a long run of zeros: one crowded bin
        a = int(rng.integers(0, size))
        w[a:a + int(rng.integers(0, size + 1))] = 0.0
    if w.sum() == 0:
        w[int(rng.integers(0, size))] = 1.0
    return w / w.sum()


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("seed", range(40))
def test_weighted_picks_equal_rng_choice(seed, kernels_on):
    rng = np.random.default_rng(seed)
    size = int(rng.choice([1, 2, 3, 15, 16, 17, int(rng.integers(1, 5000))]))
    p = _weights(rng, size)
    shape = (int(rng.integers(0, 300)), int(rng.integers(1, 12)))
    got = weighted_draws(np.random.default_rng(seed), p, shape, kernels=True)
    want = np.random.default_rng(seed).choice(size, size=shape, p=p)
    assert _same(got, want)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1e6, allow_subnormal=True), min_size=1, max_size=60),
       st.integers(0, 2**32 - 1))
def test_weighted_picks_equal_rng_choice_on_any_weights(w, seed):
    if not accel.available():
        pytest.skip("numba is not installed")
    w = np.array(w)
    if not w.sum() > 0:
        return
    p = w / w.sum()
    if abs(p.sum() - 1.0) > 1e-8:   # numpy refuses these; weighted_draws hands them on
        return
    got = weighted_draws(np.random.default_rng(seed), p, (50,), kernels=True)
    assert _same(got, np.random.default_rng(seed).choice(p.size, size=50, p=p))


def test_weighted_picks_on_weights_at_the_bin_edges(kernels_on):
    # Cumulative weights that are exact multiples of 1/16 and 1/32 sit on bin edges.
    p = np.array([1, 1, 2, 0, 4, 8], dtype=float) / 16.0
    for seed in range(5):
        got = weighted_draws(np.random.default_rng(seed), p, (4000,), kernels=True)
        assert _same(got, np.random.default_rng(seed).choice(6, size=4000, p=p))
    from models.kernels.draws import weighted_picks
    cdf = np.cumsum(p)
    u = np.unique(np.concatenate([cdf, np.nextafter(cdf, 0), np.arange(32) / 32.0]))
    u = u[u < 1.0]
    assert _same(weighted_picks(cdf, u), cdf.searchsorted(u, side="right"))


def test_weighted_draws_still_hand_bad_weights_to_numpy(kernels_on):
    with pytest.raises(ValueError):
        weighted_draws(np.random.default_rng(0), np.array([0.5, -0.1, 0.6]), (2,),
                       kernels=True)


def _feed(rng: np.random.Generator, rows: int, feed: int, dtype) -> tuple:
    n = int(rng.integers(rows, 3 * rows + 2))
    users = np.sort(rng.choice(n, rows, replace=False)).astype(np.int64)
    su = rng.uniform(350.0, 950.0, rows)
    su[rng.random(rows) < 0.1] = 350.0
    su[rng.random(rows) < 0.02] = np.nan      # no like either way
    # Small pools and long feeds: many repeats, self-picks and pairs liked both ways.
    pick = rng.integers(0, rows, (rows, feed)).astype(dtype)
    return users, su, pick, n


LIKES = [dict(display_scores=True, selectivity=100.0, like_width=50.0, like_rate=0.5),
         dict(display_scores=True, selectivity=-80.0, like_width=30.0, like_rate=1.0),
         dict(display_scores=False, selectivity=0.0, like_width=10.0, like_rate=0.8),
         dict(display_scores=True, selectivity=50, like_width=25, like_rate=0.0),
         # Outside the scenario's range: the kernel's u < like_rate filter still holds.
         dict(display_scores=True, selectivity=0.0, like_width=20.0, like_rate=1.5)]


@pytest.mark.parametrize("seed", range(30))
def test_likes_kernel_equals_numpy(seed, kernels_on):
    rng = np.random.default_rng(seed)
    rows = [2, 3, 50, 300, 120][seed // 6]
    feed = int(rng.choice([1, 2, int(rng.integers(3, 30))]))
    dtype = [np.int64, np.int32, np.intp][seed % 3]
    users, su, pick, n = _feed(rng, rows, feed, dtype)
    params = LIKES[seed % len(LIKES)]
    want = _likes(users, su, pick, n, rng=np.random.default_rng(seed), **params)
    got = _likes_compiled(users, su, pick, n, rng=np.random.default_rng(seed), **params)
    for g, w in zip(got, want):
        assert _same(g, w)
    if not params["display_scores"] and rows * feed >= 100:
        assert want[2].size > 0        # the case of pairs liked both ways was met


def test_likes_kernel_on_an_empty_feed_and_a_feed_of_oneself(kernels_on):
    users, su = np.array([3, 7]), np.array([600.0, 700.0])
    for pick in (np.zeros((2, 0), dtype=np.int64), np.array([[0, 0], [1, 1]])):
        want = _likes(users, su, pick, 9, display_scores=True, selectivity=0.0,
                      like_width=50.0, like_rate=1.0, rng=np.random.default_rng(1))
        got = _likes_compiled(users, su, pick, 9, display_scores=True, selectivity=0.0,
                              like_width=50.0, like_rate=1.0, rng=np.random.default_rng(1))
        for g, w in zip(got, want):
            assert _same(g, w) and g.size == 0


def test_likes_kernel_at_chances_equal_to_the_uniform(kernels_on):
    # u == p is no like, the next float up is one: the comparison is numpy's strict one.
    from models.kernels.draws import like_candidates, likes

    rng = np.random.default_rng(3)
    users, su, pick, n = _feed(rng, 200, 8, np.int64)
    u = rng.random(pick.size)
    cand, _ = like_candidates(u, pick, su, 0.7, 0.0, 1.0)
    p = u[cand].copy()
    up = rng.random(cand.size) < 0.5
    p[up] = np.nextafter(p[up], 1.0)
    full = np.zeros(pick.size)
    full[cand] = p
    like = (u < full).reshape(pick.shape) & (pick != np.arange(200)[:, None])
    for g, w in zip(likes(u, cand, p, pick, su, users, np.int64(n)),
                    _liked(users, su, pick, n, like)):
        assert _same(g, w)
    assert 0 < like.sum() < cand.size


@pytest.mark.parametrize("hidden", [False, True])
def test_dating_rounds_with_and_without_kernels_agree(hidden, monkeypatch, kernels_on):
    n = 3000
    scores = np.random.default_rng(9).uniform(350.0, 950.0, n)
    states = []
    for mode in ("0", "1"):
        monkeypatch.setenv(accel.ENV, mode)
        state, rng = DatingState(n), np.random.default_rng(4)
        for step in range(1, 7):
            dating_round(state, scores, step, activity=0.3, feed_size=40,
                         exposure_bias=2.0, display_scores=not hidden, selectivity=60.0,
                         like_width=40.0, like_rate=0.9, date_duration=3, rng=rng)
        states.append((state, rng.random()))
    (a, ra), (b, rb) = states
    assert a.keys.size > 0 and ra == rb
    for name in ("keys", "ends", "uses", "matches"):
        assert _same(getattr(a, name), getattr(b, name)), name
    assert np.float64(a.aim_up).tobytes() == np.float64(b.aim_up).tobytes()


# ------------------------------------------------------------------------ tie review
def _network(rng: np.random.Generator, n: int, m: int) -> EdgeSet:
    edges = canonical_edges(rng.integers(0, n, m), rng.integers(0, n, m), n)
    return EdgeSet.from_edges(edges, n)


RULES = [GainRule(weight=0.3, tolerance=1.0, sensitivity=0.5, alone=350.0),
         GainRule(weight=2.0, tolerance=0.0, sensitivity=3.0, alone=350.0),
         GainRule(weight=1, tolerance=-2.0, sensitivity=1, alone=800.0),
         # A weight below 0 makes -0.0 gains: numpy's maximum keeps their sign.
         GainRule(weight=-0.5, tolerance=0.0, sensitivity=2.0, alone=600.0)]


@pytest.mark.parametrize("seed", range(12))
def test_gain_rule_kernel_equals_numpy(seed, kernels_on):
    rng = np.random.default_rng(seed)
    rule = RULES[seed % 4]
    n = int(rng.integers(2, 2000))
    scores = rng.uniform(350.0, 950.0, n)
    scores[rng.random(n) < 0.3] = 600.0                 # equal scores: gains of zero
    deg = rng.integers(0, 4, n).astype([np.int64, np.int32, np.int64][seed % 3])
    me, them = rng.integers(0, n, 3000), rng.integers(0, n, 3000)
    for method in (rule.drop_of, rule.refuse_of):
        assert _same(method(me, them, scores, deg, kernels=True),
                     method(me, them, scores, deg, kernels=False))


@pytest.mark.parametrize("seed", range(10))
def test_taken_kernel_equals_numpy(seed, kernels_on):
    rng = np.random.default_rng(seed)
    n = int(rng.choice([2, 3, int(rng.integers(2, 5000))]))
    edges = _network(rng, n, int(rng.integers(0, 6 * n)) if seed else 0)
    q = int(rng.integers(0, 3000))
    i, c = rng.integers(0, n, q), rng.integers(0, n, q)
    if edges.m:                          # many asks of a friend, either way round
        u, v = edges.endpoints()
        t = rng.integers(0, edges.m, q)
        tie, flip = rng.random(q) < 0.4, rng.random(q) < 0.5
        i[tie] = np.where(flip, u[t], v[t])[tie]
        c[tie] = np.where(flip, v[t], u[t])[tie]
    self_ask = rng.random(q) < 0.1
    c[self_ask] = i[self_ask]
    # The friend just dropped: the candidate, nobody (-1, the lonely) or anyone.
    j = np.where(rng.random(q) < 0.2, c,
                 np.where(rng.random(q) < 0.5, -1, rng.integers(0, n, q)))
    for dtype in (np.int64, np.int32):
        want = _taken(edges, i.astype(dtype), j, c)
        got = _taken(edges, i.astype(dtype), j, c.astype(dtype), kernels=True)
        assert _same(got, want)
    if edges.m and n > 50 and q > 100:        # both answers were met
        assert 0 < want.sum() < q


@pytest.mark.parametrize("homophilous", [0.0, 0.5])
def test_tie_reviews_with_and_without_kernels_agree(homophilous, monkeypatch, kernels_on):
    outs = []
    for mode in ("0", "1"):
        monkeypatch.setenv(accel.ENV, mode)
        rng = np.random.default_rng(11)
        edges = _network(np.random.default_rng(5), 800, 2400)
        scores = np.random.default_rng(6).uniform(350.0, 950.0, 800).round(1)
        got = []
        for rule in (None, *RULES):
            remove, add = review_ties(edges, scores, share=0.4, rng=rng, triadic_closure=0.6,
                                      homophilous_search=homophilous, rule=rule)
            got += [remove, add]
            edges.update(remove, add)
        outs.append((got, edges.keys, rng.random()))
    (a, ka, ra), (b, kb, rb) = outs
    assert ra == rb and _same(ka, kb) and sum(x.size for x in a) > 0
    for x, y in zip(a, b):
        assert _same(x, y)
