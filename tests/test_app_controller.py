"""The simulation controller: a worker thread, queued requests, frames back.

Everything waits on signals with generous timeouts (a slow 2-core CI is fine); nothing
sleeps and nothing asserts on time.
"""

from __future__ import annotations

import functools
import sys

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from app.controller.sim_controller import SimController  # noqa: E402
from app.process.frame import Frame, Static  # noqa: E402
from models import load_scenario  # noqa: E402
from models.history import METRIC_COLUMNS  # noqa: E402
from models.simulation import Simulation  # noqa: E402

WAIT = 30_000  # ms: generous, for slow machines


@pytest.fixture(scope="module")
def shared_controller(qapp):
    """One controller (and model process) for the module: starting one takes a second."""
    c = SimController()
    yield c
    c.shutdown()


@pytest.fixture
def controller(qtbot, shared_controller):
    c = shared_controller
    c.pause()
    c.set_speed(None)
    with qtbot.waitSignals([c.rebuilt, c.layout_ready], timeout=WAIT):
        c.set_scenario(load_scenario("karate"))
    yield c
    c.pause()
    qtbot.waitUntil(lambda: not c._in_flight, timeout=WAIT)


def _round_trip(qtbot, c: SimController) -> None:
    """Wait until the worker has answered everything asked of it before now: its
    requests are served one at a time, in order, so a no-op call is a barrier."""
    done = []
    c.call_in_worker(_size, done.append, done.append, args=(0,))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)


def _steps(qtbot, c: SimController, n: int) -> list[Frame]:
    frames: list[Frame] = []
    c.stepped.connect(frames.append)
    for _ in range(n):
        with qtbot.waitSignal(c.stepped, timeout=WAIT):
            c.step_once()
    c.stepped.disconnect(frames.append)
    return frames


def test_rebuilt_sends_static_and_step_zero(qtbot):
    c = SimController()
    try:
        with qtbot.waitSignal(c.rebuilt, timeout=WAIT) as blocker:
            c.set_scenario(load_scenario("karate"))
        static, frame = blocker.args
        assert isinstance(static, Static) and isinstance(frame, Frame)
        assert static.n == 34 == frame.scores.shape[0]
        assert frame.step == 0 and frame.edges_changed
        assert set(frame.components) == {"history", "capacity", "identity", "behaviour", "social"}
        assert sum(frame.weights.values()) == pytest.approx(1.0)
        assert frame.scores.dtype == np.float64 and frame.status.dtype == np.int8
        assert len(frame.history["step"]) == 1
        qtbot.waitUntil(lambda: c.positions is not None, timeout=WAIT)
        assert c.positions.shape == (34, 2)
    finally:
        c.shutdown()


def test_frames_match_a_headless_run_bit_for_bit(qtbot, controller):
    frames = _steps(qtbot, controller, 12)
    assert [f.step for f in frames] == list(range(1, 13))
    sim = Simulation(load_scenario("karate"))
    sim.run(12)
    last = frames[-1]
    for col in METRIC_COLUMNS:
        np.testing.assert_array_equal(last.history[col], sim.history[col], err_msg=col)
    np.testing.assert_array_equal(last.scores, sim.scores)
    np.testing.assert_array_equal(controller.score_history(3), sim.score_history(3))


def test_frames_are_copies(qtbot, controller):
    first = _steps(qtbot, controller, 1)[0]
    kept = first.scores.copy()
    _steps(qtbot, controller, 3)
    np.testing.assert_array_equal(first.scores, kept)


def test_play_is_paced_with_back_pressure_and_pause_stops(qtbot, controller):
    frames: list[Frame] = []
    controller.stepped.connect(frames.append)
    controller.set_speed(None)   # as fast as frames arrive
    with qtbot.waitSignal(controller.running_changed, timeout=WAIT):
        controller.play()
    qtbot.waitUntil(lambda: len(frames) >= 20, timeout=WAIT)
    with qtbot.waitSignal(controller.running_changed, timeout=WAIT):
        controller.pause()
    # A request may have been in flight when we paused: let it land, then nothing more.
    qtbot.waitUntil(lambda: not controller._in_flight, timeout=WAIT)
    count = len(frames)
    _round_trip(qtbot, controller)   # a step asked for after the pause would land first
    assert len(frames) == count
    steps = [f.step for f in frames]
    assert steps == list(range(1, len(steps) + 1))   # one frame per step, none skipped


def test_reset_goes_back_to_step_zero_and_keeps_the_layout(qtbot, controller):
    _steps(qtbot, controller, 3)
    pos = controller.positions
    key = controller.static.graph_key
    got = []

    def keep(*args):
        got.append(args)

    controller.rebuilt.connect(keep)
    try:
        with qtbot.waitSignals([controller.rebuilt, controller.layout_ready], timeout=WAIT,
                               order="strict"):
            controller.reset()
    finally:
        controller.rebuilt.disconnect(keep)
    static, frame = got[0]
    assert frame.step == 0
    # Same graph: the same layout comes back (people do not jump), nothing recomputed
    # with another seed. With the model in a process it arrives as a new array object.
    assert static.graph_key == key
    np.testing.assert_array_equal(controller.positions, pos)


def test_relayout_gives_new_positions(qtbot, controller):
    old = controller.positions
    # A layout of the fixture's rebuild may still be on its way: wait for a new one.
    with qtbot.waitSignal(controller.layout_ready, timeout=WAIT,
                          check_params_cb=lambda key, pos: not np.array_equal(pos, old)) \
            as blocker:
        controller.relayout()
    key, pos = blocker.args
    assert key == controller.static.graph_key
    assert pos.shape == old.shape and not np.array_equal(pos, old)


def test_rubric_change_applies_from_the_next_step(qtbot, controller):
    controller.set_params({"rubric.social": 0.6})
    frame = _steps(qtbot, controller, 1)[0]
    assert frame.scenario["rubric.social"] == 0.6
    assert frame.weights["social"] == pytest.approx(0.6 / 1.55)


def test_invalid_parameter_fails_and_changes_nothing(qtbot, controller):
    with qtbot.waitSignal(controller.failed, timeout=WAIT) as blocker:
        controller.set_params({"perks.privileged_at": 2000.0})
    assert "perks.privileged_at" in blocker.args[0]
    frame = _steps(qtbot, controller, 1)[0]
    assert frame.scenario["perks.privileged_at"] == 700.0


def test_rebuild_parameters_wait_for_reset(qtbot, controller):
    with qtbot.waitSignal(controller.pending_changed, timeout=WAIT,
                          check_params_cb=lambda names: names == ["run.seed"]):
        controller.set_params({"run.seed": 99})
    frame = _steps(qtbot, controller, 1)[0]
    assert frame.scenario["run.seed"] == 1
    with qtbot.waitSignal(controller.rebuilt, timeout=WAIT) as blocker:
        controller.reset()
    assert blocker.args[1].scenario["run.seed"] == 99


def test_model_error_pauses_and_reports_and_reset_recovers(qtbot, controller):
    # Break this simulation's step where it runs (in the model process).
    broken = functools.partial(int, "boom")
    patched = []
    controller.call_in_worker(setattr, patched.append, patched.append, args=("step", broken))
    qtbot.waitUntil(lambda: bool(patched), timeout=WAIT)
    assert patched == [None]   # setattr ran where the model lives, and returned
    controller.set_speed(None)
    with qtbot.waitSignal(controller.failed, timeout=WAIT) as blocker:
        controller.play()
    assert blocker.args[0] == ("Internal error in the model: ValueError: invalid literal for "
                               "int() with base 10: 'boom'")
    qtbot.waitUntil(lambda: not controller.playing, timeout=WAIT)
    with qtbot.waitSignal(controller.failed, timeout=WAIT) as blocker:
        controller.step_once()   # refuses to go on from a half-updated state
    assert "press Reset" in blocker.args[0]
    with qtbot.waitSignal(controller.rebuilt, timeout=WAIT):
        controller.reset()
    assert _steps(qtbot, controller, 2)[-1].step == 2


def test_model_error_in_the_worker_thread(qtbot, monkeypatch):
    def broken(self):
        raise ZeroDivisionError("boom")

    c = SimController(isolate=False)
    try:
        with qtbot.waitSignal(c.rebuilt, timeout=WAIT):
            c.set_scenario(load_scenario("karate"))
        assert not c.isolated
        monkeypatch.setattr(Simulation, "step", broken)
        with qtbot.waitSignal(c.failed, timeout=WAIT) as blocker:
            c.step_once()
        assert blocker.args[0] == "Internal error in the model: ZeroDivisionError: boom"
    finally:
        c.shutdown()


def test_a_crashed_model_process_is_reported_and_replaced(qtbot, controller):
    assert controller.isolated
    errors: list[str] = []
    controller.call_in_worker(sys.exit, lambda _r: None, errors.append, args=())
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert errors[0].startswith("The model process stopped unexpectedly")
    with qtbot.waitSignal(controller.rebuilt, timeout=WAIT) as blocker:
        controller.reset()
    assert blocker.args[1].step == 0 and blocker.args[0].n == 34
    assert _steps(qtbot, controller, 1)[0].step == 1


def test_a_process_dying_under_a_parameter_change_still_lets_reset_rebuild(
        qtbot, controller):
    controller._worker.channel.process.kill()   # as an out-of-memory kill would
    controller._worker.channel.process.join(10)
    with qtbot.waitSignal(controller.failed, timeout=WAIT) as blocker:
        controller.set_params({"rubric.social": 0.3})
    assert blocker.args[0].startswith("The model process stopped unexpectedly")
    with qtbot.waitSignal(controller.rebuilt, timeout=WAIT) as blocker:
        controller.reset()
    assert blocker.args[1].step == 0 and blocker.args[0].n == 34
    assert blocker.args[1].scenario["rubric.social"] == 0.3   # the change was not lost
    assert _steps(qtbot, controller, 1)[0].step == 1


def test_bad_graph_file_keeps_the_previous_simulation(qtbot, controller, tmp_path):
    bad = tmp_path / "junk.graphml"
    bad.write_bytes(b"<graphml><graph><node id='a'")   # truncated XML
    scenario = load_scenario("karate").replace(
        {"network.kind": "file", "network.path": str(bad)})
    with qtbot.waitSignal(controller.failed, timeout=WAIT) as blocker:
        controller.set_scenario(scenario)
    assert str(bad) in blocker.args[0] or "junk.graphml" in blocker.args[0]
    assert "Traceback" not in blocker.args[0] and "\n" not in blocker.args[0]
    assert controller.static.n == 34
    assert _steps(qtbot, controller, 1)[0].scores.shape == (34,)


def test_scam_lowers_the_victims_score(qtbot, controller):
    victim = int(np.argmax(controller.frame.scores))
    controller.scam(victim)
    scammed = _steps(qtbot, controller, 6)[-1]
    sim = Simulation(load_scenario("karate"))
    sim.run(6)
    assert scammed.scores[victim] < sim.scores[victim] - 20


def _size(sim, extra):
    return sim.n + extra


def _divide(sim):
    return 1 / 0


def test_call_in_worker_returns_on_the_gui_thread(qtbot, controller):
    got = []
    controller.call_in_worker(_size, got.append, args=(1,))
    qtbot.waitUntil(lambda: got == [35], timeout=WAIT)
    errors = []
    controller.call_in_worker(_divide, got.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert errors[0].startswith("Internal error in the model: ZeroDivisionError")


@pytest.mark.parametrize("isolate", [True, False])
def test_shutdown_while_playing_is_clean(qtbot, isolate):
    c = SimController(isolate=isolate)
    with qtbot.waitSignal(c.rebuilt, timeout=WAIT):
        c.set_scenario(load_scenario("default"))
    c.set_speed(None)
    c.play()
    qtbot.waitUntil(lambda: c.frame.step >= 2, timeout=WAIT)
    process = c._worker.channel.process
    c.shutdown()
    assert c._thread.isFinished()
    assert process is None or not process.is_alive()
    c.shutdown()   # twice is harmless


def test_play_pauses_at_the_scenarios_length(qtbot, controller):
    controller.set_params({"run.steps": 15})
    with qtbot.waitSignal(controller.stopped_at_end, timeout=WAIT) as blocker:
        controller.play()
    assert blocker.args == [15]
    qtbot.waitUntil(lambda: not controller._in_flight, timeout=WAIT)
    assert controller.frame.step == 15 and not controller.playing
