"""Birthday gifts and the list of coming birthdays.

A programme may give a birthday gift: units, a voucher for one of its rewards,
or both. Gifts go to customers whose marketing consent allows it, N days before
the birthday (shop rule `birthday_days_before`), valid M days
(`birthday_valid_days`), once per customer, programme and birthday year — so
running the job twice the same day (or every day) issues nothing new. A
birthday on 29 February falls on 28 February in other years."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from smallbiz_loyalty.core import ledger, programs
from smallbiz_loyalty.core.customers import Customer, customers_by_ids
from smallbiz_loyalty.core.dates import Birthday
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.rewards import Voucher, get_reward, issue_voucher, voucher_terms

MAX_WINDOW_DAYS = 366


@dataclass(frozen=True)
class BirthdayGift:
    customer_id: int
    name: str
    programme_id: int
    birthday: date  # the birthday it is for
    quantity: int  # units given (0 when only a voucher)
    voucher: Voucher | None


@dataclass(frozen=True)
class UpcomingBirthday:
    customer: Customer
    birthday: date  # this year's (or next year's) date
    days: int  # 0 = today
    turning: int | None  # the age, when the year of birth is known
    gift_issued: bool


def _pairs(start: date, end: date) -> list[tuple[int, int]]:
    """(month, day) of every date in [start, end]; 29 February rides along with a non-leap 28 February."""
    pairs = []
    day = start
    while day <= end:
        pairs.append((day.month, day.day))
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            pairs.append((2, 29))
        day += timedelta(days=1)
    return pairs


def birthdays_between(db: Database, start: date, end: date) -> list[tuple[Customer, date]]:
    """Active customers whose birthday falls in [start, end] (at most a year), with its date, soonest first."""
    if end < start:
        return []
    if (end - start).days >= MAX_WINDOW_DAYS:
        raise InvalidInput("days", _("Birthdays can be listed for at most {days} days.", days=MAX_WINDOW_DAYS))
    pairs = _pairs(start, end)
    values = ", ".join("(?, ?)" for _pair in pairs)
    rows = db.execute(
        "SELECT id, birth_month, birth_day, birth_year FROM customers"
        f" WHERE (birth_month, birth_day) IN (VALUES {values}) AND erased_at IS NULL AND merged_into IS NULL",
        [n for pair in pairs for n in pair],
    ).fetchall()
    found: dict[int, date] = {}
    for customer_id, month, day, _year in rows:
        for year in {start.year, end.year}:
            occurs = Birthday(month, day).in_year(year)
            if start <= occurs <= end:
                found[customer_id] = occurs
    by_id = {c.id: c for c in customers_by_ids(db, list(found))}
    return sorted(((by_id[cid], day) for cid, day in found.items()), key=lambda pair: (pair[1], pair[0].name))


def upcoming_birthdays(db: Database, today: date, days: int = 30) -> list[UpcomingBirthday]:
    """Birthdays from today through the next `days` days, soonest first."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_WINDOW_DAYS:
        raise InvalidInput("days", _("Birthdays can be listed for at most {days} days.", days=MAX_WINDOW_DAYS))
    found = birthdays_between(db, today, today + timedelta(days=days - 1))
    issued = {
        (cid, year)
        for cid, year in db.execute(
            "SELECT customer_id, year FROM birthday_gifts WHERE year IN (?, ?)", [today.year, today.year + 1]
        )
    }
    result = []
    for customer, day in found:
        birth_year = customer.birthday.year if customer.birthday else None
        result.append(
            UpcomingBirthday(
                customer=customer,
                birthday=day,
                days=(day - today).days,
                turning=day.year - birth_year if birth_year else None,
                gift_issued=(customer.id, day.year) in issued,
            )
        )
    return result


def issue_birthday_gifts(db: Database, ctx: Context, *, days_before: int, valid_days: int) -> list[BirthdayGift]:
    """Give every due birthday gift not given yet (inside the caller's transaction)."""
    givers = [p for p in programs.list_programmes(db, active_only=True) if p.has_birthday_gift]
    if not givers:
        return []
    gifts = []
    for customer, day in birthdays_between(db, ctx.today, ctx.today + timedelta(days=days_before)):
        if not customer.consent_marketing:
            continue
        for programme in givers:
            gift = _give(db, ctx, customer, programme, day, valid_days)
            if gift is not None:
                gifts.append(gift)
    return gifts


def _give(
    db: Database, ctx: Context, customer: Customer, programme: Programme, day: date, valid_days: int
) -> BirthdayGift | None:
    cursor = db.execute(
        "INSERT OR IGNORE INTO birthday_gifts (customer_id, programme_id, year, birthday, issued_at, issued_on)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [customer.id, programme.id, day.year, day.isoformat(), ctx.now, ctx.today.isoformat()],
    )
    if not cursor.rowcount:
        return None  # already given for this birthday
    gift_id = cursor.lastrowid
    voucher = None
    lot_id = None
    if programme.birthday_reward_id:
        reward = get_reward(db, programme.birthday_reward_id)
        kind, value, cap = voucher_terms(reward)
        voucher = issue_voucher(
            db, customer_id=customer.id, kind=kind, item=reward.name, value=value, cap=cap, source="birthday",
            today=ctx.today, now=ctx.now, valid_days=valid_days, programme_id=programme.id, reward_id=reward.id,
            birthday_year=day.year, staff_id=ctx.staff_id,
        )  # fmt: skip
    if programme.birthday_quantity:
        ledger.expire_customer(db, ctx, customer.id, programme.id)
        lot_id = ledger.add_lot(
            db, ctx, kind="birthday", programme_id=programme.id, customer_id=customer.id,
            quantity=programme.birthday_quantity, expires_on=ctx.today + timedelta(days=valid_days),
            reason=_("Birthday gift {year}", year=day.year),
        )  # fmt: skip
    db.execute(
        "UPDATE birthday_gifts SET voucher_id = ?, ledger_id = ? WHERE id = ?",
        [voucher.id if voucher else None, lot_id, gift_id],
    )
    return BirthdayGift(customer.id, customer.name, programme.id, day, programme.birthday_quantity, voucher)
