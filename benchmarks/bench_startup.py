"""Start-up time of ``scorenet run default --steps 1``, run by hand:
``python benchmarks/bench_startup.py [--repeat 7] [--root DIR ...]``.

Each command runs in a fresh interpreter, the commands interleaved round by round so
that the machine's load touches them alike; the report gives the median wall time of
each and its ratio to ``python -c pass`` measured in the same run. ``--root`` adds the
same command run from another checkout (e.g. the main branch) for a before/after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ["-m", "app.cli", "run", "default", "--steps", "1", "--quiet"]


def wall(argv: list[str], root: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(root))
    t = time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=root, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--root", action="append", default=[], type=Path,
                    help="another checkout to time the same command in")
    args = ap.parse_args()
    cases = {"python -c pass": (["-c", "pass"], ROOT),
             "import numpy": (["-c", "import numpy"], ROOT),
             "import models": (["-c", "import models"], ROOT),
             "scorenet run default --steps 1": (RUN, ROOT)}
    for other in args.root:
        cases[f"same, from {other}"] = (RUN, other.resolve())
        cases[f"import models, from {other}"] = (["-c", "import models"], other.resolve())
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.repeat):
        for name, (argv, root) in cases.items():
            times[name].append(wall(argv, root))
    base = statistics.median(times["python -c pass"])
    print(f"{'command':<50} {'median s':>9} {'x python -c pass':>17}")
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"{name:<50} {m:9.3f} {m / base:17.1f}")


if __name__ == "__main__":
    main()
