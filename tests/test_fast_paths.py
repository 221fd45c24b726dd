"""The faster paths of a step against the slow ones they replaced (issue 9, faster runs).

Each fast path must give the very same bits as the old one: the edited adjacency as a
rebuilt one, the binned weighted draws as ``rng.choice``, sorted-query membership as a
plain search, the components of the two triangles as scipy's public function.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from models.adjacency import Adjacency
from models.dating import weighted_draws
from models.graph import SORT_QUERIES_FROM, SORT_QUERIES_IN, in_sorted, sorted_unique
from models.measures import component_summary
from models.ties import EdgeSet


def _random_keys(rng, n, m):
    u = rng.integers(0, n, m)
    v = rng.integers(0, n, m)
    keep = u != v
    lo, hi = np.minimum(u, v)[keep], np.maximum(u, v)[keep]
    return sorted_unique(lo * np.int64(n) + hi)


def _same(a: Adjacency, b: Adjacency) -> None:
    for side in ("upper", "lower"):
        x, y = getattr(a, side), getattr(b, side)
        assert np.array_equal(x.indptr, y.indptr), side
        assert np.array_equal(x.indices, y.indices), side
        assert np.array_equal(x.data, y.data), side
    assert np.array_equal(a.degree, b.degree)
    assert np.array_equal(a.up_deg, b.up_deg)


@pytest.mark.parametrize("seed", range(6))
def test_edited_adjacency_equals_a_rebuilt_one(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 300))
    edges = EdgeSet(_random_keys(rng, n, int(rng.integers(0, 4 * n))), n)
    edges.adjacency()
    for _ in range(8):
        remove = edges.keys[rng.random(edges.m) < rng.random() * 0.2]
        remove = np.concatenate([remove, _random_keys(rng, n, 5)])   # some absent
        add = _random_keys(rng, n, int(rng.integers(0, n)))
        before = edges.adjacency()
        kept = (before.upper.indices.copy(), before.degree.copy())
        edges.update(rng.permutation(remove), add)
        _same(edges.adjacency(), Adjacency(edges.keys, n))
        # The old adjacency is left as it was (callers may hold it).
        assert np.array_equal(before.upper.indices, kept[0])
        assert np.array_equal(before.degree, kept[1])
        x = rng.random(n)
        u, v = edges.endpoints()
        full = sp.csr_array((np.ones(2 * edges.m), (np.r_[u, v], np.r_[v, u])), shape=(n, n))
        assert np.allclose(edges.adjacency() @ x, full @ x)


def test_edits_down_to_no_ties_and_back():
    n = 5
    edges = EdgeSet(np.array([1, 7, 13], dtype=np.int64), n)
    edges.adjacency()
    edges.update(edges.keys.copy(), np.empty(0, dtype=np.int64))
    _same(edges.adjacency(), Adjacency(edges.keys, n))
    edges.update(np.empty(0, dtype=np.int64), np.array([24, 2], dtype=np.int64))
    _same(edges.adjacency(), Adjacency(edges.keys, n))


@pytest.mark.parametrize("seed", range(5))
def test_component_labels_equal_scipys(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 400))
    keys = _random_keys(rng, n, int(rng.integers(0, n)))
    adj = Adjacency(keys, n)
    want = connected_components(adj.upper, directed=True, connection="weak")[1]
    got = adj.component_labels()
    assert np.array_equal(got, want)
    u, v = np.divmod(keys, n)
    edges = np.column_stack([u, v])
    assert component_summary(n, edges, got) == component_summary(n, edges)


@pytest.mark.parametrize("seed", range(8))
def test_weighted_draws_equal_rng_choice(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 3000))
    w = rng.random(size) ** rng.choice([0.5, 2.0, 8.0])
    w[rng.random(size) < 0.2] = 0.0           # people nobody is shown
    if seed == 0:
        w[:] = 0.0
        w[-1] = 1.0                            # all the weight on the last one
    if w.sum() == 0:
        w[0] = 1.0
    p = w / w.sum()
    shape = (int(rng.integers(1, 200)), int(rng.integers(1, 12)))
    got = weighted_draws(np.random.default_rng(seed + 100), p, shape)
    want = np.random.default_rng(seed + 100).choice(size, size=shape, p=p)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want)


def test_weighted_draws_refuse_what_numpy_refuses():
    with pytest.raises(ValueError):
        weighted_draws(np.random.default_rng(0), np.array([0.5, -0.1, 0.6]), (2, 2))
    with pytest.raises(ValueError):
        weighted_draws(np.random.default_rng(0), np.array([0.5, np.nan]), (2,))


@pytest.mark.parametrize("q", [10, SORT_QUERIES_FROM + 1, 3 * SORT_QUERIES_FROM])
def test_in_sorted_equals_a_plain_search(q):
    rng = np.random.default_rng(q)
    # Enough keys for the sorted-query path (it is taken only into long key arrays).
    keys = sorted_unique(rng.integers(0, 10**6, 2 * SORT_QUERIES_IN))
    values = rng.integers(0, 10**6, q)
    values[::2] = keys[rng.integers(0, keys.size, values[::2].size)]
    plain = np.isin(values, keys)
    assert np.array_equal(in_sorted(values, keys), plain)
    assert np.array_equal(in_sorted(np.sort(values), keys), np.isin(np.sort(values), keys))
    two_d = values[: q - q % 2].reshape(2, -1)
    assert np.array_equal(in_sorted(two_d, keys), np.isin(two_d, keys))


@pytest.mark.parametrize("ties", [False, True])
def test_average_ranks_equal_scipy_with_and_without_ties(ties):
    from scipy.stats import rankdata

    from models.measures import average_ranks

    rng = np.random.default_rng(3)
    x = rng.integers(0, 50, 2000).astype(float) if ties else rng.random(2000)
    got = average_ranks(x)
    assert got.dtype == np.float64
    assert np.array_equal(got, rankdata(x, method="average"))
