"""Guided lessons: a TOML file of steps that set up, run and question a scenario.

A lesson (``assets/lessons/NAME.toml``) names a scenario and a sequence of steps. A
step may load another scenario, change parameters, start again at month 0, scam a
person, ask the class to predict (a multiple-choice question answered before running),
run some months or until a metric crosses a value, highlight a person, a view or a
metric, and end with a reflection question. Teacher notes stay off the projected view.

The file is validated on load like a scenario: every key is known, every value has the
right type and range, every parameter change is checked against the scenario schema,
each step against the network in force then (:mod:`models.lesson_checks`), and an error
is one line naming the file, the step and the key (a step that fails while it runs too)::

    who_decides.toml: step 3: run: must be a whole number of months >= 0, got 'ten'

Format (every key but the ones marked optional is required)::

    schema_version = 1                 # optional
    [lesson]
    title = "Who decides what counts?"
    minutes = 12
    scenario = "default"               # a preset name or a file next to the lesson
    summary = "..."                    # optional
    sources = ["...", "..."]
    fiction = "Nosedive is fiction: ... Real systems: ..."
    controls = ["rubric.social"]       # optional: up to three fields shown when presenting

    [[step]]
    title = "..."
    text = "what the class reads"
    notes = "for the teacher only"     # optional; the other step keys are optional too
    scenario = "friends_count"         # start this scenario afresh
    set = { "rubric.social" = 0.4 }    # parameter changes (a graph file next to the lesson)
    reset = true                       # start again at month 0 with the seed
    scam = "highest"                   # a person: highest, lowest, most_friends,
                                       # fewest_friends, median, previous (the one
                                       # highlighted before), or an index
    run = 24                           # months to run (at most, with until)
    until = { metric = "restricted_share", above = 0.2 }
    highlight = { person = "lowest", view = "network", metric = "restricted_share" }
    predict = { question = "...", choices = ["...", "..."] }
    compare = { "events.scam_relief" = "verified" }   # open A/B: B is this step's
                                       # scenario with these settings; both start
                                       # again at month 0 and run in lockstep; the
                                       # comparison stays open until compare = false
    reflect = "a question to discuss"

Every text may be translated in a sibling file ``assets/lessons/LANG/NAME.toml`` (see
:mod:`models.lesson_text`); ``load_lesson(name, lang="zh_CN")`` reads it.

Example
-------
>>> lesson = load_lesson("no_room_for_mistakes")
>>> lesson.minutes, len(lesson.steps)
(11, 4)
>>> load_lesson("no_room_for_mistakes", lang="zh_CN").title
'不给犯错留余地'
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from models.errors import ScenarioError
from models.history import METRIC_COLUMNS
from models.lesson_checks import check_step
from models.overrides import check_overrides
from models.scenario import Scenario, load_scenario
from models.schema import FIELD_BY_NAME
from models.shipped import asset_dir

__all__ = ["LessonError", "Lesson", "Step", "Predict", "Until", "Highlight", "PERSONS",
           "VIEWS", "lesson_dir", "lesson_names", "load_lesson", "list_lessons"]

#: Ways of naming a person in a lesson (an index is allowed too).
PERSONS = ("highest", "lowest", "most_friends", "fewest_friends", "median", "previous")
#: Views a step can highlight.
VIEWS = ("network", "dashboard", "person")

_TOP_KEYS = {"schema_version", "lesson", "step"}
_LESSON_KEYS = {"title", "minutes", "scenario", "summary", "sources", "fiction", "controls"}
_STEP_KEYS = {"title", "text", "notes", "scenario", "set", "reset", "scam", "run", "until",
              "highlight", "predict", "reflect", "compare"}


class LessonError(ScenarioError):
    """A mistake in a lesson file: ``str()`` is one line naming file, step and key."""


@dataclass(frozen=True)
class Predict:
    """A multiple-choice question the class answers before the step runs."""

    question: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Until:
    """Stop running once ``metric`` is above (or below) ``value``."""

    metric: str
    value: float
    above: bool = True

    def met(self, row: dict[str, float]) -> bool:
        """True when the metrics ``row`` (a History row) satisfies the condition."""
        x = float(row[self.metric])
        return x > self.value if self.above else x < self.value


@dataclass(frozen=True)
class Highlight:
    """What a step points at: a person, a view, a metric (each optional)."""

    person: str | int | None = None
    view: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class Step:
    """One step of a lesson. ``scenario`` is the scenario in force during the step
    (the lesson's, with every earlier step's changes and this one's)."""

    title: str
    text: str
    scenario: Scenario
    notes: str = ""
    rebuild: bool = False        # start again at month 0 (new scenario, reset, rebuild field)
    changes: dict = field(default_factory=dict)   # parameters changed by this step
    scam: str | int | None = None
    run: int = 0
    until: Until | None = None
    highlight: Highlight = Highlight()
    predict: Predict | None = None
    reflect: str = ""
    compare: dict | None = None   # B's settings while A/B is open (None: not comparing)
    opens_compare: bool = False   # this step opens A/B (both start again at month 0)

    @property
    def scenario_b(self) -> Scenario | None:
        """Rubric B's scenario during the step (None when not comparing)."""
        return None if self.compare is None else self.scenario.replace(self.compare)


@dataclass(frozen=True)
class Lesson:
    """A validated lesson, ready to step through."""

    name: str
    title: str
    minutes: int
    scenario: Scenario
    sources: tuple[str, ...]
    fiction: str
    steps: tuple[Step, ...]
    summary: str = ""
    controls: tuple[str, ...] = ()
    source: str = ""
    lang: str = "en"


def lesson_dir() -> Path:
    """Folder holding the shipped lessons."""
    return asset_dir("lessons")


def lesson_names() -> list[str]:
    """Names of the shipped lessons, sorted."""
    return sorted(p.stem for p in lesson_dir().glob("*.toml"))


def _resolve(name_or_path: str | os.PathLike[str]) -> Path:
    from .io.special import special_file_problem

    p = Path(name_or_path)
    if p.suffix.lower() == ".toml" or p.exists():
        problem = special_file_problem(p)   # a FIFO would block the read for ever
        if problem is not None and problem != "file not found":
            raise LessonError(str(name_or_path), "", problem)
        return p
    shipped = lesson_dir() / f"{p.name}.toml"
    if shipped.is_file():
        return shipped
    known = ", ".join(lesson_names()) or "none"
    raise LessonError(str(name_or_path), "", f"no such lesson file or lesson (known: {known})")


class _Reader:
    """Type checks that raise one-line errors naming the file, the step and the key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, key: str, problem: str):
        raise LessonError(self.source, f"{where}: {key}" if where else key, problem)

    def text(self, table: dict, key: str, where: str, required: bool = True) -> str:
        if key not in table:
            if required:
                self.fail(where, key, "missing (a text is required)")
            return ""
        value = table[key]
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(where, key, f"must be a non-empty text, got {value!r}")
        return " ".join(value.split()) if key not in ("text", "notes") else value.strip()

    def texts(self, table: dict, key: str, where: str, lo: int, hi: int) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not lo <= len(value) <= hi \
                or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(where, key, f"must be a list of {lo} to {hi} non-empty texts, "
                                  f"got {value!r}")
        return tuple(" ".join(v.split()) for v in value)

    def whole(self, table: dict, key: str, where: str, lo: int, hi: int, what: str) -> int:
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.fail(where, key, f"must be a whole number of {what} from {lo} to {hi}, "
                                  f"got {value!r}")
        return value

    def unknown(self, table: dict, known: set[str], where: str) -> None:
        for key in table:
            if key not in known:
                self.fail(where, key, f"unknown key (known: {', '.join(sorted(known))})")

    def person(self, value: Any, where: str, key: str) -> str | int:
        if isinstance(value, str) and value in PERSONS:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        self.fail(where, key, f"must be one of {', '.join(PERSONS)} or a person's index, "
                              f"got {value!r}")


def _scenario(r: _Reader, value: Any, where: str, base_dir: Path) -> Scenario:
    if not isinstance(value, str) or not value.strip():
        r.fail(where, "scenario", f"must be a preset name or a file, got {value!r}")
    near = base_dir / value
    try:
        return load_scenario(near if near.is_file() else value)
    except ScenarioError as exc:
        r.fail(where, "scenario", str(exc))


def _compare(r: _Reader, raw: dict, where: str, scenario: Scenario,
             before: dict | None) -> tuple[dict | None, bool]:
    """B's settings during a step, and whether the step opens the comparison."""
    if "compare" not in raw:
        return before, False
    value = raw["compare"]
    if value is False:
        return None, False
    if not isinstance(value, dict) or not value:
        r.fail(where, "compare", "must be a table of B's settings "
                                 f"{{ parameter = value }} or false, got {value!r}")
    for name in value:
        if name not in FIELD_BY_NAME:
            r.fail(where, f"compare.{name}", "not a scenario parameter")
    try:
        overrides = check_overrides(scenario, value)
    except ScenarioError as exc:
        r.fail(where, f"compare.{exc.key}", exc.problem)
    if all(scenario[k] == v for k, v in overrides.items()):
        r.fail(where, "compare", "B must differ from A in at least one setting")
    return overrides, True


def _step(r: _Reader, raw: Any, i: int, before: Scenario, base_dir: Path,
          compare: dict | None = None) -> Step:
    where = f"step {i}"
    if not isinstance(raw, dict):
        r.fail("", where, "must be a [[step]] table")
    r.unknown(raw, _STEP_KEYS, where)
    rebuild = False
    scenario = before
    if "scenario" in raw:
        scenario, rebuild = _scenario(r, raw["scenario"], where, base_dir), True
    changes = raw.get("set", {})
    if not isinstance(changes, dict):
        r.fail(where, "set", "must be a table of parameter = value")
    for name in changes:
        if name not in FIELD_BY_NAME:
            r.fail(where, f"set.{name}", "not a scenario parameter")
    path = changes.get("network.path")
    if isinstance(path, str) and path and not Path(os.path.expanduser(path)).is_absolute():
        # A graph file next to the lesson, as its scenarios are (not the preset's folder).
        changes = {**changes, "network.path": str(base_dir / os.path.expanduser(path))}
    try:
        scenario = scenario.replace(changes, source=r.source)
    except ScenarioError as exc:
        r.fail(where, f"set.{exc.key}", exc.problem)
    rebuild = rebuild or any(FIELD_BY_NAME[n].rebuild for n in changes)
    if "reset" in raw:
        if not isinstance(raw["reset"], bool):
            r.fail(where, "reset", f"must be true or false, got {raw['reset']!r}")
        rebuild = rebuild or raw["reset"]
    compare, opens = _compare(r, raw, where, scenario, compare)
    rebuild = rebuild or opens
    run = r.whole(raw, "run", where, 0, 10_000, "months") if "run" in raw else 0
    until = None
    if "until" in raw:
        u = raw["until"]
        if not isinstance(u, dict) or u.get("metric") not in METRIC_COLUMNS \
                or len({"above", "below"} & set(u)) != 1 or len(u) != 2:
            r.fail(where, "until", "must be { metric = <a metric column>, above = x } or "
                                   f"below = x, got {u!r}")
        bound = u.get("above", u.get("below"))
        if isinstance(bound, bool) or not isinstance(bound, int | float):
            r.fail(where, "until", f"the bound must be a number, got {bound!r}")
        if run == 0:
            r.fail(where, "until", "needs run = the most months to run")
        until = Until(u["metric"], float(bound), "above" in u)
    highlight = Highlight()
    if "highlight" in raw:
        h = raw["highlight"]
        if not isinstance(h, dict):
            r.fail(where, "highlight", "must be a table { person, view, metric }")
        r.unknown(h, {"person", "view", "metric"}, f"{where}: highlight")
        if "view" in h and h["view"] not in VIEWS:
            r.fail(where, "highlight.view", f"must be one of {', '.join(VIEWS)}, "
                                            f"got {h['view']!r}")
        if "metric" in h and h["metric"] not in METRIC_COLUMNS:
            r.fail(where, "highlight.metric", f"not a metric column: {h['metric']!r}")
        person = r.person(h["person"], where, "highlight.person") if "person" in h else None
        highlight = Highlight(person, h.get("view"), h.get("metric"))
    predict = None
    if "predict" in raw:
        p = raw["predict"]
        if not isinstance(p, dict):
            r.fail(where, "predict", "must be a table { question, choices }")
        r.unknown(p, {"question", "choices"}, f"{where}: predict")
        predict = Predict(r.text(p, "question", f"{where}: predict"),
                          r.texts(p, "choices", f"{where}: predict", 2, 5))
        if run == 0:
            r.fail(where, "predict", "a prediction needs something to happen: set run")
    return Step(title=r.text(raw, "title", where), text=r.text(raw, "text", where),
                notes=r.text(raw, "notes", where, required=False), scenario=scenario,
                rebuild=rebuild, changes=dict(changes),
                scam=r.person(raw["scam"], where, "scam") if "scam" in raw else None,
                run=run, until=until, highlight=highlight, predict=predict,
                reflect=r.text(raw, "reflect", where, required=False),
                compare=compare, opens_compare=opens)


def load_lesson(name_or_path: str | os.PathLike[str], lang: str | None = "en") -> Lesson:
    """Read and validate a lesson file, or a shipped lesson by name, in ``lang``.

    ``lang`` is ``"en"`` (the file's own texts), ``"zh_CN"`` (the translation beside
    it, :mod:`models.lesson_text`), or None: the language the environment asks for
    (:func:`models.lesson_text.language`). A language without a translation file gives
    the English texts.

    Raises
    ------
    LessonError
        One line naming the file, the step and the key, and what is wrong.
    """
    path = _resolve(name_or_path)
    source = str(path)
    r = _Reader(source)
    try:
        doc = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        r.fail("", "", f"cannot read: {exc.strerror or exc}")
    except UnicodeDecodeError:
        r.fail("", "", "not a UTF-8 text file")
    except tomllib.TOMLDecodeError as exc:
        r.fail("", "", f"invalid TOML: {exc}")
    r.unknown(doc, _TOP_KEYS, "")
    if doc.get("schema_version", 1) != 1:
        r.fail("", "schema_version", f"must be 1, got {doc['schema_version']!r}")
    head = doc.get("lesson")
    if not isinstance(head, dict):
        r.fail("", "lesson", "missing [lesson] table (title, minutes, scenario, sources)")
    r.unknown(head, _LESSON_KEYS, "lesson")
    for key in ("minutes", "scenario"):
        if key not in head:
            r.fail("lesson", key, "missing")
    minutes = r.whole(head, "minutes", "lesson", 1, 180, "minutes")
    scenario = _scenario(r, head["scenario"], "lesson", path.parent)
    controls = r.texts(head, "controls", "lesson", 0, 3) if "controls" in head else ()
    for name in controls:
        if name not in FIELD_BY_NAME:
            r.fail("lesson", "controls", f"not a scenario parameter: {name!r}")
    raw_steps = doc.get("step")
    if not isinstance(raw_steps, list) or not raw_steps:
        r.fail("", "step", "a lesson needs at least one [[step]]")
    steps, current, compare = [], scenario, None
    for i, raw in enumerate(raw_steps, start=1):
        step = _step(r, raw, i, current, path.parent, compare)
        check_step(step, i, r.fail)
        if i == 1:   # the lesson starts from its scenario at month 0
            step = replace(step, rebuild=True)
        steps.append(step)
        current, compare = step.scenario, step.compare
    lesson = Lesson(name=path.stem, title=r.text(head, "title", "lesson"), minutes=minutes,
                  scenario=scenario, sources=r.texts(head, "sources", "lesson", 1, 20),
                  fiction=r.text(head, "fiction", "lesson"), steps=tuple(steps),
                  summary=r.text(head, "summary", "lesson", required=False),
                  controls=controls, source=source)
    from models.lesson_text import language, translate

    lang = language() if lang is None else lang
    return lesson if lang == "en" else translate(lesson, path, lang)


def list_lessons(lang: str | None = "en") -> list[Lesson]:
    """Every shipped lesson, loaded (a broken one raises its :class:`LessonError`)."""
    return [load_lesson(name, lang) for name in lesson_names()]
