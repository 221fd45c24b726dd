"""Speed of each metric in ``models/measures/``, by hand: ``python benchmarks/bench_metrics.py``.

Graphs: ego-Facebook (4,039 people) and Barabasi-Albert graphs of mean degree 10 made
with ``igraph.Graph.Barabasi`` (100,000 and 1,000,000 people), with random scores in
350..950, a few groups, 10% opted out and smoothed dating counts. Prints the best of
``--repeat`` runs in ms per metric and the total without Louvain.

Louvain is timed only up to ``--louvain-max`` people (default 100,000): on a graph
without community structure such as Barabasi-Albert, igraph's Louvain grows roughly
quadratically (the aggregated graph of its first level is dense), so at 1,000,000 it
does not finish in useful time.

Options: ``--sizes 4039,100000``, ``--repeat R``, ``--louvain-max N``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import measures as M  # noqa: E402
from models.graph import canonical_edges  # noqa: E402

FACEBOOK = ROOT / "assets" / "networks" / "facebook_combined.txt"


def make_graph(size: int) -> tuple[int, np.ndarray]:
    if size == 4039:
        pairs = np.loadtxt(FACEBOOK, dtype=np.int64, comments="#").reshape(-1, 2)
        n = int(pairs.max()) + 1
    else:
        import igraph

        n = size
        pairs = np.array(igraph.Graph.Barabasi(n, 5).get_edgelist(), dtype=np.int64)
    return n, canonical_edges(pairs[:, 0], pairs[:, 1], n)


def best_ms(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def bench(size: int, repeat: int, louvain_max: int) -> None:
    t0 = time.perf_counter()
    n, edges = make_graph(size)
    rng = np.random.default_rng(0)
    scores = rng.uniform(350.0, 950.0, n)
    before = np.clip(scores + rng.normal(0.0, 30.0, n), 350.0, 950.0)
    groups = rng.integers(0, 3, n)
    opted = rng.random(n) < 0.1
    uses = rng.random(n) * 3.0
    matches = uses * rng.random(n) * 0.3
    dating = edges[rng.random(edges.shape[0]) < 0.01]
    labels = rng.integers(0, max(1, n // 500), n)  # stand-in partition for timing
    deg = M.degrees(n, edges)
    missed = rng.random(n) < 0.02
    likes = rng.integers(0, n, size=(max(1, n // 10), 2))
    print(f"\nn = {n:,}, m = {edges.shape[0]:,} (built in {time.perf_counter() - t0:.1f} s)")

    cases = {
        "gini": lambda: M.gini(scores - 350.0),
        "summary_stats": lambda: M.summary_stats(scores),
        "edge_correlation": lambda: M.edge_correlation(scores, edges),
        "edge_correlation (dating)": lambda: M.edge_correlation(scores, dating),
        "modularity": lambda: M.modularity(n, edges, labels),
        "between_share": lambda: M.between_share(scores, labels),
        "degrees": lambda: M.degrees(n, edges),
        "isolated_share": lambda: M.isolated_share(n, edges),
        "giant_share": lambda: M.giant_share(n, edges),
        "component_summary": lambda: M.component_summary(n, edges),
        "bottom_isolated_share": lambda: M.bottom_isolated_share(scores, deg),
        "score_auc": lambda: M.score_auc(scores, missed),
        "victim_gap": lambda: M.victim_gap(scores, opted),
        "group_restricted_gap": lambda: M.group_restricted_gap(scores, groups, 550.0),
        "aim_up": lambda: M.aim_up(scores[likes[:, 0]], scores[likes[:, 1]]),
        "degree_gap": lambda: M.degree_gap(scores, deg),
        "match_gap": lambda: M.match_gap(scores, uses, matches),
        "group_gap": lambda: M.group_gap(scores, groups),
        "optout_gap": lambda: M.optout_gap(deg, opted),
        "mobility": lambda: M.mobility(scores, before),
    }
    # a step has these already, or computes them through component_summary
    extras = {"summary_stats", "degrees", "isolated_share", "giant_share"}
    total = per_step = 0.0
    for name, fn in cases.items():
        ms = best_ms(fn, repeat)
        total += ms
        per_step += 0.0 if name in extras else ms
        print(f"  {name:28s} {ms:9.2f} ms")
    print(f"  {'total without louvain':28s} {total:9.2f} ms")
    print(f"  {'  of which a step needs':28s} {per_step:9.2f} ms")
    if n <= louvain_max:
        found = M.louvain(n, edges)
        ms = best_ms(lambda: M.louvain(n, edges), 1)
        q = M.modularity(n, edges, found)
        print(f"  {'louvain':28s} {ms:9.2f} ms  ({found.max() + 1} communities, Q = {q:.3f})")
    else:
        print(f"  {'louvain':28s}   skipped (n > --louvain-max)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="4039,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--louvain-max", type=int, default=100_000)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        bench(size, args.repeat, args.louvain_max)


if __name__ == "__main__":
    main()
