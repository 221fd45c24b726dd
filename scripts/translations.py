"""Keep the translation catalogues in step with the code.

    python scripts/translations.py update            # find new strings, drop gone ones
    python scripts/translations.py fill FILE.json    # {"English": "中文", ...} for the
                                                     # unfinished entries (both catalogues)
    python scripts/translations.py compile           # .ts -> .qm (lrelease), .po -> .mo
    python scripts/translations.py status            # what is still unfinished

``update`` keeps every existing translation and reuses one made for the same English
in another context (marked finished: check it). New strings are unfinished until
translated here, in Qt Linguist (``pyside6-linguist translations/scorenet_zh_CN.ts``) or
in any .po editor. ``tests/test_i18n.py`` fails while any string is unfinished or a
compiled file is out of date.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.common import catalog as cat  # noqa: E402


def _lrelease() -> str:
    import PySide6

    here = Path(PySide6.__file__).parent
    for cand in (here / "lrelease", here / "lrelease.exe", shutil.which("pyside6-lrelease"),
                 shutil.which("lrelease")):
        if cand and Path(cand).exists():
            return str(cand)
    raise SystemExit("lrelease not found (it comes with PySide6)")


def update() -> None:
    old = cat.read_ts()
    memory = {m.source: m.translation for m in old.values() if m.finished}
    found, problems = cat.qt_messages()
    wanted = {**{k: v for k, v in found.items()}, **cat.data_messages()}
    new = {}
    for key in sorted(wanted):
        m = old.get(key)
        if m is None:
            text = memory.get(key[1], "")
            m = cat.Message(key[0], key[1], text, bool(text))
        new[key] = m
    cat.write_ts(new)
    po_old = cat.read_po()
    po_memory = {**memory, **{m.source: m.translation for m in po_old.values() if m.finished}}
    texts, gproblems = cat.gettext_messages()
    po = {}
    for text in sorted(texts):
        m = po_old.get(text)
        if m is None:
            tr = po_memory.get(text, "")
            m = cat.Message("", text, tr, bool(tr))
        po[text] = m
    cat.write_po(po)
    for p in problems + gproblems:
        print("problem:", p)
    status()


def fill(path: str) -> None:
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    ts = cat.read_ts()
    for m in ts.values():
        key = f"{m.context}|{m.source}"
        if key in table or (not m.finished and m.source in table):
            m.translation, m.finished = table.get(key, table.get(m.source)), True
    cat.write_ts(ts)
    po = cat.read_po()
    for m in po.values():
        if not m.finished and m.source in table:
            m.translation, m.finished = table[m.source], True
    cat.write_po(po)
    status()


def compile_all() -> None:
    subprocess.run([_lrelease(), "-silent", str(cat.TS_PATH), "-qm", str(cat.QM_PATH)],
                   check=True)
    cat.MO_PATH.write_bytes(cat.compile_mo(cat.read_po()))
    print(f"wrote {cat.QM_PATH.relative_to(ROOT)} and {cat.MO_PATH.relative_to(ROOT)}")


def status() -> None:
    ts = [m for m in cat.read_ts().values() if not m.finished]
    po = [m for m in cat.read_po().values() if not m.finished]
    print(f"Qt: {len(cat.read_ts())} messages, {len(ts)} unfinished; "
          f"gettext: {len(cat.read_po())} messages, {len(po)} unfinished")
    for m in ts[:2000]:
        print(f"  ts  [{m.context}] {m.source!r}")
    for m in po[:2000]:
        print(f"  po  {m.source!r}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "status"
    if cmd == "update":
        update()
    elif cmd == "fill":
        fill(sys.argv[2])
    elif cmd == "compile":
        compile_all()
    elif cmd == "status":
        status()
    else:
        raise SystemExit(__doc__)
