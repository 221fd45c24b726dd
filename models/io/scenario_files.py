"""Scenario files on disk: reading their text (plain TOML or a bundle, size-capped),
checking the graph file a scenario names (present, regular, readable, the same bytes as
recorded), and the form a scenario takes when saved at a new place.

Kept apart from :mod:`models.scenario` (values and their validation) because these touch
the file system and the graph readers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import ScenarioError

__all__ = ["read_scenario_text", "check_graph_file", "scenario_for", "MAX_SCENARIO_BYTES"]

#: Scenario files are small text files; anything larger is not one.
MAX_SCENARIO_BYTES = 1 << 20


def read_scenario_text(path: Path, source: str) -> tuple[str, bool]:
    """The TOML text of a scenario file or bundle, and whether it came from a bundle."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            raw = fh.read(MAX_SCENARIO_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(source, "", f"cannot read: {exc.strerror or exc}") from None
    if raw.startswith(b"PK\x03\x04"):
        from .base import Bad
        from .bundle import bundle_scenario, is_bundle

        if not is_bundle(path):
            raise ScenarioError(source, "", "a ZIP archive that is not a ScoreNet bundle")
        try:
            text, network = bundle_scenario(path)
        except Bad as exc:
            raise ScenarioError(source, "", str(exc)) from None
        return text, network is not None
    if len(raw) > MAX_SCENARIO_BYTES:
        raise ScenarioError(source, "", f"is {size / 2**20:,.1f} MB; scenario files are small "
                            f"text files (at most {MAX_SCENARIO_BYTES // 2**20} MB)")
    if b"\x00" in raw:
        raise ScenarioError(source, "", "binary file, not a TOML scenario")
    try:
        return raw.decode("utf-8-sig"), False   # Notepad and Excel may add a byte-order mark
    except UnicodeDecodeError:
        raise ScenarioError(source, "", "not a UTF-8 text file") from None


def check_graph_file(scenario, blame: str | None = None) -> None:
    """Raise ScenarioError when the scenario's graph file is missing, not a regular file,
    unreadable, or not the file whose SHA-256 the scenario recorded.

    ``blame`` names where the graph path came from in errors (default: the scenario).
    """
    from ..errors import printable
    from .special import special_file_problem

    path = scenario.graph_path()
    if path is None:
        return
    who = blame or scenario.source
    shown = printable(path, limit=200)
    problem = special_file_problem(path)
    if problem == "file not found":
        raise ScenarioError(who, "network.path", f"graph file not found: {shown}")
    if problem:
        raise ScenarioError(who, "network.path", f"{shown}: {problem}")
    if not os.access(path, os.R_OK):
        raise ScenarioError(who, "network.path", f"graph file not readable: {shown}")
    want = scenario["network.sha256"]
    if want:
        from .base import Bad
        from .bundle import sha256_of_graph

        try:
            have = sha256_of_graph(path)
        except (OSError, Bad) as exc:
            raise ScenarioError(str(path), "network.path", f"cannot read: {exc}") from None
        if have != want.lower():
            raise ScenarioError(
                scenario.source, "network.sha256",
                f"the graph file {shown} has changed since the scenario was saved (SHA-256 "
                f"{have[:12]}..., recorded {want[:12]}...); re-save the scenario, or set "
                'network.sha256 = "" to skip this check')


def scenario_for(scenario, path: str | os.PathLike[str]):
    """The scenario as it is saved at ``path``: a relative graph path rewritten from the
    new file's folder, and the graph's SHA-256 recorded."""
    target_dir = Path(path).resolve().parent
    graph = scenario.graph_path()
    if graph is None:
        return scenario
    from .bundle import sha256_of_graph

    changes: dict[str, Any] = {}
    if not Path(scenario["network.path"]).is_absolute():
        changes["network.path"] = os.path.relpath(graph.resolve(), target_dir)
    try:
        changes["network.sha256"] = sha256_of_graph(graph)
    except Exception:   # noqa: BLE001 - an unreadable graph is reported when it is used
        changes["network.sha256"] = ""
    return scenario.replace(changes)
