"""The controller's worker thread: forwards requests to the model host, emits the answers.

:class:`Worker` lives in the :class:`~PySide6.QtCore.QThread` that
:class:`~app.controller.sim_controller.SimController` starts; its slots run there one at a
time, so the GUI thread never waits for the model. It talks to the model host through a
channel from :mod:`app.process.channel` (a child process, or the host in this thread),
makes whole frames again from the host's frames of changes
(:class:`~app.process.assembly.FrameReceiver`), and replaces a child process that died
so that Reset can start again. It keeps no scenario of its own: the controller sends
the one it was last told about with every Reset.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from app.process.assembly import FrameReceiver
from app.process.channel import Died, InlineChannel, ProcessChannel
from app.process.host import BROKEN, Failure
from models.scenario import Scenario

__all__ = ["Worker"]

log = logging.getLogger(__name__)


class Worker(QObject):
    """Lives in the worker thread; every slot runs there, one request at a time.

    Failures are emitted as ``(message, log)``: ``log`` is the error log's path when
    the failure is a bug, else "".
    """

    built = Signal(object, object)        # Static, Frame
    build_failed = Signal(str, str)
    stepped = Signal(object)              # Frame
    step_failed = Signal(str, str)
    failed = Signal(str, str)
    nothing = Signal()                    # a request that had nothing to act on
    layout_ready = Signal(object, object)  # graph_key, (n, 2) positions
    params_done = Signal(object, object, object)  # scenario, pending, (key, message)
    reported = Signal(object, object)     # a build's scenario, pending
    call_done = Signal(int, object, str, str)  # token, result, error ("" when fine), log

    def __init__(self, isolate: bool) -> None:
        super().__init__()
        self._isolate = isolate
        self._channel = None
        self._frames = FrameReceiver()
        self._running = False
        self._carry: dict = {}   # changes sent to a process that died: Reset applies them
        self.closing = False   # set by the GUI thread on shutdown: never restart then
        self._living_on = True   # re-sent to a fresh model process
        self.start_channel()

    def start_channel(self) -> None:
        """Start the model host (a child process unless isolation is off or fails)."""
        if self._isolate:
            try:
                self._channel = ProcessChannel()
                return
            except Exception as exc:  # noqa: BLE001 - e.g. no processes in a sandbox
                log.warning("cannot start the model process (%s); using a thread", exc)
                self._isolate = False
        self._channel = InlineChannel()

    @property
    def channel(self):
        return self._channel

    def _ask(self, op: str, *args):
        """Ask the host; a dead child process is replaced so that Reset can work, and
        the run is over: only a rebuild can go on from there."""
        try:
            return self._channel.request(op, *args)
        except Died:
            self._running = False
            if not self.closing:
                self.start_channel()
            raise

    # ------------------------------------------------------------------ slots
    @Slot(object)
    def build(self, scenario: Scenario) -> None:
        self._carry = {}
        self._built(lambda: self._ask("build", scenario, None))

    @Slot(object, object)
    def reset(self, seed: int | None, scenario: Scenario | None) -> None:
        if scenario is None:   # nothing was ever built: nothing to reset
            self.nothing.emit()
            return
        if not self._running:   # a fresh process after a crash: build from scratch
            changes = dict(self._carry)
            if seed is not None:
                changes["run.seed"] = int(seed)
            self._built(lambda: self._ask("build", scenario, changes))
            return
        self._built(lambda: self._ask("reset", seed))

    def _built(self, make) -> None:
        try:
            static, frame, scenario, pending = make()
        except Failure as exc:
            self.build_failed.emit(exc.message, exc.log or "")
            return
        self._carry = {}
        self._running = True
        frame = self._frames.first(frame)
        self.built.emit(static, frame)
        self.reported.emit(scenario, list(pending))
        if not self._living_on:   # a replaced model process starts living again
            self.set_living(False)
        self._emit_layout(False)

    @Slot()
    def step(self) -> None:
        if not self._running:
            self.step_failed.emit(BROKEN, "")
            return
        try:
            frame = self._ask("step")
        except Failure as exc:
            self.step_failed.emit(exc.message, exc.log or "")
            return
        self.stepped.emit(self._frames.next(frame))

    @Slot(object)
    def set_params(self, changes: dict) -> None:
        """Send ``changes`` to the model, which validates them; always answered with
        ``params_done`` (scenario None when there is no model to ask)."""
        if not self._running:
            self._carry.update(changes)
            self.params_done.emit(None, None, None)
            return
        try:
            scenario, pending, refusal = self._ask("set_params", changes)
        except Failure as exc:   # the process died under it: Reset rebuilds with it
            if isinstance(exc, Died):
                self._carry.update(changes)
            self.failed.emit(exc.message, exc.log or "")
            self.params_done.emit(None, None, None)
            return
        self.params_done.emit(scenario, list(pending), refusal)

    @Slot(int)
    def scam(self, person: int) -> None:
        try:
            self._ask("scam", int(person))
        except Failure as exc:
            self.failed.emit(exc.message, exc.log or "")

    @Slot()
    def relayout(self) -> None:
        if self._running:
            self._emit_layout(True)

    @Slot(bool)
    def set_living(self, on: bool) -> None:
        self._living_on = bool(on)
        try:
            self._ask("set_living", bool(on))
        except (Failure, Died):
            pass   # nothing runs: the next build starts with the host's default

    @Slot(int, object, object)
    def call(self, token: int, fn: Callable, args: tuple) -> None:
        try:
            # A name is another request of the host (past, story, changes): ask it.
            result = (self._ask(fn, *args) if isinstance(fn, str)
                      else self._ask("call", fn, tuple(args)))
        except Failure as exc:
            self.call_done.emit(token, None, exc.message, exc.log or "")
            return
        self.call_done.emit(token, result, "", "")

    def _emit_layout(self, recompute: bool) -> None:
        try:
            key, pos = self._ask("layout", recompute)
        except Failure as exc:
            self.failed.emit(exc.message, exc.log or "")
            return
        pos = np.asarray(pos)
        pos.setflags(write=False)
        self.layout_ready.emit(key, pos)

    @Slot()
    def close(self) -> None:
        if self._channel is not None:
            self._channel.close(timeout=1.0)
