"""The translation catalogues: find every translatable string, read and write the files.

Two catalogues, one per mechanism:

* Qt (the app): ``translations/scorenet_zh_CN.ts``, compiled by Qt's ``lrelease`` to
  ``.qm``. Its messages are the literal ``translate("Context", "text")`` and
  ``QT_TRANSLATE_NOOP("Context", "text")`` calls in ``app/`` (found by reading the
  source, as ``pyside6-lupdate`` would), plus the data the app shows through
  :func:`app.common.i18n.tr_data`: the plain words, the schema's labels and docs, the
  presets' titles and descriptions (:func:`data_messages`).
* gettext (the Qt-free parts: ``scorenet``'s messages, the picture's captions):
  ``translations/zh_CN/LC_MESSAGES/scorenet.po``, compiled here to ``.mo`` (the standard
  library has no ``msgfmt``). Its messages are ``_("text")``, ``gettext("text")`` and
  ``N_("text")`` calls with a literal.

No Qt: ``scripts/translations.py`` (update, fill, compile) and the tests use this.
"""

from __future__ import annotations

import ast
import re
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ROOT", "TS_PATH", "QM_PATH", "PO_PATH", "MO_PATH", "Message", "qt_messages",
           "data_messages", "plain_words", "gettext_messages", "read_ts", "write_ts", "read_po",
           "write_po", "compile_mo", "placeholders"]

ROOT = Path(__file__).resolve().parent.parent.parent
TS_PATH = ROOT / "translations" / "scorenet_zh_CN.ts"
QM_PATH = TS_PATH.with_suffix(".qm")
PO_PATH = ROOT / "translations" / "zh_CN" / "LC_MESSAGES" / "scorenet.po"
MO_PATH = PO_PATH.with_suffix(".mo")

#: The parts whose strings go through gettext (they import no Qt).
GETTEXT_DIRS = ("app/cli", "app/picture")
_GETTEXT_NAMES = {"_", "gettext", "N_"}
_QT_NAMES = {"translate", "QT_TRANSLATE_NOOP"}


@dataclass
class Message:
    """One entry: ``translation`` is "" and ``finished`` False until translated."""

    context: str
    source: str
    translation: str = ""
    finished: bool = False


def _calls(root: Path, dirs: tuple[str, ...] | None, names: set[str], nargs: int):
    """(file, line, literal args or None) of each call to one of ``names``."""
    files = ([p for d in dirs for p in sorted((root / d).rglob("*.py"))] if dirs
             else sorted((root / "app").rglob("*.py")))
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
            if name not in names:
                continue
            args = node.args[:nargs]
            lits = [a.value for a in args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            rel = path.relative_to(root).as_posix()
            yield rel, node.lineno, (tuple(lits) if len(lits) == nargs == len(args) else None)


def qt_messages(root: Path = ROOT) -> tuple[dict[tuple[str, str], str], list[str]]:
    """The app's literal messages ``{(context, source): "file:line"}``, and the calls whose
    arguments are not literals (each a problem: the catalogue cannot know them)."""
    found: dict[tuple[str, str], str] = {}
    problems = []
    for rel, line, lits in _calls(root, None, _QT_NAMES, 2):
        if rel == "app/common/i18n.py":
            continue   # translate() itself
        if lits is None:
            problems.append(f"{rel}:{line}: translate() needs two string literals")
        else:
            found.setdefault(lits, f"{rel}:{line}")
    return found, problems


def gettext_messages(root: Path = ROOT) -> tuple[dict[str, str], list[str]]:
    """The Qt-free parts' literal messages ``{text: "file:line"}`` and the problems."""
    found: dict[str, str] = {}
    problems = []
    for rel, line, lits in _calls(root, GETTEXT_DIRS, _GETTEXT_NAMES, 1):
        if lits is None:
            problems.append(f"{rel}:{line}: _() needs one string literal")
        else:
            found.setdefault(lits[0], f"{rel}:{line}")
    # The picture shows plain words, schema labels and preset names too (by gettext).
    for (_ctx, text), where in data_messages().items():
        found.setdefault(text, where)
    return found, problems


def data_messages() -> dict[tuple[str, str], str]:
    """The strings the app shows from data, by the context :func:`tr_data` uses."""
    from models.scenario import load_scenario, preset_names, preset_title
    from models.schema import FIELDS

    out: dict[tuple[str, str], str] = {("plain_words", t): w for t, w in plain_words().items()}
    from app.common.marks import MARK_WORDS

    for text in MARK_WORDS.values():
        out.setdefault(("marks", text), "marks.MARK_WORDS")
    for field in FIELDS:
        for text in (field.label, field.doc):
            if text:
                out.setdefault(("schema", text), f"schema {field.name}")
    for name in preset_names():
        scenario = load_scenario(name)
        for text in (preset_title(name), scenario.name):
            out.setdefault(("presets", text), f"preset {name}")
        about = scenario["about.description"]
        if about:
            out.setdefault(("presets", about), f"preset {name}")
    return out


def plain_words() -> dict[str, str]:
    """The plain words' tables (:mod:`app.common.plain_words`): in both catalogues, since
    the window's widgets and the Qt-free picture both show them."""
    from app.common import plain_words as pw

    out: dict[str, str] = {}
    for table in pw.TABLES:
        for text in getattr(pw, table).values():
            out.setdefault(text, f"plain_words.{table}")
    return out


# ----------------------------------------------------------------------- Qt's .ts files
def read_ts(path: Path = TS_PATH) -> dict[tuple[str, str], Message]:
    """The messages of a .ts file (none if it does not exist)."""
    if not path.exists():
        return {}
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = (tr.text or "") if tr is not None else ""
            kind = tr.get("type") if tr is not None else "unfinished"
            out[(cname, msg.findtext("source") or "")] = Message(
                cname, msg.findtext("source") or "", text, bool(text) and kind is None)
    return out


def write_ts(messages: dict[tuple[str, str], Message], path: Path = TS_PATH,
             language: str = "zh_CN") -> None:
    """Write ``messages`` as a Qt Linguist .ts file, sorted by context and source, without
    line numbers (so that moving code does not change the file)."""
    ts = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_ctx: dict[str, list[Message]] = {}
    for m in messages.values():
        by_ctx.setdefault(m.context, []).append(m)
    for cname in sorted(by_ctx):
        ctx = ET.SubElement(ts, "context")
        ET.SubElement(ctx, "name").text = cname
        for m in sorted(by_ctx[cname], key=lambda m: m.source):
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = m.source
            tr = ET.SubElement(msg, "translation")
            tr.text = m.translation
            if not m.finished:
                tr.set("type", "unfinished")
    ET.indent(ts, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


# ------------------------------------------------------------------ gettext's .po files
_PO_HEADER = ("Project-Id-Version: ScoreNet\nLanguage: zh_CN\nMIME-Version: 1.0\n"
              "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
              "Plural-Forms: nplurals=1; plural=0;\n")


def _po_quote(text: str) -> str:
    body = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
            .replace("\n", "\\n"))
    return f'"{body}"'


def _po_unquote(lit: str) -> str:
    return ast.literal_eval(lit)   # a .po string is a C string: Python reads it alike


def read_po(path: Path = PO_PATH) -> dict[str, Message]:
    """The messages of a .po file (msgid -> Message; "fuzzy" ones are unfinished)."""
    if not path.exists():
        return {}
    out: dict[str, Message] = {}
    entry: dict[str, str] = {}
    fuzzy = False
    key = None

    def flush() -> None:
        nonlocal fuzzy
        if "msgid" in entry and entry["msgid"]:
            text = entry.get("msgstr", "")
            out[entry["msgid"]] = Message("", entry["msgid"], text, bool(text) and not fuzzy)
        entry.clear()
        fuzzy = False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            key = None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgstr ")):
            key, _, lit = line.partition(" ")
            entry[key] = _po_unquote(lit)
        elif line.startswith('"') and key:
            entry[key] += _po_unquote(line)
    flush()
    return out


def write_po(messages: dict[str, Message], path: Path = PO_PATH) -> None:
    """Write ``messages`` as a .po file, sorted by msgid."""
    lines = ['msgid ""', "msgstr " + _po_quote(_PO_HEADER), ""]
    for mid in sorted(messages):
        m = messages[mid]
        if not m.finished:
            lines.append("#, fuzzy")
        lines += ["msgid " + _po_quote(m.source), "msgstr " + _po_quote(m.translation), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def compile_mo(messages: dict[str, Message]) -> bytes:
    """The GNU .mo file of the finished ``messages`` (with the UTF-8 header), as
    ``msgfmt`` writes it: sorted ids, no hash table."""
    table = {"": _PO_HEADER}
    table.update({m.source: m.translation for m in messages.values() if m.finished})
    ids = sorted(table)
    keys = [i.encode("utf-8") for i in ids]
    vals = [table[i].encode("utf-8") for i in ids]
    n = len(ids)
    start = 7 * 4 + 16 * n   # header, then the two offset tables
    key_offsets, val_offsets, blob = [], [], b""
    for k in keys:
        key_offsets += [len(k), start + len(blob)]
        blob += k + b"\0"
    for v in vals:
        val_offsets += [len(v), start + len(blob)]
        blob += v + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    return header + struct.pack(f"<{4 * n}I", *key_offsets, *val_offsets) + blob


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|&&|&(?=\S)")


def placeholders(text: str) -> list[str]:
    """The placeholders a translation must keep: ``{name}``, ``%n``, ``%1``, and whether
    there is a keyboard accelerator (``&``), sorted.

    Examples
    --------
    >>> placeholders("&Open {name} at {0:.1f}%"), placeholders("100%")
    (['&', '{0:.1f}', '{name}'], [])
    """
    return sorted("&" if p.startswith("&") and p != "&&" else p
                  for p in _PLACEHOLDER.findall(text) if p != "&&")
