"""One path for a parameter: the controls send edits, the model checks them once and
reports the scenario back; a fast drag is merged into a few requests. And the errors
the controller passes on: a bug names its log file, a failed layout is said.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from app.controller.sim_controller import SimController  # noqa: E402
from app.controls.panel import QtControls  # noqa: E402
from models import load_scenario  # noqa: E402

WAIT = 30_000


@pytest.fixture
def wired(qtbot):
    """Controls wired to a controller as the window wires them (model in this thread)."""
    c = SimController(isolate=False)
    with qtbot.waitSignal(c.rebuilt, timeout=WAIT):
        c.set_scenario(load_scenario("karate"))
    qtbot.waitUntil(lambda: c.scenario is not None, timeout=WAIT)
    controls = QtControls(c.scenario)
    qtbot.addWidget(controls)
    controls.params_changed.connect(c.set_params)
    c.scenario_changed.connect(controls.set_scenario)
    c.params_refused.connect(controls.show_refusal)
    sent: list[dict] = []
    c._req_params.connect(sent.append)
    yield c, controls, sent
    c.shutdown()


def test_a_fast_drag_sends_a_few_merged_updates(qtbot, wired):
    c, controls, sent = wired
    slider = controls.weight_slider("social")
    values = [round(0.01 * k, 2) for k in range(1, 101)] * 2   # 200 moves, in one go
    for v in values:
        slider.valueChanged.emit(v)
    with qtbot.waitSignal(c.settled, timeout=WAIT):
        pass
    assert 1 <= len(sent) <= 3   # the first at once, the last after the throttle
    assert sent[-1] == {"rubric.social": values[-1]}
    assert c.scenario["rubric.social"] == values[-1]   # as the model reported it
    with qtbot.waitSignal(c.stepped, timeout=WAIT) as blocker:
        c.step_once()
    assert blocker.args[0].scenario["rubric.social"] == values[-1]


def test_changes_made_before_a_step_apply_to_it(qtbot, wired):
    c, controls, sent = wired
    controls.apply_changes({"rubric.social": 0.2})
    controls.apply_changes({"rubric.history": 0.8})   # inside the throttle's interval
    with qtbot.waitSignal(c.stepped, timeout=WAIT) as blocker:
        c.step_once()   # sends what waits first
    frame = blocker.args[0]
    assert frame.scenario["rubric.social"] == 0.2 and frame.scenario["rubric.history"] == 0.8
    assert len(sent) == 2


def test_a_build_is_reported_at_once_even_with_edits_on_their_way(qtbot, wired):
    c, _controls, _sent = wired
    seen = []
    c.scenario_changed.connect(seen.append)
    target = load_scenario("karate").replace({"run.seed": 5})
    c.set_scenario(target)
    c.set_params({"rubric.social": 0.4})   # reaches the model after the build
    with qtbot.waitSignal(c.settled, timeout=WAIT):
        pass
    assert seen[0] == target   # an opened file becomes the document at once
    assert seen[-1] == target.replace({"rubric.social": 0.4})


def test_the_model_refuses_a_bad_value_and_the_controls_show_it(qtbot, wired):
    c, controls, sent = wired
    failed: list[str] = []
    c.failed.connect(failed.append)
    assert controls.apply_changes({"perks.privileged_at": 500.0})   # below restricted_below
    assert controls.value("perks.privileged_at") == 500.0   # shown at once, not checked
    with qtbot.waitSignal(c.settled, timeout=WAIT):
        pass
    assert sent == [{"perks.privileged_at": 500.0}]   # the model checked it, once
    assert failed and "perks.privileged_at" in failed[0]
    assert controls._error.text().startswith("Not applied: ")
    assert c.scenario["perks.privileged_at"] == 700.0
    assert controls.value("perks.privileged_at") == 700.0   # put back by the report
    assert controls.editor("perks.privileged_at").value() == 700.0


def test_an_internal_error_names_its_log_file(qtbot, wired, monkeypatch, tmp_path):
    from models.simulation import Simulation

    c, _controls, _sent = wired
    log = tmp_path / "errors.log"
    monkeypatch.setenv("SCORENET_LOG", str(log))

    def broken(self):
        raise RuntimeError()

    monkeypatch.setattr(Simulation, "step", broken)
    with qtbot.waitSignal(c.failed, timeout=WAIT) as blocker:
        c.step_once()
    assert blocker.args[0] == "Internal error in the model: RuntimeError: (no message)"
    assert c.take_bug_log() == str(log) and "RuntimeError" in log.read_text()
    assert c.take_bug_log() == ""   # once


def test_a_failed_layout_is_reported(qtbot, monkeypatch):
    import models.layout

    def broken(n, edges, seed=0):
        raise MemoryError("no room for the layout")

    monkeypatch.setattr(models.layout, "layout", broken)
    c = SimController(isolate=False)
    try:
        laid: list = []
        failed: list[str] = []
        c.layout_ready.connect(lambda *a: laid.append(a))
        c.failed.connect(failed.append)
        with qtbot.waitSignals([c.rebuilt, c.failed], timeout=WAIT):
            c.set_scenario(load_scenario("karate"))
        [message] = failed
        assert message.startswith("Could not lay out the network: Internal error")
        assert "MemoryError: no room for the layout" in message
        assert laid == [] and c.positions is None and c.take_bug_log()
    finally:
        c.shutdown()


def test_a_bug_in_the_window_is_logged_and_shown_with_the_log(qtbot, monkeypatch, tmp_path):
    import sys

    from PySide6.QtWidgets import QMessageBox, QWidget

    from app.window.start import install_bug_report

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    monkeypatch.setenv("SCORENET_LOG", str(tmp_path / "errors.log"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # put back afterwards
    parent = QWidget()
    qtbot.addWidget(parent)
    install_bug_report(parent)
    try:
        raise IndexError("list index out of range")
    except IndexError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [text] = shown
    assert text.startswith("Internal error in the window: IndexError: list index out of range")
    assert "please report" in text and str(tmp_path / "errors.log") in text
    assert "Traceback" in (tmp_path / "errors.log").read_text()
