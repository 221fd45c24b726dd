"""The parameter path of :class:`~app.controller.sim_controller.SimController`: changes
merged and throttled on their way to the model, and the model's answers (the scenario it
now runs, or a refusal naming the key). The model validates; nothing here does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

from models.scenario import Scenario

__all__ = ["ParamsMixin"]


class ParamsMixin:
    """Mixed into :class:`~app.controller.sim_controller.SimController`."""

    def set_params(self, changes: dict[str, Any]) -> None:
        """Change parameters; rubric and behaviour changes apply from the next step.

        Changes are merged and sent at most every ``PARAMS_EVERY_MS``; the model checks
        them. An invalid value emits ``params_refused`` and ``failed`` and changes
        nothing.
        """
        if not changes:
            return
        self._queued.update(changes)
        self._send_params()

    def _send_queued(self) -> None:
        if self._queued and not self._shut:
            changes, self._queued = self._queued, {}
            self._unanswered += 1
            self._req_params.emit(changes)

    def flush_params(self) -> None:
        """Send the parameter changes waiting for the throttle now."""
        self._send_params.cancel()
        self._send_queued()

    def settle(self, timeout_ms: int = 10_000) -> bool:
        """Send the changes waiting and wait (events keep flowing) until the model has
        answered every one, so that :attr:`scenario` holds them; False on timeout."""
        self.flush_params()
        if self._unanswered:
            loop = QEventLoop()
            self.settled.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            self.settled.disconnect(loop.quit)
        return self._unanswered == 0

    # ------------------------------------------------------------------ the model's answers
    def _on_params_done(self, scenario: Scenario | None, pending: list | None,
                        refusal: tuple[str, str, str] | None) -> None:
        """The model's answer to a parameter change (scenario None: no model to ask)."""
        self._unanswered = max(0, self._unanswered - 1)
        self._take_report(scenario, pending, refusal)

    def _on_reported(self, scenario: Scenario, pending: list) -> None:
        """The scenario of a simulation just built: said at once (a file being opened
        becomes the document now, even while edits are on their way)."""
        self._take_report(scenario, pending, None, at_once=True)

    def _take_report(self, scenario, pending, refusal, at_once: bool = False) -> None:
        if scenario is not None:
            self._scenario = scenario
            self._pending = list(pending)
        if refusal is not None:
            key, problem, message = refusal
            self.params_refused.emit(key, problem)
            self.failed.emit(message)
        if at_once or (self._unanswered == 0 and not self._queued):
            # Said only once every change is answered: a slider being dragged is never
            # moved back to a value the model confirmed a moment ago.
            if self._scenario is not None:
                self.scenario_changed.emit(self._scenario)
                self.pending_changed.emit(list(self._pending))
        if self._unanswered == 0 and not self._queued:
            self.settled.emit()
