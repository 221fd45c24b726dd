"""Running a lesson without a screen, and its printable student worksheet.

:func:`pick_person` turns a lesson's way of naming a person ("highest", "most_friends")
into an index for the scores and friend counts at hand; :func:`run_step` carries out a
step on a :class:`~models.simulation.Simulation` the way the app does (new run, changed
parameters, scam, months until a condition); :func:`walk` runs a whole lesson, which is
how the tests check that every shipped lesson reaches its end. A step that opens A/B
runs a :class:`~models.compare.Comparison` (A and B with the same seed, in lockstep)
from then on; its outcome says who is excluded under one rubric only.
:func:`worksheet` writes the Markdown sheet a class fills in: the questions with space
for answers, never the teacher's notes (:mod:`models.lesson_pdf` prints it as PDF).

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

from models.compare import Comparison
from models.errors import ScenarioError
from models.lessons import Lesson, LessonError, Step

__all__ = ["pick_person", "StepOutcome", "run_step", "walk", "worksheet", "WORDS"]


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
    metric_b: tuple[str, float, float] | None = None   # the same under B (A/B open)
    person_b: tuple[int, float, float] | None = None
    only_a: int | None = None    # excluded only under A at the end (A/B open)
    only_b: int | None = None    # excluded only under B


def _row(sim) -> dict[str, float]:
    return {c: float(sim.history[c][-1]) for c in sim.history}


def _fresh(step: Step):
    if step.compare is not None:
        return Comparison(step.scenario, step.compare, keep_timeline=False)
    from models.simulation import Simulation

    return Simulation(step.scenario)


def run_step(sim, step: Step, previous: int | None = None):
    """Carry out ``step`` on ``sim`` (a Simulation, a Comparison while A/B is open, or
    None); returns ``(simulation or comparison, StepOutcome)``. ``previous`` is the
    person highlighted by an earlier step.

    A step that rebuilds gets a new simulation of its scenario (month 0, its seed), or a
    new comparison of A and B when A/B is open; otherwise its parameter changes apply
    from the next month, as in the app: to A, and to B except the settings B overrides.
    The person a step names, its scam and its ``until`` follow A; a scam hits both.
    """
    pair = sim if isinstance(sim, Comparison) else None
    if sim is None or step.rebuild:
        sim = _fresh(step)
    elif pair is not None and step.compare is None:   # compare = false: A plays on alone
        sim = pair.a
    elif step.changes:
        if pair is None:
            sim.set_params(step.changes)
        else:
            pair.a.set_params(step.changes)
            shared = {k: v for k, v in step.changes.items() if k not in step.compare}
            if shared:
                pair.b.set_params(shared)
    pair = sim if isinstance(sim, Comparison) else None
    a = sim if pair is None else pair.a
    h = step.highlight
    degree = a.degree()
    person = None if h.person is None else pick_person(h.person, a.scores, degree, previous)
    if step.scam is not None:
        sim.scam(pick_person(step.scam, a.scores, degree, previous))
    sides = [a] if pair is None else [a, pair.b]
    before = [(_row(s), None if person is None else float(s.scores[person])) for s in sides]
    start = int(a.step_count)
    for _ in range(step.run):
        sim.step()
        if step.until is not None and step.until.met(_row(a)):
            break
    got = []
    for s, (row, score) in zip(sides, before):
        metric = None if h.metric is None else (h.metric, row[h.metric], _row(s)[h.metric])
        who = None if person is None else (person, score, float(s.scores[person]))
        got.append((metric, who))
    end = int(a.step_count)
    if pair is None:
        return sim, StepOutcome(end - start, start, end, *got[0])
    d = pair.difference()
    return sim, StepOutcome(end - start, start, end, *got[0], *got[1],
                            only_a=int(d.only_a.size), only_b=int(d.only_b.size))


def walk(lesson: Lesson) -> list[StepOutcome]:
    """Run every step of ``lesson`` headless; one outcome per step.

    A step that fails (a graph file it sets that does not read) raises LessonError
    naming the lesson file and the step."""
    sim, out, previous = None, [], None
    for i, step in enumerate(lesson.steps, start=1):
        try:
            sim, outcome = run_step(sim, step, previous)
        except LessonError:
            raise
        except ScenarioError as exc:
            raise LessonError(lesson.source or lesson.name, f"step {i}", str(exc)) from None
        out.append(outcome)
        if outcome.person is not None:
            previous = outcome.person[0]
    return out


#: The worksheet's own words, by lesson language (:attr:`Lesson.lang`).
WORDS = {
    "en": {"about": "ScoreNet lesson `{name}`, about {minutes} minutes.", "name": "Name",
           "date": "Date", "step": "Step {i} of {n}: {title}",
           "predict": "Predict before we run it:", "happened": "What happened:",
           "think": "Think about it:", "fiction": "Fiction and reality",
           "sources": "Sources", "compare": "Two rules side by side (A and B).",
           "page": "page {page}"},
    "zh_CN": {"about": "ScoreNet 课程 `{name}`，约 {minutes} 分钟。", "name": "姓名",
              "date": "日期", "step": "第 {i} 步（共 {n} 步）：{title}",
              "predict": "运行之前先预测：", "happened": "实际发生了什么：",
              "think": "想一想：", "fiction": "虚构与现实", "sources": "资料来源",
              "compare": "两条规则并排比较（A 和 B）。", "page": "第 {page} 页"},
}


def words(lesson: Lesson) -> dict[str, str]:
    """The worksheet's words in the lesson's language (English if it has none)."""
    return WORDS.get(lesson.lang, WORDS["en"])


def _blank(lines: int = 3) -> list[str]:
    return ["", *["\\_" * 60 + "  " for _ in range(lines)], ""]


def worksheet(lesson: Lesson) -> str:
    """The lesson as a printable Markdown worksheet: what the class reads, each
    prediction with boxes to tick and space to note what happened, and the reflection
    questions with space for answers, in the lesson's language. Teacher notes are left
    out.

    Example
    -------
    >>> from models.lessons import load_lesson
    >>> worksheet(load_lesson("opting_out", lang="zh_CN")).splitlines()[0]
    '# 退出'
    """
    w = words(lesson)
    line = "\\_" * 20
    out = [f"# {lesson.title}", "", "*" + w["about"].format(name=lesson.name,
                                                           minutes=lesson.minutes) + "*",
           "", f"{w['name']}: {line}   {w['date']}: {line[:20]}", ""]
    if lesson.summary:
        out += [lesson.summary, ""]
    for i, step in enumerate(lesson.steps, start=1):
        head = w["step"].format(i=i, n=len(lesson.steps), title=step.title)
        out += [f"## {head}", "", step.text, ""]
        if step.opens_compare:
            out += [f"*{w['compare']}*", ""]
        if step.predict is not None:
            out += [f"**{w['predict']}** {step.predict.question}", ""]
            out += [f"- [ ] {chr(65 + k)}. {c}" for k, c in enumerate(step.predict.choices)]
            out += ["", w["happened"], *_blank(2)]
        if step.reflect:
            out += [f"**{w['think']}** {step.reflect}", *_blank(3)]
    out += [f"## {w['fiction']}", "", lesson.fiction, "", f"## {w['sources']}", ""]
    out += [f"- {s}" for s in lesson.sources]
    return "\n".join(out).rstrip() + "\n"
