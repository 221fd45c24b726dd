"""Undo and redo in the main window: parameter changes, opened presets and scams.

Undo must give back the exact scenario (compared by value, every field) and, for a scam
undone before the next month, the exact run: the next months equal a run never scammed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from app.window.main_window import MainWindow  # noqa: E402
from models import load_scenario  # noqa: E402
from models.simulation import Simulation  # noqa: E402

WAIT = 30_000


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    scenario = load_scenario("karate")
    w = MainWindow(scenario, Path(scenario.source))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None, timeout=WAIT)
    yield w
    w.controller.shutdown()


def _synced(qtbot, w):
    """Wait until the model has answered every parameter change sent."""
    qtbot.waitUntil(lambda: not w.controls.editing
                    and w.controller.scenario == w.controls.scenario, timeout=WAIT)


def test_undo_and_redo_parameter_changes_exactly(qtbot, window):
    start = window.scenario
    window.controls.apply_changes({"events.scam_rate": 0.01})
    window.controls.weight_slider("social").setValue(0.3)
    window.controls.weight_slider("social").setValue(0.4)   # one drag: one step
    window.controls._reset_all.click()
    window.controls.apply_changes({"population.optout_share": 0.3})   # waits for Reset
    assert window.undo_stack.count() == 4
    assert window.act_undo.text() == "&Undo Opt-out share 0.1 \u2192 0.3"
    _synced(qtbot, window)
    states = []
    while window.undo_stack.canUndo():
        states.append(window.scenario)
        window.act_undo.trigger()
        _synced(qtbot, window)
    assert window.scenario == start and not window.isWindowModified()
    for want in reversed(states):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        _synced(qtbot, window)
        assert window.scenario == want
    assert window.scenario["rubric.social"] == 0.05   # Reset all came last but one
    assert window.scenario["population.optout_share"] == 0.3
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _synced(qtbot, window)
    assert window.scenario["population.optout_share"] == 0.1


def test_undo_a_preset_load_brings_back_the_edited_scenario(qtbot, window):
    window.controls.apply_changes({"rubric.social": 0.6})
    _synced(qtbot, window)
    edited = window.scenario
    with qtbot.waitSignal(window.controller.rebuilt, timeout=WAIT):
        assert window._open_scenario("scam_victims")
    qtbot.waitUntil(lambda: window._opening is None, timeout=WAIT)
    assert window.scenario == load_scenario("scam_victims")
    assert window.act_undo.text() == "&Undo Open scam_victims"
    with qtbot.waitSignal(window.controller.rebuilt, timeout=WAIT):
        window.act_undo.trigger()
    qtbot.waitUntil(lambda: window._opening is None, timeout=WAIT)
    assert window.scenario == edited and window.controller.scenario == edited
    assert window.isWindowModified()                  # the edit is still unsaved
    assert window.windowTitle().startswith("ScoreNet - karate")
    with qtbot.waitSignal(window.controller.rebuilt, timeout=WAIT):
        window.act_redo.trigger()
    qtbot.waitUntil(lambda: window._opening is None, timeout=WAIT)
    assert window.scenario == load_scenario("scam_victims")


def test_a_scam_undone_before_the_next_month_never_happened(qtbot, window):
    frame = window.controller.frame
    victim = int(np.argmax(frame.scores))
    window._on_person_selected(victim)
    window.inspector._scam_button.click()
    assert window.act_undo.text().startswith("&Undo Scam person")
    qtbot.waitUntil(lambda: window.undo_stack.command(0).state is not None, timeout=WAIT)
    window.act_undo.trigger()
    for _ in range(6):
        with qtbot.waitSignal(window.controller.stepped, timeout=WAIT):
            window.controller.step_once()
    sim = Simulation(load_scenario("karate"))
    sim.run(6)
    np.testing.assert_array_equal(window.controller.frame.scores, sim.scores)
    window.act_redo.trigger()   # redo: scammed from month 6 on
    for _ in range(3):
        with qtbot.waitSignal(window.controller.stepped, timeout=WAIT):
            window.controller.step_once()
    sim.scam(victim)
    sim.run(3)
    np.testing.assert_array_equal(window.controller.frame.scores, sim.scores)


def _b_synced(qtbot, w):
    """Wait until B has answered too: its scenario is A's with B's own settings."""
    _synced(qtbot, w)
    qtbot.waitUntil(lambda: w.pair.b is not None and w.pair.caught_up()
                    and w.pair.b.scenario == w.scenario.replace(w.pair.overrides),
                    timeout=WAIT)


def test_undo_with_ab_open_restores_both_sides(qtbot, window):
    w = window
    w.start_compare({"rubric.social": 0.5})
    _b_synced(qtbot, w)
    start_a, start_b = w.scenario, w.pair.b.scenario
    w.controls.apply_changes({"events.scam_rate": 0.01})   # A and B
    _b_synced(qtbot, w)
    w.controls.apply_changes({"rubric.social": 0.3})        # A only: B overrides it
    _b_synced(qtbot, w)
    assert w.pair.b.scenario["events.scam_rate"] == 0.01
    assert w.pair.b.scenario["rubric.social"] == 0.5
    states = []
    while w.act_undo.text() != "&Undo Compare with B (Friends' scores 0.5)":
        states.append((w.scenario, w.pair.b.scenario))
        w.act_undo.trigger()
        _b_synced(qtbot, w)
    assert (w.scenario, w.pair.b.scenario) == (start_a, start_b)
    assert w.pair.b.scenario["events.scam_rate"] == 0.002
    for want in reversed(states):
        w.act_redo.trigger()
        _b_synced(qtbot, w)
        assert (w.scenario, w.pair.b.scenario) == want


def test_undo_a_change_of_rubric_b(qtbot, window):
    w = window
    w.start_compare({"rubric.social": 0.5})
    _b_synced(qtbot, w)
    w.start_compare({"rubric.social": 0.6, "events.scam_rate": 0.01})
    _b_synced(qtbot, w)
    assert w.act_undo.text() == "&Undo Compare with B (2 settings)"
    w.act_undo.trigger()
    _b_synced(qtbot, w)
    assert w.pair.overrides == {"rubric.social": 0.5}
    assert w.pair.b.scenario == w.scenario.replace({"rubric.social": 0.5})
    w.act_undo.trigger()   # before comparing
    assert not w.pair.active and not w.network_b.isVisible()
    w.act_redo.trigger()
    _b_synced(qtbot, w)
    assert w.pair.overrides == {"rubric.social": 0.5}
    w.stop_compare()
    assert w.act_undo.text() == "&Undo Stop comparing"
    w.act_undo.trigger()
    _b_synced(qtbot, w)
    assert w.pair.active and w.pair.overrides == {"rubric.social": 0.5}
