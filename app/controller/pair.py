"""Rubric B beside rubric A: a second controller run in lockstep with the main one.

:class:`PairController` starts a second :class:`~app.controller.sim_controller.SimController`
(its own worker thread and model process, so the two steps run on both cores) for
rubric B: A's scenario with some settings overridden (checked by
:func:`models.compare.check_overrides`: B keeps A's people, network and seed). Lockstep:
A may step only when B has caught up (A's gate), and every step asked of A is asked of B
at the same moment. Changes made to A's other settings, scams and resets go to B as
well; B's overridden settings stay B's. Each run is then exactly what a separate run of
its scenario with that seed gives.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from app.controller.sim_controller import SimController
from models.compare import check_overrides

__all__ = ["PairController"]


class PairController(QObject):
    """Runs rubric B in lockstep with controller ``a`` (rubric A).

    Signals
    -------
    rebuilt(Static, Frame)
        B was (re)built: month 0.
    stepped(Frame)
        B took a step.
    layout_ready(object, numpy.ndarray)
        B's positions.
    failed(str)
        A message from B's model.
    active_changed(bool)
        Comparing started or stopped.
    """

    rebuilt = Signal(object, object)
    stepped = Signal(object)
    layout_ready = Signal(object, object)
    failed = Signal(str)
    active_changed = Signal(bool)

    def __init__(self, a: SimController, parent: QObject | None = None, *,
                 isolate: bool = True) -> None:
        super().__init__(parent)
        self.a = a
        self.b: SimController | None = None
        self.overrides: dict[str, Any] = {}
        self._isolate = isolate

    @property
    def active(self) -> bool:
        return self.b is not None

    def caught_up(self) -> bool:
        """True when B shows the same month as A (A may take its next step)."""
        b, a = self.b, self.a
        return (b is not None and not b.busy and b.frame is not None and a.frame is not None
                and b.frame.step == a.frame.step)

    def start(self, overrides: dict[str, Any]) -> None:
        """Compare A with A plus ``overrides``; both start again at month 0.

        Raises
        ------
        ScenarioError
            When an override is unknown, invalid or needs other people or another network.
        """
        if self.a.scenario is None:
            raise RuntimeError("nothing runs yet")
        now = self.a.scenario
        self.overrides = {k: v for k, v in check_overrides(now, overrides).items()
                          if now[k] != v}
        if self.b is None:
            self.b = SimController(self, isolate=self._isolate)
            self.b.rebuilt.connect(self.rebuilt)
            self.b.rebuilt.connect(lambda *_: self.a.resume())
            self.b.stepped.connect(self._on_b_stepped)
            self.b.layout_ready.connect(self.layout_ready)
            self.b.failed.connect(self.failed)
            self.a.rebuilt.connect(self._on_a_rebuilt)
            self.a.step_requested.connect(self._on_a_step_requested)
            self.a.set_gate(self.caught_up)
            self.active_changed.emit(True)
        self.a.reset()   # B is built when A's month 0 arrives

    def stop(self) -> None:
        """Stop comparing; A plays on alone."""
        if self.b is None:
            return
        self.a.set_gate(None)
        self.a.rebuilt.disconnect(self._on_a_rebuilt)
        self.a.step_requested.disconnect(self._on_a_step_requested)
        b, self.b = self.b, None
        b.shutdown()
        b.deleteLater()
        self.overrides = {}
        self.active_changed.emit(False)
        self.a.resume()

    def set_params(self, changes: dict[str, Any]) -> None:
        """A's changes, except to the settings B overrides, go to B too."""
        if self.b is not None:
            shared = {k: v for k, v in changes.items() if k not in self.overrides}
            if shared:
                self.b.set_params(shared)

    def scam(self, index: int) -> None:
        if self.b is not None:
            self.b.scam(index)

    def relayout(self) -> None:
        if self.b is not None:
            self.b.relayout()

    def shutdown(self) -> None:
        if self.b is not None:
            self.b.shutdown()

    # ------------------------------------------------------------------ A's events
    def _on_a_rebuilt(self, _static, frame) -> None:
        if self.b is not None:
            self.b.set_scenario(frame.scenario.replace(self.overrides))

    def _on_a_step_requested(self) -> None:
        b = self.b
        if b is not None and b.frame is not None and not b.busy:
            b.step_once()

    def _on_b_stepped(self, frame) -> None:
        self.stepped.emit(frame)
        self.a.resume()
