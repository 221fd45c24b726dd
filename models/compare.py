"""Two rubrics side by side: simulations A and B on the same people, network and seed.

:class:`Comparison` builds A from a scenario and B from the same scenario with some
settings overridden (a rubric weight, friend sharing on or off, the value given to
people who opted out: any setting that does not need a new population or network).
B reuses A's graph, so both start from the same people and the same ties; each keeps its
own random streams, seeded alike, so that A and B stepped in lockstep give exactly what
two separate runs with that seed give. Each side keeps a :class:`~models.timeline.Timeline`.

"Excluded" means restricted (status -1) or isolated (no friends);
:meth:`Comparison.difference` lists the people excluded under one rubric and not the
other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .overrides import check_overrides
from .scenario import Scenario
from .simulation import Simulation
from .timeline import Moment, Timeline

__all__ = ["Comparison", "Difference", "excluded", "difference_of", "check_overrides"]

SIDES = ("a", "b")


def excluded(status: np.ndarray, degree: np.ndarray) -> np.ndarray:
    """Who is excluded: restricted (status -1) or with no friends.

    Examples
    --------
    >>> excluded(np.array([-1, 0, 1]), np.array([3, 0, 2])).tolist()
    [True, True, False]
    """
    return (np.asarray(status) == -1) | (np.asarray(degree) == 0)


@dataclass(frozen=True)
class Difference:
    """People excluded under one rubric and not the other (sorted indices)."""

    only_a: np.ndarray
    only_b: np.ndarray

    def summary(self) -> str:
        """Plain words, e.g. ``"excluded only under A: 3 people; only under B: 37 people"``.

        Examples
        --------
        >>> Difference(np.array([4]), np.arange(37)).summary()
        'excluded only under A: 1 person; only under B: 37 people'
        """
        def people(k: int) -> str:
            return f"{k:,} person" if k == 1 else f"{k:,} people"

        return (f"excluded only under A: {people(self.only_a.size)}; "
                f"only under B: {people(self.only_b.size)}")


def difference_of(a: Moment, b: Moment) -> Difference:
    """The :class:`Difference` between two kept months (of A and of B)."""
    ea = excluded(a.status, a.degree())
    eb = excluded(b.status, b.degree())
    return Difference(np.flatnonzero(ea & ~eb), np.flatnonzero(eb & ~ea))


class Comparison:
    """Rubric A (``scenario``) and rubric B (``scenario`` with ``overrides``), in lockstep.

    Parameters
    ----------
    scenario
        Rubric A, and everything the two share.
    overrides
        Settings of B that differ from A. Settings that need a new population or network
        (seed, population, network, prior record) are refused: B shares A's people.
    keep_timeline
        Keep every month of both runs (:attr:`timelines`).

    Raises
    ------
    ScenarioError
        On an unknown setting, a bad value or a setting B cannot have on its own.

    Examples
    --------
    >>> from models import load_scenario
    >>> cmp = Comparison(load_scenario("karate"), {"rubric.social": 0.6})
    >>> cmp.run(3)
    >>> cmp.a.step_count, cmp.b.step_count, cmp.b.applied["rubric.social"]
    (3, 3, 0.6)
    """

    def __init__(self, scenario: Scenario, overrides: Mapping[str, Any], *,
                 keep_timeline: bool = True) -> None:
        overrides = check_overrides(scenario, overrides)
        self._keep = keep_timeline
        self._build(scenario, scenario.replace(overrides))

    def _build(self, scenario_a: Scenario, scenario_b: Scenario) -> None:
        self.a = Simulation(scenario_a)
        self.b = Simulation(scenario_b, graph=self.a.graph)
        self.timelines: dict[str, Timeline] | None = (
            {"a": Timeline.of_simulation(self.a), "b": Timeline.of_simulation(self.b)}
            if self._keep else None)

    @property
    def overrides(self) -> dict[str, Any]:
        """B's settings that differ from A's now."""
        a, b = self.a.scenario, self.b.scenario
        return {k: b[k] for k in b if b[k] != a[k]}

    def sims(self) -> dict[str, Simulation]:
        """``{"a": A, "b": B}``."""
        return {"a": self.a, "b": self.b}

    def step(self) -> None:
        """One month of A, then one of B (independent: the order does not matter)."""
        for side, sim in self.sims().items():
            sim.step()
            if self.timelines is not None:
                self.timelines[side].record_simulation(sim)

    def run(self, steps: int, *, progress: Callable[[int, int], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> None:
        """``steps`` months in lockstep, with the callbacks of :meth:`Simulation.run`."""
        for done in range(int(steps)):
            if should_stop is not None and should_stop():
                return
            self.step()
            if progress is not None:
                progress(done + 1, int(steps))

    def set_params(self, changes: Mapping[str, Any], side: str = "both") -> list[str]:
        """Change settings of ``"a"``, ``"b"`` or ``"both"`` from the next month.

        Returns the pending settings (waiting for :meth:`reset`), as
        :meth:`Simulation.set_params` does. Settings that need a new population or
        network apply to both sides only.
        """
        if side not in (*SIDES, "both"):
            raise ValueError(f"side must be 'a', 'b' or 'both', got {side!r}")
        if side != "both":
            check_overrides(self.a.scenario, changes, who=f"rubric {side.upper()}")
        targets = SIDES if side == "both" else (side,)
        # Validate on copies first, so that a bad value changes neither side.
        for t in targets:
            getattr(self, t).scenario.replace(changes)
        pending: list[str] = []
        for t in targets:
            pending = getattr(self, t).set_params(changes)
        return pending

    def reset(self, seed: int | None = None) -> None:
        """Start both again at month 0 from their current scenarios (and a new seed)."""
        new = {} if seed is None else {"run.seed": seed}
        self._build(self.a.scenario.replace(new), self.b.scenario.replace(new))

    def scam(self, person: int) -> None:
        """Scam the same person under both rubrics."""
        self.a.scam(person)
        self.b.scam(person)

    def excluded(self, side: str) -> np.ndarray:
        """Who is excluded now under rubric ``side`` (``"a"`` or ``"b"``)."""
        sim = self.sims()[side]
        return excluded(sim.status, sim.degree())

    def difference(self) -> Difference:
        """People excluded now under one rubric and not the other."""
        ea, eb = self.excluded("a"), self.excluded("b")
        return Difference(np.flatnonzero(ea & ~eb), np.flatnonzero(eb & ~ea))

    def difference_at(self, k: int) -> Difference:
        """The same for kept month ``k`` (needs ``keep_timeline``)."""
        if self.timelines is None:
            raise RuntimeError("this comparison keeps no timeline")
        return difference_of(self.timelines["a"].state_at(k), self.timelines["b"].state_at(k))
