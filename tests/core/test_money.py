"""Amounts typed at the counter, in minor units of the shop's currency."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.money import check_currency, currency_decimals, format_money, major_str, parse_amount


def test_currency_decimals_come_from_babel() -> None:
    assert [currency_decimals(c) for c in ("KWD", "BHD", "OMR", "JOD", "SAR", "USD", "JPY")] == [3, 3, 3, 3, 2, 2, 0]


@pytest.mark.parametrize(
    ("typed", "currency", "locale", "minor"),
    [
        ("12.50", "USD", "en", 1250),
        ("12,50", "USD", "en", 1250),  # a comma before two digits is a decimal comma
        ("١٢٫٥٠", "SAR", "ar", 1250),  # Eastern Arabic digits and the Arabic decimal separator
        ("۱۲.۵", "SAR", "ar", 1250),  # Persian digits
        ("12.5", "KWD", "en", 12500),  # three decimals
        ("0.250", "KWD", "en", 250),
        ("1,250", "USD", "en", 125000),  # thousands separator in English
        ("2,750", "KWD", "en", 2750),  # … but dinars have three decimals: 2.750 KWD
        ("1,250.500", "KWD", "en", 1250500),
        ("1.250", "EUR", "de", 125000),  # … and in German
        ("1,250.75", "USD", "en", 125075),
        ("1.234.567,89", "EUR", "de", 123456789),
        (" 7 ", "JPY", "ja", 7),
    ],
)
def test_amounts_are_parsed_into_minor_units(typed: str, currency: str, locale: str, minor: int) -> None:
    assert parse_amount(typed, currency, locale) == minor


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("12,5O", "is not an amount"),
        ("", "enter an amount"),
        ("-3", "cannot be negative"),
        ("0", "more than zero"),
        ("12.505", "at most 2 decimal places"),
        ("1e5", "is not an amount"),
        ("12..5", "is not an amount"),
        ("1,2,3", "is not an amount"),
        ("$12", "is not an amount"),
        ("99999999999", "too large"),
        ("١٢;٥", "is not an amount"),
    ],
)
def test_bad_amounts_get_one_clear_sentence(typed: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        parse_amount(typed, "USD", "en")


@given(st.integers(min_value=1, max_value=10**9))
def test_what_is_formatted_for_csv_parses_back(minor: int) -> None:
    assert parse_amount(major_str(minor, "KWD"), "KWD", "en") == minor


def test_money_is_formatted_per_locale() -> None:
    assert format_money(12500, "KWD", "en") == "KWD12.500"
    assert "12.500" in format_money(12500, "KWD", "ar") or "١٢" in format_money(12500, "KWD", "ar")
    assert major_str(-2500, "KWD") == "-2.500"


@pytest.mark.parametrize(
    ("typed", "echoed"),
    [
        ("\x00", "\ufffd"),  # NUL: shown as "�", never written to the terminal
        ("\u202e12", "\ufffd12"),  # an invisible override before "12": the "�" shows why it is refused
        ("x" * 100_000, "x" * 19 + "…"),  # 20 characters, not 100 000
    ],
)
def test_a_refused_amount_is_echoed_visibly_and_short(typed: str, echoed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_amount(typed, "KWD", "en")
    assert refused.value.message == f'"{echoed}" is not an amount; type digits, for example 12.50.'


def test_a_currency_code_is_upper_cased() -> None:
    assert check_currency(" kwd ") == "KWD"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("XXQ", "XXQ is not a currency code Babel knows (for example KWD, SAR, USD)."),
        ("x" * 1_000_000, "XXXXXXXXX… is not a currency code Babel knows (for example KWD, SAR, USD)."),
        ("\x00", "\ufffd is not a currency code Babel knows (for example KWD, SAR, USD)."),
        ("", "Please enter a currency code such as KWD, SAR or USD."),
        (None, "Please enter a currency code such as KWD, SAR or USD."),
        (414, "Please enter a currency code such as KWD, SAR or USD."),  # a number, not a code
    ],
)
def test_a_bad_currency_gets_one_short_sentence(typed: object, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_currency(typed)
    assert refused.value.message == message
