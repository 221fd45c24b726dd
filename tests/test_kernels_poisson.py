"""Poisson draws from one block of uniforms: numpy's values and numpy's state after."""

from __future__ import annotations

import numpy as np
import pytest


def _both(seed: int, lam: float, n: int, bits=np.random.PCG64):
    from models.kernels.poisson import poisson_small

    ours, theirs = np.random.Generator(bits(seed)), np.random.Generator(bits(seed))
    return poisson_small(ours, lam, n), theirs.poisson(lam, n), ours, theirs


@pytest.mark.parametrize("lam", [1e-12, 0.02, 0.5, 3.0, 9.999, 0.0, 10.0, 40.0])
@pytest.mark.parametrize("n", [0, 1, 7, 50_000])
def test_the_values_and_the_generator_after_are_numpys(kernels_on, lam, n):
    for seed in (0, 7):
        got, want, ours, theirs = _both(seed, lam, n)
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes()
        # Every later draw is the same: the generator was left where numpy leaves it.
        assert ours.random(5).tobytes() == theirs.random(5).tobytes()
        assert ours.bit_generator.state == theirs.bit_generator.state
    from models.kernels import poisson

    # The block was used, not numpy's own draws after a failed check.
    assert poisson._checked.get(lam, True) is True
    if 0 < lam < 10 and n > 0:
        assert poisson._checked[lam] is True


def test_another_bit_generator_gets_numpys_own_draws(kernels_on):
    got, want, ours, theirs = _both(3, 0.02, 1000, np.random.MT19937)
    assert got.tobytes() == want.tobytes() and ours.random() == theirs.random()


def test_a_block_that_runs_short_is_drawn_again_larger(kernels_on, monkeypatch):
    from models.kernels import poisson

    monkeypatch.setattr(poisson, "_block_size", lambda n, lam: 1)
    got, want, ours, theirs = _both(5, 0.7, 3000)
    assert got.tobytes() == want.tobytes() and ours.random() == theirs.random()
    values, used = poisson.count_products(np.array([0.5, 0.5]), 3, np.exp(-0.7))
    assert used == -1


def test_a_numpy_whose_draws_differ_is_used_as_it_is(kernels_on, monkeypatch):
    from models.kernels import poisson

    def off_by_one(u, n, enlam):
        values, used = real(u, n, enlam)
        return values + 1, used

    real = poisson.count_products
    monkeypatch.setattr(poisson, "count_products", off_by_one)
    monkeypatch.setattr(poisson, "_checked", {})
    got, want, ours, theirs = _both(11, 0.3, 2000)
    assert poisson._checked == {0.3: False}
    assert got.tobytes() == want.tobytes() and ours.random() == theirs.random()


def test_a_kept_half_output_for_32_bit_draws_survives(kernels_on):
    """After an odd number of 32-bit draws the generator holds half an output; numpy's
    Poisson draws leave it, and so must these (advance() alone would forget it)."""
    from models.kernels.poisson import poisson_small

    ours, theirs = np.random.default_rng(7), np.random.default_rng(7)
    ours.integers(0, 10, 1)
    theirs.integers(0, 10, 1)
    assert poisson_small(ours, 0.5, 1000).tobytes() == theirs.poisson(0.5, 1000).tobytes()
    assert ours.bit_generator.state == theirs.bit_generator.state
    assert ours.integers(0, 10, 5).tolist() == theirs.integers(0, 10, 5).tolist()


def test_people_are_drawn_for_in_chunks_with_the_same_values(kernels_on, monkeypatch):
    from models.kernels import poisson

    monkeypatch.setattr(poisson, "CHUNK", 1000)
    got, want, ours, theirs = _both(9, 2.5, 4321)
    assert got.tobytes() == want.tobytes()
    assert ours.bit_generator.state == theirs.bit_generator.state
