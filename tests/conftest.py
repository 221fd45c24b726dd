"""Shared fixtures: paths to the project's assets and small helpers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Bugs met on purpose by the tests are logged here, not in the user's state folder.
os.environ.setdefault("SCORENET_LOG", str(Path(tempfile.mkdtemp(prefix="scorenet-test-"))
                                          / "errors.log"))

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
FACEBOOK = ASSETS / "networks" / "facebook_combined.txt"


@pytest.fixture
def facebook_path() -> Path:
    return FACEBOOK
