"""Presentation mode (F11, View > Presentation): the window as a projector shows it.

Full screen; text scaled for the back of the room by a size setting that is remembered
(View > Presentation text size); the parameter and person panels hidden, the lesson
panel kept; the transport reduced to Play, Step, Reset and the month; the network's
legend and caption and the dashboard's titles drawn larger (their figures' resolution
is raised, so every size measured in points grows and their layouts, planned in pixels,
make room for it); the dashboard's titles always in plain words, never the compact
technical names. Leaving restores the window as it was.

:class:`PresentationMixin` is mixed into :class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QFont, QResizeEvent
from PySide6.QtWidgets import QApplication

from app.window.files import settings
from app.window.focus import give_keys_back
from app.common.i18n import translate

__all__ = ["PresentationMixin", "TEXT_SCALES", "DEFAULT_TEXT_SCALE", "scale_figure"]

#: Text sizes offered for presenting, as factors of the normal size.
TEXT_SCALES = (1.25, 1.5, 1.75, 2.0)
DEFAULT_TEXT_SCALE = 1.5


def scale_figure(canvas, scale: float) -> None:
    """Draw a matplotlib canvas's text ``scale`` times larger, on the same pixels."""
    fig = canvas.figure
    base = getattr(canvas, "_scorenet_base_dpi", None)
    if base is None:
        base = canvas._scorenet_base_dpi = fig._original_dpi
    fig._original_dpi = base * scale   # what matplotlib rescales from on a screen change
    fig._set_dpi(fig._original_dpi * (canvas.device_pixel_ratio or 1.0), forward=False)
    QApplication.sendEvent(canvas, QResizeEvent(canvas.size(), canvas.size()))
    canvas.draw_idle()


class PresentationMixin:
    """F11 and View > Presentation for :class:`~app.window.main_window.MainWindow`."""

    def _window_toggle(self, text: str, keys: list[str], tip: str, slot,
                       checked: bool = False) -> QAction:
        """A checkable action of the window's own (its keys work in full screen, with
        every menu hidden), toggling ``slot``; ``checked`` is set before it is wired."""
        act = QAction(text, self)
        act.setCheckable(True)
        act.setChecked(checked)
        act.setShortcuts(keys)
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setStatusTip(tip)
        act.toggled.connect(slot)
        self.addAction(act)
        return act

    def _build_presentation(self, view_menu) -> None:
        self.presenting = False
        self._before_presenting: dict | None = None
        self.act_present = self._window_toggle(
            translate("presentation", "&Presentation"), ["F11", "Ctrl+Shift+F"],
            translate("presentation", "Full screen for a projector: large text, only the "
                      "network, the dashboard and the lesson (F11)."), self.set_presenting)
        view_menu.addSeparator()
        view_menu.addAction(self.act_present)
        self.act_dashboard = self._window_toggle(
            translate("presentation", "&Dashboard"), ["Ctrl+D"],
            translate("presentation", "Show or hide the charts under the network (Ctrl+D); "
                      "presenting starts without them, so the network fills the screen."),
            self.show_dashboard, checked=True)
        view_menu.addAction(self.act_dashboard)
        sizes = view_menu.addMenu(translate("presentation", "Presentation &text size"))
        group = QActionGroup(self)
        current = self.text_scale()
        for scale in TEXT_SCALES:
            a = sizes.addAction(f"{100 * scale:.0f}%")
            a.setCheckable(True)
            a.setChecked(abs(scale - current) < 1e-6)
            a.triggered.connect(lambda _c=False, s=scale: self.set_text_scale(s))
            group.addAction(a)
        self.text_size_menu = sizes

    def text_scale(self) -> float:
        """The presentation text size (a factor), as last chosen."""
        try:
            value = float(settings().value("presentation/text_scale", DEFAULT_TEXT_SCALE))
        except (TypeError, ValueError):
            value = DEFAULT_TEXT_SCALE
        return value if 1.0 <= value <= 3.0 else DEFAULT_TEXT_SCALE

    def set_text_scale(self, scale: float) -> None:
        """Choose (and remember) the presentation text size; applies at once if presenting."""
        settings().setValue("presentation/text_scale", float(scale))
        for a in self.text_size_menu.actions():
            a.setChecked(a.text() == f"{100 * scale:.0f}%")
        if self.presenting:
            self._apply_scale(scale)

    def set_presenting(self, on: bool, full_screen: bool = True) -> None:
        """Enter or leave presentation mode (``full_screen=False``: same window size)."""
        on = bool(on)
        if on == self.presenting:
            return
        self.presenting = on
        self.place_dashboard(self.height())   # under the network while presenting
        if self.act_present.isChecked() != on:
            self.act_present.setChecked(on)
        t = self.transport
        side = [self.controls_dock, self.inspector_dock]
        if on:
            self._before_presenting = {
                "docks": [d.isVisible() for d in side], "state": self.windowState(),
                "dashboard": self.act_dashboard.isChecked(),
                "menu": self.menuBar().isVisible(), "status": self.statusBar().isVisible()}
            for d in side:
                d.hide()
            self.act_dashboard.setChecked(False)   # the network fills the screen
            self.statusBar().hide()
            self.menuBar().hide()   # every command keeps its shortcut (actions on the window)
            self._apply_scale(self.text_scale())
            if full_screen:
                self.showFullScreen()
        else:
            before = self._before_presenting or {}
            for d, shown in zip(side, before.get("docks", (True, True))):
                d.setVisible(shown)
            self.menuBar().setVisible(before.get("menu", True))
            self.act_dashboard.setChecked(before.get("dashboard", True))
            self.statusBar().setVisible(before.get("status", True))
            self._apply_scale(1.0)
            if self.isFullScreen():
                self.setWindowState(before.get("state", Qt.WindowState.WindowNoState))
        for w in (t.speed, t.speed_label, t.speed_caption, t.status):
            w.setVisible(not on)
        self.dashboard.set_plain_titles(on)
        if self.lesson_panel is not None:
            self.lesson_panel.set_presenting(on)
        self._size_splitter()
        give_keys_back(self)   # not the search box, which hiding the panels would pick

    def show_dashboard(self, show: bool) -> None:
        """Show or hide the dashboard under the network."""
        if self.act_dashboard.isChecked() != bool(show):
            self.act_dashboard.setChecked(bool(show))
            return
        if self._show_docked_dashboard(show):
            return
        self.dashboard.setVisible(bool(show))
        if show:
            self._size_splitter()
            # Laid out again once shown at its new size (hidden, it missed the changes);
            # the canvas as the context: the call is dropped if it is deleted meanwhile.
            canvas = self.dashboard.canvas
            QTimer.singleShot(0, canvas, lambda: scale_figure(canvas, self._dashboard_scale()))

    def _apply_scale(self, scale: float) -> None:
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        self.setFont(font)   # every widget that has not set its own font follows
        self.transport.refresh_fonts()
        if self.lesson_panel is not None:
            self.lesson_panel.set_text_scale(scale)
        scale_figure(self.network, scale)
        scale_figure(self.dashboard.canvas, self._dashboard_scale(scale))

    def _dashboard_scale(self, scale: float | None = None) -> float:
        """The dashboard's text grows half as much as the rest: it has seven plots' worth
        of titles and ticks to fit under the network."""
        if scale is None:
            scale = self.text_scale() if self.presenting else 1.0
        return 1.0 + (scale - 1.0) / 2
