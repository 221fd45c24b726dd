"""The main window's A/B comparison: rubric B's network beside A's, B's lines on the
dashboard, and the people excluded under one rubric only, marked and listed.

"Compare with rubric B" starts a :class:`~app.controller.pair.PairController`; B's view
appears to the right of A's, with the same initial positions (both model processes lay
out the same graph with the same seed). After every month both have reached, and for
any past month the timeline shows, the people restricted or isolated under one rubric
and not the other (:func:`models.compare.excluded`) get a diamond in that rubric's view
and are listed in the "A / B" dock. :class:`CompareMixin` is mixed into
:class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDockWidget, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QVBoxLayout, QWidget)

from app.controller.pair import PairController
from app.network.panel import QtNetworkView
from app.window.compare_dialog import CompareDialog
from models.compare import Difference, excluded
from models.errors import ScenarioError
from app.inspector.story_words import change_words
from app.common.i18n import translate

__all__ = ["CompareMixin", "difference_of_frames"]


def difference_of_frames(a, b) -> Difference:
    """People excluded under one of two frames of the same month and not the other."""
    ea = excluded(a.status, a.degree)
    eb = excluded(b.status, b.degree)
    return Difference(np.flatnonzero(ea & ~eb), np.flatnonzero(eb & ~ea))


class CompareMixin:
    """Rubric B's view, dock and wiring."""

    def _build_compare(self) -> None:
        self.pair = PairController(self.controller, self, isolate=self.controller.isolated)
        self.network_b = QtNetworkView(self)
        self.network_b.set_side_column(False)   # A's colour bar and legend serve both
        self.network_b.hide()
        self.networks.addWidget(self.network_b)
        self.difference: Difference | None = None
        self._b_past = None
        self._b_run = 0
        box = QWidget(self)
        col = QVBoxLayout(box)
        self.compare_summary = QLabel(translate("compare", "Not comparing."), box)
        self.compare_summary.setWordWrap(True)
        col.addWidget(self.compare_summary)
        self.compare_lists: dict[str, QListWidget] = {}
        for side in ("a", "b"):
            col.addWidget(QLabel(translate("compare", "Excluded only under {side} "
                                           "(restricted or without friends):")
                                 .format(side=side.upper()), box))
            lst = QListWidget(box)
            lst.itemClicked.connect(lambda item: self._on_person_selected(
                int(item.data(Qt.ItemDataRole.UserRole))))
            col.addWidget(lst, 1)
            self.compare_lists[side] = lst
        self.compare_dock = QDockWidget("A / B", self)
        self.compare_dock.setObjectName("compare")
        self.compare_dock.setWidget(box)
        self.compare_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                      | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.compare_dock)
        self.tabifyDockWidget(self.inspector_dock, self.compare_dock)
        self.compare_dock.hide()
        p = self.pair
        p.rebuilt.connect(self._on_b_rebuilt)
        p.stepped.connect(self._on_b_stepped)
        p.layout_ready.connect(self.network_b.set_layout)
        p.failed.connect(lambda msg: self.statusBar().showMessage(translate("compare", "Rubric B: ") + msg, 10000))
        p.active_changed.connect(self._on_compare_active)
        self.network_b.person_selected.connect(self._on_person_selected)

    # ------------------------------------------------------------------ commands
    def _on_compare(self) -> None:
        if self.controller.scenario is None:
            return
        dialog = CompareDialog(self.controller.scenario, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.start_compare(dialog.overrides())
        except ScenarioError as exc:
            QMessageBox.critical(self, translate("compare", "ScoreNet"), str(exc))

    def start_compare(self, overrides: dict) -> None:
        """Compare with rubric B = A plus ``overrides``; both restart at month 0.

        Raises ScenarioError for settings B cannot have. Undoable (Edit menu).
        """
        before = dict(self.pair.overrides) if self.pair.active else None
        self.pair.start(overrides)
        self.record_compare(before, dict(self.pair.overrides))
        words = "; ".join(change_words(k, self.controller.scenario[k], v)
                          for k, v in self.pair.overrides.items()) or translate(
                              "compare", "no difference")
        self.network.set_caption("A", compare=True)
        self.network_b.set_caption("B", compare=True)
        self.compare_summary.setText(translate(
            "compare", "Rubric B: {words}. Dashboard: A solid, B dashed.").format(words=words))
        self.statusBar().showMessage(translate("compare", "Comparing with rubric B ({words}).")
                                     .format(words=words), 8000)

    def stop_compare(self) -> None:
        """Stop comparing (undoable: undo opens B again with its settings)."""
        before = dict(self.pair.overrides) if self.pair.active else None
        self.pair.stop()
        self.record_compare(before, None)

    def set_compare(self, overrides: dict | None) -> None:
        """Compare with B = A plus ``overrides``, or stop comparing (None)."""
        if overrides is None:
            self.stop_compare()
        else:
            self.start_compare(overrides)

    def _on_compare_active(self, active: bool) -> None:
        self.network_b.setVisible(active)
        self.compare_dock.setVisible(active)
        self.act_stop_compare.setEnabled(active)
        if active:
            self.compare_dock.raise_()
            half = max(self.networks.width() // 2, 200)
            self.networks.setSizes([half + 60, half - 60])   # A also holds the legend
            return
        self.difference = None
        self._b_past = None
        self.network.set_caption("", compare=False)
        self.network.set_highlight(None)
        self.dashboard.set_compare_history(None)
        self.compare_summary.setText(translate("compare", "Not comparing."))
        for lst in self.compare_lists.values():
            lst.clear()

    # ------------------------------------------------------------------ B's frames
    def _on_b_rebuilt(self, static, frame) -> None:
        self._b_run += 1
        self._b_past = None
        if self.pair.b is not None:
            self.send_timeline_cap(self.pair.b)
        self.network_b.on_rebuilt(static, frame)
        self.network_b.select(self.inspector.person)
        self.dashboard.set_compare_history(frame.history)
        self._update_difference()

    def _on_b_stepped(self, frame) -> None:
        if self._past_frame is None:
            self.network_b.on_frame(frame)
        self.dashboard.set_compare_history(frame.history)
        self._update_difference()

    def _compare_show(self, frame) -> None:
        """Show B at the month A's views show (past or live)."""
        b = self.pair.b
        if b is None or b.frame is None:
            return
        if frame.live:
            self._b_past = None
            self.network_b.on_frame(dataclasses.replace(b.frame, edges_changed=True))
            self._update_difference()
            return
        run, month = self._b_run, frame.step
        b.ask("past", (month,), lambda fb: self._on_b_past(run, month, fb))

    def _on_b_past(self, run: int, month: int, frame) -> None:
        shown = self.shown_frame
        if run != self._b_run or self._past_frame is None or shown.step != month:
            return
        self._b_past = frame
        self.network_b.on_frame(frame)
        self._update_difference()

    def _update_difference(self) -> None:
        """Mark and list who is excluded under one rubric only, at the month shown."""
        b = self.pair.b
        a_frame = self.shown_frame
        b_frame = self._b_past if self._past_frame is not None else (
            b.frame if b is not None else None)
        if a_frame is None or b_frame is None or a_frame.step != b_frame.step \
                or a_frame.n != b_frame.n:
            return
        d = difference_of_frames(a_frame, b_frame)
        self.difference = d
        self.network.set_highlight(d.only_a)
        self.network_b.set_highlight(d.only_b)
        head = self.compare_summary.text().split("\n")[0]
        self.compare_summary.setText(head + "\n" + translate("compare", "Month {step}: {summary}.")
                                     .format(step=a_frame.step, summary=_summary(d)))
        static = self.controller.static
        for side, people in (("a", d.only_a), ("b", d.only_b)):
            lst = self.compare_lists[side]
            lst.clear()
            for i in people[:500]:
                item = QListWidgetItem(translate("compare", "person {id}").format(
                    id=static.ids[i] if static is not None else i))
                item.setData(Qt.ItemDataRole.UserRole, int(i))
                lst.addItem(item)


def _summary(d) -> str:
    """:meth:`models.compare.Difference.summary` in the app's language."""
    def people(k: int) -> str:
        return (translate("compare", "{n:,} person") if k == 1
                else translate("compare", "{n:,} people")).format(n=k)

    return translate("compare", "excluded only under A: {a}; only under B: {b}").format(
        a=people(int(d.only_a.size)), b=people(int(d.only_b.size)))
