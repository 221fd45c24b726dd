"""Two pieces of :class:`~app.controller.sim_controller.SimController` for A/B runs and
the timeline: a gate that holds the next step until another run has caught up, and
requests of the model host answered by callbacks (``past``, ``story``, ``changes``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["LockstepMixin"]


class LockstepMixin:
    """Mixed into :class:`~app.controller.sim_controller.SimController`."""

    _gate: Callable[[], bool] | None = None

    def set_gate(self, gate: Callable[[], bool] | None) -> None:
        """Take a step only when ``gate()`` is True (another run in lockstep caught up);
        call :meth:`resume` when it may have become True."""
        self._gate = gate

    def resume(self) -> None:
        """Go on playing if the gate now allows it."""
        self._schedule_next()

    def _free(self) -> bool:
        """Nothing in flight or being built, a frame to step from, and the gate open."""
        return (not self._in_flight and not self._building and self._frame is not None
                and (self._gate is None or self._gate()))

    def ask(self, op: str, args: tuple, on_done: Callable[[Any], None],
            on_error: Callable[[str], None] | None = None) -> None:
        """Send request ``op`` of :class:`~app.process.host.ModelHost` (``past``,
        ``story``, ``changes``) between two steps; ``on_done(result)`` or
        ``on_error(message)`` is called on the GUI thread."""
        token = self._next_token
        self._next_token += 1
        self._calls[token] = (on_done, on_error)
        self._req_call.emit(token, op, tuple(args))   # a name: the worker asks the host
