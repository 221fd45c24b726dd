"""How often communities are detected: ``run.louvain_every`` = 0 ("auto") by size."""

from __future__ import annotations

import numpy as np
import pytest

import models.simulation as simulation_module
from models import load_scenario
from models.history import METRIC_COLUMNS
from models.schema import FIELD_BY_NAME, LOUVAIN_EVERY_STEP_UP_TO, louvain_every
from models.simulation import Simulation


def _detections(monkeypatch, size: int, every: int | None, steps: int) -> list[int]:
    """The steps at which a run of ``size`` people detected communities."""
    changes = {"population.size": size, "network.kind": "barabasi_albert",
               "network.mean_degree": 4.0}
    if every is not None:
        changes["run.louvain_every"] = every
    sim = Simulation(load_scenario("default", changes))
    seen: list[int] = []
    real = simulation_module.M.louvain

    def counting(n, edges, *args, **kw):
        seen.append(sim.step_count)
        return real(n, edges, *args, **kw)

    monkeypatch.setattr(simulation_module.M, "louvain", counting)
    seen.clear()
    sim.communities()   # step 0's partition (already detected when built)
    sim.run(steps)
    return seen


def test_auto_is_the_default_and_shown_as_auto():
    field = FIELD_BY_NAME["run.louvain_every"]
    assert field.default == 0 and field.lo == 0 and field.special == "auto"


def test_auto_rule_every_step_when_small_rarely_when_large():
    assert louvain_every(34, 0) == 1
    assert louvain_every(LOUVAIN_EVERY_STEP_UP_TO, 0) == 1
    assert louvain_every(LOUVAIN_EVERY_STEP_UP_TO + 1, 0) > 1
    assert louvain_every(5000, 0) == 50
    sizes = [10, 500, 1000, 1001, 2500, 4039, 5000, 20_000, 1_000_000]
    cadence = [louvain_every(n, 0) for n in sizes]
    assert cadence == sorted(cadence)   # never more often for a bigger network
    assert louvain_every(100_000, 0) == 1000


def test_an_explicit_setting_is_kept_whatever_the_size():
    for n in (34, 5000, 1_000_000):
        for k in (1, 3, 50):
            assert louvain_every(n, k) == k


def test_small_network_detects_every_step(monkeypatch):
    assert _detections(monkeypatch, 300, None, 6) == [1, 2, 3, 4, 5, 6]


def test_large_network_detects_every_n_over_100_steps(monkeypatch):
    # 1,500 people: auto means every 15 steps, so steps 15 and 30 of 31.
    assert _detections(monkeypatch, 1500, None, 31) == [15, 30]
    assert _detections(monkeypatch, 1500, 0, 31) == [15, 30]


def test_explicit_every_step_on_a_large_network(monkeypatch):
    assert _detections(monkeypatch, 1500, 1, 4) == [1, 2, 3, 4]


def test_auto_equals_the_explicit_cadence_bit_for_bit():
    size = 1500
    runs = []
    for every in (0, louvain_every(size, 0)):
        sim = Simulation(load_scenario("default", {"population.size": size,
                                                   "run.louvain_every": every}))
        sim.run(20)
        runs.append(sim.history)
    for col in METRIC_COLUMNS:
        np.testing.assert_array_equal(runs[0][col], runs[1][col])


@pytest.mark.parametrize("bad", [-1, 1.5])
def test_bad_settings_are_refused(bad):
    from models import ScenarioError

    with pytest.raises(ScenarioError, match="run.louvain_every"):
        load_scenario("default", {"run.louvain_every": bad})
