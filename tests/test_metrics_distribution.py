"""Metrics of the score distribution (MODEL.md section 6; models.measures.distribution):
Gini, the summary, quintiles and mobility, each against an independent computation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import spearmanr

from models import measures as M
from tests.metric_graphs import FAST


# ------------------------------------------------------------------------------ gini
def gini_by_pairs(x) -> float:
    """Mean absolute difference over all pairs, over twice the mean."""
    x = np.asarray(x, dtype=np.float64)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * x.size**2 * x.mean())


def test_gini_known_distributions():
    rng = np.random.default_rng(1)
    assert M.gini(np.full(50, 7.0)) == 0.0
    assert M.gini(np.zeros(10)) == 0.0
    for n in (1, 2, 10, 1000):
        x = np.zeros(n)
        x[n // 2] = 3.0
        assert M.gini(x) == pytest.approx((n - 1) / n, abs=1e-12)
    assert M.gini(rng.random(200_000)) == pytest.approx(1 / 3, abs=0.005)
    assert M.gini(rng.exponential(2.0, 200_000)) == pytest.approx(1 / 2, abs=0.005)


def test_gini_edge_cases():
    assert math.isnan(M.gini([]))
    with pytest.raises(ValueError):
        M.gini([1.0, -0.5])


@FAST
@given(st.lists(st.floats(0, 1e6, allow_subnormal=False), min_size=1, max_size=60))
def test_gini_matches_pairwise_formula(x):
    g = M.gini(x)
    assert 0.0 <= g < 1.0
    if max(x) > 0:
        assert g == pytest.approx(gini_by_pairs(x), abs=1e-9)
    assert M.gini(np.asarray(x) * 3.5) == pytest.approx(g, abs=1e-9)
    assert M.gini(x[::-1]) == pytest.approx(g, abs=1e-12)


# ------------------------------------------------------------------------ quintiles
def test_quintile_masks_by_hand():
    top, bottom = M.quintile_masks(np.arange(10.0)[::-1])
    assert np.flatnonzero(top).tolist() == [0, 1]
    assert np.flatnonzero(bottom).tolist() == [8, 9]
    top, bottom = M.quintile_masks([3.0, 1.0, 2.0])  # n // 5 == 0: one person each
    assert np.flatnonzero(top).tolist() == [0] and np.flatnonzero(bottom).tolist() == [1]
    top, bottom = M.quintile_masks([])
    assert top.size == bottom.size == 0


@FAST
@given(st.lists(st.integers(0, 4), min_size=1, max_size=80))
def test_quintile_masks_are_a_stable_sort(values):
    n = len(values)
    k = max(1, n // 5)
    order = np.argsort(np.array(values), kind="stable")
    top, bottom = M.quintile_masks(values)
    assert np.flatnonzero(bottom).tolist() == sorted(order[:k].tolist())
    assert np.flatnonzero(top).tolist() == sorted(order[n - k:].tolist())


# ------------------------------------------------------------------------- mobility
def test_mobility_cases():
    x = np.array([500.0, 700.0, 600.0, 900.0])
    assert M.mobility(x, x) == 0.0
    assert M.mobility(x + 10.0, x) == 0.0  # no rank moved
    assert M.mobility(np.full(4, 600.0), np.full(4, 500.0)) == 0.0
    assert M.mobility(-x, x) == pytest.approx(2.0)
    assert math.isnan(M.mobility(np.full(4, 600.0), x))
    assert math.isnan(M.mobility(x, np.full(4, 600.0)))
    assert math.isnan(M.mobility([], []))
    with pytest.raises(ValueError):
        M.mobility(x, x[:3])


def test_mobility_matches_spearman_on_scores():
    rng = np.random.default_rng(8)
    before = np.clip(rng.normal(650, 120, 5000), 350, 950)  # clipping makes ties
    now = np.clip(before + rng.normal(0, 60, 5000), 350, 950)
    expected = 1.0 - spearmanr(now, before).statistic
    assert M.mobility(now, before) == pytest.approx(expected, abs=1e-12)


@FAST
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=2, max_size=60))
def test_mobility_matches_spearman(rows):
    now = np.array([r[0] for r in rows], dtype=float)
    before = np.array([r[1] for r in rows], dtype=float)
    value = M.mobility(now, before)
    if np.ptp(now) == 0 and np.ptp(before) == 0:
        assert value == 0.0
        return
    if np.ptp(now) == 0 or np.ptp(before) == 0:
        assert math.isnan(value)
        return
    assert 0.0 <= value <= 2.0
    assert value == pytest.approx(1.0 - spearmanr(now, before).statistic, abs=1e-12)


# -------------------------------------------------------------------------- summary
def test_summary_stats():
    assert M.summary_stats([350.0, 950.0, 500.0, 600.0]) == (600.0, 550.0)
    mean, median = M.summary_stats([])
    assert math.isnan(mean) and math.isnan(median)
