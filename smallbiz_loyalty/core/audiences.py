"""Who gets a printed note, and what its placeholders say for each of them.

Audiences come from the lists the owner already sees — first-time customers of a
month (`segments.new_customers`), birthdays in a month (`birthdays.birthdays_between`),
regulars drifting away (`segments.at_risk`) — or from a chosen list of ids. Only
current customers whose consent allows printed notes (``consent_notes``) are kept,
whatever the audience. Each `Recipient` carries the values of the note's
placeholders (see core/templates.py) in the note's language, which need not be the
app's: a worker can print Arabic notes while the window is in English.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from sqlite_utils import Database

from smallbiz_loyalty.core import programs, segments
from smallbiz_loyalty.core.birthdays import birthdays_between
from smallbiz_loyalty.core.customers import Customer, customers_by_ids
from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.i18n import N_, babel_locale, translate
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.rewards import Voucher, get_reward, get_voucher, voucher_terms
from smallbiz_loyalty.core.status import CustomerStatus, customer_status
from smallbiz_loyalty.core.templates import PLACEHOLDERS, check_kind

EVERYONE = 1_000_000  # "no limit" for the lists that take one
_CHUNK = 5_000  # ids per query when loading customers by id (SQLite caps the number of parameters)

# The same source texts as core/loyalty_text.py and core/messages.py, so one translation serves all.
ONE_STAMP, STAMPS = N_("1 stamp"), N_("{count} stamps")
ONE_POINT, POINTS = N_("1 point"), N_("{count} points")
CREDIT = N_("{amount} credit")
REWARD_READY = N_("Your reward is ready: {reward}.")
REWARD_NEXT = N_("Only {quantity} more for {reward}.")
AMOUNT_OFF = N_("{amount} off")
PERCENT_OFF = N_("{percent}% off")
PERCENT_OFF_CAPPED = N_("{percent}% off, up to {cap}")
SURPRISE = N_("a birthday surprise")


@dataclass(frozen=True)
class Recipient:
    """One customer to print a note for, with everything the note shows."""

    customer: Customer
    values: dict[str, str]  # placeholder → text in the note's language (every placeholder present)
    stamps: tuple[int, int] | None  # (stamps, stamps on a full card) of their first stamp card
    voucher_code: str | None = None  # the birthday voucher, printed as a QR code

    @property
    def name(self) -> str:
        return self.customer.name


# -- audiences -----------------------------------------------------------------


def consenting(db: Database, ids: Sequence[int]) -> list[Customer]:
    """The customers of `ids` (in that order) who are current and accept printed notes."""
    if not ids:
        return []
    kept = {
        row[0]
        for row in db.execute(
            "SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?))"
            " AND consent_notes = 1 AND erased_at IS NULL AND merged_into IS NULL",
            [json.dumps([int(i) for i in ids])],
        )
    }
    ordered = list(dict.fromkeys(i for i in ids if i in kept))
    found: list[Customer] = []
    for first in range(0, len(ordered), _CHUNK):
        found += customers_by_ids(db, ordered[first : first + _CHUNK])
    return found


def first_timers(db: Database, start: date, end: date) -> list[Customer]:
    """Customers whose first purchase ever fell in [start, end), first come first."""
    return consenting(db, [line.customer_id for line in segments.new_customers(db, start, end, limit=EVERYONE)])


def lapsed_regulars(db: Database, today: date, settings: Mapping[str, Any]) -> list[Customer]:
    """Regulars drifting away (the shop's at-risk rule), biggest spenders first."""
    lines = segments.at_risk(db, today, dict(settings), limit=EVERYONE)
    return consenting(db, [line.customer_id for line in lines])


def birthdays_in(db: Database, start: date, end: date) -> list[tuple[Customer, date]]:
    """Customers with a birthday in [start, end) and that birthday's date, soonest first."""
    found = birthdays_between(db, start, end - timedelta(days=1))
    return [(customer, day) for customer, day in found if customer.consent_notes]


def month_of(kind: str, today: date, month: date | None) -> date:
    """The first day of the month a kind of note is about: the one asked for, else next
    month for birthday cards (printed ahead) and this month for the others."""
    if month is not None:
        return month.replace(day=1)
    return add_months(today.replace(day=1), 1 if kind == "birthday" else 0)


def note_recipients(
    db: Database,
    kind: str,
    *,
    today: date,
    settings: Mapping[str, Any],
    lang: str,
    month: date | None = None,
    ids: Sequence[int] | None = None,
) -> list[Recipient]:
    """Who gets a `kind` note ("thank-you" | "birthday" | "win-back") and what it says:
    the chosen `ids` when given, else the kind's own audience for `month`
    (first-time customers of the month, birthdays in the month, lapsed regulars)."""
    check_kind(kind)
    start = month_of(kind, today, month)
    end = add_months(start, 1)
    if ids is not None:
        since = start if month is not None else today  # a chosen card is for the coming birthday
        people = [(c, _next_birthday(c, since) if kind == "birthday" else None) for c in consenting(db, ids)]
    elif kind == "thank-you":
        people = [(c, None) for c in first_timers(db, start, end)]
    elif kind == "birthday":
        people = list(birthdays_in(db, start, end))
    else:
        people = [(c, None) for c in lapsed_regulars(db, today, settings)]
    notes = NoteValues(db, settings, lang, start, today)
    vouchers = birthday_vouchers(db, [(c.id, day.year) for c, day in people if day]) if kind == "birthday" else {}
    card = kind == "birthday"
    return [notes.recipient(c, customer_status(db, c.id, today), day, vouchers, card) for c, day in people]


def _next_birthday(customer: Customer, since: date) -> date | None:
    if customer.birthday is None:
        return None
    this_year = customer.birthday.in_year(since.year)
    return this_year if this_year >= since else customer.birthday.in_year(since.year + 1)


def birthday_vouchers(db: Database, wanted: Iterable[tuple[int, int]]) -> dict[tuple[int, int], Voucher]:
    """(customer id, birthday year) → the unused birthday voucher issued for it, if any."""
    wanted = set(wanted)
    if not wanted:
        return {}
    rows = db.execute(
        "SELECT id, customer_id, birthday_year FROM vouchers WHERE customer_id IN (SELECT value FROM json_each(?))"
        " AND redeemed_at IS NULL AND source = 'birthday' ORDER BY id",
        [json.dumps(sorted({cid for cid, _year in wanted}))],
    ).fetchall()
    return {(cid, year): get_voucher(db, vid) for vid, cid, year in rows if (cid, year) in wanted}


# -- what the placeholders say ---------------------------------------------------------


class Wording:
    """How balances, rewards and gifts read in one language (not necessarily the app's)."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang, self.locale, self.currency = lang, babel_locale(lang), currency

    def say(self, text: str, /, **params: object) -> str:
        """`text` (marked with N_) in this language, filled in with `params`."""
        translated = translate(text, self.lang)
        return translated.format(**params) if params else translated

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def money(self, minor: int) -> str:
        return format_money(minor, self.currency, self.locale)

    def date(self, day: date) -> str:
        """ "November 14, 2026" / "14 نوفمبر 2026"."""
        return format_date(day, "long", locale=self.locale)

    def quantity(self, unit: str, count: int) -> str:
        """ "1 stamp", "1,250 points", "KWD 0.250 credit"."""
        if unit == "credit":
            return self.say(CREDIT, amount=self.money(count))
        if unit == "stamps":
            return self.say(ONE_STAMP) if count == 1 else self.say(STAMPS, count=self.number(count))
        return self.say(ONE_POINT) if count == 1 else self.say(POINTS, count=self.number(count))

    def balances(self, status: CustomerStatus) -> dict[str, str]:
        """{balance} {points} {stamps} {reward} of one customer."""
        shown = [p for p in status.programmes if p.balance] or list(status.programmes[:1])
        return {
            "balance": format_list([self.quantity(p.programme.unit, p.balance) for p in shown], locale=self.locale),
            "points": self.number(_total(status, "points")),
            "stamps": self.number(_total(status, "stamps")),
            "reward": self.reward(status),
        }

    def reward(self, status: CustomerStatus) -> str:
        """One sentence: the rewards ready now, else the nearest one and what it still takes ("" if none)."""
        ready = status.rewards_ready
        if ready:
            return self.say(REWARD_READY, reward=format_list([r.name for r in ready], locale=self.locale))
        upcoming = [p for p in status.programmes if p.next_reward is not None]
        if not upcoming:
            return ""
        nearest = min(upcoming, key=lambda p: p.needed)
        assert nearest.next_reward is not None
        quantity = self.quantity(nearest.programme.unit, nearest.needed)
        return self.say(REWARD_NEXT, quantity=quantity, reward=nearest.next_reward.name)

    def gift(self, kind: str, item: str, value: int, cap: int | None) -> str:
        """What a voucher gives, as a customer reads it: "Free coffee", "KWD 1.000 off", "10% off"."""
        if kind == "fixed_discount":
            return self.say(AMOUNT_OFF, amount=self.money(value))
        if kind == "percent_discount" and cap:
            return self.say(PERCENT_OFF_CAPPED, percent=self.number(value), cap=self.money(cap))
        if kind == "percent_discount":
            return self.say(PERCENT_OFF, percent=self.number(value))
        return item

    def voucher_gift(self, voucher: Voucher) -> str:
        return self.gift(voucher.kind, voucher.item, voucher.value, voucher.cap)


def _total(status: CustomerStatus, unit: str) -> int:
    return sum(p.balance for p in status.programmes if p.programme.unit == unit)


class NoteValues(Wording):
    """Fills in the placeholders of one batch of notes."""

    def __init__(self, db: Database, settings: Mapping[str, Any], lang: str, month: date, today: date) -> None:
        super().__init__(lang, str(settings["currency"]))
        self.today = today
        self.shop = str(settings["shop_name"])
        self.month = format_date(month, "LLLL", locale=self.locale)
        self.days_before = int(settings["birthday_days_before"])
        self.valid_days = int(settings["birthday_valid_days"])
        self.general_gift = self._general_gift(db)

    def recipient(
        self,
        customer: Customer,
        status: CustomerStatus,
        birthday: date | None,
        vouchers: Mapping[tuple[int, int], Voucher],
        birthday_card: bool = False,
    ) -> Recipient:
        voucher = vouchers.get((customer.id, birthday.year)) if birthday else None
        values = dict.fromkeys(PLACEHOLDERS, "")
        values |= {"name": customer.name, "shop": self.shop, "month": self.month, **self.balances(status)}
        if birthday_card:
            values |= self.birthday_gift(customer, voucher, birthday)
        stamp_cards = [p for p in status.programmes if p.programme.unit == "stamps" and p.card_size]
        stamps = (stamp_cards[0].balance, stamp_cards[0].card_size) if stamp_cards else None
        return Recipient(customer, values, stamps, voucher.code if voucher else None)

    def _general_gift(self, db: Database) -> str | None:
        """The birthday gift the shop's programmes give (None: none gives one)."""
        for programme in programs.list_programmes(db, active_only=True):
            if programme.birthday_reward_id:
                reward = get_reward(db, programme.birthday_reward_id)
                kind, value, cap = voucher_terms(reward)
                return self.gift(kind, reward.name, value, cap)
            if programme.birthday_quantity:
                return self.quantity(programme.unit, programme.birthday_quantity)
        return None

    def birthday_gift(self, customer: Customer, voucher: Voucher | None, birthday: date | None) -> dict[str, str]:
        """{voucher} and {valid_until}: the issued voucher's; else, for a customer the gift will be given
        to (marketing consent, a programme with a gift, the birthday still ahead), that gift and the last
        day it will be valid; else "a birthday surprise" for the owner to give at the counter."""
        if voucher is not None:
            until = voucher.valid_until
            return {"voucher": self.voucher_gift(voucher), "valid_until": self.date(until) if until else ""}
        given = max(self.today, birthday - timedelta(days=self.days_before)) if birthday else self.today
        until = self.date(given + timedelta(days=self.valid_days))
        if self.general_gift and customer.consent_marketing and birthday and birthday >= self.today:
            return {"voucher": self.general_gift, "valid_until": until}
        return {"voucher": self.say(SURPRISE), "valid_until": until}
