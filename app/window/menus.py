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
from app.common.i18n import tr_data, translate
from app.common.language import LANGUAGES

__all__ = ["MenusMixin"]


def preset_action_text(name: str, width: int = 64) -> tuple[str, str]:
    """The preset menu's line (the title, then the start of the description) and the
    whole description."""
    title = tr_data("presets", preset_title(name))
    try:
        about = tr_data("presets", load_scenario(name)["about.description"])
    except ScenarioError:
        return title, ""
    short = textwrap.shorten(about, width, placeholder="\u2026") if about else ""
    return (f"{title}  \u2014  {short}" if short else title), about


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
        self.act_open = a(translate("menus", "&Open scenario\u2026"), self._on_open, QKeySequence.StandardKey.Open)
        self.act_save = a(translate("menus", "&Save"), self._on_save, QKeySequence.StandardKey.Save)
        self.act_save_as = a(translate("menus", "Save &as\u2026"), self._on_save_as, "Ctrl+Shift+S")
        self.act_revert = a(translate("menus", "Re&vert to saved"), self._on_revert,
                            tip=translate("menus", "Forget the changes since the scenario was opened or saved."))
        self.act_network_file = a(translate("menus", "Open &network file\u2026"), self._on_open_network,
                                  tip=translate("menus", "Use a graph file (GraphML, GEXF, GML, edge list); "
                                      "applies on Reset."))
        self.act_export_network = a(translate("menus", "Export network &image\u2026"), self._on_export_network)
        self.act_export_dashboard = a(translate("menus", "Export &dashboard image\u2026"),
                                      self._on_export_dashboard)
        self.act_export_animation = a(translate("menus", "Export &animation\u2026"),
                                      self._on_export_animation,
                                      tip=translate("menus", "Months a to b of the timeline as a video (MP4), "
                                          "an animated GIF, or the last month as PNG/SVG, "
                                          "sized for a slide."))
        self.act_export_metrics = a(translate("menus", "Export &metrics CSV\u2026"), self._on_export_metrics)
        self.act_export_people = a(translate("menus", "Export &people CSV\u2026"), self._on_export_people)
        self.act_export_graph = a(
            translate("menus", "Export net&work (GEXF/GraphML)\u2026"), self._on_export_network_file,
            tip=translate("menus", "The friendships and dates now, each person's score, status, group and "
                "community on the nodes: for Gephi (GEXF) or networkx and igraph (GraphML)."))
        self.act_export_people_time = a(
            translate("menus", "Export people &over time\u2026"), self._on_export_people_over_time,
            tip=translate("menus", "One row per person and month so far: score, status, friends, community "
                "(CSV or Parquet)."))
        self.act_save_bundle = a(
            translate("menus", "Save as &bundle\u2026"), self._on_save_bundle,
            tip=translate("menus", "One shareable file with the scenario and its network file; scorenet run "
                "and Open scenario read it."))
        self.act_quit = a(translate("menus", "&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_play = a(translate("menus", "Play"), self.controller.toggle_play, Qt.Key.Key_Space,
                          translate("menus", "Play or pause (Space)"), sp.SP_MediaPlay)
        self.act_step = a(translate("menus", "Step"), self.controller.step_once, Qt.Key.Key_Right,
                          translate("menus", "One month (Right arrow)"), sp.SP_MediaSeekForward)
        self.act_reset = a(translate("menus", "Reset"), self._on_reset, "Ctrl+R",
                           translate("menus", "Start again at month 0 with the same seed (Ctrl+R)"),
                           sp.SP_BrowserReload)
        self.act_new_seed = a(translate("menus", "New seed"), self._on_new_seed, "Ctrl+Shift+R",
                              translate("menus", "Start again with a fresh random seed"))
        self.act_relayout = a(translate("menus", "Re-layout by current friendships"), self._on_relayout,
                              "Ctrl+L", tip=translate("menus", "Arrange the people again by who is friends "
                              "with whom now: clusters formed by rewiring show."))
        self.act_compare = a(translate("menus", "&Compare with rubric B\u2026"), self._on_compare, "Ctrl+B",
                             tip=translate("menus", "Run a second rubric beside this one on the same people, "
                                 "network and seed."))
        self.act_stop_compare = a(translate("menus", "Stop comparing"), lambda: self.stop_compare())
        self.act_stop_compare.setEnabled(False)
        self.act_fit = a(translate("menus", "Fit network in view"), self.network.reset_view, "Ctrl+0")
        self.act_ties = a(translate("menus", "Show friendships"), self.network.set_show_ties)
        self.act_dating = a(translate("menus", "Show dating ties"), self.network.set_show_dating)
        for act in (self.act_ties, self.act_dating):
            act.setCheckable(True)
            act.setChecked(True)
        self.act_freeze = a(translate("menus", "Freeze layout"), self._on_freeze_layout,
                            tip=translate("menus", "Keep everyone where they are while the run plays (the "
                                "layout no longer follows the friendships)."))
        self.act_freeze.setCheckable(True)
        self.act_timeline_memory = a(
            translate("menus", "Timeline memory…"), self._on_timeline_memory,
            tip=translate("menus", "How much memory the timeline of the run may take; past it the oldest "
                "months are dropped."))
        self.act_about = a(translate("menus", "&About ScoreNet"), self._on_about)
        self.act_model = a(translate("menus", "The &model in brief"), self._on_model_help, "F1")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(translate("menus", "&File"))
        file.addAction(self.act_open)
        self.presets_menu = file.addMenu(translate("menus", "&Presets"))
        self.presets_menu.setToolTipsVisible(True)
        for name in preset_names():
            text, about = preset_action_text(name)
            act = self.presets_menu.addAction(text.replace("&", "&&"))
            act.setToolTip(about or name)
            act.setStatusTip(about)
            act.triggered.connect(lambda _c=False, n=name: self._open_scenario(n))
        self.recent_menu = file.addMenu(translate("menus", "Open &recent"))
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
        sim = bar.addMenu(translate("menus", "&Simulation"))
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
        view = bar.addMenu(translate("menus", "&View"))
        for act in (self.act_fit, self.act_ties, self.act_dating, self.act_freeze):
            view.addAction(act)
        self._build_language_menu(view)
        self.view_menu = view
        self._build_lesson_menu(bar)
        help_ = bar.addMenu(translate("menus", "&Help"))
        help_.addAction(self.act_model)
        help_.addAction(self.act_about)

    def _build_language_menu(self, view) -> None:
        """View > Language: the system's, English or 简体中文, remembered; the window
        builds its text once, so the choice takes effect after a restart (said so)."""
        from PySide6.QtGui import QActionGroup

        from app.common.i18n import saved_language

        menu = view.addMenu(translate("menus", "&Language"))
        menu.setToolTipsVisible(True)
        group = QActionGroup(menu)
        chosen = saved_language()
        for code, label in (("", translate("menus", "System language")), *LANGUAGES.items()):
            act = menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == chosen)
            act.setStatusTip(translate("menus", "Takes effect after a restart."))
            act.setData(code)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, c=code: self._on_language(c))
        self.language_menu = menu

    def _on_language(self, code: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app.common.i18n import save_language

        save_language(code)
        QMessageBox.information(
            self, translate("menus", "Language"),
            translate("menus", "The new language shows the next time ScoreNet starts."))
