"""The one error type a user can cause: a bad scenario, parameter or graph file.

Text that comes from the user's files or command line (paths, names, values) is shown
with control characters escaped and long values shortened (:func:`printable`), so an
error line can neither rewrite the terminal nor run to megabytes.
"""

from __future__ import annotations

import re

__all__ = ["ScenarioError", "printable"]

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder a line on screen.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object, limit: int | None = 200) -> str:
    """``text`` with control characters escaped, cut to ``limit`` characters.

    Examples
    --------
    >>> printable("bad\\x1b[31mred\\nline")
    'bad\\\\x1b[31mred\\\\nline'
    >>> printable("x" * 10, limit=6)
    'xxx...'
    """
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 3, 0)] + "..."
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                            text)


class ScenarioError(ValueError):
    """A user mistake in a scenario, a parameter or a graph file.

    ``str(err)`` is one line naming the file, the key and what is wrong, ready to show
    as is in a terminal or a dialog.

    Examples
    --------
    >>> str(ScenarioError("a.toml", "rubric.social", "must be >= 0, got -1"))
    'a.toml: rubric.social: must be >= 0, got -1'
    """

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = printable(source, limit=300)
        self.key = printable(key, limit=100)
        self.problem = printable(" ".join(str(problem).split()), limit=None)  # one line
        super().__init__(self.source, key, self.problem)

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.key, self.problem) if p]
        return ": ".join(parts)
