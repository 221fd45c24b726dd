"""Who holds the keyboard in the main window.

Space (Play), Right (Step, or the next lesson step) and the other one-key commands are
window shortcuts; a text box that holds the focus eats them (Space types a blank, Right
moves the text cursor). So the "Find person by id" box takes the focus only when it is
clicked or with Ctrl+F, Escape in it gives the keys back to the network view, and after
presenting starts or ends, or a lesson opens, the network view holds the focus (hiding
the side panels would otherwise pass it to the next box that accepts Tab).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from app.common.i18n import translate

__all__ = ["build_focus", "give_keys_back"]


def build_focus(window) -> None:
    """Set up the search box's focus rules and the Ctrl+F / Escape keys of ``window``."""
    search = window.search
    search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    act = QAction(translate("focus", "&Find person by id"), window)
    act.setShortcut(QKeySequence.StandardKey.Find)
    act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    act.setStatusTip(translate("focus", "Type a person's id to select them (Ctrl+F; Escape to leave the box)."))
    act.triggered.connect(lambda: (search.setFocus(Qt.FocusReason.ShortcutFocusReason),
                                   search.selectAll()))
    window.addAction(act)   # works with the menu bar hidden
    window.act_find = act
    back = QShortcut(QKeySequence(Qt.Key.Key_Escape), search)
    back.setContext(Qt.ShortcutContext.WidgetShortcut)
    back.activated.connect(lambda: give_keys_back(window))
    search.returnPressed.connect(lambda: give_keys_back(window))


def give_keys_back(window) -> None:
    """Put the keyboard focus on the network view, so the one-key commands work."""
    window.network.setFocus(Qt.FocusReason.OtherFocusReason)
