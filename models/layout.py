"""Seeded, deterministic 2-D positions for drawing a friendship graph.

:func:`layout` places every person in the unit square so that the app can draw the
network without people jumping around: the same graph and seed give the same
positions, bit for bit. Connected components are laid out by igraph's
Fruchterman-Reingold (its C core; networkx's ``spring_layout`` is 200x slower at
10,000 nodes), each is scaled to an area proportional to its size, and the pieces are
packed in rows, largest first, with isolated people in a tidy grid below them, so that
nothing sits on top of anything else.

Pure numpy / scipy / igraph: no Qt here.
"""

from __future__ import annotations

import random

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

__all__ = ["layout", "FULL_LAYOUT_UP_TO"]

#: Up to this many people the layout runs the full 500 Fruchterman-Reingold iterations
#: (about 1.5 s at 20,000 people on 2 cores); beyond, fewer, so it stays a few seconds.
FULL_LAYOUT_UP_TO = 20_000

#: Total work budget beyond FULL_LAYOUT_UP_TO, in node-iterations.
_LARGE_BUDGET = 1_500_000

#: Blank space around each packed component, as a fraction of its side.
_PAD = 0.08


def layout(n: int, edges: np.ndarray, seed: int = 0) -> np.ndarray:
    """Positions of ``n`` nodes in ``[0, 1]^2``, seeded and deterministic.

    Parameters
    ----------
    n
        Number of nodes.
    edges
        ``(m, 2)`` integer array of undirected edges over ``0..n-1``.
    seed
        Seed of the initial positions and of igraph's random numbers.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` float64 array; x and y lie in ``[0, 1]`` and the aspect ratio of the
        drawing is kept (the shorter side is centred).

    Examples
    --------
    >>> import numpy as np
    >>> pos = layout(4, np.array([[0, 1], [1, 2]]), seed=3)
    >>> pos.shape, bool((pos >= 0).all() and (pos <= 1).all())
    ((4, 2), True)
    >>> bool((layout(4, np.array([[0, 1], [1, 2]]), seed=3) == pos).all())
    True
    """
    n = int(n)
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.full((1, 2), 0.5)
    raw = _force_directed(n, edges, seed)
    return _pack_components(n, edges, raw)


def _force_directed(n: int, edges: np.ndarray, seed: int) -> np.ndarray:
    """Raw Fruchterman-Reingold positions for the whole graph (components overlap)."""
    from .lazy import igraph as ig  # without matplotlib: see models/lazy.py

    rng = np.random.default_rng(seed)
    side = float(np.sqrt(n))
    start = rng.uniform(-side / 2, side / 2, size=(n, 2))
    if edges.shape[0] == 0:
        return start
    graph = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    if n <= FULL_LAYOUT_UP_TO:
        niter, grid = 500, "auto"
    else:
        niter, grid = max(5, min(100, _LARGE_BUDGET // n)), True
    try:
        # igraph draws from a process-wide generator: seed it for this call only.
        ig.set_random_number_generator(random.Random(seed))
        coords = graph.layout_fruchterman_reingold(seed=start.tolist(), niter=niter, grid=grid)
    finally:
        ig.set_random_number_generator(random)
    return np.asarray(coords.coords, dtype=np.float64)


def _pack_components(n: int, edges: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """Scale each component to area ~ its size and pack them in rows; fit to [0, 1]^2."""
    adj = sp.coo_array((np.ones(edges.shape[0]), (edges[:, 0], edges[:, 1])), shape=(n, n))
    ncomp, label = connected_components(adj, directed=False)
    sizes = np.bincount(label, minlength=ncomp)
    # Normalise every component's raw drawing to a unit box, keeping its aspect.
    lo = np.full((ncomp, 2), np.inf)
    hi = np.full((ncomp, 2), -np.inf)
    np.minimum.at(lo, label, raw)
    np.maximum.at(hi, label, raw)
    extent = np.maximum((hi - lo).max(axis=1), 1e-12)
    unit = (raw - lo[label]) / extent[label, None]            # in [0, 1] per component
    span = (hi - lo) / extent[:, None]                         # each box's w, h in [0, 1]
    unit[sizes[label] == 1] = 0.5
    # Components of one or two people go in a grid; bigger ones are shelf-packed.
    small = sizes[label] <= 2
    out = np.empty((n, 2))
    big_ids = np.flatnonzero(sizes > 2)
    big_ids = big_ids[np.argsort(-sizes[big_ids], kind="stable")]
    side = np.sqrt(sizes[big_ids].astype(float))
    total_area = float(np.sum(side ** 2)) + float(np.sum(sizes[sizes <= 2]))
    first_w = float(span[big_ids[0]].max() * side[0]) if side.size else 1.0
    row_width = max(first_w, np.sqrt(total_area) * 1.15) if side.size > 1 else first_w
    row_width = max(row_width, 1.0 + 2 * _PAD)
    x = y = row_h = 0.0
    origin = np.zeros((ncomp, 2))
    scale = np.ones(ncomp)
    row: list[int] = []

    def centre_row() -> None:  # rows are centred under one another
        for c in row:
            origin[c, 0] += (row_width - x) / 2

    for i, (c, s) in enumerate(zip(big_ids.tolist(), side.tolist())):
        w, h = span[c] * s
        if i == 1 or (x > 0 and x + w > row_width):  # the largest has a row of its own
            centre_row()
            x, y, row_h, row = 0.0, y + row_h, 0.0, []
        pad = _PAD * s
        origin[c] = (x + pad, y + pad)
        scale[c] = s
        row.append(c)
        x += w + 2 * pad
        row_h = max(row_h, h + 2 * pad)
    centre_row()
    in_big = ~small
    out[in_big] = origin[label[in_big]] + unit[in_big] * scale[label[in_big], None]
    y += row_h
    if small.any():
        out[small] = _grid_small(label[small], unit[small], row_width, y)
    # Fit the whole drawing into the unit square, keeping its aspect ratio.
    lo_all = out.min(axis=0)
    size = out.max(axis=0) - lo_all
    big = float(size.max()) or 1.0
    out = (out - lo_all) / big
    out += (1.0 - size / big) / 2.0
    out[:, 1] = 1.0 - out[:, 1]  # rows were stacked downwards: largest on top on screen
    return np.clip(out, 0.0, 1.0)


def _grid_small(label: np.ndarray, unit: np.ndarray, row_width: float, top: float) -> np.ndarray:
    """Place components of one or two people in cells of a grid under the big ones."""
    comps, cell_of = np.unique(label, return_inverse=True)
    cols = max(1, int(np.floor(row_width)))
    cell = 1.0 + 2 * _PAD
    cx = (cell_of % cols) * cell + cell / 2
    cy = top + (cell_of // cols) * cell + cell / 2
    # A pair spans its cell's unit box; a single person sits in its centre.
    return np.column_stack([cx, cy]) + (unit - 0.5) * 0.8
