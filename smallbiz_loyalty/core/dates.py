"""Business dates, time zones and birthdays.

Timestamps are stored as UTC ISO-8601; every sale also carries the shop-local
business date, which is what reports group by. "Now" is always injected (a
`Clock`), so tests can fix it."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.text import shown, to_ascii_digits

Clock = Callable[[], datetime]
ZONE_NAME_MAX = 64  # the longest IANA name has 32 characters
# date() stops at year 9999, and a month's end is the first day of the next one.
YEAR_MIN, YEAR_MAX = 1900, 9998


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always says `moment` (aware, or taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return lambda: moment


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def zone(name: str) -> ZoneInfo:
    """The time zone called `name` ("Asia/Kuwait"), or `InvalidInput` in one sentence."""
    text = name.strip() if isinstance(name, str) else ""
    if not text:
        raise InvalidInput("time_zone", _("Please enter a time zone name such as Asia/Kuwait."))
    if len(text) > ZONE_NAME_MAX:  # longer than any real zone; the file lookup would fail with ENAMETOOLONG
        raise InvalidInput(
            "time_zone", _("{name} is not a time zone name (for example Asia/Kuwait).", name=shown(text))
        )
    try:
        return ZoneInfo(text)
    # OSError: a folder of the zone database ("Asia") or a name the file system refuses.
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise InvalidInput(
            "time_zone", _("{name} is not a time zone name (for example Asia/Kuwait).", name=shown(text))
        ) from exc


def business_date(moment: datetime, time_zone: str) -> date:
    """The shop-local calendar date of `moment`."""
    return moment.astimezone(zone(time_zone)).date()


def parse_date(text: object, field: str = "date") -> date:
    """An ISO date (YYYY-MM-DD, digits of any script)."""
    raw = to_ascii_digits(str(text or "").strip())
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise InvalidInput(field, _('"{text}" is not a date; use the form 2026-10-31.', text=shown(raw, 20))) from exc


def parse_month(text: object) -> tuple[date, date]:
    """ "YYYY-MM" → [first day, first day of next month)."""
    raw = to_ascii_digits(str(text or "").strip())
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", raw)
    if not match or not 1 <= int(match[2]) <= 12 or not YEAR_MIN <= int(match[1]) <= YEAR_MAX:
        raise InvalidInput("month", _('"{text}" is not a month; use the form 2026-10.', text=shown(raw, 20)))
    start = date(int(match[1]), int(match[2]), 1)
    return start, add_months(start, 1)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Birthday:
    month: int
    day: int
    year: int | None = None

    def in_year(self, year: int) -> date:
        """This birthday in `year`; 29 February falls on 28 February in other years."""
        if self.month == 2 and self.day == 29 and not calendar.isleap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)

    def iso(self) -> str:
        """ "YYYY-MM-DD", or "--MM-DD" (ISO 8601 without a year) when the year is unknown."""
        if self.year:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"--{self.month:02d}-{self.day:02d}"


_BIRTHDAY_FORMS = (
    (re.compile(r"(?:--|0000-)?(\d{1,2})-(\d{1,2})"), ("month", "day")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("year", "month", "day")),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), ("day", "month", "year")),
    (re.compile(r"(\d{1,2})/(\d{1,2})"), ("day", "month")),
)


def parse_birthday(text: object, *, today: date | None = None) -> Birthday | None:
    """Read a birthday: "MM-DD", "--MM-DD", "YYYY-MM-DD", "0000-MM-DD" (no year),
    "DD/MM" or "DD/MM/YYYY". Empty → None. Digits of any script are accepted."""
    raw = to_ascii_digits(str(text or "").strip())
    if not raw:
        return None
    for pattern, names in _BIRTHDAY_FORMS:
        match = pattern.fullmatch(raw)
        if match:
            parts = dict(zip(names, (int(g) for g in match.groups()), strict=True))
            return make_birthday(parts["month"], parts["day"], parts.get("year"), today=today)
    raise InvalidInput(
        "birthday",
        _(
            '"{text}" is not a birthday; use month-day such as 03-21, or a full date such as 1990-03-21.',
            text=shown(raw, 20),
        ),
    )


def make_birthday(month: int, day: int, year: int | None = None, *, today: date | None = None) -> Birthday:
    """Validate a birthday; 29 February is accepted with no year or a leap year."""
    today = today or date.today()
    if year == 0:
        year = None
    if not 1 <= month <= 12:
        raise InvalidInput("birthday", _("A birthday month must be between 1 and 12."))
    if year is not None and not today.year - 120 <= year <= today.year:
        raise InvalidInput("birthday", _("The birth year {year} is not possible.", year=year))
    longest = calendar.monthrange(year if year else 2000, month)[1]
    if not 1 <= day <= longest:
        raise InvalidInput("birthday", _("Day {day} does not exist in that month.", day=day))
    return Birthday(month, day, year)
