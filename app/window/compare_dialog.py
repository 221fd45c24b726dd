"""The "Compare with rubric B" dialog: which settings rubric B changes.

The five rubric weights, friend sharing, and how the missing data of people who opted
out is filled (their mean, or a fixed value: setting the value chooses "fixed") are
offered directly (filled with rubric A's values); any other setting that does not need
other people or another network can be typed as ``key = value`` pairs. Only the values
that differ from A's become B's overrides. The values are checked by the model
(:func:`models.compare.check_overrides`) when Compare is pressed: a bad one is named in
the dialog, which stays open with B's settings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from app.common.plain_words import RUBRIC_WORDS
from models.compare import check_overrides
from models.errors import ScenarioError
from models.scenario import Scenario, parse_value
from models.schema import FIELD_BY_NAME, RUBRIC_KEYS
from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate

__all__ = ["CompareDialog", "parse_pairs"]

_OFFERED = (*(f"rubric.{k}" for k in RUBRIC_KEYS), "rubric.optout_value")

#: How the missing data of those who opted out is filled, in plain words.
_TREATMENTS = {"mean": QT_TRANSLATE_NOOP("compare_dialog", "the participants' mean"),
               "fixed": QT_TRANSLATE_NOOP("compare_dialog", "the fixed value below")}


def parse_pairs(text: str) -> dict[str, Any]:
    """``"a.b = 1; c.d = true"`` as a dict (values parsed as in ``--set``).

    Examples
    --------
    >>> parse_pairs("rubric.social = 0.4; sharing.share_with_friends=false")
    {'rubric.social': 0.4, 'sharing.share_with_friends': False}

    Raises
    ------
    ScenarioError
        For a piece without ``=``.
    """
    out: dict[str, Any] = {}
    for piece in text.replace("\n", ";").split(";"):
        piece = piece.strip()
        if not piece:
            continue
        key, sep, value = piece.partition("=")
        if not sep or not key.strip():
            raise ScenarioError(translate("compare_dialog", "rubric B"), piece,
                                translate("compare_dialog", "write settings as key = value"))
        out[key.strip()] = parse_value(value.strip())
    return out


class CompareDialog(QDialog):
    """Pick rubric B's settings; :meth:`overrides` after ``exec()``."""

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("compare_dialog", "Compare with rubric B"))
        self._scenario = scenario
        col = QVBoxLayout(self)
        intro = QLabel(translate("compare_dialog", "Rubric B runs beside the current rubric A on the same people, the "
                       "same network and the same seed, month by month. Change what B "
                       "does differently:"))
        intro.setWordWrap(True)
        col.addWidget(intro)
        form = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        for name in _OFFERED:
            field = FIELD_BY_NAME[name]
            spin = QDoubleSpinBox(self)
            hi = 1.0 if field.hi is None or field.hi > 1 else field.hi
            spin.setRange(field.lo or 0.0, max(hi, float(scenario[name])))
            spin.setSingleStep(0.05)
            spin.setDecimals(3)
            spin.setValue(float(scenario[name]))
            spin.setToolTip(tr_data("schema", field.doc))
            key = name.split(".", 1)[1]
            label = (translate("compare_dialog", "Weight of {what}").format(
                what=tr_data("plain_words", RUBRIC_WORDS[key])) if key in RUBRIC_WORDS
                else tr_data("schema", field.label))
            if name == "rubric.optout_value":
                # The value counts only with the "fixed" treatment: offered beside it.
                self.treatment = QComboBox(self)
                for value, words in _TREATMENTS.items():
                    self.treatment.addItem(tr_data("compare_dialog", words), value)
                self.treatment.setCurrentIndex(max(0, self.treatment.findData(
                    scenario["rubric.optout_imputation"])))
                self.treatment.setToolTip(tr_data("schema", FIELD_BY_NAME["rubric.optout_imputation"].doc))
                form.addRow(tr_data("schema", FIELD_BY_NAME["rubric.optout_imputation"].label),
                            self.treatment)
                spin.valueChanged.connect(self._value_set)
            form.addRow(label, spin)
            self.spins[name] = spin
        self.sharing = QCheckBox(tr_data("schema", FIELD_BY_NAME["sharing.share_with_friends"].label),
                                 self)
        self.sharing.setChecked(bool(scenario["sharing.share_with_friends"]))
        form.addRow("", self.sharing)
        self.other = QLineEdit(self)
        self.other.setPlaceholderText(translate("compare_dialog", "e.g. perks.enabled = false; events.scam_rate = 0.01"))
        self.other.setMinimumWidth(self.other.fontMetrics().horizontalAdvance(
            self.other.placeholderText()) + 16)
        form.addRow(translate("compare_dialog", "Other settings"), self.other)
        col.addLayout(form)
        self.note = QLabel("", self)   # the treatment set for the user, or a bad setting
        self.note.setWordWrap(True)
        self.note.hide()
        col.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("compare_dialog", "Compare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def _value_set(self, _value: float) -> None:
        if self.treatment.currentData() != "fixed":
            self.treatment.setCurrentIndex(self.treatment.findData("fixed"))
            self._say(translate("compare_dialog", "The missing data of those who opted out is "
                                "now filled with the fixed value, so that the value you set "
                                "counts."), error=False)

    def _say(self, text: str, error: bool) -> None:
        self.note.setStyleSheet("color: #B00020;" if error else "")
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def accept(self) -> None:
        """Start only with settings B can have; else say which one is wrong, and stay."""
        try:
            check_overrides(self._scenario, self.overrides())
        except ScenarioError as exc:
            where = exc.key if exc.key and exc.key != exc.problem else ""
            self._say(f"{where}: {exc.problem}" if where else exc.problem, error=True)
            self.other.setFocus()
            return
        super().accept()

    def overrides(self) -> dict[str, Any]:
        """B's settings that differ from A's (may raise ScenarioError for the free text)."""
        sc = self._scenario
        chosen: dict[str, Any] = {name: spin.value() for name, spin in self.spins.items()}
        chosen["sharing.share_with_friends"] = self.sharing.isChecked()
        chosen["rubric.optout_imputation"] = self.treatment.currentData()
        chosen.update(parse_pairs(self.other.text()))
        out: dict[str, Any] = {}
        for key, value in chosen.items():
            if key in FIELD_BY_NAME:
                now = sc[key]
                same = (abs(now - value) < 1e-9 if isinstance(value, float)
                        and isinstance(now, float) else now == value)
                if same:
                    continue
            out[key] = value   # unknown names are reported by check_overrides
        return out
