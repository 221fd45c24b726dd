"""The window's timeline and A/B comparison, offscreen: the scrubber shows exactly the
kept month, A/B in the app equals two separate runs, marks, story, search, clicks."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from matplotlib.backend_bases import MouseButton, MouseEvent

from app.dashboard.histogram import HIST_EDGES
from models import Simulation, load_scenario
from models.history import METRIC_COLUMNS, changes_path

WAIT = 60_000
SCENARIO = {"sharing.rewire_rate": 0.3, "events.scam_rate": 0.02}


@pytest.fixture
def window(open_window):
    return open_window(SCENARIO)


def _step(qtbot, w, n):
    for _ in range(n):
        with qtbot.waitSignal(w.controller.stepped, timeout=WAIT):
            w.act_step.trigger()
        if w.pair.active:
            qtbot.waitUntil(w.pair.caught_up, timeout=WAIT)


def _states(scenario, steps, changes=None):
    """Every month of a separate run, in full (the oracle)."""
    sim = Simulation(scenario)
    out = [(sim.scores.astype(np.float32), sim.status.copy(), sim.friends.edges())]
    for t in range(1, steps + 1):
        if changes and t in changes:
            sim.set_params(changes[t])
        sim.step()
        out.append((sim.scores.astype(np.float32), sim.status.copy(), sim.friends.edges()))
    return sim, out


def _go_to(qtbot, w, month):
    w.scrubber.go_to(month)
    qtbot.waitUntil(lambda: w._past_frame is not None and w._past_frame.step == month,
                    timeout=WAIT)


def test_scrubber_shows_exactly_the_kept_month(qtbot, window):
    w = window
    _step(qtbot, w, 4)
    w._on_params_changed({"rubric.social": 0.4})
    _step(qtbot, w, 6)
    _, full = _states(load_scenario("karate", SCENARIO), 10, {5: {"rubric.social": 0.4}})
    for month in (3, 0, 7, 5):
        _go_to(qtbot, w, month)
        shown = w.network._frame
        assert shown is w._past_frame and not shown.live
        scores, status, edges = full[month]
        np.testing.assert_array_equal(shown.scores, scores.astype(np.float64))
        np.testing.assert_array_equal(shown.status, status)
        np.testing.assert_array_equal(shown.friend_edges, edges)
        assert shown.scenario["rubric.social"] == (0.4 if month >= 5 else 0.05)
        assert w.scrubber.label.text() == f"Month {month} of 10 (past)"
        assert w.dashboard.shown_month == month
        nb = HIST_EDGES.size - 1
        width = (HIST_EDGES[-1] - HIST_EDGES[0]) / nb
        bins = np.clip(((scores.astype(float) - HIST_EDGES[0]) // width).astype(int), 0, nb - 1)
        np.testing.assert_array_equal(w.dashboard.hist_counts.sum(axis=0),
                                      np.bincount(bins, minlength=nb), err_msg=f"month {month}")
    assert w.scrubber.markers == {5: "Interpersonal relationships 0.05 -> 0.4"}
    assert not w.controller.playing
    w.scrubber.live_button.click()
    assert w._past_frame is None and w.network._frame.step == 10 and w.network._frame.live
    assert w.dashboard.shown_month is None


def test_a_fast_drag_ends_on_the_last_month_chosen(qtbot, window):
    w = window
    _step(qtbot, w, 6)
    for month in (2, 5, 1, 4):   # no waiting in between: replies are coalesced
        w.scrubber.go_to(month)
    qtbot.waitUntil(lambda: w._past_frame is not None and w._past_frame.step == 4
                    and not w._past_in_flight, timeout=WAIT)
    assert w.network._frame.step == 4 and w.inspector._frame.step == 4


def test_a_step_after_scrubbing_goes_live(qtbot, window):
    _step(qtbot, window, 3)
    _go_to(qtbot, window, 1)
    _step(qtbot, window, 1)
    assert window._past_frame is None and window.scrubber.following
    assert window.network._frame.step == 4


def test_clicking_a_time_series_jumps_to_that_month(qtbot, window):
    w = window
    _step(qtbot, w, 6)
    w.dashboard.flush()
    ax = w.dashboard._axes["gini"]
    x, y = ax.transData.transform((4.2, np.mean(ax.get_ylim())))
    event = MouseEvent("button_press_event", w.dashboard.canvas, x, y,
                       button=MouseButton.LEFT)
    with qtbot.waitSignal(w.dashboard.month_clicked, timeout=WAIT) as blocker:
        w.dashboard.canvas.callbacks.process("button_press_event", event)
    assert blocker.args == [4]
    qtbot.waitUntil(lambda: w._past_frame is not None and w._past_frame.step == 4,
                    timeout=WAIT)


def test_scam_victims_are_marked_and_told(qtbot, window):
    w = window
    w._on_person_selected(5)
    w.inspector._scam_button.click()
    _step(qtbot, w, 2)
    frame = w.controller.frame
    assert frame.scammed[5] and frame.was_scammed[5]
    assert "scam victim now" in w.network.describe(5)
    assert "scam victim now" in w.inspector._facts.text()
    offsets = np.asarray(w.network._mark_scam.get_offsets())
    assert any(np.allclose(o, w.network.positions[5]) for o in offsets)
    qtbot.waitUntil(lambda: any("scammed" in line for line in w.inspector.story.lines),
                    timeout=WAIT)
    assert w.inspector.story.lines[0].startswith("month 0: score ")
    isolated = np.flatnonzero(frame.degree == 0)
    assert len(w.network._mark_iso.get_offsets()) == isolated.size


def test_search_finds_a_person_by_id(qtbot, window):
    w = window
    w.search.setText(" 17 ")
    w._on_search()
    assert w.inspector.person == w.controller.static.ids.tolist().index(17)
    assert w.network.selected == w.inspector.person
    w.search.setText("nobody")
    w._on_search()
    assert "No person with id 'nobody'" in w.statusBar().currentMessage()


def test_metrics_export_writes_the_setting_changes(qtbot, window, tmp_path):
    w = window
    _step(qtbot, w, 2)
    w._on_params_changed({"rubric.history": 0.5})
    qtbot.waitUntil(lambda: w.run_changes != [], timeout=WAIT)
    _step(qtbot, w, 1)
    w.export_metrics(tmp_path / "m.csv")
    lines = changes_path(tmp_path / "m.csv").read_text().splitlines()
    assert lines == ["step,key,old,new", "3,rubric.history,0.35,0.5"]


def test_ab_in_the_app_equals_two_separate_runs(qtbot, window):
    w = window
    overrides = {"rubric.social": 0.6, "sharing.share_with_friends": False}
    w.start_compare(overrides)
    qtbot.waitUntil(lambda: w.pair.b is not None and w.pair.b.frame is not None
                    and w.network_b.positions is not None and w.pair.caught_up(),
                    timeout=WAIT)
    _step(qtbot, w, 2)
    # A change to a shared setting goes to both; one to a setting B overrides, to A only.
    w._on_params_changed({"rubric.history": 0.5, "rubric.social": 0.2})
    w.controller.set_speed(None)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.frame.step >= 8, timeout=WAIT)
    w.controller.pause()
    qtbot.waitUntil(w.pair.caught_up, timeout=WAIT)
    steps = w.controller.frame.step
    base = load_scenario("karate", SCENARIO)
    a, b = Simulation(base), Simulation(base.replace(overrides))
    a.run(2)
    b.run(2)
    a.set_params({"rubric.history": 0.5, "rubric.social": 0.2})
    b.set_params({"rubric.history": 0.5})
    a.run(steps - 2)
    b.run(steps - 2)
    assert w.pair.b.frame.scenario["rubric.social"] == 0.6
    for sim, frame in ((a, w.controller.frame), (b, w.pair.b.frame)):
        for col in METRIC_COLUMNS:
            np.testing.assert_array_equal(frame.history[col], sim.history[col], err_msg=col)
        np.testing.assert_array_equal(frame.scores, sim.scores)
    # Both start from the same drawing; each then has its own living layout.
    np.testing.assert_array_equal(w.pair.b.positions, w.controller.positions)
    d = w.difference
    ea = (a.status == -1) | (a.degree() == 0)
    eb = (b.status == -1) | (b.degree() == 0)
    assert d.only_a.tolist() == np.flatnonzero(ea & ~eb).tolist()
    assert d.only_b.tolist() == np.flatnonzero(eb & ~ea).tolist()
    np.testing.assert_array_equal(w.network.highlighted, d.only_a)
    np.testing.assert_array_equal(w.network_b.highlighted, d.only_b)
    assert w.compare_lists["a"].count() == d.only_a.size
    assert d.summary() in w.compare_summary.text()
    # Past months of both rubrics come from their own timelines.
    _go_to(qtbot, w, 3)
    qtbot.waitUntil(lambda: w._b_past is not None and w._b_past.step == 3, timeout=WAIT)
    b3 = Simulation(base.replace(overrides))
    b3.run(2)
    b3.set_params({"rubric.history": 0.5})
    b3.run(1)
    np.testing.assert_array_equal(w.network_b._frame.scores,
                                  b3.scores.astype(np.float32).astype(np.float64))
    w.stop_compare()
    assert not w.pair.active and w.network_b.isHidden()


def test_compare_dialog_gives_only_what_differs(qtbot):
    from app.window.compare_dialog import CompareDialog, parse_pairs
    from models import ScenarioError

    sc = load_scenario("default")
    d = CompareDialog(sc)
    qtbot.addWidget(d)
    assert d.overrides() == {}
    d.spins["rubric.social"].setValue(0.4)
    d.sharing.setChecked(False)
    d.other.setText("perks.enabled = false; events.scam_rate=0.01")
    assert d.overrides() == {"rubric.social": 0.4, "sharing.share_with_friends": False,
                             "perks.enabled": False, "events.scam_rate": 0.01}
    with pytest.raises(ScenarioError, match="key = value"):
        parse_pairs("rubric.social 0.4")


def test_compare_refuses_settings_that_need_other_people(qtbot, window):
    from models import ScenarioError

    with pytest.raises(ScenarioError, match="population.size"):
        window.start_compare({"population.size": 50})
    assert not window.pair.active and window.network_b.isHidden()


def test_the_dashboard_values_are_the_shown_months(qtbot, window):
    # Scrubbed back to month 2, the number beside each title is month 2's, not today's.
    from app.dashboard.scales import SERIES, SPECS, format_value

    w = window
    _step(qtbot, w, 8)
    w.dashboard.flush()
    hist = w.controller.frame.history
    steps = np.asarray(hist["step"])
    moved = [c for c in SERIES
             if format_value(SPECS[c].kind, hist[c][steps == 2][0])
             != format_value(SPECS[c].kind, hist[c][-1])]
    assert moved, "the run must change some headline between month 2 and month 8"
    w.dashboard.month_clicked.emit(2)
    qtbot.waitUntil(lambda: w._past_frame is not None and w._past_frame.step == 2,
                    timeout=WAIT)
    for col in moved:
        want = format_value(SPECS[col].kind, float(hist[col][steps == 2][0]))
        assert w.dashboard._values[col].get_text() == want, col
