"""Bytes per frame: what one step sends from the model process to the window.

    python benchmarks/frame_bytes.py [--steps 30] [PRESET ...]

Runs the model host (:class:`app.process.host.ModelHost`, the object the child process
serves) on each preset and pickles what it answers, as the pipe does: the build's answer
once, then every step's. Prints the build's size and the mean, min and max of a step's,
in bytes. No Qt is involved. Figures go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.process.host import ModelHost  # noqa: E402
from models import load_scenario  # noqa: E402


def measure(preset: str, steps: int) -> tuple[int, list[int]]:
    host = ModelHost()
    built = pickle.dumps(host.build(load_scenario(preset)), protocol=pickle.HIGHEST_PROTOCOL)
    sizes = [len(pickle.dumps(host.step(), protocol=pickle.HIGHEST_PROTOCOL))
             for _ in range(steps)]
    return len(built), sizes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("presets", nargs="*", default=["default", "facebook"])
    ap.add_argument("--steps", type=int, default=30)
    args = ap.parse_args()
    print(f"{'preset':<12} {'build':>10} {'step mean':>10} {'min':>10} {'max':>10}")
    for preset in args.presets:
        build, sizes = measure(preset, args.steps)
        print(f"{preset:<12} {build:>10,} {sum(sizes) / len(sizes):>10,.0f} "
              f"{min(sizes):>10,} {max(sizes):>10,}")


if __name__ == "__main__":
    main()
