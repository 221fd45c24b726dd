"""Qt's translation of the app: the translators, the language setting, ``translate``.

Every user-facing string in the Qt part of ``app/`` is written in English as a literal
inside ``translate("Context", "text")`` (the form ``pyside6-lupdate`` and
:mod:`app.common.catalog` both find), or, for text that comes from data (the plain
words, the schema's labels, the presets' titles), passed through :func:`tr_data`, whose
strings the catalogue harvests from those tables. Translations live in
``translations/scorenet_zh_CN.ts`` (edit with Qt Linguist or ``scripts/translations.py``)
compiled to ``scorenet_zh_CN.qm``.

The language is chosen once, before the main window is built (:func:`install`): the
View > Language setting, else the system locale (:mod:`app.common.language`). Changing
it in the menu takes effect after a restart: the window builds most of its text once.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QTranslator

from app.common import language
from app.common.settings import settings

__all__ = ["translate", "tr_data", "install", "saved_language", "save_language",
           "SETTING", "QT_TRANSLATE_NOOP", "field_label"]

#: The QSettings key of View > Language ("" or absent: follow the system).
SETTING = "ui/language"

_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the app's language; ``%n`` in it becomes ``n`` (with plural forms)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def tr_data(context: str, text: str) -> str:
    """A string from data (not a literal at the call site) in the app's language.

    Its translation must come from a table :mod:`app.common.catalog` harvests under
    ``context`` (plain words, schema, presets); unknown text comes back unchanged, so a
    user's own scenario title shows as written.
    """
    return QCoreApplication.translate(context, text) if text else text


def saved_language() -> str:
    """The View > Language choice: a code from :data:`language.LANGUAGES`, or "" (the
    system's)."""
    value = settings().value(SETTING, "")
    return value if isinstance(value, str) and value in language.LANGUAGES else ""


def save_language(code: str) -> None:
    """Remember the View > Language choice ("" follows the system) for the next start."""
    s = settings()
    s.setValue(SETTING, code)
    s.sync()


def install(app: QCoreApplication | None = None, code: str | None = None) -> str:
    """Install the translators for ``code`` (default: the saved choice, else the system's)
    on ``app``, removing earlier ones; returns the language in use.

    Qt's own strings (the buttons of message boxes, file dialogs) come from Qt's
    ``qtbase`` catalogue when it ships with Qt.
    """
    from app.picture.fonts import use_cjk_fonts

    app = app or QCoreApplication.instance()
    lang = language.set_language(code if code is not None else saved_language())
    use_cjk_fonts(lang)   # Chinese in the dashboard, the network view and exports
    if app is None:
        return lang
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != language.DEFAULT:
        ours = QTranslator(app)
        if ours.load(str(language.TRANSLATIONS_DIR / f"scorenet_{lang}.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return lang


def field_label(name: str) -> str:
    """:func:`app.common.plain_words.field_label` in the app's language."""
    from app.common.plain_words import RUBRIC_WORDS
    from app.common.plain_words import field_label as english

    section, _sep, key = name.partition(".")
    if section == "rubric" and key in RUBRIC_WORDS:
        text = tr_data("plain_words", RUBRIC_WORDS[key])
        return text[:1].upper() + text[1:]
    return tr_data("schema", english(name))
