"""Every shipped preset runs: headless, and through the controller with the model in this
thread and in its own process, giving the same numbers bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from models import load_scenario
from models.history import METRIC_COLUMNS
from models.scenario import preset_names
from models.simulation import Simulation

STEPS = 3
WAIT = 60_000


@pytest.fixture(scope="module")
def headless():
    """Each preset run for STEPS steps without any Qt: (history, scores) by name."""
    out = {}
    for name in preset_names():
        sim = Simulation(load_scenario(name))
        sim.run(STEPS)
        out[name] = ({c: sim.history[c] for c in METRIC_COLUMNS}, sim.scores.copy())
    return out


def test_every_preset_is_tested():
    assert len(preset_names()) >= 7 and preset_names()[0] == "default"


@pytest.mark.parametrize("name", preset_names())
def test_preset_runs_headless(headless, name):
    history, scores = headless[name]
    assert history["step"].tolist() == list(range(STEPS + 1))
    assert np.all((scores >= 350) & (scores <= 950))
    assert np.isfinite(history["mean_score"]).all()


@pytest.mark.parametrize("isolate", [False, True], ids=["thread", "process"])
def test_every_preset_through_the_controller(qtbot, headless, isolate):
    pytest.importorskip("pytestqt")
    from app.controller.sim_controller import SimController

    c = SimController(isolate=isolate)
    try:
        assert c.isolated == isolate
        for name in preset_names():
            with qtbot.waitSignal(c.rebuilt, timeout=WAIT):
                c.set_scenario(load_scenario(name))
            for _ in range(STEPS):
                with qtbot.waitSignal(c.stepped, timeout=WAIT):
                    c.step_once()
            history, scores = headless[name]
            frame = c.frame
            assert frame.step == STEPS, name
            np.testing.assert_array_equal(frame.scores, scores, err_msg=name)
            for col in METRIC_COLUMNS:
                np.testing.assert_array_equal(frame.history[col], history[col],
                                              err_msg=f"{name} {col}")
    finally:
        c.shutdown()
