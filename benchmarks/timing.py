"""Timing helpers the benchmarks share: best-of-k wall times, the mat-vec baseline, and
the scratch files the app benchmarks leave.

Not a benchmark itself. The scripts put the checkout on ``sys.path`` and import this
as ``benchmarks.timing``.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

__all__ = ["best_ms", "matvec_cpu", "remove_bench_files"]


def best_ms(fn, repeat: int = 5) -> float:
    """Wall milliseconds of the fastest of ``repeat`` calls of ``fn()``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1e3


def matvec_cpu(sim, x, repeat: int = 5) -> float:
    """CPU seconds of the fastest of ``repeat`` scipy CSR mat-vecs ``A @ x`` on the
    symmetric matrix of ``sim``'s current ties: the baseline a step is compared with.

    CPU time rather than wall time: a step is long enough to be preempted by the other
    users of the machine, a mat-vec mostly is not.
    """
    from models.graph import adjacency

    full = adjacency(sim.friends.edges(), sim.n)
    best = math.inf
    for _ in range(repeat):
        c = time.process_time()
        full @ x
        best = min(best, time.process_time() - c)
    return best


def remove_bench_files(root: Path, made) -> None:
    """Delete the settings file and the scenario files (one per name in ``made``) that
    the app benchmarks write at the top of the checkout."""
    Path(root / ".bench.ini").unlink(missing_ok=True)
    for name in made:
        Path(root / f".bench-{name}.toml").unlink(missing_ok=True)


def phase_timer(phases: dict[str, float], clock=time.process_time):
    """``timed(name, fn)``: ``fn`` wrapped so that each call adds its time on ``clock``
    to ``phases[name]`` (reset the dict in place, not by a new one, between rounds)."""
    def timed(name: str, fn):
        def wrapper(*a, **k):
            t = clock()
            out = fn(*a, **k)
            phases[name] += clock() - t
            return out
        return wrapper
    return timed
