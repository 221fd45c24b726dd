"""A living layout: positions that relax a little at a time as the friendships change.

:class:`LivingLayout` starts from a drawing (usually :func:`models.layout.layout`) and,
each time :meth:`LivingLayout.relax` is called with today's ties, moves everyone a
short way along the Fruchterman-Reingold forces:

- attraction along every tie, ``d**2 / k``, summed with ``numpy.bincount``;
- repulsion between everyone, ``k**2 / d``: exactly for pairs closer than two grid cells
  (``scipy.spatial.cKDTree``), and through a particle-mesh grid (masses deposited
  cloud-in-cell, convolved with the far kernel by FFT every ``FAR_EVERY`` iterations,
  read back bilinearly every iteration) beyond;
- a weak linear pull to the centre, calibrated so that a disk of the starting radius is
  in balance with the repulsion: people with no friends settle on the rim of the
  drawing instead of flying off, and the drawing keeps its size.

Stability: every move is the force divided by the stiffness of that person's springs
(a damped Newton step: hubs, long ties and crowded spots do not overshoot), capped
at a fraction of ``k`` (no jumps), and the mean translation and rotation of the moves are
removed (the centre of mass stays put, the picture does not spin). Everything is numpy
arithmetic in a fixed order plus a seeded generator for separating people that sit on
the same spot: the same start, seed and sequence of tie sets give the same positions, bit
for bit.

Pure numpy / scipy: no Qt here.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

__all__ = ["LivingLayout", "ITERATIONS_PER_STEP", "iterations_per_step"]

#: Force iterations per simulated month, in the app and in ``scorenet render`` alike:
#: someone who loses every friend reaches the rim in about 30 months (100 iterations).
ITERATIONS_PER_STEP = 3
#: From this many people on, one iteration a month: an iteration costs 12-17 ms at
#: 4,000-5,000 people, and three would cap the app at about 20 months a second.
ONE_ITERATION_FROM = 2000


def iterations_per_step(n: int) -> int:
    """Force iterations per month for ``n`` people.

    Examples
    --------
    >>> iterations_per_step(500), iterations_per_step(4039)
    (3, 1)
    """
    return ITERATIONS_PER_STEP if n < ONE_ITERATION_FROM else 1

#: Largest move per iteration, as a fraction of the natural tie length ``k``.
MAX_MOVE = 0.25
#: Share of the Newton step (force / stiffness) taken per iteration.
STEP = 0.5
#: Share of the repulsion balanced by the pull to the centre; someone with no friends
#: settles at about ``radius / sqrt(GRAVITY_SHARE)`` from the centre, just outside the rest.
GRAVITY_SHARE = 0.6
#: The far field (smooth, and slow to change) is recomputed every this many iterations.
FAR_EVERY = 3
#: Grid side (cells) of the far-field repulsion is about this many natural lengths.
_GRID_MIN, _GRID_MAX = 32, 256


class LivingLayout:
    """Positions that follow a changing graph, a few small force-directed moves at a time.

    Parameters
    ----------
    positions
        ``(n, 2)`` starting positions, e.g. from :func:`models.layout.layout` (any
        scale).
    edges
        The ties the starting positions were drawn for: the natural tie length ``k`` is
        chosen so that this drawing is in balance as a whole (it neither grows nor
        shrinks). Without ties, ``k`` is each person's share of the drawing's disk.
    seed
        Seed of the generator that separates people on the same spot.

    Examples
    --------
    >>> import numpy as np
    >>> from models.layout import layout
    >>> ring = np.array([(i, (i + 1) % 12) for i in range(12)])
    >>> live = LivingLayout(layout(13, ring, seed=1), ring, seed=1)
    >>> pos = live.relax(ring, iterations=5)
    >>> pos.shape, bool(np.isfinite(pos).all())
    ((13, 2), True)
    """

    def __init__(self, positions: np.ndarray, edges: np.ndarray | None = None, *,
                 seed: int = 0) -> None:
        pos = np.array(positions, dtype=np.float64, copy=True)
        if pos.ndim != 2 or pos.shape[1] != 2:
            raise ValueError(f"positions must be (n, 2), got shape {pos.shape}")
        if not np.isfinite(pos).all():
            raise ValueError("positions must be finite")
        self._pos = pos
        self._rng = np.random.default_rng(seed)
        n = pos.shape[0]
        self.n = n
        self.centre = pos.mean(axis=0) if n else np.zeros(2)
        rel = pos - self.centre
        ms = float(np.mean(np.sum(rel ** 2, axis=1))) if n else 0.0
        #: Radius of the disk that holds the drawing: sqrt(2) x RMS radius for a uniform disk.
        self.radius = max(np.sqrt(2.0 * ms), 1e-3)
        edges = _check_edges(edges, n)
        pairs = n * (n - 1) / 2.0
        d3 = float(np.sum(np.linalg.norm(pos[edges[:, 1]] - pos[edges[:, 0]], axis=1) ** 3)) \
            if edges.size else 0.0
        if d3 > 0 and pairs > 0:
            # The starting drawing is in balance as a whole (virial: the outward work of
            # the repulsion, k^2 per pair, equals the inward work of the ties, d^3 / k,
            # plus the centre's pull), so it keeps its size instead of shrinking.
            self.k = float((d3 / ((1.0 - GRAVITY_SHARE) * pairs)) ** (1.0 / 3.0))
        else:
            self.k = float(np.sqrt(np.pi * self.radius ** 2 / max(n, 1)))
        #: Pull to the centre: GRAVITY_SHARE of the repulsion's outward work.
        self.gravity = GRAVITY_SHARE * self.k ** 2 * pairs / max(n * ms, 1e-12)
        self.iterations = 0
        # Cells about one person's share of the disk wide: a few people per near search.
        spacing = float(np.sqrt(np.pi * self.radius ** 2 / max(n, 1)))
        self._grid = _FarField(self.centre, self.radius, self.k, spacing)

    @property
    def positions(self) -> np.ndarray:
        """The current positions, ``(n, 2)`` float64 (a copy)."""
        return self._pos.copy()

    def relax(self, edges: np.ndarray, iterations: int = 1) -> np.ndarray:
        """Move everyone ``iterations`` small steps along the forces of ``edges``.

        Parameters
        ----------
        edges
            ``(m, 2)`` integer array of today's undirected ties over ``0..n-1``.
        iterations
            Number of force steps (0 returns the positions unchanged).

        Returns
        -------
        numpy.ndarray
            The new positions (a copy), as :attr:`positions`.
        """
        edges = _check_edges(edges, self.n)
        if iterations < 0:
            raise ValueError(f"iterations must be >= 0, got {iterations}")
        if self.n < 2:
            return self.positions
        for _ in range(int(iterations)):
            self._iterate(edges)
        return self.positions

    def _iterate(self, edges: np.ndarray) -> None:
        pos, k, n = self._pos, self.k, self.n
        force = self.gravity * (self.centre - pos)
        if self.iterations % FAR_EVERY == 0:
            self._grid.update(pos)
        force += self._grid.force(pos)
        # Stiffness of each person's springs (the diagonal of the Hessian, roughly): a
        # move is force / stiffness, a damped Newton step, so hubs, long ties and close
        # neighbours do not make anyone overshoot and oscillate.
        stiff = np.full(n, self.gravity + 1.0)
        near, near_stiff = self._near_repulsion(pos)
        force += near
        stiff += near_stiff
        if edges.size:
            u, v = edges[:, 0], edges[:, 1]
            delta = pos[v] - pos[u]
            d = np.hypot(delta[:, 0], delta[:, 1]) / k
            pull = delta * d[:, None]
            for axis in (0, 1):
                force[:, axis] += np.bincount(u, pull[:, axis], minlength=n)
                force[:, axis] -= np.bincount(v, pull[:, axis], minlength=n)
            ends = np.concatenate([u, v])
            stiff += np.bincount(ends, np.concatenate([d, d]), minlength=n) * 2.0
        move = STEP * force / stiff[:, None]
        length = np.hypot(move[:, 0], move[:, 1])
        cap = MAX_MOVE * k
        too_far = length > cap
        move[too_far] *= (cap / length[too_far])[:, None]
        _remove_drift(move, pos - self.centre)
        pos += move
        self.iterations += 1

    def _near_repulsion(self, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact ``k**2 / d`` repulsion for pairs closer than the far field's cutoff, and
        its stiffness ``k**2 / d**2`` summed per person."""
        cut = self._grid.cutoff
        pairs = cKDTree(pos).query_pairs(cut, output_type="ndarray")
        out = np.zeros_like(pos)
        if pairs.size == 0:
            return out, np.zeros(self.n)
        # cKDTree's traversal order is fixed for the same points: a fixed summation
        # order, hence the same bits; sorting the pairs would cost 40% of this step.
        i, j = pairs[:, 0], pairs[:, 1]
        delta = pos[i] - pos[j]
        d2 = np.einsum("ij,ij->i", delta, delta)
        same = d2 < (1e-9 * self.k) ** 2
        if same.any():   # people on one spot: push them apart in a seeded direction
            angle = self._rng.uniform(0.0, 2.0 * np.pi, int(same.sum()))
            delta[same] = 1e-3 * self.k * np.column_stack([np.cos(angle), np.sin(angle)])
            d2[same] = (1e-3 * self.k) ** 2
        inv = self.k ** 2 / d2
        push = delta * inv[:, None]
        for axis in (0, 1):
            out[:, axis] += np.bincount(i, push[:, axis], minlength=self.n)
            out[:, axis] -= np.bincount(j, push[:, axis], minlength=self.n)
        # Capped so that two people nearly on one spot still part (force / stiffness
        # would shrink to nothing as they meet).
        inv = np.minimum(inv, 4.0)
        stiff = np.bincount(np.concatenate([i, j]), np.concatenate([inv, inv]),
                            minlength=self.n)
        return out, stiff


def _check_edges(edges: np.ndarray | None, n: int) -> np.ndarray:
    edges = np.asarray([] if edges is None else edges, dtype=np.int64).reshape(-1, 2)
    if edges.size and (edges.min() < 0 or edges.max() >= n):
        raise ValueError(f"edges must index 0..{n - 1}")
    return edges


def _remove_drift(move: np.ndarray, rel: np.ndarray) -> None:
    """Take the mean translation and the mean rotation about the centre out of ``move``."""
    move -= move.mean(axis=0)
    r2 = float(np.einsum("ij,ij->", rel, rel))
    if r2 > 0:
        omega = float(np.sum(rel[:, 0] * move[:, 1] - rel[:, 1] * move[:, 0])) / r2
        move[:, 0] += omega * rel[:, 1]
        move[:, 1] -= omega * rel[:, 0]


class _FarField:
    """Repulsion from everyone further than two cells, on a fixed grid around the centre.

    Particle-mesh: masses are spread on the grid cloud-in-cell, the force field is the
    grid convolved (by FFT) with ``k**2 r / |r|**2`` outside the cutoff, and each person
    reads the field bilinearly at their position. Cost O(n + G^2 log G) per iteration.
    """

    def __init__(self, centre: np.ndarray, radius: float, k: float, spacing: float) -> None:
        half = 2.0 * radius   # people pulled to the rim never leave the grid
        size = int(np.clip(2 ** np.ceil(np.log2(max(2 * half / spacing, 1.0))),
                           _GRID_MIN, _GRID_MAX))
        self.size = size
        self.origin = centre - half
        self.cell = 2 * half / size
        self.cutoff = 2.0 * self.cell
        off = np.arange(-size, size) * self.cell   # offsets in a 2G grid: no wrap-around
        dx, dy = np.meshgrid(off, off, indexing="ij")
        d2 = dx ** 2 + dy ** 2
        far = d2 >= self.cutoff ** 2
        scale = np.where(far, k ** 2 / np.where(far, d2, 1.0), 0.0)
        # Kernels rolled so that offset 0 sits at index 0, as the FFT convolution wants.
        kx = np.roll(dx * scale, (-size, -size), axis=(0, 1))
        ky = np.roll(dy * scale, (-size, -size), axis=(0, 1))
        self._kx = np.fft.rfft2(kx)
        self._ky = np.fft.rfft2(ky)

    def update(self, pos: np.ndarray) -> None:
        """Recompute the field from everyone's positions (the FFT part)."""
        G = self.size
        idx, w = self._stencil(pos, 2 * G)
        mass = np.zeros(4 * G * G)
        for ix, wx in zip(idx, w):
            mass += np.bincount(ix, wx, minlength=4 * G * G)
        spec = np.fft.rfft2(mass.reshape(2 * G, 2 * G))
        # Only the first G x G cells hold people; keep the field there, flattened.
        self._field = [np.ascontiguousarray(
            np.fft.irfft2(spec * kern, s=(2 * G, 2 * G))[:G, :G]).ravel()
            for kern in (self._kx, self._ky)]

    def force(self, pos: np.ndarray) -> np.ndarray:
        """The far repulsion at ``pos``, read from the last :meth:`update`."""
        idx, w = self._stencil(pos, self.size)
        out = np.empty_like(pos)
        for axis, field in enumerate(self._field):
            out[:, axis] = sum(field[ix] * wx for ix, wx in zip(idx, w))
        return out

    def _stencil(self, pos: np.ndarray, stride: int):
        """Flat indices (rows of ``stride``) and weights of the 4 cells around each person."""
        G = self.size
        g = np.clip((pos - self.origin) / self.cell - 0.5, 0.0, G - 1.000001)
        i0 = g.astype(np.int64)
        f = g - i0
        base = i0[:, 0] * stride + i0[:, 1]
        idx = (base, base + stride, base + 1, base + stride + 1)
        w = ((1 - f[:, 0]) * (1 - f[:, 1]), f[:, 0] * (1 - f[:, 1]),
             (1 - f[:, 0]) * f[:, 1], f[:, 0] * f[:, 1])
        return idx, w
