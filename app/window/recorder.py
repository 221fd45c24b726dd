"""What the window keeps of the run so far, for File > Export animation.

:class:`RunRecorder` turns the controller's frames into
:class:`~app.picture.scene.PictureFrame` objects, one per month, with the positions the
network showed (the living layout's, or the last layout while frozen). Arrays that did
not change from one month to the next are shared, not copied (the worker sends the same
tie array while the ties stay the same), scores are kept as float32, and recording stops
at :data:`MAX_BYTES` so a long run on a big graph cannot fill the memory: the export
then covers the months kept, and says so. Qt-free.
"""

from __future__ import annotations

import numpy as np

from app.picture.scene import PictureFrame

__all__ = ["RunRecorder", "MAX_BYTES"]

#: Memory kept for the animation of the run so far, at most.
MAX_BYTES = 512 * 1024 ** 2


class RunRecorder:
    """Every month of the current run, as picture frames (see the module docstring)."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = int(max_bytes)
        self.frames: list[PictureFrame] = []
        self.bytes = 0
        self.full = False
        self._opted_out: np.ndarray | None = None
        self._pos: np.ndarray | None = None
        self._last_edges: np.ndarray | None = None
        self._pending = None

    def on_rebuilt(self, static, frame) -> None:
        """A new run (build, Reset, new seed): forget the old one."""
        self.frames = []
        self.bytes = 0
        self.full = False
        self._opted_out = np.asarray(static.opted_out, dtype=bool)
        self._pos = None
        self._last_edges = None
        self._pending = frame   # month 0 waits for its layout

    def on_layout(self, _key, positions) -> None:
        """The layout of month 0 (or a re-layout: the next months start from it)."""
        self._pos = np.asarray(positions, dtype=np.float32)
        pending = self._pending
        if pending is not None and pending.step == 0 and not self.frames:
            self._pending = None
            self._add(pending)

    def on_frame(self, frame) -> None:
        """A step was shown."""
        if frame.positions is not None:
            self._pos = np.asarray(frame.positions, dtype=np.float32)
        if self._pos is not None and self._opted_out is not None:
            self._add(frame)

    def _add(self, frame) -> None:
        if self.full:
            return
        edges = frame.friend_edges
        new_bytes = int(frame.scores.size) * 5 + int(frame.dating_edges.nbytes)
        if edges is not self._last_edges:
            new_bytes += int(np.asarray(edges).nbytes)
            self._last_edges = edges
        if self._pos is not None and (not self.frames or
                                      self._pos is not self.frames[-1].positions):
            new_bytes += int(self._pos.nbytes)
        if self.bytes + new_bytes > self.max_bytes:
            self.full = True
            return
        self.bytes += new_bytes
        self.frames.append(PictureFrame(
            month=int(frame.step), positions=self._pos,
            scores=np.asarray(frame.scores, dtype=np.float32),
            status=np.asarray(frame.status, dtype=np.int8), opted_out=self._opted_out,
            friend_edges=edges, dating_edges=frame.dating_edges, scenario=frame.scenario,
            scammed=frame.scammed, was_scammed=frame.was_scammed))   # the scam marks
