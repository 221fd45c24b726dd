"""The timeline: every kept month rebuilt exactly, tie logs against a list of sets,
setting changes recorded and written beside the metrics."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import Simulation, load_scenario
from models.history import changes_path
from models.keylog import KeyLog, key_dtype
from models.timeline import Timeline


def _full_state(sim) -> dict:
    """Everything the timeline keeps, copied in full (the oracle)."""
    return {"scores": sim.scores.astype(np.float32), "status": sim.status.copy(),
            "friends": np.sort(sim.friends.keys), "dating": np.sort(sim.dating.keys),
            "scammed": sim.scammed_now.copy(), "was_scammed": sim.ever_scammed.copy(),
            "isolated": sim.degree() == 0,
            "components": {k: v.copy() for k, v in sim.components.items()}}


def _run(scenario, steps, changes=None, max_gap=64):
    sim = Simulation(scenario)
    tl = Timeline.of_simulation(sim, max_gap=max_gap, keep_components=True)
    full = [_full_state(sim)]
    for t in range(1, steps + 1):
        if changes and t in changes:
            sim.set_params(changes[t])
        sim.step()
        tl.record_simulation(sim)
        full.append(_full_state(sim))
    return sim, tl, full


@pytest.mark.parametrize("max_gap", [1, 5, 64])
def test_state_at_is_the_full_state_of_every_month(max_gap):
    sc = load_scenario("default", {"population.size": 300, "sharing.rewire_rate": 0.3,
                                   "events.scam_rate": 0.02, "events.scam_duration": 3})
    sim, tl, full = _run(sc, 40, max_gap=max_gap)
    assert any(s["scammed"].any() for s in full) and full[-1]["was_scammed"].any()
    assert any(s["dating"].size for s in full)
    for k in [*range(41), *(-i for i in range(1, 5))]:
        m, want = tl.state_at(k), full[k]
        assert m.step == k % 41
        np.testing.assert_array_equal(m.scores, want["scores"])
        np.testing.assert_array_equal(m.status, want["status"])
        np.testing.assert_array_equal(m.friend_keys, want["friends"])
        np.testing.assert_array_equal(m.dating_keys, want["dating"])
        for flag in ("scammed", "was_scammed", "isolated"):
            np.testing.assert_array_equal(m.flags[flag], want[flag], err_msg=flag)
        np.testing.assert_array_equal(m.flags["opted_out"], sim.pop.opted_out)
        for key, value in want["components"].items():
            np.testing.assert_allclose(m.components[key], value, atol=5e-4, err_msg=key)
        np.testing.assert_array_equal(m.degree(), np.bincount(
            m.friend_edges().ravel(), minlength=sim.n))


def test_scammed_flag_covers_exactly_the_months_of_a_scam():
    sc = load_scenario("default", {"population.size": 200, "events.scam_rate": 0.0,
                                   "events.scam_duration": 4})
    sim = Simulation(sc)
    tl = Timeline.of_simulation(sim)
    sim.step()
    tl.record_simulation(sim)
    sim.scam(7)
    for _ in range(6):
        sim.step()
        tl.record_simulation(sim)
    flags = tl.flags_of(7)
    assert flags["scammed"].tolist() == [False, False, True, True, True, True, False, False]
    assert flags["was_scammed"].tolist() == [False, False, True, True, True, True, True, True]
    assert not tl.flags_of(8)["scammed"].any()


def test_person_columns_match_the_months():
    sc = load_scenario("karate", {"sharing.rewire_rate": 0.5})
    _, tl, full = _run(sc, 12)
    for p in (0, 5, 33):
        np.testing.assert_array_equal(tl.scores_of(p), [s["scores"][p] for s in full])
        np.testing.assert_array_equal(tl.status_of(p), [s["status"][p] for s in full])
        was = [bool(s["was_scammed"][p]) for s in full]
        assert tl.flags_of(p)["was_scammed"].tolist() == was
        for k, gained, lost in tl.tie_changes_of(p):
            before = {int(x) for x in full[k - 1]["friends"]}
            after = {int(x) for x in full[k]["friends"]}
            n = 34
            mine = lambda keys: {int(k) for k in keys if p in divmod(k, n)}  # noqa: E731
            other = lambda key: sum(divmod(key, n)) - p  # noqa: E731
            assert sorted(other(x) for x in mine(after - before)) == sorted(gained.tolist())
            assert sorted(other(x) for x in mine(before - after)) == sorted(lost.tolist())


def test_setting_changes_are_kept_with_the_first_month_using_them(tmp_path):
    sc = load_scenario("karate")
    sim, tl, _ = _run(sc, 6, changes={3: {"rubric.social": 0.4},
                                      5: {"sharing.share_with_friends": False,
                                          "population.size": 50}})
    got = [(c.step, c.key, c.old, c.new) for c in tl.changes]
    assert got == [(3, "rubric.social", sc["rubric.social"], 0.4),
                   (5, "sharing.share_with_friends", sc["sharing.share_with_friends"], False)]
    assert tl.change_steps() == [3, 5]
    sim.history.to_csv(tmp_path / "m.csv")
    with open(changes_path(tmp_path / "m.csv"), newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["step", "key", "old", "new"],
                    ["3", "rubric.social", repr(sc["rubric.social"]), "0.4"],
                    ["5", "sharing.share_with_friends", "true", "false"]]


def test_a_run_without_changes_writes_no_side_file_and_clears_a_stale_one(tmp_path):
    sim = Simulation(load_scenario("karate"))
    sim.run(2)
    sim.history.to_csv(tmp_path / "m.csv")
    assert not changes_path(tmp_path / "m.csv").exists()
    changes_path(tmp_path / "m.csv").write_text("step,key,old,new\n1,rubric.social,0,1\n")
    sim.history.to_csv(tmp_path / "m.csv")
    assert changes_path(tmp_path / "m.csv").read_text().splitlines() == ["step,key,old,new"]


def test_changes_do_not_change_the_run():
    """Recording the changes must not touch the simulation's draws."""
    sc = load_scenario("karate")
    a, _, _ = _run(sc, 5, changes={2: {"rubric.social": 0.3}})
    b = Simulation(sc)
    b.run(1)
    b.set_params({"rubric.social": 0.3})
    b.run(4)
    np.testing.assert_array_equal(a.scores, b.scores)


def test_components_are_optional_and_then_required():
    assert Timeline.of_simulation(Simulation(load_scenario("karate"))).state_at(0).components \
        is None
    tl = Timeline(3, keep_components=True)
    with pytest.raises(ValueError, match="keeps the rubric components"):
        tl.record(0, np.zeros(3), np.zeros(3), np.array([1]))


def test_months_must_follow_each_other():
    tl = Timeline(3)
    tl.record(0, np.zeros(3), np.zeros(3), np.array([1]))
    with pytest.raises(ValueError, match="month 2 recorded after month 0"):
        tl.record(2, np.zeros(3), np.zeros(3), np.array([1]))
    with pytest.raises(IndexError, match="month 1 is not kept"):
        tl.state_at(1)


def test_positions_are_kept_and_carried_forward():
    tl = Timeline(2)
    pos = np.array([[0.0, 1.0], [2.0, 3.0]])
    tl.record(0, np.zeros(2), np.zeros(2), np.empty(0, np.int64), positions=pos)
    tl.record(1, np.zeros(2), np.zeros(2), np.empty(0, np.int64))
    np.testing.assert_array_equal(tl.state_at(1).positions, pos.astype(np.float32))
    assert tl.state_at(1).positions.dtype == np.float32


def test_positions_of_every_month_are_kept_to_a_sixteen_bit_step():
    rng = np.random.default_rng(3)
    tl = Timeline(50)
    given = []
    for k in range(12):
        pos = rng.normal(size=(50, 2)) * (1 + k)
        given.append(pos)
        # Month 5 does not move (a frozen layout): its positions are carried forward.
        tl.record(k, np.zeros(50), np.zeros(50), np.empty(0, np.int64),
                  positions=given[4] if k == 5 else pos)
    assert len(tl._cols.positions) == 11
    for k in range(12):
        want = given[4] if k == 5 else given[k]
        got = tl.state_at(k).positions
        span = np.ptp(want, axis=0)
        assert np.all(np.abs(got - want) <= span / 65_535), k
        np.testing.assert_array_equal(got, tl.positions_at(k))   # the same every time


def test_opted_out_is_kept_in_the_months_it_changed():
    sc = load_scenario("default", {"population.size": 300, "optout.choice": True,
                                   "optout.review_rate": 0.5})
    sim = Simulation(sc)
    tl = Timeline.of_simulation(sim)
    want = [sim.pop.opted_out.copy()]
    for k in range(1, 9):
        sim.step()
        tl.record_simulation(sim)
        want.append(sim.pop.opted_out.copy())
    assert any(not np.array_equal(want[0], w) for w in want)
    for k in range(9):
        np.testing.assert_array_equal(tl.state_at(k).flags["opted_out"], want[k])
    changed = 1 + sum(not np.array_equal(a, b) for a, b in zip(want, want[1:]))
    assert len(tl._cols.opted_out) == changed


def test_the_memory_cap_drops_the_oldest_months():
    from models.timeline import CAP_EVERY

    sc = load_scenario("default", {"population.size": 200, "sharing.rewire_rate": 0.3})
    sim = Simulation(sc)
    uncapped = Timeline.of_simulation(sim, keep_components=True)
    for _ in range(10):
        sim.step()
        uncapped.record_simulation(sim)
    month = uncapped.nbytes / len(uncapped)
    sim = Simulation(sc)
    tl = Timeline.of_simulation(sim, keep_components=True, max_bytes=int(20 * month))
    full = [_full_state(sim)]
    for _ in range(60):
        sim.step()
        tl.record_simulation(sim, positions=np.full((200, 2), float(sim.step_count)))
        full.append(_full_state(sim))
    assert tl.first > 0 and tl.dropped == tl.first and tl.last_step == 60
    assert tl.nbytes <= 20 * month + (CAP_EVERY + 2) * month
    with pytest.raises(IndexError, match="dropped to stay under the memory cap"):
        tl.state_at(tl.first - 1)
    for k in range(tl.first, 61):
        m = tl.state_at(k)
        np.testing.assert_array_equal(m.scores, full[k]["scores"])
        np.testing.assert_array_equal(m.friend_keys, full[k]["friends"])
        np.testing.assert_array_equal(m.dating_keys, full[k]["dating"])
        assert m.positions[0, 0] == k
    assert len(tl.scores_of(0)) == 61 - tl.first
    from models.story import story_lines

    lines = story_lines(tl, 0)
    assert lines[0].startswith(f"month {tl.first}: score") and "dropped" in lines[0]


def test_keylog_drop_before_keeps_the_later_steps():
    sets = [{1, 2}, {2, 3}, {3, 4, 5}, {5}, {5, 6}, {1}]
    log = KeyLog(4, max_gap=2)
    for s in sets:
        log.record(np.array(sorted(s), dtype=np.int64))
    log.drop_before(3)
    assert log.first == 3 and len(log) == 3
    assert [log.at(k).tolist() for k in (3, 4, 5)] == [[5], [5, 6], [1]]
    assert log.changes(4)[0].tolist() == [6] and log.changes(3)[0].size == 0
    with pytest.raises(IndexError, match="step 2 is not kept"):
        log.at(2)
    log.record(np.array([1, 2]))
    assert log.at(-1).tolist() == [1, 2] and log.at(6).tolist() == [1, 2]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sets(st.integers(0, 24), max_size=12), min_size=1, max_size=30),
       st.integers(1, 6), st.floats(0.0, 2.0))
def test_keylog_equals_a_list_of_sets(sets, max_gap, share):
    log = KeyLog(5, max_gap=max_gap, snapshot_share=share)
    for s in sets:
        log.record(np.array(sorted(s), dtype=np.int64))
    assert len(log) == len(sets)
    for k, s in enumerate(sets):
        assert log.at(k).tolist() == sorted(s)
        added, removed = log.changes(k)
        prev = sets[k - 1] if k else s
        assert set(added.tolist()) == s - prev and set(removed.tolist()) == prev - s
    steps = log.snapshot_steps
    assert steps[0] == 0 and all(b - a <= max_gap for a, b in zip(steps, [*steps[1:], len(sets)]))


def test_keylog_unchanged_flag_and_key_width():
    log = KeyLog(4)
    log.record(np.array([3, 1]))
    log.record(np.array([9]), changed=False)
    assert log.at(1).tolist() == [1, 3]
    assert key_dtype(65_535) == np.uint32 and key_dtype(65_537) == np.int64
    big = KeyLog(100_000)
    big.record(np.array([99_999 * 100_000 + 5]))
    assert big.at(0).tolist() == [99_999 * 100_000 + 5]
