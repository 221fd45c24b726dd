"""What the dashboard's series are and how each is scaled, titled and written.

Pure functions and tables, no drawing: which metric columns are plotted, their kind
(share, unit, correlation, ratio), the titles at three lengths and the font sizes, and
the coarse ladders the axis limits sit on, so that limits change rarely and the cached
background of the dashboard is seldom redrawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from app.common.i18n import QT_TRANSLATE_NOOP, tr_data
from app.common.plain_words import METRIC_TITLES

__all__ = ["SERIES", "SPECS", "SeriesSpec", "TITLE_TIERS", "tier_title", "TEXT_PT", "TITLE_PT",
           "y_limits", "x_limit", "month_tick_step", "format_value"]

#: Font sizes in points of the dashboard's tick labels and of its titles.
TEXT_PT = 11.0
TITLE_PT = 12.0

#: Metric columns plotted as time series, in reading order.
SERIES: tuple[str, ...] = ("assortativity", "stratification", "restricted_share",
                           "isolated_share", "gini", "degree_gap")


@dataclass(frozen=True)
class SeriesSpec:
    """How one series is scaled and labelled."""

    kind: str            # "share" (0..1, percent), "unit" (0..1), "corr" (-1..1), "ratio"
    reference: float | None = None   # a grey line at the "no effect" value
    reference_note: str = ""


SPECS: dict[str, SeriesSpec] = {
    "assortativity": SeriesSpec("corr", 0.0, QT_TRANSLATE_NOOP(
        "scales", "Grey line at 0: friends' scores unrelated.")),
    "stratification": SeriesSpec("share"),
    "restricted_share": SeriesSpec("share"),
    "isolated_share": SeriesSpec("share"),
    "gini": SeriesSpec("unit"),
    "degree_gap": SeriesSpec("ratio", 1.0, QT_TRANSLATE_NOOP(
        "scales", "Grey line at 1: top and bottom fifths have as many friends.")),
}

#: Titles for panels too small for the plain-words question (which stays in the tooltip).
_COMPACT_TITLES: dict[str, str] = {
    "assortativity": QT_TRANSLATE_NOOP("scales", "Assortativity"),
    "stratification": QT_TRANSLATE_NOOP("scales", "Stratification"),
    "restricted_share": QT_TRANSLATE_NOOP("scales", "Restricted"),
    "isolated_share": QT_TRANSLATE_NOOP("scales", "No friends"),
    "gini": QT_TRANSLATE_NOOP("scales", "Gini"),
    "degree_gap": QT_TRANSLATE_NOOP("scales", "Degree gap"),
}

#: Shorter plain words, for panels where the questions would take three lines.
_MEDIUM_TITLES: dict[str, str] = {
    "assortativity": QT_TRANSLATE_NOOP("scales", "Do friends score alike?"),
    "stratification": QT_TRANSLATE_NOOP("scales", "Scores split by circle?"),
    "restricted_share": QT_TRANSLATE_NOOP("scales", "People restricted"),
    "isolated_share": QT_TRANSLATE_NOOP("scales", "People with no friends"),
    "gini": QT_TRANSLATE_NOOP("scales", "Score inequality (Gini)"),
    "degree_gap": QT_TRANSLATE_NOOP("scales", "More friends at the top?"),
}

#: The series' titles from the longest (the plain-words question) to the shortest.
TITLE_TIERS = (METRIC_TITLES, _MEDIUM_TITLES, _COMPACT_TITLES)


def tier_title(tier: int, column: str) -> str:
    """Series ``column``'s title of length ``tier`` in the app's language."""
    return tr_data("plain_words" if tier == 0 else "scales", TITLE_TIERS[tier][column])


_SHARE_LADDER = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
_RATIO_LADDER = (2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0, 50.0, 100.0)


def _ceil_on(ladder: tuple[float, ...], x: float) -> float:
    for step in ladder:
        if x <= step:
            return step
    return ladder[-1] * 2 ** math.ceil(math.log2(x / ladder[-1]))


def y_limits(kind: str, values: np.ndarray, current: tuple[float, float] | None,
             reference: float | None = None) -> tuple[float, float]:
    """Y limits for a series: on a coarse ladder, so they change rarely.

    Limits grow as soon as data leave them and shrink only when the data use less than
    half of the range, so the axes do not flicker from month to month.

    Examples
    --------
    >>> y_limits("share", np.array([0.01, 0.12]), None)
    (0.0, 0.2)
    >>> y_limits("corr", np.array([np.nan, 0.31]), None, reference=0.0)
    (-0.1, 0.5)
    """
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return current or {"corr": (-1.0, 1.0), "ratio": (0.0, 2.0)}.get(kind, (0.0, 1.0))
    lo, hi = float(finite.min()), float(finite.max())
    if kind in ("share", "unit"):
        new = (0.0, min(1.0, _ceil_on(_SHARE_LADDER, max(hi * 1.2, 1e-9))))
    elif kind == "ratio":
        new = (0.0, _ceil_on(_RATIO_LADDER, max(hi * 1.15, 1e-9)))
    else:  # a correlation: include the reference, pad, round to tenths
        if reference is not None:
            lo, hi = min(lo, reference), max(hi, reference)
        pad = max(0.1, 0.15 * (hi - lo))
        new = (max(-1.0, math.floor((lo - pad) * 10) / 10),
               min(1.0, math.ceil((hi + pad) * 10) / 10))
    if current is None:
        return new
    inside = current[0] <= lo and hi <= current[1]
    roomy = (new[1] - new[0]) < 0.5 * (current[1] - current[0])
    return current if inside and not roomy else new


_MONTH_LADDER = (12.0, 24.0, 36.0, 48.0, 60.0, 90.0, 120.0, 180.0, 240.0, 360.0, 480.0, 600.0)


def x_limit(step: float) -> float:
    """The right end of the time axes: the first rung at or above ``step``.

    Examples
    --------
    >>> x_limit(0), x_limit(13), x_limit(120), x_limit(700)
    (12.0, 24.0, 120.0, 1200.0)
    """
    return _ceil_on(_MONTH_LADDER, max(float(step), 1.0))


_MONTH_TICKS = (1, 2, 3, 6, 12, 24, 30, 60, 120, 240, 300, 600, 1200, 2400, 6000, 12000)


def month_tick_step(xlim: float, most: int = 5) -> float:
    """Tick spacing for a time axis ending at ``xlim``: months, quarters, years...

    At most ``most`` intervals (fewer on narrow plots, so labels do not touch).

    Examples
    --------
    >>> [month_tick_step(x) for x in (12, 36, 90, 120)]
    [3, 12, 30, 24]
    >>> month_tick_step(60, most=2)
    30
    """
    fitting = [step for step in _MONTH_TICKS if xlim / step <= most]
    even = [step for step in fitting if xlim % step == 0]   # a tick at the right end
    return (even or fitting or [xlim / most])[0]


def format_value(kind: str, value: float) -> str:
    """The latest value as shown in a panel's corner.

    Examples
    --------
    >>> format_value("share", 0.046), format_value("ratio", 1.83), format_value("corr", np.nan)
    ('4.6%', '1.83x', 'n/a')
    >>> format_value("share", 0.27), format_value("ratio", 12.345), format_value("corr", -0.013)
    ('27%', '12.3x', '-0.01')
    """
    if not np.isfinite(value):
        return "n/a"
    if kind == "share":
        pct = 100.0 * value
        return f"{pct:.0f}%" if pct >= 10 or pct == 0 else f"{pct:.1f}%"
    if kind == "ratio":
        return f"{value:.2f}x" if abs(value) < 10 else f"{value:.1f}x"
    return f"{value:.2f}"

