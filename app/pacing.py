"""Spacing repeated work on the GUI thread: at once when it is due, else when it will be.

Used where a job must not run more often than once per interval (the controller's next
step while playing, the network view's friendship ties), so that requests never pile up.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer

__all__ = ["run_when_due"]


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
