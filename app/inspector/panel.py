"""The person inspector: one person's score, where its points come from, and their friends.

For the selected person it shows the score and status, a bar of the points each rubric
component contributed (the model's own ``combine``, :mod:`app.inspector.score_parts`) with
the violation penalty, their score over time against the thresholds, their friends, and
a "Scam this person" button for the class to watch what follows.

Refreshes are throttled like the dashboard's: the newest frame is always the one shown,
at most ``MAX_REFRESH_PER_SECOND`` times a second, and nothing is done while no one is
selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QStackedWidget, QTableView, QVBoxLayout, QWidget)

from app.inspector.widgets import (part_name, ContributionBar, FriendsModel, badge_style,
                                   scale_font, section_title)
from app.common.marks import marks_of
from app.process.frame import opted_out_of
from app.inspector.story import StoryBox
from app.common.pacing import Throttle
from app.common.plain_words import RUBRIC_LONG, STATUS_WORDS
from app.common.theme import COMPONENT_COLOURS, DEFAULT_THRESHOLDS, STATUS_COLOURS
from app.inspector.score_parts import (SCORE_MAX, SCORE_MIN, contribution_points, score_parts,
                                       violation_penalty)
from models.schema import RUBRIC_KEYS
from app.common.i18n import tr_data, translate

if TYPE_CHECKING:
    from app.process.frame import Frame, Static

__all__ = ["QtInspector", "contribution_points", "violation_penalty", "COMPONENT_COLOURS",
           "STATUS_COLOURS"]

MAX_REFRESH_PER_SECOND = 5
#: The score-over-time plot is a full Agg draw of its canvas (its x axis grows every
#: month): 40-90 ms on the shared 2-core machine, a third of the GUI thread at 5 a
#: second while playing a 5,000-person network, so it is drawn less often than the text.
MAX_PLOT_DRAWS_PER_SECOND = 1.5


def _neighbours(edges: np.ndarray, i: int) -> np.ndarray:
    """The people tied to person ``i`` by ``edges`` (``(m, 2)``, each tie once)."""
    edges = np.asarray(edges)
    if not edges.size:
        return np.empty(0, dtype=np.int64)
    return np.concatenate([edges[edges[:, 0] == i, 1], edges[edges[:, 1] == i, 0]])


class QtInspector(QWidget):
    """Everything about the selected person, updated as the simulation runs.

    Parameters
    ----------
    score_history
        ``score_history(index)`` returns the person's scores at steps 0..now; it may
        raise ``RuntimeError`` when the history is not kept (very large graphs).

    Signals
    -------
    person_selected(int)
        A friend was clicked in the table: select that person (an index).
    scam_requested(int)
        "Scam this person" was clicked for this person (an index).
    """

    person_selected = Signal(int)
    scam_requested = Signal(int)

    def __init__(self, score_history: Callable[[int], np.ndarray],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._score_history = score_history
        self._static: Static | None = None
        self._frame: Frame | None = None
        self._person: int | None = None
        self._scams: dict[int, list[int]] = {}   # person -> steps at which scammed here
        self._build()
        self._refreshes = Throttle(self._refresh, MAX_REFRESH_PER_SECOND, self)
        self._plot_draws = Throttle(self._canvas.draw_idle, MAX_PLOT_DRAWS_PER_SECOND, self)
        self._story_lines: tuple[int, list[str]] | None = None
        self._stories = Throttle(self._show_story, MAX_REFRESH_PER_SECOND, self)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._stack = QStackedWidget()
        outer.addWidget(self._stack)

        self._hint = QLabel(translate("inspector_panel", "Click a person in the network\nto see how their score is made."))
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: #666666;")
        scale_font(self._hint, 1.15)
        self._stack.addWidget(self._hint)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        scroll.setWidget(page)
        self._stack.addWidget(scroll)
        col = QVBoxLayout(page)
        col.setContentsMargins(8, 8, 8, 8)
        col.setSpacing(6)

        self._name = QLabel()
        scale_font(self._name, 1.3, bold=True)
        self._name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._facts = QLabel()
        self._facts.setStyleSheet("color: #444444;")
        self._facts.setWordWrap(True)
        col.addWidget(self._name)
        col.addWidget(self._facts)

        row = QHBoxLayout()
        self._score = QLabel()
        scale_font(self._score, 2.6, bold=True)
        self._score.setToolTip(translate("inspector_panel", "Score, from {lo:g} to {hi:g}.")
                               .format(lo=SCORE_MIN, hi=SCORE_MAX))
        self._badge = QLabel()
        scale_font(self._badge, 1.15, bold=True)
        row.addWidget(self._score)
        row.addSpacing(10)
        row.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        col.addLayout(row)
        self._build_parts(col)
        self._build_plot(col)
        self.story = StoryBox()
        col.addWidget(self.story)
        self._build_friends_and_scam(col)

    def _build_parts(self, col: QVBoxLayout) -> None:
        col.addWidget(section_title(translate("inspector_panel", "Where the points come from")))
        self._bar = ContributionBar()
        col.addWidget(self._bar)
        self._parts = QGridLayout()
        self._parts.setHorizontalSpacing(8)
        self._parts.setVerticalSpacing(1)
        self._part_labels: dict[str, tuple[QLabel, QLabel, QLabel, QLabel]] = {}
        for r, key in enumerate([*RUBRIC_KEYS, "violations", "total"]):
            swatch, name, pts, detail = QLabel(), QLabel(), QLabel(), QLabel()
            if key in COMPONENT_COLOURS:
                swatch.setFixedSize(14, 14)
                swatch.setStyleSheet(f"background: {COMPONENT_COLOURS[key]}; border-radius: 2px;")
                name.setText(part_name(key))
                name.setToolTip(tr_data("plain_words", RUBRIC_LONG[key]))
            elif key == "violations":
                swatch.setFixedSize(14, 14)
                swatch.setStyleSheet("border: 1px solid #222222; background: qlineargradient("
                                     "x1:0, y1:1, x2:1, y2:0, stop:0 #ffffff, stop:0.45 #ffffff,"
                                     " stop:0.5 #222222, stop:0.55 #ffffff, stop:1 #ffffff);")
                name.setText(translate("inspector_panel", "violations"))
                name.setToolTip(translate("inspector_panel", "Points per (decayed) violation, subtracted from the sum."))
            else:
                name.setText(translate("inspector_panel", "score"))
                scale_font(name, 1.0, bold=True)
                scale_font(pts, 1.0, bold=True)
            pts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            detail.setStyleSheet("color: #666666;")
            for c, w in enumerate((swatch, name, pts, detail)):
                self._parts.addWidget(w, r, c)
            self._part_labels[key] = (swatch, name, pts, detail)
        self._parts.setColumnStretch(3, 1)
        col.addLayout(self._parts)
        self._optout_note = QLabel()
        self._optout_note.setWordWrap(True)
        self._optout_note.setStyleSheet("color: #666666;")
        col.addWidget(self._optout_note)

    def _build_plot(self, col: QVBoxLayout) -> None:
        col.addWidget(section_title(translate("inspector_panel", "Score over time")))
        self._fig = Figure(figsize=(4, 1.7), facecolor="white")
        self._canvas = FigureCanvasQTAgg(self._fig)
        self._canvas.setMinimumHeight(150)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._canvas.setFixedHeight(170)
        ax = self._fig.add_axes((0.15, 0.27, 0.81, 0.68))
        ax.set_ylim(SCORE_MIN, SCORE_MAX)
        ax.set_yticks([SCORE_MIN, *DEFAULT_THRESHOLDS, SCORE_MAX])
        ax.tick_params(labelsize=10.5, length=3)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(translate("inspector_panel", "month"), fontsize=10.5, labelpad=1)
        self._restricted_line = ax.axhline(DEFAULT_THRESHOLDS[0], color=STATUS_COLOURS[-1], linestyle="--",
                                           linewidth=1.5)
        self._privileged_line = ax.axhline(DEFAULT_THRESHOLDS[1], color=STATUS_COLOURS[1], linestyle="--",
                                           linewidth=1.5)
        (self._history_line,) = ax.plot([], [], color="#1f3b73", linewidth=2.4)
        self._history_note = ax.text(0.5, 0.5, "", transform=ax.transAxes, ha="center",
                                     va="center", fontsize=10.5, color="#666666")
        self._scam_artists: list = []
        self._ax = ax
        col.addWidget(self._canvas)

    def _build_friends_and_scam(self, col: QVBoxLayout) -> None:
        self._friends_title = section_title(translate("inspector_panel", "Friends"))
        col.addWidget(self._friends_title)
        self._friends = FriendsModel(self)
        self._table = QTableView()
        self._table.setModel(self._friends)
        self._table.verticalHeader().setVisible(False)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._table.setCursor(Qt.CursorShape.PointingHandCursor)
        self._table.setToolTip(translate("inspector_panel", "Click a friend to inspect them."))
        self._table.setMinimumHeight(140)
        self._table.verticalHeader().setDefaultSectionSize(
            self._table.fontMetrics().height() + 8)
        # Fixed widths: ResizeToContents would ask every row for its text each frame.
        header = self._table.horizontalHeader()
        fm = self._table.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((1, f"Score {SCORE_MAX:.0f}"), (2, "privileged  ")):
            # English samples: wider than the Chinese words, so they fit either.
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, fm.horizontalAdvance(sample) + 16)
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.clicked.connect(self._on_friend_clicked)
        col.addWidget(self._table, 1)
        self._dating = QLabel()
        self._dating.setWordWrap(True)
        col.addWidget(self._dating)

        self._scam_button = QPushButton(translate("inspector_panel", "Scam this person"))
        scale_font(self._scam_button, 1.05, bold=True)
        self._scam_button.clicked.connect(self._on_scam_clicked)
        self._scam_note = QLabel()
        self._scam_note.setWordWrap(True)
        self._scam_note.setStyleSheet("color: #444444;")
        col.addWidget(self._scam_button)
        col.addWidget(self._scam_note)

    # ------------------------------------------------------------------ public API
    @property
    def person(self) -> int | None:
        """The index of the person shown, or None."""
        return self._person

    def on_rebuilt(self, static: Static, frame: Frame) -> None:
        """A new run: forget scams marked in the old one.

        The selected person stays selected when the graph is the same (a reset); on a
        new graph the same index would be somebody else, so the selection is cleared.
        """
        same_graph = self._static is not None and self._static.graph_key == static.graph_key
        self._static = static
        self._frame = frame
        self._scams.clear()
        self.show_person(self._person if same_graph else None)

    def on_frame(self, frame: Frame) -> None:
        """Take the newest frame; refresh soon if someone is selected."""
        self._frame = frame
        if self._person is None:
            return
        if not self.isVisible():
            # A hidden inspector (another tab) catches up when it is shown.
            self._refreshes.pending = True
            return
        self._refreshes.request()

    def set_story(self, person: int, lines: list[str]) -> None:
        """The story of ``person`` (ignored when someone else is shown by now). One
        comes every step; the newest is shown as often as the rest of the text."""
        if person == self._person:
            self._story_lines = (person, lines)
            self._stories.request()

    def _show_story(self) -> None:
        (person, lines), self._story_lines = self._story_lines or (None, None), None
        if lines is not None and person == self._person:
            self.story.set_lines(lines)

    def show_person(self, index: int | None) -> None:
        """Show person ``index`` (an index into the arrays), or the hint for None."""
        if index is not None and (self._static is None or not 0 <= index < self._static.n):
            index = None
        if index != self._person:
            self.story.clear()
        self._person = None if index is None else int(index)
        if self._person is None or self._frame is None:
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        self._refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._refreshes.pending and self._person is not None:
            self._refreshes.pending = False
            self._refresh()

    # ------------------------------------------------------------------ refreshing
    def _refresh(self) -> None:
        frame, static, i = self._frame, self._static, self._person
        if frame is None or static is None or i is None:
            return
        score = float(frame.scores[i])
        status = int(frame.status[i])
        thresholds = frame.thresholds
        self._update_header(frame, static, i, score, status)
        self._update_parts(frame, static, i, score, thresholds)
        self._update_history(frame, i, thresholds)
        self._update_friends(frame, static, i)
        self._scam_note.setText(scam_note(frame.scenario))

    def _update_header(self, frame: Frame, static: Static, i: int, score: float,
                       status: int) -> None:
        self._name.setText(translate("inspector_panel", "Person {id}").format(id=static.ids[i]))
        facts = [translate("inspector_panel", "group {group}").format(
                     group=static.group_labels[int(static.group[i])]),
                 translate("inspector_panel", "{n} friends").format(n=int(frame.degree[i]))]
        facts += [tr_data("marks", w) for w in marks_of(frame, static.opted_out, i)]
        if not frame.live:
            facts.append(translate("inspector_panel", "as in month {step}").format(step=frame.step))
        self._facts.setText(" \u00b7 ".join(facts))
        self._score.setText(f"{score:.0f}")
        self._badge.setText(tr_data("plain_words", STATUS_WORDS[status]))
        self._badge.setStyleSheet(badge_style(status))

    def _update_parts(self, frame: Frame, static: Static, i: int, score: float,
                      thresholds: tuple[float, float]) -> None:
        points, penalty, at_floor = score_parts(frame, i)
        self._bar.set_data(points, penalty, score, thresholds)
        for key in RUBRIC_KEYS:
            pts, detail = self._part_labels[key][2:]
            pts.setText(f"+{points[key]:.0f}")
            detail.setText(f"{100 * frame.weights[key]:.0f}% \u00d7 "
                           f"{float(frame.components[key][i]):.2f}")
        for w in self._part_labels["violations"]:
            w.setVisible(penalty > 0)
        pts, detail = self._part_labels["violations"][2:]
        pts.setText(f"\u2212{penalty:.0f}")
        detail.setText(translate("inspector_panel", "at least (score at the {lo:.0f} floor)")
                       .format(lo=SCORE_MIN) if at_floor else "")
        pts, detail = self._part_labels["total"][2:]
        pts.setText(f"{score:.0f}")
        earned = sum(points.values())
        detail.setText(f"{SCORE_MIN:.0f} + {earned:.0f}"
                       + (f" \u2212 {penalty:.0f}" if penalty > 0 else ""))
        if bool(opted_out_of(frame, static)[i]):
            if frame.scenario["rubric.optout_imputation"] == "mean":
                text = translate("inspector_panel", "Opted out: no data, so every part but "
                                 "friends counts as the participants' mean this month.")
            else:
                value = float(frame.scenario["rubric.optout_value"])
                text = translate("inspector_panel", "Opted out: no data, so every part but "
                                 "friends counts as {value:g} (the scenario's value for people "
                                 "who opted out).").format(value=value)
            self._optout_note.setText(text)
            self._optout_note.show()
        else:
            self._optout_note.hide()

    def _update_history(self, frame: Frame, i: int, thresholds: tuple[float, float]) -> None:
        try:
            y = np.asarray(self._score_history(i), dtype=float)
            note = ""
        except RuntimeError:   # not kept for very large graphs
            y = np.empty(0)
            note = translate("inspector_panel", "Score history is not kept\nfor networks this large.")
        x = np.arange(y.size)
        self._history_line.set_data(x, y)
        self._history_note.set_text(note)
        self._restricted_line.set_ydata([thresholds[0]] * 2)
        self._privileged_line.set_ydata([thresholds[1]] * 2)
        right = max(12, frame.step)
        self._ax.set_xlim(0, right)
        for artist in self._scam_artists:
            artist.remove()
        self._scam_artists = []
        for step in self._scams.get(i, []):
            self._scam_artists.append(self._ax.axvline(step, color="#111111", linewidth=1.2,
                                                       linestyle=":"))
            # Recent scams sit at the right edge: label them on the left of their line.
            late = step > 0.6 * right
            self._scam_artists.append(self._ax.text(
                step, SCORE_MIN + 12, (translate("inspector_panel", "scammed") + " ") if late
                else (" " + translate("inspector_panel", "scammed")), fontsize=10,
                va="bottom", ha="right" if late else "left"))
        self._plot_draws.request()

    def _update_friends(self, frame: Frame, static: Static, i: int) -> None:
        friends = _neighbours(frame.friend_edges, i)
        scores = np.asarray(frame.scores)
        friends = friends[np.lexsort((friends, -scores[friends]))]   # best first, stable
        self._friends.set_rows(friends, [str(static.ids[j]) for j in friends],
                               scores[friends], np.asarray(frame.status)[friends])
        mean = (translate("inspector_panel", ", average score {mean:.0f}").format(
            mean=scores[friends].mean()) if friends.size else "")
        self._friends_title.setText(translate("inspector_panel", "Friends ({n}{mean})")
                                    .format(n=friends.size, mean=mean))
        dates = _neighbours(frame.dating_edges, i)
        if dates.size:
            names = ", ".join(f"{static.ids[j]} ({scores[j]:.0f})" for j in dates)
            self._dating.setText(translate("inspector_panel", "Dating now (counts as a friend "
                                           "in the score): {names}").format(names=names))
            self._dating.show()
        else:
            self._dating.hide()

    # ------------------------------------------------------------------ handlers
    def _on_friend_clicked(self, index: QModelIndex) -> None:
        people = self._friends.people
        if index.isValid() and 0 <= index.row() < people.size:
            self.person_selected.emit(int(people[index.row()]))

    def _on_scam_clicked(self) -> None:
        if self._person is None:
            return
        step = self._frame.step if self._frame is not None else 0
        self._scams.setdefault(self._person, []).append(step)
        self.scam_requested.emit(self._person)
        self._refresh()


def scam_note(scenario) -> str:
    """What "Scam this person" will do under this scenario, in one or two sentences."""
    months = int(scenario["events.scam_duration"])
    if not scenario["events.enabled"]:
        # MODEL.md: with life events off nobody pays or misses bills, so a scam is inert.
        return translate("inspector_panel", "Life events are off, so nobody pays or misses "
                         "bills: a scam changes nothing until you switch them on.")
    if months == 0:
        return translate("inspector_panel", "Scams last 0 months in this scenario "
                         "(events.scam_duration): no effect.")
    return (translate("inspector_panel", "A scam, through no fault of their own: they miss "
                      "every payment for the next month. Watch their score, and then their "
                      "friends'.") if months == 1 else
            translate("inspector_panel", "A scam, through no fault of their own: they miss "
                      "every payment for the next {months} months. Watch their score, and "
                      "then their friends'.").format(months=months))
