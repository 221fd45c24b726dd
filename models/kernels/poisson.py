"""numpy's Poisson draws for a small mean, bit for bit, from one block of uniforms.

``Generator.poisson(lam, n)`` with ``0 < lam < 10`` draws each value by numpy's
multiplication method (``random_poisson_mult`` in numpy's distributions.c): multiply
uniforms ``next_double()`` until the product is no longer above ``exp(-lam)``; the
value is the number of factors less one. Called once per person, that C loop computes
``exp(-lam)`` for every draw, and is about twice as slow as drawing the same uniforms
in one block. :func:`poisson_small` draws a block from the same generator, counts the
values from it in :func:`count_products`, then puts the generator back where numpy's
own draws would have left it (the state before, advanced by the uniforms used: PCG64
spends one 64-bit output per uniform). The same values and the same state after, so
every later draw is the same too; ``poisson_small`` checks this against numpy once per
process and mean and falls back to ``rng.poisson`` if the two ever differ (another
numpy's algorithm), or for a mean it does not cover.
"""

from __future__ import annotations

import math

import numpy as np

from ._jit import kernel

__all__ = ["count_products", "poisson_small"]

_checked: dict[float, bool] = {}


@kernel
def count_products(u, n, enlam):
    """The ``n`` values of numpy's multiplication method from the uniforms ``u`` and
    how many of them were used; ``(values, -1)`` when ``u`` ran out first."""
    out = np.empty(n, np.int64)
    k = 0
    for i in range(n):
        x = 0
        prod = 1.0
        while True:
            if k >= u.shape[0]:
                return out, -1
            prod *= u[k]
            k += 1
            if prod > enlam:
                x += 1
            else:
                break
        out[i] = x
    return out, k


def _block_size(n: int, lam: float) -> int:
    """Uniforms to draw for ``n`` values: the mean use, ``n (1 + lam)``, plus ten
    standard deviations (more is drawn, and the block drawn again, if ever short)."""
    return int(n * (1.0 + lam) + 10.0 * math.sqrt(n * (1.0 + lam) * (1.0 + lam)) + 64)


#: People drawn for at a time: the block of uniforms stays under about 100 MB whatever
#: the size and the mean (one block for everyone at 5,000,000 people and a mean of 9.99
#: would be 440 MB).
CHUNK = 1 << 20


def _from_block(rng: np.random.Generator, lam: float, n: int) -> np.ndarray:
    values = np.empty(n, dtype=np.int64)
    enlam = math.exp(-lam)
    for start in range(0, n, CHUNK):
        size = min(CHUNK, n - start)
        values[start:start + size] = _chunk(rng, enlam, lam, size)
    return values


def _chunk(rng: np.random.Generator, enlam: float, lam: float, size: int) -> np.ndarray:
    bits = rng.bit_generator
    before = bits.state
    need = _block_size(size, lam)
    while True:
        values, used = count_products(rng.random(need), size, enlam)
        bits.state = before
        if used >= 0:
            bits.advance(used)
            # advance() forgets the half of a 64-bit output kept for the next 32-bit
            # draw; numpy's own Poisson draws leave it as it was.
            after = bits.state
            after["has_uint32"], after["uinteger"] = before["has_uint32"], before["uinteger"]
            bits.state = after
            return values
        need *= 2


def poisson_small(rng: np.random.Generator, lam: float, n: int) -> np.ndarray:
    """``rng.poisson(lam, n)``: the same values and the same generator state after."""
    lam = float(lam)
    if not (0.0 < lam < 10.0) or n <= 0 or type(rng.bit_generator) is not np.random.PCG64:
        return rng.poisson(lam, n)
    if lam not in _checked:
        probe = np.random.Generator(np.random.PCG64(12345))
        twin = np.random.Generator(np.random.PCG64(12345))
        _checked[lam] = bool(np.array_equal(_from_block(probe, lam, 4096),
                                            twin.poisson(lam, 4096))
                             and probe.random() == twin.random())
    if not _checked[lam]:
        return rng.poisson(lam, n)
    return _from_block(rng, lam, n)
