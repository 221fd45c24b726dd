"""The window at small sizes (1280x720, 1366x768): the network gets the room.

Below :data:`COMPACT_HEIGHT` pixels of window height, the dashboard under the network
left it about 300 px of height (at 1280x720 a drawing of 240 px). There the dashboard
moves into a "Dashboard" dock, a tab beside the parameters and the person (its tall,
narrow arrangement: nothing is clipped), and the network fills the centre of the window;
above it, and while presenting, the dashboard goes back under the network. View >
Dashboard shows or hides it either way. :class:`CompactLayoutMixin` is mixed into
:class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget
from app.common.i18n import translate

__all__ = ["CompactLayoutMixin", "COMPACT_HEIGHT", "DASHBOARD_DOCK_WIDTH"]

#: Windows less tall than this put the dashboard in a dock beside the network.
COMPACT_HEIGHT = 900

#: The right-hand column's width while it holds the dashboard.
DASHBOARD_DOCK_WIDTH = 440


class CompactLayoutMixin:
    """The dashboard under the network, or in a dock when the window is small."""

    def _build_dashboard_dock(self) -> None:
        dock = QDockWidget(translate("compact", "Dashboard"), self)
        dock.setObjectName("dashboard")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.dashboard_dock = dock
        self._compact: bool | None = None

    @property
    def dashboard_docked(self) -> bool:
        """True while the dashboard is in its dock (a small window), not under the network."""
        return self.dashboard_dock.widget() is self.dashboard

    def place_dashboard(self, height: int) -> None:
        """The dashboard in a dock below :data:`COMPACT_HEIGHT`, else under the network
        (always under it while presenting: the lesson and the network share the screen,
        and the dashboard comes and goes below them)."""
        compact = height < COMPACT_HEIGHT and not self.presenting
        if compact == self._compact:
            return
        self._compact = compact
        shown = self.act_dashboard.isChecked()
        if compact and not self.dashboard_docked:
            self.dashboard_dock.setWidget(self.dashboard)   # takes it out of the splitter
            self.dashboard.setVisible(True)
            self.tabifyDockWidget(self.controls_dock, self.dashboard_dock)
            self.dashboard_dock.setVisible(shown)
            self.resizeDocks([self.controls_dock], [DASHBOARD_DOCK_WIDTH],
                             Qt.Orientation.Horizontal)
            # The run is what a small screen shows first (raised once the tabs exist). A
            # deferred call names its object as context, so that Qt drops it if that is
            # deleted first (a window closed at once).
            QTimer.singleShot(0, self.dashboard_dock, self.dashboard_dock.raise_)
        elif not compact and self.dashboard_docked:
            self.dashboard_dock.hide()
            self.splitter.addWidget(self.dashboard)   # back under the network
            self.dashboard.setVisible(shown)
            self.dashboard_dock.setWidget(None)
            QTimer.singleShot(0, self, self._size_splitter)

    def _show_docked_dashboard(self, show: bool) -> bool:
        """View > Dashboard while docked: show or hide the dock (True when handled)."""
        if not self.dashboard_docked:
            return False
        self.dashboard_dock.setVisible(bool(show))
        if show:
            self.dashboard_dock.raise_()
        return True
