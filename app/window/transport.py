"""The transport bar: Play/Pause, Step, Reset, the speed and the month counter.

The buttons show the main window's actions (so the menu, the keyboard shortcuts and
the buttons are one and the same command) and never take keyboard focus, so Space
always reaches the Play/Pause shortcut instead of "clicking" the last button used.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget
from app.common.i18n import translate

__all__ = ["QtTransport", "SPEEDS", "DEFAULT_SPEED"]

#: Speed slider positions in steps per second; the last is "as fast as possible".
SPEEDS: tuple[float, ...] = (1, 2, 3, 5, 8, 10, 15, 20, 30, 45, 60, math.inf)
DEFAULT_SPEED = 10


def speed_text(sps: float) -> str:
    """``"10 steps/s"`` or ``"max"``."""
    if math.isinf(sps):
        return translate("transport", "max speed")
    return (translate("transport", "{n:g} step/s") if sps == 1
            else translate("transport", "{n:g} steps/s")).format(n=sps)


class QtTransport(QWidget):
    """Buttons for the play/step/reset actions, a speed slider and the step counter.

    Signals
    -------
    speed_changed(float)
        Steps per second (``inf``: as fast as possible).
    """

    speed_changed = Signal(float)

    def __init__(self, play: QAction, step: QAction, reset: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        self.buttons: dict[str, QToolButton] = {}
        for key, action in (("play", play), ("step", step), ("reset", reset)):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Pause") + 48)
            row.addWidget(button)
            self.buttons[key] = button
        font = self.buttons["play"].font()
        font.setBold(True)
        self.buttons["play"].setFont(font)

        row.addSpacing(16)
        self.speed_caption = QLabel(translate("transport", "Speed"), self)
        row.addWidget(self.speed_caption)
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setFixedWidth(150)
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed.setToolTip(translate("transport", "Steps (months) per second while playing; far right: as fast "
                              "as the computer can."))
        self.speed.valueChanged.connect(self._on_speed)
        row.addWidget(self.speed)
        self.speed_label = QLabel(self)
        self.speed_label.setMinimumWidth(self.speed_label.fontMetrics().horizontalAdvance(
            "max speed") + 8)
        row.addWidget(self.speed_label)

        row.addStretch(1)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #666666;")
        row.addWidget(self.status)
        row.addSpacing(12)
        self.counter = QLabel(translate("transport", "Month 0"), self)
        big = QFont(self.counter.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.counter.setFont(big)
        self.counter.setToolTip(translate("transport", "Steps taken since the last Reset (one step is one month)."))
        row.addWidget(self.counter)
        self.speed.setValue(SPEEDS.index(DEFAULT_SPEED))
        self._on_speed(self.speed.value())

    @property
    def steps_per_second(self) -> float:
        return SPEEDS[self.speed.value()]

    def set_step(self, step: int, of: int | None = None) -> None:
        """Show the month counter (``of``: the scenario's length, ``run.steps``)."""
        if of and step > of:   # run.steps lowered below the month reached
            self.counter.setText(translate("transport", "Month {step} (ends at {of})")
                                 .format(step=step, of=of))
        elif of:
            self.counter.setText(translate("transport", "Month {step} / {of}")
                                 .format(step=step, of=of))
        else:
            self.counter.setText(translate("transport", "Month {step}").format(step=step))

    def refresh_fonts(self) -> None:
        """Size the bold Play button and the month counter from the bar's font again
        (the window's font changes when presenting; these have fonts of their own)."""
        for key, button in self.buttons.items():
            font = QFont(self.font())
            font.setBold(key == "play")
            button.setFont(font)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Pause") + 48)
        big = QFont(self.font())
        if big.pointSizeF() > 0:
            big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.counter.setFont(big)

    def set_status(self, text: str) -> None:
        """A short note next to the counter (e.g. "Building the network...")."""
        self.status.setText(text)

    def _on_speed(self, value: int) -> None:
        sps = SPEEDS[value]
        self.speed_label.setText(speed_text(sps))
        self.speed_changed.emit(float(sps))
