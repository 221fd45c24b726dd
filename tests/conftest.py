"""Shared fixtures: paths to the project's assets and small helpers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English words; the translation's own tests choose Chinese themselves.
os.environ.setdefault("SCORENET_LANGUAGE", "en")
# Bugs met on purpose by the tests are logged here, not in the user's state folder.
os.environ.setdefault("SCORENET_LOG", str(Path(tempfile.mkdtemp(prefix="scorenet-test-"))
                                          / "errors.log"))

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
FACEBOOK = ASSETS / "networks" / "facebook_combined.txt"


@pytest.fixture
def facebook_path() -> Path:
    return FACEBOOK


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    """``open_window(changes, critical=None)``: the main window on karate with
    ``changes``, at 1280x720, shown and laid out; no dialog blocks (``critical`` is
    called instead of an error dialog, when given). Shut down after the test."""
    from PySide6.QtWidgets import QMessageBox

    from app.window.main_window import MainWindow
    from models import load_scenario

    opened = []

    def open_(changes: dict, critical=None):
        # No modal dialog may block a test (closing asks to save the changed scenario).
        monkeypatch.setattr(QMessageBox, "question", staticmethod(
            lambda *a, **k: QMessageBox.StandardButton.Discard))
        monkeypatch.setattr(QMessageBox, "critical", staticmethod(
            critical or (lambda *a, **k: QMessageBox.StandardButton.Ok)))
        monkeypatch.setenv("SCORENET_SETTINGS", str(tmp_path / "settings.ini"))
        scenario = load_scenario("karate", changes)
        w = MainWindow(scenario, Path(scenario.source))
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        opened.append(w)
        qtbot.waitUntil(lambda: w.controller.frame is not None
                        and w.network.positions is not None, timeout=60_000)
        return w

    yield open_
    for w in opened:
        w.pair.shutdown()
        w.controller.shutdown()


@pytest.fixture
def kernels_on(monkeypatch):
    """Compiled kernels (models.kernels) at any size for this test; skipped without numba
    (the test extra installs it, so CI always runs these)."""
    from models import accel

    if not accel.available():
        pytest.skip("numba is not installed")
    monkeypatch.setenv(accel.ENV, "1")
