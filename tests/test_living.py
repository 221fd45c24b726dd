"""The living layout: determinism, stability, and where people without friends go."""

from __future__ import annotations

import numpy as np
import pytest

from models.layout import layout
from models.living import LivingLayout, _FarField


def _random_graph(n: int, m: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    ring = np.column_stack([np.arange(n), (np.arange(n) + 1) % n])   # connected
    extra = rng.integers(0, n, size=(m - n, 2))
    edges = np.sort(np.vstack([ring, extra]), axis=1)
    edges = edges[edges[:, 0] != edges[:, 1]]
    return np.unique(edges, axis=0)


@pytest.fixture(scope="module")
def graph():
    edges = _random_graph(200, 800, seed=3)
    return edges, layout(200, edges, seed=0)


def test_same_start_and_ties_give_the_same_bits(graph):
    edges, start = graph
    a = LivingLayout(start, edges, seed=4)
    b = LivingLayout(start, edges, seed=4)
    pa = a.relax(edges, 7)
    pb = b.relax(edges, 3)
    pb = b.relax(edges, 4)   # how the iterations are split does not matter
    np.testing.assert_array_equal(pa, pb)
    assert not np.array_equal(pa, start)


def test_people_who_lose_their_friends_drift_to_the_rim(graph):
    edges, start = graph
    centre = start.mean(axis=0)
    r0 = np.linalg.norm(start - centre, axis=1)
    lonely = np.argsort(r0)[:5]                      # the five most central people
    others = np.setdiff1d(np.arange(200), lonely)
    kept = edges[~np.isin(edges, lonely).any(axis=1)]
    live = LivingLayout(start, edges, seed=0)
    pos = live.relax(kept, 150)
    r = np.linalg.norm(pos - pos.mean(axis=0), axis=1)
    assert (r[lonely] > r0[lonely] + 0.2).all()
    # On the rim: further out than nine in ten of those who kept their friends.
    assert (r[lonely] > np.quantile(r[others], 0.9)).all()


def test_no_drift_no_spin_and_no_jumps(graph):
    edges, start = graph
    live = LivingLayout(start, edges, seed=0)
    before = start.copy()
    for _ in range(40):
        pos = live.relax(edges, 1)
        step = np.linalg.norm(pos - before, axis=1)
        # Never much more than the cap (removing the drift adds a hair to it).
        assert step.max() <= 0.25 * live.k * 1.05
        before = pos
    np.testing.assert_allclose(pos.mean(axis=0), start.mean(axis=0), atol=1e-12)
    # Settled: a static graph hardly moves any more (no oscillation).
    more = live.relax(edges, 1)
    assert np.median(np.linalg.norm(more - pos, axis=1)) < 0.02 * live.k
    # The drawing keeps its size within a few percent.
    rms = [np.sqrt(np.mean(np.sum((p - p.mean(0)) ** 2, axis=1))) for p in (start, pos)]
    assert rms[1] == pytest.approx(rms[0], rel=0.1)


def test_the_mean_rotation_is_removed():
    # Everyone pushed round the centre by a tangential "force": no net turn remains.
    from models.living import _remove_drift

    rng = np.random.default_rng(1)
    rel = rng.normal(size=(50, 2))
    rel -= rel.mean(axis=0)
    move = np.column_stack([-rel[:, 1], rel[:, 0]]) + 0.01 * rng.normal(size=(50, 2))
    _remove_drift(move, rel)
    torque = np.sum(rel[:, 0] * move[:, 1] - rel[:, 1] * move[:, 0])
    assert abs(torque) < 1e-9 and np.abs(move.mean(axis=0)).max() < 1e-12


def test_far_field_matches_the_pairwise_sum():
    # Oracle: the plain O(n^2) sum of k^2 / d over pairs beyond the cutoff.
    rng = np.random.default_rng(2)
    pos = rng.uniform(0.0, 1.0, size=(300, 2))
    k = 0.05
    grid = _FarField(pos.mean(axis=0), 0.7, k, 0.02)
    grid.update(pos)
    got = grid.force(pos)
    delta = pos[:, None, :] - pos[None, :, :]
    d2 = np.sum(delta ** 2, axis=-1)
    far = d2 >= grid.cutoff ** 2
    want = np.sum(np.where(far[..., None], delta * k ** 2 / np.where(far, d2, 1)[..., None],
                           0.0), axis=1)
    err = np.linalg.norm(got - want, axis=1) / np.linalg.norm(want, axis=1).mean()
    assert np.median(err) < 0.05 and err.max() < 0.3


def test_people_on_one_spot_part_and_bad_input_is_refused():
    start = np.zeros((4, 2))
    start[3] = (1.0, 1.0)
    live = LivingLayout(start, np.array([[0, 3]]), seed=0)
    pos = live.relax(np.array([[0, 3]]), 5)
    assert len({tuple(p) for p in pos.round(9)}) == 4 and np.isfinite(pos).all()
    with pytest.raises(ValueError, match="edges"):
        live.relax(np.array([[0, 4]]))
    with pytest.raises(ValueError, match="shape"):
        LivingLayout(np.zeros(3))
    with pytest.raises(ValueError, match="finite"):
        LivingLayout(np.array([[0.0, np.nan], [1.0, 1.0]]))
    assert LivingLayout(np.full((1, 2), 0.5)).relax(np.empty((0, 2)), 3).shape == (1, 2)


def test_tie_raster_paints_the_pixels_a_line_crosses_once():
    from app.network.tie_raster import paint_ties

    buf = np.full((20, 30, 4), 200, np.uint8)
    ends = np.array([[[2.0, 5.0], [12.0, 5.0]],      # horizontal, 11 pixels
                     [[5.0, 2.0], [5.0, 9.0]],       # vertical, crosses the first once
                     [[-8.0, 15.0], [40.0, 15.0]]])  # clipped at both ends
    assert paint_ties(buf, ends, (0, 0, 30, 20), np.zeros(3), 0.5) == 3
    dark = buf[..., 0] < 200
    assert dark[5, 2:13].all() and dark[2:10, 5].all() and dark[15].all()
    assert int(dark.sum()) == 11 + 8 - 1 + 30
    # One blend per pixel, even where two ties cross: the shade stays the tie's.
    assert set(np.unique(buf[dark][:, 0])) == {100}
    # Past the sample budget an even share of the ties is painted.
    many = np.tile(ends[:1], (10, 1, 1))
    assert paint_ties(buf, many, (0, 0, 30, 20), np.zeros(3), 0.5, max_samples=30) == 3


def test_pictures_and_the_app_share_one_set_of_colours():
    pytest.importorskip("PySide6")
    from app.common.theme import STATUS_COLOURS
    from app.picture import style

    # The network's rings are the inspector's status badges.
    assert (style.RESTRICTED_RING, style.PRIVILEGED_RING) == (STATUS_COLOURS[-1],
                                                              STATUS_COLOURS[1])
    assert (style.NORM.vmin, style.NORM.vmax) == (350.0, 950.0)
