"""The animation export's months (app.process.past.past_pictures) carry what the app
draws: the kept positions and the scam marks, so exported animations show the victims."""

from __future__ import annotations

import numpy as np

from app.process.past import past_pictures
from models.scenario import load_scenario
from models.simulation import Simulation
from models.timeline import Timeline


def test_exported_months_carry_the_scam_marks_and_kept_positions():
    start = load_scenario("karate")
    sim = Simulation(start)
    rng = np.random.default_rng(3)
    tl = Timeline.of_simulation(sim)
    tl.set_positions(0, rng.random((sim.n, 2)))
    sim.scam(5)
    kept = []
    for _ in range(3):
        sim.step()
        pos = rng.random((sim.n, 2))
        kept.append(pos)
        tl.record_simulation(sim, positions=pos)
    frames = past_pictures(tl, start, 1, 3)
    assert [f["month"] for f in frames] == [1, 2, 3]
    for f, pos in zip(frames, kept):
        assert f["scammed"][5] and f["was_scammed"][5]
        assert f["was_scammed"].sum() == np.asarray(sim.ever_scammed).sum()
        assert np.allclose(f["positions"], pos, atol=1e-4)
