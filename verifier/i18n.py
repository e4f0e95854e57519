"""Translations for results outside Flask (CLI, API, widget all share the web's catalogues)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Formatter

from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "ru", "kk", "uz")  # every language of the site, CLI and API, in one place
TRANSLATIONS_DIR = Path(__file__).parent / "translations"


def N_(message: str) -> str:
    """Mark a message for translation; it is translated where it is shown."""
    return message


def pick_language(lang: str | None) -> str:
    """Return a supported language code for a requested one (English when unknown)."""
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else "en"


@lru_cache(maxsize=8)
def translations(lang: str) -> NullTranslations:
    """Return the compiled catalogue for a language (no-op when it is not compiled)."""
    if lang == "en":
        return NullTranslations()
    return Translations.load(str(TRANSLATIONS_DIR), [lang], domain="messages")


class _SafeDict(dict):
    """Format parameters that leave unknown placeholders as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def translate(lang: str, message: str, params: dict | None = None) -> str:
    """Return the message in the language with its parameters filled in."""
    text = translations(pick_language(lang)).gettext(message)
    try:
        return Formatter().vformat(text, (), _SafeDict(params or {}))
    except (ValueError, IndexError):  # a broken translation falls back to English
        return Formatter().vformat(message, (), _SafeDict(params or {}))
