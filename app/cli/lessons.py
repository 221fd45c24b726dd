"""``scorenet lessons``: list the guided lessons, or write one as a student worksheet.

One lesson a line, ``name<TAB>title<TAB>N min``, so that the list reads in a terminal
and cuts with ``cut -f``. ``--worksheet NAME`` writes the lesson's printable student
worksheet: PDF when ``-o FILE`` ends in ``.pdf``, else Markdown (to ``FILE`` or
standard output). Titles and worksheets are in the language the environment asks for
(``LANGUAGE=zh_CN`` or ``LANG=zh_CN.UTF-8`` give Simplified Chinese, installed locale
or not) or the one ``--lang`` names. Open a lesson in the app with
``scorenet gui --lesson NAME``.
"""

from __future__ import annotations

import argparse
import os
import sys

from app.cli.common import UsageError
from app.common.language import N_, translation
from app.common.language import gettext as _

__all__ = ["add_parser", "run"]

_WORKSHEET = (".pdf", ".md", ".markdown")
_MIN = N_("{n} min")


def _check_output(output: str, lesson_file: str) -> None:
    """Refuse a worksheet name that would overwrite something else: another kind of file
    (``-o edges.txt``) or the lesson itself; an existing pipe or device takes any name."""
    from app.cli.outputs import _is_stream, _key
    from models.atomic import check_writable

    if not output.strip():
        raise UsageError(_("--output: needs a file name"))
    if not output.lower().endswith(_WORKSHEET) and not _is_stream(output):
        raise UsageError(_("{output}: --output: must end in .pdf or .md").format(output=output))
    if os.path.exists(lesson_file) and _key(output) == _key(lesson_file):
        raise UsageError(_("{output}: --output: is also the lesson (an input); refusing to "
                           "overwrite it").format(output=output))
    check_writable(output)


def add_parser(sub) -> None:
    """Register ``lessons`` on the subcommand parsers ``sub``."""
    from models.lesson_text import LANGUAGES

    p = sub.add_parser("lessons", help="list the guided lessons (name, title, minutes)",
                       description="List the guided lessons, one a line: name, title and "
                                   "minutes, separated by tabs. Open one with "
                                   "`scorenet gui --lesson NAME`.")
    p.add_argument("--worksheet", metavar="LESSON",
                   help="write this lesson (a name or a file) as a student worksheet "
                        "(PDF for -o FILE.pdf, else Markdown)")
    p.add_argument("-o", "--output", "--out", metavar="FILE", dest="output",
                   help="where --worksheet writes: FILE.pdf or FILE.md "
                        "(default: Markdown on standard output)")
    p.add_argument("--lang", choices=LANGUAGES, default=None,
                   help="language of the titles and the worksheet (default: from "
                        "LANGUAGE / LC_ALL / LC_MESSAGES / LANG)")


def run(args: argparse.Namespace) -> int:
    from app.common.language import current_language
    from models.lessons import lesson_names, load_lesson

    lang = args.lang or current_language()   # the same choice as the CLI's own words
    if args.output is not None and args.worksheet is None:
        raise UsageError(_("{output}: --output: only with --worksheet LESSON (the list goes "
                           "to standard output)").format(output=args.output))
    if args.worksheet is None:
        for name in lesson_names():
            lesson = load_lesson(name, lang)
            # "min" in the lesson's language (the environment's, or --lang).
            sys.stdout.write(f"{lesson.name}\t{lesson.title}\t"
                             + translation(lang)(_MIN).format(n=lesson.minutes) + "\n")
        return 0
    lesson = load_lesson(args.worksheet, lang)
    if args.output:
        _check_output(args.output, lesson.source)
        from models.lesson_pdf import write_worksheet

        try:
            write_worksheet(lesson, args.output)
        except OSError as exc:   # a full disk, a device: name the option too
            from app.cli.outputs import output_error

            raise output_error("--output", args.output, exc) from None
        return 0
    from models.lesson_run import worksheet

    sys.stdout.write(worksheet(lesson))
    return 0
