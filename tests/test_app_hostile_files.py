"""The second tester's files through the window: File > Open network on a symbolic link
loop, a NUL or a one-person graph, a scenario whose path holds a NUL, a scenario whose
graph fails (the title names what is open), a lesson step whose graph fails.

Each refusal is one dialog line naming the file and what is wrong, never an internal
error, and the network stays as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from models import load_scenario  # noqa: E402

WAIT = 60_000


@pytest.fixture
def dialogs(tmp_path, monkeypatch):
    """Error dialogs as (text, window title when shown); no dialog blocks."""
    seen: list[tuple[str, str]] = []

    def critical(parent, _title, text, *a, **k):
        seen.append((text, parent.window().windowTitle() if parent is not None else ""))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Discard))
    return seen


def _shown(qtbot, w):
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None and w._opening is None,
                    timeout=WAIT)
    return w


def _close(w) -> None:
    w.pair.shutdown()
    w.controller.shutdown()


def test_open_network_refuses_a_loop_a_nul_and_one_person(qtbot, dialogs, tmp_path,
                                                         monkeypatch):
    from app.window.main_window import MainWindow

    os.symlink(tmp_path / "loop1", tmp_path / "loop2")
    os.symlink(tmp_path / "loop2", tmp_path / "loop1")
    (tmp_path / "one.txt").write_text("1 1\n")
    scenario = load_scenario("karate")
    w = _shown(qtbot, MainWindow(scenario, Path(scenario.source)))
    try:
        for chosen, said in ((tmp_path / "loop1", f"{tmp_path / 'loop1'}: symbolic link loop"),
                             (tmp_path / "a\x00b", "a\\x00b: contains a NUL character"),
                             (tmp_path / "one.txt", (f"{tmp_path / 'one.txt'}: network.path: "
                                                     "the graph has 1 person"))):
            dialogs.clear()
            monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
                lambda *a, _c=str(chosen), **k: (_c, "")))
            w._on_open_network()
            qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
            text = dialogs[0][0]
            assert text.split("\n")[0].endswith(said) or said in text.split("\n")[0], text
            assert "unchanged" in text and "internal error" not in text.lower()
            assert w.controls.scenario["network.kind"] == "karate"
    finally:
        _close(w)


def test_a_nul_in_the_scenario_path_is_returned_not_raised(qtbot, dialogs, tmp_path):
    from app.window.start import create_window

    bad = tmp_path / "net_nul.toml"
    bad.write_text('schema_version = 1\n[network]\nkind = "file"\npath = "a\\u0000b"\n')
    _app, w, error = create_window(str(bad))
    try:
        _shown(qtbot, w)
        assert error == f"{bad}: network.path: contains a NUL character"
        assert w.windowTitle() == "ScoreNet - default[*]"
    finally:
        _close(w)


def test_a_failed_graph_leaves_a_title_that_names_what_is_open(qtbot, dialogs, tmp_path):
    from app.window.main_window import MainWindow

    (tmp_path / "arrow.txt").write_text("alice -> bob\n")
    (tmp_path / "arrowy.toml").write_text('schema_version = 1\n[about]\nname = "Arrowy"\n'
                                          '[network]\nkind = "file"\npath = "arrow.txt"\n')
    scenario = load_scenario(tmp_path / "arrowy.toml")
    w = MainWindow(scenario, Path(scenario.source))
    try:
        _shown(qtbot, w)
        assert len(dialogs) == 1, dialogs
        text, title = dialogs[0]
        assert "arrow.txt: network.path: line 1" in text and "default scenario" in text
        assert title == "ScoreNet - default[*]", title   # while the dialog says so
        assert w.windowTitle() == "ScoreNet - default[*]"
    finally:
        _close(w)


def test_a_lesson_step_whose_graph_fails_names_the_lesson_and_the_step(qtbot, dialogs,
                                                                      tmp_path):
    from app.window.start import create_window
    from models.lessons import load_lesson

    (tmp_path / "arrow.txt").write_text("alice -> bob\n")
    (tmp_path / "l.toml").write_text(
        '[lesson]\ntitle = "T"\nminutes = 5\nscenario = "karate"\nsources = ["s"]\n'
        'fiction = "f"\n[[step]]\ntitle = "a"\ntext = "b"\nrun = 1\n'
        '[[step]]\ntitle = "c"\ntext = "d"\nrun = 1\nreset = true\n'
        'set = { "network.kind" = "file", "network.path" = "arrow.txt" }\n')
    _app, w, error = create_window(lesson=load_lesson(tmp_path / "l.toml"))
    try:
        _shown(qtbot, w)
        assert error is None and not dialogs
        w.lesson_panel.next()
        qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
        text = dialogs[0][0]
        assert text.startswith(f"{tmp_path / 'l.toml'}: step 2: "), text
        assert "arrow.txt: network.path: line 1: '->'" in text
    finally:
        _close(w)
