"""The Simplified Chinese translation: complete, compiled, chosen, and shown.

Every string the code marks for translation (Qt's ``translate()`` in the app, gettext's
``_()`` in the command line and the picture, plus the tables of plain words, schema
labels and preset titles) must have a finished zh_CN translation with the same
placeholders; the compiled .qm and .mo must say what the .ts and .po say; a zh_CN run
shows Chinese in the main window's menus and on the command line.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.common import catalog as cat
from app.common import language

ROOT = Path(__file__).resolve().parent.parent


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ------------------------------------------------------------------ the catalogues
def test_every_app_string_has_a_finished_translation():
    found, problems = cat.qt_messages()
    assert not problems, problems
    wanted = {**found, **cat.data_messages()}
    ts = cat.read_ts()
    missing = [f"{where}: [{ctx}] {src!r}" for (ctx, src), where in sorted(wanted.items())
               if not ((ctx, src) in ts and ts[(ctx, src)].finished
                       and ts[(ctx, src)].translation.strip())]
    assert not missing, ("untranslated (run scripts/translations.py update, then translate):\n"
                         + "\n".join(missing[:40]))
    assert len(wanted) > 500   # the scan sees the app (a broken scan would pass vacuously)


def test_every_command_line_and_picture_string_has_a_finished_translation():
    found, problems = cat.gettext_messages()
    assert not problems, problems
    po = cat.read_po()
    missing = [f"{where}: {text!r}" for text, where in sorted(found.items())
               if not (text in po and po[text].finished and po[text].translation.strip())]
    assert not missing, "untranslated:\n" + "\n".join(missing[:40])
    assert "interrupted" in found and "{n} min" in found


def test_translations_keep_the_placeholders_and_accelerators():
    bad = [f"{m.context}: {m.source!r} -> {m.translation!r}"
           for m in [*cat.read_ts().values(), *cat.read_po().values()]
           if cat.placeholders(m.source) != cat.placeholders(m.translation)]
    assert not bad, "\n".join(bad)


def test_menus_read_chinese():
    ts = cat.read_ts()
    assert ts[("menus", "&File")].translation == "\u6587\u4ef6(&F)"   # 文件(&F)
    words = [m.translation for m in ts.values() if m.context in ("menus", "plain_words")]
    assert sum(map(_has_cjk, words)) > 0.9 * len(words)


def test_the_compiled_qm_says_what_the_ts_says(qapp):
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(cat.QM_PATH))
    stale = [f"[{m.context}] {m.source!r}" for m in cat.read_ts().values()
             if m.finished and tr.translate(m.context, m.source) != m.translation]
    assert not stale, "run scripts/translations.py compile:\n" + "\n".join(stale[:20])


def test_the_compiled_mo_is_the_po():
    assert cat.MO_PATH.read_bytes() == cat.compile_mo(cat.read_po()), \
        "run scripts/translations.py compile"


def test_compile_mo_is_read_by_gettext(tmp_path):
    import gettext

    msgs = {"a": cat.Message("", "a", "\u7532", True), "b {n}": cat.Message("", "b {n}", "", False)}
    path = tmp_path / "x.mo"
    path.write_bytes(cat.compile_mo(msgs))
    with open(path, "rb") as fh:
        t = gettext.GNUTranslations(fh)
    assert t.gettext("a") == "\u7532" and t.gettext("b {n}") == "b {n}"   # unfinished: English


def test_ts_and_po_read_back_what_was_written(tmp_path):
    msgs = {("c", "x & <y>"): cat.Message("c", "x & <y>", "\u4e59 \"q\"\n", True),
            ("c", "z"): cat.Message("c", "z", "", False)}
    cat.write_ts(msgs, tmp_path / "t.ts")
    assert cat.read_ts(tmp_path / "t.ts") == msgs
    po = {"x \"q\"\n\t\\": cat.Message("", "x \"q\"\n\t\\", "\u4e59", True),
          "z": cat.Message("", "z", "\u4e19", False)}
    cat.write_po(po, tmp_path / "t.po")
    assert cat.read_po(tmp_path / "t.po") == po


def test_a_new_untranslated_string_is_caught(tmp_path):
    """The scan finds a string added to the code, and the check reports it."""
    (tmp_path / "app" / "x").mkdir(parents=True)
    (tmp_path / "app" / "x" / "m.py").write_text(
        'from app.common.i18n import translate\n'
        'A = translate("m", "A brand new label")\n'
        'B = translate("m", f"{A} computed")\n', encoding="utf-8")
    found, problems = cat.qt_messages(tmp_path)
    assert ("m", "A brand new label") in found
    assert ("m", "A brand new label") not in cat.read_ts()
    assert problems and "two string literals" in problems[0]


def test_gettext_modules_never_rebind_underscore():
    """``for _ in ...`` or ``a, _ = ...`` in a function that calls ``_()`` breaks it."""
    bad = []
    for d in cat.GETTEXT_DIRS:
        for path in sorted((ROOT / d).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fn in ast.walk(tree):
                if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                names = [n for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == "_"]
                calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                            and n.func.id == "_" for n in ast.walk(fn))
                if calls and any(isinstance(n.ctx, ast.Store) for n in names):
                    bad.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}")
    assert not bad, bad


# ------------------------------------------------------------------ choosing the language
@pytest.mark.parametrize("env, want", [
    ({"LANGUAGE": "zh_CN"}, "zh_CN"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "zh_CN.utf8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "C"}, "zh_CN"),
    ({"LANGUAGE": "de:en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANG": "zh_TW.UTF-8"}, "en"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({}, "en"),
])
def test_system_language_reads_the_variables_as_gettext_does(env, want):
    assert language.system_language(env) == want


def test_forced_language_wins_and_set_language_is_inherited(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("SCORENET_LANGUAGE", raising=False)
    try:
        assert language.set_language(None) == "zh_CN"
        assert os.environ["SCORENET_PARENT_LANGUAGE"] == "zh_CN"   # for the processes it starts
        assert language.set_language("en") == "en"
        assert language.gettext("interrupted") == "interrupted"
        assert language.set_language("zh_CN") == "zh_CN"
        assert language.gettext("interrupted") == "\u5df2\u4e2d\u65ad"   # 已中断
    finally:
        language.set_language("en")


# ------------------------------------------------------------------ the command line
def _cli(args, **env):
    full = {k: v for k, v in os.environ.items()
            if k not in ("SCORENET_LANGUAGE", "SCORENET_PARENT_LANGUAGE", "LANGUAGE", "LC_ALL",
                         "LC_MESSAGES", "LANG")}
    full.update(env, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                          text=True, encoding="utf-8", env=full, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("env", [{"LANGUAGE": "zh_CN"}, {"LANG": "zh_CN.UTF-8"}])
def test_scorenet_lessons_in_chinese(env):
    out = _cli(["lessons"], **env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines and all(line.endswith("\u5206\u949f") for line in lines)   # 分钟


def test_scorenet_errors_in_chinese_and_english():
    zh = _cli(["run", "default", "--steps", "1", "--set", "nonsense"], LANGUAGE="zh_CN")
    assert zh.returncode == 2 and "\u5e94\u4e3a" in zh.stderr, zh.stderr   # 应为
    en = _cli(["run", "default", "--steps", "1", "--set", "nonsense"], LANG="C.UTF-8")
    assert en.returncode == 2 and "expected KEY=VALUE" in en.stderr, en.stderr
