"""ScoreNet's model: a social credit score on a social graph, with no GUI dependency.

The public API is small:

- :class:`Scenario`, :func:`load_scenario`, :func:`save_scenario`, :func:`preset_names`:
  every parameter, and the TOML files that hold them.
- :class:`Simulation`: build from a scenario, ``step()``, ``run(n)``, read the state, the
  per-person table and the metrics history; change parameters between steps.
- :class:`ScenarioError`: the one-line error for any user mistake.
- :func:`sweep`: many runs over a grid of parameter values and seeds, as a tidy table.

Examples
--------
>>> from models import Simulation, load_scenario
>>> sim = Simulation(load_scenario("karate", {"rubric.social": 0.4}))
>>> sim.run(2)
>>> sim.history["assortativity"].shape
(3,)
"""

from .errors import ScenarioError
from .scenario import Scenario, load_scenario, preset_names, save_scenario


def __getattr__(name: str):
    # The simulation pulls in scipy.stats and igraph (about a second); commands that
    # stop at a bad file or option should not wait for it.
    if name == "Simulation":
        from .simulation import Simulation

        return Simulation
    if name == "sweep":   # a plain run never pays for the sweep machinery either
        from .sweeps import sweep

        return sweep
    raise AttributeError(f"module 'models' has no attribute {name!r}")

__all__ = ["Scenario", "ScenarioError", "Simulation", "load_scenario", "preset_names",
           "save_scenario", "sweep"]
