"""Lessons: every shipped lesson loads and runs headless to its end; bad files give one
line naming the file, the step and the key; the worksheet and ``scorenet lessons``."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.cli import main
from models.errors import ScenarioError
from models.lesson_run import pick_person, walk, worksheet
from models.lessons import LessonError, lesson_names, load_lesson

GOOD_HEAD = """
[lesson]
title = "T"
minutes = 10
scenario = "karate"
sources = ["the article"]
fiction = "Nosedive is fiction."
"""


def test_there_are_eight_lessons_on_the_articles_questions():
    names = lesson_names()
    assert len(names) >= 8
    for name in names:
        lesson = load_lesson(name)
        assert 10 <= lesson.minutes <= 15, name
        assert any("article" in s.lower() for s in lesson.sources), name
        assert "fiction" in lesson.fiction.lower() and "nosedive" in lesson.fiction.lower()
        assert lesson.steps[-1].reflect, f"{name} ends with a reflection question"
        assert any(s.predict for s in lesson.steps), name
        assert 1 <= len(lesson.controls) <= 3


@pytest.mark.parametrize("name", lesson_names())
def test_every_lesson_runs_to_its_end(name):
    lesson = load_lesson(name)
    outcomes = walk(lesson)
    assert len(outcomes) == len(lesson.steps)
    for step, out in zip(lesson.steps, outcomes):
        if step.until is None:
            assert out.months == step.run
        else:
            assert 1 <= out.months <= step.run
        if step.highlight.metric is not None:
            assert out.metric is not None and out.metric[0] == step.highlight.metric


def test_until_stops_the_run_when_the_metric_crosses():
    lesson = load_lesson("roam_everywhere")
    step = next(s for s in lesson.steps if s.until is not None)
    out = walk(lesson)[lesson.steps.index(step)]
    assert out.months < step.run and out.metric[2] > step.until.value


def test_same_lesson_same_outcomes():
    a, b = walk(load_lesson("scammed_into_debt")), walk(load_lesson("scammed_into_debt"))
    assert a == b
    scam = a[1]
    assert scam.person[2] < scam.person[1] - 100   # the scam really hits the victim


def test_pick_person_matches_a_loop():
    rng = np.random.default_rng(3)
    scores = rng.integers(350, 950, 50).astype(float)
    degree = rng.integers(0, 9, 50)
    order = sorted(range(50), key=lambda i: (scores[i], i))
    assert pick_person("highest", scores, degree) == max(range(50), key=lambda i: (scores[i], -i))
    assert pick_person("lowest", scores, degree) == order[0]
    assert pick_person("median", scores, degree) == order[24]
    assert pick_person("most_friends", scores, degree) == \
        min(i for i in range(50) if degree[i] == degree.max())
    assert pick_person("previous", scores, degree, 7) == 7
    assert pick_person(99, scores, degree) == 49


@pytest.mark.parametrize("body, words", [
    ("", ["step", "at least one"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nrun = 'ten'\n", ["step 1: run", "'ten'"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\n[[step]]\ntitle = 'c'\ntext = 'd'\ncolour = 1\n",
     ["step 2: colour", "unknown key"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nset = { 'rubric.social' = -1 }\n",
     ["step 1: set.rubric.social", ">= 0"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nset = { 'rubric.sociall' = 1 }\n",
     ["step 1: set.rubric.sociall", "not a scenario parameter"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nrun = 3\npredict = { question = 'q', choices = ['x'] }\n",
     ["step 1: predict: choices", "2 to 5"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\npredict = { question = 'q', choices = ['x', 'y'] }\n",
     ["step 1: predict", "set run"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nrun = 3\nuntil = { metric = 'fun', above = 1 }\n",
     ["step 1: until", "metric"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nhighlight = { person = 'tallest' }\n",
     ["step 1: highlight.person", "highest"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nscenario = 'nope'\n", ["step 1: scenario", "nope"]),
    ("[[step]]\ntitle = ''\ntext = 'b'\n", ["step 1: title", "non-empty"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\nscam = 100000\n",
     ["step 1: scam", "person 100000 does not exist", "people (0 to"]),
    ("[[step]]\ntitle = 'a'\ntext = 'b'\n[[step]]\ntitle = 'c'\ntext = 'd'\n"
     "scenario = 'karate'\nhighlight = { person = 34 }\n",
     ["step 2: highlight.person", "34 people (0 to 33)"]),
])
def test_a_bad_lesson_gives_one_line_naming_file_step_and_key(tmp_path, body, words):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD_HEAD + body, encoding="utf-8")
    with pytest.raises(LessonError) as exc:
        load_lesson(path)
    text = str(exc.value)
    assert "\n" not in text and text.startswith(str(path))
    for w in words:
        assert w in text
    assert isinstance(exc.value, ScenarioError)


def test_bad_head_and_bad_toml(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("[lesson\n", encoding="utf-8")
    with pytest.raises(LessonError, match="invalid TOML"):
        load_lesson(path)
    path.write_text(GOOD_HEAD.replace("minutes = 10", "minutes = 0") + "[[step]]\ntitle='a'\n"
                    "text='b'\n", encoding="utf-8")
    with pytest.raises(LessonError, match="lesson: minutes"):
        load_lesson(path)
    with pytest.raises(LessonError, match="no such lesson"):
        load_lesson("no_such_lesson")


def test_steps_carry_the_scenario_forward():
    lesson = load_lesson("who_decides")
    assert lesson.steps[0].rebuild
    assert lesson.steps[1].scenario["rubric.history"] == 0.70
    assert lesson.steps[5].scenario["rubric.history"] == 0.70   # kept from step 5
    out = load_lesson("opting_out")
    assert out.steps[2].rebuild and out.steps[2].scenario["optout.choice"]
    assert not out.steps[0].changes or out.steps[0].rebuild
    assert not load_lesson("friends_count").steps[2].rebuild   # it goes on from step 2
    nr = load_lesson("no_room_for_mistakes")
    assert math.isinf(nr.steps[1].scenario["events.forgiveness_half_life"])


def test_the_worksheet_has_the_questions_and_no_teacher_notes():
    lesson = load_lesson("friends_count")
    sheet = worksheet(lesson)
    assert sheet.startswith(f"# {lesson.title}")
    for step in lesson.steps:
        assert step.title in sheet
        if step.notes:
            assert step.notes not in sheet
        if step.predict:
            assert step.predict.question in sheet
            assert all(f"] {chr(65 + k)}. {c}" in sheet for k, c in enumerate(step.predict.choices))
    assert lesson.steps[-1].reflect in sheet and "Sources" in sheet and "Nosedive" in sheet
    assert f"Step 3 of {len(lesson.steps)}" in sheet


def test_scorenet_lessons_lists_name_title_minutes(capsys):
    assert main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(lesson_names())
    first = load_lesson(lesson_names()[0])
    name, title, minutes = lines[0].split("\t")
    assert (name, title, minutes) == (first.name, first.title, f"{first.minutes} min")


def test_scorenet_lessons_worksheet(tmp_path, capsys):
    out = tmp_path / "sheet.md"
    assert main(["lessons", "--worksheet", "opting_out", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == worksheet(load_lesson("opting_out"))
    assert main(["lessons", "--worksheet", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("scorenet: nope") and err.count("\n") == 1


def test_a_worksheet_never_overwrites_another_kind_of_file(tmp_path, capsys):
    # A slip of -o must not write Markdown over an edge list or the lesson itself.
    edges = tmp_path / "edges.txt"
    edges.write_text("1 2\n", encoding="utf-8")
    lesson = tmp_path / "mine.toml"
    lesson.write_bytes((load_lesson("opting_out").source and
                        open(load_lesson("opting_out").source, "rb").read()))
    for out in (edges, lesson):
        before = out.read_bytes()
        assert main(["lessons", "--worksheet", str(lesson), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert "--output" in err and err.count("\n") == 1, err
        assert out.read_bytes() == before
    assert main(["lessons", "-o", str(tmp_path / "list.md")]) == 2   # -o needs --worksheet
    assert "--worksheet" in capsys.readouterr().err
    assert not (tmp_path / "list.md").exists()


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_lesson_file_that_is_a_pipe_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(LessonError, match="named pipe"):
        load_lesson(fifo)
