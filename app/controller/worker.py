"""The controller's worker thread: forwards requests to the model host, emits the answers.

:class:`Worker` lives in the :class:`~PySide6.QtCore.QThread` that
:class:`~app.controller.sim_controller.SimController` starts; its slots run there one at a time, so the
GUI thread never waits for the model. It talks to the model host through a channel from
:mod:`app.process.channel` (a child process, or the host in this thread), keeps the ties
and the metrics history that the host sends only as changes, and replaces a child
process that died so that Reset can start again.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from app.process.channel import Died, InlineChannel, ProcessChannel
from app.process.host import BROKEN, Failure
from models.errors import ScenarioError
from models.history import METRIC_COLUMNS
from models.scenario import Scenario

__all__ = ["Worker"]

log = logging.getLogger(__name__)


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


class Worker(QObject):
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
                self._channel = ProcessChannel()
                return
            except Exception as exc:  # noqa: BLE001 - e.g. no processes in a sandbox
                log.warning("cannot start the model process (%s); using a thread", exc)
                self._isolate = False
        self._channel = InlineChannel()

    @property
    def channel(self):
        return self._channel

    def _request(self, op: str, *args):
        """Ask the host; a dead child process is replaced so that Reset can work."""
        try:
            return self._channel.request(op, *args)
        except Died:
            if not self.closing:
                self.start_channel()
            raise

    def _ask(self, op: str, *args):
        """As :meth:`_request`, for the requests after which a dead process also ends
        the run: only a rebuild can go on from there."""
        try:
            return self._request(op, *args)
        except Died:
            self._history = None
            raise

    # ------------------------------------------------------------------ slots
    @Slot(object)
    def build(self, scenario: Scenario) -> None:
        self._built(lambda: self._ask("build", scenario))

    @Slot(object)
    def reset(self, seed: int | None) -> None:
        if self._scenario is None:   # nothing was ever built: nothing to reset
            self.build_failed.emit("")
            return
        if isinstance(self._channel, ProcessChannel) and self._history is None:
            scenario = self._scenario   # a fresh process after a crash: build from scratch
            if seed is not None:
                scenario = scenario.replace({"run.seed": int(seed)})
            self.build(scenario)
            return
        self._built(lambda: self._ask("reset", seed))

    def _built(self, make) -> None:
        try:
            static, frame, scenario, pending = make()
        except Died as exc:
            self.build_failed.emit(str(exc))
            return
        except Failure as exc:
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
            self.step_failed.emit(BROKEN if self._scenario is not None else "")
            return
        try:
            frame, row = self._ask("step")
        except Failure as exc:
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
            scenario, pending = self._ask("set_params", changes)
        except Died as exc:   # the run is over; Reset rebuilds, with this change kept
            self.failed.emit(str(exc))
            try:
                self._scenario = self._scenario.replace(changes)
            except ScenarioError:
                return
            self.scenario_changed.emit(self._scenario)
            return
        except Failure as exc:
            self.failed.emit(str(exc))
            try:
                scenario, pending = self._request("scenario")
            except Failure:
                return
        self._scenario = scenario
        self.scenario_changed.emit(scenario)
        self.pending_changed.emit(list(pending))

    @Slot(int)
    def scam(self, person: int) -> None:
        try:
            self._ask("scam", int(person))
        except Failure as exc:
            self.failed.emit(str(exc))

    @Slot()
    def relayout(self) -> None:
        if self._history is not None:
            self._emit_layout(True)

    @Slot(int, object, object)
    def call(self, token: int, fn: Callable, args: tuple) -> None:
        try:
            result = self._ask("call", fn, tuple(args))
        except Failure as exc:
            self.call_done.emit(token, None, str(exc) or "No simulation is running.")
            return
        self.call_done.emit(token, result, "")

    def _emit_layout(self, recompute: bool) -> None:
        try:
            key, pos = self._ask("layout", recompute)
        except Failure as exc:
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
