"""Months, dates and time zones typed by people: accepted in every digit script,
refused in one sentence that never echoes an invisible character."""

from __future__ import annotations

from datetime import date

import pytest

from smallbiz_loyalty.core.dates import parse_date, parse_month, zone
from smallbiz_loyalty.core.errors import InvalidInput

RLO = "\u202e"


def test_a_month_is_its_first_day_and_the_first_day_of_the_next() -> None:
    assert parse_month("2026-10") == (date(2026, 10, 1), date(2026, 11, 1))
    assert parse_month("٢٠٢٦-١٢") == (date(2026, 12, 1), date(2027, 1, 1))


def test_the_last_month_that_has_a_next_month_is_9998_12() -> None:
    assert parse_month("9998-12") == (date(9998, 12, 1), date(9999, 1, 1))
    # 9999-12 would end on 10000-01-01, a date Python cannot hold: refused, not a ValueError.
    with pytest.raises(InvalidInput, match=r'"9999-12" is not a month; use the form 2026-10\.'):
        parse_month("9999-12")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("\x00", '"\ufffd" is not a month; use the form 2026-10.'),
        (f"{RLO}2026-10", '"\ufffd2026-10" is not a month; use the form 2026-10.'),
        ("x" * 10_000, '"' + "x" * 19 + '…" is not a month; use the form 2026-10.'),
        ("1899-12", '"1899-12" is not a month; use the form 2026-10.'),
    ],
)
def test_a_bad_month_is_echoed_visibly_and_short(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_month(typed)
    assert refused.value.message == message


def test_a_bad_date_is_echoed_visibly() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date(f"2026-10-3{RLO}1")
    assert refused.value.message == '"2026-10-3\ufffd1" is not a date; use the form 2026-10-31.'


def test_a_time_zone_is_found_by_its_name() -> None:
    assert zone("Asia/Kuwait").key == "Asia/Kuwait"
    assert zone(" Asia/Riyadh ").key == "Asia/Riyadh"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Europe/Atlantis", "Europe/Atlantis is not a time zone name (for example Asia/Kuwait)."),
        (
            "Asia",
            "Asia is not a time zone name (for example Asia/Kuwait).",
        ),  # a folder of the database: IsADirectoryError
        ("A" * 100_000, "A" * 39 + "… is not a time zone name (for example Asia/Kuwait)."),  # ENAMETOOLONG
        ("A" * 300, "A" * 39 + "… is not a time zone name (for example Asia/Kuwait)."),
        ("\x00", "\ufffd is not a time zone name (for example Asia/Kuwait)."),  # ValueError: embedded null byte
        (f"Asia/Kuwait{RLO}", "Asia/Kuwait\ufffd is not a time zone name (for example Asia/Kuwait)."),
        ("../../etc/passwd", "../../etc/passwd is not a time zone name (for example Asia/Kuwait)."),
        ("", "Please enter a time zone name such as Asia/Kuwait."),
        (None, "Please enter a time zone name such as Asia/Kuwait."),
    ],
)
def test_a_bad_time_zone_gets_one_sentence(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        zone(typed)
    assert (refused.value.field, refused.value.message) == ("time_zone", message)
