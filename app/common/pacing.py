"""Spacing repeated work on the GUI thread, so that requests never pile up.

:func:`run_when_due` runs a job at once when it is due, else starts a timer for when it
will be (the controller's next step while playing, the network view's friendship ties).
:class:`Throttle` runs a refresh at once, then at most so many times a second, always
with the newest state (the dashboard's drawing, the inspector's refresh).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

__all__ = ["run_when_due", "Throttle"]


def run_when_due(timer: QTimer, interval: float, last: float,
                 action: Callable[[], None]) -> None:
    """Run ``action`` now if ``interval`` seconds have passed since ``last``.

    ``last`` is a ``time.perf_counter()`` reading. When it is too early, the single-shot
    ``timer`` is started for the time left instead; the caller connected its timeout to
    a slot that checks whether the job is still wanted, then does it.
    """
    wait = interval - (time.perf_counter() - last)
    if wait <= 0:
        action()
    else:
        timer.start(max(1, int(wait * 1000)))


class Throttle(QObject):
    """A leading-edge throttle: ``request()`` runs ``job`` at once, unless it ran less
    than ``1 / per_second`` seconds ago; then it runs once when that time is up, however
    many requests came meanwhile.

    ``pending`` may also be set by the owner, e.g. to catch up later on what a hidden
    view skipped.
    """

    def __init__(self, job: Callable[[], None], per_second: float, parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self.pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(1000 / per_second))
        self.timer.timeout.connect(self._on_timeout)

    def request(self) -> None:
        if self.timer.isActive():
            self.pending = True
            return
        self._job()
        self.timer.start()

    def _on_timeout(self) -> None:
        if self.pending:
            self.pending = False
            self._job()
            self.timer.start()
