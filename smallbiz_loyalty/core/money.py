"""Money as integer minor units. Parsing accepts what a cashier types in either
language; formatting is Babel's. The number of decimals of a currency is
Babel's too (KWD, BHD, OMR, JOD have 3, JPY has 0)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_precision,
    get_decimal_symbol,
    get_group_symbol,
    is_currency,
)

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.text import shown, to_ascii_digits

# A single sale or balance never exceeds this many major units; anything larger
# is a typo (or an attack) and is refused.
MAX_MAJOR_UNITS = 10_000_000
AMOUNT_SHOWN = 20  # characters of a refused amount echoed back
CODE_SHOWN = 10  # … and of a refused currency code
_SEPARATORS = {"\u066b": ".", "\u066c": ",", "\u060c": ",", "\u2019": "'", "\u00a0": " ", "\u202f": " "}
_ALLOWED = re.compile(r"^[0-9.,' ]+$")
# A space may only group thousands: "1 250" yes, "12 . 5" no.
_LOOSE_SPACE = re.compile(r"(?<![0-9]) | (?![0-9]{3}(?:[^0-9]|$))")


def currency_decimals(currency: str) -> int:
    """How many digits follow the decimal point in `currency` (ISO 4217 code)."""
    return get_currency_precision(currency)


def check_currency(code: object) -> str:
    """The ISO 4217 code typed ("kwd" → "KWD"), or `InvalidInput` in one sentence."""
    text = code.strip().upper() if isinstance(code, str) else ""
    if not text:
        raise InvalidInput("currency", _("Please enter a currency code such as KWD, SAR or USD."))
    if not is_currency(text):
        raise InvalidInput(
            "currency",
            _("{code} is not a currency code Babel knows (for example KWD, SAR, USD).", code=shown(text, CODE_SHOWN)),
        )
    return text


def parse_amount(text: object, currency: str, locale: str = "en", *, allow_zero: bool = False) -> int:
    """Parse what was typed ("12.50", "12,50", "١٢٫٥٠", "1,250.5") into minor units.

    The last "." or "," is the decimal point when both occur; a lone separator
    followed by exactly three digits is a thousands separator only where the
    locale says so and the currency does not itself have three decimals (KWD,
    BHD, OMR, JOD). Raises `InvalidInput` with one sentence otherwise.
    """
    raw = "" if text is None else str(text)
    cleaned = to_ascii_digits(raw.strip())
    for src, dst in _SEPARATORS.items():
        cleaned = cleaned.replace(src, dst)
    cleaned = cleaned.strip()
    if not cleaned:
        raise InvalidInput("amount", _("Please enter an amount."))
    if cleaned.startswith("-"):
        raise InvalidInput("amount", _("The amount cannot be negative."))
    if (
        len(cleaned) > 40
        or not _ALLOWED.match(cleaned)
        or not any(c.isdigit() for c in cleaned)
        or _LOOSE_SPACE.search(cleaned)
    ):
        raise InvalidInput(
            "amount", _('"{text}" is not an amount; type digits, for example 12.50.', text=shown(raw, AMOUNT_SHOWN))
        )
    decimals = currency_decimals(currency)
    number = _to_decimal(cleaned, locale, raw, decimals)
    scaled = number.scaleb(decimals)
    if scaled != scaled.to_integral_value():
        raise InvalidInput(
            "amount",
            _("{currency} amounts have at most {decimals} decimal places.", currency=currency, decimals=decimals),
        )
    minor = int(scaled)
    if minor > MAX_MAJOR_UNITS * 10**decimals:
        raise InvalidInput("amount", _("That amount is too large; please check it."))
    if minor == 0 and not allow_zero:
        raise InvalidInput("amount", _("The amount must be more than zero."))
    return minor


def _to_decimal(cleaned: str, locale: str, raw: str, decimals: int) -> Decimal:
    compact = cleaned.replace(" ", "").replace("'", "")
    decimal_symbol = to_ascii_digits(get_decimal_symbol(locale)).replace("\u066b", ".")
    group_symbol = get_group_symbol(locale).replace("\u066c", ",").replace("\u00a0", " ")
    dots, commas = compact.count("."), compact.count(",")
    bad = InvalidInput(
        "amount", _('"{text}" is not an amount; type digits, for example 12.50.', text=shown(raw, AMOUNT_SHOWN))
    )
    if dots and commas:
        decimal_sep = "." if compact.rfind(".") > compact.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        if compact.count(decimal_sep) > 1:
            raise bad
        integer, fraction = compact.split(decimal_sep)
        _check_groups(integer, group_sep, bad)
        integer = integer.replace(group_sep, "")
    elif dots or commas:
        sep = "." if dots else ","
        parts = compact.split(sep)
        if len(parts) > 2:
            _check_groups(compact, sep, bad)
            integer, fraction = compact.replace(sep, ""), ""
        elif sep == group_symbol and sep != decimal_symbol and len(parts[1]) == 3 and parts[0] and decimals != 3:
            # "1,250" is a thousand and more in dollars, but "2,750" dinars at a
            # café counter means 2.750: with three-decimal currencies it is decimal.
            integer, fraction = parts[0] + parts[1], ""
        else:
            integer, fraction = parts
    else:
        integer, fraction = compact, ""
    if not integer and not fraction:
        raise bad
    try:
        return Decimal(f"{integer or '0'}.{fraction or '0'}")
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise bad from exc


def _check_groups(integer: str, sep: str, bad: InvalidInput) -> None:
    groups = integer.split(sep)
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        raise bad


def to_decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-currency_decimals(currency))


def major_str(minor: int, currency: str) -> str:
    """Minor units as a plain major-unit string ("12.500" for KWD) for CSV and JSON."""
    decimals = currency_decimals(currency)
    return f"{to_decimal(minor, currency):.{decimals}f}"


def format_money(minor: int, currency: str, locale: str = "en") -> str:
    """Minor units formatted for people, e.g. "KWD 12.500" or "‏12٫500 د.ك.‏"."""
    return format_currency(to_decimal(minor, currency), currency, locale=locale)


def format_number(value: int | float | Decimal, locale: str = "en") -> str:
    return format_decimal(value, locale=locale)
