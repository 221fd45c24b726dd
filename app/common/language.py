"""Which language ScoreNet speaks, and gettext for the parts that import no Qt.

The app (Qt's translators, :mod:`app.common.i18n`) and the Qt-free layers (the
``scorenet`` command, :mod:`app.picture`'s captions and legends) share one choice:

1. ``$SCORENET_LANGUAGE`` (``en`` or ``zh_CN``): an override (tests, screenshots).
2. The app's View > Language setting (passed in by :mod:`app.common.i18n`); the
   processes the app starts inherit it.
3. The system locale, read from ``$LANGUAGE``, ``$LC_ALL``, ``$LC_MESSAGES`` and
   ``$LANG`` in gettext's order (:func:`models.language.system_language`, which the
   lessons use too). They are read as text, never through ``setlocale``:
   ``LANG=zh_CN.UTF-8`` selects Chinese even where that locale is not installed.

Only Simplified Chinese and English are known (:func:`models.language.normalise`). No Qt
here: :mod:`app.cli` and :mod:`app.picture` import this module.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import lru_cache
from pathlib import Path

# The environment's choice is the model's (the lessons read it too): one copy.
from models.language import DEFAULT, normalise, system_language
from models.shipped import first_dir

__all__ = ["LANGUAGES", "DEFAULT", "TRANSLATIONS_DIR", "GETTEXT_DOMAIN", "normalise",
           "system_language", "current_language", "set_language", "gettext", "ngettext", "gettext_data", "N_", "translation"]

#: Language code -> its name in that language (the View > Language menu).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "\u7b80\u4f53\u4e2d\u6587"}
#: The compiled catalogues, Qt's (scorenet_zh_CN.qm) and gettext's
#: (zh_CN/LC_MESSAGES/scorenet.mo): app/_translations in an installed wheel (setup.py
#: puts them there), else translations/ beside app/ in a checkout (with the sources).
TRANSLATIONS_DIR = first_dir(Path(__file__).resolve().parent.parent / "_translations",
                             Path(__file__).resolve().parent.parent.parent / "translations")
GETTEXT_DOMAIN = "scorenet"
_ENV = "SCORENET_LANGUAGE"
_INHERITED = "SCORENET_PARENT_LANGUAGE"   # set for child processes, not by users

_chosen: str | None = None


def current_language() -> str:
    """The language in use: ``$SCORENET_LANGUAGE``, else :func:`set_language`'s choice,
    else the one the parent process used, else the system's."""
    forced = normalise(os.environ.get(_ENV))
    if forced is not None:
        return forced
    if _chosen is not None:
        return _chosen
    return normalise(os.environ.get(_INHERITED)) or system_language()


def set_language(code: str | None) -> str:
    """Use ``code`` (None or "": the system's) in this process and the ones it starts;
    returns the language now in use (``$SCORENET_LANGUAGE``, if set, still wins)."""
    global _chosen
    os.environ.pop(_INHERITED, None)   # this process decides now
    _chosen = normalise(code) if code else None
    lang = current_language()
    os.environ[_INHERITED] = lang   # a spawned child (the model process) follows
    return lang


@lru_cache(maxsize=None)
def _catalogue(lang: str) -> _gettext.NullTranslations:
    if lang == DEFAULT:
        return _gettext.NullTranslations()
    try:
        with open(TRANSLATIONS_DIR / lang / "LC_MESSAGES" / f"{GETTEXT_DOMAIN}.mo", "rb") as fh:
            return _gettext.GNUTranslations(fh)
    except OSError:
        return _gettext.NullTranslations()   # a missing catalogue: English, not a crash


def gettext(message: str) -> str:
    """``message`` in the current language (itself when there is no translation).

    Examples
    --------
    >>> import os; os.environ["SCORENET_LANGUAGE"] = "zh_CN"
    >>> gettext("interrupted")
    '\u5df2\u4e2d\u65ad'
    >>> os.environ["SCORENET_LANGUAGE"] = "en"; gettext("interrupted")
    'interrupted'
    >>> del os.environ["SCORENET_LANGUAGE"]
    """
    return _catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n``, in the current language."""
    return _catalogue(current_language()).ngettext(singular, plural, n)


def gettext_data(text: str) -> str:
    """:func:`gettext` for text from data (plain words, schema labels, preset names),
    whose translations :mod:`app.common.catalog` harvests from those tables."""
    return gettext(text) if text else text


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue without translating it (translated later)."""
    return text


def translation(lang: str):
    """gettext of language ``lang`` (whatever the current language is)."""
    return _catalogue(normalise(lang) or DEFAULT).gettext
