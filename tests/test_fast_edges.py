"""The numpy reader of large plain edge lists gives the general reader's graph, bit for
bit, and hands anything else back to it (issue 9: a 5,000,000-tie file)."""

from __future__ import annotations

import numpy as np
import pytest

from models.io import fastedges
from models.io.edgelist import read_edge_list
from models.io.fastedges import read_plain_edges
from models.io.read import read_graph_bytes


def _same(a, b):
    assert a.ids.dtype == b.ids.dtype and np.array_equal(a.ids, b.ids)
    assert np.array_equal(a.edges, b.edges)
    assert a.groups is None and b.groups is None
    assert a.notes == b.notes


def _text(rng, n, m, sep=" ", end="\n"):
    ids = rng.choice(10**rng.integers(2, 15), n, replace=False)
    u, v = ids[rng.integers(0, n, m)], ids[rng.integers(0, n, m)]
    lines = [f"{a}{sep}{b}" for a, b in zip(u, v)]
    for k in rng.integers(0, m, 5):
        lines.insert(int(k), "")                # blank lines
    return (end.join(lines) + end).encode()


@pytest.mark.parametrize("seed", range(6))
def test_same_graph_as_the_general_reader(seed, monkeypatch):
    rng = np.random.default_rng(seed)
    monkeypatch.setattr(fastedges, "_BLOCK", int(rng.integers(20, 400)))  # many blocks
    raw = _text(rng, int(rng.integers(2, 300)), int(rng.integers(1, 2000)),
                sep=["\t", " ", "  "][seed % 3], end=["\n", "\r\n"][seed % 2])
    seen = []
    fast = read_plain_edges(raw, lambda done, total: seen.append((done, total)))
    assert fast is not None
    _same(fast, read_edge_list(raw.decode()))
    assert seen[-1] == (len(raw), len(raw)) and len(seen) > 1


@pytest.mark.parametrize("raw", [
    b"source target\n1 2\n",        # a header
    b"1 2\n3\n",                      # an isolated person
    b"1 2 0.5\n",                     # a weight column
    b"007 2\n",                       # a name with a leading zero
    b"1,2\n",                         # commas
    b"1 2 # a comment\n",
    b"-1 2\n",
    b"1234567890123456 2\n",          # more digits than float64 holds exactly
    b"1 2 3 4 5\n",                   # an adjacency list
    b"\n\n",
])
def test_anything_else_goes_to_the_general_reader(raw):
    assert read_plain_edges(raw) is None


def test_large_files_take_the_fast_path_with_the_same_result(monkeypatch):
    rng = np.random.default_rng(9)
    raw = _text(rng, 5000, 120_000)
    assert len(raw) > fastedges.FAST_FROM
    calls = []
    real = fastedges.read_plain_edges
    monkeypatch.setattr("models.io.read.read_plain_edges",
                        lambda r, p=None: calls.append(1) or real(r, p))
    _same(read_graph_bytes(raw, "big.txt"), read_edge_list(raw.decode()))
    assert calls
    header = b"source target\n" + raw        # falls back, same answer as before
    _same(read_graph_bytes(header, "big.txt"), read_edge_list(header.decode()))
