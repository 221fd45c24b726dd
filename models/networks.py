"""Building the scenario's friendship network as :class:`~models.graph.GraphData`.

``network.kind`` picks the generator: ``watts_strogatz``, ``barabasi_albert``, ``sbm``
(groups with homophily), ``karate`` (Zachary's club) or ``file`` (:func:`read_graph`).
The generators are vectorised numpy (a million nodes in a second or two), draw every
random number from the ``numpy.random.Generator`` they are given, and touch no global
random state: the same scenario and generator state give the same edges, bit for bit,
whatever the versions of networkx or igraph.

Generated graphs have ids ``0..n-1``; only ``sbm`` (labels ``"g0"``, ``"g1"``...) and
``karate`` (``"Mr. Hi"``, ``"Officer"``) give groups; elsewhere ``groups`` is None.
"""

from __future__ import annotations

import math

import numpy as np

from .graph import GraphData, in_sorted, keys_to_edges, sorted_unique

__all__ = ["build_network", "watts_strogatz", "barabasi_albert", "sbm", "karate"]


def _repeats(keys: np.ndarray) -> np.ndarray:
    """Mask of the entries equal to an earlier entry (the first of each value is kept)."""
    srt = np.sort(keys)
    twice = srt[1:][srt[1:] == srt[:-1]]
    out = np.zeros(keys.size, dtype=bool)
    if twice.size:  # rare: sort only the entries involved
        idx = np.flatnonzero(in_sorted(keys, sorted_unique(twice)))
        sub = keys[idx]
        order = np.argsort(sub, kind="stable")
        out[idx[order[1:]][sub[order[1:]] == sub[order[:-1]]]] = True
    return out


def _graph(n: int, keys: np.ndarray, groups: np.ndarray | None = None) -> GraphData:
    return GraphData(np.arange(n, dtype=np.int64), keys_to_edges(sorted_unique(keys), n), groups)


def _half_even(x: float) -> int:
    """``x / 2`` rounded to the nearest integer, ties up (5 -> 3, 8 -> 4)."""
    return int(math.floor(x / 2 + 0.5))


def watts_strogatz(n: int, k: int, p: float, rng: np.random.Generator,
                   max_rounds: int = 100) -> GraphData:
    """Watts-Strogatz small world: a ring lattice with each edge rewired with probability p.

    Each node links to its ``k // 2`` nearest neighbours on each side (``k // 2`` is kept
    within ``1 .. (n - 1) // 2``, so the lattice has no duplicate edges). An edge
    ``(u, u + j)`` chosen for rewiring keeps ``u`` and gets a new end drawn uniformly
    among the nodes that are neither ``u`` nor already tied to ``u``, as in networkx;
    the draws are done in vectorised rounds. An edge that finds no free end within
    ``max_rounds`` rounds (only in near-complete graphs) stays where it was, so the
    graph always has exactly ``n * (k // 2)`` edges.

    Examples
    --------
    >>> g = watts_strogatz(1000, 8, 0.1, np.random.default_rng(1))
    >>> g.n, g.m
    (1000, 4000)
    """
    if n < 3:
        return _graph(n, np.array([1] if n == 2 else [], dtype=np.int64))
    half = max(1, min(int(k) // 2, (n - 1) // 2))
    u = np.tile(np.arange(n, dtype=np.int64), half)
    v = (u + np.repeat(np.arange(1, half + 1, dtype=np.int64), n)) % n
    keys = np.minimum(u, v) * n + np.maximum(u, v)
    rewire = rng.random(keys.size) < p
    kept = [keys[~rewire]]
    pu, orig = u[rewire], keys[rewire]
    for _ in range(max_rounds):
        if pu.size == 0:
            break
        w = rng.integers(0, n - 1, size=pu.size)
        w += w >= pu  # uniform over the nodes other than u
        cand = np.minimum(pu, w) * n + np.maximum(pu, w)
        taken = np.sort(np.concatenate(kept + [orig]))
        ok = ~in_sorted(cand, taken) & ~_repeats(cand)  # among equal ones the first wins
        kept.append(cand[ok])
        pu, orig = pu[~ok], orig[~ok]
    kept.append(orig)  # edges that found no free end stay put
    return _graph(n, np.concatenate(kept))


def barabasi_albert(n: int, m: int, rng: np.random.Generator) -> GraphData:
    """Barabasi-Albert preferential attachment, vectorised.

    Starts from a clique on nodes ``0..m``; every later node ``v`` brings ``m`` edges
    whose other ends are drawn independently with probability proportional to degree
    among nodes ``0..v-1``: a uniform pick among the endpoint slots of all earlier edges
    (Batagelj and Brandes 2005), resolved for all edges at once by pointer jumping. A
    pick that repeats one of the same node's earlier picks is redrawn, so every new node
    has exactly ``m`` distinct neighbours, the graph ``m (m + 1) / 2 + (n - m - 1) m``
    edges, and the degree distribution follows ``2 m (m + 1) / (k (k + 1) (k + 2))``.

    Examples
    --------
    >>> g = barabasi_albert(1000, 3, np.random.default_rng(1))
    >>> g.n, round(2 * g.m / g.n)
    (1000, 6)
    """
    m = max(1, min(int(m), n - 1))
    s = m + 1
    iu, iv = np.triu_indices(s, 1)
    n_seed = iu.size
    new_src = np.repeat(np.arange(s, n, dtype=np.int64), m)
    first = n_seed + (new_src - s) * m  # index of the first edge of each new node
    src = np.concatenate([iu.astype(np.int64), new_src])
    tgt = np.concatenate([iv.astype(np.int64), np.zeros(new_src.size, dtype=np.int64)])
    # slot 2e holds src[e], slot 2e + 1 holds tgt[e]; new edge e picks a slot before 2*first
    pick = np.minimum((rng.random(new_src.size) * (2 * first)).astype(np.int64), 2 * first - 1)
    ptr = pick.copy()
    todo = np.arange(new_src.size)
    while todo.size:
        slot = ptr[todo]
        edge = slot >> 1
        is_tgt = (slot & 1).astype(bool)
        done = ~is_tgt | (edge < n_seed)
        d_todo, d_edge = todo[done], edge[done]
        tgt[n_seed + d_todo] = np.where(is_tgt[done], tgt[d_edge], src[d_edge])
        todo, edge = todo[~done], edge[~done]
        ptr[todo] = pick[edge - n_seed]  # an unresolved target: follow its own pick
    if m > 1 and new_src.size:
        _redraw_repeats(tgt[n_seed:].reshape(-1, m), src, tgt, first[::m], rng)
    lo, hi = np.minimum(src, tgt), np.maximum(src, tgt)
    return _graph(n, lo * n + hi)


def _redraw_repeats(rows: np.ndarray, src: np.ndarray, tgt: np.ndarray, first: np.ndarray,
                    rng: np.random.Generator) -> None:
    """Redraw, in place, a new node's picks that repeat one of its earlier picks.

    ``rows`` is a view of the new edges' targets, one row of ``m`` per new node; every
    slot is resolved by now, so a redraw reads its slot directly. (Later edges that had
    copied a redrawn target keep the value they copied.)
    """
    m = rows.shape[1]
    check = np.arange(rows.shape[0])
    while check.size:
        sub = rows[check]
        srt = np.sort(sub, axis=1)
        check = check[(srt[:, 1:] == srt[:, :-1]).any(axis=1)]
        if not check.size:
            break
        sub = rows[check]
        again = np.zeros(sub.shape, dtype=bool)
        for j in range(1, m):
            again[:, j] = (sub[:, :j] == sub[:, j:j + 1]).any(axis=1)
        r, c = np.nonzero(again)
        lim = 2 * first[check[r]]
        slot = np.minimum((rng.random(r.size) * lim).astype(np.int64), lim - 1)
        rows[check[r], c] = np.where(slot & 1, tgt[slot >> 1], src[slot >> 1])


def sbm(n: int, groups: int, mean_degree: float, homophily: float,
        rng: np.random.Generator, minority_share: float = 0.0) -> GraphData:
    """Stochastic block model with a share ``homophily`` of ties inside blocks.

    Nodes are split into ``min(groups, n)`` contiguous blocks as equal as possible
    (labelled ``"g0"``, ``"g1"``...); with ``minority_share > 0`` the last block has
    ``round(minority_share * n)`` nodes (at least one) and the others share the rest
    equally. The between-block probability keeps the equal-blocks formula below, so a
    minority member has more ties outside (as in Karimi et al. 2018's networks).

    A node of block ``a`` (size ``s``) is tied to each other member with probability
    ``homophily * mean_degree / (s - 1)`` and to each outsider with probability ``(1 - homophily) * mean_degree / (n - n / groups)``
    (probabilities capped at 1, which lowers the degree of very dense requests), so
    ``homophily = 1 / groups`` means no preference. With one group every pair has
    probability ``mean_degree / (n - 1)``. Exact sampling: a binomial edge count per
    block pair, then that many distinct pairs drawn uniformly.

    Examples
    --------
    >>> g = sbm(1000, 2, 10.0, 0.9, np.random.default_rng(1))
    >>> same = g.groups[g.edges[:, 0]] == g.groups[g.edges[:, 1]]
    >>> round(float(same.mean()), 1), sorted(set(g.groups))
    (0.9, ['g0', 'g1'])
    """
    G = max(1, min(int(groups), n))
    if minority_share > 0 and G > 1:
        last = int(min(max(1, round(minority_share * n)), n - (G - 1)))
        rest = n - last
        sizes = np.full(G, rest // (G - 1), dtype=np.int64)
        sizes[: rest % (G - 1)] += 1
        sizes[-1] = last
    else:
        sizes = np.full(G, n // G, dtype=np.int64)
        sizes[: n % G] += 1
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    a, b = np.triu_indices(G)
    a, b = a.astype(np.int64), b.astype(np.int64)
    same = a == b
    pairs = np.where(same, sizes[a] * (sizes[a] - 1) // 2, sizes[a] * sizes[b])
    h = 1.0 if G == 1 else homophily
    with np.errstate(divide="ignore", invalid="ignore"):
        p_in = np.where(sizes[a] > 1, h * mean_degree / (sizes[a] - 1), 0.0)
    p_out = (1.0 - h) * mean_degree / (n - n / G) if G > 1 else 0.0
    prob = np.clip(np.where(same, p_in, p_out), 0.0, 1.0)
    counts = rng.binomial(pairs, prob)

    def draw(which: np.ndarray) -> np.ndarray:
        sa, sb = sizes[a[which]], sizes[b[which]]
        w = same[which]
        x = np.minimum((rng.random(which.size) * sa).astype(np.int64), sa - 1)
        y_hi = np.where(w, sa - 1, sb)
        y = np.minimum((rng.random(which.size) * y_hi).astype(np.int64), y_hi - 1)
        y = np.where(w, y + (y >= x), y)  # distinct members inside a block
        x, y = starts[a[which]] + x, starts[b[which]] + y
        return np.minimum(x, y) * n + np.maximum(x, y)

    which = np.repeat(np.arange(a.size), counts)
    keys = draw(which)
    while True:  # keep the first draw of every pair; top up blocks that lost duplicates
        dup = _repeats(keys)
        keys, which = keys[~dup], which[~dup]
        short = counts - np.bincount(which, minlength=a.size)
        if not short.any():
            break
        extra = np.repeat(np.arange(a.size), short)
        keys, which = np.concatenate([keys, draw(extra)]), np.concatenate([which, extra])
    names = np.array([f"g{k}" for k in range(G)], dtype=object)
    return _graph(n, keys, names[np.repeat(np.arange(G), sizes)])


def karate() -> GraphData:
    """Zachary's karate club: 34 members, 78 ties, groups ``"Mr. Hi"`` / ``"Officer"``.

    Examples
    --------
    >>> g = karate()
    >>> g.n, g.m, g.groups[0], g.groups[33]
    (34, 78, 'Mr. Hi', 'Officer')
    """
    import networkx as nx

    k = nx.karate_club_graph()
    nodes = sorted(k.nodes())
    edges = np.array([(min(e), max(e)) for e in k.edges()], dtype=np.int64)
    keys = edges[:, 0] * len(nodes) + edges[:, 1]
    groups = np.empty(len(nodes), dtype=object)
    groups[:] = [k.nodes[i]["club"] for i in nodes]
    return _graph(len(nodes), keys, groups)


def build_network(scenario, rng: np.random.Generator) -> GraphData:
    """The scenario's friendship network.

    Parameters
    ----------
    scenario
        A :class:`~models.scenario.Scenario`; reads ``network.kind``, ``population.size``,
        ``population.groups``, ``network.mean_degree``, ``network.rewire_p``,
        ``network.homophily`` and, for ``file``, :meth:`Scenario.graph_path`.
    rng
        The only source of randomness (unused by ``karate`` and ``file``).

    Notes
    -----
    ``watts_strogatz`` uses ``k`` = the nearest even integer to the mean degree (ties up,
    at least 2, at most ``n - 1``); ``barabasi_albert`` uses ``m = max(1, round(mean / 2))``
    (ties up). ``karate`` and ``file`` ignore ``population.size``; ``sbm`` reads
    ``population.minority_share``.

    Raises
    ------
    ScenarioError
        For a ``file`` network that cannot be read or has no nodes.

    Examples
    --------
    >>> from models.scenario import Scenario
    >>> s = Scenario({"network.kind": "barabasi_albert", "population.size": 500})
    >>> build_network(s, np.random.default_rng(7)).n
    500
    """
    kind = scenario["network.kind"]
    n = int(scenario["population.size"])
    mean = float(scenario["network.mean_degree"])
    if kind == "watts_strogatz":
        return watts_strogatz(n, 2 * _half_even(mean), scenario["network.rewire_p"], rng)
    if kind == "barabasi_albert":
        return barabasi_albert(n, max(1, _half_even(mean)), rng)
    if kind == "sbm":
        return sbm(n, scenario["population.groups"], mean, scenario["network.homophily"], rng,
                   scenario["population.minority_share"])
    if kind == "karate":
        return karate()
    if kind == "file":
        from .io.read import read_graph, require_people   # readers only when a file is read

        path = scenario.graph_path()
        return require_people(read_graph(path), path)
    raise ValueError(f"unknown network kind {kind!r}")  # the schema rules this out
