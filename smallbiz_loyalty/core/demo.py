"""The demo shop: a Kuwaiti café with months of realistic customers and sales.

Everything goes through the `Shop` methods (enrol, record_sale, record_return,
void_sale) so whatever hooks into them (the loyalty engine) sees demo sales as
real ones. The whole build is one transaction: it lands whole, or a cancel or
an error leaves the file as it was. One seed gives the same shop every time:
all randomness comes from one `random.Random(seed)` and seeded Faker instances,
drawn in a fixed order.

Visits are simulated per customer as a Poisson process thinned by a day factor
(weekday, summer, Ramadan), one window of days at a time so memory stays small
however long the period is; each window's visits are written in time order.
The loyalty side (programmes, redemptions, vouchers, NPS answers, the daily
jobs) is `demo_loyalty`'s."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from heapq import heappop, heappush
from itertools import accumulate
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.dates import Birthday, add_months, zone
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.demo_loyalty import LoyaltyLife
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.loyalty import setup_held
from smallbiz_loyalty.core.money import format_number
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel, no_progress
from smallbiz_loyalty.core.shop import Shop

MAX_CUSTOMERS = 200_000
MAX_MONTHS = 60
CAFE_SETTINGS: dict[str, Any] = {
    "shop_name": "مقهى النخلة — Palm Café",
    "currency": "KWD",
    "phone_region": "KW",
    "time_zone": "Asia/Kuwait",
}
# Kuwaiti mobile prefixes whose every 8-digit completion `phonenumbers` accepts
# (many other 5/6/9 prefixes are only partly allocated).
KW_MOBILE_PREFIXES = ("50", "55", "66", "90", "94", "96", "97", "99")
# Example domains (RFC 2606): demo addresses can never reach a real person.
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
# Real family names that would distract in a sales demo; drawn again.
_AWKWARD_SURNAMES = frozenset({"بن لادن"})
CUSTOMER_NOTES = ("Oat milk", "No sugar", "Extra hot", "حليب لوز", "قهوة عربية بدون هيل", "بدون سكر")


@dataclass(frozen=True)
class Category:
    name: str
    weight: int
    low: int  # fils (KWD minor units)
    high: int
    step: int

    @property
    def steps(self) -> int:
        """How many prices there are from `low` to `high`."""
        return (self.high - self.low) // self.step + 1


CATEGORIES = (
    Category("coffee", 45, 1250, 2500, 250),
    Category("tea", 15, 500, 1500, 250),
    Category("pastry", 15, 750, 2250, 250),
    Category("sandwich", 10, 1750, 3500, 250),
    Category("dessert", 8, 1500, 3000, 250),
    Category("beans", 4, 3500, 8000, 500),
)
_CATEGORY_WEIGHTS = tuple(accumulate(c.weight for c in CATEGORIES))  # cumulative: faster draws

REGULAR, OCCASIONAL, ONE_TIMER, DRIFTER = "regular", "occasional", "one-timer", "drifter"
_KINDS = (REGULAR, OCCASIONAL, ONE_TIMER, DRIFTER)
_KIND_WEIGHTS = (15, 35, 35, 15)
_MONTH = 30.44  # days
# Visits per month while a customer of this kind is still coming.
_RATES = {REGULAR: (3.0, 8.0), OCCASIONAL: (0.5, 1.5), ONE_TIMER: (0.0, 0.0), DRIFTER: (4.0, 7.0)}
# Drifters come for at least this long and stop at least this long before the end,
# so the "at risk" list has someone to show (none of them bought in the last 6 weeks).
_DRIFT_MIN_DAYS, _DRIFT_QUIET_DAYS = 56, 49
_ANONYMOUS_PER_CUSTOMER_DAY = 0.012  # walk-ins a day who never enrol, per demo customer (about a quarter of sales)
_RETURN_SHARE, _VOID_SHARE = 0.02, 0.005
_WINDOW_DAYS = 31
# The build is one transaction: with SQLite's default 2 MB page cache its changed pages
# spill to the WAL and are read back all along; 128 MB holds a 2 000-customer, 2-year shop.
_BUILD_CACHE_KIB = 128 * 1024
_CHECK_EVERY = 200  # visits between cancel checks and progress reports
_WALK_IN, _OPENING = -1, -2  # who: an anonymous visit; the shop's jobs before opening
_OPENING_SECOND = 6 * 3600 - 1  # 05:59:59, before the first customer
# Opening hours 06:00–23:59, busiest at breakfast and after work.
_HOURS = tuple(range(6, 24))
_HOUR_WEIGHTS = tuple(accumulate((3, 8, 9, 7, 5, 4, 5, 4, 4, 6, 8, 8, 6, 5, 5, 4, 3, 2)))
_RAMADAN_HOURS = (19, 20, 21, 22, 23)  # cafés fill after iftar
# 1 Ramadan 1446 and the mean lunar year: good to a day or so, plenty for a demo dip.
_RAMADAN_ANCHOR, _LUNAR_YEAR, _RAMADAN_DAYS = date(2025, 3, 1), 354.367, 30
# Kuwait's weekend is Friday and Saturday; Thursday evening is busy too.
_WEEKDAY_FACTOR = (0.75, 0.75, 0.75, 0.9, 1.0, 0.95, 0.75)  # Monday … Sunday


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote. `sales` counts every sale row (voided ones too)."""

    customers: int
    sales: int
    returns: int
    voids: int
    first_date: date
    last_date: date

    def describe(self) -> str:
        locale = babel_locale()
        return _(
            "Demo shop ready: {customers} customers, {sales} sales from {first} to {last}.",
            customers=format_number(self.customers, locale),
            sales=format_number(self.sales, locale),
            first=self.first_date.isoformat(),
            last=self.last_date.isoformat(),
        )


@dataclass
class _Profile:
    """How one planned customer behaves; `next_day` is a fractional day offset."""

    kind: str
    first_day: int
    last_day: int  # the last day they may come (inclusive)
    rate: float  # visits per day while coming
    favourite: Category
    next_day: float
    started: bool = False  # their first visit has been planned
    customer_id: int | None = None


def build_demo(
    shop: Shop,
    *,
    customers: int = 500,
    months: int = 12,
    seed: int = 1,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> DemoSummary:
    """Fill a new, empty store with a demo café: `customers` customers and `months` of sales up to today."""
    check_demo_arguments(customers=customers, months=months, seed=seed)
    try:
        with _page_cache(shop.db, _BUILD_CACHE_KIB), transaction(shop.db):
            _refuse_non_empty(shop)
            shop.set_settings(**CAFE_SETTINGS)
            builder = _Builder(shop, customers, months, seed, progress or no_progress, should_cancel or never_cancel)
            # The programmes are set up by now and nothing below edits them: read them once, not at every sale.
            with setup_held(shop.db):
                return builder.run()
    except BaseException:
        # The rollback undid the settings too; the Shop must forget what it cached.
        shop.reload_settings()
        raise


@contextmanager
def _page_cache(db: Database, kib: int) -> Iterator[None]:
    """SQLite's page cache at `kib` KiB for the block, then back to what it was."""
    (before,) = db.execute("PRAGMA cache_size").fetchone()
    db.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


def check_demo_arguments(*, customers: object, months: object, seed: object) -> None:
    """Refuse sizes out of range before anything (even a database file) is created."""
    _check_count("customers", customers, MAX_CUSTOMERS)
    _check_count("months", months, MAX_MONTHS)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise InvalidInput("seed", _("The demo seed must be a whole number."))


def _check_count(field: str, value: object, most: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        most_text = format_number(most, babel_locale())
        if field == "customers":
            message = _(
                "The number of demo customers must be from 1 to {most}; {value} was given.", most=most_text, value=value
            )
        else:
            message = _(
                "The number of demo months must be from 1 to {most}; {value} was given.", most=most_text, value=value
            )
        raise InvalidInput(field, message)


def _refuse_non_empty(shop: Shop) -> None:
    (has_customers,) = shop.db.execute("SELECT EXISTS (SELECT 1 FROM customers)").fetchone()
    (has_sales,) = shop.db.execute("SELECT EXISTS (SELECT 1 FROM sales)").fetchone()
    if has_customers or has_sales:
        where = str(shop.path) if shop.path else _("this database")
        raise RuleViolation(
            _("{path} already holds customers or sales; build the demo shop into a new file.", path=where)
        )


def ramadan_days(first: date, last: date) -> set[date]:
    """The days of Ramadan between `first` and `last` (approximate to a day)."""
    days: set[date] = set()
    cycle = int((first - _RAMADAN_ANCHOR).days // _LUNAR_YEAR) - 1
    while True:
        start = _RAMADAN_ANCHOR + timedelta(days=round(cycle * _LUNAR_YEAR))
        if start > last:
            return days
        days.update(start + timedelta(days=i) for i in range(_RAMADAN_DAYS))
        cycle += 1


def day_factors(first: date, count: int) -> list[float]:
    """How busy each day is, 0–1: weekends busier, summer and Ramadan days quieter."""
    ramadan = ramadan_days(first, first + timedelta(days=count))
    factors = []
    for offset in range(count):
        day = first + timedelta(days=offset)
        season = {6: 0.85, 7: 0.65, 8: 0.65}.get(day.month, 1.0)  # families travel in the hot months
        if day in ramadan:
            season = min(season, 0.55)
        factors.append(_WEEKDAY_FACTOR[day.weekday()] * season)
    return factors


def _pick(rng: random.Random, items: tuple[Any, ...], cumulative: tuple[int, ...]) -> Any:
    """One of `items`, weighted by `cumulative` weights (a lighter `rng.choices` for the hot loop)."""
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def kuwaiti_mobile(rng: random.Random) -> str:
    """A valid Kuwaiti mobile number in E.164, e.g. "+96550123456"."""
    return f"+965{rng.choice(KW_MOBILE_PREFIXES)}{rng.randrange(1_000_000):06d}"


class _Builder:
    """One demo build: the plan, the random sources and the running counts."""

    def __init__(
        self, shop: Shop, customers: int, months: int, seed: int, progress: Progress, should_cancel: ShouldCancel
    ) -> None:
        self.shop, self.seed, self.progress, self.should_cancel = shop, seed, progress, should_cancel
        self.rng = random.Random(seed)
        # Imported here: Faker takes ~0.1 s to import, which the app's start should not pay.
        from faker import Faker

        self.arabic = [Faker("ar_AA"), Faker("ar_SA")]
        self.english = [Faker("en_GB"), Faker("en_US")]
        for offset, fake in enumerate(self.arabic + self.english):
            fake.seed_instance(seed * 10 + offset)
        self._plan_calendar(months)
        self.profiles = [self._plan_customer() for _ in range(customers)]
        self.leap_birthday = self.rng.randrange(customers)  # one customer is born on 29 February
        self.anonymous = _Profile(
            ONE_TIMER, 0, self.days - 1, customers * _ANONYMOUS_PER_CUSTOMER_DAY, CATEGORIES[0], 0
        )
        self.enrolled: list[int] = []
        self.who: dict[int, int] = {}  # customer id → index of their profile
        self.loyalty = LoyaltyLife(shop, seed)
        self.phones: set[str] = set()
        self.sales = self.returns = self.voids = self.written = 0

    def _plan_calendar(self, months: int) -> None:
        """Days are numbered from the period's first day; today is the last."""
        shop = self.shop
        self.today = shop.today()
        self.first = add_months(self.today, -months) + timedelta(days=1)
        self.days = (self.today - self.first).days + 1
        self.factors = day_factors(self.first, self.days)
        self.ramadan = {(day - self.first).days for day in ramadan_days(self.first, self.today)}
        local = zone(shop.settings["time_zone"])
        self.midnights = [datetime.combine(self.first + timedelta(days=d), time(0), local) for d in range(self.days)]
        now = shop.clock().astimezone(local)
        # Visits are (day, second of the day); none may come after the clock's now.
        self.now_key = (self.days - 1, now.hour * 3600 + now.minute * 60 + now.second)

    def _plan_customer(self) -> _Profile:
        rng, last = self.rng, self.days - 2  # nobody first comes today: the day is not over
        kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
        latest_drifter_start = last + 1 - _DRIFT_QUIET_DAYS - _DRIFT_MIN_DAYS
        if kind == DRIFTER and latest_drifter_start < 0:
            kind = REGULAR  # too short a period to drift away in
        if kind == DRIFTER:
            first = rng.randint(0, latest_drifter_start)
            stop = rng.randint(first + _DRIFT_MIN_DAYS, last + 1 - _DRIFT_QUIET_DAYS)
        else:
            # A quarter come in the first month (the regulars the shop already had).
            first = rng.randint(0, min(30, last)) if rng.random() < 0.25 else rng.randint(0, last)
            stop = self.days - 1
            if kind == ONE_TIMER:
                stop = first
            elif kind == OCCASIONAL and rng.random() < 0.3:
                stop = rng.randint(first, stop)  # quietly lapsed
        low, high = _RATES[kind]
        rate = rng.uniform(low, high) / _MONTH
        favourite = _pick(rng, CATEGORIES, _CATEGORY_WEIGHTS)
        return _Profile(kind, first, stop, rate, favourite, float(first))

    # -- the simulation --------------------------------------------------
    def run(self) -> DemoSummary:
        label = _("Building the demo shop…")
        pending: list[tuple[int, int, int]] = []  # a heap: visits planned but not written yet, earliest first
        for low in range(0, self.days, _WINDOW_DAYS):
            high = min(low + _WINDOW_DAYS, self.days)
            for visit in self._visits(low, high):
                heappush(pending, visit)
            while pending and pending[0][0] < high:
                visit = heappop(pending)
                if visit[2] == _OPENING:
                    self._open_shop(visit[0], visit[1], pending)
                else:
                    self._write_visit(*visit)
                self.written += 1
                if self.written % _CHECK_EVERY == 0:
                    self._check_cancel()
                    self.progress(visit[0], self.days, label)
            self._check_cancel()
            self.progress(high, self.days, label)
        self.loyalty.close_books()
        return DemoSummary(len(self.enrolled), self.sales, self.returns, self.voids, self.first, self.today)

    def _open_shop(self, day: int, second: int, pending: list[tuple[int, int, int]]) -> None:
        """The shop's jobs before opening; customers given a birthday voucher may plan a visit to use it."""
        for customer_id, when, at_second in self.loyalty.open_shop(
            self.first + timedelta(days=day), self._moment(day, second)
        ):
            visit = ((when - self.first).days, at_second, self.who[customer_id])
            if visit[0] < self.days and visit[:2] < self.now_key:
                heappush(pending, visit)

    def _check_cancel(self) -> None:
        if self.should_cancel():
            raise Cancelled()

    def _visits(self, low: int, high: int) -> list[tuple[int, int, int]]:
        """(day, second of the day, customer index; -1 = walk-in, -2 = opening jobs) of every visit in [low, high)."""
        visits = [(day, _OPENING_SECOND, _OPENING) for day in range(low, high)]
        for index, profile in enumerate([*self.profiles, self.anonymous]):
            who = index if index < len(self.profiles) else _WALK_IN
            while profile.next_day < high and int(profile.next_day) <= profile.last_day:
                day = int(profile.next_day)
                first_visit = who >= 0 and not profile.started
                profile.started = True
                if first_visit or self.rng.random() < self.factors[day]:
                    visit = (day, self._second_of_day(day), who)
                    if visit[:2] < self.now_key:
                        visits.append(visit)
                # A one-timer never comes back.
                profile.next_day += self.rng.expovariate(profile.rate) if profile.rate > 0 else float("inf")
        return visits

    def _second_of_day(self, day: int) -> int:
        if day in self.ramadan:
            return _RAMADAN_HOURS[0] * 3600 + int(self.rng.random() * 3600 * len(_RAMADAN_HOURS))
        return _pick(self.rng, _HOURS, _HOUR_WEIGHTS) * 3600 + int(self.rng.random() * 3600)

    def _moment(self, day: int, second: int) -> datetime:
        return self.midnights[day] + timedelta(seconds=second)

    def _write_visit(self, day: int, second: int, who: int) -> None:
        moment = self._moment(day, second)
        customer_id = None
        if who >= 0:
            profile = self.profiles[who]
            if profile.customer_id is None:
                profile.customer_id = self._enrol(who, moment)
            customer_id = profile.customer_id
        category = self._category(self.profiles[who].favourite if who >= 0 else None)
        price = category.low + category.step * int(self.rng.random() * category.steps)
        quantity = _pick(self.rng, (1, 2, 3), (85, 96, 100))
        amount = price * quantity
        if customer_id is not None:
            today = self.first + timedelta(days=day)
            amount = self.loyalty.before_sale(customer_id, self.profiles[who].kind, today, moment, amount)
        result = self.shop.record_sale(
            customer_id=customer_id,
            amount=amount,
            category=category.name,
            key=f"demo-{self.seed}-{self.sales + 1}",
            at=moment,
        )
        self.sales += 1
        if customer_id is not None:
            self.loyalty.after_sale(customer_id, self.profiles[who].kind, result.sale.id, amount, moment)
        else:
            self.loyalty.walk_in(result.sale.id, moment)
        # A discount can leave less than one item's price to return.
        self._maybe_undo(result.sale.id, min(price, amount), quantity, moment)

    def _category(self, favourite: Category | None) -> Category:
        if favourite is not None and self.rng.random() < 0.55:
            return favourite
        return _pick(self.rng, CATEGORIES, _CATEGORY_WEIGHTS)

    def _maybe_undo(self, sale_id: int, price: int, quantity: int, moment: datetime) -> None:
        """About 2 % of sales are returned (in part or whole) soon after, 0.5 % voided."""
        draw = self.rng.random()
        if draw < _RETURN_SHARE:
            later = moment + timedelta(minutes=self.rng.randint(3, 90))
            if later > self.shop.clock():
                return
            amount = None  # all of it
            if self.rng.random() < 0.5:
                amount = price if quantity > 1 else max(50, price * self.rng.randint(3, 7) // 10 // 50 * 50)
            self.shop.record_return(sale_id, amount=amount, key=f"demo-{self.seed}-r{self.returns + 1}", at=later)
            self.returns += 1
        elif draw < _RETURN_SHARE + _VOID_SHARE:
            reason = self.rng.choice((_("Rung up twice."), _("Wrong amount entered.")))
            # Voided at the till a moment later, so its ledger rows fall on the sale's day.
            self.shop.void_sale(sale_id, reason=reason, at=min(moment + timedelta(minutes=2), self.shop.clock()))
            self.voids += 1

    # -- customers -------------------------------------------------------
    def _enrol(self, index: int, moment: datetime) -> int:
        rng = self.rng
        name, email = self._person()
        referred_by = rng.choice(self.enrolled) if self.enrolled and rng.random() < 0.1 else None
        result = self.shop.enrol(
            name=name,
            phone=self._phone(),
            email=email,
            birthday=self._birthday(index),
            notes=rng.choice(CUSTOMER_NOTES) if rng.random() < 0.05 else None,
            consent_marketing=rng.random() < 0.7,
            consent_notes=rng.random() < 0.85,
            referred_by=referred_by,
            rng=rng,
            at=moment,
        )
        self.enrolled.append(result.customer.id)
        self.who[result.customer.id] = index
        return result.customer.id

    def _person(self) -> tuple[str, str | None]:
        """A name (about 60 % Arabic) and, for about 40 %, an email address."""
        rng = self.rng
        arabic = rng.random() < 0.6
        fake = rng.choice(self.arabic if arabic else self.english)
        first = fake.first_name_female() if rng.random() < 0.45 else fake.first_name_male()
        last = fake.last_name()
        while last in _AWKWARD_SURNAMES:
            last = fake.last_name()
        if rng.random() >= 0.4:
            return f"{first} {last}", None
        # Arabic names get a Latin user name, as people do for their email.
        local = self.english[0].user_name() if arabic else f"{first}.{last}".lower().replace(" ", "")
        local = "".join(ch for ch in local if ch.isascii() and (ch.isalnum() or ch in "._")) or "guest"
        return f"{first} {last}", f"{local}{len(self.enrolled) + 1}@{rng.choice(EMAIL_DOMAINS)}"

    def _phone(self) -> str:
        while True:
            phone = kuwaiti_mobile(self.rng)
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def _birthday(self, index: int) -> Birthday | None:
        """About 80 % give a birthday, half of them with the year."""
        rng = self.rng
        if index == self.leap_birthday:
            return Birthday(2, 29, rng.choice((None, 1988, 1996, 2000)))
        if rng.random() >= 0.8:
            return None
        day = date(2001, 1, 1) + timedelta(days=rng.randrange(365))  # any non-leap year
        year = self.today.year - rng.randint(18, 70) if rng.random() < 0.5 else None
        return Birthday(day.month, day.day, year)
