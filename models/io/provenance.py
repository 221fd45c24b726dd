"""How an output file was made: program, version, seed, steps, command and the scenario.

Every output gets a sidecar ``FILE.meta.toml`` (sweep results too, with the grid in
``[made_by]``; see :func:`models.sweeps.describe`) (so CSV files stay plain: ``pandas.read_csv``
reads them with no options). The sidecar is a complete scenario file with one extra
``[made_by]`` table, so ``scorenet run FILE.meta.toml`` runs the same scenario again.
Formats with a place for it carry the same text inside too (Parquet key-value metadata,
GEXF ``<meta><description>``, GraphML graph data).
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic

__all__ = ["Provenance", "sidecar_path", "version"]

SIDECAR_SUFFIX = ".meta.toml"


def version() -> str:
    """ScoreNet's version as installed (``"unknown"`` when run from a bare checkout)."""
    try:
        return metadata.version("scorenet")
    except metadata.PackageNotFoundError:
        return "unknown"


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """``FILE.meta.toml`` beside ``FILE``."""
    p = Path(path)
    return p.with_name(p.name + SIDECAR_SUFFIX)


class Provenance:
    """What made a file: the scenario (as applied), its seed and steps, and the command.

    Parameters
    ----------
    scenario
        The scenario that was run.
    steps
        Steps actually run.
    command
        The command line or app action that wrote the file.
    """

    def __init__(self, scenario, steps: int, command: str) -> None:
        self.scenario = scenario
        self.steps = int(steps)
        self.command = command

    def made_by(self, what: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """The ``[made_by]`` table for a file holding ``what``; ``extra`` adds entries
        (a sweep's ``vary``, ``seeds`` and ``runs``)."""
        info: dict[str, Any] = {
            "program": "ScoreNet", "version": version(), "content": what,
            "scenario": self.scenario.name, "source": str(self.scenario.source),
            "seed": self.scenario["run.seed"], "steps": self.steps, "command": self.command,
        }
        sha = self.scenario.get("network.sha256", "")
        if sha:
            info["graph_sha256"] = sha
        info.update(extra or {})
        return info

    def toml(self, what: str, extra: dict[str, Any] | None = None) -> str:
        """The sidecar text: the full scenario plus ``[made_by]`` (with ``extra``)."""
        import tomli_w

        from ..scenario import SCHEMA_VERSION

        doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION,
                               "made_by": self.made_by(what, extra)}
        doc.update(self.scenario.to_nested())
        return tomli_w.dumps(doc)

    def one_line(self, what: str) -> str:
        """A one-line description for formats with a free-text field."""
        m = self.made_by(what)
        return (f"{what}: ScoreNet {m['version']}, scenario {m['scenario']!r}, seed "
                f"{m['seed']}, {m['steps']} steps; made by: {m['command']}")

    def write_sidecar(self, path: str | os.PathLike[str], what: str) -> None:
        """Write ``FILE.meta.toml`` beside ``path`` (skipped for devices and pipes)."""
        p = Path(path)
        if p.exists() and not p.is_file():
            return
        write_text_atomic(sidecar_path(p), self.toml(what))
