"""The fast paths of a simulation step against the plain versions they replaced.

Every one of these must give the very same bits as before (the random draws and the
outputs of a run are compared byte for byte in development); here each is checked on
its own against the straightforward numpy it stands for: the integer-sort stable order,
the behaviour percentile, status and the status-dependent events, the cached capacity
and identity components, and tie edits on graphs with hubs (long adjacency rows).
"""

from __future__ import annotations

import numpy as np
import pytest

from models import load_scenario
from models.adjacency import Adjacency
from models.events import miss_probability, spending, status_of
from models.graph import sorted_unique, stable_order, stable_sort
from models.measures import average_ranks
from models.score import base_components, behaviour_percentile
from models.simulation import Simulation
from models.ties import EdgeSet


def _arrays(rng):
    """Float arrays built to hit every branch of stable_order."""
    k = int(rng.integers(2, 3000))
    yield rng.random(k) * 600 + 350                          # scores: no ties
    yield np.round(rng.random(k) * 10) / 4                   # many ties
    yield 350 + rng.random(k) * 1e-9                         # differ only in low bits
    near = np.nextafter(np.full(k, 1.0), 2.0 * rng.integers(0, 2, k))
    near[rng.random(k) < 0.3] = 0.0
    yield near                                               # ties and 1-ulp neighbours
    neg = rng.lognormal(size=k)
    neg[rng.random(k) < 0.2] = -1.0
    yield neg                                                # negative: numpy's sort
    odd = rng.random(k)
    odd[:3] = [-0.0, np.inf, np.nan]
    yield odd                                                # -0.0, inf, NaN


@pytest.mark.parametrize("seed", range(12))
def test_stable_order_is_numpys_stable_argsort(seed):
    rng = np.random.default_rng(seed)
    for x in _arrays(rng):
        want = np.argsort(x, kind="stable")
        assert np.array_equal(stable_order(x), want)
        order, xs = stable_sort(x)
        assert np.array_equal(order, want)
        assert np.array_equal(xs, x[want], equal_nan=True)
    ints = rng.integers(0, 5, 50)
    assert np.array_equal(stable_order(ints), np.argsort(ints, kind="stable"))
    assert stable_order(np.array([3.0])).tolist() == [0]


def _percentile_plain(consumption, takes_part):
    out = np.zeros(consumption.shape[0])
    idx = np.flatnonzero(takes_part)
    if idx.size:
        out[idx] = (average_ranks(consumption[idx]) - 0.5) / idx.size
    return out


@pytest.mark.parametrize("seed", range(6))
def test_behaviour_percentile_equals_the_average_rank_formula(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 2000))
    c = rng.lognormal(size=n)
    if seed % 3 == 1:
        c = np.minimum(c, 1.0)   # a spending cap: many people tied at it
    elif seed % 3 == 2:
        c = np.round(c * 3) / 3  # runs of ties side by side, at both ends too
    part = rng.random(n) < 0.9
    assert np.array_equal(behaviour_percentile(c, part), _percentile_plain(c, part))
    none = np.zeros(n, dtype=bool)
    assert np.array_equal(behaviour_percentile(c, none), np.zeros(n))


def _status_plain(scores, privileged_at, restricted_below):
    out = np.zeros(scores.shape[0], dtype=np.int8)
    out[scores >= privileged_at] = 1
    out[scores < restricted_below] = -1
    return out


@pytest.mark.parametrize("seed", range(4))
def test_status_and_status_dependent_events_equal_the_np_where_versions(seed):
    rng = np.random.default_rng(seed)
    n = 5000
    scores = rng.uniform(350, 950, n)
    scores[:5] = [np.nan, 700.0, 550.0, 350.0, 950.0]
    for at, below in ((700, 550), (600, 650)):   # the second overlaps: restricted wins
        got = status_of(scores, at, below)
        assert got.dtype == np.int8
        assert np.array_equal(got, _status_plain(scores, at, below))
    status = status_of(scores, 700, 550)
    rel = rng.random(n)
    for perks in (False, True):
        p = miss_probability(rel, status, base_miss_rate=0.3, perks_on=perks,
                             perk_miss_factor=0.5, restriction_miss_factor=4.0)
        want = 0.3 * 2.0 * (1.0 - rel)
        if perks:
            want = want * np.where(status == 1, 0.5, np.where(status == -1, 4.0, 1.0))
        assert np.array_equal(p, np.clip(want, 0.0, 1.0))
        amount, noise = rng.lognormal(size=n), 0.4 * rng.standard_normal(n)
        out = rng.random(n) < 0.1
        for cap in (0.7, np.inf):
            got = spending(amount, noise, status, out, perks_on=perks, perk_spend_factor=1.3,
                           restricted_spend_cap=cap)
            c = amount * np.exp(noise)
            if perks:
                c = np.where(status == 1, c * 1.3, c)
                c = np.where(status == -1, np.minimum(c, cap), c)
            assert np.array_equal(got, np.where(out, 0.0, c))


def test_kept_capacity_and_identity_follow_the_opt_outs_and_the_imputation():
    sc = load_scenario("opt_out_choice", {"optout.review_rate": 0.5})
    sim = Simulation(sc)
    seen = set()
    for step in range(8):
        if step == 4:
            sim.set_params({"rubric.optout_imputation": "mean"
                            if sim.applied["rubric.optout_imputation"] == "fixed" else "fixed"})
        sim.step()
        fresh = base_components(
            missed=sim.missed, wealth=sim.pop.wealth, stability=sim.pop.stability,
            consumption=sim.consumption, opted_out=sim.pop.opted_out,
            optout_value=sim.applied["rubric.optout_value"],
            imputation=sim.applied["rubric.optout_imputation"])
        for k, v in fresh.items():
            assert np.array_equal(sim.components[k], v), (step, k)
        seen.add(int(sim.pop.opted_out.sum()))
    assert len(seen) > 1   # the opt-outs did change, so the kept arrays were renewed


def _hub_keys(rng, n, m):
    """Ties of which many touch a few hubs at both ends of the index range, so that
    both triangles have long rows."""
    hubs = np.r_[0:3, n - 3:n]
    u = np.where(rng.random(m) < 0.5, rng.choice(hubs, m), rng.integers(0, n, m))
    v = rng.integers(0, n, m)
    keep = u != v
    lo, hi = np.minimum(u, v)[keep], np.maximum(u, v)[keep]
    return sorted_unique(lo * np.int64(n) + hi)


@pytest.mark.parametrize("seed", range(6))
def test_edits_with_hubs_equal_a_rebuild(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(50, 600))
    edges = EdgeSet(_hub_keys(rng, n, 6 * n), n)
    plain = edges.edges()                       # before any adjacency: from the keys
    assert np.array_equal(plain, np.column_stack(np.divmod(edges.keys, n)))
    edges.adjacency()
    for _ in range(10):
        remove = edges.keys[rng.random(edges.m) < 0.1]
        remove = np.concatenate([remove, remove[:3], _hub_keys(rng, n, 20)])  # repeats, absent
        add = np.concatenate([_hub_keys(rng, n, n // 2), remove[:5]])   # some re-added
        if rng.random() < 0.5:
            remove = np.append(remove, edges.keys[-1])   # the last key: the search's edge
        want = sorted((set(edges.keys.tolist()) - set(remove.tolist())) | set(add.tolist()))
        changed = edges.update(rng.permutation(remove), rng.permutation(add))
        assert edges.keys.tolist() == want
        assert changed
        rebuilt = Adjacency(edges.keys, n)
        got = edges.adjacency()
        for side in ("upper", "lower"):
            assert np.array_equal(getattr(got, side).indptr, getattr(rebuilt, side).indptr)
            assert np.array_equal(getattr(got, side).indices, getattr(rebuilt, side).indices)
        assert np.array_equal(got.degree, rebuilt.degree)
        u, v = edges.endpoints()
        assert u.dtype == v.dtype == np.int64
        assert np.array_equal(u * np.int64(n) + v, edges.keys)
        assert np.array_equal(edges.edges(), np.column_stack(np.divmod(edges.keys, n)))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_combine_equals_the_plain_sum(dtype):
    from models.schema import RUBRIC_KEYS
    from models.score import SCORE_MAX, SCORE_MIN, SPAN, combine, normalised_weights

    rng = np.random.default_rng(7)
    n = 1000
    comps = {k: rng.random(n).astype(dtype) for k in RUBRIC_KEYS}
    wn = normalised_weights({k: float(rng.random()) for k in RUBRIC_KEYS})
    violations = rng.poisson(0.5, n).astype(float) * rng.random(n)
    for points in (0.0, 37.5):
        raw = np.zeros(n)
        for k in RUBRIC_KEYS:
            raw += wn[k] * comps[k]
        want = SCORE_MIN + SPAN * raw
        if points:
            want -= points * violations
        want = np.clip(want, SCORE_MIN, SCORE_MAX)
        assert np.array_equal(combine(comps, wn, violations, points), want)
