"""Past months as frames: what the timeline kept, shaped like a live frame.

Qt-free; runs where the simulation lives (the model process). :func:`past_frame` turns
month ``k`` of a :class:`~models.timeline.Timeline` into a :class:`~app.process.frame.Frame`
with ``live=False``, so that every view can show it the way it shows a live month: the
kept scores, status, ties and marks, the metrics up to month ``k``, and the settings in
force then (the run's first settings plus the changes made up to month ``k``), the
positions the living layout had then and who had opted out. The score breakdown comes
from the kept components (float16, to within half a point). :func:`past_pictures` makes
months ``a..b`` into the fields of the picture frames of an animation (File > Export
animation; plain dicts: this layer does not import the picture, which imports matplotlib).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from app.process.frame import Frame
from models.history import METRIC_COLUMNS, History
from models.scenario import Scenario
from models.score import normalised_weights
from models.timeline import Change, Timeline

__all__ = ["past_frame", "past_pictures", "scenario_at"]


def scenario_at(start: Scenario, changes: Iterable[Change], k: int) -> Scenario:
    """The settings in force in month ``k``: ``start`` plus the changes used by then.

    Examples
    --------
    >>> from models import load_scenario
    >>> sc = load_scenario("karate")
    >>> later = [Change(3, "rubric.social", sc["rubric.social"], 0.4)]
    >>> scenario_at(sc, later, 2)["rubric.social"], scenario_at(sc, later, 3)["rubric.social"]
    (0.05, 0.4)
    """
    now = {c.key: c.new for c in changes if c.step <= k}
    return start.replace(now) if now else start


def past_frame(timeline: Timeline, history: History, start: Scenario, k: int) -> Frame:
    """Month ``k`` as the frame a view shows (``live=False``)."""
    m = timeline.state_at(k)
    scenario = scenario_at(start, timeline.changes, m.step)
    rows = {c: np.asarray(history[c][:m.step + 1], dtype=float) for c in METRIC_COLUMNS}
    comps = m.components
    if comps is None:
        comps = {key: np.full(m.n, np.nan) for key in ("history", "capacity", "identity",
                                                      "behaviour", "social")}
    return Frame(step=m.step, scores=m.scores.astype(np.float64), status=m.status,
                 components=comps, weights=normalised_weights(scenario.weights),
                 degree=m.degree(), friend_edges=m.friend_edges(), edges_changed=True,
                 dating_edges=m.dating_edges(),
                 violations=np.zeros(m.n) if m.violations is None else m.violations,
                 history=rows, scenario=scenario, positions=m.positions,
                 scammed=m.flags["scammed"], was_scammed=m.flags["was_scammed"], live=False,
                 opted_out=m.flags["opted_out"], kept_from=timeline.first)


def past_pictures(timeline: Timeline, start: Scenario, a: int, b: int) -> list:
    """Months ``a..b`` (both kept) as the fields of
    :class:`~app.picture.scene.PictureFrame` objects (dicts), at the positions kept for
    each month (ValueError when no positions are kept yet)."""
    out = []
    for k in range(int(a), int(b) + 1):
        m = timeline.state_at(k)
        if m.positions is None:
            raise ValueError(f"month {k} has no positions kept (the network was not laid "
                             "out yet)")
        out.append(dict(
            month=m.step, positions=m.positions, scores=m.scores.astype(np.float64),
            status=m.status, opted_out=m.flags["opted_out"], friend_edges=m.friend_edges(),
            dating_edges=m.dating_edges(), scenario=scenario_at(start, timeline.changes, k),
            scammed=m.flags["scammed"], was_scammed=m.flags["was_scammed"]))   # the marks
    return out
