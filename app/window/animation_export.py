"""File > Export animation: months a to b of the timeline as MP4, GIF, PNG or SVG.

The months come from the timeline the model process keeps (``ModelHost.pictures``: the
kept scores, status, ties, who opted out and the positions the living layout had, no
re-simulation), asked for a chunk at a time between two steps, so the window never holds
more than a few chunks. :func:`app.picture.movie.write_movie` (the picture of ``scorenet
render``: legend, caption in plain words naming the settings changed during the run)
draws them in a Python thread: matplotlib's Agg draws into a figure of its own there and
the window stays live. From month a to month b is ``b - a`` months and ``b - a + 1``
frames. A progress dialog shows the frames drawn; Cancel stops at the next frame and
leaves no file, as does a Reset during the export. :class:`AnimationExportMixin` is mixed
into :class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QMessageBox, QProgressDialog, QSpinBox)
from app.common.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["AnimationExportMixin", "ANIMATION_FILTER", "RangeDialog", "CHUNK"]

ANIMATION_FILTER = QT_TRANSLATE_NOOP(
    "animation_export", "MP4 video (*.mp4);;Animated GIF (*.gif);;PNG image, last month "
    "(*.png);;SVG image, last month (*.svg)")

#: Months asked of the model process at a time (at most two chunks wait to be drawn).
CHUNK = 12

_END = object()   # no more frames


class _Stopped(Exception):
    """Cancel or a failure while waiting for frames: nothing is written."""


class _Job:
    """One export: frames arrive in a queue from the GUI thread, a thread draws them."""

    def __init__(self, path: Path, size: tuple[int, int] | None, months: tuple[int, int],
                 run: int) -> None:
        self.path, self.size, self.months, self.run = path, size, months, run
        self.total = months[1] - months[0] + 1
        self.done = 0
        self.stop = False
        self.error: str | None = None
        self.written = 0
        self.finished = False
        self.next_month = months[0]   # the next month to ask for
        self.asking = False
        self.frames: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="scorenet-export", daemon=True)

    def _incoming(self):
        """The frames as they arrive, until the last one, an error or Cancel."""
        while True:
            try:
                item = self.frames.get(timeout=0.1)
            except queue.Empty:
                if self.stop:
                    raise _Stopped from None   # the file in progress is removed
                continue
            if item is _END:
                if self.stop:   # stopped after the last frame was drawn: still no file
                    raise _Stopped
                return
            yield [item]

    def _run(self) -> None:
        from app.picture.movie import movie_size, write_movie

        try:
            self.written = write_movie(
                self._incoming(), self.path, total=self.total,
                size=self.size or movie_size(self.path), progress=self._progress,
                should_stop=lambda: self.stop)
        except _Stopped:
            self.written = 0
        except OSError as exc:
            self.error = f"{exc.filename or self.path}: {exc.strerror or exc}"
        except Exception as exc:  # noqa: BLE001 - shown in a dialog, never a crash
            import traceback

            traceback.print_exception(exc)
            self.error = translate("animation_export", "Internal error while drawing: "
                                   "{kind}: {text}").format(kind=type(exc).__name__, text=exc)
        finally:
            self.finished = True

    def _progress(self, done: int, _total: int) -> None:
        self.done = done

    def fail(self, message: str) -> None:
        """Stop with ``message`` (the frames could not be had): no file is written."""
        self.error = message
        self.stop = True


class RangeDialog(QDialog):
    """From month a to month b, within the months the timeline keeps."""

    def __init__(self, first: int, last: int, shown: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("animation_export", "Export animation"))
        form = QFormLayout(self)
        form.addRow(QLabel(translate("animation_export", "The timeline keeps months {first} to "
                                     "{last}.").format(first=first, last=last), self))
        self.start = QSpinBox(self)
        self.end = QSpinBox(self)
        for box in (self.start, self.end):
            box.setRange(first, last)
        self.start.setValue(first)
        self.end.setValue(last if shown >= last else max(shown, first))
        form.addRow(translate("animation_export", "From month"), self.start)
        form.addRow(translate("animation_export", "To month"), self.end)
        self.count = QLabel(self)
        form.addRow(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        for box in (self.start, self.end):
            box.valueChanged.connect(self._update)
        self._update()

    def months(self) -> tuple[int, int]:
        return self.start.value(), self.end.value()

    def _update(self) -> None:
        a, b = self.months()
        self.ok.setEnabled(a <= b)
        self.count.setText(translate("animation_export", "{n} frames").format(n=b - a + 1)
                           if a <= b
                           else translate("animation_export", "The first month must not come after the last."))


class AnimationExportMixin:
    """The Export animation command. Mixed into the main window."""

    def _on_export_animation(self) -> None:
        if self.controller.frame is None:
            return
        self.controller.pause()
        first, last = self.scrubber.first, self.scrubber.last
        dialog = RangeDialog(first, last, self.shown_frame.step, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = self._export_path(translate("animation_export", "Export animation"),
                                 ANIMATION_FILTER, "animation", ".mp4")
        if path is not None:
            self.export_animation(path, months=dialog.months())

    def export_animation(self, path: Path, size: tuple[int, int] | None = None,
                         on_done=None, months: tuple[int, int] | None = None) -> _Job | None:
        """Draw months ``a..b`` of the timeline (default: all kept) into ``path`` in the
        background (a progress dialog with Cancel). ``on_done(job)`` is called on the
        GUI thread when it ends."""
        if self.controller.frame is None:
            return None
        a, b = months if months is not None else (self.scrubber.first, self.scrubber.last)
        if a > b:
            return None
        job = _Job(Path(path), size, (int(a), int(b)), self._run_id)
        dialog = QProgressDialog(
            translate("animation_export", "Drawing months {a}-{b} ({n} frames) into {file}\u2026")
            .format(a=a, b=b, n=job.total, file=Path(path).name),
            translate("animation_export", "Cancel"), 0, job.total, self)
        dialog.setWindowTitle(translate("animation_export", "Export animation"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(lambda: setattr(job, "stop", True))
        timer = QTimer(self)
        timer.setInterval(100)

        def poll() -> None:
            if self._run_id != job.run and not job.stop:
                job.fail(translate("animation_export",
                                   "The run was reset during the export: no file written."))
            if not job.finished:
                self._ask_frames(job)
                dialog.setValue(min(job.done, job.total - 1))
                return
            timer.stop()
            dialog.reset()
            dialog.deleteLater()
            self._animation_done(job)
            if on_done is not None:
                on_done(job)

        timer.timeout.connect(poll)
        self._export_job = job   # the window keeps it alive
        job.thread.start()
        self._ask_frames(job)
        timer.start()
        return job

    def _ask_frames(self, job: _Job) -> None:
        """Ask the model process for the next chunk, unless enough wait to be drawn."""
        a, b = job.months
        if job.asking or job.stop or job.next_month > b or job.frames.qsize() >= 2 * CHUNK:
            return
        lo, hi = job.next_month, min(job.next_month + CHUNK - 1, b)
        job.asking = True

        def got(frames) -> None:
            from app.picture.scene import PictureFrame

            job.asking = False
            for fields in frames:
                job.frames.put(PictureFrame(**fields))
            job.next_month = hi + 1
            if job.next_month > b:
                job.frames.put(_END)
            else:
                self._ask_frames(job)

        def failed(message: str) -> None:
            job.asking = False
            job.fail(message)

        self.controller.ask("pictures", (lo, hi), got, failed)

    def _animation_done(self, job: _Job) -> None:
        a, b = job.months
        if job.error:
            QMessageBox.critical(self, translate("animation_export", "Export animation"), job.error)
        elif job.stop:
            self.statusBar().showMessage(translate("animation_export", "Export cancelled: no file written."), 6000)
        else:
            self.statusBar().showMessage(
                translate("animation_export", "Wrote {file}: months {a}-{b} ({n} frames).")
                .format(file=job.path.name, a=a, b=b, n=job.written), 8000)
