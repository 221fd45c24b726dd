"""The bridge between the views and the simulation, which runs off the GUI thread.

:class:`SimController` owns a :class:`~models.simulation.Simulation` through a worker
QObject (:mod:`app.controller.worker`) living in a :class:`QThread`. The GUI talks to it only
through queued signals and gets back immutable :class:`~app.process.frame.Frame` snapshots, so
a slow step never freezes the window and no view ever reads half-updated arrays.

By default the simulation itself lives in a child process that the worker thread drives
over a pipe (:mod:`app.process.channel`): in a thread, igraph's Louvain would hold the GIL
and stall the window. ``SimController(isolate=False)`` (or a platform where processes
cannot be started) runs the same model host (:mod:`app.process.host`) in the worker
thread instead.

The controller holds the GUI process's one copy of the scenario: the one the model last
reported (:attr:`SimController.scenario`). Parameter changes are not checked here: they
are merged, sent at most every :data:`PARAMS_EVERY_MS` (a slider dragged fast sends a few
updates, not hundreds; superqt's ``qthrottled``) and validated by the model, whose
answer (the new scenario, or a refusal) comes back as ``scenario_changed`` or
``params_refused``. Anything else asked of the model first sends the changes waiting,
so a change is in force from the next step requested after it.

Playing is paced from the GUI thread with back-pressure: a new step is requested only
when the previous frame has arrived, so requests never pile up. At full speed the next
step is requested *before* the views draw the frame that just arrived, so the model
computes step t+1 while the window paints step t.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal
from superqt.utils import qthrottled

from app.common.pacing import run_when_due
from app.controller.lockstep import LockstepMixin
from app.controller.params import ParamsMixin
from app.controller.worker import Worker
from app.process.channel import ProcessChannel
from app.process.frame import Frame, Static
from models.scenario import Scenario
from models.simulation import KEEP_SCORES_UP_TO

__all__ = ["SimController", "MAX_SPEED", "PARAMS_EVERY_MS"]

log = logging.getLogger(__name__)

#: ``set_speed(MAX_SPEED)`` (or any value <= 0 or infinite): as fast as frames arrive.
MAX_SPEED = math.inf

#: Parameter changes reach the model at most this often (ms); the first one at once.
PARAMS_EVERY_MS = 100


class SimController(LockstepMixin, ParamsMixin, QObject):
    """Runs a :class:`~models.simulation.Simulation` off the GUI thread.

    Signals
    -------
    rebuilt(Static, Frame)
        A simulation was built (new scenario, reset, new seed): step 0.
    stepped(Frame)
        One step was taken.
    failed(str)
        A readable one-line message: the model's ``ScenarioError`` text, or
        "Internal error in the model: <type>: <msg>" (traceback on stderr and in the
        error log, whose path :meth:`take_bug_log` then gives).
    params_refused(str, str)
        The model refused a parameter change: the key and what is wrong (``failed``
        follows with the whole message). Nothing changed.
    running_changed(bool)
        Play started (True) or stopped (False).
    pending_changed(list)
        Names of changed parameters that wait for Reset.
    scenario_changed(Scenario)
        The simulation's scenario (pending changes included), as the model reports it:
        after a build at once, after parameter changes once every one sent is answered.
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
    stopped_at_end = Signal(int)  # play paused itself at run.steps, or was refused there
    params_refused = Signal(str, str)
    settled = Signal()   # every parameter change sent was answered
    step_requested = Signal()     # a step was just asked of the model (A/B lockstep)

    # Requests to the worker (queued across threads).
    _req_build = Signal(object)
    _req_reset = Signal(object, object)
    _req_step = Signal()
    _req_params = Signal(object)
    _req_scam = Signal(int)
    _req_relayout = Signal()
    _req_living = Signal(bool)
    _req_call = Signal(int, object, object)
    _req_close = Signal()

    def __init__(self, parent: QObject | None = None, *, isolate: bool = True) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("scorenet-model")
        # Started here, before the window is built: the child's imports overlap with it.
        self._worker = Worker(isolate)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        w = self._worker
        self._req_build.connect(w.build)
        self._req_reset.connect(w.reset)
        self._req_step.connect(w.step)
        self._req_params.connect(w.set_params)
        self._req_scam.connect(w.scam)
        self._req_relayout.connect(w.relayout)
        self._req_living.connect(w.set_living)
        self._req_call.connect(w.call)
        self._req_close.connect(w.close)
        w.built.connect(self._on_built)
        w.build_failed.connect(self._on_build_failed)
        w.stepped.connect(self._on_stepped)
        w.step_failed.connect(self._on_step_failed)
        w.failed.connect(self._on_failed)
        w.nothing.connect(self._on_nothing)
        w.layout_ready.connect(self._on_layout_ready)
        w.params_done.connect(self._on_params_done)
        w.reported.connect(self._on_reported)
        w.call_done.connect(self._on_call_done)
        self._thread.start()

        self._scenario: Scenario | None = None
        self._pending: list[str] = []
        self._queued: dict[str, Any] = {}   # changes not sent yet (throttled)
        self._unanswered = 0                # set_params requests sent, not answered
        self._bug_log = ""
        self._send_params = qthrottled(self._send_queued, timeout=PARAMS_EVERY_MS,
                                       leading=True, parent=self)
        self._static: Static | None = None
        self._frame: Frame | None = None
        self._positions: np.ndarray | None = None
        self._positions_key: object = None
        self._scores_log: list[np.ndarray] | None = None
        self._playing = False
        self._stop_when: Callable[[Frame], bool] | None = None
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
        """The scenario as the model last reported it, pending changes included (None
        before the first build). Changes still on their way are not in it: see
        :meth:`settle`."""
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
        self.flush_params()
        self._req_build.emit(scenario)

    def reset(self, seed: int | None = None) -> None:
        """Start again at step 0 from the current scenario, optionally with a new seed."""
        self.pause()
        self._building = True
        self.flush_params()
        self._req_reset.emit(None if seed is None else int(seed), self._scenario)

    def new_seed(self) -> int:
        """Reset with a fresh random seed; returns the seed."""
        seed = random.SystemRandom().randrange(1, 2**31 - 1)
        self.reset(seed)
        return seed

    @property
    def at_end(self) -> bool:
        """True once the run has reached the scenario's length (``run.steps``)."""
        end = self._scenario["run.steps"] if self._scenario is not None else 0
        return bool(self._frame is not None and end and self._frame.step >= end)

    def play(self, stop_when: Callable[[Frame], bool] | None = None) -> None:
        """Run month after month until ``run.steps``; at the end, refuse (``stopped_at_end``).

        ``stop_when(frame)`` may end the run earlier, exactly at the first frame for
        which it is true (a lesson's "run 24 months", "until a fifth are restricted"):
        it is checked before the next month is asked for.
        """
        if self._playing or self._shut:
            return
        if self.at_end:
            # The scenario's length is where the run ends, as in `scorenet run`: going on
            # would show "Month 319 / 120". Reset, or a larger run.steps, goes further.
            self.stopped_at_end.emit(self._frame.step)
            return
        self._playing = True
        self._stop_when = stop_when
        self.running_changed.emit(True)
        self._schedule_next()

    def pause(self) -> None:
        self._tick.stop()
        self._stop_when = None
        if self._playing:
            self._playing = False
            self.running_changed.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def step_once(self) -> None:
        """One step (pauses play first); none at the scenario's end (``stopped_at_end``)."""
        self.pause()
        if self.at_end:
            self.stopped_at_end.emit(self._frame.step)
            return
        if self._free():
            self._request_step()

    def set_speed(self, steps_per_second: float | None) -> None:
        """Steps per second while playing; None, <= 0 or inf mean as fast as possible."""
        sps = steps_per_second
        self._interval = 0.0 if (sps is None or sps <= 0 or math.isinf(sps)) else 1.0 / sps
        if self._playing and not self._in_flight:
            self._schedule_next()

    def take_bug_log(self) -> str:
        """The error log's path of the last failure that was a bug ("" if none); once."""
        path, self._bug_log = self._bug_log, ""
        return path

    def scam(self, index: int) -> None:
        """Make person ``index`` a scam victim from the next step on."""
        self.flush_params()
        self._req_scam.emit(int(index))

    def set_living_layout(self, on: bool) -> None:
        """Let the layout follow the friendships while playing (True), or freeze it."""
        self._req_living.emit(bool(on))

    def relayout(self) -> None:
        """Arrange the people again, by their current friendships (another layout seed)."""
        self.flush_params()
        self._req_relayout.emit()

    @property
    def isolated(self) -> bool:
        """True when the model runs in its own process."""
        return isinstance(self._worker.channel, ProcessChannel)

    def call_in_worker(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
                       on_error: Callable[[str], None] | None = None, args: tuple = ()) -> None:
        """Run ``fn(simulation, *args)`` where the model lives, between two steps.

        ``fn`` must be a module-level function (it may cross to the model process);
        ``on_done(result)`` or ``on_error(message)`` is then called on the GUI thread.
        """
        token = self._next_token
        self._next_token += 1
        self._calls[token] = (on_done, on_error)
        self.flush_params()
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
        self._send_params.cancel()
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
        if not self._playing or not self._free():
            return
        run_when_due(self._tick, self._interval, self._last_request, self._request_step)

    def _on_tick(self) -> None:
        if self._playing and self._free():
            self._request_step()

    def _request_step(self) -> None:
        self.flush_params()   # a change made before this step applies to it
        self._in_flight = True
        self._last_request = time.perf_counter()
        self._req_step.emit()
        self.step_requested.emit()

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

    def _on_build_failed(self, message: str, log_path: str) -> None:
        self._building = False
        self._on_failed(message, log_path)

    def _on_failed(self, message: str, log_path: str) -> None:
        if log_path:
            self._bug_log = log_path
        self.failed.emit(message)

    def _on_nothing(self) -> None:
        self._building = False

    def _on_stepped(self, frame: Frame) -> None:
        if self._shut:
            return
        self._in_flight = False
        self._frame = frame
        if self._scores_log is not None:
            self._scores_log.append(frame.scores.astype(np.float32))
        end = self._scenario["run.steps"] if self._scenario is not None else 0
        if self._playing and end and frame.step >= end:
            self.pause()   # the scenario's length, as `scorenet run`
            self.stopped_at_end.emit(frame.step)
        elif self._playing and self._stop_when is not None and self._stop_when(frame):
            self.pause()
        # Ask for the next step before drawing this one: the model works meanwhile.
        self._schedule_next()
        self.stepped.emit(frame)

    def _on_step_failed(self, message: str, log_path: str) -> None:
        self._in_flight = False
        self.pause()
        self._on_failed(message, log_path)

    def _on_layout_ready(self, key: object, positions: np.ndarray) -> None:
        self._positions_key = key
        self._positions = positions
        self.layout_ready.emit(key, positions)

    def _on_call_done(self, token: int, result: object, error: str, log_path: str) -> None:
        on_done, on_error = self._calls.pop(token, (None, None))
        if error:
            if log_path:
                self._bug_log = log_path
            (on_error or self.failed.emit)(error)
        elif on_done is not None:
            on_done(result)
