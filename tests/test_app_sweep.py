"""The Sweep panel, offscreen: a 2x2 sweep in the background, its heatmap, a click that
opens a run, cancel, exports, and one-line errors under the form."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from app.sweep.panel import QtSweepPanel, suggested_values, sweepable_fields  # noqa: E402
from models import load_scenario, sweep  # noqa: E402
from models.schema import FIELD_BY_NAME  # noqa: E402
from models.sweeps import summary_columns, write_table  # noqa: E402

WAIT = 120_000
KARATE = load_scenario("karate")


@pytest.fixture
def panel(qtbot):
    p = QtSweepPanel(lambda: KARATE)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    yield p
    p.shutdown()


def _two_by_two(panel) -> None:
    panel.choose(panel.key1, "rubric.social")
    panel.values1.setText("0, 0.4")
    panel.choose(panel.key2, "dating.enabled")
    panel.values2.setText("true, false")
    panel.seeds.setValue(2)
    panel.steps.setValue(3)
    panel.workers.setValue(1)


def _click(qtbot, panel, x: float, y: float) -> None:
    """A real mouse click on the canvas at data coordinates (x, y)."""
    canvas = panel.plot.canvas
    px, py = panel.plot.ax.transData.transform((x, y))
    ratio = canvas.device_pixel_ratio or 1
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(px / ratio), int(canvas.height() - py / ratio)))


def test_a_2x2_sweep_runs_draws_and_opens_a_run(qtbot, panel, tmp_path):
    _two_by_two(panel)
    with qtbot.waitSignal(panel.job_done, timeout=WAIT):
        assert panel.start()
        assert panel.running and not panel.run_button.isEnabled()
    outcome = panel.outcome
    assert outcome.complete and not outcome.stopped
    assert panel.progress.value() == panel.progress.maximum() == 8
    assert panel.plot.kind == "heatmap"
    panel.choose_metric("mean_score")
    # The list shows plain words, as the dashboard does, never a column name.
    shown = [panel.metric_box.itemText(i) for i in range(panel.metric_box.count())]
    assert panel.metric_box.currentText() == "Average score (mean)" and "mean_score" not in shown
    assert not set(shown) & set(summary_columns(outcome)), shown
    image = panel.plot.ax.images[0].get_array()
    want = summary_columns(outcome)["mean_score_mean"].reshape(2, 2)
    assert np.array_equal(np.asarray(image), want)
    assert (panel.plot.ax.get_ylabel(), panel.plot.ax.get_xlabel()) == (
        "Friends' scores", "Dating app")
    # The same numbers as the Python API.
    table = sweep(KARATE, {"rubric.social": [0.0, 0.4], "dating.enabled": [True, False]},
                  seeds=2, steps=3, frame=False)
    write_table(tmp_path / "api.csv", table)
    panel.export_table(tmp_path / "panel.csv")
    assert (tmp_path / "panel.csv").read_bytes() == (tmp_path / "api.csv").read_bytes()
    panel.export_plot(tmp_path / "plot.png")
    panel.export_plot(tmp_path / "plot.svg")
    assert (tmp_path / "plot.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "plot.svg").read_bytes()[:400]
    # Row 1 (rubric.social = 0.4), column 0 (dating on).
    with qtbot.waitSignal(panel.open_run, timeout=5000) as opened:
        _click(qtbot, panel, 0, 1)
    sc = opened.args[0]
    assert sc["rubric.social"] == 0.4 and sc["dating.enabled"] is True
    assert sc["run.seed"] == 1 and sc["run.steps"] == 3


def test_one_parameter_draws_a_band_and_cancel_keeps_finished_runs(qtbot, panel):
    panel.choose(panel.key1, "rubric.social")
    panel.values1.setText("0:0.6:4")
    panel.choose(panel.key2, None)
    panel.seeds.setValue(3)
    panel.steps.setValue(150)
    panel.workers.setValue(1)
    seen = []
    panel.job_progress.connect(lambda d, t: seen.append(d))
    with qtbot.waitSignal(panel.job_done, timeout=WAIT):
        assert panel.start()
        qtbot.waitUntil(lambda: bool(seen) and seen[-1] >= 1, timeout=WAIT)
        panel.cancel()
    outcome = panel.outcome
    assert outcome.stopped and 1 <= len(outcome.results) < 12
    assert panel.plot.kind == "band" and panel.run_button.isEnabled()
    with qtbot.waitSignal(panel.open_run, timeout=5000) as opened:
        _click(qtbot, panel, 0.41, panel.plot.ax.get_ylim()[0])
    assert opened.args[0]["rubric.social"] == pytest.approx(0.4)
    assert panel.plot.ax.get_xlabel() == "Friends' scores"   # a label, not rubric.social


def parameter_lists(panel) -> dict[str, str]:
    """Key -> the text its entry shows, in both parameter lists (which must agree)."""
    lists = [{c.itemData(i): c.itemText(i) for i in range(c.count()) if c.itemData(i)}
             for c in (panel.key1, panel.key2)]
    assert lists[0] == lists[1] and lists[0]
    return lists[0]


def test_the_parameter_lists_show_the_parameters_panels_labels(qtbot, panel):
    from app.controls.panel import REBUILD_MARK, QtControls

    controls = QtControls(KARATE)
    qtbot.addWidget(controls)
    shown = parameter_lists(panel)
    assert shown["rubric.social"] == "Friends' scores"
    # Every row of the Parameters panel (the four switches of its groups, such as the
    # dating app's, are group titles there and keep their schema label here).
    rows = [name for name in shown if name in controls._labels]
    assert len(rows) == len(shown) - 4
    for name in rows:
        assert shown[name] == controls._labels[name].text().removesuffix(f" {REBUILD_MARK}")
    assert panel.key2.itemText(0) == "(none)" and panel.key(panel.key2) is None
    panel.choose(panel.key2, "events.scam_rate")
    assert panel.key2.currentText() == "Scam rate" and panel.values2.isEnabled()


@pytest.mark.parametrize("values, says", [
    ("0:1", "START:STOP:COUNT"),
    ("-1, 0", "must be >= 0"),
    ("0.1, 0.1", "lists a value twice"),
])
def test_bad_values_are_one_line_and_nothing_runs(panel, values, says):
    panel.values1.setText(values)
    assert not panel.start()
    assert panel.job is None and says in panel.error.text()
    assert "\n" not in panel.error.text() and panel.error.isVisibleTo(panel)
    # In the panel's terms: no command-line option, no raw key names.
    assert "--vary" not in panel.error.text() and "rubric." not in panel.error.text()
    panel.values1.setText("0, 0.1")
    assert not panel.error.isVisibleTo(panel)


def test_suggested_values_are_valid_for_every_field():
    from models.sweeps import make_plan, parse_vary

    for f in sweepable_fields():
        key, values = parse_vary(f"{f.name}={suggested_values(f, KARATE)}")
        plan = make_plan(KARATE, {key: values}, [1], steps=1)
        assert len(plan) >= 2 or FIELD_BY_NAME[key].type is int, f.name


def test_window_opens_a_sweep_run_as_unsaved_edits(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.window.main_window import MainWindow

    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    # Closing asks to save the edits: answer without a dialog.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Discard))
    w = MainWindow(KARATE, Path(KARATE.source))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None, timeout=WAIT)
    assert not w.sweep_dock.isVisible()
    w.sweep_dock.toggleViewAction().trigger()
    assert w.sweep_dock.isVisible()
    run = KARATE.replace({"rubric.social": 0.3, "run.seed": 4})
    with qtbot.waitSignal(w.controller.rebuilt, timeout=WAIT):
        w.sweep.open_run.emit(run)
    assert w.controls.scenario["rubric.social"] == 0.3
    assert w.controller.frame.scenario["run.seed"] == 4
    assert w.isWindowModified()
    w.controller.shutdown()


def test_the_sweep_panel_fits_a_projectors_screen_floating_and_docked(qtbot, tmp_path,
                                                                      monkeypatch):
    """At 1280x720 the panel's plot and form need about 480 px: docked under the
    network they scroll instead of making the window taller than the screen, and the
    first floating window is no taller than the screen either."""
    from app.window.main_window import MainWindow

    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow(KARATE)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None, timeout=WAIT)
    w.sweep_dock.toggleViewAction().trigger()
    room = w.screen().availableGeometry()
    assert w.sweep_dock.isFloating() and w.sweep_dock.height() <= room.height()
    w.sweep_dock.setFloating(False)
    qtbot.wait(50)
    assert w.sweep_dock.isVisible() and not w.sweep_dock.isFloating()
    assert w.minimumSizeHint().height() <= 720
    w.controller.shutdown()
