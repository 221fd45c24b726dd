"""File > Export animation: the run so far as MP4, GIF, PNG or SVG, in the background.

The months kept by :class:`~app.window.recorder.RunRecorder` are drawn by
:func:`app.picture.movie.write_movie` (the picture of ``scorenet render``: living layout,
legend, caption in plain words naming the settings changed during the run) in a Python
thread: matplotlib's Agg draws into a figure of its own there, the window stays live. A
progress dialog shows the frames drawn; Cancel stops at the next frame and leaves no
file. :class:`AnimationExportMixin` is mixed into
:class:`~app.window.main_window.MainWindow`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

__all__ = ["AnimationExportMixin", "ANIMATION_FILTER"]

ANIMATION_FILTER = ("MP4 video (*.mp4);;Animated GIF (*.gif);;PNG image, last month (*.png);;"
                    "SVG image, last month (*.svg)")


class _Job:
    """One export running in a thread: progress, a stop flag, the outcome."""

    def __init__(self, frames, path: Path, size: tuple[int, int]) -> None:
        self.done = 0
        self.total = len(frames)
        self.stop = False
        self.error: str | None = None
        self.written = 0
        self.finished = False
        self._args = (frames, path, size)
        self.thread = threading.Thread(target=self._run, name="scorenet-export", daemon=True)

    def _run(self) -> None:
        from app.picture.movie import movie_size, write_movie

        frames, path, size = self._args
        try:
            self.written = write_movie(
                ([f] for f in frames), path, total=self.total, size=size or movie_size(path),
                progress=self._progress, should_stop=lambda: self.stop)
        except OSError as exc:
            self.error = f"{exc.filename or path}: {exc.strerror or exc}"
        except Exception as exc:  # noqa: BLE001 - shown in a dialog, never a crash
            import traceback

            traceback.print_exception(exc)
            self.error = f"Internal error while drawing: {type(exc).__name__}: {exc}"
        finally:
            self.finished = True

    def _progress(self, done: int, _total: int) -> None:
        self.done = done


class AnimationExportMixin:
    """The Export animation command. Mixed into the main window."""

    def _on_export_animation(self) -> None:
        frames = list(self.recorder.frames)
        if not frames:
            return
        path = self._export_path("Export animation", ANIMATION_FILTER, "animation", ".mp4")
        if path is not None:
            self.export_animation(path)

    def export_animation(self, path: Path, size: tuple[int, int] | None = None,
                         on_done=None) -> _Job | None:
        """Draw the months kept so far into ``path`` in the background (a progress dialog
        with Cancel). ``on_done(job)`` is called on the GUI thread when it ends."""
        frames = list(self.recorder.frames)
        if not frames:
            return None
        job = _Job(frames, Path(path), size)
        dialog = QProgressDialog(f"Drawing {len(frames)} months into {Path(path).name}\u2026",
                                 "Cancel", 0, len(frames), self)
        dialog.setWindowTitle("Export animation")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(lambda: setattr(job, "stop", True))
        timer = QTimer(self)
        timer.setInterval(100)

        def poll() -> None:
            if not job.finished:
                dialog.setValue(min(job.done, len(frames) - 1))
                return
            timer.stop()
            dialog.reset()
            dialog.deleteLater()
            self._animation_done(job, Path(path))
            if on_done is not None:
                on_done(job)

        timer.timeout.connect(poll)
        self._export_job = job   # the window keeps it alive
        job.thread.start()
        timer.start()
        return job

    def _animation_done(self, job: _Job, path: Path) -> None:
        if job.error:
            QMessageBox.critical(self, "Export animation", job.error)
        elif job.stop:
            self.statusBar().showMessage("Export cancelled: no file written.", 6000)
        else:
            more = (" (the months kept: memory for more ran out)"
                    if self.recorder.full else "")
            self.statusBar().showMessage(
                f"Wrote {path.name}: months 0-{job.total - 1}{more}.", 8000)
