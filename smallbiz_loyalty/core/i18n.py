"""Translation of user-visible text without Qt.

There is one catalogue per language: Qt Linguist's ``.ts`` XML in
``smallbiz_loyalty/resources/translations``. The GUI loads the compiled ``.qm``
with a ``QTranslator``; the core, the reports and the CLI read the ``.ts`` here,
so ``report --lang ar`` is Arabic on a machine with no display.

Strings in core and reports are marked with ``_("English text {name}")`` and
formatted with keyword arguments after translation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "ar")
RTL_LANGUAGES = frozenset({"ar"})
CORE_CONTEXT = "smallbiz"

_state = {"language": "en"}


def set_language(language: str) -> None:
    """Make `language` ("en" or "ar") the language of every message from now on."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _state["language"] = language


def language() -> str:
    return _state["language"]


def is_rtl(lang: str | None = None) -> bool:
    return (lang or language()) in RTL_LANGUAGES


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale used to format numbers and dates for a UI language."""
    return {"ar": "ar", "en": "en"}[lang or language()]


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Source text → translation for `lang`, read from its ``.ts`` file."""
    path = TRANSLATIONS_DIR / f"smallbiz_loyalty_{lang}.ts"
    if not path.exists():
        return {}
    found: dict[str, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in {"unfinished", "obsolete"}:
                continue
            if node.text:
                found.setdefault(source, node.text)
    return found


def translate(text: str, lang: str | None = None) -> str:
    """`text` in `lang` (default: the current language); English when untranslated."""
    lang = lang or language()
    if lang == "en":
        return text
    return catalogue(lang).get(text, text)


def _(text: str, /, **params: object) -> str:
    """Translate `text` into the current language, then fill in `params`."""
    translated = translate(text)
    return translated.format(**params) if params else translated


def N_(text: str) -> str:
    """Mark `text` for translation without translating it (translated when shown)."""
    return text
