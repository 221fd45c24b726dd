"""Shared fixtures: paths to the project's assets and small helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
FACEBOOK = ASSETS / "networks" / "facebook_combined.txt"


@pytest.fixture
def facebook_path() -> Path:
    return FACEBOOK
