"""A lesson's student worksheet as a printable PDF (A4), in the lesson's language.

The same contents as the Markdown sheet (:func:`models.lesson_run.worksheet`): what the
class reads, each prediction with boxes to tick and ruled lines for what happened, the
reflection questions with ruled lines for answers, fiction and reality, the sources;
never the teacher's notes. Written with fpdf2 (pure Python) in DejaVu Sans, the font
matplotlib ships, so that it looks the same everywhere; Chinese text needs a CJK font
on the system (Noto Sans CJK, Source Han Sans, WenQuanYi, Droid Sans Fallback, or the
file named by ``SCORENET_CJK_FONT``), which fills in the glyphs DejaVu lacks.

Example
-------
>>> from models.lessons import load_lesson
>>> pdf = worksheet_pdf(load_lesson("no_room_for_mistakes"))
>>> pdf[:5]
b'%PDF-'
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from models.errors import ScenarioError
from models.lesson_run import words
from models.lessons import Lesson

__all__ = ["worksheet_pdf", "cjk_font", "write_worksheet"]

#: Where CJK fonts usually are (Debian/Ubuntu, Fedora, macOS, Windows).
_CJK_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
_MARGIN = 18.0   # mm


def cjk_font() -> Path | None:
    """A font file with Chinese glyphs, or None when the system has none."""
    named = os.environ.get("SCORENET_CJK_FONT")
    if named and Path(named).is_file():
        return Path(named)
    for candidate in _CJK_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    return None


def _latin_fonts() -> dict[str, Path]:
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": ttf / "DejaVuSans.ttf", "B": ttf / "DejaVuSans-Bold.ttf",
            "I": ttf / "DejaVuSans-Oblique.ttf"}


def _needs_cjk(lesson: Lesson) -> bool:
    texts = [lesson.title, lesson.summary, lesson.fiction, *lesson.sources]
    for s in lesson.steps:
        texts += [s.title, s.text, s.reflect]
        if s.predict is not None:
            texts += [s.predict.question, *s.predict.choices]
    return any(ord(ch) >= 0x2E80 for t in texts for ch in t)


def _document(lesson: Lesson):
    from fpdf import FPDF

    w = words(lesson)

    class Sheet(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("body", "", 8)
            self.set_text_color(110)
            self.cell(0, 5, f"ScoreNet \u00b7 {lesson.name} \u00b7 "
                      + w["page"].format(page=self.page_no()), align="C")
            self.set_text_color(0)

    pdf = Sheet(format="A4", unit="mm")
    # Chinese has no spaces between words: lines break between any two characters.
    pdf.scorenet_wrap = "CHAR" if lesson.lang.startswith("zh") else "WORD"
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))   # same bytes each time
    pdf.set_title(lesson.title)
    pdf.set_author("ScoreNet")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    for style, path in _latin_fonts().items():
        pdf.add_font("body", style, str(path))
    if _needs_cjk(lesson):
        font = cjk_font()
        if font is None:
            raise ScenarioError(lesson.source, "worksheet",
                                "no Chinese font found for the PDF (install fonts-noto-cjk "
                                "or set SCORENET_CJK_FONT to a .ttf/.otf file); the "
                                "Markdown worksheet needs none")
        pdf.add_font("cjk", "", str(font))
        pdf.set_fallback_fonts(["cjk"], exact_match=False)
    return pdf, w


def _para(pdf, text: str, size: float = 11, style: str = "", gap: float = 2.0) -> None:
    pdf.set_font("body", style, size)
    for block in text.split("\n\n"):
        pdf.multi_cell(0, size * 0.5, " ".join(block.split()), align="L",
                       new_x="LMARGIN", new_y="NEXT", wrapmode=pdf.scorenet_wrap)
    pdf.ln(gap)


def _lines(pdf, count: int, space: float = 9.0) -> None:
    """Ruled lines to write on (kept together on one page)."""
    if pdf.will_page_break(count * space + 2):
        pdf.add_page()
    pdf.set_draw_color(150)
    for _ in range(count):
        pdf.ln(space)
        y = pdf.get_y()
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_draw_color(0)
    pdf.ln(4)


def worksheet_pdf(lesson: Lesson) -> bytes:
    """The student worksheet of ``lesson`` as PDF bytes.

    Raises
    ------
    ScenarioError
        A Chinese lesson on a system with no CJK font (one line saying what to install).
    """
    pdf, w = _document(lesson)
    pdf.add_page()
    _para(pdf, lesson.title, 20, "B", 1)
    pdf.set_text_color(90)
    _para(pdf, w["about"].format(name=lesson.name, minutes=lesson.minutes)
          .replace("`", ""), 10, "I" if lesson.lang == "en" else "", 3)
    pdf.set_text_color(0)
    pdf.set_font("body", "", 11)
    pdf.cell(0, 8, f"{w['name']}: " + "_" * 34 + f"    {w['date']}: " + "_" * 16,
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if lesson.summary:
        _para(pdf, lesson.summary, 11, "", 3)
    for i, step in enumerate(lesson.steps, start=1):
        if pdf.will_page_break(30):
            pdf.add_page()
        _para(pdf, w["step"].format(i=i, n=len(lesson.steps), title=step.title), 13, "B", 1)
        _para(pdf, step.text)
        if step.opens_compare:
            _para(pdf, w["compare"], 10, "I" if lesson.lang == "en" else "")
        if step.predict is not None:
            if pdf.will_page_break(12 + 7 * len(step.predict.choices) + 30):
                pdf.add_page()
            _para(pdf, f"{w['predict']} {step.predict.question}", 11, "B", 1)
            for k, choice in enumerate(step.predict.choices):
                pdf.set_font("body", "", 11)
                y = pdf.get_y()
                pdf.rect(pdf.l_margin + 3, y + 1, 4, 4)
                pdf.set_x(pdf.l_margin + 10)
                pdf.multi_cell(0, 6, f"{chr(65 + k)}. {choice}", align="L",
                               new_x="LMARGIN", new_y="NEXT", wrapmode=pdf.scorenet_wrap)
                pdf.ln(1)
            pdf.ln(1)
            _para(pdf, w["happened"], 10, "", 0)
            _lines(pdf, 2)
        if step.reflect:
            if pdf.will_page_break(40):
                pdf.add_page()
            _para(pdf, f"{w['think']} {step.reflect}", 11, "B", 0)
            _lines(pdf, 4)
        pdf.ln(2)
    _para(pdf, w["fiction"], 13, "B", 1)
    _para(pdf, lesson.fiction, 10, "", 3)
    _para(pdf, w["sources"], 13, "B", 1)
    for source in lesson.sources:
        _para(pdf, f"\u2022 {source}", 9, "", 1)
    return bytes(pdf.output())


def write_worksheet(lesson: Lesson, path: str | os.PathLike[str]) -> Path:
    """Write the worksheet to ``path``: PDF for ``.pdf``, else Markdown (atomically)."""
    from models.atomic import atomic_path, write_text_atomic
    from models.lesson_run import worksheet

    path = Path(path)
    if path.suffix.lower() == ".pdf":
        data = worksheet_pdf(lesson)   # made first: a font error leaves no file behind
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
    else:
        write_text_atomic(path, worksheet(lesson))
    return path
