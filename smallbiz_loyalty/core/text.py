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
# What a message may not echo: control, format (bidi overrides among them),
# surrogate, private-use and unassigned characters. The joiners stay: Persian
# and Urdu words and emoji sequences need them to display right.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_JOINERS = frozenset("\u200c\u200d")
HIDDEN_MARK = "\ufffd"  # "�": shows that something invisible was typed there
PATH_SHOWN = 200  # characters of a path a message echoes: a real one whole, a 5000-character one cut


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


def shown(value: object, limit: int = 40, *, keep_end: bool = False) -> str:
    """`value` as a message may echo it: at most `limit` characters ("…" marks the cut,
    at the end, or at the start with `keep_end` for paths), line breaks as spaces,
    and every hidden character (NUL, bidi overrides, …) as "�".

    Hidden characters are marked rather than dropped: '"12" is not an amount' would
    puzzle a cashier whose "12" carried an invisible override; '"�12"' shows why."""
    text = value if isinstance(value, str) else _as_text(value)
    text = text.strip()
    out: list[str] = []
    for ch in reversed(text) if keep_end else text:  # stops at limit + 1: a 1 MB value costs nothing
        if ch.isspace():
            ch = " "
        elif unicodedata.category(ch) in _HIDDEN and ch not in _JOINERS:
            ch = HIDDEN_MARK
        out.append(ch)
        if len(out) > limit:
            break
    if len(out) > limit:
        out = [*out[: limit - 1], "…"]
    return "".join(reversed(out) if keep_end else out)


def shown_path(path: object) -> str:
    """A file path as a message may echo it: its end (the file name matters most), nothing hidden."""
    return shown(path, PATH_SHOWN, keep_end=True)


def _as_text(value: object) -> str:
    try:
        return str(value)
    except ValueError:  # an int of more than 4300 digits: Python will not write it out
        return "…"


MAX_ID = 2**63 - 1  # the largest row id SQLite can hold


def is_id_text(text: str) -> bool:
    """True for ASCII digits that can be a row id ("42"; not "²", not 30 digits)."""
    return text.isascii() and text.isdigit() and len(text) <= 19
