"""The words under a picture: what it shows, in plain words, and what changed on the way.

A picture on a slide must carry its context: the scenario, the month, the seed, the
rubric as a sentence, and the settings that were changed while the run played (a slider
moved in month 40 changes what the later months mean). Labels come from the scenario
schema, never internal key names. Pure text: no Qt, no matplotlib.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.common.language import gettext as _
from app.common.language import gettext_data
from app.common.plain_words import formula_in_words
from models.schema import FIELD_BY_NAME, RUBRIC_KEYS

__all__ = ["SettingChange", "setting_changes", "caption_lines", "describe_value", "label_of"]

#: Keys that are not settings of the model (they do not change what a month means).
_IGNORED = {"about.name", "about.description", "run.steps"}


@dataclass(frozen=True)
class SettingChange:
    """A setting that took a new value from ``month`` on."""

    month: int
    name: str
    old: Any
    new: Any

    def words(self) -> str:
        """``month 40: Interpersonal relationships 0.05 -> 0.65`` in plain labels.

        Examples
        --------
        >>> SettingChange(40, "rubric.social", 0.05, 0.65).words()
        "month 40: weight of friends' scores 0.05 \u2192 0.65"
        """
        return _("month {month}: {what} {old} \u2192 {new}").format(
            month=self.month, what=label_of(self.name), old=describe_value(self.old),
            new=describe_value(self.new))


def label_of(name: str) -> str:
    """The plain label of a setting (rubric weights by what they weigh)."""
    from app.common.plain_words import RUBRIC_WORDS

    section, _sep, key = name.partition(".")
    if section == "rubric" and key in RUBRIC_KEYS:
        return _("weight of {what}").format(what=gettext_data(RUBRIC_WORDS[key]))
    field = FIELD_BY_NAME.get(name)
    return gettext_data(field.label).lower() if field is not None and field.label else name


def describe_value(value: Any) -> str:
    """A setting's value as a reader wants it: on/off, ``0.65``, ``24``, ``never``.

    Examples
    --------
    >>> describe_value(True), describe_value(0.6500001), describe_value(float("inf"))
    ('on', '0.65', 'never')
    """
    if isinstance(value, bool):
        return _("on") if value else _("off")
    if isinstance(value, float):
        return _("never") if value == float("inf") else f"{value:.4g}"
    return str(value)


def setting_changes(scenarios: Iterable[tuple[int, Any]]) -> list[SettingChange]:
    """Changes between consecutive ``(month, scenario)`` pairs, in order.

    A scenario is anything with ``items()`` (a :class:`~models.scenario.Scenario`).

    Examples
    --------
    >>> from models import load_scenario
    >>> a = load_scenario("default")
    >>> b = a.replace({"rubric.social": 0.4})
    >>> [c.words() for c in setting_changes([(0, a), (1, a), (2, b)])]
    ["month 2: weight of friends' scores 0.05 \u2192 0.4"]
    """
    out: list[SettingChange] = []
    before: dict[str, Any] | None = None
    for month, scenario in scenarios:
        now = dict(scenario.items())
        if before is not None:
            out.extend(SettingChange(int(month), k, before.get(k), v) for k, v in now.items()
                       if k not in _IGNORED and before.get(k) != v)
        before = now
    return out


def caption_lines(*, scenario: Any, month: int, people: int,
                  changes: Sequence[SettingChange] = (), label: str = "") -> list[str]:
    """The caption of a network picture, one string per line.

    Parameters
    ----------
    scenario
        The scenario applied in ``month`` (its rubric is the one described).
    month
        The month shown.
    people
        Number of people.
    changes
        Settings changed during the run up to ``month`` (later ones are left out).
    label
        A prefix for A/B pictures, e.g. ``"A"``.

    Examples
    --------
    >>> from models import load_scenario
    >>> caption_lines(scenario=load_scenario("default"), month=3, people=500)[0]
    'ScoreNet \u00b7 scenario default \u00b7 month 3 \u00b7 seed 1 \u00b7 500 people'
    """
    parts = ["ScoreNet", _("scenario {name}").format(name=gettext_data(scenario['about.name'])),
             _("month {month}").format(month=month),
             _("seed {seed}").format(seed=scenario['run.seed']),
             _("{n:,} people").format(n=people)]
    first = (f"{label}: " if label else "") + " \u00b7 ".join(parts)
    lines = [first, formula_in_words(scenario.weights, scenario["rubric.violation_points"],
                                     tr=gettext_data)]
    shown = [c for c in changes if c.month <= month]
    if shown:
        words = "; ".join(c.words() for c in shown[:4])
        more = _(" (and {n} more)").format(n=len(shown) - 4) if len(shown) > 4 else ""
        lines.append(_("Changed during the run: {words}{more}").format(words=words, more=more))
    return lines
