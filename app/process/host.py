"""The simulation side of the controller, with no Qt: one request at a time, answered.

:class:`ModelHost` owns the :class:`~models.simulation.Simulation` and turns each request
(build, reset, step, set_params, scam, layout, past, pictures, story, changes,
set_timeline_cap, call) into the
frames and values the GUI needs. It keeps every month in a
:class:`~models.timeline.Timeline`, so that past months are shown again without
re-simulating (:mod:`app.process.past`), with the positions the living layout had and
under a memory cap (:data:`TIMELINE_CAP_BYTES` unless the window says otherwise). It
runs in the model's child process (see :mod:`app.process.channel`), or in the
controller's worker thread when processes are not used. It holds the one scenario of its
process (the simulation's): a parameter change is validated once, by the model
(``Simulation.set_params``, that is :mod:`models.schema`), and every answer says what
the scenario is now. Every failure becomes a :class:`Failure` whose message is ready to
show: a user's mistake in the model's own words, a bug as "Internal error" with its
traceback in the error log (:mod:`app.process.errorlog`).

The host only ever calls ``Simulation(...)``, ``step()``, ``set_params()`` and
``scam()``, so the same scenario and seed give the same metrics as ``scorenet run``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

import numpy as np

from app.process.assembly import FrameSender
from app.process.errorlog import log_exception
from app.process.frame import static_from_simulation
from app.process.past import past_frame, past_pictures
from models.errors import ScenarioError
from models.scenario import Scenario

__all__ = ["ModelHost", "Failure", "BROKEN", "NO_SIMULATION", "TIMELINE_CAP_BYTES",
           "describe_failure",
           "failure_of", "internal_error_message"]

#: What a step after a failed one says: the state may be half-updated.
BROKEN = ("The simulation stopped after an internal error; press Reset to start again "
          "from your scenario.")

#: The timeline's memory cap by default (the oldest months go past it).
TIMELINE_CAP_BYTES = 512 * 1024 ** 2

#: What a request that needs a simulation says before one was built.
NO_SIMULATION = "No simulation is running."


def internal_error_message(exc: BaseException) -> str:
    """The one-line message for an unexpected exception (the traceback goes to the log).

    Examples
    --------
    >>> internal_error_message(KeyError())
    'Internal error in the model: KeyError: (no message)'
    """
    text = " ".join(str(exc).split()) or "(no message)"
    return f"Internal error in the model: {type(exc).__name__}: {text}"


class Failure(Exception):
    """A request the model host refused or could not carry out (message ready to show).

    ``log`` is the path of the error log that holds the traceback when the failure is a
    bug, else None. An empty message is never kept: it reads "(no message)".

    Examples
    --------
    >>> str(Failure("")), Failure("x", log="/tmp/errors.log").log
    ('(no message)', '/tmp/errors.log')
    """

    def __init__(self, message: str, log: str | None = None) -> None:
        super().__init__(message)
        self.message = message or "(no message)"
        self.log = log

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        return (type(self), (self.message, self.log))


def failure_of(exc: BaseException, where: str = "") -> Failure:
    """The :class:`Failure` for ``exc``: a user's mistake (``ScenarioError``, an
    ``OSError`` naming a file) as it is; anything else is a bug, whose traceback is
    logged (the failure then carries the log's path)."""
    if isinstance(exc, Failure):
        return exc
    if isinstance(exc, ScenarioError):
        return Failure(str(exc))
    if isinstance(exc, OSError) and exc.strerror:
        return Failure(f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror)
    return Failure(internal_error_message(exc), log=log_exception(exc, where))


def describe_failure(exc: BaseException) -> str:
    """The one-line message for ``exc`` (see :func:`failure_of`)."""
    return failure_of(exc).message


class ModelHost:
    """The simulation and what the frames need. Each public method answers one request."""

    def __init__(self) -> None:
        self.sim = None
        self._sender = FrameSender()
        self._broken = False
        self._key: object = None
        self._layouts: dict[object, np.ndarray] = {}
        self._layout_seed = 0
        self._living = None          # models.living.LivingLayout once laid out
        self._living_on = True
        self._live_edges: np.ndarray | None = None
        self._live_version = -1
        self.timeline = None
        self._timeline_cap = TIMELINE_CAP_BYTES
        self._start: Scenario | None = None

    def _need_sim(self):
        if self.sim is None:
            raise Failure(NO_SIMULATION)
        return self.sim

    def build(self, scenario: Scenario, changes: Mapping | None = None):
        """A new simulation of ``scenario`` with ``changes`` made to it (validated here);
        (static, frame, scenario, pending)."""
        from models.simulation import Simulation

        try:
            if changes:
                scenario = scenario.replace(changes)
            sim = Simulation(scenario)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            raise failure_of(exc, "build") from None
        from models.timeline import Timeline

        self.timeline = Timeline.of_simulation(sim, keep_components=True,
                                               max_bytes=self._timeline_cap)
        self._start = sim.applied
        self.sim = sim
        self._broken = False
        self._living = None   # until the layout of the new run is asked for
        self._live_version = -1
        static = static_from_simulation(sim)
        self._key = static.graph_key
        return static, self._sender.first(sim), sim.scenario, list(sim.pending())

    def reset(self, seed: int | None):
        scenario = self._need_sim().scenario
        return self.build(scenario, None if seed is None else {"run.seed": int(seed)})

    def step(self):
        """One step; its frame carries only what changed (:mod:`app.process.assembly`)."""
        sim = self._need_sim()
        if self._broken:
            raise Failure(BROKEN)
        try:
            sim.step()
            frame = self._sender.next(sim)
            self.timeline.record_simulation(sim, friends_changed=frame.edges_changed)
        except Exception as exc:  # noqa: BLE001
            # A step that raised may have left the state half-updated: refuse to go on.
            self._broken = True
            raise failure_of(exc, "step") from None
        if self._living is not None and self._living_on:
            from models.living import iterations_per_step

            try:
                pos = self._living.relax(self._living_edges(sim),
                                         iterations_per_step(sim.n))
            except Exception as exc:  # noqa: BLE001 - a drawing problem must not stop a run
                self._living = None
                failure = failure_of(exc, "living layout")
                raise Failure("The living layout stopped: " + failure.message,
                              log=failure.log) from None
            pos = pos.astype(np.float32)
            self.timeline.set_positions(sim.step_count, pos)
            frame = dataclasses.replace(frame, positions=pos)
        if self.timeline.first:
            frame = dataclasses.replace(frame, kept_from=self.timeline.first)
        return frame

    def _living_edges(self, sim) -> np.ndarray:
        """Today's ties as an edge array, rebuilt only when they changed."""
        if self._live_version != sim.ties_version:
            self._live_edges = sim.friends.edges()
            self._live_version = sim.ties_version
        return self._live_edges

    def set_living(self, on: bool) -> None:
        """Let the layout follow the friendships every step (True), or freeze it."""
        self._living_on = bool(on)

    def set_params(self, changes: dict):
        """Apply ``changes``; (scenario, pending, refusal). ``refusal`` is None, or
        ``(key, problem, message)`` when the model refused them (nothing changed)."""
        sim = self._need_sim()
        refusal = None
        try:
            sim.set_params(changes)
        except ScenarioError as exc:
            refusal = (exc.key, exc.problem, str(exc))
        except Exception as exc:  # noqa: BLE001
            raise failure_of(exc, "set_params") from None
        return sim.scenario, list(sim.pending()), refusal

    def scenario(self):
        return None if self.sim is None else (self.sim.scenario, list(self.sim.pending()))

    def scam(self, person: int) -> None:
        sim = self._need_sim()
        try:
            sim.scam(int(person))
        except Exception as exc:  # noqa: BLE001
            raise failure_of(exc, "scam") from None

    def layout(self, recompute: bool):
        """(graph_key, positions): the initial graph's, or today's friendships' on request.

        A layout that fails is a :class:`Failure` (a bug, logged): the people are not
        put at made-up places.
        """
        from models.layout import layout

        sim = self._need_sim()
        key = self._key
        if recompute or key not in self._layouts:
            if recompute:
                self._layout_seed += 1
            edges = sim.friends.edges() if recompute else sim.graph.edges
            try:
                pos = layout(sim.n, edges, seed=self._layout_seed)
            except Exception as exc:  # noqa: BLE001
                failure = failure_of(exc, "layout")
                raise Failure("Could not lay out the network: " + failure.message,
                              log=failure.log) from None
            if not recompute or key not in self._layouts:
                # Only the initial graph's layout is kept: Reset and preset loads start
                # from it again, never from a re-layout of a later month.
                self._layouts = {key: pos}  # one graph at a time: layouts can be large
        else:
            pos = self._layouts[key]
        self._start_living(pos, edges if recompute else sim.graph.edges)
        # The month shown is drawn at these positions from now on (a new run's first
        # layout, or Ctrl+L): the timeline keeps them for it.
        self.timeline.set_positions(self.timeline.last_step, pos)
        return key, pos

    def _start_living(self, pos: np.ndarray, edges: np.ndarray) -> None:
        """The living layout goes on from ``pos`` (a new run's first layout, or Ctrl+L)."""
        from models.living import LivingLayout

        try:
            self._living = LivingLayout(pos, edges, seed=self._layout_seed)
        except Exception as exc:  # noqa: BLE001 - a drawing problem must not stop a run
            failure_of(exc, "living layout")   # logged; the drawing stays still
            self._living = None

    def past(self, k: int):
        """Month ``k`` as kept by the timeline (a whole frame with ``live=False``)."""
        sim = self._need_sim()
        try:
            return past_frame(self.timeline, sim.history, self._start, int(k))
        except IndexError as exc:
            raise Failure(str(exc)) from None

    def pictures(self, a: int, b: int):
        """Months ``a..b`` as kept, as the fields of picture frames for an animation."""
        self._need_sim()
        try:
            return past_pictures(self.timeline, self._start, int(a), int(b))
        except (IndexError, ValueError) as exc:
            raise Failure(str(exc)) from None

    def timeline_info(self):
        """(first month kept, last month kept, bytes kept, cap in bytes)."""
        self._need_sim()
        tl = self.timeline
        return tl.first, tl.last_step, tl.nbytes, self._timeline_cap

    def set_timeline_cap(self, max_bytes: int) -> None:
        """The timeline's memory cap from now on (this run's timeline too)."""
        self._timeline_cap = max(int(max_bytes), 1)
        if self.timeline is not None:
            self.timeline.max_bytes = self._timeline_cap

    def story(self, person: int, until: int | None):
        """Lines of one person's story up to month ``until`` (see :mod:`models.story`)."""
        from models.story import story_lines

        self._need_sim()
        try:
            return story_lines(self.timeline, int(person), until=until)
        except Exception as exc:  # noqa: BLE001
            raise failure_of(exc, "story") from None

    def changes(self):
        """The setting changes made during this run (:class:`models.timeline.Change`)."""
        from models.timeline import Change

        # From the history: the timeline learns of a change only at the next month.
        return [] if self.sim is None else [Change(*c) for c in self.sim.history.changes]

    def call(self, fn: Callable, args: tuple):
        sim = self._need_sim()
        try:
            return fn(sim, *args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001
            raise failure_of(exc, getattr(fn, "__name__", "call")) from None
