"""Start-up stays light: a headless run loads neither matplotlib nor the sweep machinery."""

from __future__ import annotations

import subprocess
import sys

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUN = """
import sys
from models import Simulation, load_scenario
Simulation(load_scenario("karate")).run(1)
print(sorted(m for m in ("matplotlib", "igraph", "models.sweeps", "concurrent.futures.process")
             if m in sys.modules))
"""


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def test_a_run_loads_igraph_without_matplotlib():
    assert _run(RUN) == "['igraph']"


def test_igraph_still_works_when_matplotlib_came_first():
    code = ("import matplotlib, sys\nfrom models.lazy import igraph\n"
            "print(igraph.Graph.Famous('Zachary').community_multilevel().modularity > 0.3, "
            "'matplotlib' in sys.modules)")
    assert _run(code) == "True True"


def test_lazy_module_names_only_igraph():
    import pytest

    import models.lazy

    with pytest.raises(AttributeError):
        models.lazy.pandas   # noqa: B018
