"""The bridge between the views and the simulation, which runs off the GUI thread.

:class:`SimController` owns a :class:`~models.simulation.Simulation` through a worker
QObject living in a :class:`QThread`. The GUI talks to it only through queued signals
and gets back immutable :class:`~app.frame.Frame` snapshots, so a slow step never
freezes the window and no view ever reads half-updated arrays.

By default the simulation itself lives in a child process (``multiprocessing`` with the
"spawn" context) that the worker thread drives over a pipe. A thread alone is not
enough: igraph's Louvain holds Python's GIL for its whole run (50 ms a step on the
facebook network, 6 s on 60,000 people), and while it does the GUI thread cannot run
at all. In its own process the model uses the second core and the window never waits;
closing the window can stop a long step at once. ``SimController(isolate=False)`` (or
a platform where processes cannot be started) runs the same model host in the worker
thread instead.

Playing is paced from the GUI thread with back-pressure: a new step is requested only
when the previous frame has arrived, so requests never pile up. At full speed the next
step is requested *before* the views draw the frame that just arrived, so the model
computes step t+1 while the window paints step t.

The host only ever calls ``Simulation(...)``, ``step()``, ``set_params()`` and
``scam()``, so the same scenario and seed give the same metrics as ``scorenet run``.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import random
import time
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app.frame import Frame, Static, frame_from_simulation, static_from_simulation
from models.errors import ScenarioError
from models.history import METRIC_COLUMNS
from models.scenario import Scenario

__all__ = ["SimController", "internal_error_message", "write_people_csv", "MAX_SPEED"]

log = logging.getLogger(__name__)

#: ``set_speed(MAX_SPEED)`` (or any value <= 0 or infinite): as fast as frames arrive.
MAX_SPEED = math.inf

#: Per-person score history is kept (GUI side) up to this many people, as in the model.
KEEP_SCORES_UP_TO = 20_000

_BROKEN = ("The simulation stopped after an internal error; press Reset to start again "
           "from your scenario.")


def internal_error_message(exc: BaseException) -> str:
    """The one-line message for an unexpected exception (the traceback goes to the log)."""
    text = " ".join(str(exc).split()) or "(no message)"
    return f"Internal error in the model: {type(exc).__name__}: {text}"


def _describe_failure(exc: BaseException) -> str:
    if isinstance(exc, ScenarioError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    traceback.print_exception(exc)  # stderr: what a bug report needs
    return internal_error_message(exc)


class _Failure(Exception):
    """A request the model host refused or could not carry out (message ready to show)."""


# ---------------------------------------------------------------------- model host
class _ModelHost:
    """The simulation and what the frames need, with no Qt: runs in the child process
    (or in the worker thread). Each public method answers one request."""

    def __init__(self) -> None:
        self.sim = None
        self._edges: np.ndarray | None = None
        self._broken = False
        self._key: object = None
        self._layouts: dict[object, np.ndarray] = {}
        self._layout_seed = 0

    def build(self, scenario: Scenario):
        """A new simulation; (static, frame, history, scenario, pending)."""
        from models.simulation import Simulation

        try:
            sim = Simulation(scenario)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            raise _Failure(_describe_failure(exc)) from None
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
            raise _Failure("No simulation to reset.")
        scenario = self.sim.scenario
        if seed is not None:
            try:
                scenario = scenario.replace({"run.seed": int(seed)})
            except ScenarioError as exc:
                raise _Failure(str(exc)) from None
        return self.build(scenario)

    def step(self):
        """One step; (frame without history, its metrics row). Unchanged ties: None."""
        if self.sim is None:
            raise _Failure("")
        if self._broken:
            raise _Failure(_BROKEN)
        try:
            self.sim.step()
            row = self.sim.history.row(-1)
            edges = self.sim.friends.edges()
        except Exception as exc:  # noqa: BLE001
            # A step that raised may have left the state half-updated: refuse to go on.
            self._broken = True
            raise _Failure(_describe_failure(exc)) from None
        changed = not np.array_equal(edges, self._edges)
        if changed:
            self._edges = edges
        # The receiver keeps the ties and the history: only what is new crosses the pipe.
        frame = frame_from_simulation(self.sim, edges_changed=changed,
                                      friend_edges=edges if changed else _SAME, history={})
        return frame, row

    def set_params(self, changes: dict):
        if self.sim is None:
            raise _Failure("")
        try:
            self.sim.set_params(changes)
        except Exception as exc:  # noqa: BLE001
            raise _Failure(_describe_failure(exc)) from None
        return self.sim.scenario, list(self.sim.pending())

    def scenario(self):
        return None if self.sim is None else (self.sim.scenario, list(self.sim.pending()))

    def scam(self, person: int) -> None:
        if self.sim is None:
            return
        try:
            self.sim.scam(int(person))
        except Exception as exc:  # noqa: BLE001
            raise _Failure(_describe_failure(exc)) from None

    def layout(self, recompute: bool):
        """(graph_key, positions): the initial graph's, or today's friendships' on request."""
        from models.layout import layout

        key, sim = self._key, self.sim
        if sim is None:
            raise _Failure("")
        if recompute or key not in self._layouts:
            if recompute:
                self._layout_seed += 1
            edges = self._edges if recompute else sim.graph.edges
            try:
                pos = layout(sim.n, edges, seed=self._layout_seed)
            except Exception as exc:  # noqa: BLE001 - a drawing problem must not stop a run
                _describe_failure(exc)
                pos = np.random.default_rng(0).random((sim.n, 2))
            self._layouts = {key: pos}  # one graph at a time: layouts can be large
        return key, self._layouts[key]

    def call(self, fn: Callable, args: tuple):
        if self.sim is None:
            raise _Failure("No simulation is running.")
        try:
            return fn(self.sim, *args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001
            raise _Failure(_describe_failure(exc)) from None


class _Same:
    """Marks "the friendship ties did not change" in a frame sent over the pipe."""

    def __reduce__(self):
        return (_same, ())


def _same():
    return _SAME


_SAME = _Same()


def _serve(conn) -> None:
    """The child process: answer requests until "quit" or until the pipe closes."""
    host = _ModelHost()
    while True:
        try:
            op, args = conn.recv()
        except (EOFError, OSError):
            return
        if op == "quit":
            return
        try:
            reply = ("ok", getattr(host, op)(*args))
        except _Failure as exc:
            reply = ("error", str(exc))
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable argument
            reply = ("error", _describe_failure(exc))
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            conn.send(("error", _describe_failure(exc)))


class _ProcessChannel:
    """Requests to a model host in a child process; replies come back in order."""

    def __init__(self) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")   # no fork: the parent has Qt threads running
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), name="scorenet-model",
                                   daemon=True)
        self.process.start()
        child.close()

    def request(self, op: str, *args):
        try:
            self._conn.send((op, args))
            status, payload = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.process.join(1.0)
            code = self.process.exitcode
            raise _Died(f"The model process stopped unexpectedly (exit code {code}); "
                        "press Reset to start again from your scenario.") from None
        if status == "error":
            raise _Failure(payload)
        return payload

    def close(self, timeout: float = 2.0) -> None:
        try:
            self._conn.send(("quit", ()))
        except (OSError, BrokenPipeError):
            pass
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        self._conn.close()

    def kill(self) -> None:
        """Stop the child now (closing the window in the middle of a long step)."""
        if self.process.is_alive():
            self.process.terminate()


class _InlineChannel:
    """The same requests answered by a model host in the calling thread."""

    process = None

    def __init__(self) -> None:
        self._host = _ModelHost()

    def request(self, op: str, *args):
        return getattr(self._host, op)(*args)

    def close(self, timeout: float = 0.0) -> None:
        pass

    def kill(self) -> None:
        pass


class _Died(_Failure):
    """The child process is gone."""


# ---------------------------------------------------------------------- worker thread
class _History:
    """Metric columns kept as growing numpy buffers, so a frame's copy is cheap."""

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        rows = len(columns["step"])
        cap = max(256, 2 * rows)
        self._buf = {c: np.empty(cap) for c in METRIC_COLUMNS}
        for c in METRIC_COLUMNS:
            self._buf[c][:rows] = columns[c]
        self._len = rows

    def append(self, row: dict[str, float]) -> None:
        if self._len == next(iter(self._buf.values())).shape[0]:
            for c, b in self._buf.items():
                self._buf[c] = np.concatenate([b, np.empty_like(b)])
        for c in METRIC_COLUMNS:
            self._buf[c][self._len] = row[c]
        self._len += 1

    def copy(self) -> dict[str, np.ndarray]:
        return {c: b[:self._len].copy() for c, b in self._buf.items()}


class _Worker(QObject):
    """Lives in the worker thread; every slot runs there, one request at a time."""

    built = Signal(object, object)        # Static, Frame
    build_failed = Signal(str)
    stepped = Signal(object)              # Frame
    step_failed = Signal(str)
    failed = Signal(str)
    layout_ready = Signal(object, object)  # graph_key, (n, 2) positions
    scenario_changed = Signal(object)
    pending_changed = Signal(list)
    call_done = Signal(int, object, str)  # token, result, error ("" when fine)

    def __init__(self, isolate: bool) -> None:
        super().__init__()
        self._isolate = isolate
        self._channel = None
        self._history: _History | None = None
        self._edges: np.ndarray | None = None
        self._scenario: Scenario | None = None   # to rebuild after the process died
        self.closing = False   # set by the GUI thread on shutdown: never restart then
        self.start_channel()

    def start_channel(self) -> None:
        """Start the model host (a child process unless isolation is off or fails)."""
        if self._isolate:
            try:
                self._channel = _ProcessChannel()
                return
            except Exception as exc:  # noqa: BLE001 - e.g. no processes in a sandbox
                log.warning("cannot start the model process (%s); using a thread", exc)
                self._isolate = False
        self._channel = _InlineChannel()

    @property
    def channel(self):
        return self._channel

    def _request(self, op: str, *args):
        """Ask the host; a dead child process is replaced so that Reset can work."""
        try:
            return self._channel.request(op, *args)
        except _Died:
            if not self.closing:
                self.start_channel()
            raise

    # ------------------------------------------------------------------ slots
    @Slot(object)
    def build(self, scenario: Scenario) -> None:
        self._built(lambda: self._request("build", scenario))

    @Slot(object)
    def reset(self, seed: int | None) -> None:
        if self._scenario is None:   # nothing was ever built: nothing to reset
            self.build_failed.emit("")
            return
        if isinstance(self._channel, _ProcessChannel) and self._history is None:
            scenario = self._scenario   # a fresh process after a crash: build from scratch
            if seed is not None:
                scenario = scenario.replace({"run.seed": int(seed)})
            self.build(scenario)
            return
        self._built(lambda: self._request("reset", seed))

    def _built(self, make) -> None:
        try:
            static, frame, scenario, pending = make()
        except _Died as exc:
            self._history = None
            self.build_failed.emit(str(exc))
            return
        except _Failure as exc:
            self.build_failed.emit(str(exc))
            if self._scenario is not None:   # still running the previous scenario
                self.scenario_changed.emit(self._scenario)
            return
        self._history = _History(frame.history)
        self._edges = frame.friend_edges
        self._scenario = scenario
        frame = dataclasses.replace(frame, history=self._history.copy())
        self.built.emit(static, frame)
        self.scenario_changed.emit(scenario)
        self.pending_changed.emit(pending)
        self._emit_layout(False)

    @Slot()
    def step(self) -> None:
        if self._history is None:
            self.step_failed.emit(_BROKEN if self._scenario is not None else "")
            return
        try:
            frame, row = self._request("step")
        except _Died as exc:
            self._history = None
            self.step_failed.emit(str(exc))
            return
        except _Failure as exc:
            self.step_failed.emit(str(exc))
            return
        if frame.edges_changed:
            self._edges = frame.friend_edges
        self._history.append(row)
        self.stepped.emit(dataclasses.replace(frame, friend_edges=self._edges,
                                              history=self._history.copy()))

    @Slot(object)
    def set_params(self, changes: dict) -> None:
        if self._history is None:
            return
        try:
            scenario, pending = self._request("set_params", changes)
        except _Failure as exc:
            self.failed.emit(str(exc))
            try:
                scenario, pending = self._request("scenario")
            except _Failure:
                return
        self._scenario = scenario
        self.scenario_changed.emit(scenario)
        self.pending_changed.emit(list(pending))

    @Slot(int)
    def scam(self, person: int) -> None:
        try:
            self._request("scam", int(person))
        except _Failure as exc:
            self.failed.emit(str(exc))

    @Slot()
    def relayout(self) -> None:
        if self._history is not None:
            self._emit_layout(True)

    @Slot(int, object, object)
    def call(self, token: int, fn: Callable, args: tuple) -> None:
        try:
            result = self._request("call", fn, tuple(args))
        except _Died as exc:
            self._history = None
            self.call_done.emit(token, None, str(exc))
            return
        except _Failure as exc:
            self.call_done.emit(token, None, str(exc) or "No simulation is running.")
            return
        self.call_done.emit(token, result, "")

    def _emit_layout(self, recompute: bool) -> None:
        try:
            key, pos = self._request("layout", recompute)
        except _Failure as exc:
            if str(exc):
                self.failed.emit(str(exc))
            return
        pos = np.asarray(pos)
        pos.setflags(write=False)
        self.layout_ready.emit(key, pos)

    @Slot()
    def close(self) -> None:
        if self._channel is not None:
            self._channel.close(timeout=1.0)


def write_people_csv(sim, path: str) -> None:
    """Write the simulation's per-person table (``--nodes-out`` format) to ``path``.

    Module level so that :meth:`SimController.call_in_worker` can send it to the model
    process.
    """
    from app.export import export_people_csv

    export_people_csv(sim.person_table(), path)


class SimController(QObject):
    """Runs a :class:`~models.simulation.Simulation` off the GUI thread.

    Signals
    -------
    rebuilt(Static, Frame)
        A simulation was built (new scenario, reset, new seed): step 0.
    stepped(Frame)
        One step was taken.
    failed(str)
        A readable one-line message: the model's ``ScenarioError`` text, or
        "Internal error in the model: <type>: <msg>" (traceback on stderr).
    running_changed(bool)
        Play started (True) or stopped (False).
    pending_changed(list)
        Names of changed parameters that wait for Reset.
    scenario_changed(Scenario)
        The simulation's scenario (pending changes included) after any change.
    layout_ready(object, numpy.ndarray)
        Positions in [0, 1]^2 for the graph with this ``graph_key``.
    """

    rebuilt = Signal(object, object)
    stepped = Signal(object)
    failed = Signal(str)
    running_changed = Signal(bool)
    pending_changed = Signal(list)
    scenario_changed = Signal(object)
    layout_ready = Signal(object, object)
    stopped_at_end = Signal(int)  # play paused itself at run.steps

    # Requests to the worker (queued across threads).
    _req_build = Signal(object)
    _req_reset = Signal(object)
    _req_step = Signal()
    _req_params = Signal(object)
    _req_scam = Signal(int)
    _req_relayout = Signal()
    _req_call = Signal(int, object, object)
    _req_close = Signal()

    def __init__(self, parent: QObject | None = None, *, isolate: bool = True) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("scorenet-model")
        # Started here, before the window is built: the child's imports overlap with it.
        self._worker = _Worker(isolate)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        w = self._worker
        self._req_build.connect(w.build)
        self._req_reset.connect(w.reset)
        self._req_step.connect(w.step)
        self._req_params.connect(w.set_params)
        self._req_scam.connect(w.scam)
        self._req_relayout.connect(w.relayout)
        self._req_call.connect(w.call)
        self._req_close.connect(w.close)
        w.built.connect(self._on_built)
        w.build_failed.connect(self._on_build_failed)
        w.stepped.connect(self._on_stepped)
        w.step_failed.connect(self._on_step_failed)
        w.failed.connect(self.failed)
        w.layout_ready.connect(self._on_layout_ready)
        w.scenario_changed.connect(self._on_scenario_changed)
        w.pending_changed.connect(self.pending_changed)
        w.call_done.connect(self._on_call_done)
        self._thread.start()

        self._scenario: Scenario | None = None
        self._static: Static | None = None
        self._frame: Frame | None = None
        self._positions: np.ndarray | None = None
        self._positions_key: object = None
        self._scores_log: list[np.ndarray] | None = None
        self._playing = False
        self._in_flight = False   # a step was requested and its frame has not arrived
        self._building = False
        self._interval = 1.0 / 10.0
        self._last_request = 0.0
        self._calls: dict[int, tuple[Callable, Callable | None]] = {}
        self._next_token = 0
        self._shut = False
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.timeout.connect(self._on_tick)

    # ------------------------------------------------------------------ state
    @property
    def scenario(self) -> Scenario | None:
        """The current scenario, pending changes included (None before the first build)."""
        return self._scenario

    @property
    def frame(self) -> Frame | None:
        """The latest frame received."""
        return self._frame

    @property
    def static(self) -> Static | None:
        """The :class:`Static` of the current run."""
        return self._static

    @property
    def positions(self) -> np.ndarray | None:
        """Layout positions of the current graph, once computed."""
        if self._static is not None and self._positions_key == self._static.graph_key:
            return self._positions
        return None

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def busy(self) -> bool:
        """True while a build (open, reset) is under way."""
        return self._building

    @property
    def speed(self) -> float:
        """Steps per second requested (``inf`` for as fast as possible)."""
        return math.inf if self._interval == 0 else 1.0 / self._interval

    # ------------------------------------------------------------------ commands
    def set_scenario(self, scenario: Scenario) -> None:
        """Build a new simulation from ``scenario`` (open file, preset); pauses play."""
        self.pause()
        self._building = True
        self._req_build.emit(scenario)

    def reset(self, seed: int | None = None) -> None:
        """Start again at step 0 from the current scenario, optionally with a new seed."""
        self.pause()
        self._building = True
        self._req_reset.emit(None if seed is None else int(seed))

    def new_seed(self) -> int:
        """Reset with a fresh random seed; returns the seed."""
        seed = random.SystemRandom().randrange(1, 2**31 - 1)
        self.reset(seed)
        return seed

    def play(self) -> None:
        if self._playing or self._shut:
            return
        self._playing = True
        self.running_changed.emit(True)
        self._schedule_next()

    def pause(self) -> None:
        self._tick.stop()
        if self._playing:
            self._playing = False
            self.running_changed.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def step_once(self) -> None:
        """One step (pauses play first)."""
        self.pause()
        if not self._in_flight and not self._building and self._frame is not None:
            self._request_step()

    def set_speed(self, steps_per_second: float | None) -> None:
        """Steps per second while playing; None, <= 0 or inf mean as fast as possible."""
        sps = steps_per_second
        self._interval = 0.0 if (sps is None or sps <= 0 or math.isinf(sps)) else 1.0 / sps
        if self._playing and not self._in_flight:
            self._schedule_next()

    def set_params(self, changes: dict[str, Any]) -> None:
        """Change parameters; rubric and behaviour changes apply from the next step.

        An invalid value emits ``failed`` and changes nothing.
        """
        if not changes:
            return
        if self._scenario is not None:
            try:
                self._scenario = self._scenario.replace(changes)
            except ScenarioError as exc:
                self.failed.emit(str(exc))
                return
        self._req_params.emit(dict(changes))

    def scam(self, index: int) -> None:
        """Make person ``index`` a scam victim from the next step on."""
        self._req_scam.emit(int(index))

    def relayout(self) -> None:
        """Arrange the people again, by their current friendships (another layout seed)."""
        self._req_relayout.emit()

    @property
    def isolated(self) -> bool:
        """True when the model runs in its own process."""
        return isinstance(self._worker.channel, _ProcessChannel)

    def call_in_worker(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
                       on_error: Callable[[str], None] | None = None, args: tuple = ()) -> None:
        """Run ``fn(simulation, *args)`` where the model lives, between two steps.

        ``fn`` must be a module-level function (it may cross to the model process);
        ``on_done(result)`` or ``on_error(message)`` is then called on the GUI thread.
        """
        token = self._next_token
        self._next_token += 1
        self._calls[token] = (on_done, on_error)
        self._req_call.emit(token, fn, tuple(args))

    def score_history(self, index: int) -> np.ndarray:
        """Scores of person ``index`` at steps 0..now, from the frames received.

        Raises RuntimeError for graphs too large to keep every step's scores.
        """
        if self._scores_log is None:
            raise RuntimeError("per-person score history is not kept for graphs this large")
        return np.array([row[index] for row in self._scores_log], dtype=np.float32)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Stop playing, stop the model (at once, even mid-step) and end the thread."""
        if self._shut:
            return
        self._shut = True
        self.pause()
        self._tick.stop()
        worker = self._worker
        worker.closing = True
        channel = worker.channel
        if channel is not None:
            channel.kill()   # a step in progress ends now; the thread's wait returns
        self._req_close.emit()
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            log.warning("the model thread did not stop within %d ms", timeout_ms)
        if channel is not None and channel.process is not None:
            channel.process.join(2.0)

    # ------------------------------------------------------------------ pacing
    def _schedule_next(self) -> None:
        if not self._playing or self._in_flight or self._building or self._frame is None:
            return
        wait = self._interval - (time.perf_counter() - self._last_request)
        if wait <= 0:
            self._request_step()
        else:
            self._tick.start(max(1, int(wait * 1000)))

    def _on_tick(self) -> None:
        if self._playing and not self._in_flight and not self._building:
            self._request_step()

    def _request_step(self) -> None:
        self._in_flight = True
        self._last_request = time.perf_counter()
        self._req_step.emit()

    # ------------------------------------------------------------------ worker replies
    def _on_built(self, static: Static, frame: Frame) -> None:
        if self._shut:
            return
        self._building = False
        self._in_flight = False
        self._static = static
        self._frame = frame
        self._scores_log = ([frame.scores.astype(np.float32)]
                            if static.n <= KEEP_SCORES_UP_TO else None)
        self.rebuilt.emit(static, frame)

    def _on_build_failed(self, message: str) -> None:
        self._building = False
        if message:
            self.failed.emit(message)

    def _on_stepped(self, frame: Frame) -> None:
        if self._shut:
            return
        self._in_flight = False
        self._frame = frame
        if self._scores_log is not None:
            self._scores_log.append(frame.scores.astype(np.float32))
        end = self._scenario["run.steps"] if self._scenario is not None else 0
        if self._playing and end and frame.step == end:
            self.pause()   # the scenario's length, as `scorenet run`; Play goes on
            self.stopped_at_end.emit(frame.step)
        # Ask for the next step before drawing this one: the model works meanwhile.
        self._schedule_next()
        self.stepped.emit(frame)

    def _on_step_failed(self, message: str) -> None:
        self._in_flight = False
        self.pause()
        if message:
            self.failed.emit(message)

    def _on_layout_ready(self, key: object, positions: np.ndarray) -> None:
        self._positions_key = key
        self._positions = positions
        self.layout_ready.emit(key, positions)

    def _on_scenario_changed(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.scenario_changed.emit(scenario)

    def _on_call_done(self, token: int, result: object, error: str) -> None:
        on_done, on_error = self._calls.pop(token, (None, None))
        if error:
            (on_error or self.failed.emit)(error)
        elif on_done is not None:
            on_done(result)
