"""The side panel of parameters, generated from the scenario schema.

No parameter is written out here by hand: every control comes from a
:class:`models.schema.Field` (its label, doc, range, step and rebuild flag), so a
parameter added to the schema appears in the panel without new code. This module only
decides *where* fields go: the rubric on top as sliders with their share in percent and
the formula in words, then a switch and the main parameters of each mechanism, then
every other field in a collapsible "Advanced" section, each with the editor its type
calls for (:mod:`app.controls.field_editors`).

The panel checks nothing itself: it shows the scenario the model last reported
(:meth:`QtControls.set_scenario`, which updates every widget without emitting anything,
so opening a file never echoes back as an edit), and emits ``params_changed`` with the
user's edits, which the model validates (:mod:`models.schema`). A refused edit comes
back through :meth:`QtControls.show_refusal` and the reported scenario puts the widget
back.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget)
from superqt import QCollapsible, QLabeledDoubleSlider

from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate
from app.common.plain_words import RUBRIC_WORDS, formula_in_words
from app.controls.field_editors import FieldEditor, WeightSlider
from models.scenario import Scenario
from models.schema import FIELD_BY_NAME, FIELDS, RUBRIC_KEYS, SECTIONS

__all__ = ["QtControls", "MAIN_GROUPS", "ADVANCED_FIELDS", "REBUILD_MARK"]

#: Mechanism groups: (title, switch field, main fields). Everything else is "Advanced".
MAIN_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("controls_panel", "Friend sharing"), "sharing.share_with_friends",
     ("sharing.rewire_rate", "sharing.tolerance", "sharing.status_seeking",
      "sharing.homophilous_search", "sharing.triadic_closure")),
    (QT_TRANSLATE_NOOP("controls_panel", "Dating app"), "dating.enabled",
     ("dating.display_scores", "dating.activity", "dating.exposure_bias",
      "dating.selectivity")),
    (QT_TRANSLATE_NOOP("controls_panel", "Perks & restrictions"), "perks.enabled",
     ("perks.privileged_at", "perks.restricted_below")),
    (QT_TRANSLATE_NOOP("controls_panel", "Life events"), "events.enabled",
     ("events.base_miss_rate", "events.forgiveness_half_life", "events.scam_rate",
      "events.violation_rate")),
)
_RUN_FIELDS = ("run.seed", "run.steps")
_MAIN = {f"rubric.{k}" for k in RUBRIC_KEYS} | set(_RUN_FIELDS) | {
    name for _t, switch, fields in MAIN_GROUPS for name in (switch, *fields)}

#: Every field not shown in the main groups, in schema order.
ADVANCED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.name not in _MAIN)

#: Appended to the label of fields that need a new population or network.
REBUILD_MARK = "\u21bb"

#: Section titles in the Advanced part.
_SECTION_TITLES = {
    "about": QT_TRANSLATE_NOOP("controls_panel", "About"),
    "run": QT_TRANSLATE_NOOP("controls_panel", "Run"),
    "population": QT_TRANSLATE_NOOP("controls_panel", "Population"),
    "network": QT_TRANSLATE_NOOP("controls_panel", "Network"),
    "rubric": QT_TRANSLATE_NOOP("controls_panel", "Rubric details"),
    "optout": QT_TRANSLATE_NOOP("controls_panel", "Opting out"),
    "events": QT_TRANSLATE_NOOP("controls_panel", "Life events"),
    "perks": QT_TRANSLATE_NOOP("controls_panel", "Perks & restrictions"),
    "sharing": QT_TRANSLATE_NOOP("controls_panel", "Friendships"),
    "dating": QT_TRANSLATE_NOOP("controls_panel", "Dating app")}


class QtControls(QWidget):
    """Every scenario parameter as a control, generated from the schema.

    Signals
    -------
    params_changed(dict)
        Dotted names to new values, as edited (the model validates them); emitted only
        for user edits.
    reset_requested()
        "Reset now" in the pending-changes banner.
    new_seed_requested()
        "New seed": restart with a fresh random seed.
    """

    params_changed = Signal(dict)
    reset_requested = Signal()
    new_seed_requested = Signal()

    def __init__(self, scenario: Scenario | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario if scenario is not None else Scenario()
        self._baseline = self._scenario   # what "Reset all" and the per-field resets restore
        self._editors: dict[str, FieldEditor | WeightSlider] = {}
        self._labels: dict[str, QLabel] = {}
        self._resets: dict[str, QToolButton] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._pending: list[str] = []
        self._edits: dict[str, Any] = {}   # sent, not yet reported back by the model
        self._build()
        self.set_scenario(self._scenario)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.setSpacing(8)

        self._banner = QFrame(self)
        self._banner.setObjectName("pendingBanner")
        self._banner.setStyleSheet("#pendingBanner { background: #FFF3C4; border: 1px solid "
                                   "#E0B400; border-radius: 5px; }")
        row = QHBoxLayout(self._banner)
        row.setContentsMargins(8, 5, 5, 5)
        self._banner_text = QLabel(self._banner)
        self._banner_text.setWordWrap(True)
        row.addWidget(self._banner_text, 1)
        now = QPushButton(translate("controls_panel", "Reset now"), self._banner)
        now.setToolTip(translate("controls_panel", "Start again at month 0 with these changes (Ctrl+R)."))
        now.clicked.connect(self.reset_requested)
        row.addWidget(now)
        self._banner.hide()
        col.addWidget(self._banner)

        self._error = QLabel(self)
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #B00020;")
        self._error.hide()
        col.addWidget(self._error)

        col.addWidget(self._build_rubric())
        col.addWidget(self._build_run())
        for title, switch, fields in MAIN_GROUPS:
            col.addWidget(self._build_group(title, switch, fields))
        col.addWidget(self._build_advanced())

        bottom = QHBoxLayout()
        self._reset_all = QPushButton(translate("controls_panel", "Reset all"), self)
        self._reset_all.clicked.connect(self._on_reset_all)
        bottom.addWidget(self._reset_all)
        bottom.addStretch(1)
        legend = QLabel(translate("controls_panel", "{mark} applies on Reset").format(
            mark=REBUILD_MARK), self)
        legend.setStyleSheet("color: #666666;")
        legend.setToolTip(translate("controls_panel", "Fields marked so need a new population or network: they take "
                          "effect when you press Reset. Others apply from the next step."))
        bottom.addWidget(legend)
        col.addLayout(bottom)
        col.addStretch(1)

    def _grid(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout(parent)
        grid.setContentsMargins(8, 6, 6, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        return grid

    def _add_row(self, grid: QGridLayout, name: str, editor, extra: QWidget | None = None) -> None:
        f = FIELD_BY_NAME[name]
        r = grid.rowCount()
        text = tr_data("schema", f.label) or f.key
        if f.rebuild:
            text = f"{text} {REBUILD_MARK}"
        label = QLabel(text)
        label.setToolTip(tr_data("schema", f.doc) + (translate("controls_panel", "\nApplies on Reset (needs a new population or network).")
                                  if f.rebuild else ""))
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._labels[name] = label
        grid.addWidget(label, r, 0)
        if extra is None:
            grid.addWidget(editor.widget, r, 1)
        else:
            grid.addWidget(editor.widget, r, 1)
            grid.addWidget(extra, r, 2)
        grid.addWidget(self._reset_button(name), r, 3)
        grid.setColumnStretch(1, 1)
        self._editors[name] = editor
        editor.edited.connect(self._on_edited)

    def _reset_button(self, name: str) -> QToolButton:
        f = FIELD_BY_NAME[name]
        button = QToolButton()
        button.setText("\u21ba")
        button.setAutoRaise(True)
        button.setAccessibleName(translate("controls_panel", "Reset {what}").format(
            what=tr_data("schema", f.label) or f.key))
        button.clicked.connect(lambda: self.apply_changes({name: self._baseline[name]}))
        self._resets[name] = button
        return button

    def _build_rubric(self) -> QGroupBox:
        box = QGroupBox(translate("controls_panel", "Rubric: what the score is made of"), self)
        grid = self._grid(box)
        for k in RUBRIC_KEYS:
            name = f"rubric.{k}"
            slider = WeightSlider(FIELD_BY_NAME[name], box)
            self._add_row(grid, name, slider, extra=slider.share)
            self._labels[name].setText(_capitalised(tr_data("plain_words", RUBRIC_WORDS[k])))
        self._formula = QLabel(box)
        self._formula.setWordWrap(True)
        self._formula.setStyleSheet("color: #1f3b73;")
        self._formula.setToolTip(translate("controls_panel", "Each weight is divided by the sum of the five, so the "
                                 "shares always add up to 100%."))
        grid.addWidget(self._formula, grid.rowCount(), 0, 1, 4)
        return box

    def _build_run(self) -> QGroupBox:
        box = QGroupBox(translate("controls_panel", "Run"), self)
        grid = self._grid(box)
        seed = FieldEditor(FIELD_BY_NAME["run.seed"], box)
        new = QPushButton(translate("controls_panel", "New seed"), box)
        new.setToolTip(translate("controls_panel", "Start again at month 0 with a fresh random seed "
                       "(Reset replays the same seed)."))
        new.clicked.connect(self.new_seed_requested)
        self._add_row(grid, "run.seed", seed, extra=new)
        self._add_row(grid, "run.steps", FieldEditor(FIELD_BY_NAME["run.steps"], box))
        return box

    def _build_group(self, title: str, switch: str, fields: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(tr_data("controls_panel", title).replace("&", "&&"), self)   # "&" would be a mnemonic
        box.setCheckable(True)
        box.setToolTip(tr_data("schema", FIELD_BY_NAME[switch].doc))
        box.toggled.connect(lambda on: self.apply_changes({switch: bool(on)},
                                                          update_widgets=False))
        self._groups[switch] = box
        grid = self._grid(box)
        for name in fields:
            self._add_row(grid, name, FieldEditor(FIELD_BY_NAME[name], box))
        return box

    def _build_advanced(self) -> QWidget:
        coll = QCollapsible(translate("controls_panel", "Advanced: every other parameter"), self)
        coll.setToolTip(translate("controls_panel", "All remaining scenario parameters, generated from the schema."))
        for section in SECTIONS:
            names = [n for n in ADVANCED_FIELDS if FIELD_BY_NAME[n].section == section]
            if not names:
                continue
            title = _SECTION_TITLES.get(section)
            title = tr_data("controls_panel", title) if title else section.capitalize()
            box = QGroupBox(title.replace("&", "&&"))
            grid = self._grid(box)
            for name in names:
                self._add_row(grid, name, FieldEditor(FIELD_BY_NAME[name], box))
            coll.addWidget(box)
        self._advanced = coll
        return coll

    # ------------------------------------------------------------------ public API
    @property
    def scenario(self) -> Scenario:
        """The scenario last shown with :meth:`set_scenario` (without the edits since)."""
        return self._scenario

    @property
    def editing(self) -> bool:
        """True while edits were made that no :meth:`set_scenario` has answered yet."""
        return bool(self._edits)

    def value(self, name: str) -> Any:
        """The value field ``name`` shows: the user's latest edit, else the scenario's."""
        return self._edits.get(name, self._scenario[name])

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario`` (the model's answer) in every control, emitting nothing."""
        self._scenario = scenario
        self._edits.clear()
        for name, editor in self._editors.items():
            editor.set_value(scenario[name])
        for switch, box in self._groups.items():
            box.blockSignals(True)
            box.setChecked(bool(scenario[switch]))
            box.blockSignals(False)
        self._update_decorations()

    @property
    def baseline(self) -> Scenario:
        """The scenario as opened (or last saved): what the reset buttons go back to."""
        return self._baseline

    def set_baseline(self, scenario: Scenario) -> None:
        """Make ``scenario`` (a file or preset just opened or saved) what resets restore.

        A preset's own values (its scam rate, its half-life) are what "Reset all" brings
        back, not ScoreNet's defaults, which the preset deliberately changes.
        """
        self._baseline = scenario
        self._update_decorations()

    def set_pending(self, names: list[str]) -> None:
        """Mark the changes that wait for Reset and show the banner."""
        self._pending = list(names)
        n = len(self._pending)
        if n:
            labels = translate("controls_panel", ", ").join(
                tr_data("schema", FIELD_BY_NAME[x].label) or x for x in self._pending[:4])
            more = (translate("controls_panel", " and {n} more").format(n=n - 4)
                    if n > 4 else "")
            self._banner_text.setText(
                (translate("controls_panel", "<b>1 change applies on Reset</b>: {labels}{more}.")
                 if n == 1 else
                 translate("controls_panel", "<b>{n} changes apply on Reset</b>: {labels}{more}."))
                .format(n=n, labels=labels, more=more))
        self._banner.setVisible(bool(n))
        self._update_decorations()

    def editor(self, name: str):
        """The editor of field ``name`` (tests, scripts)."""
        return self._editors[name]

    def weight_slider(self, key: str) -> QLabeledDoubleSlider:
        """The slider of rubric weight ``key``."""
        return self._editors[f"rubric.{key}"].slider

    def group_box(self, switch: str) -> QGroupBox:
        return self._groups[switch]

    # ------------------------------------------------------------------ edits
    def _on_edited(self, name: str, value: object) -> None:
        self.apply_changes({name: value}, update_widgets=False)

    def apply_changes(self, changes: dict[str, Any], update_widgets: bool = True) -> bool:
        """Make ``changes`` as if the user made them: shown at once, sent to the model.

        Returns False when nothing changed. Unknown names raise KeyError.
        """
        changes = {k: v for k, v in changes.items() if self.value(k) != v}
        if not changes:
            return False
        self._error.hide()
        #: The values the last emitted change replaced (for the window's undo).
        self.last_before = {k: self.value(k) for k in changes}
        self._edits.update(changes)
        if update_widgets:
            for name, v in changes.items():
                if name in self._editors:
                    self._editors[name].set_value(v)
                if name in self._groups:
                    box = self._groups[name]
                    box.blockSignals(True)
                    box.setChecked(bool(v))
                    box.blockSignals(False)
        self._update_decorations()
        self.params_changed.emit(changes)
        return True

    def show_refusal(self, key: str, problem: str) -> None:
        """Say that the model refused the edit of ``key`` (the widget is put back by the
        next :meth:`set_scenario`)."""
        self._edits.pop(key, None)
        self._show_error(problem, key)

    def _show_error(self, problem: str, key: str) -> None:
        f = FIELD_BY_NAME.get(key)
        what = (tr_data("schema", f.label) if f is not None else key) or key
        self._error.setText(translate("controls_panel", "Not applied: {what}: {problem}")
                            .format(what=what, problem=problem).rstrip(".") + ".")
        self._error.show()

    def _on_reset_all(self) -> None:
        keep = {"about.name", "about.description", "network.kind", "network.path"}
        values = {f.name: self._baseline[f.name] for f in FIELDS if f.name not in keep}
        self.apply_changes(values, update_widgets=True)

    # ------------------------------------------------------------------ looks
    def _update_decorations(self) -> None:
        weights = {k: self.value(f"rubric.{k}") for k in RUBRIC_KEYS}
        total = sum(weights.values())
        for k in RUBRIC_KEYS:
            share = weights[k] / total if total > 0 else 0.0
            self._editors[f"rubric.{k}"].share.setText(f"{100 * share:.0f}%")
        self._formula.setText(formula_in_words(weights, tr=lambda s: tr_data("plain_words", s)))
        base = self._baseline
        base_name = tr_data("presets", base.name)
        for name, button in self._resets.items():
            button.setEnabled(self.value(name) != base[name])
            button.setToolTip(translate("controls_panel", "Back to {name}'s value: {value}")
                              .format(name=base_name, value=_show(base[name])))
        self._reset_all.setText(translate("controls_panel", "Reset all to \u201c{name}\u201d")
                                .format(name=base_name))
        self._reset_all.setToolTip(translate(
            "controls_panel", "Every parameter back to its value in {name} as opened or last "
            "saved; the network source is kept.").format(name=base_name))
        for name, label in self._labels.items():
            pending = name in self._pending
            font = label.font()
            if font.italic() != pending:
                font.setItalic(pending)
                font.setBold(pending)
                label.setFont(font)
            label.setStyleSheet("color: #8a5a00;" if pending else "")


def _show(value: Any) -> str:
    if isinstance(value, float) and math.isinf(value):
        return translate("controls_panel", "never (infinite)")
    if isinstance(value, str):
        return repr(value) if value else translate("controls_panel", "(empty)")
    return f"{value:g}" if isinstance(value, float) else str(value)


def _capitalised(text: str) -> str:
    """First letter upper case (a no-op for Chinese)."""
    return text[:1].upper() + text[1:]
