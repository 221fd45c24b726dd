"""The app's panels on their own: dashboard, inspector, exports and plain words.

Frames come from a real :class:`models.simulation.Simulation` on small presets. No test
depends on timing: throttled drawing is checked by counting, and everything is drawn
explicitly with ``flush()`` where pixels matter.
"""

from __future__ import annotations

import dataclasses
import doctest
import itertools
import math

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from app.common import plain_words  # noqa: E402
from app.dashboard import panel as dashboard_module  # noqa: E402
from app.dashboard import scales as dashboard_scales  # noqa: E402
from app.inspector import panel as inspector_module  # noqa: E402
from app.inspector import score_parts  # noqa: E402
from app.network import people as network_people  # noqa: E402
from app.window import export as export_module  # noqa: E402
from app.dashboard.panel import SERIES, QtDashboard  # noqa: E402
from app.inspector.panel import QtInspector, contribution_points, violation_penalty  # noqa: E402
from app.process.frame import Static, frame_from_simulation, static_from_simulation  # noqa: E402
from app.process.tables import export_metrics_csv, export_people_csv  # noqa: E402
from app.window.export import annotation_text, export_figure  # noqa: E402
from models import load_scenario  # noqa: E402
from models.history import METRIC_COLUMNS  # noqa: E402
from models.schema import RUBRIC_KEYS  # noqa: E402
from models.simulation import Simulation  # noqa: E402


# ---------------------------------------------------------------------- helpers
def karate(**changes) -> Simulation:
    return Simulation(load_scenario("karate", changes or None))


def show_dashboard(qtbot, sim: Simulation, first, size: tuple[int, int] | None = None):
    """A dashboard on screen (resized to ``size``), started on ``sim`` at frame ``first``."""
    dash = QtDashboard()
    qtbot.addWidget(dash)
    if size is not None:
        dash.resize(*size)
    dash.show()
    qtbot.waitExposed(dash)
    dash.on_rebuilt(static_from_simulation(sim), first)
    return dash


# ---------------------------------------------------------------------- plain words
def test_plain_words_cover_every_metric_and_component():
    assert set(plain_words.METRIC_TITLES) == set(METRIC_COLUMNS)
    assert set(plain_words.METRIC_DEFINITIONS) == set(METRIC_COLUMNS)
    assert set(plain_words.RUBRIC_WORDS) == set(RUBRIC_KEYS)
    assert plain_words.RUBRIC_WORDS["social"] == "friends' scores"
    assert "Pearson correlation" in plain_words.METRIC_DEFINITIONS["assortativity"]


@pytest.mark.parametrize("module", [plain_words, dashboard_module, dashboard_scales,
                                    inspector_module, score_parts, network_people,
                                    export_module])
def test_examples_in_docstrings(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


# ---------------------------------------------------------------------- dashboard
@pytest.fixture
def running():
    sim = karate()
    frames = [frame_from_simulation(sim, edges_changed=True)]
    for _ in range(15):
        sim.step()
        frames.append(frame_from_simulation(sim, edges_changed=False))
    return sim, frames


def test_dashboard_lines_follow_history(qtbot, running):
    sim, frames = running
    dash = QtDashboard()
    qtbot.addWidget(dash)
    dash.on_rebuilt(static_from_simulation(sim), frames[0])
    for frame in frames[1:]:
        dash.on_frame(frame)
        for col in SERIES:
            x, y = dash._lines[col].get_data()
            assert len(x) == len(y) == frame.step + 1
            want = np.asarray(frame.history[col], dtype=float)
            want = np.where(np.isfinite(want), want, np.nan)
            np.testing.assert_array_equal(np.asarray(y, dtype=float), want)
    assert dash.hist_counts.sum() == sim.n
    assert dash.hist_counts.shape[0] == len(sim.pop.group_labels)


def test_dashboard_draws_with_nan_and_inf(qtbot, running):
    sim, frames = running
    dash = show_dashboard(qtbot, sim, frames[0], (1200, 360))
    last = frames[-1]
    history = {c: np.array(v, dtype=float) for c, v in last.history.items()}
    history["degree_gap"][:] = np.nan
    history["assortativity"][::2] = np.nan
    history["gini"][-1] = np.inf
    odd = dataclasses.replace(last, history=history)
    dash.on_frame(odd)
    dash.flush()
    dash._draws.timer.stop()
    dash._draw_now()   # the blitting path, too
    assert dash._values["degree_gap"].get_text() == "n/a"
    assert dash.hist_counts.sum() == sim.n


def test_dashboard_throttles_drawing(qtbot, running):
    sim, frames = running
    dash = show_dashboard(qtbot, sim, frames[0])
    before = dash.full_draws + dash.blits
    # Without the event loop turning, the throttle timer cannot fire: at most one
    # immediate draw request for the whole burst.
    for frame in frames[1:] * 3:
        dash.on_frame(frame)
    assert dash.full_draws + dash.blits - before <= 1


@pytest.mark.parametrize("size", [(1900, 340), (1175, 366), (1366, 250), (1000, 250),
                                  (620, 1000), (460, 680), (900, 600), (682, 260)])
def test_dashboard_titles_do_not_overlap(qtbot, running, size):
    """Below the network at 1920 and 1366 wide, and beside it: no text collides.

    682 x 260 is too small for seven readable plots: the panel scrolls instead.
    """
    sim, frames = running
    dash = show_dashboard(qtbot, sim, frames[0], size)
    dash.on_frame(frames[-1])
    # The figure follows the canvas's size once Qt delivers the resize event.
    ratio = dash.canvas.device_pixel_ratio
    qtbot.waitUntil(lambda: dash.figure.bbox.height >= dash.canvas.minimumHeight() * ratio)
    dash.flush()
    if size == (682, 260):
        assert dash.canvas.minimumHeight() > 260
    elif size[1] >= 250:
        assert dash.canvas.minimumHeight() <= size[1]   # no scrolling when there is room
    fig = dash.figure
    renderer = dash.canvas.get_renderer()
    boxes = []   # (which axes, what, extent)
    for k, ax in enumerate(fig.axes):
        left, value = ax._left_title, ax._right_title
        boxes += [(k, "text", t.get_window_extent(renderer))
                  for t in (left, ax.title, value) if t.get_text().strip()]
        boxes.append((k, "axes", ax.get_window_extent(renderer)))
        boxes += [(k, "ticks", box) for box in (ax.xaxis.get_tightbbox(renderer),
                                                ax.yaxis.get_tightbbox(renderer))
                  if box is not None]
        if value.get_text().strip():
            # The value shares the title's last line (or has a blank last line to itself).
            last = left.get_text().split("\n")[-1]
            width = renderer.get_text_width_height_descent(
                last, left.get_fontproperties(), ismath=False)[0]
            assert left.get_window_extent(renderer).x0 + width < \
                value.get_window_extent(renderer).x0, (last, value.get_text())
        labels = sorted((t.get_window_extent(renderer) for t in ax.get_xticklabels()
                         if t.get_visible() and t.get_text()), key=lambda b: b.x0)
        for a, b in zip(labels, labels[1:]):
            assert a.x1 < b.x0, "x tick labels touch"
    legend = fig.axes[-1].get_legend()
    if legend is not None:
        boxes.append((len(fig.axes) - 1, "legend", legend.get_window_extent(renderer)))
    for (ka, wa, a), (kb, wb, b) in itertools.combinations(boxes, 2):
        if ka == kb and ({wa, wb} == {"text"} or {wa, wb} <= {"axes", "ticks"}):
            continue   # a title and its value (checked above); an axes and its own ticks
        inter = a.intersection(a, b)
        assert inter is None or inter.width < 1 or inter.height < 1, (wa, a, wb, b)
    whole = fig.bbox
    for _, _, box in boxes:
        assert box.x0 >= whole.x0 - 1 and box.x1 <= whole.x1 + 1
        assert box.y0 >= whole.y0 - 1 and box.y1 <= whole.y1 + 1


def test_dashboard_tooltip_gives_the_exact_definition(qtbot, running):
    sim, frames = running
    dash = QtDashboard()
    qtbot.addWidget(dash)
    dash.on_rebuilt(static_from_simulation(sim), frames[-1])
    ax = dash._axes["assortativity"]

    class Move:
        inaxes = ax

    dash._on_mouse_move(Move())
    tip = dash.canvas.toolTip()
    assert plain_words.METRIC_DEFINITIONS["assortativity"] in tip
    assert plain_words.METRIC_TITLES["assortativity"] in tip
    Move.inaxes = None
    dash._on_mouse_move(Move())
    assert dash.canvas.toolTip() == ""
    assert "20-point" in dash.tooltip_for(dash._hist_ax)


def test_dashboard_many_groups_fold_into_other(qtbot, running):
    sim, frames = running
    group = np.arange(sim.n) % 12
    static = Static(ids=sim.ids, group=group, group_labels=[f"class {k}" for k in range(12)],
                    opted_out=sim.pop.opted_out, n=sim.n, graph_key=None)
    dash = QtDashboard()
    qtbot.addWidget(dash)
    dash.on_rebuilt(static, frames[-1])
    assert dash.hist_counts.shape[0] == len(dashboard_module.GROUP_COLOURS)
    assert dash.hist_counts.sum() == sim.n


# ---------------------------------------------------------------------- inspector
def test_contributions_add_up_to_the_score_without_violations():
    sim = karate(**{"rubric.violation_points": 0.0})
    sim.run(10)
    frame = frame_from_simulation(sim, edges_changed=True)
    for i in range(sim.n):
        points = contribution_points(frame.components, frame.weights, i)
        assert 350.0 + sum(points.values()) == pytest.approx(frame.scores[i], abs=1e-9)
        assert violation_penalty(points, frame.scores[i]) == (0.0, False)


def test_penalty_is_never_negative_with_violations():
    sim = karate(**{"rubric.violation_points": 40.0, "events.violation_rate": 0.5})
    sim.run(10)
    frame = frame_from_simulation(sim, edges_changed=True)
    penalties = [violation_penalty(contribution_points(frame.components, frame.weights, i),
                                   frame.scores[i])[0] for i in range(sim.n)]
    assert min(penalties) >= 0.0
    assert max(penalties) > 0.0


@pytest.fixture
def inspector(qtbot):
    sim = karate()
    sim.run(12)
    insp = QtInspector(sim.score_history)
    qtbot.addWidget(insp)
    insp.resize(420, 1000)
    insp.on_rebuilt(static_from_simulation(sim), frame_from_simulation(sim, edges_changed=True))
    insp.show()
    qtbot.waitExposed(insp)
    return sim, insp


def test_inspector_shows_hint_without_a_person(inspector):
    _, insp = inspector
    insp.show_person(None)
    assert insp._stack.currentIndex() == 0
    assert "Click a person" in insp._hint.text()


def test_inspector_fills_for_a_person(inspector):
    sim, insp = inspector
    i = int(np.argmax(sim.degree()))
    insp.show_person(i)
    assert insp._stack.currentIndex() == 1
    assert insp._score.text() == f"{sim.scores[i]:.0f}"
    assert insp._badge.text() == {-1: "restricted", 0: "normal", 1: "privileged"}[
        int(sim.status[i])]
    model = insp._table.model()
    assert model.rowCount() == sim.degree()[i]
    shown = [float(model.index(r, 1).data()) for r in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    x, y = insp._history_line.get_data()
    assert len(y) == sim.step_count + 1
    assert insp._part_labels["total"][2].text() == f"{sim.scores[i]:.0f}"


def test_inspector_follows_frames(qtbot, inspector):
    sim, insp = inspector
    insp.show_person(3)
    sim.step()
    insp.on_frame(frame_from_simulation(sim, edges_changed=False))
    want = f"{sim.scores[3]:.0f}"
    qtbot.waitUntil(lambda: insp._score.text() == want)
    qtbot.waitUntil(lambda: insp._table.model().rowCount() == sim.degree()[3])


def test_clicking_a_friend_selects_them(qtbot, inspector):
    sim, insp = inspector
    insp.show_person(0)
    table = insp._table
    first = table.model().index(0, 0)
    rect = table.visualRect(first)
    with qtbot.waitSignal(insp.person_selected) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    friend = blocker.args[0]
    assert str(sim.ids[friend]) == first.data()
    assert friend in {int(j) for e in sim.friends.edges() if 0 in e for j in e} - {0}


def test_scam_button_emits_the_person(qtbot, inspector):
    sim, insp = inspector
    insp.show_person(5)
    assert str(sim.scenario["events.scam_duration"]) in insp._scam_note.text()
    with qtbot.waitSignal(insp.scam_requested) as blocker:
        qtbot.mouseClick(insp._scam_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [5]


def test_inspector_keeps_the_person_on_reset_only(inspector):
    sim, insp = inspector
    insp.show_person(4)
    sim.reset()
    insp.on_rebuilt(static_from_simulation(sim), frame_from_simulation(sim, edges_changed=True))
    assert insp.person == 4
    other = Simulation(load_scenario("karate", {"population.optout_share": 0.3}))
    insp.on_rebuilt(dataclasses.replace(static_from_simulation(other), graph_key="another graph"),
                    frame_from_simulation(other, edges_changed=True))
    assert insp.person is None
    assert insp._stack.currentIndex() == 0


def test_inspector_survives_missing_score_history(qtbot):
    sim = karate()

    def not_kept(_index):
        raise RuntimeError("per-person score history is not kept for graphs this large")

    insp = QtInspector(not_kept)
    qtbot.addWidget(insp)
    insp.on_rebuilt(static_from_simulation(sim), frame_from_simulation(sim, edges_changed=True))
    insp.show_person(1)
    assert "not kept" in insp._history_note.get_text()


# ---------------------------------------------------------------------- exports
@pytest.fixture
def shown_dashboard(qtbot, running):
    sim, frames = running
    dash = show_dashboard(qtbot, sim, frames[0], (1500, 340))
    dash.on_frame(frames[-1])
    dash.flush()
    return sim, frames[-1], dash


def test_annotation_text_says_step_seed_and_weights(running):
    sim, frames = running
    notes = annotation_text(frames[-1], "karate")
    assert "scenario karate" in notes["caption"]
    assert f"month {frames[-1].step}" in notes["caption"]
    assert f"seed {sim.scenario['run.seed']}" in notes["caption"]
    # Plain words, as scorenet render's caption (not internal key names).
    assert "35% payment record" in notes["weights"] and "history" not in notes["weights"]


def test_export_png_svg_pdf_leave_the_screen_figure_alone(tmp_path, shown_dashboard):
    sim, frame, dash = shown_dashboard
    fig = dash.figure
    notes = annotation_text(frame, "karate")
    texts = len(fig.texts)
    animated = [a for a in fig.findobj() if a.get_animated()]
    positions = [tuple(ax.get_position().bounds) for ax in fig.axes]

    png = export_figure(fig, tmp_path / "dash.png", annotations=notes)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000
    svg = export_figure(fig, tmp_path / "dash.svg", annotations=notes)
    text = svg.read_text(encoding="utf-8")
    assert f"month {frame.step}" in text and notes["weights"] in text
    pdf = export_figure(fig, tmp_path / "dash.pdf", annotations=notes)
    assert pdf.read_bytes()[:5] == b"%PDF-"

    assert len(fig.texts) == texts
    assert [a for a in fig.findobj() if a.get_animated()] == animated
    assert [tuple(ax.get_position().bounds) for ax in fig.axes] == positions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dash.pdf", "dash.png", "dash.svg"]


def test_export_errors_are_oserrors(tmp_path, shown_dashboard):
    _, frame, dash = shown_dashboard
    notes = annotation_text(frame, "karate")
    with pytest.raises(OSError):
        export_figure(dash.figure, tmp_path / "missing" / "x.png", annotations=notes)
    with pytest.raises(ValueError, match="unknown image type"):
        export_figure(dash.figure, tmp_path / "x.bmp", annotations=notes)
    with pytest.raises(OSError):
        export_metrics_csv(frame.history, tmp_path / "missing" / "m.csv")
    assert list(tmp_path.iterdir()) == []
    assert len(dash.figure.texts) == 0


def test_metrics_csv_is_byte_identical_to_history(tmp_path, running):
    sim, frames = running
    sim.history.to_csv(tmp_path / "cli.csv")
    export_metrics_csv(frames[-1].history, tmp_path / "app.csv")
    assert (tmp_path / "app.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    export_metrics_csv(sim.history, tmp_path / "app2.csv")
    assert (tmp_path / "app2.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    first = (tmp_path / "app.csv").read_text().splitlines()
    assert first[0].split(",") == list(METRIC_COLUMNS)
    assert len(first) == sim.step_count + 2


def test_metrics_csv_keeps_nan(tmp_path, running):
    sim, frames = running
    export_metrics_csv(frames[-1].history, tmp_path / "m.csv")
    rows = (tmp_path / "m.csv").read_text().splitlines()[1:]
    mobility = [r.split(",")[METRIC_COLUMNS.index("mobility")] for r in rows]
    assert mobility[0] == "nan"
    assert math.isnan(float(mobility[0]))


def test_people_csv_matches_the_cli(tmp_path, running):
    sim, _ = running
    sim.write_nodes_csv(tmp_path / "cli.csv")
    export_people_csv(sim.person_table(), tmp_path / "app.csv")
    assert (tmp_path / "app.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()


def test_scam_note_says_when_a_scam_cannot_act():
    from app.inspector.panel import scam_note
    from models import load_scenario

    assert "6 months" in scam_note(load_scenario("default"))
    assert "changes nothing" in scam_note(load_scenario("frozen"))
    assert "no effect" in scam_note(load_scenario("default", {"events.scam_duration": 0}))


def test_export_does_not_run_the_screen_draw_handlers(tmp_path, shown_dashboard):
    # The network view paints recoloured people into the screen buffer on draw_event;
    # run against the file's renderer during savefig it scribbled streaks over exports.
    dash = shown_dashboard[2]
    canvas = dash.canvas
    seen = []
    cid = canvas.mpl_connect("draw_event", lambda event: seen.append(event.renderer))
    try:
        for suffix in (".png", ".svg"):
            export_figure(dash.figure, tmp_path / f"d{suffix}",
                          annotations={"app": "ScoreNet"})
        assert all(r is canvas.get_renderer() for r in seen)
    finally:
        canvas.mpl_disconnect(cid)
