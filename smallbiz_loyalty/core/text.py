"""Text rules shared by every entry point: digits of any script, Arabic-aware
search keys, and the checks every name, note or other free text must pass."""

from __future__ import annotations

import re
import unicodedata

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _

# Explicit bidi controls (embeddings, overrides, isolates and marks). They can
# make a name display as something else entirely, so they are refused, not stored.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
TATWEEL = "\u0640"
# Letters folded for search beyond what removing combining marks already does
# (NFD turns أ إ آ ؤ ئ into a base letter + a hamza/madda mark).
_FOLD = str.maketrans(
    {
        "\u0629": "\u0647",  # ة → ه
        "\u0649": "\u064a",  # ى → ي
        "\u06cc": "\u064a",  # Persian yeh ی → ي
        "\u06a9": "\u0643",  # Persian kaf ک → ك
        "\u0671": "\u0627",  # alef wasla ٱ → ا
        TATWEEL: None,
    }
)
_WORD_SPLIT = re.compile(r"[\s\-_.,'’\"()/\\]+")


def to_ascii_digits(text: str) -> str:
    """Replace decimal digits of any script (Eastern Arabic, Persian, …) by 0-9."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if not ch.isascii() and unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.decimal(ch)))
        else:
            out.append(ch)
    return "".join(out)


def search_key(text: str) -> str:
    """Fold `text` for matching: case, diacritics, tatweel, alef/ta-marbuta/yeh
    forms, presentation forms and digit scripts all compare equal."""
    text = unicodedata.normalize("NFKC", to_ascii_digits(text)).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_FOLD)


def search_words(text: str) -> list[str]:
    """The folded words of `text`, in order, empty ones dropped."""
    return [w for w in _WORD_SPLIT.split(search_key(text)) if w]


def clean_text(
    value: object,
    *,
    field: str,
    label: str,
    max_length: int,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Return `value` trimmed and NFC-normalised, or raise `InvalidInput` with
    one sentence naming `label`. Control characters, NUL and bidi overrides are
    refused rather than silently removed, so what is stored is what was seen."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(field, _("{label} must be text.", label=label))
    text = unicodedata.normalize("NFC", value.strip())
    if not text:
        if required:
            raise InvalidInput(field, _("{label} cannot be empty.", label=label))
        return ""
    if len(text) > max_length:
        raise InvalidInput(
            field,
            _("{label} can be at most {limit} characters long.", label=label, limit=max_length),
        )
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise InvalidInput(
                field,
                _("{label} contains invisible direction-control characters; please retype it.", label=label),
            )
        if multiline and ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or category == "Cs" or ch in "\u2028\u2029":
            raise InvalidInput(
                field,
                _("{label} contains control characters; please retype it.", label=label),
            )
        if category == "Co" or category == "Cn":
            raise InvalidInput(
                field,
                _("{label} contains characters that cannot be displayed; please retype it.", label=label),
            )
    return text
