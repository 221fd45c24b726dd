"""The timeline in the window, offscreen: past months at the positions the living layout
had then, who opted out as the frame says (not the stale first month's), the memory cap
shown on the scrubber, and File > Export animation of a range of kept months."""

from __future__ import annotations

import time

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from app.common.marks import mark_masks
from models import Simulation, load_scenario
from models.packing import pack_positions, unpack_positions

WAIT = 60_000
OPTING = {"optout.choice": True, "optout.review_rate": 0.9,
          "population.optout_share": 0.3, "sharing.rewire_rate": 0.3}


@pytest.fixture
def window(open_window):
    def no_dialog(*a, **_k):
        pytest.fail(f"an error dialog: {a[2] if len(a) > 2 else a}")

    return open_window(OPTING, no_dialog)


def _step(qtbot, w, n):
    sent = []
    for _ in range(n):
        with qtbot.waitSignal(w.controller.stepped, timeout=WAIT) as got:
            w.act_step.trigger()
        sent.append(got.args[0])
    return sent


def _go_to(qtbot, w, month):
    w.scrubber.go_to(month)
    qtbot.waitUntil(lambda: w._past_frame is not None and w._past_frame.step == month
                    and not w._past_in_flight, timeout=WAIT)


def test_scrubber_shows_the_kept_positions_scores_and_opt_outs(qtbot, window):
    w = window
    start = np.array(w.controller.positions, dtype=np.float32)
    frames = _step(qtbot, w, 8)
    assert all(f.positions is not None for f in frames)   # the layout lives
    # The oracle: a separate run, and the positions the view was sent month by month.
    sim = Simulation(load_scenario("karate", OPTING))
    full = [(sim.scores.astype(np.float32), sim.status.copy(), sim.pop.opted_out.copy())]
    for _ in range(8):
        sim.step()
        full.append((sim.scores.astype(np.float32), sim.status.copy(),
                     sim.pop.opted_out.copy()))
    sent = [start] + [f.positions for f in frames]
    for month in (3, 0, 8 - 1, 5):
        _go_to(qtbot, w, month)
        kept = unpack_positions(pack_positions(sent[month]))
        np.testing.assert_array_equal(w.network.positions, kept, err_msg=f"month {month}")
        assert np.abs(kept - sent[month]).max() < 1e-4
        shown = w.network._frame
        scores, status, opted = full[month]
        np.testing.assert_array_equal(shown.scores, scores.astype(np.float64))
        np.testing.assert_array_equal(shown.status, status)
        np.testing.assert_array_equal(shown.opted_out, opted)
        np.testing.assert_array_equal(w.network._out_mask, opted)
    assert not np.array_equal(sent[3], sent[5])   # the months differ: a real check
    w.scrubber.live_button.click()
    # Back to the latest month where the living layout had it (not the past one).
    np.testing.assert_array_equal(w.network.positions, frames[-1].positions)


def test_who_opted_out_follows_the_frame_not_the_first_month(qtbot, window):
    w = window
    first = np.array(w.controller.static.opted_out, copy=True)
    _step(qtbot, w, 3)
    frame = w.controller.frame
    now = np.asarray(frame.opted_out)
    assert not np.array_equal(now, first)   # people switched: the static copy is stale
    np.testing.assert_array_equal(w.network._out_mask, now)     # squares, not dots
    np.testing.assert_array_equal(mark_masks(frame, first)["opted_out"], now)
    i = int(np.flatnonzero(now & ~first)[0])   # opted out since month 0
    w._on_person_selected(i)
    assert "opted out" in w.inspector._facts.text()
    assert "opted out" in w.network.describe(i)
    j = int(np.flatnonzero(first & ~now)[0]) if (first & ~now).any() else None
    if j is not None:   # and one who came back takes part again
        w._on_person_selected(j)
        assert "opted out" not in w.inspector._facts.text()


def test_the_memory_cap_drops_the_oldest_months_and_the_scrubber_says_so(qtbot, window):
    w = window
    assert not w.scrubber.note.isVisible()
    done = []
    w.controller.ask("set_timeline_cap", (30_000,), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    _step(qtbot, w, 40)
    info = []
    w.controller.ask("timeline_info", (), info.append)
    qtbot.waitUntil(lambda: bool(info), timeout=WAIT)
    first, last, nbytes, cap = info[0]
    assert first > 0 and last == 40 and cap == 30_000 and nbytes <= 2 * cap
    assert w.scrubber.first == first and w.scrubber.note.isVisible()
    assert w.scrubber.note.text() == f"months 0-{first - 1} dropped"
    assert "memory cap" in w.scrubber.note.toolTip()
    w.scrubber.go_to(0)   # clamped to the first month kept
    qtbot.waitUntil(lambda: w._past_frame is not None and not w._past_in_flight,
                    timeout=WAIT)
    assert w._past_frame.step == first and w.network.positions is not None


def test_export_animation_of_a_range_draws_the_kept_months(qtbot, window, tmp_path,
                                                          monkeypatch):
    import imageio.v3 as iio

    from app.picture import movie

    w = window
    start = np.array(w.controller.positions, dtype=np.float32)
    sent = [start] + [f.positions for f in _step(qtbot, w, 8)]
    drawn = []
    real = movie.write_movie

    def spy(frames, *args, **kwargs):   # what is drawn, as it is handed over
        return real((drawn.append(f[0]) or f for f in frames), *args, **kwargs)

    monkeypatch.setattr(movie, "write_movie", spy)
    out = tmp_path / "range.gif"
    ended = []
    w.export_animation(out, size=(320, 180), on_done=ended.append, months=(2, 6))
    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT)
    assert ended[0].error is None and ended[0].written == 5   # 4 months, 5 frames
    assert iio.imread(out, index=None).shape == (5, 180, 320, 3)
    sim = Simulation(load_scenario("karate", OPTING))
    states = [(sim.scores.copy(), sim.pop.opted_out.copy())]
    for _ in range(8):
        sim.step()
        states.append((sim.scores.copy(), sim.pop.opted_out.copy()))
    assert [f.month for f in drawn] == [2, 3, 4, 5, 6]
    for f in drawn:   # the kept state of each month: no re-simulation, no live positions
        np.testing.assert_array_equal(f.positions, unpack_positions(pack_positions(
            sent[f.month])))
        np.testing.assert_array_equal(f.scores, states[f.month][0].astype(np.float32))
        np.testing.assert_array_equal(f.opted_out, states[f.month][1])
    # The whole timeline by default: months 0..8, 9 frames.
    ended.clear()
    w.export_animation(tmp_path / "all.gif", size=(320, 180), on_done=ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT)
    assert ended[0].written == 9
    # Cancel (as the dialog's button does, after the first frame): no file is left.
    from app.window.animation_export import _Job

    monkeypatch.setattr(_Job, "_progress", lambda job, _d, _t: setattr(job, "stop", True))
    stopped = tmp_path / "stopped.mp4"
    ended.clear()
    w.export_animation(stopped, size=(320, 180), on_done=ended.append, months=(0, 8))
    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT)
    assert ended[0].stop and ended[0].written == 0 and not stopped.exists()


def test_a_reset_during_an_export_stops_it_without_a_file(qtbot, window, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.window.animation_export import _Job

    w = window
    _step(qtbot, w, 3)
    said = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(
        lambda *a, **k: said.append(a[2])))
    # Drawing waits (in the drawing thread) until the window stopped the export.
    def slow(job, _done, _total):
        for _ in range(3000):
            if job.stop:
                return
            time.sleep(0.02)

    monkeypatch.setattr(_Job, "_progress", slow)
    out = tmp_path / "reset.mp4"
    ended = []
    w.export_animation(out, size=(320, 180), on_done=ended.append)
    with qtbot.waitSignal(w.controller.layout_ready, timeout=WAIT):
        w.controller.reset()
    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT)
    assert ended[0].error and "reset" in ended[0].error and not out.exists()
    assert said and "reset" in said[0]
