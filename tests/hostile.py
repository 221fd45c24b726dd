"""Helpers for the hostile-input tests: run ``scorenet`` in a child process with memory
and CPU limits, and compare a folder before and after."""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Address-space limit for a child: a karate run peaks near 320 MB of address space
#: with one BLAS thread, so reading a large file fully (or 11 copies of a long line)
#: does not fit, while streaming does.
MEMORY_MB = 600
CPU_SECONDS = 60


@dataclass
class Result:
    rc: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCORENET_")}
    env.update(PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", QT_QPA_PLATFORM="offscreen")
    return env


def limits(memory_mb: int = MEMORY_MB, cpu: int = CPU_SECONDS):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    return apply


def scorenet(*args, cwd: Path, memory_mb: int = MEMORY_MB, cpu: int = CPU_SECONDS,
             timeout: float = 120) -> Result:
    """Run ``python -m app.cli ARGS`` in ``cwd`` under the limits."""
    proc = subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)], cwd=cwd,
                          env=child_env(), capture_output=True, text=True, timeout=timeout,
                          preexec_fn=limits(memory_mb, cpu))
    return Result(proc.returncode, proc.stdout, proc.stderr)


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every regular file (links and specials by kind)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            h = hashlib.sha256()
            with open(p, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
            out[rel] = h.hexdigest()
        else:
            out[rel] = "special"
    return out


def temp_files(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*")
            if p.name.startswith(".") or p.name.endswith((".tmp", ".probe"))]


def assert_one_line_refusal(r: Result, *words: str, status: int = 2) -> None:
    assert r.rc == status, (r.rc, r.err)
    assert len(r.lines) == 1, r.err
    assert "Traceback" not in r.err and r.lines[0].startswith("scorenet: "), r.err
    for w in words:
        assert w.lower() in r.err.lower(), (w, r.err)
