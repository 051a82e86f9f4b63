"""Shop settings declared as data: each value checked before any is written."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.settings import validate_setting
from smallbiz_loyalty.core.shop import Shop


def test_a_time_zone_is_stored_by_its_name(shop: Shop) -> None:
    assert shop.set_settings(time_zone=" Asia/Riyadh ")["time_zone"] == "Asia/Riyadh"


@pytest.mark.parametrize(
    ("typed", "number"),
    [(90, 90), ("90", 90), (" 365 ", 365), ("٣٦٥", 365), ("۹۰", 90)],
)
def test_a_whole_number_setting_takes_digits_of_any_script(typed: object, number: int) -> None:
    assert validate_setting("activity_window_days", typed) == number


@pytest.mark.parametrize(
    "typed",
    [
        "1_00",  # int() would read 100, in range
        "+90",
        "1e2",
        90.5,
        True,  # a bool is not 1
        "9" * 5000,  # int() would raise past 4300 digits
        10**30,
        "²",
        None,
    ],
)
def test_anything_else_is_refused_in_one_sentence(typed: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_setting("activity_window_days", typed)
    assert refused.value.message == "Days a customer counts as active must be a whole number from 28 to 730."


def test_an_unknown_setting_name_is_echoed_visibly_and_short() -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_setting("\x00", 1)
    assert refused.value.message == "There is no setting called \ufffd."
    with pytest.raises(InvalidInput) as refused:
        validate_setting("k" * 1_000_000, 1)
    assert refused.value.message == "There is no setting called " + "k" * 39 + "…."


@pytest.mark.parametrize(
    ("key", "value"),
    [("currency", "\x00"), ("currency", "x" * 1_000_000), ("time_zone", "A" * 100_000), ("time_zone", "Asia")],
)
def test_a_refused_setting_changes_nothing(shop: Shop, key: str, value: str) -> None:
    before = shop.settings
    with pytest.raises(InvalidInput) as refused:
        shop.set_settings(shop_name="New name", **{key: value})
    assert len(refused.value.message) < 120 and "\x00" not in refused.value.message
    assert shop.reload_settings() == before
