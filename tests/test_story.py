"""A person's story, from a hand-made timeline and from a real run."""

from __future__ import annotations

import re

import numpy as np
import pytest

from models import Simulation, load_scenario
from models.story import person_story, story_lines
from models.timeline import Timeline

N = 4


def _key(u, v):
    return min(u, v) * N + max(u, v)


def _hand_made() -> Timeline:
    """Person 0: friends with 1, 2; scammed months 2-3; loses both friends in month 3
    (isolated), restricted from month 3, makes friend 3 in month 5 and recovers."""
    tl = Timeline(N)
    ties = {0: [(0, 1), (0, 2), (1, 2)], 3: [(1, 2)], 5: [(1, 2), (0, 3)]}
    status = {3: -1, 4: -1}
    scam = {2, 3}
    keys = []
    for k in range(7):
        keys = sorted(_key(*t) for t in ties.get(k, [])) if k in ties else keys
        st = np.zeros(N, np.int8)
        st[0] = status.get(k, 0)
        scammed = np.zeros(N, bool)
        scammed[0] = k in scam
        was = np.zeros(N, bool)
        was[0] = k >= 2
        tl.record(k, np.full(N, 600.0 - 100 * (k in status)), st, np.array(keys, np.int64),
                  scammed=scammed, was_scammed=was)
    tl.note_change(4, "rubric.social", 0.05, 0.4)
    return tl


def test_hand_made_story():
    got = [(e.step, e.kind, e.text) for e in person_story(_hand_made(), 0)]
    assert got == [
        (2, "scam", "scammed: every payment fails while it lasts"),
        (3, "friends", "lost 2 friends (people 1, 2)"),
        (3, "isolated", "no friends left"),
        (3, "status", "restricted (score 500)"),
        (4, "setting", "setting changed for everyone: Interpersonal relationships "
                       "0.05 -> 0.4"),
        (4, "scam", "the scam is over (was scammed)"),
        (5, "friends", "made 1 new friend (person 3)"),
        (5, "isolated", "has friends again"),
        (5, "status", "back to normal (score 600)"),
    ]


def test_story_until_a_month_and_lines():
    tl = _hand_made()
    assert [e.step for e in person_story(tl, 0, until=3, settings=False)] == [2, 3, 3, 3]
    lines = story_lines(tl, 0, until=3)
    assert lines[0] == "month 0: score 600, 2 friends"
    assert lines[-1] == "month 3: score 500, 0 friends"
    assert story_lines(tl, 3, settings=False) == [
        "month 0: score 600, 0 friends", "month 5: made 1 new friend (person 0)",
        "month 5: has friends again", "month 6: score 600, 1 friend"]
    with pytest.raises(IndexError):
        person_story(tl, 4)


def test_story_of_a_real_run_agrees_with_the_simulation():
    sc = load_scenario("default", {"population.size": 300, "sharing.rewire_rate": 0.2,
                                   "events.scam_rate": 0.0})
    sim = Simulation(sc)
    tl = Timeline.of_simulation(sim)
    deg0 = sim.degree().copy()
    for t in range(30):
        if t == 4:
            sim.scam(5)
        sim.step()
        tl.record_simulation(sim)
    events = person_story(tl, 5)
    scam = [e.step for e in events if e.kind == "scam"]
    assert scam == [5, 5 + sc["events.scam_duration"]]
    # Friends lost and made add up to the change in friends, for whoever changed.
    changed = np.flatnonzero(sim.degree() != deg0)
    assert changed.size
    for p in changed[:5]:
        net = 0
        for e in person_story(tl, int(p)):
            if e.kind == "friends":
                net += sum(int(x) for x in re.findall(r"made (\d+)", e.text))
                net -= sum(int(x) for x in re.findall(r"lost (\d+)", e.text))
        assert deg0[p] + net == int(sim.degree()[p])
    d5 = int(sim.degree()[5])
    assert story_lines(tl, 5)[-1].endswith(f"{d5} friend" + ("" if d5 == 1 else "s"))
