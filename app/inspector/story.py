"""Follow a person: their story over the run, month by month, in the inspector.

The story is told by the model process from what the timeline kept
(:func:`models.story.story_lines`); :class:`StoryBox` only shows the lines it is given,
with the month in bold, and says when it is waiting for them.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.inspector.story_words import story_line
from app.inspector.widgets import section_title
from app.common.i18n import translate

__all__ = ["StoryBox", "story_html"]

#: Show at most this many lines; the first and the latest are kept.
MAX_LINES = 40


def story_html(lines: list[str]) -> str:
    """The lines as rich text, ``month k:`` in bold (long stories lose their middle).

    Examples
    --------
    >>> story_html(["month 3: lost 1 friend"])
    '<b>month 3:</b> lost 1 friend'
    """
    if len(lines) > MAX_LINES:
        cut = len(lines) - MAX_LINES + 1
        lines = [*lines[:MAX_LINES // 2],
                 translate("story", "\u2026 {n} more months \u2026").format(n=cut),
                 *lines[len(lines) - (MAX_LINES // 2 - 1):]]
    out = []
    for line in lines:
        line = story_line(line)
        # The month ends at the first colon: ": " in English, "\uff1a" in Chinese.
        m = re.match(r"(.*?)(: |\uff1a)(.*)", line, flags=re.DOTALL)
        out.append(f"<b>{html.escape(m.group(1))}{m.group(2).strip()}</b> "
                   f"{html.escape(m.group(3))}" if m else html.escape(line))
    return "<br>".join(out)


class StoryBox(QWidget):
    """The "Their story" section: one line per month where something happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(section_title(translate("story", "Their story")))
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("color: #222222;")
        self.text.setToolTip(translate("story", "Told from the months kept in the timeline: scams, status, "
                             "friends lost and made, setting changes."))
        col.addWidget(self.text)
        self.lines: list[str] = []

    def set_lines(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.text.setText(story_html(self.lines))

    def clear(self) -> None:
        self.lines = []
        self.text.setText(translate("story", "<i>Reading the timeline\u2026</i>"))
