"""Lessons and presentation mode in the main window, offscreen.

Every lesson is stepped through in the window to its end and must give the very months
the headless runner gives (same frames, bit for bit); predictions come before running;
the keys move through a lesson; presenting hides what a class should not see, keeps
its text size, and lays the dashboard out without collisions or technical titles.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from app.dashboard.scales import TITLE_TIERS  # noqa: E402
from app.window.compare import difference_of_frames  # noqa: E402
from app.window.main_window import MainWindow  # noqa: E402
from models.lesson_run import walk, worksheet  # noqa: E402
from models.lessons import lesson_names, load_lesson  # noqa: E402

WAIT = 60_000


@pytest.fixture(autouse=True)
def quiet(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):   # lessons in English unless asked
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))

    def critical(_parent, _title, text, *a, **k):
        raise AssertionError(f"error dialog: {text}")

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))


def _window(qtbot, lesson=None, size=(1280, 720)) -> MainWindow:
    from app.window.start import create_window

    _app, w, error = create_window("karate", lesson)
    assert error is None
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.controller.set_speed(None)   # as fast as frames arrive: the months are the same
    qtbot.waitUntil(lambda: w.controller.frame is not None and not w.controller.busy
                    and w._opening is None, timeout=WAIT)
    return w


def _settle(qtbot, w):
    qtbot.waitUntil(lambda: not w.controller.busy and w._opening is None
                    and w.controller.frame is not None
                    and w.controller.scenario == w.controls.scenario
                    and w._lesson_compare_pending is None
                    and (not w.pair.active or w.pair.caught_up()), timeout=WAIT)


@pytest.mark.parametrize("name", lesson_names())
def test_every_lesson_steps_through_the_window_like_the_headless_run(qtbot, name):
    lesson = load_lesson(name)
    want = walk(lesson)
    w = _window(qtbot, lesson)
    panel = w.lesson_panel
    try:
        for i, (step, out) in enumerate(zip(lesson.steps, want)):
            if i:
                qtbot.keyClick(w, Qt.Key.Key_PageDown)
            assert panel.index == i and panel.progress.text() == \
                f"step {i + 1} of {len(lesson.steps)}"
            _settle(qtbot, w)
            if step.predict is not None:
                assert not panel.run_button.isEnabled()   # the class predicts first
                panel._choices.button(0).click()
            if step.run:
                assert panel.run_button.isEnabled()
                with qtbot.waitSignal(w.controller.running_changed, timeout=WAIT,
                                      check_params_cb=lambda r: not r):
                    panel.run_button.click()
                qtbot.waitUntil(lambda: w._lesson_run is None
                                and w._lesson_outcome_pending is None, timeout=WAIT)
            frame = w.controller.frame
            assert w.pair.active == (step.compare is not None), step.title
            if step.compare is not None:   # B beside A, as the headless lockstep run
                b = w.pair.b.frame
                assert b.step == frame.step and b.scenario == step.scenario_b.replace(
                    {"run.steps": frame.scenario["run.steps"]})
                if step.run:
                    d = difference_of_frames(frame, b)
                    assert (d.only_a.size, d.only_b.size) == (out.only_a, out.only_b)
                    assert f"Excluded only under A: {out.only_a:,} " in panel.outcome.text()
                if out.metric_b is not None:
                    assert float(b.history[out.metric[0]][-1]) == out.metric_b[2]
                if out.person_b is not None:
                    assert b.scores[out.person[0]] == out.person_b[2]
            assert frame.step == out.end_month, step.title
            if out.metric is not None:
                got = float(frame.history[out.metric[0]][-1])
                assert got == out.metric[2] or (np.isnan(got) and np.isnan(out.metric[2]))
            if out.person is None:
                assert "Person " not in panel.outcome.text()
            else:
                assert w._lesson_person == out.person[0]
                assert frame.scores[out.person[0]] == out.person[2]
                assert f"{out.person[2]:.0f}" in panel.outcome.text()
        assert not panel.next_button.isEnabled()   # the end
        record = panel.predictions
        assert len(record) == sum(s.predict is not None for s in lesson.steps)
        assert all(happened for *_x, happened in record)
        assert "The class's predictions" in panel.record.text()
    finally:
        w.close()


def test_keys_move_through_a_lesson_and_step_moves_aside(qtbot):
    w = _window(qtbot, load_lesson("who_decides"))
    panel = w.lesson_panel
    try:
        qtbot.keyClick(w, Qt.Key.Key_Right)
        assert panel.index == 1
        _settle(qtbot, w)
        qtbot.keyClick(w, Qt.Key.Key_PageUp)
        assert panel.index == 0
        qtbot.keyClick(w, Qt.Key.Key_Left)
        assert panel.index == 0
        assert w.act_step.shortcut().toString() == "Ctrl+Right"
        w.close_lesson()
        assert w.act_step.shortcut().toString() == "Right"
        assert not w.lesson_dock.isVisible()
    finally:
        w.close()


def test_presenting_hides_the_side_panels_and_the_notes(qtbot, tmp_path):
    w = _window(qtbot, load_lesson("friends_count"))
    panel = w.lesson_panel
    try:
        assert panel.notes.isVisible() and "Teacher" in panel.notes.text()
        normal_pt = w.font().pointSizeF()
        qtbot.keyClick(w, Qt.Key.Key_F11)
        assert w.presenting and w.isFullScreen()
        assert not w.controls_dock.isVisible() and not w.inspector_dock.isVisible()
        assert w.lesson_dock.isVisible() and not panel.notes.isVisible()
        assert not w.transport.speed.isVisible() and not w.menuBar().isVisible()
        assert all(b.isVisible() for b in w.transport.buttons.values())
        assert w.font().pointSizeF() == pytest.approx(1.5 * normal_pt)
        assert w.network.figure.dpi == pytest.approx(1.5 * w.network._scorenet_base_dpi)
        w.set_text_scale(2.0)
        assert w.font().pointSizeF() == pytest.approx(2.0 * normal_pt)
        qtbot.keyClick(w, Qt.Key.Key_F11)
        assert not w.presenting and not w.isFullScreen()
        assert w.controls_dock.isVisible() and panel.notes.isVisible()
        assert w.font().pointSizeF() == pytest.approx(normal_pt)
        assert w.menuBar().isVisible() and w.transport.speed.isVisible()
    finally:
        w.close()
    again = MainWindow(load_lesson("friends_count").scenario)
    qtbot.addWidget(again)
    assert again.text_scale() == 2.0   # remembered
    again.controller.shutdown()


def _collisions(dash) -> list:
    """The dashboard test's overlap check (tests/test_app_panels.py), on a live panel."""
    fig = dash.figure
    renderer = dash.canvas.get_renderer()
    boxes, found = [], []
    for k, ax in enumerate(fig.axes):
        texts = [t for t in (ax._left_title, ax.title, ax._right_title) if t.get_text().strip()]
        boxes += [(k, "text", t.get_window_extent(renderer)) for t in texts]
        boxes.append((k, "axes", ax.get_window_extent(renderer)))
        boxes += [(k, "ticks", b) for b in (ax.xaxis.get_tightbbox(renderer),
                                            ax.yaxis.get_tightbbox(renderer)) if b is not None]
    legend = fig.axes[-1].get_legend()
    if legend is not None:
        boxes.append((len(fig.axes) - 1, "legend", legend.get_window_extent(renderer)))
    for (ka, wa, a), (kb, wb, b) in itertools.combinations(boxes, 2):
        if ka == kb and ({wa, wb} == {"text"} or {wa, wb} <= {"axes", "ticks"}):
            continue
        inter = a.intersection(a, b)
        if inter is not None and inter.width >= 1 and inter.height >= 1:
            found.append((wa, wb))
    whole = fig.bbox
    found += [("outside", w) for _, w, box in boxes
              if box.x0 < whole.x0 - 1 or box.x1 > whole.x1 + 1
              or box.y0 < whole.y0 - 1 or box.y1 > whole.y1 + 1]
    return found


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presentation_layout_has_no_collisions_or_jargon(qtbot, size):
    w = _window(qtbot, load_lesson("friends_count"), size)
    try:
        w.set_presenting(True, full_screen=False)
        w.resize(*size)
        assert not w.dashboard.isVisible()   # the network fills the screen
        w.show_dashboard(True)              # as a step that points at a chart does
        qtbot.waitUntil(lambda: w.dashboard.figure.dpi > w.dashboard.canvas._scorenet_base_dpi,
                        timeout=WAIT)
        qtbot.wait(200)
        w.dashboard.flush()
        assert _collisions(w.dashboard) == []
        compact = set(TITLE_TIERS[-1].values())
        titles = [ax._left_title.get_text().replace("\n", " ") for ax in w.dashboard.figure.axes]
        assert titles and not compact & set(titles), titles
        net = w.network
        assert net.width() >= 0.55 * size[0] and net.height() >= 0.4 * size[1]
        renderer = net.get_renderer()
        legend = net._legend.get_window_extent(renderer)
        assert legend.x1 <= net.figure.bbox.x1 + 1 and legend.y0 >= -1   # legend on screen
    finally:
        w.close()


def test_the_worksheet_exports_from_the_app(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from models.lesson_pdf import worksheet_pdf

    lesson = load_lesson("opting_out")
    w = _window(qtbot, lesson)
    try:
        w.export_worksheet(tmp_path / "sheet.md")
        assert (tmp_path / "sheet.md").read_text(encoding="utf-8") == worksheet(lesson)
        assert w.act_worksheet.isEnabled()
        titles = [a.text() for a in w.lessons_menu.actions()]
        assert "Opting out (14 min)" in titles
        # The lesson panel's Worksheet button: a PDF by default.
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
            lambda *a, **k: (str(tmp_path / "from-panel"), "PDF (*.pdf)")))
        assert w.lesson_panel.worksheet_button.isVisible()
        w.lesson_panel.worksheet_button.click()
        assert (tmp_path / "from-panel.pdf").read_bytes() == worksheet_pdf(lesson)
    finally:
        w.close()


def test_lessons_open_in_chinese_under_zh_cn(qtbot, monkeypatch):
    monkeypatch.setenv("SCORENET_LANGUAGE", "zh_CN")   # the app's language (View > Language)
    w = _window(qtbot, None)
    try:
        titles = [a.text() for a in w.lessons_menu.actions()]
        assert any(t.startswith("退出") for t in titles), titles
        next(a for a in w.lessons_menu.actions() if a.text().startswith("退出")).trigger()
        panel = w.lesson_panel
        assert w.lesson.lang == "zh_CN" and panel.lesson_title.text() == "退出"
        assert panel.step_title.text() == load_lesson("opting_out", "zh_CN").steps[0].title
    finally:
        w.close()


def test_lessons_follow_the_apps_language_not_only_the_environment(qtbot, monkeypatch):
    # The system asks for Chinese, the app was set to English: lessons in English too,
    # never Chinese lessons in an English window (or the reverse).
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    monkeypatch.setenv("SCORENET_LANGUAGE", "en")
    w = _window(qtbot, load_lesson("opting_out", lang="zh_CN"))
    try:
        assert w.lesson.lang == "en" and w.lesson_panel.lesson_title.text() == "Opting out"
        titles = [a.text() for a in w.lessons_menu.actions()]
        assert not any(t.startswith("退出") for t in titles), titles
    finally:
        w.close()


def test_the_panel_asks_for_a_prediction_before_running(qtbot):
    from app.lessons.panel import QtLessonPanel

    panel = QtLessonPanel()
    qtbot.addWidget(panel)
    panel.show()
    lesson = load_lesson("opting_out")
    entered, runs = [], []
    panel.step_entered.connect(entered.append)
    panel.run_requested.connect(runs.append)
    panel.set_lesson(lesson)
    panel.next()
    assert entered == [0, 1] and panel.progress.text() == "step 2 of 5"
    assert lesson.steps[1].predict is not None
    assert not panel.run_button.isEnabled()
    panel._choices.button(1).click()
    assert panel.run_button.isEnabled()
    panel.run_button.click()
    assert runs == [1]
    panel.set_running(True)
    assert not panel.next_button.isEnabled() and not panel.back_button.isEnabled()
    panel.show_outcome(1, "Friends lost by opting out: 0.03 \u2192 0.65.")
    panel.set_running(False)
    assert "You predicted B" in panel.outcome.text() and "0.65" in panel.outcome.text()
    assert not panel._choices.button(1).isEnabled()   # no changing the answer afterwards
    panel.go_to(len(lesson.steps) - 1)   # the last step shows the record
    assert panel.predictions == [(2, lesson.steps[1].predict.question,
                                  lesson.steps[1].predict.choices[1],
                                  "Friends lost by opting out: 0.03 \u2192 0.65.")]
    assert "predicted" in panel.record.text()
    panel.set_presenting(True)
    assert panel.notes.isHidden()
    panel.set_presenting(False)
    assert not panel.notes.isHidden()


def test_a_lessons_controls_are_named_as_in_the_parameters_panel(qtbot):
    # "Payment record" in one panel and "Credit history" in the other is one setting
    # under two names: a class would not know they are the same.
    from PySide6.QtWidgets import QLabel

    lesson = load_lesson("who_decides")
    w = _window(qtbot, lesson)
    try:
        shown = [lab.text() for lab in w.lesson_panel.controls_box.findChildren(QLabel)]
        assert shown, "the lesson has controls"
        for name in lesson.controls:
            assert w.controls._labels[name].text() in shown, name
    finally:
        w.close()
