"""Carrying out a lesson's steps in the main window: the glue between the lesson panel
(:mod:`app.lessons.panel`), the controls and the controller.

Entering a step sets it up: a step that starts afresh (a new scenario, ``reset``, or a
change that needs a new population) opens its scenario at month 0; otherwise its
parameter changes apply from the next month, exactly as :func:`models.lesson_run.run_step`
does headless, so a lesson gives the same months in the app as in the tests. Running a
step scams its person, then plays until its months are done or its condition is met
(the controller stops at that very frame), then reports what happened next to the
class's prediction. The person, view and metric a step highlights are selected, raised
and watched live.

A step with ``compare`` opens the A/B view (:mod:`app.window.compare`) once A stands at
the step's scenario (month 0): B is A with the step's settings, both run in lockstep,
and the watch and the outcome give B's figures and who is excluded under one rubric
only, as :func:`models.lesson_run.run_step` does headless. A step without it closes the
comparison. Lessons open in the app's language (View > Language, else the environment's).

While a lesson is open the arrow keys and Page Up / Page Down (a presenter remote) move
through it, and Step moves to Ctrl+Right. :class:`LessonMixin` is mixed into
:class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMessageBox

from app.common.i18n import field_label, tr_data, translate
from app.common.language import current_language
from app.common.plain_words import STATUS_WORDS
from app.controls.field_editors import FieldEditor
from app.lessons.panel import QtLessonPanel
from app.window.lesson_words import difference_text, metric_text, metric_title
from models.errors import ScenarioError
from models.lesson_pdf import write_worksheet
from models.lesson_run import pick_person
from models.lessons import Lesson, Step, lesson_names, load_lesson
from models.schema import FIELD_BY_NAME

__all__ = ["LessonMixin"]

def _b_overrides(step: Step) -> dict:
    """B's settings that differ from A's during ``step`` (what the pair holds)."""
    return {k: v for k, v in (step.compare or {}).items() if step.scenario[k] != v}


class LessonMixin:
    """Opens lessons and carries out their steps for the main window."""

    def _build_lesson_menu(self, bar) -> None:
        self.lesson: Lesson | None = None
        self.lesson_panel: QtLessonPanel | None = None
        self.lesson_dock: QDockWidget | None = None
        self._lesson_person: int | None = None
        self._lesson_run: tuple | None = None   # (index, frame at start, person)
        self._lesson_editors: list[FieldEditor] = []
        self._lesson_highlight_pending: int | None = None
        self._lesson_compare_pending: int | None = None
        self._compare_narrow: dict | None = None   # side docks folded away for A/B
        self._lesson_outcome_pending: tuple | None = None
        menu = bar.addMenu(translate("lesson_driver", "&Lessons"))
        menu.setToolTipsVisible(True)
        for name in lesson_names():
            try:
                lesson = load_lesson(name, lang=current_language())
            except ScenarioError as exc:   # a broken file: say so, do not hide it
                act = menu.addAction(translate("lesson_driver", "{name} (cannot be read)")
                                     .format(name=name))
                act.setToolTip(str(exc))
                act.setEnabled(False)
                continue
            act = menu.addAction(translate("lesson_driver", "{title} ({minutes} min)").format(
                title=lesson.title, minutes=lesson.minutes).replace("&", "&&"))
            act.setToolTip(lesson.summary)
            act.triggered.connect(
                lambda _c=False, n=name: self.open_lesson(
                    load_lesson(n, lang=current_language())))
        menu.addSeparator()
        self.act_worksheet = menu.addAction(translate("lesson_driver", "Export student &worksheet\u2026"))
        self.act_worksheet.triggered.connect(self._on_export_worksheet)
        self.act_close_lesson = menu.addAction(translate("lesson_driver", "&Close lesson"))
        self.act_close_lesson.triggered.connect(self.close_lesson)
        for act in (self.act_worksheet, self.act_close_lesson):
            act.setEnabled(False)
        self.lessons_menu = menu
        self.act_lesson_next = QAction(translate("lesson_driver", "Next step"), self)
        self.act_lesson_back = QAction(translate("lesson_driver", "Previous step"), self)
        for act, keys in ((self.act_lesson_next, ("Right", "PgDown")),
                          (self.act_lesson_back, ("Left", "PgUp"))):
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.setEnabled(False)
            self.addAction(act)

    # ------------------------------------------------------------------ open and close
    def open_lesson(self, lesson: Lesson) -> None:
        """Show ``lesson`` in the lesson panel and set up its first step."""
        if self.lesson_panel is None:
            self.lesson_panel = QtLessonPanel(self)
            self.lesson_dock = QDockWidget(translate("lesson_driver", "Lesson"), self)
            self.lesson_dock.setObjectName("lesson")
            self.lesson_dock.setWidget(self.lesson_panel)
            self.lesson_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.lesson_dock)
            p = self.lesson_panel
            p.step_entered.connect(self._enter_step)
            p.run_requested.connect(self._run_step)
            p.closed.connect(self.close_lesson)
            p.worksheet_requested.connect(self._on_export_worksheet)
            self.pair.stepped.connect(self._on_lesson_b_frame)
            self.pair.rebuilt.connect(lambda _s, _f: self._on_lesson_rebuilt())
            self.pair.active_changed.connect(self._on_lesson_compare)
            self.act_lesson_next.triggered.connect(p.next)
            self.act_lesson_back.triggered.connect(p.back)
            self.controller.stepped.connect(self._on_lesson_frame)
            self.controller.running_changed.connect(self._on_lesson_running)
            self.controller.rebuilt.connect(lambda _s, _f: self._on_lesson_rebuilt())
            self.controls.params_changed.connect(lambda _c: self._sync_lesson_controls())
            self.controller.scenario_changed.connect(lambda _s: self._sync_lesson_controls())
            # The document takes the opened scenario on scenario_changed, which may come
            # after rebuilt: B opens on whichever comes last.
            self.controller.scenario_changed.connect(lambda _s: self._on_lesson_rebuilt())
        self.lesson = lesson
        self._lesson_person = None
        self._set_lesson_controls(lesson)
        if self.dockWidgetArea(self.inspector_dock) == Qt.DockWidgetArea.LeftDockWidgetArea:
            # The lesson takes the left; the person joins the parameters as a tab.
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
            self.tabifyDockWidget(self.controls_dock, self.inspector_dock)
            self._wide = False
        self.lesson_dock.show()
        self.resizeDocks([self.lesson_dock], [420], Qt.Orientation.Horizontal)
        self.act_step.setShortcut(QKeySequence("Ctrl+Right"))
        for act in (self.act_lesson_next, self.act_lesson_back, self.act_worksheet,
                    self.act_close_lesson):
            act.setEnabled(True)
        self.lesson_panel.set_presenting(self.presenting)
        if self.presenting:
            self.lesson_panel.set_text_scale(self.text_scale())
        self.lesson_panel.set_lesson(lesson)
        from app.window.focus import give_keys_back
        give_keys_back(self)   # Right must step the lesson, not move a text cursor

    def close_lesson(self) -> None:
        if self.lesson_dock is None:
            return
        self.controller.pause()
        self.lesson = None
        self._lesson_run = None
        self._lesson_compare_pending = self._lesson_outcome_pending = None
        self.lesson_dock.hide()
        self._on_lesson_compare(False)
        self.act_step.setShortcut(QKeySequence(Qt.Key.Key_Right))
        for act in (self.act_lesson_next, self.act_lesson_back, self.act_worksheet,
                    self.act_close_lesson):
            act.setEnabled(False)

    def _set_lesson_controls(self, lesson: Lesson) -> None:
        """The lesson's two or three controls, in the lesson panel, bound to the model."""
        box = self.lesson_panel.controls_box
        while box.layout().count():
            item = box.layout().takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._lesson_editors = []
        for name in lesson.controls:
            field = FIELD_BY_NAME[name]
            label = QLabel(field_label(name), box)
            label.setToolTip(field.doc)
            editor = FieldEditor(field, box)
            editor.edited.connect(lambda n, v: self.controls.apply_changes({n: v}))
            box.layout().addWidget(label)
            box.layout().addWidget(editor.widget)
            self._lesson_editors.append(editor)
        self._sync_lesson_controls()

    def _sync_lesson_controls(self) -> None:
        for editor in self._lesson_editors:
            editor.set_value(self.controls.scenario[editor.field.name])

    # ------------------------------------------------------------------ steps
    def _enter_step(self, index: int) -> None:
        step = self.lesson.steps[index]
        self.controller.pause()
        self._lesson_outcome_pending = None
        self._lesson_compare_pending = None
        if step.compare is None and self.pair.active:
            self.stop_compare()
        elif step.compare is not None and (step.opens_compare or not self._compare_matches(step)):
            # A first stands at the step's scenario; then B opens beside it (month 0).
            self._lesson_compare_pending = index
        current = self.controls.scenario
        changes = {k: step.scenario[k] for k in step.scenario if current[k] != step.scenario[k]}
        rebuild = step.rebuild or any(FIELD_BY_NAME[k].rebuild for k in changes)
        if rebuild:
            self._lesson_highlight_pending = index
            opening = self._opening
            if not (self.controller.frame is None and opening is not None
                    and opening[0] == step.scenario):   # already being built at start
                self.open_loaded(step.scenario, None)
        else:
            if changes:
                self.controls.apply_changes(changes)
            if self._lesson_compare_pending is not None:
                self._on_lesson_rebuilt()   # no rebuild to wait for: open B now
            else:
                self._highlight(index)
        self._sync_lesson_controls()

    def lesson_failure(self, message: str) -> str:
        """``message`` of a failed build, prefixed with the lesson file and step when it
        was the build of the lesson's step (a graph file that a step sets)."""
        opening = self._opening
        if self.lesson is None or opening is None or opening[1] is not None:
            return message   # a lesson step opens its scenario without a file
        index = self.lesson_panel.index
        if opening[0] != self.lesson.steps[index].scenario:
            return message
        return f"{self.lesson.source or self.lesson.name}: step {index + 1}: {message}"

    def _on_lesson_compare(self, active: bool) -> None:
        """A lesson's A/B on a narrow screen (under 1600 px, as a 1280x720 projector):
        the lesson, A and B fill the width; the Parameters, Person and A / B docks fold
        away (the lesson panel gives B's figures and the difference) and come back when
        the comparison closes."""
        docks = (self.controls_dock, self.inspector_dock, self.compare_dock)
        if active and self.lesson is not None and self.width() < 1600 \
                and self._compare_narrow is None:
            self._compare_narrow = {d: d.isVisible() for d in docks[:2]}
            for d in docks:
                d.hide()
        elif not active and self._compare_narrow is not None:
            shown, self._compare_narrow = self._compare_narrow, None
            for d, visible in shown.items():
                d.setVisible(visible and not self.presenting)

    def _compare_matches(self, step: Step) -> bool:
        return self.pair.active and self.pair.overrides == _b_overrides(step)

    def _on_lesson_rebuilt(self) -> None:
        if self.lesson is None:
            return
        pending = self._lesson_compare_pending
        if pending is not None and not self.controller.busy and self._opening is None \
                and self.controller.scenario == self.lesson.steps[pending].scenario:
            self._lesson_compare_pending = None
            self._lesson_highlight_pending = pending
            step = self.lesson.steps[pending]
            self.start_compare(step.compare)   # restarts A at month 0, then builds B
            return
        if self.pair.active and not self.pair.caught_up():
            return   # B is still being built: highlight once both stand at month 0
        index = self._lesson_highlight_pending
        if index is not None:
            self._lesson_highlight_pending = None
            self._highlight(index)
            self._sync_lesson_controls()

    def _highlight(self, index: int) -> None:
        step, frame = self.lesson.steps[index], self.controller.frame
        h = step.highlight
        if h.person is not None and frame is not None:
            self._lesson_person = pick_person(h.person, frame.scores, frame.degree,
                                              self._lesson_person)
            if self._compare_narrow is not None:   # the side column is folded away
                self.network.select(self._lesson_person)
                self.network_b.select(self._lesson_person)
                self.inspector.show_person(self._lesson_person)
            else:
                self._on_person_selected(self._lesson_person)
        if self._compare_narrow is not None:
            pass   # A and B take the middle; the watch gives the person under both
        elif h.view == "person" and not self.presenting:   # presenting: the watch says it
            self.inspector_dock.show()
            self.inspector_dock.raise_()
        elif h.view == "dashboard":
            self.show_dashboard(True)
        self._show_watch(frame)

    def _show_watch(self, frame) -> None:
        """The step's metric and person, live, in large type."""
        h = self.lesson.steps[self.lesson_panel.index].highlight
        lines = []
        b = self._b_frame(frame)
        if frame is not None and h.metric is not None:
            value = float(frame.history[h.metric][-1])
            line = translate("lesson_driver", "{title}: {value}").format(
                title=metric_title(h.metric), value=metric_text(h.metric, value))
            if b is not None:
                line = translate("lesson_driver", "{title}: A {a}, B {b}").format(
                    title=metric_title(h.metric), a=metric_text(h.metric, value),
                    b=metric_text(h.metric, float(b.history[h.metric][-1])))
            lines.append(line)
        person = self._lesson_person
        if frame is not None and h.person is not None and person is not None \
                and person < frame.n and self.controller.static is not None:
            status = tr_data("plain_words", STATUS_WORDS[int(frame.status[person])])
            line = translate("lesson_driver", "Person {who}: {score:.0f} ({status})").format(
                who=self.controller.static.ids[person], score=frame.scores[person],
                status=status)
            if b is not None and person < b.n:
                line += translate("lesson_driver", "; under B {score:.0f} ({status})").format(
                    score=b.scores[person],
                    status=tr_data("plain_words", STATUS_WORDS[int(b.status[person])]))
            lines.append(line)
        if b is not None:
            lines.append(difference_text(frame, b))
        self.lesson_panel.show_watch("\n".join(lines))

    def _b_frame(self, frame):
        """B's frame of the month ``frame`` shows, when A/B is open and B is there."""
        b = self.pair.b
        if frame is None or b is None or b.frame is None or b.frame.step != frame.step:
            return None
        return b.frame

    def _run_step(self, index: int) -> None:
        step, frame = self.lesson.steps[index], self.controller.frame
        if frame is None or self.controller.busy:
            return
        if step.scam is not None:
            victim = pick_person(step.scam, frame.scores, frame.degree, self._lesson_person)
            self.scam_person(victim)
            self.pair.scam(victim)   # the same person under B (nothing when not comparing)
        end = frame.step + step.run
        if end > self.controls.scenario["run.steps"]:
            self.controls.apply_changes({"run.steps": end})

        def done(f) -> bool:
            if f.step >= end:
                return True
            return step.until is not None and step.until.met(
                {c: float(v[-1]) for c, v in f.history.items()})

        person = self._lesson_person if step.highlight.person is not None else None
        self._lesson_run = (index, frame, person)
        self.lesson_panel.set_running(True)
        self.controller.play(stop_when=done)

    def _on_lesson_frame(self, frame) -> None:
        if self.lesson is not None and self.lesson_panel is not None:
            self._show_watch(frame)

    def _on_lesson_b_frame(self, _frame) -> None:
        if self.lesson is None or self.lesson_panel is None:
            return
        self._show_watch(self.controller.frame)
        if self._lesson_outcome_pending is not None and self.pair.caught_up():
            pending, self._lesson_outcome_pending = self._lesson_outcome_pending, None
            self._finish_run(*pending)

    def _on_lesson_running(self, running: bool) -> None:
        if running or self._lesson_run is None or self.lesson is None:
            return
        index, start, person = self._lesson_run
        self._lesson_run = None
        if self.pair.active and not self.pair.caught_up():
            # B's last month is on its way: report both once it is here.
            self._lesson_outcome_pending = (index, start, person)
            return
        self._finish_run(index, start, person)

    def _finish_run(self, index: int, start, person: int | None) -> None:
        self.lesson_panel.set_running(False)
        self._show_watch(self.controller.frame)
        self.lesson_panel.show_outcome(index, self._outcome_text(index, start, person))

    def _outcome_text(self, index: int, start, person: int | None) -> str:
        step, frame = self.lesson.steps[index], self.controller.frame
        parts = [translate("lesson_driver", "{n} months (month {start} to {end}).").format(
            n=frame.step - start.step, start=start.step, end=frame.step)]
        metric = step.highlight.metric
        if metric is not None:
            a, b = float(start.history[metric][-1]), float(frame.history[metric][-1])
            parts.append(translate("lesson_driver", "{title}: {a} \u2192 {b}.").format(
                title=metric_title(metric), a=metric_text(metric, a), b=metric_text(metric, b)))
        if person is not None:
            who = self.controller.static.ids[person]
            parts.append(translate("lesson_driver", "Person {who}: score {a:.0f} \u2192 {b:.0f}.")
                         .format(who=who, a=start.scores[person], b=frame.scores[person]))
        b = self._b_frame(frame)
        if b is not None:
            if metric is not None:
                parts.append(translate("lesson_driver", "Under B: {value}.").format(
                    value=metric_text(metric, float(b.history[metric][-1]))))
            if person is not None:
                parts.append(translate("lesson_driver", "Person {who} under B: {score:.0f}.")
                             .format(who=who, score=b.scores[person]))
            parts.append(difference_text(frame, b) + ".")
        return " ".join(parts)

    # ------------------------------------------------------------------ worksheet
    def export_worksheet(self, path: Path) -> None:
        """Write the open lesson's student worksheet to ``path``: PDF for ``.pdf``,
        else Markdown."""
        write_worksheet(self.lesson, path)

    def _on_export_worksheet(self) -> None:
        if self.lesson is None:
            return
        start = self.export_folder() / f"{self.lesson.name}-worksheet.pdf"
        path, chosen = QFileDialog.getSaveFileName(
            self, translate("lesson_driver", "Export student worksheet"), str(start),
            translate("lesson_driver", "PDF (*.pdf);;Markdown (*.md);;All files (*)"))
        if not path:
            return
        if Path(path).suffix.lower() not in (".pdf", ".md"):
            path += ".md" if chosen.startswith("Markdown") else ".pdf"
        try:
            self.export_worksheet(Path(path))
        except OSError as exc:
            QMessageBox.critical(self, translate("lesson_driver", "ScoreNet"), f"{path}: {exc.strerror or exc}")
            return
        except ScenarioError as exc:   # a Chinese sheet and no Chinese font
            QMessageBox.critical(self, translate("lesson_driver", "ScoreNet"), str(exc))
            return
        self.statusBar().showMessage(translate("lesson_driver", "Exported {path}").format(path=path), 6000)
