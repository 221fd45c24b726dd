"""Lessons, second round: the A/B step (validated, run headless in lockstep, equal to two
separate runs), the strong moment each lesson promises, the Simplified Chinese texts
(complete, same steps and choices), the language chosen from the environment, and the
PDF worksheet."""

from __future__ import annotations

import numpy as np
import pytest

from app.cli import main
from models.compare import excluded
from models.errors import ScenarioError
from models.lesson_run import walk, worksheet
from models.lesson_text import language, translation_path
from models.lessons import LessonError, lesson_dir, lesson_names, load_lesson
from models.simulation import Simulation

HEAD = """
[lesson]
title = "T"
minutes = 10
scenario = "karate"
sources = ["the article"]
fiction = "Nosedive is fiction."

[[step]]
title = "a"
text = "b"
"""


@pytest.fixture(autouse=True)
def english(monkeypatch):
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# ---------------------------------------------------------------- the A/B step
@pytest.mark.parametrize("line, words", [
    ("compare = 5", ["step 1: compare", "table of B's settings"]),
    ("compare = {}", ["step 1: compare", "table of B's settings"]),
    ("compare = { 'rubric.sociall' = 1 }", ["step 1: compare.rubric.sociall", "not a scenario"]),
    ("compare = { 'rubric.social' = -1 }", ["step 1: compare.rubric.social", ">= 0"]),
    ("compare = { 'population.size' = 40 }",
     ["step 1: compare.population.size", "shares the people"]),
    ("compare = { 'rubric.social' = 0.05 }", ["step 1: compare", "differ from A"]),
])
def test_a_bad_compare_step_gives_one_line(tmp_path, line, words):
    path = tmp_path / "bad.toml"
    path.write_text(HEAD + line + "\n", encoding="utf-8")
    with pytest.raises(LessonError) as exc:
        load_lesson(path)
    text = str(exc.value)
    assert "\n" not in text and text.startswith(str(path))
    for w in words:
        assert w in text


def test_a_comparison_stays_open_until_compare_false():
    lesson = load_lesson("scammed_into_debt")
    opened = [i for i, s in enumerate(lesson.steps) if s.opens_compare]
    assert opened == [3]
    relief = {"events.scam_relief": "verified", "events.relief_delay": 3}
    assert lesson.steps[3].rebuild and lesson.steps[3].compare == relief
    assert lesson.steps[4].compare == relief and not lesson.steps[4].opens_compare
    assert lesson.steps[4].scenario_b["events.scam_relief"] == "verified"
    assert lesson.steps[4].scenario["events.scam_relief"] == "none"
    assert lesson.steps[5].compare is None and lesson.steps[2].compare is None


@pytest.mark.parametrize("name", ["who_decides", "scammed_into_debt"])
def test_an_ab_step_runs_a_and_b_like_two_separate_runs(name):
    lesson = load_lesson(name)
    i = next(k for k, s in enumerate(lesson.steps) if s.opens_compare)
    step, out = lesson.steps[i], walk(lesson)[i]
    a, b = Simulation(step.scenario), Simulation(step.scenario_b)
    if step.scam is not None:
        victim = int(np.argmax(a.scores))   # "highest", ties to the lowest index
        a.scam(victim)
        b.scam(victim)
    a.run(step.run)
    b.run(step.run)
    if out.metric is not None:
        assert out.metric[2] == float(a.history[out.metric[0]][-1])
        assert out.metric_b[2] == float(b.history[out.metric[0]][-1])
    if out.person is not None:
        assert out.person[2] == a.scores[out.person[0]]
        assert out.person_b[2] == b.scores[out.person[0]]
    ea = excluded(a.status, a.degree())
    eb = excluded(b.status, b.degree())
    only_a = sum(1 for p in range(a.scores.size) if ea[p] and not eb[p])
    only_b = sum(1 for p in range(a.scores.size) if eb[p] and not ea[p])
    assert (out.only_a, out.only_b) == (only_a, only_b)


# ---------------------------------------------------------------- the strong moments
MOMENTS = {
    "who_decides": lambda o: o[4].only_b > 5 * max(1, o[4].only_a)
    and o[4].metric_b[2] > 3 * o[4].metric[2],
    "scammed_into_debt": lambda o: o[1].person[2] < o[1].person[1] - 100
    and o[3].person_b[2] > o[3].person[2] + 100 and o[4].only_a > 5 * max(1, o[4].only_b),
    "opting_out": lambda o: o[1].metric[2] > 1.0 > abs(o[0].metric[2])
    and o[2].metric[2] < 0.05 and o[3].metric[2] > 0.5,
    "friends_count": lambda o: o[1].metric[2] > 3 * o[0].metric[2]
    and o[2].metric[2] > o[2].metric[1] + 2 and o[3].metric[2] < 1.2,
    "dating_scores": lambda o: o[1].metric[2] > 5 and o[2].metric[2] < 2,
    "no_room_for_mistakes": lambda o: o[1].metric[2] < o[0].metric[2] < o[2].metric[2],
    "roam_everywhere": lambda o: o[1].metric[2] > o[0].metric[2] + 0.01
    and o[2].months < 60,
    "spend_to_score": lambda o: o[1].metric[2] > 3 * o[0].metric[2],
}


@pytest.mark.parametrize("name", lesson_names())
def test_every_lesson_shows_its_strong_moment(name):
    """The moment each lesson's notes promise happens at the current model defaults."""
    assert MOMENTS[name](walk(load_lesson(name))), name


# ---------------------------------------------------------------- Chinese texts
def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("name", lesson_names())
def test_every_lesson_has_a_complete_chinese_translation(name):
    en, zh = load_lesson(name), load_lesson(name, lang="zh_CN")
    assert translation_path(lesson_dir() / f"{name}.toml", "zh_CN").is_file()
    assert zh.lang == "zh_CN" and len(zh.steps) == len(en.steps)
    assert len(zh.sources) == len(en.sources)
    for text in (zh.title, zh.summary or "\u4e2d", zh.fiction, *zh.sources):
        assert _cjk(text)
    for a, b in zip(en.steps, zh.steps):
        for key in ("title", "text", "notes", "reflect"):
            assert bool(getattr(a, key)) == bool(getattr(b, key)), (name, key)
            if getattr(a, key):
                assert _cjk(getattr(b, key)), (name, a.title, key)
        assert (a.predict is None) == (b.predict is None)
        if a.predict is not None:
            assert len(a.predict.choices) == len(b.predict.choices)
            assert all(_cjk(c) for c in (b.predict.question, *b.predict.choices))
        # Only the words change: the same scenario, runs, people and comparisons.
        assert (a.scenario, a.run, a.until, a.scam, a.highlight, a.compare, a.rebuild) == \
               (b.scenario, b.run, b.until, b.scam, b.highlight, b.compare, b.rebuild)


@pytest.mark.parametrize("change, words", [
    (lambda s: s.replace('reflect = "如果', 'reflec = "如果'), ["step 5: reflec", "not a text"]),
    (lambda s: s.replace('"得到更多朋友"]', ']'), ["step 2: predict: choices", "3 choices"]),
    (lambda s: s.replace('title = "自由的选择？"\n', ''), ["step 5: title", "missing"]),
    (lambda s: s[:s.rindex("[[step]]")], ["step", "5 [[step]]"]),
])
def test_a_bad_translation_gives_one_line(tmp_path, change, words):
    src = lesson_dir() / "opting_out.toml"
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "opting_out.toml").write_text(src.read_text(encoding="utf-8")
                                              .replace('"opt_out"', '"opt_out"'), "utf-8")
    text = translation_path(src, "zh_CN").read_text(encoding="utf-8")
    bad = tmp_path / "zh_CN" / "opting_out.toml"
    bad.write_text(change(text), encoding="utf-8")
    with pytest.raises(ScenarioError) as exc:
        load_lesson(tmp_path / "opting_out.toml", lang="zh_CN")
    msg = str(exc.value)
    assert "\n" not in msg and msg.startswith(str(bad))
    for w in words:
        assert w in msg


@pytest.mark.parametrize("env, want", [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"), ({"LANGUAGE": "zh_CN"}, "zh_CN"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"), ({"LANG": "C"}, "en"),
    ({"LANG": "zh_TW.UTF-8"}, "en"), ({}, "en"), ({"LANGUAGE": "", "LANG": "zh_CN"}, "zh_CN"),
    # LANGUAGE is a list of preferences: an unknown one gives way to the next, as in gettext
    # and the app (lessons once read only the first).
    ({"LANGUAGE": "fr:zh_CN"}, "zh_CN"), ({"LANGUAGE": "zh_TW", "LANG": "zh_CN.UTF-8"}, "zh_CN"),
])
def test_the_language_comes_from_the_environment_like_gettext(env, want):
    from app.common.language import system_language

    assert language(env) == want == system_language(env)   # the lessons' choice is the app's


def _system_language_only(monkeypatch) -> None:
    """The language from the environment alone, as on a fresh start: without the tests'
    SCORENET_LANGUAGE override and whatever an earlier test in this worker chose."""
    from app.common import language

    monkeypatch.delenv("SCORENET_LANGUAGE", raising=False)
    monkeypatch.delenv("SCORENET_PARENT_LANGUAGE", raising=False)
    monkeypatch.setattr(language, "_chosen", None)


def test_scorenet_lessons_lists_chinese_titles_under_zh_cn(monkeypatch, capsys):
    _system_language_only(monkeypatch)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")   # whether or not the locale is installed
    assert main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    titles = dict(line.split("\t")[:2] for line in lines)
    assert titles["opting_out"] == "退出" and all(_cjk(t) for t in titles.values())
    assert main(["lessons", "--lang", "en"]) == 0
    assert "\tOpting out\t" in capsys.readouterr().out


def test_the_chinese_worksheet_is_in_chinese():
    sheet = worksheet(load_lesson("who_decides", lang="zh_CN"))
    assert "第 5 步（共 6 步）" in sheet and "运行之前先预测" in sheet and "想一想" in sheet
    assert "Step " not in sheet and "种子 1" not in sheet   # no teacher notes


# ---------------------------------------------------------------- PDF worksheets
def _pdf_text(path) -> str:
    pypdf = pytest.importorskip("pypdf")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_scorenet_lessons_writes_a_pdf_worksheet(tmp_path):
    out = tmp_path / "sheet.pdf"
    assert main(["lessons", "--worksheet", "scammed_into_debt", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    text = " ".join(_pdf_text(out).split())
    lesson = load_lesson("scammed_into_debt")
    for step in lesson.steps:
        assert step.title in text
        if step.predict:
            assert " ".join(step.predict.question.split()) in text
            assert all(c in text for c in step.predict.choices)
        if step.notes:
            assert step.notes.split(".")[0] not in text   # no teacher notes
    assert "Think about it:" in text and "What happened:" in text


def test_a_chinese_pdf_worksheet(tmp_path, monkeypatch):
    from models import lesson_pdf

    if lesson_pdf.cjk_font() is None:
        pytest.skip("no CJK font on this system")
    out = tmp_path / "sheet.pdf"
    _system_language_only(monkeypatch)
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    assert main(["lessons", "--worksheet", "opting_out", "-o", str(out)]) == 0
    text = "".join(_pdf_text(out).split())
    lesson = load_lesson("opting_out", lang="zh_CN")
    assert lesson.title in text and "".join(lesson.steps[3].predict.question.split()) in text


def test_no_chinese_font_is_one_line_and_leaves_no_file(tmp_path, monkeypatch, capsys):
    from models import lesson_pdf

    monkeypatch.setattr(lesson_pdf, "cjk_font", lambda: None)
    out = tmp_path / "sheet.pdf"
    assert main(["lessons", "--worksheet", "opting_out", "--lang", "zh_CN",
                 "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no Chinese font" in err and err.count("\n") == 1 and not out.exists()
    md = tmp_path / "sheet.md"   # the Markdown sheet needs no font
    assert main(["lessons", "--worksheet", "opting_out", "--lang", "zh_CN",
                 "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith("# 退出")
