"""Birthday gifts: issued automatically N days ahead, once per birthday year, only
with marketing consent; 29 February falls on 28 February in other years."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core import birthdays
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _at(shop: Shop, day: date) -> Shop:
    """The same shop on another day (09:00 UTC)."""
    return Shop(shop.db, clock=fixed_clock(datetime(day.year, day.month, day.day, 9, tzinfo=UTC)))


def test_a_free_coffee_voucher_a_week_before_the_birthday_once(shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    make_customer(shop, "Omar", birthday="10-20")  # no marketing consent: no gift
    make_customer(shop, "Huda", birthday="10-30", consent_marketing=True)  # too far ahead

    first = shop.issue_birthday_gifts()
    (gift,) = first.gifts
    assert (gift.customer_id, gift.birthday, gift.voucher.item) == (sara.id, date(2026, 10, 20), "Free coffee")
    assert (gift.voucher.source, gift.voucher.birthday_year) == ("birthday", 2026)
    assert gift.voucher.valid_until == date(2026, 11, 14)  # valid 30 days from today
    assert shop.issue_birthday_gifts().gifts == ()  # the same day again: nothing new
    assert _at(shop, date(2026, 10, 19)).issue_birthday_gifts().gifts == ()  # nor on a later day
    assert [v.source for v in shop.customer_status(sara.id).vouchers] == ["birthday"]


def test_next_year_brings_the_next_gift(shop: Shop) -> None:
    make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    shop.issue_birthday_gifts()
    (gift,) = _at(shop, date(2027, 10, 14)).issue_birthday_gifts().gifts
    assert gift.birthday == date(2027, 10, 20)


def test_a_29_february_birthday_is_on_28_february_in_other_years(shop: Shop) -> None:
    leap = make_customer(shop, "Leila", birthday="2000-02-29", consent_marketing=True)
    (gift,) = _at(shop, date(2027, 2, 24)).issue_birthday_gifts().gifts
    assert (gift.customer_id, gift.birthday) == (leap.id, date(2027, 2, 28))
    (upcoming,) = _at(shop, date(2027, 2, 28)).upcoming_birthdays(days=1)
    assert (upcoming.birthday, upcoming.turning, upcoming.gift_issued) == (date(2027, 2, 28), 27, True)
    (in_leap_year,) = _at(shop, date(2028, 2, 23)).issue_birthday_gifts().gifts
    assert in_leap_year.birthday == date(2028, 2, 29)


def test_a_birthday_early_in_january_is_gifted_in_december(shop: Shop) -> None:
    make_customer(shop, "Sara", birthday="01-02", consent_marketing=True)
    (gift,) = _at(shop, date(2026, 12, 28)).issue_birthday_gifts().gifts
    assert (gift.birthday, gift.voucher.birthday_year) == (date(2027, 1, 2), 2027)


def test_points_as_the_gift_expire_after_the_valid_days(shop: Shop) -> None:
    points = shop.create_programme(name="Points", unit="points", birthday_quantity=50)
    sara = make_customer(shop, "Sara", birthday="10-16", consent_marketing=True)
    ctx = Context(today=date(2026, 10, 15), now="2026-10-15T09:30:00+00:00", currency="KWD")
    with transaction(shop.db):
        gifts = birthdays.issue_birthday_gifts(shop.db, ctx, days_before=3, valid_days=10)
    assert sorted((g.programme_id, g.quantity) for g in gifts) == [(1, 0), (points.id, 50)]
    row = shop.db.execute("SELECT quantity, expires_on FROM ledger WHERE kind = 'birthday'").fetchone()
    assert row == (50, "2026-10-25")
    assert _at(shop, date(2026, 10, 26)).customer_status(sara.id).programmes[1].balance == 0


def test_upcoming_birthdays_lists_the_next_30_days_soonest_first(shop: Shop) -> None:
    make_customer(shop, "Later", birthday="11-13")
    make_customer(shop, "Today", birthday="10-15")
    make_customer(shop, "Too late", birthday="11-14")
    make_customer(shop, "Yesterday", birthday="10-14")
    make_customer(shop, "Soon", birthday="1990-10-17")
    listed = shop.upcoming_birthdays()
    assert [(b.customer.name, b.days, b.turning) for b in listed] == [
        ("Today", 0, None),
        ("Soon", 2, 36),
        ("Later", 29, None),
    ]


def test_merged_and_erased_customers_get_no_gift(shop: Shop) -> None:
    keep = make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    duplicate = make_customer(shop, "Sara A.", birthday="10-20", consent_marketing=True)
    shop.merge_customers(keep.id, duplicate.id)
    assert [g.customer_id for g in shop.issue_birthday_gifts().gifts] == [keep.id]


def test_the_status_shows_a_birthday_this_week(shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="10-18")
    status = shop.customer_status(sara.id)
    assert (status.birthday_this_week, status.birthday_in_days) == (True, 3)
    assert not shop.customer_status(make_customer(shop, "Omar", birthday="10-25").id).birthday_this_week


def test_a_window_longer_than_a_year_is_refused(shop: Shop) -> None:
    with pytest.raises(InvalidInput, match="at most 366 days"):
        shop.upcoming_birthdays(days=400)
