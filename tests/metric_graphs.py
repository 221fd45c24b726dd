"""Small graphs for the metric tests: random and hypothesis-drawn graphs, two planted
cliques, the networkx copy of a graph."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import settings
from hypothesis import strategies as st

from models.graph import canonical_edges

FAST = settings(max_examples=60, deadline=None)


def random_graph(rng: np.random.Generator, n: int, m: int) -> np.ndarray:
    return canonical_edges(rng.integers(0, n, m), rng.integers(0, n, m), n)


def to_nx(n: int, edges: np.ndarray, **attrs) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges.tolist())
    for name, values in attrs.items():
        nx.set_node_attributes(g, dict(enumerate(np.asarray(values).tolist())), name)
    return g


@st.composite
def graphs(draw, max_n: int = 30, min_m: int = 0):
    """(n, canonical edges) of a small random graph."""
    n = draw(st.integers(2, max_n))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                          min_size=min_m, max_size=3 * n))
    pairs = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return n, canonical_edges(pairs[:, 0], pairs[:, 1], n)


def two_cliques(k: int = 10) -> np.ndarray:
    a, b = np.triu_indices(k, 1)
    u = np.concatenate([a, a + k, [k - 1]])
    v = np.concatenate([b, b + k, [k]])
    return canonical_edges(u, v, 2 * k)
