"""The main window's timeline: scrubbing to a kept month, the setting-change markers,
the person's story, and the search box that finds a person by id.

A month chosen on the scrubber (or by clicking a time series) pauses the run and asks
the model process for that month as kept (``past``); replies are coalesced, so a fast
drag asks for a few months, not every one. The views show the past frame; Play, Step or
"Live" brings the latest month back. The timeline's memory cap (Simulation > Timeline
memory, kept in the settings, :data:`~app.process.host.TIMELINE_CAP_BYTES` by default)
is sent to the model process with every new run; when it drops the oldest months the
scrubber says so. :class:`TimelineMixin` is mixed into
:class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QToolBar

from app.process.host import TIMELINE_CAP_BYTES
from app.timeline.scrubber import QtScrubber
from app.inspector.story_words import change_words
from app.common.i18n import translate

__all__ = ["TimelineMixin", "find_person", "CAP_SETTING"]

#: Where the timeline's memory cap is kept, in MB.
CAP_SETTING = "timeline/memory_mb"
_MB = 1024 ** 2


def find_person(ids: np.ndarray, text: str) -> int | None:
    """The index of the person whose id reads ``text`` (ids compared as text).

    Examples
    --------
    >>> find_person(np.array([10, 20, 30]), " 20 "), find_person(np.array(["a"]), "b")
    (1, None)
    """
    text = text.strip()
    if not text:
        return None
    hits = np.flatnonzero(np.array([str(x) for x in ids]) == text)
    return int(hits[0]) if hits.size else None


class TimelineMixin:
    """Scrubber, markers, story and search of the main window."""

    def _build_timeline(self) -> None:
        self.scrubber = QtScrubber(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("timeline", "Find person by id"))
        self.search.setClearButtonEnabled(True)
        self.search.setFixedWidth(self.search.fontMetrics().horizontalAdvance("M" * 14))
        self.search.setToolTip(translate("timeline", "Type a person's id and press Enter to select them."))
        self.search.returnPressed.connect(self._on_search)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        bar = QToolBar(translate("timeline", "Timeline"), self)
        bar.setObjectName("timeline")
        bar.setMovable(False)
        bar.addWidget(self.scrubber)
        bar.addWidget(self.search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._past_wanted: int | None = None
        self._past_in_flight = False
        self._past_frame = None
        self._story_in_flight = False
        self._story_again = False
        self._run_id = 0
        #: Setting changes of this run, ``(step, key, old, new)``, as the model noted them.
        self.run_changes: list[tuple] = []
        self.scrubber.month_chosen.connect(self._on_month_chosen)
        self.scrubber.live_requested.connect(self.show_live)
        self.dashboard.month_clicked.connect(self.scrubber.go_to)
        self.controller.running_changed.connect(
            lambda running: self.show_live() if running else None)

    # ------------------------------------------------------------------ state
    @property
    def shown_frame(self):
        """The frame the views show: a past month's, or the latest."""
        return self._past_frame if self._past_frame is not None else self.controller.frame

    # ------------------------------------------------------------------ run events
    def _timeline_rebuilt(self) -> None:
        self._run_id += 1
        self.send_timeline_cap(self.controller)
        self.run_changes = []
        self._past_frame = None
        self._past_wanted = None
        self.scrubber.reset()
        self.dashboard.show_month(None)
        self.dashboard.set_change_months([])
        self._request_story()

    def _timeline_stepped(self, frame) -> object:
        """A new live month: extend the scrubber and go live; the frame to show."""
        if frame.kept_from != self.scrubber.first:
            if not self.scrubber.first:
                self.statusBar().showMessage(
                    f"The timeline reached its memory cap ({self.timeline_cap_mb()} MB): "
                    "the oldest months are dropped as new ones come.", 10000)
            self.scrubber.set_first(frame.kept_from, f"{self.timeline_cap_mb()} MB")
        self.scrubber.set_last(frame.step)
        self.scrubber.go_live()
        if self._past_frame is not None:
            self._past_frame = None
            self._past_wanted = None
            self.dashboard.show_month(None)
            frame = dataclasses.replace(frame, edges_changed=True)   # past ties drawn
        self._request_story()
        return frame

    def _timeline_params_changed(self) -> None:
        run = self._run_id
        self.controller.ask("changes", (), lambda changes: self._on_changes(run, changes))

    def _on_changes(self, run: int, changes) -> None:
        if run != self._run_id:
            return
        self.run_changes = [(c.step, c.key, c.old, c.new) for c in changes]
        markers: dict[int, list[str]] = {}
        for c in changes:
            markers.setdefault(c.step, []).append(change_words(c.key, c.old, c.new))
        self.scrubber.set_markers({m: "; ".join(t) for m, t in markers.items()})
        self.dashboard.set_change_months(sorted(markers))

    # ------------------------------------------------------------------ memory cap
    def timeline_cap_mb(self) -> int:
        """The timeline's memory cap in MB, from the settings."""
        from app.window.files import settings

        try:
            mb = int(settings().value(CAP_SETTING, TIMELINE_CAP_BYTES // _MB))
        except (TypeError, ValueError):
            mb = TIMELINE_CAP_BYTES // _MB
        return max(mb, 16)

    def send_timeline_cap(self, controller) -> None:
        """Tell ``controller``'s model process the cap (A's, or B's when comparing)."""
        controller.ask("set_timeline_cap", (self.timeline_cap_mb() * _MB,), lambda _r: None)

    def _on_timeline_memory(self) -> None:
        from app.window.files import settings

        mb, ok = QInputDialog.getInt(
            self, "Timeline memory",
            "The timeline keeps every month of the run, for the scrubber and\n"
            "Export animation. At most this many MB (the oldest months go first):",
            self.timeline_cap_mb(), 16, 1_048_576, 64)
        if not ok:
            return
        settings().setValue(CAP_SETTING, int(mb))
        self.send_timeline_cap(self.controller)
        if self.pair.b is not None:
            self.send_timeline_cap(self.pair.b)
        self.statusBar().showMessage(f"The timeline keeps at most {mb} MB.", 6000)

    # ------------------------------------------------------------------ scrubbing
    def _on_month_chosen(self, month: int) -> None:
        if month >= self.scrubber.last:
            self.show_live()
            return
        self.controller.pause()
        self._past_wanted = int(month)
        self._request_past()

    def _request_past(self) -> None:
        if self._past_in_flight or self._past_wanted is None:
            return
        self._past_in_flight = True
        run, month = self._run_id, self._past_wanted
        self.controller.ask("past", (month,), lambda f: self._on_past(run, f),
                            lambda msg: self._on_past_failed(run, msg))

    def _on_past(self, run: int, frame) -> None:
        self._past_in_flight = False
        if run != self._run_id or self._past_wanted is None:
            return
        if frame.step != self._past_wanted:   # the user moved on meanwhile
            self._request_past()
            return
        self._past_frame = frame
        self._show_frame(frame)
        self.dashboard.show_month(frame.step, frame)
        self._request_story()

    def _on_past_failed(self, run: int, message: str) -> None:
        self._past_in_flight = False
        if run == self._run_id and message:
            self.statusBar().showMessage(translate("timeline", "Error: ") + message, 8000)

    def show_live(self) -> None:
        """Show the latest month again and follow the run."""
        self._past_wanted = None
        self.scrubber.go_live()
        if self._past_frame is None:
            return
        self._past_frame = None
        self.dashboard.show_month(None)
        frame = self.controller.frame
        if frame is not None:
            self._show_frame(dataclasses.replace(frame, edges_changed=True))
        self._request_story()

    def _show_frame(self, frame) -> None:
        """Hand ``frame`` (past or live) to the views that show one month."""
        self.network.on_frame(frame)
        self.inspector.on_frame(frame)
        self._compare_show(frame)
        self._update_counter(frame)

    # ------------------------------------------------------------------ story and search
    def _request_story(self) -> None:
        """Ask for the shown person's story up to the month shown (one request at a time)."""
        person = self.inspector.person
        if person is None or self.controller.frame is None:
            return
        if self._story_in_flight:
            self._story_again = True
            return
        self._story_in_flight = True
        run, until = self._run_id, self.shown_frame.step
        self.controller.ask("story", (person, until),
                            lambda lines: self._on_story(run, person, lines),
                            lambda _msg: self._on_story(run, person, None))

    def _on_story(self, run: int, person: int, lines) -> None:
        self._story_in_flight = False
        if run == self._run_id and lines is not None:
            self.inspector.set_story(person, lines)
        if self._story_again:
            self._story_again = False
            self._request_story()

    def _on_search(self) -> None:
        static = self.controller.static
        if static is None:
            return
        text = self.search.text()
        index = find_person(static.ids, text)
        if index is None:
            self.statusBar().showMessage(translate("timeline", "No person with id {id}.")
                                         .format(id=repr(text.strip())), 6000)
            return
        self._on_person_selected(index)
