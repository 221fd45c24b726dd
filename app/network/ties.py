"""The network view's friendship ties: one compound path, redrawn at a measured pace.

Friendship ties change with rewiring, but redrawing them costs a full draw of the
canvas, so they are redrawn at most every ``MIN_TIE_INTERVAL`` seconds, and less often
when a full draw is slow (a big graph): about a tenth of the time at most. Beyond
``MAX_TIE_SEGMENTS`` ties a fixed sample is drawn. :class:`TiesMixin` holds the
:class:`~app.network.panel.QtNetworkView` methods that do this; it uses the view's
artists and state and is not meant for another class.
"""

from __future__ import annotations

import time

import numpy as np

from app.common.i18n import translate
from app.common.pacing import run_when_due
from app.picture.scene import segments_path
from app.picture.style import tie_style

__all__ = ["MAX_TIE_SEGMENTS", "HIDE_TIES_WHILE_MOVING", "MIN_TIE_INTERVAL", "TiesMixin"]

#: Beyond this many friendship ties a deterministic sample is drawn (and a note says so).
MAX_TIE_SEGMENTS = 100_000

#: From this many drawn ties on, they are hidden while zooming or panning (drawing them
#: takes a quarter of a second at 88,000) and come back when the mouse rests.
HIDE_TIES_WHILE_MOVING = 20_000

MIN_TIE_INTERVAL = 0.35  # s between two redraws of the friendship ties


class TiesMixin:
    """The network view's friendship ties, redrawn when they changed and it is time.
    Mixed into :class:`~app.network.panel.QtNetworkView`."""

    def _schedule_ties(self) -> None:
        if self._tie_timer.isActive():
            return
        run_when_due(self._tie_timer, self._tie_interval, self._last_tie_draw,
                     self._redraw_ties)

    def _on_tie_timer(self) -> None:
        if self._ties_pending:
            self._redraw_ties()

    def _redraw_ties(self, draw: bool = True) -> None:
        self._ties_pending = False
        frame = self._frame
        if frame is None or self._pos is None:
            return
        edges = np.asarray(frame.friend_edges)
        m = edges.shape[0]
        note = ""
        if m > MAX_TIE_SEGMENTS:
            # Same sample for the same tie count, so the picture does not flicker.
            rng = np.random.default_rng(m)
            keep = np.sort(rng.choice(m, MAX_TIE_SEGMENTS, replace=False))
            edges = edges[keep]
            note = translate("ties", "Showing {shown:,} of {m:,} friendships (a fixed sample).")\
                .format(shown=MAX_TIE_SEGMENTS, m=m)
        self._drawn_ties = int(edges.shape[0])
        alpha, width = tie_style(min(m, MAX_TIE_SEGMENTS))
        self._ties.set_path(segments_path(self._pos, edges))
        self._ties.set_alpha(alpha)
        self._ties.set_linewidth(width)
        self._note.set_text(note)
        self._last_tie_draw = time.perf_counter()
        if draw:
            self._invalidate()
