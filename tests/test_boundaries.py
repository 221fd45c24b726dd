"""Who may import whom: the import-linter contracts in pyproject.toml hold, and at run
time the model and the model-process layer load no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_OR_APP = ("PySide6", "shiboken6", "superqt")


def _modules(package: str) -> list[str]:
    base = ROOT / package
    names = []
    for path in sorted(base.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _loaded_after_import(names: list[str], banned: tuple[str, ...]) -> subprocess.CompletedProcess:
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {banned!r})\n"
            "print(bad)\n"
            "sys.exit(1 if bad else 0)\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_import_linter_contracts_are_kept():
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_contracts_cover_the_layers_the_issue_names():
    # A contract file that lost a contract would still pass lint-imports.
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    sources = {tuple(c.get("source_modules", c.get("modules", c.get("layers", []))))
               for c in contracts}
    assert ("models",) in sources
    assert ("app.process",) in sources
    assert any("app.network" in s and "app.controls" in s for s in sources)


def test_importing_every_model_module_loads_no_qt_and_no_app():
    proc = _loaded_after_import(_modules("models"), (*QT_OR_APP, "app"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_model_process_layer_loads_no_qt():
    # The child process imports exactly this layer: Qt there would slow every start.
    proc = _loaded_after_import(_modules("app/process") + ["app.cli", "app.cli.run"],
                                QT_OR_APP)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_model_source_mentions_qt_or_app_imports():
    for path in (ROOT / "models").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                module = stripped.split()[1]
                assert not module.startswith((*QT_OR_APP, "app")), f"{path.name}: {stripped}"


def test_the_picture_and_render_load_no_qt():
    # scorenet render runs on machines without a display.
    proc = _loaded_after_import(_modules("app/picture") + ["app.cli.render"], QT_OR_APP)
    assert proc.returncode == 0, proc.stdout + proc.stderr
