"""Every runnable example in docs/examples runs, small, and prints what it promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"

#: Small arguments, so the suite stays quick; what the output must contain.
SMALL = {
    "sweep_social_weight.py": (["--steps", "3", "--size", "100", "--workers", "1"],
                               "assortativity (95% interval)"),
    "sweep_pandas.py": (["3"], "dating.display_scores"),
}


def test_every_example_is_listed():
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(SMALL)


@pytest.mark.parametrize("name", sorted(SMALL))
def test_example_runs(name):
    pytest.importorskip("pandas")
    args, says = SMALL[name]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert says in out.stdout
