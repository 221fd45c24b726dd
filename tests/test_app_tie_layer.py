"""The network view while people move: the cached tie layer and when the motion rests."""

from __future__ import annotations

import time

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from app.network import motion  # noqa: E402
from tests.test_app_living import rig  # noqa: E402,F401 (the fixture)


def _moving_view(view):
    """The view as a motion tick finds it: background cached, ties left to the layer."""
    view.flush()
    view._moving = True
    view._ties.set_visible(False)
    view.draw()   # a background without the Agg ties
    assert view._background is not None
    return np.asarray(view.get_renderer().buffer_rgba())


def _tick(view, buffer) -> np.ndarray:
    view.restore_region(view._background)
    view._paint_moving_ties()
    return buffer.copy()


def test_the_layer_is_painted_then_copied_until_it_is_old(qtbot, rig):  # noqa: F811
    _c, view = rig
    buffer = _moving_view(view)
    view.restore_region(view._background)
    bare = np.asarray(view.get_renderer().buffer_rgba()).copy()
    first = _tick(view, buffer)
    assert view.tie_layer_paints == 1
    assert (first != bare).any()            # the ties are in the picture
    # The people move a little; within TIE_LAYER_MS the same layer is copied.
    view._pos = view._pos + 0.01
    second = _tick(view, buffer)
    assert view.tie_layer_paints == 1
    np.testing.assert_array_equal(second, first)
    # Once it is older than TIE_LAYER_MS it is painted again, where the people are now.
    view._tie_layer_t -= motion.TIE_LAYER_MS / 1000.0 + 0.01
    third = _tick(view, buffer)
    assert view.tie_layer_paints == 2
    assert (third != first).any()


def test_a_new_view_repaints_the_layer_at_once(qtbot, rig):  # noqa: F811
    _c, view = rig
    buffer = _moving_view(view)
    _tick(view, buffer)
    assert view.tie_layer_paints == 1
    cx, cy, per_px = view._view
    view._view = (cx, cy, per_px * 1.01)     # the view narrowing with the drawing
    _tick(view, buffer)
    assert view.tie_layer_paints == 1
    view._view = (cx, cy, per_px * 1.05)     # enough to show
    _tick(view, buffer)
    assert view.tie_layer_paints == 2
    view._view = (cx + 0.05, cy, per_px * 1.05)   # a pan
    _tick(view, buffer)
    assert view.tie_layer_paints == 3
    view._zoom = 2.0
    _tick(view, buffer)
    assert view.tie_layer_paints == 4


def test_a_slow_run_does_not_rest_between_two_frames(qtbot, rig):  # noqa: F811
    _c, view = rig
    pos = view.positions.copy()
    for gap, rest_ms in ((0.05, motion.SETTLE_MS), (0.5, 1500)):
        view._moving = True
        view._from, view._to = pos, pos + 0.001
        view._duration = gap
        view._t0 = time.perf_counter() - 2 * gap   # the glide is over
        view._on_tick()
        assert view._settle.isActive()
        assert view._settle.interval() == rest_ms
        view._settle.stop()


def test_the_selected_persons_ties_follow_a_new_frame(qtbot, rig):  # noqa: F811
    """Found once a frame (cached), but never kept across frames."""
    import dataclasses

    c, view = rig
    frame = c.frame
    edges = np.asarray(frame.friend_edges)
    i = int(edges[0, 0])
    view.select(i)
    mine = int(((edges[:, 0] == i) | (edges[:, 1] == i)).sum())
    assert len(view._sel_ties.get_segments()) == mine
    view._update_selection(frame)   # the same frame again: the cached ties
    assert len(view._sel_ties.get_segments()) == mine
    fewer = dataclasses.replace(frame, friend_edges=edges[(edges[:, 0] != i)
                                                          & (edges[:, 1] != i)])
    view._update_selection(fewer)
    assert len(view._sel_ties.get_segments()) == 0


def test_the_inspectors_plot_is_drawn_less_often_than_its_text(qtbot):
    from app.inspector import panel as inspector_panel
    from app.process.frame import frame_from_simulation, static_from_simulation
    from models import load_scenario
    from models.simulation import Simulation

    sim = Simulation(load_scenario("karate"))
    insp = inspector_panel.QtInspector(sim.score_history)
    qtbot.addWidget(insp)
    insp.on_rebuilt(static_from_simulation(sim), frame_from_simulation(sim, edges_changed=True))
    insp.show()
    draws = []
    insp._plot_draws._job = lambda: draws.append(1)   # each draw of the plot's canvas
    insp.show_person(3)
    for _ in range(5):    # five refreshes at once: the text each time, the plot once
        sim.step()
        insp._frame = frame_from_simulation(sim, edges_changed=False)
        insp._refresh()
    assert insp._score.text() == f"{sim.scores[3]:.0f}"
    assert len(draws) == 1
    # The newest state is drawn when the throttle's time is up.
    wait = int(1000 / inspector_panel.MAX_PLOT_DRAWS_PER_SECOND) + 500
    qtbot.waitUntil(lambda: len(draws) == 2, timeout=wait)
    x, y = insp._history_line.get_data()
    assert len(y) == sim.step_count + 1
