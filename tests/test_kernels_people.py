"""The per-person kernels (models.kernels.people) give the bits of their numpy twins.

Each test runs the public function twice on the same random inputs, once with
``SCORENET_ACCEL=0`` (numpy, the reference) and once with the kernels, and compares the
bytes of every output and of every array changed in place; the inputs include the edges
(empty and two-person arrays, ties, +0.0 and -0.0, NaN, everyone or nobody opted out).
"""

from __future__ import annotations

import copy
import math
from types import SimpleNamespace

import numpy as np
import pytest

from models import accel
from models.events import live_month, status_of
from models.schema import RUBRIC_KEYS
from models.score import KeptComponents, base_components, behaviour_percentile, combine

SEEDS = range(12)


def _same(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _both(monkeypatch, fn):
    """``fn()`` on numpy, then on the kernels (the kernels_on fixture checked numba)."""
    monkeypatch.setenv(accel.ENV, "0")
    plain = fn()
    monkeypatch.setenv(accel.ENV, "1")
    return plain, fn()


def _spending(rng, n: int) -> np.ndarray:
    """Spending with the awkward cases: exact ties, zeros, values equal in all but the
    last bits (the packed sort keys tell them apart by place, not value)."""
    x = rng.lognormal(0.0, 1.0, n)
    if n > 4:
        x[rng.integers(0, n, n // 4)] = 0.5                      # the restricted cap
        near = rng.integers(0, n, n // 8)
        x[near] = np.nextafter(0.75, 1.0) if rng.random() < 0.5 else 0.75
        x[rng.integers(0, n, n // 5)] = np.nextafter(x[rng.integers(0, n, n // 5)], 9.0)
        x[rng.integers(0, n, 2)] = 0.0
    return x


# ---------------------------------------------------------------- life events
def _state(rng, n: int, opted: float):
    status = rng.integers(-1, 2, n).astype(np.int8)
    scam_left = np.where(rng.random(n) < 0.3, rng.integers(0, 4, n), 0).astype(np.int64)
    scam_start = np.where(rng.random(n) < 0.4, rng.integers(-1, 6, n), -1).astype(np.int64)
    pop = SimpleNamespace(reliability=rng.random(n), amount=rng.lognormal(0, 1, n),
                          opted_out=rng.random(n) < opted)
    pop.reliability[: min(n, 2)] = [1.0, 0.0][: min(n, 2)]
    return SimpleNamespace(
        n=n, step_count=int(rng.integers(1, 9)), pop=pop, status=status,
        scam_left=scam_left, scam_start=scam_start, ever_scammed=rng.random(n) < 0.2,
        scam_debt=rng.random(n) * (rng.random(n) < 0.5), missed=rng.random(n) * 3,
        violations=rng.random(n), scammed_now=np.zeros(n, dtype=bool))


SCENARIOS = [
    {},
    {"perks.enabled": False},
    {"events.scam_relief": "verified", "events.relief_delay": 2},
    {"events.scam_relief": "verified", "events.relief_delay": 0, "events.scam_rate": 0.5},
    {"events.scam_duration": 0, "perks.restricted_spend_cap": 0.0},
    {"events.forgiveness_half_life": 0.0, "events.base_miss_rate": 0.7,
     "perks.restriction_miss_factor": 100.0},
]

STATE = ("missed", "scam_debt", "violations", "scammed_now", "potential_spend",
         "consumption", "scam_left", "scam_start", "ever_scammed")


@pytest.mark.parametrize("changes", SCENARIOS)
@pytest.mark.parametrize("n", [0, 1, 2, 7, 300])
def test_life_month_gives_the_bits_of_numpy(changes, n, kernels_on, monkeypatch):
    from models import load_scenario

    sc = load_scenario("default", {"events.scam_rate": 0.2, **changes})
    for seed in SEEDS:
        start = _state(np.random.default_rng(seed), n, opted=0.3)
        sims, nows = [], []
        for mode in "01":
            monkeypatch.setenv(accel.ENV, mode)
            sim = copy.deepcopy(start)
            old_debt = sim.scam_debt
            nows.append(live_month(sim, sc, np.random.default_rng(seed + 100)))
            sims.append((sim, old_debt))
        (plain, plain_old), (fast, fast_old) = sims
        assert _same(nows[0], nows[1]), seed
        for name in STATE:
            assert _same(getattr(plain, name), getattr(fast, name)), (name, seed)
        assert _same(plain_old, fast_old), seed    # the old debt array, zeroed in place
        assert fast.missed is not start.missed      # new arrays, as numpy makes


def test_life_month_keeps_numpys_draws(kernels_on, monkeypatch):
    """The same four draws from the stream, so the next draw is the same too."""
    from models import load_scenario

    sc = load_scenario("default")
    gens = []
    for mode in "01":
        monkeypatch.setenv(accel.ENV, mode)
        rng = np.random.default_rng(5)
        live_month(_state(np.random.default_rng(1), 50, 0.1), sc, rng)
        gens.append(rng.random())
    assert gens[0] == gens[1]


# ---------------------------------------------------------------- the score
@pytest.mark.parametrize("n", [0, 1, 2, 3, 50, 2000])
@pytest.mark.parametrize("share", [0.0, 0.2, 1.0])
def test_behaviour_percentile_gives_the_bits_of_numpy(n, share, kernels_on, monkeypatch):
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        x = _spending(rng, n)
        takes_part = rng.random(n) >= share
        plain, fast = _both(monkeypatch, lambda: behaviour_percentile(x, takes_part))
        assert _same(plain, fast), seed


@pytest.mark.parametrize("bad", [-1.0, -0.0, math.inf, math.nan])
def test_behaviour_percentile_of_values_the_keys_cannot_order(bad, kernels_on, monkeypatch):
    rng = np.random.default_rng(3)
    x = _spending(rng, 500)
    x[7] = bad
    x[100:110] = -0.0 if bad == -0.0 else x[100:110]
    takes_part = rng.random(500) < 0.9
    plain, fast = _both(monkeypatch, lambda: behaviour_percentile(x, takes_part))
    assert _same(plain, fast)


@pytest.mark.parametrize("imputation", ["mean", "fixed"])
@pytest.mark.parametrize("share", [0.0, 0.1, 1.0])
@pytest.mark.parametrize("n", [1, 2, 400])
def test_base_components_give_the_bits_of_numpy(imputation, share, n, kernels_on,
                                                monkeypatch):
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        data = dict(missed=rng.random(n) * 4, wealth=rng.random(n), stability=rng.random(n),
                    consumption=_spending(rng, n), opted_out=rng.random(n) < share,
                    optout_value=0.25, imputation=imputation)
        plain, fast = _both(monkeypatch, lambda: base_components(**data))
        assert list(plain) == list(fast)
        for k in plain:
            assert _same(plain[k], fast[k]), (k, seed)
        # And with capacity and identity kept from before (the usual step).
        kept = KeptComponents()
        plain, fast = _both(monkeypatch, lambda: [kept(**data), kept(**data)][1])
        for k in plain:
            assert _same(plain[k], fast[k]), (k, seed)


@pytest.mark.parametrize("points", [0.0, 10.0, math.nan])
@pytest.mark.parametrize("n", [0, 1, 2, 1000])
def test_combine_and_status_give_the_bits_of_numpy(points, n, kernels_on, monkeypatch):
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        comps = {k: rng.random(n) * 1.2 - 0.1 for k in RUBRIC_KEYS}
        if n > 2:
            comps["history"][:3] = [-0.0, math.nan, math.inf]
        raw = rng.random(len(RUBRIC_KEYS)) + 0.01
        wn = {k: float(w) for k, w in zip(RUBRIC_KEYS, raw / raw.sum())}
        violations = rng.random(n) * 20
        plain, fast = _both(monkeypatch, lambda: combine(comps, wn, violations, points))
        assert _same(plain, fast), seed
        scores = rng.random(n) * 700 + 300
        scores[: min(n, 2)] = [700.0, 550.0][: min(n, 2)]
        if n > 2:
            scores[2] = math.nan
        plain, fast = _both(monkeypatch, lambda: status_of(scores, 700.0, 550.0))
        assert _same(plain, fast), seed


def test_the_kernels_stand_aside_for_inputs_they_were_not_written_for(kernels_on):
    """Not float64 vectors: numpy (and its dtypes) as before."""
    comps = {k: np.full(4, 0.5, dtype=np.float32) for k in RUBRIC_KEYS}
    wn = dict.fromkeys(RUBRIC_KEYS, 0.2)
    out = combine(comps, wn, np.zeros(4), 10.0)
    assert out.dtype == np.float64 and np.allclose(out, 650.0)
    assert behaviour_percentile(np.array([3, 1, 2]), np.ones(3, bool)).tolist() == \
        pytest.approx([5 / 6, 1 / 6, 0.5])


def test_the_kernels_max_min_and_clip_are_numpys_to_the_sign_of_zero(kernels_on):
    from models.kernels.people import _clip_np, _max_np, _min_np

    special = [-0.0, 0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 0.5]
    for a in special:
        for b in special:
            pair = np.array([a]), np.array([b])
            assert _same(np.float64(_max_np(a, b)), np.maximum(*pair)[0]), (a, b)
            assert _same(np.float64(_min_np(a, b)), np.minimum(*pair)[0]), (a, b)
        assert _same(np.float64(_clip_np(a, 0.0, 1.0)), np.clip(np.array([a]), 0.0, 1.0)[0]), a
        assert _same(np.float64(_clip_np(a, -0.0, 0.5)), np.clip(np.array([a]), -0.0, 0.5)[0]), a


@pytest.mark.parametrize("n", [2, 3, 60, 3000])
def test_social_component_gives_the_bits_of_numpy(n, kernels_on, monkeypatch):
    from models.adjacency import Adjacency
    from models.score import social_component

    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        u, v = rng.integers(0, n, (2, 4 * n))
        keys = np.unique(np.minimum(u, v) * n + np.maximum(u, v))
        keys = keys[keys // n != keys % n]                 # no self-ties
        keys = keys[rng.random(keys.size) < 0.8]           # some people have no tie left
        plain_adj = Adjacency(keys, n)
        # Dates who are not friends: several per person, at both ends of their keys.
        a, b = rng.integers(0, n, (2, 3 * n))
        extra = np.setdiff1d(np.minimum(a, b) * n + np.maximum(a, b), keys)
        extra = extra[extra // n != extra % n]
        scores = rng.random(n) * 600 + 350
        for adj in (plain_adj, plain_adj.plus(extra), plain_adj.plus(extra[:0])):
            plain, fast = _both(monkeypatch,
                                lambda: social_component(adj, adj.degree, scores, 0.3))
            assert _same(plain, fast), seed
