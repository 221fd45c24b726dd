"""The drawing layout: shape, range, determinism, and sensible placement of pieces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from models.layout import layout

ROOT = Path(__file__).resolve().parent.parent


def _ring(n: int, offset: int = 0) -> list[tuple[int, int]]:
    return [(offset + i, offset + (i + 1) % n) for i in range(n)]


def test_shape_range_and_determinism():
    edges = np.array(_ring(40) + [(0, 20), (5, 30)])
    a = layout(40, edges, seed=7)
    b = layout(40, edges, seed=7)
    assert a.shape == (40, 2) and a.dtype == np.float64
    assert np.isfinite(a).all()
    assert a.min() >= 0.0 and a.max() <= 1.0
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, layout(40, edges, seed=8))


def test_fills_the_unit_square_on_its_long_side():
    pos = layout(30, np.array(_ring(30)), seed=0)
    extent = pos.max(axis=0) - pos.min(axis=0)
    assert extent.max() == pytest.approx(1.0)


def test_seed_does_not_leak_into_igraph_global_rng():
    import random

    import igraph

    layout(20, np.array(_ring(20)), seed=1)
    # igraph's generator is the random module again after the call.
    igraph.set_random_number_generator(random)
    random.seed(5)
    first = igraph.Graph.Erdos_Renyi(30, 0.2).get_edgelist()
    layout(20, np.array(_ring(20)), seed=2)
    random.seed(5)
    assert igraph.Graph.Erdos_Renyi(30, 0.2).get_edgelist() == first


def test_components_and_isolates_do_not_overlap():
    # Two rings, a pair and five isolated people.
    edges = np.array(_ring(20) + _ring(10, offset=20) + [(30, 31)])
    n = 37
    pos = layout(n, edges, seed=3)
    d = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=-1)
    np.fill_diagonal(d, np.inf)
    assert d.min() > 1e-3  # nobody on top of anybody
    ring_a, ring_b, isolated = pos[:20], pos[20:30], pos[32:]

    def box(p):
        return p.min(axis=0), p.max(axis=0)

    (alo, ahi), (blo, bhi) = box(ring_a), box(ring_b)
    overlap = np.all(np.minimum(ahi, bhi) > np.maximum(alo, blo))
    assert not overlap
    for p in isolated:
        assert not (np.all(p >= alo) and np.all(p <= ahi))


def test_degenerate_sizes():
    assert layout(0, np.empty((0, 2), dtype=np.int64)).shape == (0, 2)
    np.testing.assert_array_equal(layout(1, np.empty((0, 2))), [[0.5, 0.5]])
    pos = layout(6, np.empty((0, 2), dtype=np.int64), seed=0)
    assert pos.shape == (6, 2) and len({tuple(p) for p in pos.round(6)}) == 6


def _spy_on_fr(monkeypatch) -> list[dict]:
    """Record the arguments of every igraph Fruchterman-Reingold call."""
    import igraph

    calls: list[dict] = []
    original = igraph.Graph.layout_fruchterman_reingold

    def spy(self, *args, **kwargs):
        calls.append({"n": self.vcount(), **kwargs})
        return original(self, *args, **kwargs)

    monkeypatch.setattr(igraph.Graph, "layout_fruchterman_reingold", spy)
    return calls


def test_large_graph_takes_the_fast_path(monkeypatch):
    from models.layout import FULL_LAYOUT_UP_TO

    calls = _spy_on_fr(monkeypatch)
    rng = np.random.default_rng(0)
    n = FULL_LAYOUT_UP_TO + 10_000
    edges = np.column_stack([np.arange(1, n), rng.integers(0, np.arange(1, n))])
    pos = layout(n, edges, seed=0)  # full FR would take minutes: this must not
    assert pos.shape == (n, 2) and np.isfinite(pos).all()
    # The fast path ran: fewer iterations, igraph's grid on.
    assert len(calls) == 1 and calls[0]["n"] == n
    assert calls[0]["niter"] < 500 and calls[0]["grid"] is True
    np.testing.assert_array_equal(pos, layout(n, edges, seed=0))


def test_small_graph_takes_the_full_path(monkeypatch):
    calls = _spy_on_fr(monkeypatch)
    layout(40, np.array(_ring(40)), seed=0)
    assert len(calls) == 1 and calls[0]["niter"] == 500 and calls[0]["grid"] == "auto"


def test_no_qt_import():
    code = ("import sys, numpy as np, models.layout as L; L.layout(3, np.array([[0, 1]]));"
            "sys.exit(any(m.split('.')[0] in ('PySide6', 'app') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
