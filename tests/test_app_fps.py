"""The frame-rate shortcuts draw what the plain way would (issue 8's last goal).

The moving people's raster reuses a marker stamp and a frame's colours across ticks;
the dashboard pastes a value's pixels while its text is the same; titles are given
the y matplotlib would work out; the inspector shows the newest story at its own pace.
Each is checked against the plain drawing, pixel for pixel, or against a count.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from app.dashboard.panel import SERIES, QtDashboard  # noqa: E402
from app.inspector.panel import QtInspector  # noqa: E402
from app.network.people import NodeRaster  # noqa: E402
from app.process.frame import frame_from_simulation, static_from_simulation  # noqa: E402
from models import load_scenario  # noqa: E402
from models.simulation import Simulation  # noqa: E402


def reference_people(buffer, centres, square, diameter, ring, fill, ringc, has_ring):
    """Each marker blended over the background one by one, in plain Python loops."""
    out = buffer.astype(np.float64)
    H = buffer.shape[0]
    for i in range(centres.shape[0]):
        dy, dx, cov, rf = NodeRaster.template(diameter, ring, bool(square[i]))
        cx = int(np.rint(centres[i, 0] - 0.5))
        cy = int(np.rint(H - centres[i, 1] - 0.5))
        share = rf * has_ring[i]
        for k in range(dy.size):
            colour = fill[i] + (ringc[i] - fill[i]) * share[k]
            px = out[cy + dy[k], cx + dx[k], :3]
            out[cy + dy[k], cx + dx[k], :3] = px + (colour - px) * cov[k]
    return out


@pytest.mark.parametrize("exact", [True, False])
def test_the_people_raster_paints_each_marker_as_a_plain_blend(exact):
    rng = np.random.default_rng(3)
    n, d, ring, H, W = 40, 9.0, 1.8, 120, 200
    # On a grid, apart: no two markers share a pixel, so the order does not matter.
    gx, gy = np.meshgrid(np.arange(8) * 22 + 20, np.arange(5) * 20 + 15)
    centres = np.column_stack([gx.ravel(), gy.ravel()]).astype(float) + 0.3
    square = rng.random(n) < 0.3
    background = rng.integers(0, 256, (H, W, 4), dtype=np.uint8)
    background[..., 3] = 255
    clip = (0, 0, W, H)
    stamp = None
    for _frame in range(2):   # a second frame: new colours, new places, the same stamp
        fill = rng.uniform(0, 255, (n, 3)).astype(np.float32)
        ringc = rng.uniform(0, 255, (n, 3)).astype(np.float32)
        has_ring = rng.random(n) < 0.5
        centres = centres + rng.uniform(-2, 2, centres.shape)
        raster = NodeRaster(centres, square, d, ring, clip, H, W, exact=exact, stamp=stamp)
        assert stamp is None or raster.stamp is stamp
        stamp = raster.stamp
        got = background.copy()
        raster.composite(got, fill, ringc, has_ring)
        want = reference_people(background, centres, square, d, ring, fill, ringc, has_ring)
        assert np.abs(got.astype(np.float64) - want).max() <= 0.51
        assert (got[..., 3] == 255).all()


def test_people_outside_the_clip_are_cut_not_wrapped():
    H, W = 60, 80
    centres = np.array([[2.0, 30.0], [78.0, 30.0], [40.0, 30.0]])
    square = np.zeros(3, dtype=bool)
    clip = (10, 0, 70, H)
    for exact in (True, False):
        buf = np.full((H, W, 4), 255, dtype=np.uint8)
        NodeRaster(centres, square, 9.0, 1.5, clip, H, W, exact=exact).composite(
            buf, np.zeros((3, 3), np.float32), np.zeros((3, 3), np.float32),
            np.zeros(3, dtype=bool))
        painted = (buf[..., :3] < 255).any(axis=2)
        cols = np.flatnonzero(painted.any(axis=0))
        assert cols.min() >= 10 and cols.max() < 70   # nothing left of or right of the clip
        assert painted[:, 35:46].any()                # the one inside is there


@pytest.fixture(scope="module")
def running():
    sim = Simulation(load_scenario("karate"))
    frames = [frame_from_simulation(sim, edges_changed=True)]
    for _ in range(12):
        sim.step()
        frames.append(frame_from_simulation(sim, edges_changed=False))
    return sim, frames


def shown_dashboard(qtbot, sim, first):
    dash = QtDashboard()
    qtbot.addWidget(dash)
    dash.resize(1400, 360)
    dash.show()
    qtbot.waitExposed(dash)
    dash.on_rebuilt(static_from_simulation(sim), first)
    dash.flush()
    dash._draws.timer.stop()
    return dash


def pixels(dash) -> np.ndarray:
    return np.asarray(dash.canvas.buffer_rgba()).copy()


def test_a_pasted_value_is_the_drawn_one_and_a_new_value_is_drawn(qtbot, running):
    sim, frames = running
    dash = shown_dashboard(qtbot, sim, frames[-2])
    dash._draw_now()   # every value kept from the full draw: pasted now
    assert dash._value_pixels
    pasted = pixels(dash)
    dash._value_pixels.clear()
    dash._draw_now()   # drawn by Agg
    assert np.array_equal(pixels(dash), pasted)
    # New values (as a later month brings): the pasted pixels must not be the old ones.
    history = {c: np.asarray(v, dtype=float) * (1.5 if c in SERIES else 1.0)
               for c, v in frames[-1].history.items()}
    later = dataclasses.replace(frames[-1], history=history)
    dash.on_frame(later)
    dash._draws.timer.stop()
    dash._draw_now()
    blitted = pixels(dash)
    dash._value_pixels.clear()
    dash._draw_now()
    assert np.array_equal(blitted, pixels(dash))


def test_titles_sit_where_matplotlib_would_put_them(qtbot, running):
    sim, frames = running
    dash = shown_dashboard(qtbot, sim, frames[-1])
    given = pixels(dash)
    axes = dash.figure.axes
    assert not any(ax._autotitlepos for ax in axes if ax.get_title(loc="left"))
    for ax in axes:
        ax._autotitlepos = True   # matplotlib's own search
    dash.flush()
    assert np.array_equal(pixels(dash), given)


def test_the_inspector_shows_the_newest_story_at_its_pace(qtbot, running):
    sim, frames = running
    inspector = QtInspector(lambda i: np.array([600.0, 610.0]))
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.on_rebuilt(static_from_simulation(sim), frames[0])
    inspector.show_person(3)
    shown = []
    inspector.story.set_lines = lambda lines, keep=inspector.story.set_lines: (
        shown.append(list(lines)), keep(lines))
    for month in range(10):   # a burst of steps: the first at once, then the newest
        inspector.set_story(3, [f"month {month}"])
    assert shown == [["month 0"]]
    inspector.set_story(5, ["someone else"])   # not the person shown: ignored
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=3000)
    assert shown[-1] == ["month 9"]
    assert inspector.story.lines == ["month 9"]


@pytest.mark.parametrize("part", [None, (300, 40, 260, 180)])
def test_the_network_view_shows_its_buffer_as_it_is(qtbot, part):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QImage, QRegion

    from app.network.panel import QtNetworkView

    view = QtNetworkView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    qtbot.waitExposed(view)
    view._fit_button.hide()   # Qt widgets over the canvas: not the buffer's pixels
    view._hint.hide()
    view.flush()
    buffer = np.asarray(view.get_renderer().buffer_rgba())
    x, y, w, h = part or (0, 0, view.width(), view.height())
    image = QImage(view.width(), view.height(), QImage.Format.Format_RGBA8888)
    image.fill(0)
    view.render(image, QPoint(x, y), QRegion(QRect(x, y, w, h)))   # at the same place
    shown = np.frombuffer(image.constBits(), np.uint8).reshape(view.height(), view.width(), 4)
    assert np.array_equal(shown[y:y + h, x:x + w, :3], buffer[y:y + h, x:x + w, :3])
    assert not shown[:y, :, :3].any() and not shown[y + h:, :, :3].any()   # only the part
    assert (buffer[..., 3] == 255).all()   # opaque: why RGBX is right
