"""Running a lesson without a screen, and its printable student worksheet.

:func:`pick_person` turns a lesson's way of naming a person ("highest", "most_friends")
into an index for the scores and friend counts at hand; :func:`run_step` carries out a
step on a :class:`~models.simulation.Simulation` the way the app does (new run, changed
parameters, scam, months until a condition); :func:`walk` runs a whole lesson, which is
how the tests check that every shipped lesson reaches its end. :func:`worksheet` writes
the Markdown sheet a class fills in: the questions with space for answers, never the
teacher's notes.

Example
-------
>>> from models.lessons import load_lesson
>>> outcomes = walk(load_lesson("no_room_for_mistakes"))
>>> len(outcomes) == len(load_lesson("no_room_for_mistakes").steps)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.lessons import Lesson, Step

__all__ = ["pick_person", "StepOutcome", "run_step", "walk", "worksheet"]


def pick_person(who: str | int, scores: np.ndarray, degree: np.ndarray,
                previous: int | None = None) -> int:
    """The index of the person ``who`` names: an index (clipped to the people there
    are), the highest/lowest/median score, the most or fewest friends (ties: the lowest
    index, so the choice is the same on every run), or ``previous``: the person
    highlighted before (the highest scorer if none was).

    Example
    -------
    >>> pick_person("lowest", np.array([600., 400., 500.]), np.array([1, 2, 3]))
    1
    """
    scores = np.asarray(scores, dtype=float)
    degree = np.asarray(degree)
    if isinstance(who, int):
        return int(min(who, scores.shape[0] - 1))
    if who == "previous":
        if previous is not None and previous < scores.shape[0]:
            return int(previous)
        who = "highest"
    if who == "highest":
        return int(np.argmax(scores))
    if who == "lowest":
        return int(np.argmin(scores))
    if who == "most_friends":
        return int(np.argmax(degree))
    if who == "fewest_friends":
        return int(np.argmin(degree))
    order = np.argsort(scores, kind="stable")   # "median"
    return int(order[(scores.shape[0] - 1) // 2])


@dataclass(frozen=True)
class StepOutcome:
    """What happened in one step: months run, the highlighted metric and person."""

    months: int
    start_month: int
    end_month: int
    metric: tuple[str, float, float] | None     # (column, before, after)
    person: tuple[int, float, float] | None     # (index, score before, after)


def _row(sim) -> dict[str, float]:
    return {c: float(sim.history[c][-1]) for c in sim.history}


def run_step(sim, step: Step, previous: int | None = None):
    """Carry out ``step`` on ``sim``; returns ``(simulation, StepOutcome)``.
    ``previous`` is the person highlighted by an earlier step.

    A step that rebuilds gets a new simulation of its scenario (month 0, its seed);
    otherwise its parameter changes apply from the next month, as in the app.
    """
    from models.simulation import Simulation

    if sim is None or step.rebuild:
        sim = Simulation(step.scenario)
    elif step.changes:
        sim.set_params(step.changes)
    h = step.highlight
    degree = sim.degree()
    person = None if h.person is None else pick_person(h.person, sim.scores, degree, previous)
    if step.scam is not None:
        sim.scam(pick_person(step.scam, sim.scores, degree, previous))
    before_row, before_score = _row(sim), None if person is None else float(sim.scores[person])
    start = int(sim.step_count)
    for _ in range(step.run):
        sim.step()
        if step.until is not None and step.until.met(_row(sim)):
            break
    metric = None
    if h.metric is not None:
        metric = (h.metric, before_row[h.metric], _row(sim)[h.metric])
    who = None if person is None else (person, before_score, float(sim.scores[person]))
    end = int(sim.step_count)
    return sim, StepOutcome(end - start, start, end, metric, who)


def walk(lesson: Lesson) -> list[StepOutcome]:
    """Run every step of ``lesson`` headless; one outcome per step."""
    sim, out, previous = None, [], None
    for step in lesson.steps:
        sim, outcome = run_step(sim, step, previous)
        out.append(outcome)
        if outcome.person is not None:
            previous = outcome.person[0]
    return out


def _blank(lines: int = 3) -> list[str]:
    return ["", *["\\_" * 60 + "  " for _ in range(lines)], ""]


def worksheet(lesson: Lesson) -> str:
    """The lesson as a printable Markdown worksheet: what the class reads, each
    prediction with boxes to tick and space to note what happened, and the reflection
    questions with space for answers. Teacher notes are left out."""
    out = [f"# {lesson.title}", "", f"*ScoreNet lesson `{lesson.name}`, about "
           f"{lesson.minutes} minutes.*", "", "Name: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"
           "\\_\\_\\_\\_\\_\\_\\_\\_   Date: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_", ""]
    if lesson.summary:
        out += [lesson.summary, ""]
    for i, step in enumerate(lesson.steps, start=1):
        out += [f"## Step {i} of {len(lesson.steps)}: {step.title}", "", step.text, ""]
        if step.predict is not None:
            out += [f"**Predict before we run it:** {step.predict.question}", ""]
            out += [f"- [ ] {chr(65 + k)}. {c}" for k, c in enumerate(step.predict.choices)]
            out += ["", "What happened:", *_blank(2)]
        if step.reflect:
            out += [f"**Think about it:** {step.reflect}", *_blank(3)]
    out += ["## Fiction and reality", "", lesson.fiction, "", "## Sources", ""]
    out += [f"- {s}" for s in lesson.sources]
    return "\n".join(out).rstrip() + "\n"
