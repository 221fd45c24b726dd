"""Checks of a lesson's steps against the network each step runs on: a person named by
index must exist there, and a graph file a step switches to must be one that reads.

Kept apart from :mod:`models.lessons` (the file format and its type checks) because
these look at the scenario in force at each step, and may read its graph file.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from models.errors import ScenarioError
from models.scenario import Scenario

__all__ = ["check_step", "people"]

Fail = Callable[[str, str, str], None]


def people(scenario: Scenario, fail: Fail, where: str, key: str) -> int:
    """How many people the scenario's network has; a file network is read for it (an
    index past the end would otherwise be clipped when the step runs)."""
    kind = scenario["network.kind"]
    if kind != "file":
        return 34 if kind == "karate" else int(scenario["population.size"])
    from models.io.read import read_graph, require_people

    try:
        return require_people(read_graph(scenario.graph_path()), scenario.graph_path()).n
    except ScenarioError as exc:
        fail(where, key, f"cannot check the person against the network: {exc}")


def _check_graph(step, fail: Fail, where: str) -> None:
    """A step that sets a graph file names one that is there and regular (``/dev/zero``
    would pass the scenario's checks and fail only when the step runs)."""
    if not {"network.kind", "network.path"} & set(step.changes):
        return
    from models.io.scenario_files import check_graph_file

    try:
        check_graph_file(step.scenario)
    except ScenarioError as exc:
        fail(where, f"set.{exc.key or 'network.path'}", exc.problem)


def check_step(step, i: int, fail: Fail) -> None:
    """Raise through ``fail(where, key, problem)`` what the step's own checks cannot see:
    its graph file, a person index past the end of its network, a NaN ``until`` bound and
    repeated ``predict`` choices."""
    where = f"step {i}"
    _check_graph(step, fail, where)
    if step.until is not None and not math.isfinite(step.until.value):
        fail(where, "until", f"the bound must be a finite number, got {step.until.value!r}")
    if step.predict is not None:
        seen = [c.casefold() for c in step.predict.choices]
        twice = next((c for k, c in enumerate(step.predict.choices)
                      if seen.index(c.casefold()) != k), None)
        if twice is not None:
            fail(where, "predict.choices", f"{twice!r} is given twice; the choices must differ")
    for key, who in (("scam", step.scam),
                     ("highlight.person", step.highlight and step.highlight.person)):
        if isinstance(who, int) and not isinstance(who, bool):
            n = people(step.scenario, fail, where, key)
            if who >= n:
                fail(where, key, f"person {who} does not exist: the network has {n:,} "
                                 f"people (0 to {n - 1:,})")
