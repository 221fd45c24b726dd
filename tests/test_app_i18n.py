"""The app in Simplified Chinese, offscreen: menus, View > Language, fonts in the plots."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from app.common import i18n  # noqa: E402
from models import load_scenario  # noqa: E402

WAIT = 30_000


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def chinese(qapp, monkeypatch, tmp_path):
    """The app's translators in Chinese for one test, English again after it."""
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.delenv("SCORENET_LANGUAGE", raising=False)
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield qapp
    i18n.install(qapp, "en")
    monkeypatch.setenv("SCORENET_LANGUAGE", "en")


def _window(qtbot):
    from app.window.main_window import MainWindow

    scenario = load_scenario("karate")
    w = MainWindow(scenario, Path(scenario.source))
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitUntil(lambda: w.controller.frame is not None
                    and w.network.positions is not None, timeout=WAIT)
    return w


def test_main_window_menus_and_panels_in_chinese(chinese, qtbot):
    w = _window(qtbot)
    try:
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles[0] == "\u6587\u4ef6(&F)", titles   # 文件(&F)
        assert all(_cjk(t) for t in titles), titles
        items = [a.text() for m in w.menuBar().actions() if m.menu()
                 for a in m.menu().actions() if a.text()]
        assert sum(map(_cjk, items)) >= 0.9 * len(items), [t for t in items if not _cjk(t)]
        assert _cjk(w.act_play.text()) and _cjk(w.transport.counter.text())
        assert _cjk(w.windowTitle()) or "karate" not in w.windowTitle()
        # The plots: the network's colour bar, the dashboard's titles.
        w.dashboard.flush()
        assert _cjk(w.network._cax.get_title())
        assert any(_cjk(t.get_text()) for t in w.dashboard._titles.values())
    finally:
        w.controller.shutdown()


def test_the_sweep_panels_parameter_lists_in_chinese(chinese, qtbot):
    from app.sweep.panel import QtSweepPanel

    panel = QtSweepPanel(lambda: load_scenario("karate"))
    qtbot.addWidget(panel)
    for combo in (panel.key1, panel.key2):
        names = [combo.itemData(i) for i in range(combo.count())]
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert [t for n, t in zip(names, texts) if n and t != i18n.field_label(n)] == []
        assert all(_cjk(t) for t in texts), [t for t in texts if not _cjk(t)]
    assert panel.key1.currentText() == "\u597d\u53cb\u7684\u4fe1\u7528\u5206"   # 好友的信用分


def test_a_zh_cn_start_shows_chinese(qapp, qtbot, monkeypatch, tmp_path):
    """The real start: LANGUAGE=zh_CN (no setting saved) makes the window Chinese."""
    from app.window.start import create_window

    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.delenv("SCORENET_LANGUAGE", raising=False)
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    try:
        _app, w, error = create_window("karate")
        qtbot.addWidget(w)
        assert error is None
        assert [a.text() for a in w.menuBar().actions()][0] == "\u6587\u4ef6(&F)"
        w.controller.shutdown()
    finally:
        i18n.install(qapp, "en")
        monkeypatch.setenv("SCORENET_LANGUAGE", "en")


def test_english_window_stays_english(qapp, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    i18n.install(qapp, "en")
    w = _window(qtbot)
    try:
        assert [a.text() for a in w.menuBar().actions()][0] == "&File"
    finally:
        w.controller.shutdown()


def test_view_language_is_remembered_and_says_when_it_applies(chinese, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, title, text, *a, **k: said.append(text)))
    w = _window(qtbot)
    try:
        labels = [a.text() for a in w.language_menu.actions()]
        assert labels[1:] == ["English", "\u7b80\u4f53\u4e2d\u6587"], labels
        english = w.language_menu.actions()[1]
        english.trigger()
        assert i18n.saved_language() == "en"
        assert said and _cjk(said[0])   # said in the language now on screen
        assert english.isChecked()
        w.language_menu.actions()[0].trigger()
        assert i18n.saved_language() == ""   # follow the system again
    finally:
        w.controller.shutdown()


def test_the_saved_choice_is_used_at_start(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.delenv("SCORENET_LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    try:
        i18n.save_language("zh_CN")
        assert i18n.install(qapp) == "zh_CN"
        assert QApplication.translate("menus", "&File") == "\u6587\u4ef6(&F)"
        i18n.save_language("")
        assert i18n.install(qapp) == "en"
        assert QApplication.translate("menus", "&File") == "&File"
    finally:
        i18n.install(qapp, "en")
        monkeypatch.setenv("SCORENET_LANGUAGE", "en")


def test_chinese_in_matplotlib_has_no_missing_glyphs():
    from app.picture.fonts import use_cjk_fonts

    font = use_cjk_fonts("en")
    if font is None:
        pytest.skip("no font with Chinese characters is installed here")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure()
    FigureCanvasAgg(fig)
    fig.add_subplot().set_title("\u4fe1\u7528\u5206\u6709\u591a\u4e0d\u5e73\u7b49\uff1f")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # "Glyph ... missing from font(s)" fails the test
        fig.canvas.draw()


def test_a_fallback_font_without_bold_is_asked_for_bold_titles_without_a_warning(caplog):
    """Droid Sans Fallback has one regular face: every bold title asked it for a bold one,
    and matplotlib logged "Failed to find font weight bold" at every start."""
    import logging

    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from app.picture.fonts import fill_weights, use_cjk_fonts

    def draw_bold(families, text="score") -> list[str]:
        fig = Figure()
        FigureCanvasAgg(fig)
        fig.add_subplot().set_title(text, fontweight="bold", family=families)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
            fig.canvas.draw()
        return [r.getMessage() for r in caplog.records if "font weight" in r.getMessage()]

    fm = font_manager.fontManager
    kept = list(fm.ttflist)
    family = "cmr10"   # ships with matplotlib with a regular face only, like Droid's
    try:
        assert draw_bold(["DejaVu Sans", family]) != []   # what is guarded against
        assert fill_weights(family) == 1
        assert draw_bold(["DejaVu Sans", family]) == []
        assert fill_weights(family) == 0   # once
    finally:
        fm.ttflist[:] = kept
        fm._findfont_cached.cache_clear()
    cjk = use_cjk_fonts("en")   # the real fallback, where this machine has one
    if cjk is not None:
        assert draw_bold(["DejaVu Sans", cjk], "\u4fe1\u7528\u5206 score") == []


def _story_timeline():
    """A hand-made timeline that tells every sentence of :mod:`models.story`."""
    import numpy as np

    from models.timeline import Timeline

    n = 8
    key = lambda u, v: min(u, v) * n + max(u, v)   # noqa: E731
    ties = {0: [(0, 1), (0, 2), (1, 2)], 3: [(1, 2)],
            5: [(1, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7)], 6: [(0, 3), (1, 2)]}
    keys: list[int] = []
    tl = Timeline(n)
    for k in range(8):
        keys = sorted(key(*t) for t in ties[k]) if k in ties else keys
        st = np.zeros(n, np.int8)
        st[0] = {3: -1, 4: -1, 7: 1}.get(k, 0)
        scammed = np.zeros(n, bool)
        scammed[0] = k in (2, 3)
        tl.record(k, np.full(n, 600.0), st, np.array(keys, np.int64), scammed=scammed,
                  was_scammed=np.full(n, k >= 2))
    tl.note_change(4, "rubric.social", 0.05, 0.4)
    tl.note_change(4, "sharing.share_with_friends", True, False)
    return tl


def test_a_story_is_told_in_chinese(chinese):
    import re

    from app.inspector.story import story_html
    from app.inspector.story_words import story_line
    from models.story import story_lines

    lines = story_lines(_story_timeline(), 0)
    assert len(lines) >= 10 and any("and 1 more" in ln for ln in lines)
    for line in lines:
        said = story_line(line)
        assert not re.search(r"[A-Za-z]{2,}", said), (line, said)
    html = story_html(lines)
    assert html.count("<b>") == len(lines) and "<b>\u7b2c 0 \u6708\uff1a</b>" in html


def test_a_story_in_english_is_left_as_told(qapp):
    from app.inspector.story_words import story_line
    from models.story import story_lines

    i18n.install(qapp, "en")
    lines = story_lines(_story_timeline(), 0)
    assert [story_line(ln) for ln in lines] == lines
