"""The metrics' kernels (models.kernels.metrics) give the floats of their numpy twins."""

from __future__ import annotations

import numpy as np
import pytest

from models import accel
from models import measures as M


def _both(monkeypatch, fn, *args):
    """``fn(*args)`` with the kernels, then on numpy."""
    fast = fn(*args)
    monkeypatch.setenv(accel.ENV, "0")
    plain = fn(*args)
    monkeypatch.setenv(accel.ENV, "1")
    return fast, plain


@pytest.mark.parametrize("n", [0, 1, 2, 3, 40, 5000])
@pytest.mark.parametrize("index", [np.int32, np.int64])
def test_auc_from_a_kept_order(n, index, kernels_on, monkeypatch):
    rng = np.random.default_rng(n)
    for tied in (False, True):
        s = rng.integers(0, 5, n).astype(float) if tied else rng.normal(600, 80, n)
        order = np.argsort(s, kind="stable" if tied else "quicksort").astype(index)
        for rate in (0.0, 0.1, 0.5, 1.0):
            for share in (0.0, 0.7, 1.0):
                missed = rng.random(n) < rate
                among = rng.random(n) < share
                fast, plain = _both(monkeypatch, M.score_auc_sorted, s, missed, among, order)
                assert repr(fast) == repr(plain) == repr(M.score_auc(s[among], missed[among]))
        if n > 2 and not tied:
            # An order that no longer sorts the scores: both say so.
            swapped = order.copy()
            swapped[[0, -1]] = swapped[[-1, 0]]
            all_in = np.ones(n, dtype=bool)
            assert _both(monkeypatch, M.score_auc_sorted, s, missed, all_in, swapped) == (None, None)
            s_nan = s.copy()
            s_nan[order[n // 2]] = np.nan
            assert _both(monkeypatch, M.score_auc_sorted, s_nan, missed, all_in, order) == (None, None)


@pytest.mark.parametrize("n", [2, 3, 40, 5000])
@pytest.mark.parametrize("index", [np.int32, np.int64])
def test_mobility_from_a_kept_order(n, index, kernels_on, monkeypatch):
    rng = np.random.default_rng(n + 7)
    for tied in (False, True):
        draw = (lambda: rng.integers(0, 4, n).astype(float)) if tied else (lambda: rng.random(n))
        now, before = draw(), draw()
        if np.array_equal(now, before):
            continue
        view = M.SortedScores(now)
        order = np.argsort(before).astype(index)
        fast, plain = _both(monkeypatch, view.mobility_since, before, order)
        assert repr(fast) == repr(plain) == repr(M.mobility(now, before))
        # Ranks that agree exactly: 0.0 both ways.
        assert _both(monkeypatch, view.mobility_since, now + 1.0, view.order.astype(index)) \
            == (0.0, 0.0)
        if n > 2:
            swapped = order.copy()
            swapped[[0, -1]] = swapped[[-1, 0]]
            assert _both(monkeypatch, view.mobility_since, before, swapped) == (None, None)
            nan = before.copy()
            nan[order[-1]] = np.nan
            assert _both(monkeypatch, view.mobility_since, nan, order) == (None, None)
            assert _both(monkeypatch, view.mobility_since, before[1:], order[1:]) == (None, None)


@pytest.mark.parametrize("n", [0, 1, 2, 7, 5000])
@pytest.mark.parametrize("index", [np.int32, np.int64, np.intp])
def test_group_totals_are_the_bincounts(n, index, kernels_on):
    from models.kernels.metrics import group_totals

    rng = np.random.default_rng(n)
    for k in (1, 3, 40):
        codes = rng.integers(0, k, n).astype(index)
        if n:
            codes[codes == codes.max()] = k + 2       # codes with nobody in between
        x = rng.normal(600, 80, n)
        counts, sums, below = group_totals(codes, x, 590.0)
        assert counts.tobytes() == np.bincount(codes).tobytes()
        assert sums.tobytes() == np.bincount(codes, weights=x).tobytes()
        assert below.tobytes() == np.bincount(codes, weights=(x < 590.0) * 1.0).tobytes()
        assert not group_totals(codes, x, np.nan)[2].any()


def test_group_measures_with_and_without_the_kernel(kernels_on, monkeypatch):
    rng = np.random.default_rng(5)
    s = rng.normal(600, 80, 4000)
    groups, labels = rng.integers(0, 3, 4000), rng.integers(0, 60, 4000) * 7
    for fn, args in ((M.group_gaps, (s, groups, 590.0)), (M.between_share, (s, labels))):
        fast, plain = _both(monkeypatch, fn, *args)
        assert repr(fast) == repr(plain)


@pytest.mark.parametrize("n", [0, 1, 2, 500])
def test_masked_sums_and_the_optout_gap(n, kernels_on, monkeypatch):
    from models.kernels.metrics import masked_sums

    rng = np.random.default_rng(n)
    for dtype in (np.int32, np.int64, np.uint8, np.uint64):
        d = rng.integers(0, 30, n).astype(dtype)
        for share in (0.0, 0.3, 1.0):
            out = rng.random(n) < share
            assert masked_sums(d, out) == (int(d[out].sum()), int(d.sum()))
            fast, plain = _both(monkeypatch, M.optout_gap, d, out)
            assert repr(fast) == repr(plain)


def _kernel_sorted(s):
    from models.measures.ordered import _kernel_sort

    return _kernel_sort(np.asarray(s, dtype=np.float64))


def _nudged(rng, n: int) -> np.ndarray:
    """Scores of which some pairs differ by an ulp, in either order."""
    s = rng.normal(600, 80, n)
    pick = rng.choice(n, size=n // 5 * 2, replace=False).reshape(-1, 2)
    s[pick[:, 1]] = np.nextafter(s[pick[:, 0]], rng.choice([0.0, 1e9], len(pick)))
    return s


@pytest.mark.parametrize("n", [1, 2, 3, 1000, 70_000])
def test_kernel_sort_is_the_stable_argsort(n, kernels_on):
    rng = np.random.default_rng(n)
    cases = [rng.normal(600, 80, n), rng.integers(0, 5, n).astype(float),
             rng.choice([0.0, -0.0, 1.5, -1.5, np.inf, -np.inf, 1e-300, -1e-300], n),
             _nudged(rng, n),                                # equal but for the low bits
             np.full(n, 7.0), -rng.random(n) * 1e-300]
    for s in cases:
        order, xs = _kernel_sorted(s)
        np.testing.assert_array_equal(order, np.argsort(s, kind="stable"))
        assert xs.tobytes() == s[order].tobytes()
        view = M.SortedScores(s)
        np.testing.assert_array_equal(view.order, order)


def test_kernel_sort_declines_nan_many_close_values_and_strided_input(kernels_on):
    assert _kernel_sorted([1.0, np.nan, 0.5]) is None
    # Distinct values the keys cannot tell apart, in reverse order: too many moves.
    close = 600.0 + np.arange(5000)[::-1] * 1e-13
    assert _kernel_sorted(close) is None
    view = M.SortedScores(close)                       # numpy's argsort then
    assert view.xs.tobytes() == np.sort(close).tobytes()
    strided = np.random.default_rng(0).random(40)[::2]
    assert _kernel_sorted(strided) is None
    np.testing.assert_array_equal(M.SortedScores(strided).xs, np.sort(strided))


def test_modularity_with_and_without_the_kernel(kernels_on, monkeypatch):
    rng = np.random.default_rng(6)
    codes = rng.integers(0, 30, 3000)
    for degree in (rng.integers(0, 40, 3000), rng.integers(0, 40, 3000).astype(np.int32),
                   rng.random(3000) * 9):
        fast, plain = _both(monkeypatch, M.modularity_of_counts, 9000, 2000, codes, degree)
        assert repr(fast) == repr(plain)


@pytest.mark.parametrize("n", [0, 1, 2, 999])
def test_split_and_the_victim_gap(n, kernels_on, monkeypatch):
    from models.kernels.metrics import split

    rng = np.random.default_rng(n)
    x = rng.normal(600, 80, n)
    for share in (0.0, 0.1, 1.0):
        mask = rng.random(n) < share
        inside, outside = split(x, mask, int(mask.sum()))
        assert inside.tobytes() == x[mask].tobytes() and outside.tobytes() == x[~mask].tobytes()
        fast, plain = _both(monkeypatch, M.victim_gap, x, mask)
        assert repr(fast) == repr(plain)


@pytest.mark.parametrize("mode", ["0", "1"])
def test_optout_gap_refuses_vectors_of_two_lengths(monkeypatch, mode):
    from models.measures.mixing import optout_gap

    monkeypatch.setenv("SCORENET_ACCEL", mode)
    mask = np.zeros(990, dtype=bool)
    mask[:5] = True
    with pytest.raises(ValueError, match="one length"):
        optout_gap(np.arange(1000), mask)
