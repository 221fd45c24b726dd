"""Undo and redo (Ctrl+Z, Ctrl+Shift+Z) of parameter changes, opened scenarios and scams.

One :class:`~PySide6.QtGui.QUndoStack` holds a command per user action, named for the
Edit menu ("Undo Scam rate 0.002 -> 0.01"). Commands replay through the same paths the
user's own actions take (the controls' ``apply_changes``, ``open_loaded``, the
controller's scam), with :attr:`UndoMixin._replaying` set so that a replay is not pushed
again. What "undo" means for each:

- a parameter change: the previous values again (rebuild fields wait for Reset, as
  when they were changed); a slider drag is one command;
- an opened scenario or preset: the previous scenario, with its unsaved edits, from
  month 0 (its run is rebuilt with the same seed, so it is the run it was);
- a scam: the victim's scam undone exactly if no month has passed since it; after
  that, the scam stops from the current month on and the months missed stay on the
  record (the run is not rewound);
- with A/B open, a parameter change goes to A and, except for the settings B
  overrides, to B (:meth:`PairController.set_params`); its undo and redo replay through
  the same path, so both sides get back exactly what they had;
- opening, changing or closing A/B (a change to B's settings): B's previous settings
  again, or no comparison; opening restarts both at month 0, as when it was done.

:class:`UndoMixin` is mixed into :class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack

from app.common.i18n import field_label
from app.process.checks import restore_scam, scam_state
from models.scenario import Scenario
from app.common.i18n import tr_data, translate

__all__ = ["UndoMixin", "change_text", "compare_text", "document_state", "sweep_point_words"]

_PARAMS_ID = 1101
_MERGE_SECONDS = 1.5   # edits of one field closer than this are one step (a drag)


def _show(value: Any) -> str:
    if isinstance(value, float):
        return translate("undo", "never") if math.isinf(value) else f"{value:g}"
    if isinstance(value, bool):
        return translate("undo", "on") if value else translate("undo", "off")
    return str(value)


def change_text(before: dict[str, Any], after: dict[str, Any]) -> str:
    """The Edit menu's name for a change: ``"Scam rate 0.002 -> 0.01"``, or a count."""
    if len(after) == 1:
        (name, value), = after.items()
        label = field_label(name)
        return f"{label} {_show(before[name])} \u2192 {_show(value)}"
    return translate("undo", "{n} parameters").format(n=len(after))


class _Params(QUndoCommand):
    """Parameter values before and after one edit (or one slider drag)."""

    def __init__(self, window, before: dict, after: dict) -> None:
        super().__init__(change_text(before, after))
        self.window, self.before, self.after = window, dict(before), dict(after)
        self.done = True   # the edit has happened already: the first redo does nothing
        self.when = time.monotonic()

    def id(self) -> int:  # noqa: A003 (Qt API)
        return _PARAMS_ID

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt API)
        # A slider drag sends one change per pixel: one undo step for the whole drag.
        if not isinstance(other, _Params) or set(other.after) != set(self.after) \
                or len(self.after) != 1 or other.when - self.when > _MERGE_SECONDS:
            return False
        self.after, self.when = dict(other.after), other.when
        self.setText(change_text(self.before, self.after))
        return True

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.window.replay(lambda: self.window.controls.apply_changes(self.after))

    def undo(self) -> None:
        self.window.replay(lambda: self.window.controls.apply_changes(self.before))


class _Swap(QUndoCommand):
    """A command that goes to ``before`` or ``after``; pushed after it was done, so the
    first redo (the push's) does nothing."""

    before: object
    after: object
    done: bool

    def _go(self, state) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self._go(self.after)

    def undo(self) -> None:
        self._go(self.before)


class _Open(_Swap):
    """The document before and after opening a scenario: (scenario, path, saved)."""

    def __init__(self, window, before: tuple, after: tuple) -> None:
        super().__init__(translate("undo", "Open {name}").format(
            name=tr_data("presets", after[0].name)))
        self.window, self.before, self.after = window, before, after
        self.done = True

    def _go(self, state: tuple) -> None:
        scenario, path, saved = state
        self.window.replay(lambda: self.window.open_loaded(scenario, path, saved=saved))


class _Scam(QUndoCommand):
    """A scam on one person, with what their record held before it."""

    def __init__(self, window, person: int, who: str) -> None:
        super().__init__(translate("undo", "Scam person {who}").format(who=who))
        self.window, self.person = window, person
        self.state: tuple | None = None   # (step, months left, ever scammed) before
        self.done = True

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.window.replay(lambda: self.window.scam_person(self.person, self))

    def undo(self) -> None:
        if self.state is None:
            return
        c = self.window.controller

        def said(exact: bool) -> None:
            self.window.statusBar().showMessage(
                translate("undo", "Scam undone.") if exact else translate("undo", "Scam stopped from this month on; the "
                "months already missed stay on the record."), 8000)

        c.call_in_worker(restore_scam, said, args=(self.person, *self.state))


def compare_text(before: dict | None, after: dict | None) -> str:
    """The Edit menu's name for a change of rubric B: ``"Compare with B (2 settings)"``."""
    if after is None:
        return "Stop comparing"
    if len(after) == 1:
        (name, value), = after.items()
        return translate("undo", "Compare with B ({what} {value})").format(
            what=field_label(name), value=_show(value))
    return f"Compare with B ({len(after)} settings)"


class _Compare(_Swap):
    """B's settings before and after (None: not comparing)."""

    def __init__(self, window, before: dict | None, after: dict | None) -> None:
        super().__init__(compare_text(before, after))
        self.window, self.before, self.after = window, before, after
        self.done = True

    def _go(self, overrides: dict | None) -> None:
        self.window.replay(lambda: self.window.set_compare(overrides))


class UndoMixin:
    """The undo stack and the Edit menu for :class:`~app.window.main_window.MainWindow`."""

    def _build_undo(self) -> None:
        self.undo_stack = QUndoStack(self)
        self._replaying = False
        self.act_undo = self.undo_stack.createUndoAction(self, translate("undo", "&Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, translate("undo", "&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                    QKeySequence(QKeySequence.StandardKey.Redo)])
        for act in (self.act_undo, self.act_redo):
            self.addAction(act)   # the shortcuts work with the menu bar hidden

    def _build_edit_menu(self, bar) -> None:
        edit = bar.addMenu(translate("undo", "&Edit"))
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        self.edit_menu = edit

    def replay(self, action) -> None:
        """Run an undo or redo step without pushing it as a new command."""
        self._replaying = True
        try:
            action()
        finally:
            self._replaying = False

    def record_params(self, before, changes: dict) -> None:
        """Push a parameter edit (``before``: the values it replaced)."""
        if self._replaying or not changes:
            return
        # A change not made in the controls (a lesson step, a test) has no ``before``
        # there: the scenario the model last reported holds the replaced values.
        replaced = {k: before[k] if k in before else self.scenario[k] for k in changes}
        self.undo_stack.push(_Params(self, replaced, dict(changes)))

    def record_compare(self, before: dict | None, after: dict | None) -> None:
        """Push a change of rubric B's settings (None: not comparing)."""
        if not self._replaying and before != after:
            self.undo_stack.push(_Compare(self, before, after))

    def record_open(self, before: tuple, after: tuple, text: str | None = None) -> None:
        """Push an opened scenario: ``(scenario, path, saved)`` before and after; ``text``
        names it in the Edit menu (default "Open NAME")."""
        if not self._replaying:
            command = _Open(self, before, after)
            if text:
                command.setText(text)
            self.undo_stack.push(command)

    def scam_person(self, index: int, command: _Scam | None = None) -> None:
        """Scam person ``index`` (an undoable command unless ``command`` replays it)."""
        static = self.controller.static
        who = str(static.ids[index]) if static is not None else str(index)
        if command is None:
            command = _Scam(self, index, who)
            self.undo_stack.push(command)

        def keep(state) -> None:
            command.state = tuple(state)

        # Queued before the scam itself, so the state read is the one before it.
        self.controller.call_in_worker(scam_state, keep, args=(index,))
        self.controller.scam(index)
        self.note_run_edit(None)   # people over time can no longer be replayed


def sweep_point_words(before: Scenario, after: Scenario) -> str:
    """What opening a sweep point changes, by label: ``"Payment record 0.5, Steps 20"``."""
    changed = [(n, v) for n, v in after.items()
               if not n.startswith("about.") and before[n] != v]
    return ", ".join(f"{field_label(n)} {_show(v)}" for n, v in changed) \
        or translate("undo", "no change")


def document_state(window) -> tuple[Scenario, Path | None, Scenario]:
    """What an open replaces: the scenario shown, its file and its saved state."""
    return window.controls.scenario, window._path, window._saved
