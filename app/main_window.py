"""The main window: the network in the centre, the dashboard below it, the controls and
the person inspector in docks, menus for files and exports.

The window owns the *document*: the scenario as the controls show it (every edit, at
once), the file it came from and the last saved state, which decide the "*" in the
title and the save prompt. The running simulation is the controller's business; the
window only forwards edits and commands to it and hands its frames to the views.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QMainWindow, QMessageBox,
                               QScrollArea, QSplitter, QStyle, QToolBar, QWidget)

from app.controller import SimController, write_people_csv
from app.controls import QtControls
from app.dashboard import QtDashboard
from app.export import annotation_text, export_figure, export_metrics_csv
from app.frame import Frame, Static
from app.inspector import QtInspector
from app.network_view import QtNetworkView
from app.theme import ABOUT_HTML, MODEL_HTML
from app.transport import QtTransport
from models.errors import ScenarioError
from models.scenario import Scenario, load_scenario, preset_dir, preset_names, save_scenario

__all__ = ["MainWindow", "settings", "MAX_RECENT"]

MAX_RECENT = 8
_IMAGE_FILTER = "PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"
_CSV_FILTER = "CSV table (*.csv)"
_TOML_FILTER = "ScoreNet scenario (*.toml);;All files (*)"


def settings() -> QSettings:
    """The app's settings (an INI file named by $SCORENET_SETTINGS, e.g. in tests)."""
    path = os.environ.get("SCORENET_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("ScoreNet", "ScoreNet")


def _same_scenario(a: Scenario, b: Scenario) -> bool:
    """Equal values; a graph path counts as equal when it names the same file."""
    if a == b:
        return True
    ga, gb = a.graph_path(), b.graph_path()
    if ga is None or gb is None or ga.resolve() != gb.resolve():
        return False
    return a.replace({"network.path": "x"}) == b.replace({"network.path": "x"})


class MainWindow(QMainWindow):
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
        self._opening: tuple[Scenario, Path | None] | None = (scenario, self._path)
        self._started = False
        self._fell_back = False
        self._closing = False
        self._build_views(scenario)
        self._build_actions()
        self._build_menus()
        self._build_docks()
        self._connect()
        self._update_title()
        self.statusBar().showMessage("Building the simulation\u2026")
        self.resize(1600, 950)

    # ------------------------------------------------------------------ building
    def _build_views(self, scenario: Scenario) -> None:
        self.network = QtNetworkView(self)
        self.dashboard = QtDashboard(self)
        self.inspector = QtInspector(self.controller.score_history, self)
        self.controls = QtControls(scenario, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.network)
        split.addWidget(self.dashboard)
        split.setStretchFactor(0, 62)
        split.setStretchFactor(1, 38)
        split.setChildrenCollapsible(False)
        self.splitter = split
        self.setCentralWidget(split)

    def _action(self, text: str, slot, shortcut=None, tip: str = "", icon=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            # Anywhere in the window, whatever widget has the focus.
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.triggered.connect(slot)
        self.addAction(act)   # shortcuts work even with the menu bar hidden
        return act

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        a = self._action
        self.act_open = a("&Open scenario\u2026", self._on_open, QKeySequence.StandardKey.Open)
        self.act_save = a("&Save", self._on_save, QKeySequence.StandardKey.Save)
        self.act_save_as = a("Save &as\u2026", self._on_save_as, "Ctrl+Shift+S")
        self.act_revert = a("Re&vert to saved", self._on_revert,
                            tip="Forget the changes since the scenario was opened or saved.")
        self.act_network_file = a("Open &network file\u2026", self._on_open_network,
                                  tip="Use a graph file (GraphML, GEXF, GML, edge list); "
                                      "applies on Reset.")
        self.act_export_network = a("Export network &image\u2026", self._on_export_network)
        self.act_export_dashboard = a("Export &dashboard image\u2026",
                                      self._on_export_dashboard)
        self.act_export_metrics = a("Export &metrics CSV\u2026", self._on_export_metrics)
        self.act_export_people = a("Export &people CSV\u2026", self._on_export_people)
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_play = a("Play", self.controller.toggle_play, Qt.Key.Key_Space,
                          "Play or pause (Space)", sp.SP_MediaPlay)
        self.act_step = a("Step", self.controller.step_once, Qt.Key.Key_Right,
                          "One month (Right arrow)", sp.SP_MediaSeekForward)
        self.act_reset = a("Reset", self._on_reset, "Ctrl+R",
                           "Start again at month 0 with the same seed (Ctrl+R)",
                           sp.SP_BrowserReload)
        self.act_new_seed = a("New seed", self._on_new_seed, "Ctrl+Shift+R",
                              "Start again with a fresh random seed")
        self.act_relayout = a("Re-layout by current friendships", self.controller.relayout,
                              "Ctrl+L", tip="Arrange the people again by who is friends "
                              "with whom now: clusters formed by rewiring show.")
        self.act_fit = a("Fit network in view", self.network.reset_view, "Ctrl+0")
        self.act_ties = a("Show friendships", self.network.set_show_ties)
        self.act_dating = a("Show dating ties", self.network.set_show_dating)
        for act in (self.act_ties, self.act_dating):
            act.setCheckable(True)
            act.setChecked(True)
        self.act_about = a("&About ScoreNet", self._on_about)
        self.act_model = a("The &model in brief", self._on_model_help, "F1")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self.act_open)
        self.presets_menu = file.addMenu("&Presets")
        for name in preset_names():
            act = self.presets_menu.addAction(name)
            act.triggered.connect(lambda _c=False, n=name: self._open_scenario(n))
        self.recent_menu = file.addMenu("Open &recent")
        self._update_recent_menu()
        file.addSeparator()
        for act in (self.act_save, self.act_save_as, self.act_revert):
            file.addAction(act)
        file.addSeparator()
        file.addAction(self.act_network_file)
        file.addSeparator()
        for act in (self.act_export_network, self.act_export_dashboard,
                    self.act_export_metrics, self.act_export_people):
            file.addAction(act)
        file.addSeparator()
        file.addAction(self.act_quit)
        sim = bar.addMenu("&Simulation")
        for act in (self.act_play, self.act_step, self.act_reset, self.act_new_seed):
            sim.addAction(act)
        sim.addSeparator()
        sim.addAction(self.act_relayout)
        view = bar.addMenu("&View")
        for act in (self.act_fit, self.act_ties, self.act_dating):
            view.addAction(act)
        self.view_menu = view
        help_ = bar.addMenu("&Help")
        help_.addAction(self.act_model)
        help_.addAction(self.act_about)

    def _build_docks(self) -> None:
        self.transport = QtTransport(self.act_play, self.act_step, self.act_reset, self)
        bar = QToolBar("Transport", self)
        bar.setObjectName("transport")
        bar.setMovable(False)
        bar.addWidget(self.transport)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        scroll = QScrollArea(self)
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.controls.minimumSizeHint().width() + 24)
        self.controls_dock = QDockWidget("Parameters", self)
        self.controls_dock.setObjectName("controls")
        self.controls_dock.setWidget(scroll)
        self.inspector_dock = QDockWidget("Person", self)
        self.inspector_dock.setObjectName("inspector")
        self.inspector_dock.setWidget(self.inspector)
        for dock in (self.controls_dock, self.inspector_dock):
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.controls_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.controls_dock.toggleViewAction())
        self.view_menu.addAction(self.inspector_dock.toggleViewAction())
        self._wide = None

    def _size_splitter(self) -> None:
        """Give the dashboard the height its plots need to stay readable."""
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

    def _connect(self) -> None:
        c = self.controller
        c.rebuilt.connect(self._on_rebuilt)
        c.stepped.connect(self._on_stepped)
        c.layout_ready.connect(self._on_layout_ready)
        c.failed.connect(self._on_failed)
        c.running_changed.connect(self._update_running)
        c.pending_changed.connect(self.controls.set_pending)
        c.scenario_changed.connect(self._on_scenario_changed)
        c.stopped_at_end.connect(lambda step: self.statusBar().showMessage(
            f"Reached month {step}, the scenario's length (run.steps). Play goes on.", 8000))
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
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self._size_splitter)
            # Paint first, then build: the window appears at once.
            self.transport.set_status("Building the network\u2026")
            QTimer.singleShot(0, lambda: self.controller.set_scenario(self._opening[0]))

    @property
    def path(self) -> Path | None:
        """The scenario file shown (None when never saved)."""
        return self._path

    @property
    def scenario(self) -> Scenario:
        """The scenario as the controls show it, unsaved edits included."""
        return self.controls.scenario

    def is_modified(self) -> bool:
        return not _same_scenario(self.controls.scenario, self._saved)

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
                                  else f"Laying out {static.n:,} people\u2026")
        self.statusBar().showMessage(
            f"{frame.scenario.name}: {static.n:,} people, {frame.friend_edges.shape[0]:,} "
            f"friendships, seed {frame.scenario['run.seed']}.", 6000)

    def _on_layout_ready(self, key: object, positions) -> None:
        self.network.set_layout(key, positions)
        self.transport.set_status("")

    def _on_stepped(self, frame: Frame) -> None:
        self.network.on_frame(frame)
        self.dashboard.on_frame(frame)
        self.inspector.on_frame(frame)
        self._update_counter(frame)

    def _update_counter(self, frame: Frame) -> None:
        self.transport.set_step(frame.step, int(frame.scenario["run.steps"]))

    def _update_running(self, running: bool) -> None:
        sp = QStyle.StandardPixmap
        self.act_play.setText("Pause" if running else "Play")
        self.act_play.setIcon(self.style().standardIcon(sp.SP_MediaPause if running
                                                        else sp.SP_MediaPlay))

    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self._opening = None   # a failed open leaves the previous scenario in place
        self.transport.set_status("")
        self.statusBar().showMessage("Error: " + message, 10000)
        if self.controller.static is None and not self._fell_back:
            # Nothing runs yet (the first scenario's network could not be built): say
            # why, then open the default scenario so that the window is usable.
            self._fell_back = True
            QMessageBox.critical(self, "ScoreNet",
                                 f"{message}\n\nThe default scenario is open instead.")
            self.open_loaded(load_scenario("default"), Path(load_scenario("default").source))
            return
        QMessageBox.critical(self, "ScoreNet", message)

    def _on_scenario_changed(self, scenario: Scenario) -> None:
        opening = self._opening
        # Compared by value: the scenario may have crossed to the model process and back.
        if opening is None or scenario != opening[0]:
            return
        # The scenario just opened is running: it becomes the document.
        self._opening = None
        self._path = opening[1]
        self._saved = scenario
        self.controls.set_scenario(scenario)
        if self._path is not None and self._path.parent.resolve() != preset_dir().resolve():
            self._add_recent(self._path)
        self._update_title()

    # ------------------------------------------------------------------ edits and commands
    def _on_params_changed(self, changes: dict) -> None:
        self.controller.set_params(changes)
        self._update_title()

    def _on_reset(self) -> None:
        self.controller.reset()

    def _on_new_seed(self) -> None:
        seed = random.SystemRandom().randrange(1, 2**31 - 1)
        sc = self.controls.scenario.replace({"run.seed": seed})
        self.controls.set_scenario(sc)
        self.controller.reset(seed)
        self._update_title()

    def _on_person_selected(self, index: int) -> None:
        person = None if index is None or index < 0 else int(index)
        self.network.select(person)
        self.inspector.show_person(person)
        if person is not None and not self.inspector_dock.isVisible():
            self.inspector_dock.show()
        if person is not None:
            self.inspector_dock.raise_()

    def _on_scam(self, index: int) -> None:
        self.controller.scam(index)
        static = self.controller.static
        who = static.ids[index] if static is not None else index
        months = self.controls.scenario["events.scam_duration"]
        self.statusBar().showMessage(
            f"Scammed person {who}: they miss every payment for the next {months} months.", 8000)

    # ------------------------------------------------------------------ files
    def _update_title(self) -> None:
        self.setWindowTitle(f"ScoreNet - {self.controls.scenario.name}[*]")
        self.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self, "ScoreNet", f"Save the changes to \u201c{self.controls.scenario.name}\u201d?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self._on_save()
        return answer == QMessageBox.StandardButton.Discard

    def _on_open(self) -> None:
        start = str(self._path.parent) if self._path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open scenario", start, _TOML_FILTER)
        if path:
            self._open_scenario(path)

    def _open_scenario(self, name_or_path: str) -> bool:
        """Open a scenario file or preset; False if it was refused or cancelled."""
        if not self.maybe_save():
            return False
        try:
            scenario = load_scenario(name_or_path)
        except ScenarioError as exc:
            QMessageBox.critical(self, "ScoreNet", str(exc))
            return False
        self.open_loaded(scenario, Path(scenario.source))
        return True

    def open_loaded(self, scenario: Scenario, path: Path | None) -> None:
        """Run an already validated scenario; it becomes the document once it is built."""
        self._opening = (scenario, path)
        self.statusBar().showMessage(f"Opening {scenario.name}\u2026")
        self.transport.set_status("Building the network\u2026")
        self.controller.set_scenario(scenario)

    def _on_revert(self) -> None:
        if self._path is None:
            return
        try:
            scenario = load_scenario(self._path)
        except ScenarioError as exc:
            QMessageBox.critical(self, "ScoreNet", str(exc))
            return
        self.open_loaded(scenario, self._path)

    def _on_save(self) -> bool:
        if self._path is None or self._path.parent.resolve() == preset_dir().resolve():
            return self._on_save_as()   # presets ship with the app: never overwrite them
        return self._save_to(self._path)

    def _on_save_as(self) -> bool:
        start = str(self._path.parent if self._path and self._path.parent.resolve()
                    != preset_dir().resolve() else Path.home())
        name = self.controls.scenario.name or "scenario"
        path, _ = QFileDialog.getSaveFileName(self, "Save scenario as",
                                              str(Path(start) / f"{name}.toml"), _TOML_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".toml"):
            path += ".toml"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        scenario = self.controls.scenario
        try:
            save_scenario(scenario, path)
        except OSError as exc:
            QMessageBox.critical(self, "ScoreNet", f"{path}: {exc.strerror or exc}")
            return False
        self._path = path
        self._saved = scenario
        self._add_recent(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 6000)
        return True

    def _on_open_network(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open network file", str(Path.home()),
            "Graphs (*.graphml *.gexf *.gml *.txt *.csv *.edges *.edgelist);;All files (*)")
        if path:
            self.controls.apply_changes({"network.kind": "file",
                                         "network.path": str(Path(path).resolve())})
            self.statusBar().showMessage("The new network is used from the next Reset.", 8000)

    # ------------------------------------------------------------------ recent files
    def _recent(self) -> list[str]:
        value = settings().value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
        p = str(Path(path).resolve())
        items = [p] + [x for x in self._recent() if x != p]
        settings().setValue("recent", items[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = self._recent()
        for p in items:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.setStatusTip(p)
            act.triggered.connect(lambda _c=False, x=p: self._open_scenario(x))
        self.recent_menu.setEnabled(bool(items))

    # ------------------------------------------------------------------ exports
    def _ask_path(self, title: str, filters: str, default_name: str) -> Path | None:
        start = self._path.parent if self._path and self._path.parent.resolve() \
            != preset_dir().resolve() else Path.home()
        path, chosen = QFileDialog.getSaveFileName(self, title, str(start / default_name),
                                                   filters)
        if not path:
            return None
        p = Path(path)
        if not p.suffix:
            ext = chosen[chosen.find("*.") + 1:chosen.find(")")] if "*." in chosen else ""
            p = p.with_suffix(ext or ".png")
        return p

    def _base_name(self, what: str) -> str:
        frame = self.controller.frame
        step = frame.step if frame is not None else 0
        return f"{self.controls.scenario.name}-{what}-month{step}"

    def export_network_image(self, path: Path) -> Path:
        """Write the network view (with its legend and context) to ``path``."""
        self.network.flush()
        return export_figure(self.network.figure, path, annotations=self._annotations())

    def export_dashboard_image(self, path: Path) -> Path:
        self.dashboard.flush()
        return export_figure(self.dashboard.figure, path, annotations=self._annotations())

    def _annotations(self) -> dict[str, str]:
        frame = self.controller.frame
        if frame is None:
            return {"app": "ScoreNet", "scenario": self.controls.scenario.name}
        return annotation_text(frame, frame.scenario.name)

    def _export_image(self, which: str) -> None:
        if self.controller.frame is None:
            return
        self.controller.pause()
        path = self._ask_path(f"Export {which} image", _IMAGE_FILTER,
                              self._base_name(which) + ".png")
        if path is None:
            return
        writer = self.export_network_image if which == "network" else self.export_dashboard_image
        try:
            writer(path)
        except (OSError, ValueError) as exc:
            text = f"{path}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror \
                else str(exc)
            QMessageBox.critical(self, "ScoreNet", text)
            return
        self.statusBar().showMessage(f"Exported {path}", 6000)

    def _on_export_network(self) -> None:
        self._export_image("network")

    def _on_export_dashboard(self) -> None:
        self._export_image("dashboard")

    def export_metrics(self, path: Path) -> None:
        """The metrics history so far, exactly as ``scorenet run --metrics-out`` writes it."""
        export_metrics_csv(self.controller.frame.history, path)

    def export_people(self, path: Path, on_done=None) -> None:
        """The per-person table at the current step (computed in the worker)."""
        def done(_result) -> None:
            self.statusBar().showMessage(f"Exported {path}", 6000)
            if on_done is not None:
                on_done(path)

        self.controller.call_in_worker(
            write_people_csv, done, lambda msg: QMessageBox.critical(self, "ScoreNet", msg),
            args=(str(path),))

    def _on_export_metrics(self) -> None:
        if self.controller.frame is None:
            return
        self.controller.pause()
        path = self._ask_path("Export metrics", _CSV_FILTER, self._base_name("metrics") + ".csv")
        if path is None:
            return
        try:
            self.export_metrics(path)
        except OSError as exc:
            QMessageBox.critical(self, "ScoreNet", f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(f"Exported {path}", 6000)

    def _on_export_people(self) -> None:
        if self.controller.frame is None:
            return
        self.controller.pause()
        path = self._ask_path("Export people", _CSV_FILTER, self._base_name("people") + ".csv")
        if path is not None:
            self.export_people(path)

    # ------------------------------------------------------------------ help and closing
    def _on_about(self) -> None:
        QMessageBox.about(self, "About ScoreNet", ABOUT_HTML)

    def _on_model_help(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, "The model in brief", MODEL_HTML,
                          QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.maybe_save():
            event.ignore()
            return
        self._closing = True
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
