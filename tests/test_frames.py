"""Frames that carry what changed, the model host's answers and its errors; no Qt.

A frame goes from the model host through a pickle (as over the pipe) to the receiver,
and must come out equal, bit for bit, to a whole frame made from the simulation.
"""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.inspector.score_parts import score_parts
from app.process import host as host_module
from app.process.assembly import FrameReceiver, FrameSender, apply_ties_delta, ties_delta
from app.process.errorlog import log_path
from app.process.frame import SAME, frame_from_simulation
from app.process.host import Failure, ModelHost
from models import load_scenario
from models.simulation import Simulation


def _pipe(x):
    return pickle.loads(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL))


def _assert_same_frame(got, want):
    for f in dataclasses.fields(want):
        a, b = getattr(got, f.name), getattr(want, f.name)
        if isinstance(b, dict):
            assert set(a) == set(b), f.name
            for k in b:
                np.testing.assert_array_equal(a[k], b[k], err_msg=f"{f.name}[{k}]")
        elif isinstance(b, np.ndarray):
            assert a.dtype == b.dtype, f.name
            np.testing.assert_array_equal(a, b, err_msg=f.name)
        else:
            assert a == b, f.name


@pytest.mark.parametrize("changes", [{}, {"sharing.churn": 0.0,
                                          "sharing.share_with_friends": False},
                                     {"optout.choice": True, "optout.review_rate": 0.5}])
def test_frames_of_changes_come_back_whole(changes):
    scenario = load_scenario("default").replace({"population.size": 150, **changes})
    sim, twin = Simulation(scenario), Simulation(scenario)
    sender, receiver = FrameSender(), FrameReceiver()
    _assert_same_frame(receiver.first(_pipe(sender.first(twin))),
                       frame_from_simulation(sim, edges_changed=True))
    sent_ties = sent_switches = 0
    frames_opted = [sim.pop.opted_out.copy()]
    for t in range(1, 9):
        if t == 4:   # a live change: the scenario is sent once, then SAME again
            sim.set_params({"rubric.social": 0.9})
            twin.set_params({"rubric.social": 0.9})
        before = sim.friends.edges()
        sim.step()
        twin.step()
        sent = sender.next(twin)
        assert (sent.scenario is SAME) == (t != 4)
        assert len(sent.history["step"]) == 1   # the new row only
        changed = not np.array_equal(before, sim.friends.edges())
        assert sent.edges_changed == changed
        assert (sent.friend_edges is SAME) == (not changed)
        sent_ties += changed
        switched = not np.array_equal(sim.pop.opted_out, frames_opted[-1])
        frames_opted.append(sim.pop.opted_out.copy())
        assert (sent.opted_out is SAME) == (not switched)   # sent only when it changed
        sent_switches += switched
        got = receiver.next(_pipe(sent))
        _assert_same_frame(got, frame_from_simulation(sim, edges_changed=changed))
        assert not got.history["mean_score"].flags.writeable
    assert (sent_ties > 0) == ("sharing.churn" not in changes)   # rewiring changes ties
    assert (sent_switches > 0) == ("optout.choice" in changes)


KEYS = st.sets(st.integers(0, 60), max_size=40).map(lambda x: np.array(sorted(x), np.int64))


@given(KEYS, KEYS)
def test_ties_delta_is_the_set_difference_and_applies_back(old, new):
    d = ties_delta(old, new)
    np.testing.assert_array_equal(d.removed, np.setdiff1d(old, new))
    np.testing.assert_array_equal(d.added, np.setdiff1d(new, old))
    np.testing.assert_array_equal(apply_ties_delta(old, d), new)


def test_ties_version_moves_exactly_when_the_ties_change():
    sim = Simulation(load_scenario("karate").replace({"sharing.churn": 0.05}))
    assert sim.ties_version == 0
    moves = []
    for _ in range(30):
        before, version = sim.friends.edges(), sim.ties_version
        sim.step()
        changed = not np.array_equal(before, sim.friends.edges())
        assert sim.ties_version == version + changed
        moves.append(changed)
    assert any(moves) and not all(moves)   # both cases were seen


def test_a_step_sends_far_fewer_bytes_than_a_whole_frame():
    host = ModelHost()
    host.build(load_scenario("default"))
    step = len(pickle.dumps(host.step()))
    whole = len(pickle.dumps(frame_from_simulation(host.sim, edges_changed=True)))
    assert step < 0.7 * whole


def test_the_inspectors_parts_are_the_models_score():
    scenario = load_scenario("karate").replace(
        {"rubric.violation_points": 40.0, "events.violation_rate": 0.3})
    sim = Simulation(scenario)
    sim.run(8)
    frame = frame_from_simulation(sim, edges_changed=True)
    penalised = 0
    for i in range(sim.n):
        points, penalty, at_floor = score_parts(frame, i)
        score = frame.scores[i]
        assert 350.0 + sum(points.values()) - penalty == pytest.approx(score, abs=1e-9)
        if not at_floor:
            assert penalty == pytest.approx(40.0 * sim.violations[i], abs=1e-9)
        penalised += penalty > 0
    assert penalised > 0


def test_a_failed_layout_is_reported_not_made_up(monkeypatch):
    import models.layout

    def broken(n, edges, seed=0):
        raise FloatingPointError("layout diverged")

    host = ModelHost()
    host.build(load_scenario("karate"))
    monkeypatch.setattr(models.layout, "layout", broken)
    with pytest.raises(Failure) as err:
        host.layout(False)
    assert err.value.message == ("Could not lay out the network: Internal error in the "
                                 "model: FloatingPointError: layout diverged")
    assert err.value.log == str(log_path())


def test_a_bug_is_logged_with_its_traceback_and_an_empty_message_is_kept(monkeypatch,
                                                                          tmp_path):
    monkeypatch.setenv("SCORENET_LOG", str(tmp_path / "state" / "errors.log"))
    host = ModelHost()
    host.build(load_scenario("karate"))

    def silent(_sim):
        raise KeyError()

    with pytest.raises(Failure) as err:
        host.call(silent, ())
    assert err.value.message == "Internal error in the model: KeyError: (no message)"
    text = (tmp_path / "state" / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "in silent" in text
    assert _pipe(err.value).log == err.value.log == str(tmp_path / "state" / "errors.log")
    assert str(Failure("")) == "(no message)"


def test_a_users_mistake_is_one_line_and_not_logged(monkeypatch, tmp_path):
    monkeypatch.setenv("SCORENET_LOG", str(tmp_path / "errors.log"))
    host = ModelHost()
    _scenario, _pending, refusal = (None, None, None)
    host.build(load_scenario("karate"))
    _scenario, _pending, refusal = host.set_params({"perks.privileged_at": 2000.0})
    key, problem, message = refusal
    assert key == "perks.privileged_at" and "\n" not in message and problem in message
    assert host.sim.scenario["perks.privileged_at"] == 700.0   # nothing changed
    with pytest.raises(Failure) as err:
        host.build(load_scenario("karate").replace({"network.kind": "file",
                                                    "network.path": str(tmp_path / "no.txt")}))
    assert err.value.log is None and "no.txt" in err.value.message
    assert not (tmp_path / "errors.log").exists()


def test_host_messages_are_never_empty():
    host = ModelHost()
    for op, args in (("step", ()), ("set_params", ({},)), ("layout", (False,)),
                     ("scam", (0,)), ("reset", (None,))):
        with pytest.raises(Failure) as err:
            getattr(host, op)(*args)
        assert err.value.message == host_module.NO_SIMULATION
