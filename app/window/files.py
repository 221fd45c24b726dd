"""The main window's document: open, save, revert, the recent files and the settings.

The document is the scenario the model reports (:attr:`SimController.scenario
<app.controller.sim_controller.SimController.scenario>`, edits waiting for the model's
answer aside), the file it came from and the last saved state, which decide the "*" in the title and the save prompt. A scenario
that is opened becomes the document only once the model has built it (see
``MainWindow._on_scenario_changed``), so a file that fails leaves the previous one in
place. Presets ship with the app: they are never overwritten and never listed as recent.
:class:`FilesMixin` is mixed into :class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.common.settings import settings
from app.controls.field_editors import GRAPH_FILE_FILTER
from models.errors import ScenarioError
from models.scenario import Scenario, load_scenario, preset_dir, save_scenario
from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate

__all__ = ["FilesMixin", "settings", "MAX_RECENT"]

MAX_RECENT = 8
_TOML_FILTER = QT_TRANSLATE_NOOP("files", "ScoreNet scenario (*.toml *.scorenet);;All files (*)")
_BUNDLE_FILTER = QT_TRANSLATE_NOOP("files", "ScoreNet bundle (*.scorenet)")


def _same_scenario(a: Scenario, b: Scenario) -> bool:
    """Equal values; a graph path counts as equal when it names the same file."""
    if a == b:
        return True
    ga, gb = a.graph_path(), b.graph_path()
    if ga is None or gb is None or ga.resolve() != gb.resolve():
        return False
    return a.replace({"network.path": "x"}) == b.replace({"network.path": "x"})


def _is_preset(path: Path | None) -> bool:
    return path is not None and path.parent.resolve() == preset_dir().resolve()


class FilesMixin:
    """Open, save and recent files for :class:`~app.window.main_window.MainWindow`."""

    def is_modified(self) -> bool:
        # An edit on its way to the model counts: the title says so at once.
        return self.controls.editing or not _same_scenario(self.scenario, self._saved)

    def _save_folder(self) -> Path:
        """Where file dialogs start: the scenario's folder, or home for a preset."""
        return self._path.parent if self._path and not _is_preset(self._path) else Path.home()

    def _update_title(self, opening: Scenario | None = None) -> None:
        """The document's name, or ``opening``'s: the scenario opened in place of one
        that failed, named at once (the document changes only once it is built)."""
        self.setWindowTitle(translate("files", "ScoreNet - {name}[*]").format(
            name=tr_data("presets", (opening or self.scenario).name)))
        self.setWindowModified(opening is None and self.is_modified())

    def _on_scenario_changed(self, scenario: Scenario) -> None:
        opening = self._opening
        # Compared by value: the scenario may have crossed to the model process and back.
        if opening is None or scenario != opening[0]:
            self.controls.set_scenario(scenario)   # the model's answer to the edits
            self._update_title()
            return
        # The scenario just opened is running: it becomes the document.
        self._opening = None
        self._path = opening[1]
        saved = opening[2] if opening[2] is not None else scenario
        self._saved = saved
        self.controls.set_scenario(scenario)
        self.controls.set_baseline(saved)
        if self._path is not None and not _is_preset(self._path):
            self._add_recent(self._path)
        self._update_title()
        before, self._before_open = self._before_open, None
        if before is not None:
            self.record_open(before, (scenario, self._path, saved))

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        self.controller.settle()
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self, translate("files", "ScoreNet"),
            translate("files", "Save the changes to \u201c{name}\u201d?").format(
                name=tr_data("presets", self.scenario.name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self._on_save()
        return answer == QMessageBox.StandardButton.Discard

    def _on_open(self) -> None:
        start = str(self._path.parent) if self._path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, translate("files", "Open scenario"), start,
                                              tr_data("files", _TOML_FILTER))
        if path:
            self._open_scenario(path)

    def _open_scenario(self, name_or_path: str) -> bool:
        """Open a scenario file or preset; False if it was refused or cancelled."""
        if not self.maybe_save():
            return False
        try:
            scenario = load_scenario(name_or_path)
        except ScenarioError as exc:
            QMessageBox.critical(self, translate("files", "ScoreNet"), str(exc))
            return False
        self.open_loaded(scenario, Path(scenario.source))
        return True

    def open_loaded(self, scenario: Scenario, path: Path | None,
                    saved: Scenario | None = None) -> None:
        """Run an already validated scenario; it becomes the document once it is built.

        ``saved`` is its saved state when that differs (an undo reopening a scenario
        with unsaved edits); by default the scenario is as saved.
        """
        self._opening = (scenario, path, saved)
        self._before_open = None if self._replaying else (
            self.controls.scenario, self._path, self._saved)
        self.statusBar().showMessage(translate("files", "Opening {name}\u2026").format(
            name=tr_data("presets", scenario.name)))
        self.transport.set_status(translate("files", "Building the network\u2026"))
        self.controller.set_scenario(scenario)

    def _on_revert(self) -> None:
        if self._path is None:
            return
        try:
            scenario = load_scenario(self._path)
        except ScenarioError as exc:
            QMessageBox.critical(self, translate("files", "ScoreNet"), str(exc))
            return
        self.open_loaded(scenario, self._path)

    def _on_save(self) -> bool:
        if self._path is None or _is_preset(self._path):
            return self._on_save_as()   # presets ship with the app: never overwrite them
        return self._save_to(self._path)

    def _on_save_as(self) -> bool:
        name = self.scenario.name or "scenario"
        path, _ = QFileDialog.getSaveFileName(self, translate("files", "Save scenario as"),
                                              str(self._save_folder() / f"{name}.toml"),
                                              tr_data("files", _TOML_FILTER))
        if not path:
            return False
        if not path.lower().endswith(".toml"):
            path += ".toml"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self.controller.settle()   # the edits still on their way are saved too
        scenario = self.scenario
        try:
            save_scenario(scenario, path)
        except OSError as exc:
            QMessageBox.critical(self, translate("files", "ScoreNet"), f"{path}: {exc.strerror or exc}")
            return False
        self._path = path
        self._saved = scenario
        self.controls.set_baseline(scenario)
        self._add_recent(path)
        self._update_title()
        self.statusBar().showMessage(translate("files", "Saved {path}").format(path=path), 6000)
        return True

    def save_bundle(self, path: Path) -> None:
        """Write the document's scenario and its network file as one bundle."""
        from models.io.bundle import save_bundle

        self.controller.settle()   # the edits still on their way are saved too
        save_bundle(self.scenario, path)

    def _on_save_bundle(self) -> None:
        start = self._save_folder() / f"{self.scenario.name}.scorenet"
        path, _ = QFileDialog.getSaveFileName(self, translate("files", "Save as bundle"), str(start),
                                              tr_data("files", _BUNDLE_FILTER))
        if not path:
            return
        p = Path(path) if Path(path).suffix else Path(path).with_suffix(".scorenet")
        try:
            self.save_bundle(p)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(self, translate("files", "ScoreNet"), f"{p}: {getattr(exc, 'strerror', None) or exc}")
            return
        self.statusBar().showMessage(translate("files", "Saved bundle {path}").format(path=p), 6000)

    def _on_open_network(self) -> None:
        start = settings().value("network_folder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self, translate("files", "Open network file"), str(start),
            tr_data("field_editors", GRAPH_FILE_FILTER))
        if not path:
            return
        settings().setValue("network_folder", str(Path(path).parent))
        # Checked before resolve(), which raises on a symbolic link loop or a NUL: the
        # same one-line refusal as the CLI's --graph.
        from models.errors import printable
        from models.io.special import special_file_problem

        problem = special_file_problem(Path(path))
        if problem:
            self._refuse_network(f"{printable(path, limit=200)}: {problem}")
            return
        self.use_network_file(Path(path).resolve())

    def _refuse_network(self, message: str) -> None:
        QMessageBox.critical(self, translate("files", "ScoreNet"), message + "\n\n"
                             + translate("files", "The network is unchanged."))

    def use_network_file(self, path: Path) -> None:
        """Read ``path`` where the model lives; use it from the next Reset only if it reads.

        A file that does not parse is refused with its one-line error and the network
        stays as it was (it used to be accepted and then fail every Reset).
        """
        from app.process.checks import read_graph_size

        def accept(size) -> None:
            n, m, notes = size
            self.controls.apply_changes({"network.kind": "file", "network.path": str(path)})
            # What reading changed (dropped self-loops, merged ties) is said, as the CLI
            # does on stderr, so an analyst knows the network is not byte for byte theirs.
            changed = (translate("files", " Reading it: {notes}.").format(notes="; ".join(notes))
                       if notes else "")
            self.statusBar().showMessage(
                translate("files", "{file}: {n:,} people, {m:,} friendships; used from the "
                          "next Reset.").format(file=path.name, n=n, m=m) + changed, 12000)

        self.controller.call_in_worker(read_graph_size, accept, self._refuse_network,
                                       args=(str(path),))

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
