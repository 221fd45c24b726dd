"""``scorenet render`` of 120 months of the default preset as MP4 (goal: under 60 s).

    python benchmarks/bench_render.py [--scenario default] [--size 1920x1080]

Runs the command in a fresh process, as a user would, and reports the wall time and the
CPU time of the process and its children (ffmpeg): on a shared machine the CPU time is
the figure that does not depend on the load.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="default")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--out", default=None, help="keep the video here")
    args = parser.parse_args()
    out = args.out or os.path.join(tempfile.mkdtemp(), "run.mp4")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app.cli", "render", args.scenario, "--quiet",
                    "--size", args.size, "--out", out], cwd=ROOT, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    load = os.getloadavg()[0]
    size_mb = Path(out).stat().st_size / 1e6
    print(f"render {args.scenario} {args.size}: {wall:.1f} s wall (goal < 60 s), "
          f"{cpu:.1f} s CPU, {size_mb:.1f} MB, load average {load:.1f} on "
          f"{os.cpu_count()} cores")


if __name__ == "__main__":
    main()
