"""One person's story over a run, told from what the timeline kept.

:func:`person_story` walks a :class:`~models.timeline.Timeline` for one person and
returns the months where something happened to them: a scam began or ended, their status
changed, they lost or made friends, they were left with no friends, and the settings
changed during the run (which happened to everyone). Friendships are kept as ties, not
as who dropped whom, so the story says "lost 3 friends", not "dropped by 3 friends".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .schema import FIELD_BY_NAME
from .timeline import Timeline

__all__ = ["Event", "person_story", "story_lines", "change_words"]

_STATUS_WORDS = {-1: "restricted", 0: "back to normal", 1: "privileged"}


@dataclass(frozen=True)
class Event:
    """Something that happened in month ``step``; ``kind`` is one of ``scam``,
    ``status``, ``friends``, ``isolated``, ``setting``."""

    step: int
    kind: str
    text: str


def _people(k: int, word: str = "friend") -> str:
    return f"{k} {word}" if k == 1 else f"{k} {word}s"


def change_words(key: str, old, new) -> str:
    """A setting change in plain words: the field's label, then old -> new.

    Examples
    --------
    >>> change_words("sharing.share_with_friends", True, False)
    'Share scores with friends on -> off'
    """
    field = FIELD_BY_NAME.get(key)
    label = field.label if field is not None and field.label else key

    def show(v) -> str:
        if isinstance(v, bool):
            return "on" if v else "off"
        return f"{v:g}" if isinstance(v, float) else str(v)

    return f"{label} {show(old)} -> {show(new)}"


def person_story(timeline: Timeline, person: int, *, until: int | None = None,
                 settings: bool = True) -> list[Event]:
    """The events of ``person``'s story, month 1 to ``until`` (default: the last kept).

    Examples
    --------
    >>> import numpy as np
    >>> tl = Timeline(3)
    >>> tl.record(0, np.full(3, 600.0), np.zeros(3), np.array([1, 2]))
    >>> tl.record(1, np.full(3, 500.0), np.array([-1, 0, 0]), np.array([2]))
    >>> [e.text for e in person_story(tl, 0)]
    ['lost 1 friend (person 1)', 'restricted (score 500)']
    """
    return _story(timeline, person, until, settings)[0]


def _story(timeline: Timeline, person: int, until: int | None,
           settings: bool) -> tuple[list[Event], np.ndarray]:
    """The events and the number of friends in months 0..until (one pass over the ties)."""
    p = int(person)
    if not 0 <= p < timeline.n:
        raise IndexError(f"person index {p} out of range 0..{timeline.n - 1}")
    last = timeline.last_step if until is None else min(int(until), timeline.last_step)
    first = timeline.first   # months before it were dropped by the memory cap
    # Indexed by month: the months dropped read as the first one kept.
    scores, status, flags = (_from_zero(timeline.scores_of(p), first),
                             _from_zero(timeline.status_of(p), first),
                             {k: _from_zero(v, first) for k, v in timeline.flags_of(p).items()})
    events: list[Event] = []
    scam = flags["scammed"]
    for k in range(first + 1, last + 1):
        if scam[k] and not scam[k - 1]:
            events.append(Event(k, "scam", "scammed: every payment fails while it lasts"))
        elif scam[k - 1] and not scam[k]:
            events.append(Event(k, "scam", "the scam is over (was scammed)"))
        if status[k] != status[k - 1]:
            events.append(Event(k, "status",
                                f"{_STATUS_WORDS[int(status[k])]} (score {scores[k]:.0f})"))
    ties = timeline.tie_changes_of(p)
    degree = _degree_series(timeline, p, last, ties)
    for k, gained, lost in ties:
        if k > last:
            break
        parts = []
        if lost.size:
            parts.append(f"lost {_people(lost.size)} ({_ids(lost)})")
        if gained.size:
            parts.append(f"made {_people(gained.size, 'new friend')} ({_ids(gained)})")
        events.append(Event(k, "friends", ", ".join(parts)))
        if degree[k] == 0 and degree[k - 1] > 0:
            events.append(Event(k, "isolated", "no friends left"))
        elif degree[k] > 0 and degree[k - 1] == 0:
            events.append(Event(k, "isolated", "has friends again"))
    if settings:
        events += [Event(c.step, "setting",
                         f"setting changed for everyone: {change_words(c.key, c.old, c.new)}")
                   for c in timeline.changes if c.step <= last]
    order = {"setting": 0, "scam": 1, "friends": 2, "isolated": 3, "status": 4}
    return sorted(events, key=lambda e: (e.step, order[e.kind])), degree


def _from_zero(column: np.ndarray, first: int) -> np.ndarray:
    """A column of months ``first``.. as months 0.. (month ``first`` repeated before)."""
    return np.concatenate([np.repeat(column[:1], first), column]) if first else column


def _ids(people: np.ndarray, most: int = 4) -> str:
    shown = ", ".join(str(int(x)) for x in np.sort(people)[:most])
    more = f" and {people.size - most} more" if people.size > most else ""
    word = "person" if people.size == 1 else "people"
    return f"{word} {shown}{more}"


def _degree_series(timeline: Timeline, p: int, last: int, ties: list) -> np.ndarray:
    """The person's number of friends in months 0..last, from the tie changes."""
    degree = np.zeros(last + 1, dtype=np.int64)
    first = timeline.first
    u, v = np.divmod(timeline.friends.at(first), timeline.n)
    degree[:first + 1] = int(np.count_nonzero((u == p) | (v == p)))
    delta = np.zeros(last + 1, dtype=np.int64)
    for k, gained, lost in ties:
        if k <= last:
            delta[k] = gained.size - lost.size
    degree[first + 1:] = degree[first] + np.cumsum(delta[first + 1:])
    return degree


def story_lines(timeline: Timeline, person: int, **kwargs) -> list[str]:
    """The story as lines ``"month 12: scammed ..."``, with the score at both ends.

    Examples
    --------
    >>> import numpy as np
    >>> tl = Timeline(2)
    >>> tl.record(0, np.full(2, 600.0), np.zeros(2), np.array([1]))
    >>> story_lines(tl, 0)
    ['month 0: score 600, 1 friend', 'nothing else happened (month 0 to 0)']
    """
    until = kwargs.get("until")
    events, degree = _story(timeline, person, until, kwargs.get("settings", True))
    last = timeline.last_step if until is None else min(int(until), timeline.last_step)
    p = int(person)
    first = timeline.first
    scores = _from_zero(timeline.scores_of(p), first)
    lines = [f"month {first}: score {scores[first]:.0f}, {_people(int(degree[first]))}"]
    if first:
        lines[0] += f" (months 0-{first - 1} dropped to stay under the memory cap)"
    lines += [f"month {e.step}: {e.text}" for e in events]
    if not events:
        lines.append(f"nothing else happened (month {first} to {last})")
    elif last > 0:
        lines.append(f"month {last}: score {scores[last]:.0f}, {_people(int(degree[last]))}")
    return lines
