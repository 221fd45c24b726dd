"""The tie-edit kernels (models/kernels/edits.py) against their numpy twins, bit for bit.

Each kernel alone on random inputs (empty arrays, rows with no ties, everything dropped,
int32 and int64 index arrays), then whole ``EdgeSet.update`` sequences and random
neighbours with the kernels on and off, compared array by array.
"""

from __future__ import annotations

import numpy as np
import pytest

from models import accel
from models import adjacency as A
from models.graph import sorted_unique
from models.ties import EdgeSet


def _keys(rng, n, m):
    u, v = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = u != v
    return sorted_unique(np.minimum(u, v)[keep] * np.int64(n) + np.maximum(u, v)[keep])


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
@pytest.mark.parametrize("seed", range(12))
def test_splice_equals_delete_then_insert(kernels_on, dtype, seed):
    from models.kernels.edits import splice

    rng = np.random.default_rng(seed)
    size = int(rng.choice([0, 1, 2, 7, 300]))
    a = rng.integers(-50, 10**6, size).astype(dtype)
    kind = seed % 4    # some drops and adds; all dropped; no drops; no adds
    drop = np.flatnonzero(rng.random(size) < (1.0 if kind == 1 else 0.0 if kind == 2 else 0.3))
    left = size - drop.size
    add_at = np.sort(rng.integers(0, left + 1, 0 if kind == 3 else int(rng.integers(0, 40))))
    values = rng.integers(0, 99, add_at.size).astype(dtype)
    got = splice(a, drop.astype(np.int64), add_at.astype(np.int64), values)
    want = A._splice(a, drop, add_at, values)
    assert got.dtype == want.dtype and np.array_equal(got, want)


def _csr(rng, n, m, dtype):
    """A random CSR pattern with sorted rows (some empty) and queries into it."""
    keys = _keys(rng, n, m)
    u, v = np.divmod(keys, n)
    ptr = np.zeros(n + 1, dtype=dtype)
    np.cumsum(np.bincount(u, minlength=n), out=ptr[1:])
    return v.astype(dtype), ptr


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
@pytest.mark.parametrize("seed", range(10))
def test_row_and_key_places_equal_numpys(kernels_on, dtype, seed):
    from models.kernels.edits import key_places, row_places

    rng = np.random.default_rng(seed)
    n = int(rng.choice([2, 3, 50, 400]))
    indices, ptr = _csr(rng, n, int(rng.integers(0, 3 * n)), dtype)
    rows = rng.integers(0, n, 60)
    cols = rng.integers(0, n, 60)
    assert np.array_equal(row_places(indices, ptr, rows, cols),
                          A._row_places(indices, ptr, rows, cols))
    keys = np.repeat(np.arange(n), np.diff(ptr)) * np.int64(n) + indices
    es = EdgeSet(keys, n)
    # Keys there, keys absent, and keys outside the square (first or last place).
    query = sorted_unique(np.concatenate([keys[rng.random(keys.size) < 0.3],
                                          _keys(rng, n, 30), keys[-1:] + 1,
                                          [-n * n, -1, n * n, n * n + n + 1]]))
    hit, at = key_places(indices, ptr, n, query)
    want_hit, want_at = es._places(query)
    assert np.array_equal(hit, want_hit) and np.array_equal(at, want_at)


@pytest.mark.parametrize("seed", range(8))
def test_recount_equals_numpys(kernels_on, seed):
    from models.kernels.edits import recount, splice_places

    rng = np.random.default_rng(seed)
    n = int(rng.choice([2, 5, 200]))
    up, low = rng.integers(5, 9, n), rng.integers(5, 9, n)
    kd, ka = (int(rng.integers(0, 20)) * (seed != k) for k in (2, 3))  # none dropped, added
    du, dv, au, av = (rng.integers(0, n, k) for k in (kd, kd, ka, ka))
    like = np.empty(0, dtype=np.int32 if seed % 2 else np.int64)
    got = recount(up, low, du, dv, au, av, like)
    want_up, want_low = A._recount(up, du, au), A._recount(low, dv, av)
    for g, w in zip(got, (want_up, want_low, np.r_[0, np.cumsum(want_up)],
                          np.r_[0, np.cumsum(want_low)], want_up + want_low)):
        assert np.array_equal(g, w)
    assert got[2].dtype == like.dtype and got[4].dtype == up.dtype
    drops = rng.permutation(int(rng.integers(1, 50)))[: int(rng.integers(0, 20))]
    at = np.sort(rng.integers(0, 50, 15))
    sorted_drops, left = splice_places(drops, at)
    assert np.array_equal(sorted_drops, np.sort(drops))
    assert np.array_equal(left, at - np.searchsorted(np.sort(drops), at))


def _state(es: EdgeSet) -> list[np.ndarray]:
    adj = es.adjacency()
    return [es.keys, adj.upper.indptr, adj.upper.indices, adj.lower.indptr,
            adj.lower.indices, adj.degree, adj.up_deg, adj.upper.data, adj.lower.data]


def _same_arrays(xs, ys):
    assert len(xs) == len(ys)
    for x, y in zip(xs, ys):
        assert x.dtype == y.dtype and np.array_equal(x, y)


@pytest.mark.parametrize("index_dtype", [np.int32, np.int64])
@pytest.mark.parametrize("seed", range(8))
def test_updates_and_neighbours_equal_numpys(kernels_on, monkeypatch, index_dtype, seed):
    monkeypatch.setattr(A, "_index_dtype", lambda n, m: index_dtype)
    rng = np.random.default_rng(seed)
    n = int(rng.choice([2, 3, 40, 300]))
    start = _keys(rng, n, int(rng.integers(0, 4 * n)))
    runs = {}
    for mode in ("0", "1"):
        monkeypatch.setenv(accel.ENV, mode)
        edit_rng = np.random.default_rng(seed + 100)
        es = EdgeSet(start.copy(), n)
        if seed % 3:          # else the first update runs with no adjacency built yet
            es.adjacency()
        seen = []
        for step in range(8):
            if step == 5:      # everything dropped, then a few back
                remove, add = es.keys.copy(), _keys(edit_rng, n, 3)
            else:
                remove = np.concatenate([es.keys[edit_rng.random(es.m) < 0.2],
                                         _keys(edit_rng, n, 4)])
                # Some added keys were there before the step, some are dropped again.
                add = np.concatenate([_keys(edit_rng, n, int(edit_rng.integers(0, n))),
                                      remove[: remove.size // 3]])
            changed = es.update(edit_rng.permutation(remove), edit_rng.permutation(add))
            seen.append(np.array([changed]))
            seen += list(es.last_edit[1:]) + _state(es)   # [0]: a token of the state before
            adj = es.adjacency()
            who = np.flatnonzero(adj.degree > 0)
            who = edit_rng.permutation(np.repeat(who, 3))
            seen.append(adj.random_neighbour(who, edit_rng))
            assert seen[-1].dtype == np.int64
        runs[mode] = seen
    _same_arrays(runs["0"], runs["1"])


def test_an_edited_adjacency_leaves_the_old_one_as_it_was(kernels_on):
    rng = np.random.default_rng(3)
    n = 60
    es = EdgeSet(_keys(rng, n, 200), n)
    before = es.adjacency()
    old_keys, old_state = es.keys, es.state
    kept = [a.copy() for a in _state(es)]
    es.update(es.keys[::3].copy(), _keys(rng, n, 40))
    # The edit equals a rebuild, and the arrays before it are untouched (callers and
    # last_edit may hold them).
    _same_arrays(_state(es)[1:], _state(EdgeSet(es.keys, n))[1:])
    assert es.last_edit[0] is old_state and es.state is not old_state
    _same_arrays(kept, [old_keys, before.upper.indptr, before.upper.indices,
                        before.lower.indptr, before.lower.indices, before.degree,
                        before.up_deg, before.upper.data, before.lower.data])


@pytest.mark.parametrize("seed", range(10))
def test_plus_edges_equal_the_full_bincounts(seed):
    """``Adjacency.plus`` adds the extra edges row by row; the reference is what it
    replaced: ``bincount`` over everyone, added to every row."""
    rng = np.random.default_rng(seed)
    n = int(rng.choice([2, 3, 30, 300]))
    base = A.Adjacency(_keys(rng, n, int(rng.integers(0, 3 * n))), n)
    # Rows with several extra edges (their sums are taken in order); none at seed 0.
    extra = _keys(rng, n, int(rng.integers(n, 4 * n)) * (seed != 0))
    x = rng.standard_normal(n)
    x[rng.random(n) < 0.2] = -0.0
    if seed % 2:
        x[rng.integers(0, n)] = np.nan
    plus = base.plus(extra)
    u, v = np.divmod(extra, n)
    want_degree = base.degree + np.bincount(u, minlength=n) + np.bincount(v, minlength=n)
    want = base @ x
    want += np.bincount(u, weights=x[v], minlength=n)
    want += np.bincount(v, weights=x[u], minlength=n)
    got = plus @ x
    assert plus.degree.dtype == want_degree.dtype
    assert np.array_equal(plus.degree, want_degree)
    assert got.tobytes() == want.tobytes()


@pytest.mark.parametrize("seed", range(8))
def test_contains_equals_the_sorted_search(kernels_on, monkeypatch, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.choice([2, 3, 40, 300]))
    es = EdgeSet(_keys(rng, n, int(rng.integers(0, 4 * n)) * (seed != 1)), n)  # none at 1
    es.adjacency()
    i, c = rng.integers(0, n, 500), rng.integers(0, n, 500)
    # Canonical keys, self-loops, and keys outside the square: all simply absent.
    query = np.concatenate([np.minimum(i, c) * np.int64(n) + np.maximum(i, c), es.keys[::2],
                            [-1, -n * n, n * n, n * n + 5, np.iinfo(np.int64).max]])
    query = rng.permutation(query)
    cases = (query, query[: query.size // 5 * 5].reshape(-1, 5), query[:0])
    with_kernels = [es.contains(q) for q in cases]
    monkeypatch.setenv(accel.ENV, "0")
    with_numpy = [es.contains(q) for q in cases]
    for g, w in zip(with_kernels, with_numpy):
        assert g.shape == w.shape and g.dtype == w.dtype and np.array_equal(g, w)


def test_keys_left_to_the_adjacency_are_read_back_the_same(kernels_on, monkeypatch):
    """With the kernels an update edits only the adjacency; the keys asked for later
    are those the numpy path keeps, and the count of ties needs no keys at all."""
    rng = np.random.default_rng(11)
    n = 300
    start = _keys(rng, n, 1500)
    fast, plain = EdgeSet(start, n), EdgeSet(start.copy(), n)
    fast.adjacency()
    plain.adjacency()
    for _ in range(6):
        remove = np.concatenate([plain.keys[rng.random(plain.m) < 0.1], _keys(rng, n, 5)])
        add = _keys(rng, n, 60)
        monkeypatch.setenv("SCORENET_ACCEL", "1")
        fast.update(remove, add)
        assert fast._keys is None   # left to the adjacency
        monkeypatch.setenv("SCORENET_ACCEL", "0")
        plain.update(remove, add)
        assert fast.m == plain.m
        assert fast.keys.tobytes() == plain.keys.tobytes()
        assert fast.keys is fast.keys   # built once, kept until the next change
