"""One widget per scenario field, made from the field's schema entry, and the rubric's
weight sliders.

A :class:`FieldEditor` picks its widget by the field's type: a check box, a choice list,
a text box (with "Browse..." for a graph file), an integer or a decimal spin box (with
"never" for a field that may be infinite). It reads and shows a value and reports the
user's edits as ``edited(name, value)``; a value shown from code is never reported.
:class:`WeightSlider` is a rubric weight with its share of the score.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox,
                               QApplication, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QWidget)
from superqt import QLabeledDoubleSlider, QLargeIntSpinBox

from models.schema import Field
from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate

__all__ = ["FieldEditor", "WeightSlider", "GRAPH_FILE_FILTER", "guard_wheel"]

#: File dialog filter for the graph formats the model reads.
GRAPH_FILE_FILTER = QT_TRANSLATE_NOOP(
    "field_editors", "Graphs (*.graphml *.gexf *.gml *.net *.txt *.csv *.tsv *.edges "
    "*.edgelist *.adj *.adjlist *.scorenet);;All files (*)")

_INT32_MAX = 2**31 - 1
_BIG = 1e9  # upper bound for numbers the schema leaves unbounded


def _decimals(*values: float) -> int:
    """Fewest decimals (at most 6) that show every value exactly."""
    for d in range(7):
        if all(not math.isfinite(v) or abs(round(v, d) - v) < 1e-12 for v in values):
            return d
    return 6


def _beside(parent: QWidget, main: QWidget, extra: QWidget) -> QWidget:
    """One widget holding ``main``, stretched, and ``extra`` at its right."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(main, 1)
    row.addWidget(extra)
    return box


class _SpaceIsPlay(QObject):
    """Lets Space reach the window's Play/Pause shortcut from a number box.

    A spin box claims every printable key (ShortcutOverride), Space included, though a
    space means nothing in a number; text fields keep their spaces.
    """

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Space \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.ignore()
            return True
        return False


class _WheelScrollsPanel(QObject):
    """The mouse wheel over a number box, list or slider scrolls the panel around it.

    Qt lets the wheel change the value of whatever is under the pointer, so scrolling
    down the panel silently edited the fields it passed over. A field now takes the wheel
    only once it has the keyboard focus (clicked or tabbed into); otherwise the wheel
    goes to the scroll area's bar.
    """

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.Wheel or obj.hasFocus():
            return False
        parent = obj.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent.verticalScrollBar(), event)
        return True


_WHEEL: list[_WheelScrollsPanel] = []   # one filter for every field, made on first use


def guard_wheel(widget: QWidget) -> None:
    """Make ``widget`` (and the value widgets inside it) ignore the wheel until focused."""
    kinds = (QAbstractSpinBox, QComboBox, QAbstractSlider)
    if not _WHEEL:
        _WHEEL.append(_WheelScrollsPanel(QApplication.instance()))
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, kinds):
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            w.installEventFilter(_WHEEL[0])


class FieldEditor(QObject):
    """One field's widget: read and write its value, report user edits."""

    edited = Signal(str, object)   # field name, new value

    def __init__(self, field: Field, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.widget = self._make(parent)
        self.widget.setToolTip(tr_data("schema", field.doc))
        spin = getattr(self, "_spin", None)
        if spin is not None:
            self._space = _SpaceIsPlay(self)
            spin.installEventFilter(self._space)
        guard_wheel(self.widget)

    # ------------------------------------------------------------------ making
    def _make(self, parent: QWidget) -> QWidget:
        f = self.field
        if f.type is bool:
            box = QCheckBox(parent)
            box.toggled.connect(lambda v: self.edited.emit(f.name, bool(v)))
            self._get, self._set = box.isChecked, box.setChecked
            return box
        if f.type is str and f.choices:
            combo = QComboBox(parent)
            combo.addItems(list(f.choices))
            combo.currentTextChanged.connect(lambda v: self.edited.emit(f.name, v))
            self._get, self._set = combo.currentText, combo.setCurrentText
            return combo
        if f.type is str:
            return self._make_text(parent)
        if f.type is int:
            return self._make_int(parent)
        return self._make_float(parent)

    def _make_text(self, parent: QWidget) -> QWidget:
        f = self.field
        edit = QLineEdit(parent)
        edit.editingFinished.connect(lambda: self.edited.emit(f.name, edit.text()))
        self._get, self._set = edit.text, edit.setText
        if f.name != "network.path":
            return edit
        browse = QPushButton(translate("field_editors", "Browse\u2026"))
        browse.setToolTip(translate("field_editors", "Choose a graph file (GraphML, GEXF, GML or edge list)."))
        browse.clicked.connect(lambda: self._browse(edit))
        return _beside(parent, edit, browse)

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget, translate("field_editors", "Choose a graph file"), edit.text(),
            tr_data("field_editors", GRAPH_FILE_FILTER))
        if path:
            edit.setText(path)
            self.edited.emit(self.field.name, path)

    def _make_int(self, parent: QWidget) -> QWidget:
        f = self.field
        hi = f.hi if f.hi is not None else _INT32_MAX
        spin = QLargeIntSpinBox(parent) if hi > _INT32_MAX else QSpinBox(parent)
        spin.setRange(int(f.lo if f.lo is not None else -_INT32_MAX), int(hi))
        spin.setSingleStep(int(f.step or 1))
        spin.setKeyboardTracking(False)   # apply on Enter / focus out / arrows, not per key
        if f.special:
            spin.setSpecialValueText(f.special)   # the lowest value means "auto"
        self._spin = spin
        spin.valueChanged.connect(lambda v: self.edited.emit(f.name, int(v)))
        self._get, self._set = (lambda: int(spin.value())), (lambda v: spin.setValue(int(v)))
        return spin

    def _make_float(self, parent: QWidget) -> QWidget:
        f = self.field
        spin = QDoubleSpinBox(parent)
        lo = f.lo if f.lo is not None else -_BIG
        hi = f.hi if f.hi is not None and math.isfinite(f.hi) else _BIG
        spin.setRange(lo, hi)
        spin.setDecimals(_decimals(f.step or 0.01, f.default))
        spin.setSingleStep(f.step or 0.01)
        spin.setKeyboardTracking(False)
        self._spin = spin
        if f.hi != math.inf:
            spin.valueChanged.connect(lambda v: self.edited.emit(f.name, float(v)))
            self._get, self._set = (lambda: float(spin.value())), self._set_float
            return spin
        # An infinite value is allowed (e.g. a mistake never forgotten): a checkbox says so.
        never = QCheckBox(translate("field_editors", "never"))
        never.setToolTip(translate("field_editors", "Infinite: ") + tr_data("schema", f.doc))
        box = _beside(parent, spin, never)
        self._never = never

        def value() -> float:
            return math.inf if never.isChecked() else float(spin.value())

        def on_never(checked: bool) -> None:
            spin.setEnabled(not checked)
            self.edited.emit(f.name, value())

        never.toggled.connect(on_never)
        spin.valueChanged.connect(lambda _v: self.edited.emit(f.name, value()))
        self._get = value
        self._set = self._set_inf
        return box

    def _set_float(self, v: float) -> None:
        if _decimals(v) > self._spin.decimals():
            self._spin.setDecimals(_decimals(v))
        self._spin.setValue(float(v))

    def _set_inf(self, v: float) -> None:
        self._never.setChecked(math.isinf(v))
        self._spin.setEnabled(not math.isinf(v))
        if math.isfinite(v):
            self._set_float(v)

    # ------------------------------------------------------------------ values
    def value(self) -> Any:
        return self._get()

    def set_value(self, v: Any) -> None:
        """Show ``v`` without reporting it as an edit."""
        blockers = [self.widget, *self.widget.findChildren(QWidget)]
        old = [w.blockSignals(True) for w in blockers]
        try:
            self._set(v)
        finally:
            for w, was in zip(blockers, old):
                w.blockSignals(was)


class WeightSlider(QObject):
    """A rubric weight: a slider with the raw weight, and its share in percent."""

    edited = Signal(str, object)

    def __init__(self, field: Field, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setRange(0.0, 1.0)
        self.slider.setSingleStep(field.step or 0.01)
        self.slider.setDecimals(2)
        self.slider.setToolTip(tr_data("schema", field.doc))
        self.slider.valueChanged.connect(lambda v: self.edited.emit(field.name, float(v)))
        self._space = _SpaceIsPlay(self)
        for box in self.slider.findChildren(QAbstractSpinBox):   # its editable label
            box.installEventFilter(self._space)
        guard_wheel(self.slider)
        self.share = QLabel("0%", parent)
        self.share.setMinimumWidth(self.share.fontMetrics().horizontalAdvance("100%") + 6)
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.share.setToolTip(translate("field_editors", "Share of the score: this weight / the sum of all five."))
        font = self.share.font()
        font.setBold(True)
        self.share.setFont(font)
        self.widget = self.slider

    def value(self) -> float:
        return float(self.slider.value())

    def set_value(self, v: float) -> None:
        self.slider.blockSignals(True)
        try:
            if v > self.slider.maximum():   # weights are unbounded: grow the range
                self.slider.setRange(0.0, float(math.ceil(v)))
            self.slider.setValue(float(v))
        finally:
            self.slider.blockSignals(False)
