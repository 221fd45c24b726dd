"""Start the desktop app: ``run_app("default")`` opens a window and returns the exit code.

The window is shown before anything heavy happens: the simulation and the network
layout are built in the controller's worker thread once the window has painted, so the
first window appears within a second or two even for big graphs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from app.common.i18n import translate

__all__ = ["run_app", "create_window", "install_bug_report"]


def _load(name_or_path: str):
    """The scenario to open and its file; a bad one is reported, then the default opens."""
    from models import load_scenario
    from models.errors import ScenarioError

    try:
        scenario = load_scenario(name_or_path)
        return scenario, Path(scenario.source), None
    except ScenarioError as exc:
        fallback = load_scenario("default")
        return fallback, Path(fallback.source), str(exc)


def create_window(scenario_name_or_path: str = "default", lesson=None):
    """Make the QApplication (if needed) and the main window, not yet shown.

    Returns ``(app, window, error)``; ``error`` is the one-line message of a scenario
    that could not be opened (the default scenario is shown instead), or None. With a
    :class:`~models.lessons.Lesson`, the window opens on the lesson's first step.
    """
    from PySide6.QtWidgets import QApplication

    from app.common.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ScoreNet")
    app.setOrganizationName("ScoreNet")
    app.setApplicationDisplayName("ScoreNet")
    # The language before any text is made: View > Language, else the system locale.
    from app.common import i18n

    i18n.install(app)
    apply_theme(app)
    from app.window.main_window import MainWindow

    if lesson is not None:
        scenario, path, error = lesson.steps[0].scenario, None, None
    else:
        scenario, path, error = _load(scenario_name_or_path)
    window = MainWindow(scenario, path)
    if lesson is not None:
        from app.common.language import current_language

        lang = current_language()   # View > Language counts, not only the environment
        if lesson.lang != lang and lesson.source:
            from models.lessons import load_lesson

            lesson = load_lesson(lesson.source, lang=lang)
        window.open_lesson(lesson)
    return app, window, error


def install_bug_report(parent) -> None:
    """Make an exception that escapes a slot of the window a bug report: its traceback
    goes to the error log and a dialog says "internal error, please report" with the
    log's path (instead of a traceback on a terminal the user may not see)."""
    from PySide6.QtWidgets import QMessageBox

    from app.process.errorlog import log_exception, please_report

    def hook(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log = log_exception(exc.with_traceback(tb), "window")
        text = " ".join(str(exc).split()) or translate("start", "(no message)")
        QMessageBox.critical(parent, translate("start", "ScoreNet"), please_report(
            translate("start", "Internal error in the window: {kind}: {text}").format(
                kind=kind.__name__, text=text), log))

    sys.excepthook = hook


def place_window(window, avail) -> None:
    """Size and show ``window`` to fit ``avail`` (a QRect, the screen's available
    geometry, or None): the last session's layout if any, else most of a big screen, or
    all of a small one. Without a window manager ``showMaximized`` does nothing, so the
    size is set first: nothing (the Parameters panel, the dashboard) ends off-screen."""
    from PySide6.QtCore import QTimer

    restored = window.restore_layout()
    if avail is not None:
        width = min(window.width(), avail.width())
        height = min(window.height(), avail.height())
        small = avail.width() < 1500 or avail.height() < 900
        if not restored and not small:
            width = min(1800, int(avail.width() * 0.92))
            height = min(1050, int(avail.height() * 0.92))
        window.resize(width, height)
        x = min(max(window.x(), avail.left()), avail.right() + 1 - width)
        y = min(max(window.y(), avail.top()), avail.bottom() + 1 - height)
        window.move(x, y)
        if not restored and small:
            window.showMaximized()   # a laptop or a projector: use every pixel
        else:
            window.show()
        _fit_frame(window, avail)
        # A window manager may add its title bar later: fit again once it has.
        QTimer.singleShot(300, window, lambda: _fit_frame(window, avail))
        return
    window.show()


def _fit_frame(window, avail) -> None:
    """Shrink and move ``window`` so its frame (title bar included) is inside ``avail``."""
    if window.isMaximized() or window.isFullScreen():
        return
    frame, inner = window.frameGeometry(), window.geometry()
    extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
    width = min(inner.width(), avail.width() - extra_w)
    height = min(inner.height(), avail.height() - extra_h)
    if (width, height) != (inner.width(), inner.height()):
        window.resize(width, height)
    x = min(max(frame.x(), avail.left()), avail.right() + 1 - width - extra_w)
    y = min(max(frame.y(), avail.top()), avail.bottom() + 1 - height - extra_h)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def run_app(scenario: str = "default", lesson=None, present: bool = False) -> int:
    """Open ScoreNet on ``scenario`` (a preset name or a TOML path), or on ``lesson``
    (a :class:`~models.lessons.Lesson`), optionally presenting; the exit status."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    app, window, error = create_window(scenario, lesson)
    # Quitting without closing the window (a session ending, app.quit()) must still stop
    # the model thread and process cleanly.
    app.aboutToQuit.connect(window.controller.shutdown)
    install_bug_report(window)
    screen = app.primaryScreen()
    place_window(window, screen.availableGeometry() if screen is not None else None)
    if present:
        QTimer.singleShot(0, window, lambda: window.set_presenting(True))
    if error:
        QTimer.singleShot(0, window, lambda: QMessageBox.critical(
            window, translate("start", "ScoreNet"),
            error + "\n\n" + translate("start", "The default scenario is open instead.")))
    return int(app.exec())
