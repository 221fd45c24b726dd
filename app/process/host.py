"""The simulation side of the controller, with no Qt: one request at a time, answered.

:class:`ModelHost` owns the :class:`~models.simulation.Simulation` and turns each request
(build, reset, step, set_params, scam, layout, call) into the frames and values the GUI
needs. It runs in the model's child process (see :mod:`app.process.channel`), or in the
controller's worker thread when processes are not used. Every failure becomes a
:class:`Failure` whose message is ready to show in the window.

The host only ever calls ``Simulation(...)``, ``step()``, ``set_params()`` and
``scam()``, so the same scenario and seed give the same metrics as ``scorenet run``.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

import numpy as np

from app.process.frame import frame_from_simulation, static_from_simulation
from models.errors import ScenarioError
from models.history import METRIC_COLUMNS
from models.scenario import Scenario

__all__ = ["ModelHost", "Failure", "BROKEN", "describe_failure", "internal_error_message"]

#: What a step after a failed one says: the state may be half-updated.
BROKEN = ("The simulation stopped after an internal error; press Reset to start again "
          "from your scenario.")


def internal_error_message(exc: BaseException) -> str:
    """The one-line message for an unexpected exception (the traceback goes to the log)."""
    text = " ".join(str(exc).split()) or "(no message)"
    return f"Internal error in the model: {type(exc).__name__}: {text}"


def describe_failure(exc: BaseException) -> str:
    """The one-line message for ``exc``: the model's own text for a user's mistake."""
    if isinstance(exc, ScenarioError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    traceback.print_exception(exc)  # stderr: what a bug report needs
    return internal_error_message(exc)


class Failure(Exception):
    """A request the model host refused or could not carry out (message ready to show)."""


class _Same:
    """Marks "the friendship ties did not change" in a frame sent over the pipe."""

    def __reduce__(self):
        return (_same, ())


def _same():
    return _SAME


_SAME = _Same()


class ModelHost:
    """The simulation and what the frames need. Each public method answers one request."""

    def __init__(self) -> None:
        self.sim = None
        self._edges: np.ndarray | None = None
        self._broken = False
        self._key: object = None
        self._layouts: dict[object, np.ndarray] = {}
        self._layout_seed = 0

    def build(self, scenario: Scenario):
        """A new simulation; (static, frame, scenario, pending)."""
        from models.simulation import Simulation

        try:
            sim = Simulation(scenario)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            raise Failure(describe_failure(exc)) from None
        self.sim = sim
        self._broken = False
        self._edges = sim.friends.edges()
        static = static_from_simulation(sim)
        self._key = static.graph_key
        history = {c: np.asarray(sim.history[c], dtype=float) for c in METRIC_COLUMNS}
        frame = frame_from_simulation(sim, edges_changed=True, friend_edges=self._edges,
                                      history=history)
        return static, frame, sim.scenario, list(sim.pending())

    def reset(self, seed: int | None):
        if self.sim is None:
            raise Failure("No simulation to reset.")
        scenario = self.sim.scenario
        if seed is not None:
            try:
                scenario = scenario.replace({"run.seed": int(seed)})
            except ScenarioError as exc:
                raise Failure(str(exc)) from None
        return self.build(scenario)

    def step(self):
        """One step; (frame without history, its metrics row). Unchanged ties are not sent."""
        if self.sim is None:
            raise Failure("")
        if self._broken:
            raise Failure(BROKEN)
        try:
            self.sim.step()
            row = self.sim.history.row(-1)
            edges = self.sim.friends.edges()
        except Exception as exc:  # noqa: BLE001
            # A step that raised may have left the state half-updated: refuse to go on.
            self._broken = True
            raise Failure(describe_failure(exc)) from None
        changed = not np.array_equal(edges, self._edges)
        if changed:
            self._edges = edges
        # The receiver keeps the ties and the history: only what is new crosses the pipe.
        frame = frame_from_simulation(self.sim, edges_changed=changed,
                                      friend_edges=edges if changed else _SAME, history={})
        return frame, row

    def set_params(self, changes: dict):
        if self.sim is None:
            raise Failure("")
        try:
            self.sim.set_params(changes)
        except Exception as exc:  # noqa: BLE001
            raise Failure(describe_failure(exc)) from None
        return self.sim.scenario, list(self.sim.pending())

    def scenario(self):
        return None if self.sim is None else (self.sim.scenario, list(self.sim.pending()))

    def scam(self, person: int) -> None:
        if self.sim is None:
            return
        try:
            self.sim.scam(int(person))
        except Exception as exc:  # noqa: BLE001
            raise Failure(describe_failure(exc)) from None

    def layout(self, recompute: bool):
        """(graph_key, positions): the initial graph's, or today's friendships' on request."""
        from models.layout import layout

        key, sim = self._key, self.sim
        if sim is None:
            raise Failure("")
        if recompute or key not in self._layouts:
            if recompute:
                self._layout_seed += 1
            edges = self._edges if recompute else sim.graph.edges
            try:
                pos = layout(sim.n, edges, seed=self._layout_seed)
            except Exception as exc:  # noqa: BLE001 - a drawing problem must not stop a run
                describe_failure(exc)
                pos = np.random.default_rng(0).random((sim.n, 2))
            self._layouts = {key: pos}  # one graph at a time: layouts can be large
        return key, self._layouts[key]

    def call(self, fn: Callable, args: tuple):
        if self.sim is None:
            raise Failure("No simulation is running.")
        try:
            return fn(self.sim, *args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001
            raise Failure(describe_failure(exc)) from None
