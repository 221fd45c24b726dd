"""The main window's commands: one QAction each, and the menus that show them.

The same action serves the menu, the keyboard shortcut and (for Play, Step and Reset)
the transport bar's button, so the three never disagree. :class:`MenusMixin` is mixed
into :class:`~app.window.main_window.MainWindow`, whose slots the actions call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

import textwrap

from models.errors import ScenarioError
from models.scenario import load_scenario, preset_names, preset_title

__all__ = ["MenusMixin"]


def preset_action_text(name: str, width: int = 64) -> tuple[str, str]:
    """The preset menu's line (the title, then the start of the description) and the
    whole description."""
    try:
        about = load_scenario(name)["about.description"]
    except ScenarioError:
        return preset_title(name), ""
    short = textwrap.shorten(about, width, placeholder="\u2026") if about else ""
    return (f"{preset_title(name)}  \u2014  {short}" if short else preset_title(name)), about


class MenusMixin:
    """Builds the main window's actions and menu bar. Mixed into
    :class:`~app.window.main_window.MainWindow`."""

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
        self.act_export_animation = a("Export &animation\u2026",
                                      self._on_export_animation,
                                      tip="Months a to b of the timeline as a video (MP4), "
                                          "an animated GIF, or the last month as PNG/SVG, "
                                          "sized for a slide.")
        self.act_export_metrics = a("Export &metrics CSV\u2026", self._on_export_metrics)
        self.act_export_people = a("Export &people CSV\u2026", self._on_export_people)
        self.act_export_graph = a(
            "Export net&work (GEXF/GraphML)\u2026", self._on_export_network_file,
            tip="The friendships and dates now, each person's score, status, group and "
                "community on the nodes: for Gephi (GEXF) or networkx and igraph (GraphML).")
        self.act_export_people_time = a(
            "Export people &over time\u2026", self._on_export_people_over_time,
            tip="One row per person and month so far: score, status, friends, community "
                "(CSV or Parquet).")
        self.act_save_bundle = a(
            "Save as &bundle\u2026", self._on_save_bundle,
            tip="One shareable file with the scenario and its network file; scorenet run "
                "and Open scenario read it.")
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
        self.act_relayout = a("Re-layout by current friendships", self._on_relayout,
                              "Ctrl+L", tip="Arrange the people again by who is friends "
                              "with whom now: clusters formed by rewiring show.")
        self.act_compare = a("&Compare with rubric B\u2026", self._on_compare, "Ctrl+B",
                             tip="Run a second rubric beside this one on the same people, "
                                 "network and seed.")
        self.act_stop_compare = a("Stop comparing", lambda: self.stop_compare())
        self.act_stop_compare.setEnabled(False)
        self.act_fit = a("Fit network in view", self.network.reset_view, "Ctrl+0")
        self.act_ties = a("Show friendships", self.network.set_show_ties)
        self.act_dating = a("Show dating ties", self.network.set_show_dating)
        for act in (self.act_ties, self.act_dating):
            act.setCheckable(True)
            act.setChecked(True)
        self.act_freeze = a("Freeze layout", self._on_freeze_layout,
                            tip="Keep everyone where they are while the run plays (the "
                                "layout no longer follows the friendships).")
        self.act_freeze.setCheckable(True)
        self.act_timeline_memory = a(
            "Timeline memory…", self._on_timeline_memory,
            tip="How much memory the timeline of the run may take; past it the oldest "
                "months are dropped.")
        self.act_about = a("&About ScoreNet", self._on_about)
        self.act_model = a("The &model in brief", self._on_model_help, "F1")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self.act_open)
        self.presets_menu = file.addMenu("&Presets")
        self.presets_menu.setToolTipsVisible(True)
        for name in preset_names():
            text, about = preset_action_text(name)
            act = self.presets_menu.addAction(text.replace("&", "&&"))
            act.setToolTip(about or name)
            act.setStatusTip(about)
            act.triggered.connect(lambda _c=False, n=name: self._open_scenario(n))
        self.recent_menu = file.addMenu("Open &recent")
        self._update_recent_menu()
        file.addSeparator()
        for act in (self.act_save, self.act_save_as, self.act_save_bundle, self.act_revert):
            file.addAction(act)
        file.addSeparator()
        file.addAction(self.act_network_file)
        file.addSeparator()
        for act in (self.act_export_network, self.act_export_dashboard,
                    self.act_export_animation, self.act_export_metrics,
                    self.act_export_people, self.act_export_graph,
                    self.act_export_people_time):
            file.addAction(act)
        file.addSeparator()
        file.addAction(self.act_quit)
        self._build_edit_menu(bar)
        sim = bar.addMenu("&Simulation")
        for act in (self.act_play, self.act_step, self.act_reset, self.act_new_seed):
            sim.addAction(act)
        sim.addSeparator()
        sim.addAction(self.act_relayout)
        sim.addAction(self.act_freeze)
        sim.addAction(self.act_timeline_memory)
        sim.addSeparator()
        sim.addAction(self.act_compare)
        sim.addAction(self.act_stop_compare)
        self.sim_menu = sim
        view = bar.addMenu("&View")
        for act in (self.act_fit, self.act_ties, self.act_dating, self.act_freeze):
            view.addAction(act)
        self.view_menu = view
        self._build_lesson_menu(bar)
        help_ = bar.addMenu("&Help")
        help_.addAction(self.act_model)
        help_.addAction(self.act_about)
