"""The app's settings store (QSettings), shared by the window and the language choice."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

__all__ = ["settings"]


def settings() -> QSettings:
    """The app's settings (an INI file named by $SCORENET_SETTINGS, e.g. in tests)."""
    path = os.environ.get("SCORENET_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("ScoreNet", "ScoreNet")
