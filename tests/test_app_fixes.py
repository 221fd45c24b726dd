"""The bugs found by a teacher trying the app (issue 11), one test each.

Wheel over number fields, Play past the scenario's end, "Reset all" and the preset's
own values, a bad network file from the File menu, the Person panel after a tiny window,
the export folder, ``scorenet PRESET``, and the preset menu's titles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QScrollArea  # noqa: E402

from app.window.main_window import MainWindow  # noqa: E402
from models import load_scenario  # noqa: E402

WAIT = 30_000


@pytest.fixture
def dialogs(monkeypatch):
    seen: list[tuple[str, str]] = []

    def critical(_parent, _title, text, *a, **k):
        seen.append(("critical", text))
        return QMessageBox.StandardButton.Ok

    def question(_parent, _title, text, *a, **k):
        seen.append(("question", text))
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return seen


def _open(qtbot, scenario, size=(1366, 768)) -> MainWindow:
    w = MainWindow(scenario, Path(scenario.source))
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None
                    and w.network.positions is not None, timeout=WAIT)
    return w


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def window(qtbot, settings_file, dialogs):
    w = _open(qtbot, load_scenario("scam_victims", {"network.kind": "karate",
                                                    "run.steps": 3}))
    yield w
    w.controller.shutdown()


def test_the_wheel_over_a_number_box_scrolls_the_panel(qtbot, window):
    spin = window.controls.editor("events.scam_rate").widget
    scroll = next(a for a in window.controls_dock.findChildren(QScrollArea))
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    before, where = spin.value(), bar.value()
    at = QPointF(spin.rect().center())
    event = QWheelEvent(at, spin.mapToGlobal(at), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(spin, event)
    assert spin.value() == before == 0.004
    assert window.scenario["events.scam_rate"] == 0.004 and not window.isWindowModified()
    assert bar.value() > where   # the panel scrolled instead
    spin.setFocus()              # a field the user clicked into takes the wheel
    qtbot.waitUntil(spin.hasFocus)
    QApplication.sendEvent(spin, QWheelEvent(at, spin.mapToGlobal(at), QPoint(0, 0),
                                             QPoint(0, -120), Qt.MouseButton.NoButton,
                                             Qt.KeyboardModifier.NoModifier,
                                             Qt.ScrollPhase.NoScrollPhase, False))
    assert spin.value() < before


def test_play_stops_at_the_end_and_stays_there(qtbot, window):
    c = window.controller
    c.set_speed(None)
    with qtbot.waitSignal(c.stopped_at_end, timeout=WAIT):
        c.play()
    assert c.frame.step == 3 and not c.playing
    with qtbot.waitSignal(c.stopped_at_end, timeout=WAIT):
        window.act_play.trigger()           # Play again at the end: refused, with a note
    with qtbot.waitSignal(c.stopped_at_end, timeout=WAIT):
        window.act_step.trigger()
    qtbot.wait(200)
    assert c.frame.step == 3 and not c.playing
    assert window.transport.counter.text() == "Month 3 / 3"
    assert "end of this scenario" in window.statusBar().currentMessage()
    window.controls.apply_changes({"run.steps": 5})   # a longer run goes on
    qtbot.waitUntil(lambda: c.scenario["run.steps"] == 5, timeout=WAIT)
    with qtbot.waitSignal(c.stopped_at_end, timeout=WAIT):
        c.play()
    assert c.frame.step == 5


def test_reset_all_restores_the_presets_own_values(qtbot, window):
    controls = window.controls
    controls.apply_changes({"events.scam_rate": 0.01, "events.forgiveness_half_life": 3.0,
                            "rubric.social": 0.5})
    assert window.isWindowModified()
    assert "scam_victims" in controls._reset_all.text()
    controls._reset_all.click()
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=WAIT)   # the model agreed
    assert window.scenario["events.scam_rate"] == 0.004            # the preset's, not 0.002
    assert window.scenario["events.forgiveness_half_life"] == 60.0  # not 24
    assert window.scenario["rubric.social"] == 0.05
    assert window.scenario["network.kind"] == "karate"
    controls.apply_changes({"events.scam_rate": 0.01})
    qtbot.waitUntil(lambda: window.scenario["events.scam_rate"] == 0.01, timeout=WAIT)
    controls._resets["events.scam_rate"].click()
    qtbot.waitUntil(lambda: window.scenario["events.scam_rate"] == 0.004, timeout=WAIT)


def test_a_bad_network_file_is_refused_and_reset_still_works(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><graph><node id='a'/><edge source='a' target='zz' x=/></graph>",
                   encoding="utf-8")
    window.use_network_file(bad)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    assert "bad.graphml" in dialogs[0][1] and "unchanged" in dialogs[0][1]
    assert window.scenario["network.kind"] == "karate"
    with qtbot.waitSignal(window.controller.rebuilt, timeout=WAIT):
        window.act_reset.trigger()
    good = tmp_path / "good.txt"
    good.write_text("1 2\n2 3\n3 1\n3 4\n4 4\n2 1\n", encoding="utf-8")
    window.use_network_file(good)
    qtbot.waitUntil(lambda: window.scenario["network.kind"] == "file", timeout=WAIT)
    said = window.statusBar().currentMessage()      # what reading changed is told
    assert "4 people, 4 friendships" in said and "1 self-loop dropped" in said, said
    assert "1 repeated or reverse tie merged" in said, said
    assert window.scenario["network.path"] == str(good.resolve())
    assert len(dialogs) == 1
    with qtbot.waitSignal(window.controller.rebuilt, timeout=WAIT):
        window.act_reset.trigger()
    assert window.controller.static.n == 4


def test_the_person_panel_gets_its_width_back(qtbot, settings_file, dialogs):
    w = _open(qtbot, load_scenario("karate"), (1800, 1000))
    try:
        wide = w.inspector_dock.width()
        assert wide >= 300
        w.resize(500, 300)
        qtbot.waitUntil(lambda: w.inspector_dock.width() < 200, timeout=WAIT)
        w.resize(1800, 1000)
        qtbot.waitUntil(lambda: w.inspector_dock.width() >= 0.8 * wide, timeout=WAIT)
        assert w.controls_dock.width() >= 340
    finally:
        w.controller.shutdown()


def test_the_export_dialog_remembers_the_last_folder(qtbot, window, tmp_path, monkeypatch):
    asked: list[str] = []
    out = tmp_path / "slides"
    out.mkdir()

    def save(_parent, _title, start, _filters, *a, **k):
        asked.append(start)
        return str(out / "picture.png"), "PNG image (*.png)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    assert window._export_path("Export", "PNG image (*.png)", "network", ".png") \
        == out / "picture.png"
    window._export_path("Export", "CSV table (*.csv)", "metrics", ".csv")
    assert Path(asked[1]).parent == out
    # ... and in the next session too (the folder is in the settings).
    again = MainWindow(load_scenario("karate"))
    qtbot.addWidget(again)
    assert again.export_folder() == out
    again.controller.shutdown()


def test_scorenet_preset_opens_the_app(monkeypatch):
    import app.cli as cli
    import app.cli.gui as gui

    seen = []
    monkeypatch.setattr(gui, "run", lambda args: seen.append(args.scenario) or 0)
    assert cli.main(["friends_count"]) == 0
    assert cli.main(["gui", "karate"]) == 0
    assert cli.main([]) == 0
    assert seen == ["friends_count", "karate", "default"]
    with pytest.raises(SystemExit) as exc:
        cli.main(["rnu"])   # a mistyped command is still a usage error
    assert exc.value.code == 2


def test_the_preset_menu_shows_titles_and_descriptions(window):
    texts = [a.text() for a in window.presets_menu.actions()]
    scam = next(t for t in texts if t.startswith("Scam victims"))
    assert "Scams twice as common" in scam
    tips = [a.toolTip() for a in window.presets_menu.actions()]
    assert any(t == load_scenario("opt_out")["about.description"] for t in tips)
