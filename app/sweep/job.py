"""A sweep running off the GUI thread, with progress and cancel as Qt signals.

The runs go to a spawn process pool even with one worker: igraph's community detection
holds Python's GIL for its whole run, which would freeze the window if runs shared its
process. This thread only waits on the pool (:func:`models.sweeps.execute`) and reports.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from app.common.i18n import translate
from models.sweeps import SweepOutcome, SweepPlan, execute, process_pool

__all__ = ["SweepJob"]


class SweepJob(QThread):
    """Run ``plan`` on ``workers`` processes.

    Signals
    -------
    progress(done, total)
        After each finished run.
    done(outcome)
        At the end, cancelled or not (``outcome.stopped`` says which).
    failed(message)
        A run raised; the message is one line.
    """

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, plan: SweepPlan, workers: int, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.workers = max(1, min(workers, len(plan)))
        self._stop = threading.Event()
        self.outcome: SweepOutcome | None = None

    def cancel(self) -> None:
        """Cancel runs not started; those running finish (and are kept) first."""
        self._stop.set()

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:  # noqa: D102 (QThread API)
        try:
            with process_pool(self.workers) as pool:
                outcome: SweepOutcome = execute(
                    self.plan, executor=pool, progress=self.progress.emit,
                    should_stop=self._stop.is_set)
        except Exception as exc:   # noqa: BLE001 - reported to the user, never lost
            text = " ".join(str(exc).split()) or type(exc).__name__
            self.failed.emit(translate("job", "the sweep stopped: {text}").format(text=text))
            return
        self.outcome = outcome
        self.done.emit(outcome)
