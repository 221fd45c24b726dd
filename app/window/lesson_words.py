"""The words a lesson shows the class: a metric's value as a class reads it (``37%``,
``1.37x``), its plain title, and who is excluded under one rubric only, in the app's
language. Used by :mod:`app.window.lesson_driver` for the live watch and the outcome.
"""

from __future__ import annotations

import numpy as np

from app.common.i18n import tr_data, translate
from app.common.plain_words import METRIC_TITLES
from app.window.compare import difference_of_frames

__all__ = ["metric_text", "metric_title", "difference_text"]

_SHARES = {"restricted_share", "privileged_share", "isolated_share", "giant_share"}
_RATIOS = {"degree_gap", "match_gap"}
_POINTS = {"mean_score", "median_score", "group_gap"}
_COUNTS = {"components"}


def metric_text(column: str, value: float) -> str:
    """A metric's value as a class reads it: ``37%``, ``1.37x``, ``594``, ``0.25``."""
    if not np.isfinite(value):
        return translate("lesson_driver", "not yet measured")
    if column in _SHARES:
        return f"{100 * value:.0f}%"
    if column in _RATIOS:
        return f"{value:.2f}x"
    if column in _COUNTS:
        return f"{value:.0f}"
    if column in _POINTS:
        return (translate("lesson_driver", "{value:.0f} points").format(value=value)
                if column == "group_gap" else f"{value:.0f}")
    return f"{value:.2f}"


def metric_title(column: str) -> str:
    """The metric's plain-words title in the app's language."""
    return tr_data("plain_words", METRIC_TITLES.get(column, column))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def difference_text(a, b) -> str:
    """Who is excluded under one rubric only, as a sentence, in the app's language."""
    d = difference_of_frames(a, b)

    def people(k: int) -> str:
        return (translate("compare", "{n:,} person") if k == 1
                else translate("compare", "{n:,} people")).format(n=k)

    return _sentence(translate("compare", "excluded only under A: {a}; only under B: {b}")
                     .format(a=people(int(d.only_a.size)), b=people(int(d.only_b.size))))
