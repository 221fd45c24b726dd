"""ScoreNet's model: a social credit score on a social graph, with no GUI dependency.

The public API is small:

- :class:`Scenario`, :func:`load_scenario`, :func:`save_scenario`: parameters and files.
- :class:`Simulation`: build from a scenario, ``step()``, ``run(n)``, read state and history.
- :class:`ScenarioError`: the one-line error for any user mistake.
"""

from .errors import ScenarioError
from .scenario import Scenario, load_scenario, preset_names, save_scenario

__all__ = ["Scenario", "ScenarioError", "load_scenario", "save_scenario", "preset_names"]
