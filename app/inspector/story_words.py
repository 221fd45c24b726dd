"""A person's story and a setting change, in the app's language.

The story is told in English by the model process (:func:`models.story.story_lines`,
which knows no language: ``models`` imports neither Qt nor ``app``). Its lines are made
from a few fixed sentences; :func:`story_line` reads each back by those sentences and says
it again through Qt's ``translate()``. A line it does not recognise is shown as it came,
and ``tests/test_app_i18n.py`` tells every sentence of a real story in Chinese, so a new
sentence in ``models.story`` without a pattern here fails a test.
"""

from __future__ import annotations

import re

from app.common.i18n import tr_data, translate
from models.schema import FIELD_BY_NAME

__all__ = ["story_line", "change_words"]

_IDS = r"(?P<word>person|people) (?P<ids>[\d, ]+?)(?: and (?P<more>\d+) more)?"




def _friends(n: str) -> str:
    return (translate("story_words", "1 friend") if n == "1"
            else translate("story_words", "{n} friends").format(n=n))


def _ids(m: re.Match) -> str:
    ids = m.group("ids").replace(", ", translate("story_words", ", "))
    ids = (translate("story_words", "person {ids}") if m.group("word") == "person"
           else translate("story_words", "people {ids}")).format(ids=ids)
    if m.group("more"):
        return translate("story_words", "{ids} and {more} more").format(ids=ids,
                                                                       more=m.group("more"))
    return ids


def _status(word: str) -> str:
    return {"restricted": translate("story_words", "restricted"),
            "back to normal": translate("story_words", "back to normal"),
            "privileged": translate("story_words", "privileged")}.get(word, word)


def _show(text: str) -> str:
    return {"on": translate("story_words", "on"),
            "off": translate("story_words", "off")}.get(text, text)


def change_words(key: str, old, new) -> str:
    """:func:`models.story.change_words` in the app's language: label, old -> new."""
    field = FIELD_BY_NAME.get(key)
    label = tr_data("schema", field.label) if field is not None and field.label else key

    def show(v) -> str:
        if isinstance(v, bool):
            return _show("on" if v else "off")
        return f"{v:g}" if isinstance(v, float) else str(v)

    return translate("story_words", "{what} {old} -> {new}").format(what=label, old=show(old),
                                                                   new=show(new))


def _change(text: str) -> str:
    """``Label old -> new`` (as :func:`models.story.change_words` writes it)."""
    for field in FIELD_BY_NAME.values():
        if field.label and text.startswith(field.label + " ") and " -> " in text:
            old, _, new = text[len(field.label) + 1:].partition(" -> ")
            return translate("story_words", "{what} {old} -> {new}").format(
                what=tr_data("schema", field.label), old=_show(old), new=_show(new))
    return text


def _event(text: str) -> str:
    if text == "scammed: every payment fails while it lasts":
        return translate("story_words", "scammed: every payment fails while it lasts")
    if text == "the scam is over (was scammed)":
        return translate("story_words", "the scam is over (was scammed)")
    if text == "no friends left":
        return translate("story_words", "no friends left")
    if text == "has friends again":
        return translate("story_words", "has friends again")
    m = re.fullmatch(r"(restricted|back to normal|privileged) \(score (\d+)\)", text)
    if m:
        return translate("story_words", "{status} (score {score})").format(
            status=_status(m.group(1)), score=m.group(2))
    m = re.fullmatch(r"setting changed for everyone: (.*)", text)
    if m:
        return translate("story_words", "setting changed for everyone: {what}").format(
            what=_change(m.group(1)))
    parts = []
    for piece in re.split(r"(?<=\)), (?=lost |made )", text):
        m = re.fullmatch(r"lost (\d+) friends? \(" + _IDS + r"\)", piece)
        if m:
            parts.append((translate("story_words", "lost 1 friend ({ids})") if m.group(1) == "1"
                          else translate("story_words", "lost {n} friends ({ids})"))
                         .format(n=m.group(1), ids=_ids(m)))
            continue
        m = re.fullmatch(r"made (\d+) new friends? \(" + _IDS + r"\)", piece)
        if m:
            parts.append((translate("story_words", "made 1 new friend ({ids})")
                          if m.group(1) == "1" else
                          translate("story_words", "made {n} new friends ({ids})"))
                         .format(n=m.group(1), ids=_ids(m)))
            continue
        return text   # not a sentence known here: as it came
    joined = parts[0]
    for part in parts[1:]:
        joined = translate("story_words", "{a}, {b}").format(a=joined, b=part)
    return joined


def story_line(line: str) -> str:
    """One line of :func:`models.story.story_lines` in the app's language."""
    m = re.fullmatch(r"nothing else happened \(month 0 to (\d+)\)", line)
    if m:
        return translate("story_words", "nothing else happened (month 0 to {last})").format(
            last=m.group(1))
    m = re.fullmatch(r"month (\d+): (.*)", line, flags=re.DOTALL)
    if not m:
        return line
    month, text = m.groups()
    s = re.fullmatch(r"score (\d+), (\d+) friends?", text)
    if s:
        text = translate("story_words", "score {score}, {friends}").format(
            score=s.group(1), friends=_friends(s.group(2)))
    else:
        text = _event(text)
    return translate("story_words", "month {month}: {text}").format(month=month, text=text)
