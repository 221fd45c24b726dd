"""The inspector's building blocks: the stacked bar of points, the friends table's model,
and the label helpers its sections share.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.common.plain_words import RUBRIC_LONG, RUBRIC_WORDS, STATUS_WORDS
from app.inspector.score_parts import SCORE_MAX, SCORE_MIN, SPAN
from app.common.theme import COMPONENT_COLOURS, DEFAULT_THRESHOLDS, STATUS_COLOURS
from models.schema import RUBRIC_KEYS
from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate

__all__ = ["ContributionBar", "FriendsModel", "PART_NAMES", "part_name", "badge_style",
           "scale_font", "section_title"]

#: Label of each component in the inspector: "from friends" is what a class asks about.
PART_NAMES = {**RUBRIC_WORDS, "social": QT_TRANSLATE_NOOP("widgets", "from friends")}


def part_name(key: str) -> str:
    """:data:`PART_NAMES` in the app's language."""
    return (tr_data("widgets", PART_NAMES[key]) if key == "social"
            else tr_data("plain_words", PART_NAMES[key]))


class ContributionBar(QWidget):
    """A horizontal stacked bar over the 350-950 range, painted directly (cheap, crisp)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._points: dict[str, float] = {}
        self._penalty = 0.0
        self._score = SCORE_MIN
        self._thresholds = DEFAULT_THRESHOLDS
        self._spans: list[tuple[float, float, str]] = []   # pixel x0, x1, tooltip

    def sizeHint(self):  # noqa: N802 (Qt API)
        size = super().sizeHint()
        size.setHeight(64)
        return size

    def set_data(self, points: Mapping[str, float], penalty: float, score: float,
                 thresholds: tuple[float, float]) -> None:
        self._points = dict(points)
        self._penalty = penalty
        self._score = score
        self._thresholds = thresholds
        self.update()

    def _x(self, score: float, left: float, width: float) -> float:
        return left + width * (min(max(score, SCORE_MIN), SCORE_MAX) - SCORE_MIN) / SPAN

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        left, width = 4.0, float(self.width() - 8)
        top, bar_h = 4.0, 30.0
        p.fillRect(QRectF(left, top, width, bar_h), QColor("#ececec"))
        self._spans = []
        x = left
        for key in RUBRIC_KEYS:
            w = width * max(self._points.get(key, 0.0), 0.0) / SPAN
            if w <= 0:
                continue
            p.fillRect(QRectF(x, top, w, bar_h), QColor(COMPONENT_COLOURS[key]))
            tip = (translate("widgets", "{part}: +{points:.0f} points").format(
                part=part_name(key), points=self._points[key])
                + "\n" + tr_data("plain_words", RUBRIC_LONG[key]))
            self._spans.append((x, x + w, tip))
            x += w
        if self._penalty > 0:
            # The penalty covers the end of the stack: those points were earned, then lost.
            x_score = self._x(self._score, left, width)
            rect = QRectF(x_score, top, max(x - x_score, 1.0), bar_h)
            p.fillRect(rect, QColor(255, 255, 255, 170))
            p.fillRect(rect, QBrush(QColor("#222222"), Qt.BrushStyle.BDiagPattern))
            self._spans.append((x_score, x, translate(
                "widgets", "violations: -{points:.0f} points").format(points=self._penalty)))
        # The score itself, and the thresholds, as marks on a scale under the bar.
        x_score = self._x(self._score, left, width)
        p.setPen(QPen(QColor("#111111"), 3))
        p.drawLine(int(x_score), int(top - 3), int(x_score), int(top + bar_h + 3))
        scale_y = top + bar_h + 6
        p.setPen(QPen(QColor("#666666"), 1))
        for value, colour in ((SCORE_MIN, "#666666"), (self._thresholds[0], STATUS_COLOURS[-1]),
                              (self._thresholds[1], STATUS_COLOURS[1]), (SCORE_MAX, "#666666")):
            xv = self._x(value, left, width)
            p.setPen(QPen(QColor(colour), 2))
            p.drawLine(int(xv), int(scale_y - 4), int(xv), int(scale_y + 2))
            text = f"{value:g}"
            tw = fm.horizontalAdvance(text)
            tx = min(max(xv - tw / 2, 0), self.width() - tw)
            p.drawText(int(tx), int(scale_y + 2 + fm.ascent()), text)
        p.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        x = event.position().x()
        # The penalty span is last and lies over the stack: it wins where they overlap.
        tips = [tip for x0, x1, tip in self._spans if x0 <= x <= x1]
        self.setToolTip(tips[-1] if tips else "")
        super().mouseMoveEvent(event)


class FriendsModel(QAbstractTableModel):
    """The friends table's data as arrays: the view asks only for the rows it shows.

    A person on the Facebook graph has up to about a thousand friends; filling a
    QTableWidget item by item every frame cost tens of milliseconds, this costs nothing.
    """

    HEADERS = (QT_TRANSLATE_NOOP("widgets", "Person"), QT_TRANSLATE_NOOP("widgets", "Score"),
               QT_TRANSLATE_NOOP("widgets", "Status"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.people = np.empty(0, dtype=np.int64)
        self._ids: list[str] = []
        self._scores = np.empty(0)
        self._status = np.empty(0, dtype=np.int8)

    def set_rows(self, people: np.ndarray, ids: list[str], scores: np.ndarray,
                 status: np.ndarray) -> None:
        same_rows = people.size == self.people.size
        if not same_rows:
            self.beginResetModel()
        self.people, self._ids, self._scores, self._status = people, ids, scores, status
        if same_rows:
            if people.size:
                self.dataChanged.emit(self.index(0, 0), self.index(people.size - 1, 2))
        else:
            self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else int(self.people.size)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r, c = index.row(), index.column()
        if not index.isValid() or r >= self.people.size:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return self._ids[r]
            if c == 1:
                return f"{self._scores[r]:.0f}"
            return tr_data("plain_words", STATUS_WORDS[int(self._status[r])])
        if role == Qt.ItemDataRole.ForegroundRole and c == 2:
            return QColor(STATUS_COLOURS[int(self._status[r])])
        if role == Qt.ItemDataRole.TextAlignmentRole and c == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_data("widgets", self.HEADERS[section])
        return None


def badge_style(status: int) -> str:
    """The style sheet of the status badge: white on the status's colour."""
    return (f"QLabel {{ background: {STATUS_COLOURS[status]}; color: white; "
            "border-radius: 6px; padding: 3px 10px; font-weight: bold; }")


def scale_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Make ``widget``'s font ``factor`` times bigger (and bold, or not)."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def section_title(text: str) -> QLabel:
    """The bold title over one section of the inspector."""
    label = QLabel(text)
    scale_font(label, 1.05, bold=True)
    label.setContentsMargins(0, 8, 0, 0)
    return label
