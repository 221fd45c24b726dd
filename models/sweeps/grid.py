"""What a sweep runs: the grid of parameter values, the seeds, and the order of runs.

A :class:`SweepPlan` is checked whole before any run starts: every varied key must be a
scenario parameter, every value must be allowed, and every grid point must make a valid
scenario (for example ``perks.restricted_below`` may not pass ``perks.privileged_at``).
Runs are ordered by the grid in the order the keys were given (the first key varies
slowest), then by seed, so that the same sweep always gives the same table.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError
from ..scenario import Scenario, parse_value
from ..schema import FIELD_BY_NAME

__all__ = ["RunSpec", "SweepPlan", "parse_vary", "parse_seed_list", "make_plan", "seed_range"]

#: Keys a sweep sets itself, with the option that does it instead.
_RESERVED = {"run.seed": "--seeds or --seed-list", "run.steps": "--steps"}

#: A grid larger than this is surely a typo (a COUNT with an extra zero).
MAX_RUNS = 1_000_000


@dataclass(frozen=True)
class RunSpec:
    """One run of a sweep: its place in the plan, its grid point and its seed."""

    index: int
    point: tuple[tuple[str, Any], ...]
    seed: int

    @property
    def values(self) -> dict[str, Any]:
        """The grid point as a dict of dotted names to values."""
        return dict(self.point)


@dataclass(frozen=True)
class SweepPlan:
    """A checked sweep: a base scenario, a grid, seeds and a number of steps.

    Build it with :func:`make_plan`, which checks everything.
    """

    base: Scenario
    vary: tuple[tuple[str, tuple[Any, ...]], ...]
    seeds: tuple[int, ...]
    steps: int

    @property
    def keys(self) -> tuple[str, ...]:
        """The varied keys, in the order given."""
        return tuple(k for k, _ in self.vary)

    def points(self) -> list[tuple[tuple[str, Any], ...]]:
        """Every grid point, the first key varying slowest."""
        keys = self.keys
        return [tuple(zip(keys, combo)) for combo in itertools.product(*(v for _, v in self.vary))]

    def runs(self) -> list[RunSpec]:
        """Every run in table order: grid point, then seed."""
        out = []
        for point in self.points():
            for seed in self.seeds:
                out.append(RunSpec(len(out), point, seed))
        return out

    def __len__(self) -> int:
        return math.prod(len(v) for _, v in self.vary) * len(self.seeds)

    def scenario_for(self, run: RunSpec) -> Scenario:
        """The full scenario of one run (checked when the plan was made)."""
        return self.base.replace({**run.values, "run.seed": run.seed, "run.steps": self.steps})


def _field(key: str, source: str):
    field = FIELD_BY_NAME.get(key)
    if field is None:
        Scenario().replace({key: None}, source=source)   # raises the usual unknown-key line
    if key in _RESERVED:
        raise ScenarioError(source, key, f"is set by the sweep itself; use {_RESERVED[key]}")
    return field


def _range(field, text: str, source: str) -> list[Any]:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) != 3 or not all(parts):
        raise ScenarioError(source, field.name, "a range is START:STOP:COUNT, e.g. 0:0.5:6")
    nums = [parse_value(p) for p in parts]
    for p, x in zip(parts, nums):
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            raise ScenarioError(source, field.name, f"{p!r} in a range is not a number")
    start, stop, count = nums
    if not isinstance(count, int) or count < 1:
        raise ScenarioError(source, field.name, f"COUNT must be a whole number >= 1, got {parts[2]}")
    if count > MAX_RUNS:
        raise ScenarioError(source, field.name, f"COUNT {count:,} is more than {MAX_RUNS:,} runs")
    if not all(math.isfinite(float(x)) for x in (start, stop)):
        raise ScenarioError(source, field.name, "START and STOP must be finite")
    values = np.linspace(float(start), float(stop), count).tolist()
    if field.type is int:
        if not all(float(v).is_integer() for v in values):
            raise ScenarioError(source, field.name,
                                f"{text} gives non-integer values for an integer parameter")
        return [int(v) for v in values]
    if field.type is not float:
        raise ScenarioError(source, field.name, "a range needs a number parameter; list values")
    return values


def parse_vary(text: str) -> tuple[str, list[Any]]:
    """Read one ``--vary`` argument: ``KEY=V1,V2,...`` or ``KEY=START:STOP:COUNT``.

    A range gives ``COUNT`` evenly spaced values from ``START`` to ``STOP`` inclusive.
    Values are read as in ``--set`` (TOML: ``0.4``, ``true``, ``"text"``).

    Raises
    ------
    ScenarioError
        One line naming the argument and what is wrong.

    Examples
    --------
    >>> parse_vary("rubric.social=0:0.5:3")
    ('rubric.social', [0.0, 0.25, 0.5])
    >>> parse_vary("dating.enabled=true,false")
    ('dating.enabled', [True, False])
    """
    source = f"--vary {text}"
    key, sep, rest = text.partition("=")
    key, rest = key.strip(), rest.strip()
    if not sep or not key or not rest:
        raise ScenarioError(source, "", "expected KEY=V1,V2,... or KEY=START:STOP:COUNT")
    field = _field(key, source)
    if ":" in rest and "," not in rest and field.type is not str:
        return key, _range(field, rest, source)
    items = [p.strip() for p in rest.split(",")]
    if not all(items):
        raise ScenarioError(source, key, "an empty value in the list")
    return key, [parse_value(p) if field.type is not str else _unquote(p) for p in items]


def _unquote(text: str) -> Any:
    value = parse_value(text)
    return value if isinstance(value, str) else text


def parse_seed_list(text: str) -> list[int]:
    """Read ``--seed-list S1,S2,...``.

    Examples
    --------
    >>> parse_seed_list("3, 1,7")
    [3, 1, 7]
    """
    out = []
    for part in text.split(","):
        value = parse_value(part.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScenarioError("--seed-list", "", f"{part.strip()!r} is not a whole number")
        out.append(value)
    return out


def seed_range(base: Scenario, count: int) -> list[int]:
    """``count`` consecutive seeds starting at the scenario's ``run.seed``."""
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 1:
        raise ScenarioError("--seeds", "", f"must be a whole number >= 1, got {count!r}")
    first = base["run.seed"]
    top = FIELD_BY_NAME["run.seed"].hi
    if top is not None and first + int(count) - 1 > top:
        raise ScenarioError("--seeds", "", f"{int(count)} seeds from run.seed = {first} "
                            f"({base.source}) pass the largest seed, {top}")
    return list(range(first, first + int(count)))


def make_plan(base: Scenario, vary: Mapping[str, Sequence[Any]] | Sequence[tuple[str, Sequence[Any]]],
              seeds: Sequence[int], steps: int | None = None) -> SweepPlan:
    """Check a sweep whole and return its plan.

    Parameters
    ----------
    base
        The scenario every run starts from.
    vary
        Key to values, in the order the grid should follow (a dict keeps its order).
    seeds
        Every grid point runs once per seed, in this order.
    steps
        Steps per run; default the base scenario's ``run.steps``.

    Raises
    ------
    ScenarioError
        Before anything runs: unknown or reserved keys, repeated keys, seeds or values,
        values out of range, or a grid point that is not a valid scenario.

    Examples
    --------
    >>> plan = make_plan(Scenario(), {"rubric.social": [0.1, 0.4]}, seeds=[1, 2], steps=3)
    >>> [(r.values["rubric.social"], r.seed) for r in plan.runs()]
    [(0.1, 1), (0.1, 2), (0.4, 1), (0.4, 2)]
    """
    items = list(vary.items()) if isinstance(vary, Mapping) else list(vary)
    seen: set[str] = set()
    checked = []
    for key, values in items:
        source = f"--vary {key}"
        field = _field(key, source)
        if key in seen:
            raise ScenarioError(source, key, "is varied twice; give all its values in one --vary")
        seen.add(key)
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence | np.ndarray):
            values = [values]
        values = list(values.tolist() if isinstance(values, np.ndarray) else values)
        if not values:
            raise ScenarioError(source, key, "needs at least one value")
        good = [base.replace({key: v}, source=source)[key] for v in values]
        if len(set(map(repr, good))) != len(good):
            raise ScenarioError(source, key, "lists a value twice")
        checked.append((field.name, tuple(good)))
    seeds = list(seeds)
    if not seeds:
        raise ScenarioError("--seeds", "", "needs at least one seed")
    for s in seeds:
        base.replace({"run.seed": s}, source="seed")
    if len(set(seeds)) != len(seeds):
        raise ScenarioError("--seed-list", "", "lists a seed twice")
    steps = base["run.steps"] if steps is None else steps
    base.replace({"run.steps": steps}, source="--steps")
    plan = SweepPlan(base, tuple(checked), tuple(int(s) for s in seeds), int(steps))
    if len(plan) > MAX_RUNS:
        raise ScenarioError("--vary", "", f"{len(plan):,} runs; at most {MAX_RUNS:,}")
    for point in plan.points():   # combinations can break whole-scenario rules
        try:
            base.replace(dict(point))
        except ScenarioError as exc:
            where = ", ".join(f"{k}={v!r}" for k, v in point)
            raise ScenarioError(f"--vary at {where}", exc.key, exc.problem) from None
    return plan


def iter_points(plan: SweepPlan) -> Iterator[dict[str, Any]]:
    """Grid points as dicts (for views that list them)."""
    for point in plan.points():
        yield dict(point)
