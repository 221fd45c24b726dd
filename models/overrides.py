"""What rubric B may change: settings that keep A's people and network.

Kept apart from :mod:`models.compare` (which runs simulations) so that what only reads
scenarios, as the lesson files' validation, can check a comparison without importing
the simulation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import ScenarioError
from .scenario import Scenario
from .schema import FIELD_BY_NAME

__all__ = ["check_overrides"]


def check_overrides(scenario: Scenario, overrides: Mapping[str, Any],
                     who: str = "rubric B") -> dict[str, Any]:
    """The overrides, validated; a ScenarioError for settings B cannot have alone.

    Examples
    --------
    >>> from models import load_scenario
    >>> check_overrides(load_scenario("karate"), {"rubric.social": 0.3})
    {'rubric.social': 0.3}
    """
    overrides = dict(overrides)
    scenario.replace(overrides)   # unknown names and bad values
    for name in overrides:
        if FIELD_BY_NAME[name].rebuild:
            raise ScenarioError(scenario.source, name,
                                f"{who} shares the people and the network of the other "
                                "rubric; this setting needs a new population or network")
    return overrides
