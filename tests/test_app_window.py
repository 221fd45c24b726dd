"""The main window end to end, offscreen: controls, shortcuts, clicks, files, exports.

Dialogs are replaced by monkeypatched functions that record what they were asked, so no
test ever blocks on a modal window. Waits are on signals or conditions, never sleeps.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from app.window.main_window import MainWindow  # noqa: E402
from models import load_scenario  # noqa: E402
from models.simulation import Simulation  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WAIT = 30_000


@pytest.fixture
def dialogs(monkeypatch):
    """Record QMessageBox calls instead of showing them."""
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


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, dialogs):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    scenario = load_scenario("karate")
    w = MainWindow(scenario, Path(scenario.source))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None
                    and w.network.positions is not None, timeout=WAIT)
    yield w
    w.controller.shutdown()


def _step(qtbot, w: MainWindow, n: int = 1):
    for _ in range(n):
        with qtbot.waitSignal(w.controller.stepped, timeout=WAIT):
            w.act_step.trigger()
    return w.controller.frame


def test_window_opens_with_the_scenario_name(window):
    assert window.windowTitle() == "ScoreNet - karate[*]"
    assert not window.isWindowModified()
    assert window.transport.counter.text() == "Month 0 / 60"


def test_step_play_and_reset_with_the_keyboard(qtbot, window):
    slider = window.controls.weight_slider("social")
    slider.setFocus()   # Space must still reach Play/Pause
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.controller.frame.step == 1, timeout=WAIT)
    assert window.transport.counter.text().startswith("Month 1")
    with qtbot.waitSignal(window.controller.running_changed, timeout=WAIT):
        qtbot.keyClick(slider, Qt.Key.Key_Space)
    assert window.controller.playing and window.act_play.text() == "Pause"
    qtbot.waitUntil(lambda: window.controller.frame.step >= 4, timeout=WAIT)
    with qtbot.waitSignal(window.controller.running_changed, timeout=WAIT):
        qtbot.keyClick(slider, Qt.Key.Key_Space)
    assert not window.controller.playing
    spin = window.controls.editor("sharing.tolerance").widget   # a number box eats keys
    spin.setFocus()
    with qtbot.waitSignal(window.controller.running_changed, timeout=WAIT):
        qtbot.keyClick(spin, Qt.Key.Key_Space)
    window.controller.pause()
    with qtbot.waitSignal(window.controller.rebuilt, timeout=WAIT):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.frame.step == 0
    assert window.transport.counter.text().startswith("Month 0")


def test_rubric_slider_changes_the_running_weights(qtbot, window):
    _step(qtbot, window)
    window.controls.weight_slider("social").setValue(0.5)
    assert window.isWindowModified()
    frame = _step(qtbot, window)
    assert frame.scenario["rubric.social"] == 0.5
    assert frame.weights["social"] == pytest.approx(0.5 / 1.45)
    assert "34% friends' scores" in window.controls._formula.text()


def test_clicking_a_person_selects_and_inspects_them(qtbot, window):
    window.network.flush()
    target = 5
    point = window.network.display_point(target).toPoint()
    with qtbot.waitSignal(window.network.person_selected, timeout=WAIT) as blocker:
        qtbot.mouseClick(window.network, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [target]
    assert window.inspector.person == target
    assert window.network.selected == target
    frame = _step(qtbot, window)
    assert window.network.selected == target    # stays highlighted across frames
    assert frame.step == 1


def test_scam_from_the_inspector_lowers_the_score(qtbot, window):
    victim = int(np.argmax(window.controller.frame.scores))
    window._on_person_selected(victim)
    window.inspector._scam_button.click()
    frame = _step(qtbot, window, 6)
    sim = Simulation(load_scenario("karate"))
    sim.run(6)
    assert frame.scores[victim] < sim.scores[victim] - 20


def test_save_then_open_gives_the_same_scenario(qtbot, window, tmp_path, monkeypatch):
    window.controls.weight_slider("social").setValue(0.3)
    window.controls.apply_changes({"dating.exposure_bias": 2.5, "run.seed": 7})
    target = tmp_path / "mine.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window.act_save.trigger()   # a preset: Save asks where (Save as)
    assert target.is_file()
    assert not window.isWindowModified() and window.path == target
    saved = window.scenario
    window.controls.apply_changes({"rubric.social": 0.9})
    with qtbot.waitSignal(window.controller.scenario_changed, timeout=WAIT):
        assert window._open_scenario(str(target))
    qtbot.waitUntil(lambda: window._opening is None, timeout=WAIT)
    assert window.scenario == saved == load_scenario(target)
    assert not window.isWindowModified()
    assert window.controls.weight_slider("social").value() == pytest.approx(0.3)


def test_exports_write_png_svg_and_csv(qtbot, window, tmp_path):
    _step(qtbot, window, 5)
    png = window.export_network_image(tmp_path / "net.png")
    svg = window.export_dashboard_image(tmp_path / "dash.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "seed 1" in text
    window.export_metrics(tmp_path / "metrics.csv")
    done = []
    window.export_people(tmp_path / "people.csv", done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    people = (tmp_path / "people.csv").read_text().splitlines()
    assert people[0].startswith("id,group,opted_out,score") and len(people) == 35
    # The metrics CSV is byte for byte what `scorenet run` writes for the same steps.
    cli = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "app", "run", "karate", "--steps", "5", "--quiet",
                    "--metrics-out", str(cli)], cwd=ROOT, check=True)
    assert (tmp_path / "metrics.csv").read_bytes() == cli.read_bytes()


def test_file_menu_exports_network_people_over_time_and_bundle(qtbot, window, tmp_path,
                                                               dialogs):
    """The File menu's network, people-over-time and bundle items write what
    ``scorenet run --graph-out / --people-out / --save-bundle`` write."""
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert any("Export net&work" in t for t in texts)
    assert any("people &over time" in t for t in texts)
    assert any("&bundle" in t for t in texts)
    _step(qtbot, window, 4)
    done = []
    window.export_network_file(tmp_path / "net.gexf", done.append)
    window.export_people_over_time(tmp_path / "people.csv", done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=WAIT)
    window.save_bundle(tmp_path / "b.scorenet")
    cli = tmp_path / "cli"
    cli.mkdir()
    subprocess.run([sys.executable, "-m", "app", "run", str(tmp_path / "b.scorenet"),
                    "--steps", "4", "--quiet", "--people-out", str(cli / "people.csv"),
                    "--graph-out", str(cli / "net.gexf")], cwd=ROOT, check=True)
    assert (tmp_path / "people.csv").read_bytes() == (cli / "people.csv").read_bytes()
    import networkx as nx

    app_net, cli_net = nx.read_gexf(tmp_path / "net.gexf"), nx.read_gexf(cli / "net.gexf")
    assert dict(app_net.nodes(data=True)) == dict(cli_net.nodes(data=True))
    assert sorted(map(sorted, app_net.edges())) == sorted(map(sorted, cli_net.edges()))
    assert (tmp_path / "net.gexf.meta.toml").is_file() and not dialogs
    # After a live change the past cannot be replayed: a message, and no file.
    window.controller.set_params({"rubric.social": 0.6})
    _step(qtbot, window, 1)
    window.export_people_over_time(tmp_path / "changed.csv")
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    assert "Reset" in dialogs[-1][1] and not (tmp_path / "changed.csv").exists()


def test_a_bad_scenario_file_shows_the_cli_message(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[rubric]\nsocial = -1\n", encoding="utf-8")
    assert not window._open_scenario(str(bad))
    cli = subprocess.run([sys.executable, "-m", "app", "run", str(bad), "--quiet"], cwd=ROOT,
                         capture_output=True, text=True)
    assert cli.returncode == 2
    assert dialogs == [("critical", cli.stderr.strip().removeprefix("scorenet: "))]
    assert "rubric.social" in dialogs[0][1]
    assert window.windowTitle().startswith("ScoreNet - karate")
    assert _step(qtbot, window).scores.shape == (34,)   # still running karate


def test_a_bad_graph_file_shows_a_dialog_and_keeps_the_run(qtbot, window, dialogs, tmp_path):
    junk = tmp_path / "junk.gexf"
    junk.write_bytes(b"\x00\x01binary junk\xff")
    scenario = tmp_path / "graph.toml"
    scenario.write_text(f'[network]\nkind = "file"\npath = "{junk.name}"\n', encoding="utf-8")
    assert window._open_scenario(str(scenario))   # the file itself is valid
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    kind, text = dialogs[0]
    assert kind == "critical" and "junk.gexf" in text and "\n" not in text
    assert window.windowTitle().startswith("ScoreNet - karate")
    assert window.controller.static.n == 34


def test_closing_mid_run_is_clean(qtbot, tmp_path, monkeypatch, dialogs):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "s.ini"))
    w = MainWindow(load_scenario("default"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None, timeout=WAIT)
    w.controls.weight_slider("social").setValue(0.4)   # unsaved: the prompt is answered
    w.controller.set_speed(None)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.frame.step >= 3, timeout=WAIT)
    assert w.close()
    assert dialogs and dialogs[0][0] == "question"
    assert w.controller._thread.isFinished()


def test_wheel_zooms_about_the_cursor_and_double_click_fits(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = window.network
    view.flush()
    target = 11
    at = view.display_point(target)
    event = QWheelEvent(at, view.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, event)
    assert view._zoom > 1.0
    after = view.display_point(target)
    assert abs(after.x() - at.x()) < 2 and abs(after.y() - at.y()) < 2   # stays put
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=QPointF(60, 200).toPoint())
    assert view._zoom == 1.0
    assert "score" in view.describe(target) and "friend" in view.describe(target)


def test_a_bad_file_on_the_command_line_opens_the_default(qtbot, tmp_path, monkeypatch):
    from app.window.start import create_window

    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "s.ini"))
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml at all [", encoding="utf-8")
    _app, w, error = create_window(str(bad))
    qtbot.addWidget(w)
    assert error is not None and str(bad) in error and "\n" not in error
    assert w.scenario.name == "default"
    w.controller.shutdown()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presenting_the_fit_button_clears_the_colour_bar_title(open_window, size):
    """In large type the colour bar's title reached under the network's Fit button and,
    at 200%, above the top of the view."""
    w = open_window({})
    net = w.network
    for scale in (None, 1.25, 1.5, 1.75, 2.0):
        if scale is not None:
            w.set_text_scale(scale)
            w.set_presenting(True, full_screen=False)
        w.resize(*size)
        QApplication.processEvents()
        net.draw()   # the title's extent as drawn
        net._place_overlay()
        dpr = net.device_pixel_ratio or 1.0
        title = net._cax.title.get_window_extent(net.get_renderer())
        left, top = title.x0 / dpr, net.height() - title.y1 / dpr
        fit = net._fit_button.geometry()
        assert fit.right() < left and top >= 0, (scale, fit, left, top)


def test_no_callback_reaches_a_deleted_window(qtbot, tmp_path, monkeypatch):
    """A deferred call queued by the window (the dashboard laid out again once shown)
    must not run once the window is gone: it raised "Internal C++ object
    (FigureCanvasQTAgg) already deleted" when a test closed the window at once."""
    from PySide6.QtCore import QCoreApplication, QEvent

    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    scenario = load_scenario("karate")
    w = MainWindow(scenario, Path(scenario.source))
    w.resize(1280, 720)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None, timeout=WAIT)
    w.set_presenting(True, full_screen=False)   # the dashboard under the network
    w.show_dashboard(True)                      # queues its new layout
    assert w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(100)   # queued calls come due: any error in them fails this test
