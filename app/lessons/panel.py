"""The lesson panel: one step of a guided lesson at a time, in type a class can read.

It shows the step ("Step 3 of 7"), its narrative, the class's prediction (a multiple-
choice question that must be answered before the step runs), a Run button, what
happened beside what the class predicted, the metric the step watches (live), the
reflection question, and the teacher's notes (hidden while presenting). Back and Next
move through the steps; the window binds them to the arrow keys and a presenter
remote's Page Up / Page Down.

The panel knows nothing of the simulation: it asks (``step_entered``,
``run_requested``) and the window (:mod:`app.window.lesson_driver`) carries the step out
and reports back (:meth:`QtLessonPanel.set_running`, :meth:`show_outcome`,
:meth:`show_watch`). The window also puts the lesson's two or three parameter controls
into :attr:`QtLessonPanel.controls_box`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QApplication, QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from models.lessons import Lesson, Step
from app.common.i18n import translate

__all__ = ["QtLessonPanel", "run_label"]


def _font(widget: QWidget, factor: float, bold: bool = False, scale: float = 1.0) -> None:
    """Set ``widget``'s font to ``factor`` x the app's size (x ``scale`` when presenting);
    remembered on the widget so that :meth:`QtLessonPanel.set_text_scale` can redo it."""
    widget.setProperty("lesson_font", (float(factor), bool(bold)))
    font = QFont(QApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor * scale)
    font.setBold(bold)
    widget.setFont(font)


def _label(text: str = "", factor: float = 1.0, bold: bool = False, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    _font(label, factor, bold)
    if style:
        label.setStyleSheet(style)
    return label


def run_label(step: Step) -> str:
    """The Run button's text: ``"Run 24 months"`` or ``"Run (at most 60 months)"``."""
    months = (translate("lessons_panel", "1 month") if step.run == 1
              else translate("lessons_panel", "{n} months").format(n=step.run))
    return (translate("lessons_panel", "Run (at most {months})") if step.until is not None
            else translate("lessons_panel", "Run {months}")).format(months=months)


class QtLessonPanel(QWidget):
    """A lesson, one step at a time.

    Signals
    -------
    step_entered(int)
        The step with this index (0-based) is now shown: set it up.
    run_requested(int)
        Run step ``index`` (its prediction, if any, has been answered).
    predicted(int, int)
        The class chose answer ``choice`` for step ``index``.
    closed()
        "Close lesson" was clicked.
    worksheet_requested()
        "Worksheet..." was clicked: export the student worksheet (PDF or Markdown).
    """

    step_entered = Signal(int)
    run_requested = Signal(int)
    predicted = Signal(int, int)
    closed = Signal()
    worksheet_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.index = 0
        self._answers: dict[int, int] = {}
        self._outcomes: dict[int, str] = {}
        self._ran: set[int] = set()
        self._running = False
        self._presenting = False
        self._scale = 1.0
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.lesson_title = _label("", 1.0, True, "color: #1f3b73;")
        self.progress = _label("", 1.0, False, "color: #555555;")
        top = QHBoxLayout()
        top.addWidget(self.lesson_title, 1)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignRight)
        self.progress.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer.addLayout(top)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        scroll.setWidget(page)
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(10)
        self.step_title = _label("", 1.5, True)
        self.text = _label("", 1.3)
        col.addWidget(self.step_title)
        col.addWidget(self.text)

        self.predict_box = QFrame()
        self.predict_box.setObjectName("predict")
        self.predict_box.setStyleSheet("#predict { background: #EEF3FB; border-radius: 6px; }")
        pcol = QVBoxLayout(self.predict_box)
        self.question = _label("", 1.25, True)
        pcol.addWidget(self.question)
        self._choices = QButtonGroup(self)
        self._choices.idClicked.connect(self._on_choice)
        self._choice_rows: list[QWidget] = []
        self._choice_col = QVBoxLayout()
        pcol.addLayout(self._choice_col)
        col.addWidget(self.predict_box)

        self.run_button = QPushButton(translate("lessons_panel", "Run"))
        self.run_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        _font(self.run_button, 1.25, True)
        self.run_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.run_button.clicked.connect(lambda: self.run_requested.emit(self.index))
        col.addWidget(self.run_button)
        self.watch = _label("", 1.6, True, "color: #8a3b00;")
        col.addWidget(self.watch)
        self.outcome = _label("", 1.2, False, "color: #0b5d1e;")
        col.addWidget(self.outcome)
        self.reflect = _label("", 1.25, True, "color: #5b2a86;")
        col.addWidget(self.reflect)
        self.controls_box = QWidget()
        self.controls_box.setLayout(QVBoxLayout())
        self.controls_box.layout().setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.controls_box)
        self.record = _label("", 1.0)
        col.addWidget(self.record)
        self.notes = _label("", 1.0, False, "background: #FFF8DC; color: #5a4500; padding: 6px;")
        col.addWidget(self.notes)
        col.addStretch(1)
        outer.addWidget(scroll, 1)

        nav = QHBoxLayout()
        self.back_button = QPushButton(translate("lessons_panel", "\u2190 Back"))
        self.next_button = QPushButton(translate("lessons_panel", "Next \u2192"))
        for b in (self.back_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            _font(b, 1.15, True)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton(translate("lessons_panel", "Close lesson"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.closed)
        self.worksheet_button = QPushButton(translate("lessons_panel", "Worksheet\u2026"))
        self.worksheet_button.setToolTip(translate("lessons_panel", "Export the student worksheet (PDF or Markdown)"))
        self.worksheet_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.worksheet_button.clicked.connect(self.worksheet_requested)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.worksheet_button)
        nav.addWidget(self.close_button)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)

    # ------------------------------------------------------------------ public API
    def set_lesson(self, lesson: Lesson) -> None:
        """Show ``lesson`` from its first step (and ask for that step to be set up)."""
        self.lesson = lesson
        self._answers.clear()
        self._outcomes.clear()
        self._ran.clear()
        self.lesson_title.setText(lesson.title)
        self.go_to(0)

    @property
    def step(self) -> Step | None:
        return None if self.lesson is None else self.lesson.steps[self.index]

    @property
    def predictions(self) -> list[tuple[int, str, str, str]]:
        """``(step number, question, the class's answer, what happened)`` so far."""
        out = []
        for i, choice in sorted(self._answers.items()):
            p = self.lesson.steps[i].predict
            out.append((i + 1, p.question, p.choices[choice], self._outcomes.get(i, "")))
        return out

    def go_to(self, index: int) -> None:
        if self.lesson is None or self._running:
            return
        self.index = max(0, min(index, len(self.lesson.steps) - 1))
        self._show_step()
        self.step_entered.emit(self.index)

    def next(self) -> None:
        if self.lesson is not None and self.index + 1 < len(self.lesson.steps):
            self.go_to(self.index + 1)

    def back(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def set_running(self, running: bool) -> None:
        """The window is running the step: Back, Next and Run wait meanwhile."""
        self._running = running
        self._update_buttons()

    def show_outcome(self, index: int, text: str) -> None:
        """What happened in step ``index``, shown beside the class's prediction."""
        self._ran.add(index)
        self._outcomes[index] = text
        if index == self.index:
            self._show_outcome()
        self._update_record()
        self._update_buttons()

    def show_watch(self, text: str) -> None:
        """The watched metric's live value (e.g. "People restricted: 37%")."""
        self.watch.setText(text)
        self.watch.setVisible(bool(text))

    def set_presenting(self, presenting: bool) -> None:
        """Presenting: the teacher's notes (and the worksheet button, a teacher's tool)
        are hidden from the projected view."""
        self._presenting = presenting
        self.worksheet_button.setVisible(not presenting)
        self._show_notes()

    def set_text_scale(self, scale: float) -> None:
        """Every text of the panel ``scale`` times its normal size (presenting)."""
        self._scale = float(scale)
        for w in [self, *self.findChildren(QWidget)]:
            spec = w.property("lesson_font")
            if spec is not None:
                _font(w, spec[0], spec[1], self._scale)

    # ------------------------------------------------------------------ showing
    def _show_step(self) -> None:
        step, n = self.step, len(self.lesson.steps)
        self.progress.setText(translate("lessons_panel", "step {k} of {n}").format(
            k=self.index + 1, n=n))
        self.step_title.setText(step.title)
        self.text.setText(step.text)
        for button in self._choices.buttons():
            self._choices.removeButton(button)
        for row in self._choice_rows:   # off the panel now, deleted later
            self._choice_col.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._choice_rows = []
        self.predict_box.setVisible(step.predict is not None)
        if step.predict is not None:
            self.question.setText(translate("lessons_panel", "Predict: ") + step.predict.question)
            for k, choice in enumerate(step.predict.choices):
                # The letter is the radio button; the answer is a label beside it, which
                # wraps (a radio button's own text would not) and clicks it too.
                row = QWidget()
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                radio = QRadioButton(f"{chr(65 + k)}.")
                text = _label(choice, 1.2)
                _font(radio, 1.2, scale=self._scale)
                _font(text, 1.2, scale=self._scale)
                text.mousePressEvent = lambda _e, r=radio: r.isEnabled() and r.click()
                radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                radio.setChecked(self._answers.get(self.index) == k)
                line.addWidget(radio, 0, Qt.AlignmentFlag.AlignTop)
                line.addWidget(text, 1)
                self._choices.addButton(radio, k)
                self._choice_col.addWidget(row)
                self._choice_rows.append(row)
        self.run_button.setVisible(step.run > 0)
        self.run_button.setText(run_label(step))
        self.reflect.setText(translate("lessons_panel", "Think about it: ") + step.reflect if step.reflect else "")
        self.reflect.setVisible(bool(step.reflect))
        self.show_watch("")
        self._show_outcome()
        self._show_notes()
        self._update_record()
        self._update_buttons()

    def _show_outcome(self) -> None:
        text = self._outcomes.get(self.index, "")
        step = self.step
        if text and step.predict is not None and self.index in self._answers:
            k = self._answers[self.index]
            text = (translate("lessons_panel", "You predicted {letter}: {choice}").format(
                        letter=chr(65 + k), choice=step.predict.choices[k]) + "\n"
                    + translate("lessons_panel", "What happened: {text}").format(text=text))
        elif text:
            text = translate("lessons_panel", "What happened: {text}").format(text=text)
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))

    def _show_notes(self) -> None:
        notes = self.step.notes if self.step is not None else ""
        self.notes.setText(translate("lessons_panel", "Teacher's notes: ") + notes if notes else "")
        self.notes.setVisible(bool(notes) and not self._presenting)

    def _update_record(self) -> None:
        last = self.lesson is not None and self.index == len(self.lesson.steps) - 1
        rows = self.predictions if last else []
        lines = [translate("lessons_panel", "Step {n}: predicted \u201c{answer}\u201d.").format(
                     n=n, answer=answer) + " "
                 + (translate("lessons_panel", "Happened: {what}").format(what=happened)
                    if happened else translate("lessons_panel", "Not run."))
                 for n, _q, answer, happened in rows]
        self.record.setText(translate("lessons_panel", "The class's predictions\n") + "\n".join(lines) if lines else "")
        self.record.setVisible(bool(lines))

    def _update_buttons(self) -> None:
        step = self.step
        if step is None:
            return
        answered = step.predict is None or self.index in self._answers
        self.run_button.setEnabled(answered and not self._running)
        self.run_button.setToolTip("" if answered else translate("lessons_panel", "First the class predicts."))
        self.back_button.setEnabled(self.index > 0 and not self._running)
        self.next_button.setEnabled(self.index + 1 < len(self.lesson.steps)
                                    and not self._running)
        for button in self._choices.buttons():
            button.setEnabled(self.index not in self._ran and not self._running)

    def _on_choice(self, k: int) -> None:
        self._answers[self.index] = k
        self.predicted.emit(self.index, k)
        self._update_buttons()
