"""An installed ScoreNet (a wheel, not a checkout) finds its presets, lessons, networks,
icon and translations.

The packages and setup.py's package data are laid out as a wheel installs them, in a
folder with no ``assets/`` or ``translations/`` beside it, and ``scorenet`` runs from
another folder. (Building a real wheel needs the build backend from the package index;
this checks the same tables and lookups without it.)
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _setup_tables() -> dict:
    """setup.py's DATA_PACKAGES and PACKAGE_DATA, read without running it (or importing
    setuptools, which patches distutils in this process)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    return {t.id: ast.literal_eval(node.value) for node in tree.body
            if isinstance(node, ast.Assign) for t in node.targets
            if isinstance(t, ast.Name) and t.id in ("DATA_PACKAGES", "PACKAGE_DATA")}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """models/ and app/ with the package data of setup.py, as in site-packages."""
    site = tmp_path_factory.mktemp("site-packages")
    tables = _setup_tables()
    for top in ("models", "app"):
        shutil.copytree(ROOT / top, site / top,
                        ignore=shutil.ignore_patterns("__pycache__", "_assets", "_translations"))
    for package, folder in tables["DATA_PACKAGES"].items():
        dest = site.joinpath(*package.split("."))
        for pattern in tables["PACKAGE_DATA"][package]:
            for f in (ROOT / folder).glob(pattern):
                if f.is_file():
                    (dest / f.relative_to(ROOT / folder)).parent.mkdir(parents=True,
                                                                       exist_ok=True)
                    shutil.copy2(f, dest / f.relative_to(ROOT / folder))
    return site


def _scorenet(site: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    # A fresh start's environment: no checkout on the path, no language chosen (an
    # earlier test may have set SCORENET_PARENT_LANGUAGE in this worker).
    environ = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES")
               and not k.startswith("SCORENET_")}
    environ.update(PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run([sys.executable, *args], cwd=tmp_path, env=environ, text=True,
                          capture_output=True, timeout=240, check=False)


def test_the_installed_packages_find_their_files(site, tmp_path):
    code = ("import models, app.common.language as L, app.common.theme as T\n"
            "from models.scenario import preset_dir, load_scenario\n"
            "from models.lessons import lesson_dir\n"
            "from pathlib import Path\n"
            "net = load_scenario('facebook')['network.path']\n"
            "print(models.__file__, preset_dir(), lesson_dir(), L.TRANSLATIONS_DIR, T._ICON,"
            " (preset_dir() / net).resolve(), sep='\\n')\n")
    r = _scorenet(site, tmp_path, "-c", code)
    assert r.returncode == 0, r.stderr
    where = [Path(line) for line in r.stdout.splitlines()]
    assert all(site in p.parents for p in where), where   # nothing from the checkout
    assert all(p.exists() for p in where), where


def test_scorenet_runs_and_lists_lessons_when_installed(site, tmp_path):
    r = _scorenet(site, tmp_path, "-m", "app.cli", "run", "default", "--steps", "2")
    assert r.returncode == 0 and "mean_score" in r.stdout, r.stderr
    r = _scorenet(site, tmp_path, "-m", "app.cli", "lessons")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 8, r.stderr
    r = _scorenet(site, tmp_path, "-m", "app.cli", "lessons", LANGUAGE="zh_CN")
    assert r.returncode == 0, r.stderr
    titles = dict(line.split("\t")[:2] for line in r.stdout.splitlines())
    assert titles["opting_out"] == "退出"   # the Chinese lesson files
    assert "分钟" in r.stdout                # the compiled gettext catalogue
