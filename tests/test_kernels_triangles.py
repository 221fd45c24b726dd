"""The one-pass triangle sums give scipy's two triangle mat-vecs bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from models.ties import EdgeSet


def _edge_set(rng, n: int, m: int) -> EdgeSet:
    u = rng.integers(0, n, m)
    v = rng.integers(0, n, m)
    keep = u != v
    lo, hi = np.minimum(u, v)[keep], np.maximum(u, v)[keep]
    keys = np.unique(lo * np.int64(n) + hi)
    return EdgeSet(keys, n)


def _hubby(rng, n: int) -> EdgeSet:
    """A few hubs of low index tied to most people, as Barabasi-Albert graphs have."""
    hubs = rng.integers(0, 5, 6 * n)
    others = rng.integers(5, n, 6 * n)
    keys = np.unique(hubs * np.int64(n) + others)
    return EdgeSet(keys, n)


@pytest.mark.parametrize("n, m", [(2, 0), (2, 1), (3, 3), (60, 0), (60, 400), (5000, 30000)])
def test_triangle_sums_are_scipys_two_mat_vecs(kernels_on, n, m):
    from models.kernels.triangles import triangle_sums

    rng = np.random.default_rng(n + m)
    for es in (_edge_set(rng, n, m), _hubby(rng, n) if n > 5 else _edge_set(rng, n, m)):
        if es.m == 0 and m:
            continue
        adj = es.adjacency()
        # Values of mixed signs and sizes (sums that round), exact zeros of both signs.
        s = rng.standard_normal(n) * 10.0 ** rng.integers(-8, 8, n)
        s[rng.random(n) < 0.1] = -0.0
        s[rng.random(n) < 0.1] = 0.0
        up, lo = triangle_sums(adj.lower.indptr, adj.lower.indices, s)
        assert up.tobytes() == (adj.upper @ s).tobytes()
        assert lo.tobytes() == (adj.lower @ s).tobytes()


def test_triangle_sums_after_edits_and_with_int64_indices(kernels_on):
    from models.kernels.triangles import triangle_sums

    rng = np.random.default_rng(7)
    n = 400
    es = _edge_set(rng, n, 3000)
    es.adjacency()
    for _ in range(5):   # edits keep both triangles' rows sorted
        drop = es.keys[rng.random(es.m) < 0.05]
        es.update(drop, _edge_set(rng, n, 100).keys)
    adj = es.adjacency()
    s = rng.random(n)
    ptr, idx = adj.lower.indptr, adj.lower.indices
    for p, i in ((ptr, idx), (ptr.astype(np.int64), idx.astype(np.int64))):
        up, lo = triangle_sums(p, i, s)
        assert up.tobytes() == (adj.upper @ s).tobytes()
        assert lo.tobytes() == (adj.lower @ s).tobytes()
