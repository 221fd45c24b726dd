"""``scorenet lessons``: list the guided lessons, or write one as a student worksheet.

One lesson a line, ``name<TAB>title<TAB>N min``, so that the list reads in a terminal
and cuts with ``cut -f``. ``--worksheet NAME`` writes the lesson's printable Markdown
worksheet (to ``-o FILE`` or standard output). Open a lesson in the app with
``scorenet gui --lesson NAME``.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    """Register ``lessons`` on the subcommand parsers ``sub``."""
    p = sub.add_parser("lessons", help="list the guided lessons (name, title, minutes)",
                       description="List the guided lessons, one a line: name, title and "
                                   "minutes, separated by tabs. Open one with "
                                   "`scorenet gui --lesson NAME`.")
    p.add_argument("--worksheet", metavar="LESSON",
                   help="write this lesson (a name or a file) as a Markdown student worksheet")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where --worksheet writes (default: standard output)")


def run(args: argparse.Namespace) -> int:
    from models.lessons import lesson_names, load_lesson

    if args.worksheet is None:
        for name in lesson_names():
            lesson = load_lesson(name)
            sys.stdout.write(f"{lesson.name}\t{lesson.title}\t{lesson.minutes} min\n")
        return 0
    from models.atomic import write_text_atomic
    from models.lesson_run import worksheet

    text = worksheet(load_lesson(args.worksheet))
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
