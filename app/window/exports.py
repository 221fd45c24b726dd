"""The main window's exports: the network or the dashboard as an image, the metrics and
the people as CSV tables.

Images carry their context drawn in (:func:`app.window.export.annotation_text`); the metrics
CSV is byte for byte what ``scorenet run --metrics-out`` writes; the people table is
computed where the model lives. :class:`ExportsMixin` is mixed into
:class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.picture.caption import SettingChange
from app.picture.scene import PictureFrame
from app.process.tables import (export_metrics_csv, write_network_file, write_people_csv,
                                write_people_over_time)
from app.window.export import (annotation_text, export_figure, export_figure_slide,
                               export_network_slide)
from app.window.files import settings
from models.history import write_changes_csv
from models.schema import FIELD_BY_NAME

from app.common.i18n import QT_TRANSLATE_NOOP, tr_data, translate

__all__ = ["ExportsMixin"]

#: Image choices: a slide (16:9, 1920x1080) first, then the view's own size.
SLIDE = QT_TRANSLATE_NOOP("exports", "Slide (16:9, 1920x1080)")
_IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "exports", "Slide (16:9, 1920x1080) PNG (*.png);;Slide (16:9, 1920x1080) SVG (*.svg);;"
    "PNG image, as on screen (*.png);;SVG image, as on screen (*.svg);;PDF document, as on "
    "screen (*.pdf)")
_CSV_FILTER = QT_TRANSLATE_NOOP("exports", "CSV table (*.csv)")
_TABLE_FILTER = QT_TRANSLATE_NOOP("exports", "CSV table (*.csv);;Parquet table (*.parquet)")
_GRAPH_FILTER = QT_TRANSLATE_NOOP(
    "exports", "GEXF for Gephi (*.gexf);;GraphML for networkx and igraph (*.graphml)")


class ExportsMixin:
    """Export commands and their dialogs for :class:`~app.window.main_window.MainWindow`."""

    def _export_path(self, title: str, filters: str, what: str, suffix: str) -> Path | None:
        """Pause and ask where to write ``what``; None before the first frame or when the
        user cancels. A name typed without a suffix gets the chosen filter's."""
        if self.controller.frame is None:
            return None
        self.controller.pause()
        folder = self.export_folder()
        default = folder / f"{self._base_name(what)}{suffix}"
        path, chosen = QFileDialog.getSaveFileName(self, title, str(default),
                                                   tr_data("exports", filters))
        if not path:
            return None
        p = Path(path)
        self._chosen_filter = chosen or ""
        settings().setValue("export_folder", str(p.parent))
        if not p.suffix:
            ext = chosen[chosen.find("*.") + 1:chosen.find(")")] if "*." in chosen else ""
            p = p.with_suffix(ext or ".png")
        return p

    def export_folder(self) -> Path:
        """Where export dialogs start: the last folder exported to (remembered across
        sessions), else the scenario's folder."""
        last = settings().value("export_folder")
        if last and Path(str(last)).is_dir():
            return Path(str(last))
        return self._save_folder()

    def _base_name(self, what: str) -> str:
        frame = self.controller.frame
        step = frame.step if frame is not None else 0
        return f"{self.scenario.name}-{what}-month{step}"

    def export_network_image(self, path: Path, slide: bool = False) -> Path:
        """Write the network to ``path``: as on screen (with its legend and context), or
        on a 16:9 slide as ``scorenet render`` draws it (``slide``)."""
        self.network.flush()
        picture = self._picture_frame() if slide else None
        if picture is not None:
            return export_network_slide(picture, path,
                                        [SettingChange(*c) for c in self.run_changes])
        if slide:   # no layout yet: the view itself, on a slide
            return export_figure_slide(self.network.figure, path,
                                       annotations=self._annotations())
        return export_figure(self.network.figure, path, annotations=self._annotations())

    def _picture_frame(self) -> PictureFrame | None:
        """The month shown, as app.picture draws it (None before the first layout)."""
        frame, static, pos = self.shown_frame, self.controller.static, self.network.positions
        if frame is None or static is None or pos is None or len(pos) != frame.scores.size:
            return None
        return PictureFrame(
            month=int(frame.step), positions=pos, scores=frame.scores, status=frame.status,
            opted_out=static.opted_out, friend_edges=frame.friend_edges,
            dating_edges=frame.dating_edges, scenario=frame.scenario,
            scammed=frame.scammed, was_scammed=frame.was_scammed)

    def export_dashboard_image(self, path: Path, slide: bool = False) -> Path:
        self.dashboard.flush()
        if slide:
            return export_figure_slide(self.dashboard.figure, path,
                                       annotations=self._annotations())
        return export_figure(self.dashboard.figure, path, annotations=self._annotations())

    def _annotations(self) -> dict[str, str]:
        frame = self.shown_frame
        if frame is None:
            return {"app": "ScoreNet", "scenario": self.scenario.name}
        return annotation_text(frame, frame.scenario.name, self.run_changes)

    def _export_image(self, which: str) -> None:
        title = (translate("exports", "Export network image") if which == "network"
                else translate("exports", "Export dashboard image"))
        path = self._export_path(title, _IMAGE_FILTER, which, ".png")
        if path is None:
            return
        writer = self.export_network_image if which == "network" else self.export_dashboard_image
        try:
            writer(path, slide=self._chosen_filter.startswith(tr_data("exports", SLIDE)))
        except (OSError, ValueError) as exc:
            text = f"{path}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror \
                else str(exc)
            QMessageBox.critical(self, translate("exports", "ScoreNet"), text)
            return
        self.statusBar().showMessage(translate("exports", "Exported {path}").format(path=path), 6000)

    def _on_export_network(self) -> None:
        self._export_image("network")

    def _on_export_dashboard(self) -> None:
        self._export_image("dashboard")

    def export_metrics(self, path: Path) -> None:
        """The metrics history so far, exactly as ``scorenet run --metrics-out`` writes it."""
        export_metrics_csv(self.controller.frame.history, path)
        write_changes_csv(path, self.run_changes)

    def export_people(self, path: Path, on_done=None) -> None:
        """The per-person table at the current step (computed in the worker)."""
        def done(_result) -> None:
            self.statusBar().showMessage(translate("exports", "Exported {path}").format(path=path), 6000)
            if on_done is not None:
                on_done(path)

        self.controller.call_in_worker(
            write_people_csv, done, lambda msg: QMessageBox.critical(self, translate("exports", "ScoreNet"), msg),
            args=(str(path),))

    def _on_export_metrics(self) -> None:
        path = self._export_path(translate("exports", "Export metrics"), _CSV_FILTER, "metrics", ".csv")
        if path is None:
            return
        try:
            self.export_metrics(path)
        except OSError as exc:
            QMessageBox.critical(self, translate("exports", "ScoreNet"), f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(translate("exports", "Exported {path}").format(path=path), 6000)

    def _on_export_people(self) -> None:
        path = self._export_path(translate("exports", "Export people"), _CSV_FILTER, "people", ".csv")
        if path is not None:
            self.export_people(path)

    def _in_worker(self, fn, path: Path, on_done=None) -> None:
        """Run ``fn(sim, path)`` where the model lives; report in the status bar."""
        def done(_result) -> None:
            self.statusBar().showMessage(translate("exports", "Exported {path}").format(path=path), 6000)
            if on_done is not None:
                on_done(path)

        self.controller.call_in_worker(
            fn, done, lambda msg: QMessageBox.critical(self, translate("exports", "ScoreNet"), f"{path}: {msg}"),
            args=(str(path),))

    def export_network_file(self, path: Path, on_done=None) -> None:
        """The network now, as ``scorenet run --graph-out`` writes it (GEXF or GraphML)."""
        self._in_worker(write_network_file, path, on_done)

    def export_people_over_time(self, path: Path, on_done=None) -> None:
        """One row per person and month so far, as ``scorenet run --people-out`` writes it."""
        self._in_worker(write_people_over_time, path, on_done)

    def _on_export_network_file(self) -> None:
        path = self._export_path(translate("exports", "Export network"), _GRAPH_FILTER, "network", ".gexf")
        if path is not None:
            self.export_network_file(path)

    def note_run_edit(self, changes: dict | None = None) -> None:
        """A live setting changed after month 0 (``changes``), or someone was scammed by
        hand (None): this run's past months can no longer be replayed from its seed."""
        frame = self.controller.frame
        if changes is None or (frame is not None and frame.step > 0 and any(
                not FIELD_BY_NAME[k].rebuild for k in changes if k in FIELD_BY_NAME)):
            self.replay_spoiled = True

    def _ask_for_reset(self) -> bool:
        """True when people over time can be exported; else ask for a Reset (and do it)."""
        if not getattr(self, "replay_spoiled", False):
            return True
        self.controller.pause()
        answer = QMessageBox.question(
            self, translate("exports", "Export people over time"),
            translate("exports", "People over time are replayed from month 0 with the same seed, but settings "
            "were changed or someone was scammed by hand during this run, so its past "
            "months cannot be replayed.\n\nReset now and run again to export them?"),
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Reset:
            self.controller.reset()
        return False

    def _on_export_people_over_time(self) -> None:
        if not self._ask_for_reset():
            return
        path = self._export_path(translate("exports", "Export people over time"), _TABLE_FILTER, "people-over-time",
                                 ".csv")
        if path is not None:
            self.export_people_over_time(path)
