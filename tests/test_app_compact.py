"""The window at 1280x720: the network fills most of it and the dashboard, moved into
a dock beside it, is not clipped (the overlap check of the lesson tests); at 1920x1080
the dashboard stays under the network."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from tests.test_app_lessons import _collisions  # noqa: E402

WAIT = 60_000


def _stepped(qtbot, w, n=3):
    for _ in range(n):
        with qtbot.waitSignal(w.controller.stepped, timeout=WAIT):
            w.act_step.trigger()
    qtbot.wait(300)   # the throttled dashboard catches up
    w.dashboard.flush()


def test_at_1280x720_the_network_fills_most_of_the_window(qtbot, open_window):
    w = open_window({})
    _stepped(qtbot, w)
    net = w.network
    assert w.dashboard_docked and w.dashboard.isVisible()
    assert net.width() >= 0.6 * 1280 and net.height() >= 0.75 * 720, net.size()
    dash = w.dashboard
    assert dash.width() >= 400 and dash.height() >= 500, dash.size()
    assert _collisions(dash) == []
    # View > Dashboard hides and shows its dock; the network keeps the room.
    w.show_dashboard(False)
    assert not w.dashboard_dock.isVisible()
    w.show_dashboard(True)
    assert w.dashboard_dock.isVisible() and w.dashboard.isVisible()
    # A taller window puts it back under the network, and a small one in the dock again.
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: not w.dashboard_docked, timeout=WAIT)
    assert w.dashboard.parent() is w.splitter and not w.dashboard_dock.isVisible()
    qtbot.waitUntil(lambda: w.dashboard.height() >= 250, timeout=WAIT)
    _stepped(qtbot, w, 1)
    assert _collisions(w.dashboard) == []
    assert w.dockWidgetArea(w.inspector_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.dashboard_docked, timeout=WAIT)
    # Made small again (a window moved to a projector), the Person panel goes back into
    # the tabs beside the parameters rather than keeping a column of its own.
    assert w.dockWidgetArea(w.inspector_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert w.inspector_dock in w.tabifiedDockWidgets(w.controls_dock)
    qtbot.waitUntil(lambda: net.width() >= 0.6 * 1280, timeout=WAIT)
