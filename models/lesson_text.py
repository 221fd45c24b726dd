"""Lessons in another language: the translation file beside a lesson, and the language
the environment asks for.

A translation of ``assets/lessons/NAME.toml`` is ``assets/lessons/LANG/NAME.toml``
(``LANG`` as in ``zh_CN``). It holds the lesson's texts and nothing else, in the same
shape: ``[lesson]`` with ``title``, ``summary``, ``sources``, ``fiction``; one
``[[step]]`` per step of the lesson with ``title``, ``text`` and, where the lesson has
them, ``notes``, ``reflect`` and ``predict = { question, choices }`` (as many choices,
in the same order). It must be complete: every text the lesson has, and no other key,
so that a class never sees half a lesson in English. A mistake is one line naming the
translation file, the step and the key::

    assets/lessons/zh_CN/opting_out.toml: step 2: predict: choices: must have 3 choices
    like the lesson, got 2

:func:`language` reads the language as gettext does (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), whether or not that locale is installed: it is
:func:`models.language.system_language`, the app's choice from the environment too.

Example
-------
>>> language({"LANG": "zh_CN.UTF-8"}), language({"LANGUAGE": "fr:en"}), language({})
('zh_CN', 'en', 'en')
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.errors import ScenarioError
from models.language import system_language as language

__all__ = ["LANGUAGES", "language", "translation_path", "translate"]

#: The languages lessons are written in (English is the files' own).
LANGUAGES = ("en", "zh_CN")

_HEAD_TEXTS = ("title", "summary", "fiction")
_STEP_TEXTS = ("title", "text", "notes", "reflect")


def translation_path(lesson_path: Path, lang: str) -> Path:
    """Where the ``lang`` translation of the lesson at ``lesson_path`` lives."""
    return Path(lesson_path).parent / lang / Path(lesson_path).name


class _Check:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, key: str, problem: str):
        raise ScenarioError(self.source, f"{where}: {key}" if where else key, problem)

    def text(self, table: dict, key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(where, key, f"must be a non-empty text, got {value!r}"
                      if key in table else "missing (the lesson has this text)")
        return value.strip() if key in ("text", "notes") else " ".join(value.split())

    def texts(self, table: dict, key: str, where: str, count: int, what: str) -> tuple:
        value = table.get(key)
        if not isinstance(value, list) or len(value) != count \
                or not all(isinstance(v, str) and v.strip() for v in value):
            got = len(value) if isinstance(value, list) else repr(value)
            self.fail(where, key, f"must have {count} {what} like the lesson, got {got}")
        return tuple(" ".join(v.split()) for v in value)

    def only(self, table: Any, keys: set[str], where: str, key: str = "") -> None:
        if not isinstance(table, dict):
            self.fail(where, key or where, "must be a table")
        for k in table:
            if k not in keys:
                self.fail(where, f"{key}.{k}" if key else k,
                          f"not a text of the lesson (expected: {', '.join(sorted(keys))})")


def translate(lesson, path: Path, lang: str):
    """``lesson`` (read from ``path``) with every text from its ``lang`` translation.

    Raises
    ------
    ScenarioError
        When the translation file is missing a text, has an unknown key, another number
        of steps or choices, or cannot be read. A lesson with no translation file gives
        the lesson unchanged (the shipped lessons are all translated: a test checks).
    """
    tpath = translation_path(path, lang)
    if not tpath.is_file():   # not translated (a teacher's own lesson): its own texts
        return lesson
    c = _Check(str(tpath))
    try:
        doc = tomllib.loads(tpath.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        c.fail("", "", f"cannot read: {exc.strerror or exc}")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        c.fail("", "", f"invalid TOML: {exc}")
    c.only(doc, {"schema_version", "lesson", "step"}, "")
    head = doc.get("lesson", {})
    want = {"title", "sources", "fiction"} | ({"summary"} if lesson.summary else set())
    c.only(head, want, "lesson")
    texts = {k: c.text(head, k, "lesson") for k in want - {"sources"}}
    sources = c.texts(head, "sources", "lesson", len(lesson.sources), "sources")
    raw_steps = doc.get("step", [])
    if not isinstance(raw_steps, list) or len(raw_steps) != len(lesson.steps):
        got = len(raw_steps) if isinstance(raw_steps, list) else 0
        c.fail("", "step", f"must have {len(lesson.steps)} [[step]] tables like the "
                           f"lesson, got {got}")
    steps = []
    for i, (step, raw) in enumerate(zip(lesson.steps, raw_steps), start=1):
        where = f"step {i}"
        have = {k for k in _STEP_TEXTS if getattr(step, k)}
        c.only(raw, have | ({"predict"} if step.predict else set()), where)
        new = {k: c.text(raw, k, where) for k in have}
        if step.predict is not None:
            p = raw.get("predict")
            c.only(p, {"question", "choices"}, where, "predict")
            new["predict"] = replace(
                step.predict, question=c.text(p, "question", f"{where}: predict"),
                choices=c.texts(p, "choices", f"{where}: predict",
                                len(step.predict.choices), "choices"))
        steps.append(replace(step, **new))
    return replace(lesson, title=texts["title"], summary=texts.get("summary", ""),
                   fiction=texts["fiction"], sources=sources, steps=tuple(steps),
                   lang=lang)
