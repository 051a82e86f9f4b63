"""Dates as people read them in the current language (Babel), for tables and labels."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_skeleton

from smallbiz_loyalty.core.dates import Birthday, business_date
from smallbiz_loyalty.core.i18n import babel_locale


def format_day(day: date) -> str:
    """ "Oct 15, 2026" / "15 أكتوبر 2026"."""
    return format_skeleton("yMMMd", day, locale=babel_locale())


def format_moment_day(utc_iso: str, time_zone: str) -> str:
    """The shop-local date of a stored UTC timestamp."""
    return format_day(business_date(datetime.fromisoformat(utc_iso), time_zone))


def format_birthday(birthday: Birthday | None) -> str:
    """ "Mar 21" (or "Mar 21, 1990" when the year is known); empty when unknown."""
    if birthday is None:
        return ""
    if birthday.year:
        return format_day(date(birthday.year, birthday.month, birthday.day))
    # A leap year, so 29 February without a year can be shown too.
    return format_skeleton("MMMd", date(2000, birthday.month, birthday.day), locale=babel_locale())
