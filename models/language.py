"""The language the environment asks for, read as gettext reads it (no Qt, no app).

One copy of the choice, shared by the lessons (:mod:`models.lesson_text`) and the app
(:mod:`app.common.language`, which adds ``$SCORENET_LANGUAGE`` and View > Language on
top). ``$LANGUAGE``, ``$LC_ALL``, ``$LC_MESSAGES`` and ``$LANG`` are read as text, never
through ``setlocale``: ``LANG=zh_CN.UTF-8`` selects Chinese even where that locale is not
installed.

Only Simplified Chinese (``zh_CN``: also ``zh``, ``zh_SG``, ``zh-Hans``) and English are
known; Traditional Chinese locales (``zh_TW``, ``zh_HK``) fall through to the next
preference.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["DEFAULT", "normalise", "system_language"]

DEFAULT = "en"


def normalise(tag: str | None) -> str | None:
    """A locale name as a known language code, or None (unknown, C, Traditional).

    Examples
    --------
    >>> [normalise(t) for t in ("zh_CN.UTF-8", "zh", "zh-Hans-CN", "zh_TW", "en_GB", "C")]
    ['zh_CN', 'zh_CN', 'zh_CN', None, 'en', None]
    """
    if not tag:
        return None
    base = tag.split(".")[0].split("@")[0].replace("-", "_").strip()
    parts = [p.lower() for p in base.split("_") if p]
    if not parts:
        return None
    if parts[0] == "zh":
        rest = set(parts[1:])
        if rest & {"tw", "hk", "mo", "hant"}:
            return None
        return "zh_CN"
    if parts[0] == "en":
        return "en"
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it; English otherwise.

    ``$LANGUAGE`` is a colon-separated list of preferences; the first known one wins.

    Examples
    --------
    >>> system_language({"LANG": "zh_CN.UTF-8"}), system_language({"LANGUAGE": "fr:zh_CN"})
    ('zh_CN', 'zh_CN')
    >>> system_language({"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}), system_language({})
    ('en', 'en')
    """
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        for tag in value.split(":"):
            code = normalise(tag)
            if code is not None:
                return code
        if var != "LANGUAGE":
            # gettext stops at the first of LC_ALL, LC_MESSAGES, LANG that is set.
            return DEFAULT
    return DEFAULT
