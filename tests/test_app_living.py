"""The network view's living layout, through the controller: motion, Freeze, Reset."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from app.controller.sim_controller import SimController
from app.network.panel import QtNetworkView
from models import load_scenario

WAIT = 30_000
#: Karate club with ties that only change when the test says so.
STILL = {"sharing.churn": 0.0, "sharing.share_with_friends": False, "dating.enabled": False}


@pytest.fixture
def rig(qtbot):
    """A controller (model in its worker thread) and a network view wired to it."""
    c = SimController(isolate=False)
    view = QtNetworkView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    c.rebuilt.connect(view.on_rebuilt)
    c.layout_ready.connect(view.set_layout)
    c.stepped.connect(view.on_frame)
    with qtbot.waitSignal(c.layout_ready, timeout=WAIT):
        c.set_scenario(load_scenario("karate", STILL))
    qtbot.waitUntil(lambda: view.positions is not None, timeout=WAIT)
    yield c, view
    c.shutdown()


def _steps(qtbot, c: SimController, view: QtNetworkView, n: int) -> None:
    for _ in range(n):
        with qtbot.waitSignal(c.stepped, timeout=WAIT):
            c.step_once()
    # The motion reaches the last positions, then rests.
    qtbot.waitUntil(lambda: not view.moving, timeout=WAIT)


def _drop_all_ties_of(sim, people) -> None:
    """Runs where the model lives: these people lose every friend."""
    edges = sim.friends.edges()
    gone = np.isin(edges, people).any(axis=1)
    sim.friends.update(sim.friends.keys[gone], np.empty(0, dtype=np.int64))


def test_people_who_lost_their_friends_drift_outwards(qtbot, rig):
    c, view = rig
    start = view.positions.copy()
    centre = start.mean(axis=0)
    r0 = np.linalg.norm(start - centre, axis=1)
    lonely = np.argsort(r0)[:3]          # the three most central people
    done = []
    c.call_in_worker(_drop_all_ties_of, done.append, args=(lonely,))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    _steps(qtbot, c, view, 40)
    pos = view.positions
    r = np.linalg.norm(pos - pos.mean(axis=0), axis=1)
    assert (r[lonely] > r0[lonely] + 0.15).all()
    others = np.setdiff1d(np.arange(pos.shape[0]), lonely)
    assert (r[lonely] > np.median(r[others])).all()
    # The frames carried the model's positions and the view shows the last of them.
    np.testing.assert_allclose(pos, c.frame.positions, atol=1e-6)


def test_reset_restores_the_initial_layout(qtbot, rig):
    c, view = rig
    start = view.positions.copy()
    _steps(qtbot, c, view, 5)
    assert not np.allclose(view.positions, start)
    with qtbot.waitSignal(c.layout_ready, timeout=WAIT):
        c.reset()
    qtbot.waitUntil(lambda: np.array_equal(view.positions, start), timeout=WAIT)
    # And the living layout starts from there again: the same run moves the same way.
    _steps(qtbot, c, view, 5)
    again = view.positions.copy()
    with qtbot.waitSignal(c.layout_ready, timeout=WAIT):
        c.reset()
    _steps(qtbot, c, view, 5)
    np.testing.assert_array_equal(view.positions, again)
    # A re-layout (Ctrl+L) is not what Reset goes back to: the scenario's own layout is.
    with qtbot.waitSignal(c.layout_ready, timeout=WAIT):
        c.relayout()
    qtbot.waitUntil(lambda: not np.allclose(view.positions, again), timeout=WAIT)
    with qtbot.waitSignal(c.layout_ready, timeout=WAIT):
        c.reset()
    qtbot.waitUntil(lambda: np.array_equal(view.positions, start), timeout=WAIT)


def test_freeze_keeps_everyone_still(qtbot, rig):
    c, view = rig
    _steps(qtbot, c, view, 2)
    view.set_living(False)
    c.set_living_layout(False)
    still = view.positions.copy()
    _steps(qtbot, c, view, 3)
    np.testing.assert_array_equal(view.positions, still)
    assert c.frame.positions is None          # the model no longer moves them
    view.set_living(True)
    c.set_living_layout(True)
    _steps(qtbot, c, view, 2)
    assert not np.array_equal(view.positions, still)
