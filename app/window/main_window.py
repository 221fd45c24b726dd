"""The main window: the network in the centre, the dashboard below it, the controls and
the person inspector in docks, menus for files and exports.

The window owns the *document* (:mod:`app.window.files`): the scenario as the controls
show it, the file it came from and the last saved state. The running simulation is the
controller's business; the window only forwards edits and commands to it and hands its
frames to the views. Its actions and menus are in :mod:`app.window.menus`, its exports
in :mod:`app.window.exports`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QDockWidget, QMainWindow, QMessageBox, QScrollArea,
                               QSplitter, QStyle, QToolBar, QWidget)

from app.common.theme import about_html, model_html
from app.controller.sim_controller import SimController
from app.controls.panel import QtControls
from app.dashboard.panel import QtDashboard
from app.inspector.panel import QtInspector
from app.network.panel import QtNetworkView
from app.process.errorlog import please_report
from app.process.frame import Frame, Static
from app.sweep.panel import QtSweepPanel
from app.window.animation_export import AnimationExportMixin
from app.window.compact import CompactLayoutMixin
from app.window.compare import CompareMixin
from app.window.exports import ExportsMixin
from app.window.focus import build_focus
from app.window.files import MAX_RECENT, FilesMixin, settings
from app.window.menus import MenusMixin
from app.window.timeline import TimelineMixin
from app.window.transport import QtTransport
from app.window.lesson_driver import LessonMixin
from app.window.presentation import PresentationMixin
from app.window.undo import UndoMixin, document_state, sweep_point_words
from models.scenario import Scenario, load_scenario
from app.common.i18n import tr_data, translate

__all__ = ["MainWindow", "settings", "MAX_RECENT"]


class MainWindow(MenusMixin, FilesMixin, ExportsMixin, AnimationExportMixin, UndoMixin,
                 LessonMixin, PresentationMixin, TimelineMixin, CompareMixin,
                 CompactLayoutMixin, QMainWindow):
    """ScoreNet's window around one :class:`SimController`.

    Parameters
    ----------
    scenario
        The scenario to open; the simulation is built once the window is shown, so the
        first paint does not wait for it.
    path
        The file it came from (None for an unsaved scenario).
    """

    def __init__(self, scenario: Scenario, path: str | os.PathLike[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = SimController(self)
        self._path: Path | None = Path(path) if path else None
        self._saved: Scenario = scenario
        # (scenario, path, saved state or None) while a scenario is being opened.
        self._opening: tuple[Scenario, Path | None, Scenario | None] | None = (
            scenario, self._path, None)
        self._before_open: tuple | None = None   # the document an open replaces (undo)
        self._started = False
        self._fell_back = False
        self._closing = False
        self._refused = False
        self._build_views(scenario)
        self._build_undo()
        self._build_actions()
        self._build_menus()
        self._build_docks()
        self._build_timeline()
        build_focus(self)
        self._build_compare()
        self._connect()
        self._update_title()
        self.statusBar().showMessage(translate("main_window", "Building the simulation\u2026"))
        self.resize(1600, 950)

    # ------------------------------------------------------------------ building
    def _build_views(self, scenario: Scenario) -> None:
        self.network = QtNetworkView(self)
        self.dashboard = QtDashboard(self)
        self.inspector = QtInspector(self.controller.score_history, self)
        self.controls = QtControls(scenario, self)
        self.networks = QSplitter(Qt.Orientation.Horizontal, self)
        self.networks.addWidget(self.network)   # rubric B's view joins when comparing
        self.networks.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.networks)
        split.addWidget(self.dashboard)
        split.setStretchFactor(0, 62)
        split.setStretchFactor(1, 38)
        split.setChildrenCollapsible(False)
        self.splitter = split
        self.setCentralWidget(split)

    def _build_docks(self) -> None:
        self.transport = QtTransport(self.act_play, self.act_step, self.act_reset, self)
        bar = QToolBar(translate("main_window", "Transport"), self)
        bar.setObjectName("transport")
        bar.setMovable(False)
        bar.addWidget(self.transport)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        scroll = QScrollArea(self)
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.controls.minimumSizeHint().width() + 24)
        self.controls_dock = QDockWidget(translate("main_window", "Parameters"), self)
        self.controls_dock.setObjectName("controls")
        self.controls_dock.setWidget(scroll)
        self.inspector_dock = QDockWidget(translate("main_window", "Person"), self)
        self.inspector_dock.setObjectName("inspector")
        self.inspector_dock.setWidget(self.inspector)
        for dock in (self.controls_dock, self.inspector_dock):
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.controls_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self._build_sweep_dock()
        self._build_dashboard_dock()
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.controls_dock.toggleViewAction())
        self.view_menu.addAction(self.inspector_dock.toggleViewAction())
        self.view_menu.addAction(self.sweep_dock.toggleViewAction())
        self._build_presentation(self.view_menu)
        self._wide = None

    def _build_sweep_dock(self) -> None:
        """The Sweep panel: a floating window of its own until the user docks it."""
        self.sweep = QtSweepPanel(lambda: self.controls.scenario, self)
        self.sweep.open_run.connect(self._on_open_sweep_run)
        self.sweep.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        dock = QDockWidget(translate("main_window", "Sweep"), self)
        dock.setObjectName("sweep")
        # Docked under a 720-line screen's window, the panel scrolls rather than make the
        # window taller than the screen (its plot and form need about 480 px).
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.sweep)
        dock.setWidget(scroll)
        dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.sweep_dock = dock
        act = dock.toggleViewAction()
        act.triggered.connect(self._float_sweep_once)
        act.setText(translate("main_window", "&Sweep…"))
        act.setShortcut("Ctrl+Shift+W")
        act.setStatusTip(translate("main_window", "Run the scenario over a grid of parameter values and seeds."))
        self.sim_menu.addSeparator()
        self.sim_menu.addAction(act)

    def _size_splitter(self) -> None:
        """Give the dashboard the height its plots need to stay readable."""
        if self.dashboard_docked:
            return
        total = sum(self.splitter.sizes()) or self.splitter.height()
        dash = int(min(max(0.36 * total, 300), 430, total - 300))
        self.splitter.setSizes([total - dash, dash])

    def arrange_docks(self, width: int) -> None:
        """Inspector beside the controls on wide screens, as a tab on narrow ones."""
        wide = width >= 1700
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.inspector_dock)
            self.resizeDocks([self.inspector_dock, self.controls_dock], [370, 430],
                             Qt.Orientation.Horizontal)
        else:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
            self.tabifyDockWidget(self.controls_dock, self.inspector_dock)
            self.controls_dock.raise_()
            self.resizeDocks([self.controls_dock], [410 if width >= 1300 else 360],
                             Qt.Orientation.Horizontal)

    def _dock_width(self, dock: QDockWidget) -> int:
        """The width a dock is given when the window has room for it."""
        if self._wide:
            return 370 if dock is self.inspector_dock else 430
        return 410 if self.width() >= 1300 else 360

    def fit_docks(self) -> None:
        """Give squeezed docks their width back once the window is large enough again.

        Shrinking the window squeezes the docks; Qt never widens them again by itself,
        so after 500x300 and back the Person panel stayed about 100 px wide.
        """
        docks = [d for d in (self.inspector_dock, self.controls_dock)
                 if d.isVisible() and not d.isFloating()]
        columns = {self.dockWidgetArea(d): d for d in docks
                   if not self.tabifiedDockWidgets(d) or d is self.controls_dock}
        widths = [self._dock_width(d) for d in columns.values()]
        if self.width() - sum(widths) < 560:   # the network needs the rest
            return
        squeezed = [(d, w) for d, w in zip(columns.values(), widths) if d.width() < 0.8 * w]
        if squeezed:
            self.resizeDocks([d for d, _ in squeezed], [w for _, w in squeezed],
                             Qt.Orientation.Horizontal)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self._started:
            # Only crossing a threshold re-arranges (a window moved to a projector).
            self.arrange_docks(self.width())
            self.place_dashboard(self.height())
            QTimer.singleShot(0, self, self.fit_docks)   # once the docks have their new size

    def _connect(self) -> None:
        c = self.controller
        c.rebuilt.connect(self._on_rebuilt)
        c.stepped.connect(self._on_stepped)
        c.layout_ready.connect(self._on_layout_ready)
        c.failed.connect(self._on_failed)
        c.running_changed.connect(self._update_running)
        c.pending_changed.connect(self.controls.set_pending)
        c.params_refused.connect(self._on_params_refused)
        c.scenario_changed.connect(self._on_scenario_changed)
        c.stopped_at_end.connect(lambda step: self.statusBar().showMessage(
            translate("main_window", "Month {step} is the end of this scenario (Steps, "
                      "run.steps): Reset to start again, or raise Steps to go on.")
            .format(step=step), 8000))
        self.controls.params_changed.connect(self._on_params_changed)
        self.controls.reset_requested.connect(self._on_reset)
        self.controls.new_seed_requested.connect(self._on_new_seed)
        self.transport.speed_changed.connect(c.set_speed)
        c.set_speed(self.transport.steps_per_second)
        self.network.person_selected.connect(self._on_person_selected)
        self.inspector.person_selected.connect(self._on_person_selected)
        self.inspector.scam_requested.connect(self._on_scam)

    # ------------------------------------------------------------------ start
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.arrange_docks(self.width())
        self.place_dashboard(self.height())
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self, self._size_splitter)
            # Paint first, then build: the window appears at once.
            self.transport.set_status(translate("main_window", "Building the network\u2026"))
            QTimer.singleShot(0, self, lambda: self.controller.set_scenario(self._opening[0]))

    @property
    def path(self) -> Path | None:
        """The scenario file shown (None when never saved)."""
        return self._path

    @property
    def scenario(self) -> Scenario:
        """The document: the scenario as the model last reported it, unsaved edits
        included (the file's until the first build)."""
        return self.controller.scenario or self._saved

    # ------------------------------------------------------------------ controller replies
    def _on_rebuilt(self, static: Static, frame: Frame) -> None:
        self.network.on_rebuilt(static, frame)
        self.dashboard.on_rebuilt(static, frame)
        self.inspector.on_rebuilt(static, frame)
        self.network.select(self.inspector.person)
        if self.controller.positions is not None:
            self.network.set_layout(static.graph_key, self.controller.positions)
        self._update_counter(frame)
        self.transport.set_status("" if self.network.positions is not None
                                  else translate("main_window", "Laying out {n:,} people\u2026")
                                  .format(n=static.n))
        self.statusBar().showMessage(
            translate("main_window", "{name}: {n:,} people, {ties:,} friendships, seed {seed}.")
            .format(name=tr_data("presets", frame.scenario.name), n=static.n,
                    ties=frame.friend_edges.shape[0],
                    seed=frame.scenario['run.seed']), 6000)
        self._timeline_rebuilt()
        self.replay_spoiled = False   # a new run replays from its seed

    def _on_layout_ready(self, key: object, positions) -> None:
        self.network.set_layout(key, positions)
        self.transport.set_status("")

    def _on_stepped(self, frame: Frame) -> None:
        frame = self._timeline_stepped(frame)
        self.network.on_frame(frame)
        self.dashboard.on_frame(frame)
        self.inspector.on_frame(frame)
        self._update_difference()   # when B reached this month first
        self._update_counter(frame)

    def _update_counter(self, frame: Frame) -> None:
        self.transport.set_step(frame.step, int(frame.scenario["run.steps"]))

    def _update_running(self, running: bool) -> None:
        sp = QStyle.StandardPixmap
        self.act_play.setText(translate("main_window", "Pause") if running else translate("main_window", "Play"))
        self.act_play.setIcon(self.style().standardIcon(sp.SP_MediaPause if running
                                                        else sp.SP_MediaPlay))

    def _on_params_refused(self, key: str, problem: str) -> None:
        self.controls.show_refusal(key, problem)
        self._refused = True   # the controller's `failed` that follows needs no dialog

    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self.transport.set_status("")
        self.statusBar().showMessage(translate("main_window", "Error: ") + message, 10000)
        if self._refused:   # shown beside the control already
            self._refused = False
            return
        message = self.lesson_failure(message)   # a lesson step's build names the step
        self._opening = None   # a failed open leaves the previous scenario in place
        log_file = self.controller.take_bug_log()
        if log_file:
            message = please_report(message, log_file)
        if self.controller.static is None and not self._fell_back:
            # Nothing runs yet (the first scenario's network could not be built): say
            # why, then open the default scenario so that the window is usable.
            self._fell_back = True
            default = load_scenario("default")
            self.open_loaded(default, Path(default.source))
            self._before_open = None   # nothing to go back to
            self._update_title(default)   # the title names what is open, as the dialog says
            QMessageBox.critical(self, translate("main_window", "ScoreNet"),
                                 message + "\n\n" + translate(
                                     "main_window", "The default scenario is open instead."))
            return
        QMessageBox.critical(self, translate("main_window", "ScoreNet"), message)

    # ------------------------------------------------------------------ edits and commands
    def _on_params_changed(self, changes: dict) -> None:
        self.controller.set_params(changes)
        self.note_run_edit(changes)
        self.record_params(getattr(self.controls, "last_before", {}), changes)
        self.pair.set_params(changes)
        self._timeline_params_changed()
        self._update_title()

    def _on_freeze_layout(self, frozen: bool) -> None:
        self.network.set_living(not frozen)
        self.controller.set_living_layout(not frozen)

    def _on_reset(self) -> None:
        self.controller.reset()

    def _on_relayout(self) -> None:
        self.controller.relayout()
        self.pair.relayout()

    def _on_new_seed(self) -> None:
        old = self.controls.scenario["run.seed"]
        seed = self.controller.new_seed()
        self.statusBar().showMessage(translate("main_window", "New seed {seed}.")
                                     .format(seed=seed), 6000)
        self.record_params({"run.seed": old}, {"run.seed": seed})

    def _on_person_selected(self, index: int) -> None:
        person = None if index is None or index < 0 else int(index)
        self.network.select(person)
        self.network_b.select(person)
        self.inspector.show_person(person)
        self._request_story()
        if person is not None and not self.inspector_dock.isVisible() and not self.presenting:
            self.inspector_dock.show()
        if person is not None:
            self.inspector_dock.raise_()

    def _float_sweep_once(self, shown: bool) -> None:
        """The first time the Sweep panel opens, it floats as a window of its own (the
        bottom of the main window is too short for its plot); later, where it was put."""
        if shown and not getattr(self, "_sweep_placed", False):
            self._sweep_placed = True
            self.sweep_dock.setFloating(True)
            room = self.screen().availableGeometry()   # not taller than a projector's screen
            self.sweep_dock.resize(min(1100, room.width() * 9 // 10), min(760, room.height() * 9 // 10))

    def _on_open_sweep_run(self, scenario: Scenario) -> None:
        """Show one run of a sweep: its parameters become unsaved edits of the document
        (one undoable command, "Open sweep point (...)")."""
        before = document_state(self)
        self.record_open(before, (scenario, self._path, self._saved),
                         translate("main_window", "Open sweep point ({what})").format(
                             what=sweep_point_words(before[0], scenario)))
        self.controls.set_scenario(scenario)
        self.controller.set_scenario(scenario)
        self._update_title()
        self.raise_()
        self.activateWindow()

    def _on_scam(self, index: int) -> None:
        self.scam_person(index)
        self.pair.scam(index)
        static = self.controller.static
        who = static.ids[index] if static is not None else index
        months = self.scenario["events.scam_duration"]
        self.statusBar().showMessage(
            translate("main_window", "Scammed person {who}: they miss every payment for the "
                      "next {months} months.").format(who=who, months=months), 8000)

    # ------------------------------------------------------------------ help and closing
    def _on_about(self) -> None:
        QMessageBox.about(self, translate("main_window", "About ScoreNet"), about_html())

    def _on_model_help(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, translate("main_window", "The model in brief"),
                          model_html(),
                          QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.maybe_save():
            event.ignore()
            return
        self._closing = True
        self.sweep.shutdown()
        self.pair.shutdown()
        self.controller.shutdown()
        store = settings()
        store.setValue("geometry", self.saveGeometry())
        store.setValue("state", self.saveState())
        super().closeEvent(event)

    def restore_layout(self) -> bool:
        """Window size and dock layout of the last session; False if there is none."""
        store = settings()
        geometry = store.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            return False
        state = store.value("state")
        if state is not None:
            self._wide = None
            self.restoreState(state)
            self._wide = self.width() >= 1700   # keep the user's dock arrangement
        return True
