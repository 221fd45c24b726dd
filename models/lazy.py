"""Heavy libraries imported on first use, so that ``import models`` stays quick.

``from .lazy import igraph`` inside a function gives the igraph module. igraph imports
``matplotlib.pyplot`` when it can (for its plotting, which ScoreNet does not use), and
that took 0.5 s of the 0.55 s igraph import here; so while matplotlib is not loaded
yet, igraph is imported with matplotlib hidden. igraph's own plotting is then
unavailable in that process; everything else in igraph works. When matplotlib is
already loaded (in the app), igraph is imported as usual.
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType

__all__ = ["igraph"]

_LOCK = threading.Lock()


def _igraph() -> ModuleType:
    with _LOCK:
        if "igraph" in sys.modules or "matplotlib" in sys.modules:
            return importlib.import_module("igraph")
        sys.modules["matplotlib"] = None   # type: ignore[assignment]  # import -> ImportError
        try:
            return importlib.import_module("igraph")
        finally:
            del sys.modules["matplotlib"]


def __getattr__(name: str) -> ModuleType:
    if name == "igraph":
        return _igraph()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
