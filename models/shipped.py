"""Where ScoreNet's shipped files are, from a checkout or from an installed wheel.

In a checkout they sit beside the packages: ``assets/`` (presets, lessons, networks,
the icon) and ``translations/``. A wheel carries them as package data, ``assets/`` as
``models/_assets/`` and the compiled translations as ``app/_translations/`` (``setup.py``
maps the folders), so a non-editable ``pip install`` has them too. Each lookup takes
the installed copy when there is one, else the checkout's.

>>> (asset_dir("scenarios") / "default.toml").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ROOT", "asset_dir", "first_dir"]

_HERE = Path(__file__).resolve().parent
#: The checkout's top folder (meaningless in an installed wheel, where nothing is there).
ROOT = _HERE.parent


def first_dir(installed: Path, checkout: Path) -> Path:
    """``installed`` (package data of a wheel) when it is a folder, else ``checkout``."""
    return installed if installed.is_dir() else checkout


def asset_dir(*parts: str) -> Path:
    """``assets/PARTS...``: the wheel's ``models/_assets`` copy, else the checkout's."""
    return first_dir(_HERE.joinpath("_assets", *parts), ROOT.joinpath("assets", *parts))
