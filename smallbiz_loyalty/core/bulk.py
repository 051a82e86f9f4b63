"""A large demo café built fast, for benchmarks: 100 000 customers and 2 million
sales in a minute and a half instead of hours.

`demo.build_demo` goes through `Shop.record_sale` for every sale (a couple of
milliseconds each with the loyalty engine), which is right for a demo and far
too slow for 2 000 000 sales. Here the same café (demo.CAFE_SETTINGS, the demo's
programmes, rewards and tiers, set up through `Shop`) is simulated in memory
with the engine's own rules — `Programme.earning`, `Programme.expiry_for`,
`tier_for_spend`, lots drawn earliest-expiry first, expiry dated the day after
a lot's last day, tiers from 365-day qualifying spend, `reversals.target_reversal`
— in a child process, while this one writes the rows in one transaction
(core/bulk_load.py: no journal, most secondary indexes built at the end, the
derived tables filled a batch at a time instead of by their triggers).
`Shop.check` then verifies the result.

The simulation is the slow half (about 25 µs a visit at 100 000 customers), so
its hot path (`_Simulation._visit`, `_sale`) is written out by hand: cached
earnings, expiries and tier steps, timestamps from precomputed text, rows
carrying 0 or '' for NULL (see `_TABLES`), and no garbage collector. Every draw
from `rng` happens in the same order as in the straightforward version, so a
seed still gives the same shop.

What the simulation does not write: `sale_events` (the cashier's messages
replayed when a sale key is resent) and `write_offs` (returns and voids here
come minutes after their sale, so the sale's own units are always there to take
back). One seed and one clock give the same rows every time, in the child
process or not."""

from __future__ import annotations

import calendar
import gc
import heapq
import json
import random
from bisect import bisect, insort
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from math import log
from typing import Any

from faker import Faker

from smallbiz_loyalty.core import bulk_load, demo, demo_loyalty, i18n
from smallbiz_loyalty.core.customers import CARD_ALPHABET, CARD_LENGTH
from smallbiz_loyalty.core.dates import add_months, zone
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.loyalty import rules_from_settings
from smallbiz_loyalty.core.phones import Phone
from smallbiz_loyalty.core.programs import TIER_WINDOW_DAYS, Programme, Tier, tier_for_spend
from smallbiz_loyalty.core.progress import Progress, no_progress
from smallbiz_loyalty.core.reversals import target_reversal
from smallbiz_loyalty.core.rewards import VOUCHER_LENGTH, VOUCHER_PREFIX, Reward, voucher_terms
from smallbiz_loyalty.core.sales import Sale
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.text import search_key

NEVER = 10**9  # the expiry key of units that never expire: they sort last, as in `ledger.open_lots`
STAFF = 1
# Weights are cumulative (see `_pick`).
_KINDS, _KIND_WEIGHTS = ("regular", "occasional", "one-timer", "drifter"), (15, 50, 85, 100)
_RATES = {"regular": (3.0, 8.0), "occasional": (0.5, 1.5), "one-timer": (0.0, 0.0), "drifter": (4.0, 7.0)}
_WALK_INS_PER_CUSTOMER_DAY = 0.0045  # about one sale in six is anonymous: ~20 sales rows per customer in all
_RETURN_SHARE, _VOID_SHARE, _STAMP_FIX_SHARE = 0.02, 0.005, 0.0015
_ANSWER_SHARE, _WALK_IN_KIOSK, _WALK_IN_PAPER = 0.25, 0.06, 0.03
_HOUR_SECONDS = tuple(hour * 3600 for hour in range(6, 24))
_HOUR_WEIGHTS = tuple(accumulate((3, 8, 9, 7, 5, 4, 5, 4, 4, 6, 8, 8, 6, 5, 5, 4, 3, 2)))
_QUANTITIES, _QUANTITY_WEIGHTS = (1, 2, 3), (85, 96, 100)
_OPENING, _WALK_IN, _OPENING_SECOND = -2, -1, 6 * 3600 - 1  # who: the shop's jobs, an anonymous sale
_FLUSH_EVERY = 20_000  # visits between writes
_POOL = 400  # names drawn from each Faker locale, then combined
_AWKWARD = frozenset({"بن لادن"})  # as in the demo: a family name that would distract in a sales demo
# (name, lowest price, price step, number of prices) of each category, and their cumulative weights
_CATEGORIES = tuple((c.name, c.low, c.step, c.steps) for c in demo.CATEGORIES)
_CATEGORY_WEIGHTS = tuple(accumulate(c.weight for c in demo.CATEGORIES))
_GOAL_WEIGHTS = {True: (30, 75, 100), False: (60, 90, 100)}  # pastry, money off, percent off: regulars, others
_BASKET_FOR = {demo_loyalty.PASTRY: 0, demo_loyalty.MONEY_OFF: 2000, demo_loyalty.PERCENT_OFF: 4000}
_OVERALL = (55, 85, 100)  # promoter, passive, detractor
_LEANINGS = {"regular": (65, 92, 100), "drifter": (35, 65, 100)}
_SCORES = ((9, 10), (7, 8), (0, 1, 2, 3, 4, 5, 6))
_SCORE_WEIGHTS = ((40, 100), (45, 100), (1, 1, 2, 4, 7, 12, 20))
# table → (columns, one row's VALUES). The big tables' rows carry 0 or '' where the column is NULL
# and NULLIF turns it back (the sqlite3 module binds None several times slower than an int or a
# string); their staff columns are always STAFF. The other tables bind their rows as they are.
_TABLES = {
    "customers": ("id, name, name_key, phone, phone_digits, email, birth_month, birth_day, birth_year, card_code,"
                  " referred_by, consent_marketing, consent_notes, notes, created_at, updated_at", ""),
    "sales": ("id, key, kind, customer_id, amount, category, business_date, created_at, staff_id, original_sale_id,"
              " voided_at, voided_by, void_reason",
              f"?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, {STAFF}, NULLIF(?, 0), NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, '')"),
    "vouchers": ("id, code, customer_id, programme_id, reward_id, kind, item, value, cap, source, birthday_year,"
                 " issued_at, business_date, valid_until, redeemed_at, redeemed_on, redeemed_by, staff_id", ""),
    "redemptions": ("id, key, customer_id, programme_id, reward_id, quantity, business_date, created_at, staff_id", ""),
    "ledger": ("id, kind, programme_id, customer_id, quantity, sale_id, reward_id, redemption_id, expires_on,"
               " consumes, reason, staff_id, created_at, business_date",
               f"?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, ''), NULLIF(?, 0), ?, {STAFF},"
               " ?, ?"),
    "sale_earnings": ("sale_id, programme_id, visit_units, amount_units, min_spend, expires_on",
                      "?, ?, ?, ?, ?, NULLIF(?, '')"),
    "customer_tiers": ("customer_id, programme_id, tier_id, since, reason, created_at", ""),
    "referral_bonuses": ("referred_id, referrer_id, programme_id, sale_id, created_at", ""),
    "birthday_gifts": ("customer_id, programme_id, year, birthday, voucher_id, ledger_id, issued_at, issued_on", ""),
    "feedback": ("id, score, comment, customer_id, sale_id, source, business_date, created_at, staff_id,"
                 " handled_at, handled_by, handled_note",
                 f"?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, {STAFF}, NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, '')"),
    "audit_log": ("at, staff_id, action, subject, detail", ""),
}  # fmt: skip
_INSERTS = {
    table: (columns, values or ", ".join("?" * (columns.count(",") + 1)))
    for table, (columns, values) in _TABLES.items()
}


@dataclass(frozen=True)
class _Plan:
    """What the simulation needs from the shop; it pickles, so the simulation can run in another process."""

    customers: int
    months: int
    seed: int
    language: str
    now: datetime
    today: date
    time_zone: str
    programmes: tuple[Programme, Programme]  # the stamp card, the points
    tiers: tuple[list[Tier], list[Tier]]
    rewards: tuple[Reward, ...]
    coffee: Reward
    points_rewards: dict[str, Reward]
    days_before: int  # birthday gifts: issued this many days before …
    valid_days: int  # … and valid this long


def build_bulk_shop(shop: Shop, *, customers: int, months: int = 24, seed: int = 1,
                    progress: Progress | None = None, parallel: bool = True) -> dict[str, int]:  # fmt: skip
    """Fill a new, empty store with a large demo café up to the shop's today; returns rows per table.

    The store is left in its normal state (WAL, synchronous=FULL, every index and trigger); the
    caller should run `shop.check()` to verify it. Meant for a new scratch file: the rows are
    loaded with the journal off, so an error half-way leaves the file unusable (delete it).
    With `parallel` the simulation runs in a child process; the shop is the same either way."""
    demo.check_demo_arguments(customers=customers, months=months, seed=seed)
    conn = shop.db.conn
    if conn.execute("SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM sales)").fetchone()[0]:
        where = str(shop.path) if shop.path else _("this database")
        raise RuleViolation(
            _("{path} already holds customers or sales; build the demo shop into a new file.", path=where)
        )
    shop.set_settings(**demo.CAFE_SETTINGS)
    plan = _plan(shop, demo_loyalty.set_up_programmes(shop), customers, months, seed)
    progress = progress or no_progress
    loader = bulk_load.Loader(conn, _INSERTS)

    def take(message: tuple[Any, ...]) -> None:
        if message[0] == "rows":
            loader.write(message[1])
        else:
            progress(message[1], message[2], _("Building the demo shop…"))

    dropped = bulk_load.fast_loading(conn)
    try:
        conn.execute("BEGIN")
        bulk_load.produce(_simulate, (plan,), take, parallel=parallel)
        bulk_load.finish_loading(conn, dropped)
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        bulk_load.normal_running(conn, dropped)
    shop.reload_settings()
    return loader.counts


def _plan(shop: Shop, programmes: demo_loyalty.DemoProgrammes, customers: int, months: int, seed: int) -> _Plan:
    coffee, points = shop.programme(programmes.coffee_id), shop.programme(programmes.points_id)
    rules = rules_from_settings(shop.settings)
    return _Plan(
        customers=customers,
        months=months,
        seed=seed,
        language=i18n.language(),
        now=shop.clock(),
        today=shop.today(),
        time_zone=shop.settings["time_zone"],
        programmes=(coffee, points),
        tiers=(shop.tiers(coffee.id), shop.tiers(points.id)),
        rewards=tuple(shop.rewards()),
        coffee=programmes.free_coffee,
        points_rewards=dict(programmes.points_rewards),
        days_before=rules.birthday_days_before,
        valid_days=rules.birthday_valid_days,
    )


def _simulate(plan: _Plan, emit: Callable[[tuple[Any, ...]], None]) -> None:
    """The whole simulation: emits ("rows", {table: rows}) now and then and ("progress", done, total)."""
    i18n.set_language(plan.language)  # the reasons and notes written, in a child process too
    collecting = gc.isenabled()
    gc.disable()  # millions of row tuples and no cycles: the collector would only walk them (~15 % of the time)
    try:
        _Simulation(plan, emit).run()
    finally:
        if collecting:
            gc.enable()


class _Member:
    """One simulated customer: their plan, and the engine's state for them kept in memory."""

    __slots__ = ("balance", "birthday", "consent", "favourite", "goal", "id", "index", "kind", "last_day", "leaning",
                 "lots", "name", "next_day", "paid_referral", "rate", "referred_by", "spend", "spend_sum",
                 "started", "tier", "voucher")  # fmt: skip

    def __init__(self, index: int, kind: str, first: int, last: int, rate: float, favourite: tuple) -> None:
        self.index, self.kind, self.last_day, self.rate, self.favourite = index, kind, last, rate, favourite
        self.next_day, self.started, self.id, self.name = float(first), False, 0, ""
        self.lots: tuple[list[list[int]], list[list[int]]] = ([], [])  # per programme: [expiry, lot id, left]
        self.balance, self.spend, self.spend_sum = [0, 0], deque(), 0
        self.tier: list[int | None] = [None, None]  # per programme
        self.goal = self.voucher = self.leaning = self.birthday = None
        self.consent = self.paid_referral = False
        self.referred_by: int | None = None


class _Rules:
    """One programme's rules as the hot loop reads them. `tier_for_spend` is the same for every
    spend between two tiers' minimums, so it is worked out once per step and looked up by bisection."""

    __slots__ = ("earnings", "expiries", "id", "index", "min_spend", "multipliers", "programme", "referral",
                 "tier_ids", "tier_spends")  # fmt: skip

    def __init__(self, index: int, programme: Programme, tiers: list[Tier]) -> None:
        self.index, self.programme, self.id, self.min_spend = index, programme, programme.id, programme.visit_min_spend
        self.referral = bool(programme.referrer_bonus or programme.referred_bonus)
        spends = self.tier_spends = sorted({tier.min_spend for tier in tiers})
        # below the lowest minimum, then from each minimum on (no tiers: none, whatever the spend)
        steps = [tier_for_spend(tiers, spend) for spend in ([spends[0] - 1, *spends] if spends else [0])]
        self.tier_ids = [tier.id if tier else None for tier in steps]
        self.multipliers = [tier.multiplier if tier else 100 for tier in steps]
        self.earnings: dict[tuple[int, str, int], tuple[int, int]] = {}
        self.expiries: dict[int, tuple[int, str]] = {}

    def earning(self, amount: int, category: str, multiplier: int) -> tuple[int, int]:
        key = (amount, category, multiplier)
        found = self.earnings.get(key)
        if found is None:
            earned = self.programme.earning(amount, category, multiplier)
            found = self.earnings[key] = (earned.visit_units, earned.amount_units)
        return found

    def expiry(self, ordinal: int) -> int:
        return self.lapse(ordinal)[0]

    def lapse(self, ordinal: int) -> tuple[int, str]:
        """(expiry key, `expires_on` text or '' for never) of units earned on day `ordinal`."""
        found = self.expiries.get(ordinal)
        if found is None:
            day = self.programme.expiry_for(date.fromordinal(ordinal))
            found = self.expiries[ordinal] = (NEVER, "") if day is None else (day.toordinal(), day.isoformat())
        return found


class _Simulation:
    """One bulk build's simulation: the plan, the random sources, the running ids and the rows not yet sent."""

    def __init__(self, plan: _Plan, emit: Callable[[tuple[Any, ...]], None]) -> None:
        self.seed, self.emit, self.key = plan.seed, emit, f"bulk-{plan.seed}-"
        self.rng = random.Random(f"bulk-{plan.seed}")
        self.programmes = plan.programmes
        self.rules = tuple(_Rules(p, programme, plan.tiers[p]) for p, programme in enumerate(plan.programmes))
        self.tiered = [rules for rules in self.rules if rules.tier_spends]
        self.reward_by_id = {r.id: r for r in plan.rewards}
        self.goals = tuple(plan.points_rewards.values())
        self.coffee, self.rewards = plan.coffee, plan.points_rewards
        self.pastry = plan.points_rewards[demo_loyalty.PASTRY]
        self.now, self.today = plan.now, plan.today
        self.first = add_months(self.today, -plan.months) + timedelta(days=1)
        self.days = (self.today - self.first).days + 1
        self._plan_clock(plan.time_zone)
        self.factors = demo.day_factors(self.first, self.days)
        self.names = _name_pools(plan.seed)
        self.members: list[_Member] = []
        for _n in range(plan.customers):
            self.members.append(self._plan_member())
        self.leap_customer = self.rng.randint(1, plan.customers)
        self.walk_ins = _Member(
            _WALK_IN, "one-timer", 0, self.days - 1, plan.customers * _WALK_INS_PER_CUSTOMER_DAY, _CATEGORIES[0]
        )
        self._new_rows()
        self.sale_id = self.ledger_id = self.customer_id = self.redemption_id = self.voucher_id = 0
        self.feedback_id = 0
        self.vouchers: dict[int, list[Any]] = {}  # written last: a redemption fills in their redeemed_* columns
        self.birthdays: dict[tuple[int, int], list[_Member]] = {}
        self.gifted: set[tuple[int, int]] = set()
        self.expiring: list[tuple[int, int]] = []  # heap of (expiry, customer id) for the month-end job
        self.codes: set[str] = set()
        self.phones: set[str] = set()
        self.enrolled: list[_Member] = []
        self.days_before, self.valid_days = plan.days_before, plan.valid_days
        self.notes = (
            _("Called to apologise and offered a free coffee."),
            _("Spoke to them on their next visit; all is well."),
        )

    def _plan_clock(self, time_zone: str) -> None:
        local = zone(time_zone)
        self.first_ord = self.first.toordinal()
        self.midnights = [
            int(datetime.combine(self.first + timedelta(days=d), time(0), local).timestamp())
            for d in range(self.days + 2)
        ]
        now = self.now.astimezone(local)
        self.now_day, self.now_second = self.days - 1, now.hour * 3600 + now.minute * 60 + now.second
        self.now_key = (self.now_day, self.now_second)
        self.now_text = self.now.astimezone(UTC).isoformat(timespec="seconds")
        self._isos: dict[int, str] = {}
        self._utc_days: dict[int, str] = {}
        self._clock = [f"{h:02d}:{m:02d}:{s:02d}+00:00" for h in range(24) for m in range(60) for s in range(60)]
        self._day_isos = [self.iso(self.first_ord + day) for day in range(self.days + 2)]

    # -- plan ------------------------------------------------------------
    def _plan_member(self) -> _Member:
        """A customer's kind, first and last day and visit rate, as the demo plans them."""
        rng, last = self.rng, self.days - 2
        kind = _pick(rng, _KINDS, _KIND_WEIGHTS)
        latest_drift = last + 1 - 49 - 56
        if kind == "drifter" and latest_drift < 0:
            kind = "regular"
        if kind == "drifter":
            first = rng.randint(0, latest_drift)
            stop = rng.randint(first + 56, last + 1 - 49)
        else:
            first = rng.randint(0, min(30, last)) if rng.random() < 0.25 else rng.randint(0, last)
            stop = first if kind == "one-timer" else self.days - 1
            if kind == "occasional" and rng.random() < 0.3:
                stop = rng.randint(first, stop)
        low, high = _RATES[kind]
        category = _pick(rng, _CATEGORIES, _CATEGORY_WEIGHTS)
        return _Member(len(self.members), kind, first, stop, rng.uniform(low, high) / 30.44, category)

    def _visits(self, planned: list[_Member], low: int, high: int) -> list[tuple[int, int, int]]:
        """(day, second, member index or _WALK_IN / _OPENING) of every visit in days [low, high), sorted.

        `planned` (members in order, the walk-ins last) loses those whose visits are over."""
        rng, factors, visits = self.rng, self.factors, [(day, _OPENING_SECOND, _OPENING) for day in range(low, high)]
        random_, below, total = rng.random, rng._randbelow, _HOUR_WEIGHTS[-1]  # randrange(n) is _randbelow(n)
        now_day, now_second, over = self.now_day, self.now_second, False
        for member in planned:  # in the order of the members: each draws from `rng` in turn
            who, next_day, end, rate = member.index, member.next_day, member.last_day + 1, member.rate
            while next_day < high and next_day < end:  # day `int(next_day)` is one of theirs
                day = int(next_day)
                if (who >= 0 and not member.started) or random_() < factors[day]:
                    member.started = True
                    second = _HOUR_SECONDS[bisect(_HOUR_WEIGHTS, random_() * total)] + below(3600)
                    if day < now_day or (day == now_day and second < now_second):
                        visits.append((day, second, who))
                # rng.expovariate(rate), the same draw and the same arithmetic
                next_day += -log(1.0 - random_()) / rate if rate > 0 else float("inf")
            member.next_day = next_day
            over = over or next_day >= end
        if over:
            planned[:] = [member for member in planned if member.next_day < member.last_day + 1]
        visits.sort()
        return visits

    def run(self) -> None:
        pending: list[tuple[int, int, int]] = []  # visits planned during the run (birthday vouchers), a heap
        planned = [*self.members, self.walk_ins]
        done, flush_at, visit_, open_shop = 0, _FLUSH_EVERY, self._visit, self._open_shop
        for low in range(0, self.days, 31):
            high = min(low + 31, self.days)
            visits = self._visits(planned, low, high)
            visits.append((high, -1, _OPENING))  # a stop after the chunk: the pending visits before it go first
            for planned_visit in visits:
                while pending and pending[0] < planned_visit:  # the chunk's visits merged with the pending ones
                    day, second, who = heapq.heappop(pending)
                    visit_(day, second, who)
                    done += 1
                if planned_visit[0] == high:
                    break
                day, second, who = planned_visit
                if who == _OPENING:
                    open_shop(day, pending)
                else:
                    visit_(day, second, who)
                done += 1
                if done >= flush_at:
                    self._flush()
                    flush_at = done + _FLUSH_EVERY
            self.emit(("progress", high, self.days))
        self.rows["vouchers"] = [tuple(row) for row in self.vouchers.values()]
        self._flush()

    def _new_rows(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _TABLES}
        self.sales, self.ledger, self.earnings = self.rows["sales"], self.rows["ledger"], self.rows["sale_earnings"]

    def _flush(self) -> None:
        self.emit(("rows", self.rows))
        self._new_rows()

    # -- time --------------------------------------------------------------
    def iso(self, ordinal: int) -> str:
        text = self._isos.get(ordinal)
        if text is None:
            text = self._isos[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    def stamp(self, day: int, second: int) -> str:
        """The UTC timestamp text of `second` past local midnight of day `day` (as `dates.utc_iso` writes it)."""
        utc_day, rest = divmod(self.midnights[day] + second, 86400)
        prefix = self._utc_days.get(utc_day)
        if prefix is None:
            prefix = self._utc_days[utc_day] = datetime.fromtimestamp(utc_day * 86400, UTC).strftime("%Y-%m-%dT")
        return prefix + self._clock[rest]

    def later(self, day: int, second: int, minutes: int) -> tuple[int, int]:
        """A moment `minutes` after (day, second), never after the clock's now."""
        second += minutes * 60
        moment = (day + second // 86400, second % 86400)
        return min(moment, self.now_key)

    def ctx(self, day: int, second: int) -> tuple[int, str, str]:
        """(business date ordinal, UTC timestamp, business date text) of a moment: one action's context."""
        return self.first_ord + day, self.stamp(day, second), self._day_isos[day]

    # -- the ledger, by the engine's rules ----------------------------------
    def lot(self, m: _Member, p: int, kind: str, quantity: int, expiry: int, ctx: tuple[int, str, str], *,
            sale_id: int = 0, reason: str = "") -> int:  # fmt: skip
        """`ledger.add_lot` (no debt ever arises here, so none is settled)."""
        self.ledger_id = lot_id = self.ledger_id + 1
        self.ledger.append(
            (lot_id, kind, self.rules[p].id, m.id, quantity, sale_id, 0, 0, "" if expiry == NEVER else self.iso(expiry),
             0, reason, ctx[1], ctx[2])
        )  # fmt: skip
        insort(m.lots[p], [expiry, lot_id, quantity])
        m.balance[p] += quantity
        if expiry != NEVER:
            heapq.heappush(self.expiring, (expiry, m.id))
        return lot_id

    def draw(self, m: _Member, p: int, quantity: int, kind: str, ctx: tuple[int, str, str], *,
             reward_id: int = 0, redemption_id: int = 0, reason: str = "") -> None:  # fmt: skip
        """`ledger.draw` over `ledger.open_lots`: earliest expiry first, one row per lot drawn on."""
        lots, rows, programme_id = m.lots[p], self.ledger, self.rules[p].id
        while quantity:
            lot = lots[0]
            part = min(lot[2], quantity)
            self.ledger_id += 1
            rows.append(
                (self.ledger_id, kind, programme_id, m.id, -part, 0, reward_id, redemption_id, "", lot[1], reason,
                 ctx[1], ctx[2])
            )  # fmt: skip
            lot[2] -= part
            quantity -= part
            m.balance[p] -= part
            if not lot[2]:
                del lots[0]

    def expire(self, m: _Member, p: int, ctx: tuple[int, str, str]) -> None:
        """`ledger.expire_customer`: what is left of lots whose last day has passed, dated the day after it."""
        lots = m.lots[p]
        while lots and lots[0][0] < ctx[0]:
            expiry, lot_id, left = lots.pop(0)
            self.ledger_id += 1
            self.ledger.append(
                (self.ledger_id, "expire", self.rules[p].id, m.id, -left, 0, 0, 0, "", lot_id, "", ctx[1],
                 self.iso(expiry + 1))
            )  # fmt: skip
            m.balance[p] -= left

    def spend(self, m: _Member, ordinal: int) -> int:
        """`programs.qualifying_spend`: sales minus returns over the 365 days to `ordinal`, voids excluded."""
        window, start = m.spend, ordinal - TIER_WINDOW_DAYS + 1
        while window and window[0][0] < start:
            m.spend_sum -= window.popleft()[1]
        return m.spend_sum if m.spend_sum > 0 else 0

    def refresh_tiers(self, m: _Member, ctx: tuple[int, str, str], reason: Callable[[], str],
                      spend: int | None = None) -> None:  # fmt: skip
        """`loyalty.refresh_tiers`: record a change of tier, computed from qualifying spend."""
        spend = self.spend(m, ctx[0]) if spend is None else spend
        for rules in self.tiered:
            tier_id = rules.tier_ids[bisect(rules.tier_spends, spend)]
            if tier_id != m.tier[rules.index]:
                m.tier[rules.index] = tier_id
                self.rows["customer_tiers"].append((m.id, rules.id, tier_id, ctx[2], reason(), ctx[1]))

    # -- a visit -------------------------------------------------------------
    def _visit(self, day: int, second: int, who: int) -> None:
        """One sale: what and how much, the loyalty before and after it, maybe a return or void and an answer.
        (The hot loop: two million times at 100 000 customers, so the small steps are written out here.)"""
        m = self.members[who] if who >= 0 else None
        if m is not None and not m.id:
            self._enrol(m, day, second)
        rng = self.rng
        random_ = rng.random
        if m is not None and random_() < 0.55:
            category, low, step, steps = m.favourite
        else:
            category, low, step, steps = _CATEGORIES[bisect(_CATEGORY_WEIGHTS, random_() * _CATEGORY_WEIGHTS[-1])]
        price = low + step * rng._randbelow(steps)  # rng.randrange(steps)
        quantity = _QUANTITIES[bisect(_QUANTITY_WEIGHTS, random_() * _QUANTITY_WEIGHTS[-1])]
        amount = price * quantity
        utc_day, rest = divmod(self.midnights[day] + second, 86400)  # self.ctx(day, second)
        prefix = self._utc_days.get(utc_day) or self.stamp(day, second)[:11]
        ctx = (self.first_ord + day, prefix + self._clock[rest], self._day_isos[day])
        if m is None:
            self.sale_id = sale_id = self.sale_id + 1
            self.sales.append((sale_id, f"{self.key}{sale_id}", "sale", 0, amount, category, ctx[2], ctx[1], 0, "", 0,
                               ""))  # fmt: skip
            draw = random_()
            if draw < _RETURN_SHARE + _VOID_SHARE:
                self._undo(draw, None, sale_id, amount, min(price, amount), quantity, day, second, ())
            self._walk_in_answer(sale_id, day, second)
            return
        amount = self._before_sale(m, amount, ctx)
        sale_id, earned = self._sale(m, amount, category, ctx)
        draw = random_()
        if draw < _RETURN_SHARE + _VOID_SHARE:
            self._undo(draw, m, sale_id, amount, min(price, amount), quantity, day, second, earned)
        self._after_sale(m, sale_id, day, second)

    def _sale(self, m: _Member, amount: int, category: str, ctx: tuple[int, str, str]) -> tuple[int, list[Any]]:
        """`Shop.record_sale` → `loyalty.on_sale`: earn in every programme (tier multiplier from the spend
        before this sale), pay a referral on the first purchase, refresh the tier."""
        ordinal, created, business = ctx
        self.sale_id = sale_id = self.sale_id + 1
        self.sales.append((sale_id, f"{self.key}{sale_id}", "sale", m.id, amount, category, business, created, 0, "",
                           0, ""))  # fmt: skip
        window = m.spend  # self.spend(m, ordinal), with this sale in it
        window.append((ordinal, amount))
        total, start = m.spend_sum + amount, ordinal - TIER_WINDOW_DAYS + 1
        while window[0][0] < start:
            total -= window.popleft()[1]
        m.spend_sum = total
        spend = total if total > 0 else 0
        spend_before = spend - amount
        earned = []
        for rules in self.rules:
            p = rules.index
            lots = m.lots[p]
            if lots and lots[0][0] < ordinal:
                self.expire(m, p, ctx)
            key = (amount, category, rules.multipliers[bisect(rules.tier_spends, spend_before)])
            visit, by_amount = rules.earnings.get(key) or rules.earning(*key)
            if visit + by_amount:  # self.lot(m, p, "earn", …) and its sale_earnings row
                expiry, expires_on = rules.expiries.get(ordinal) or rules.lapse(ordinal)
                self.earnings.append((sale_id, rules.id, visit, by_amount, rules.min_spend, expires_on))
                self.ledger_id = lot_id = self.ledger_id + 1
                self.ledger.append((lot_id, "earn", rules.id, m.id, visit + by_amount, sale_id, 0, 0, expires_on, 0,
                                    "", created, business))  # fmt: skip
                insort(lots, [expiry, lot_id, visit + by_amount])
                m.balance[p] += visit + by_amount
                if expiry != NEVER:
                    heapq.heappush(self.expiring, (expiry, m.id))
                earned.append((p, visit, by_amount, lot_id))
            if rules.referral and m.referred_by is not None and not m.paid_referral:
                self._referral(m, rules, sale_id, ctx)
        m.paid_referral = True
        for rules in self.tiered:
            if rules.tier_ids[bisect(rules.tier_spends, spend)] != m.tier[rules.index]:
                self.refresh_tiers(m, ctx, lambda: _("Sale {id}", id=sale_id), spend)
                break
        return sale_id, earned

    def _referral(self, m: _Member, rules: _Rules, sale_id: int, ctx: tuple[int, str, str]) -> None:
        programme, p = rules.programme, rules.index
        referrer = self.enrolled[m.referred_by - 1]  # type: ignore[operator]
        self.rows["referral_bonuses"].append((m.id, referrer.id, programme.id, sale_id, ctx[1]))
        expiry = rules.expiry(ctx[0])
        if programme.referred_bonus:
            reason = _("Referred by {name}", name=referrer.name)
            self.lot(m, p, "referral", programme.referred_bonus, expiry, ctx, reason=reason)
        if programme.referrer_bonus and referrer is not m:
            self.expire(referrer, p, ctx)
            self.lot(
                referrer, p, "referral", programme.referrer_bonus, expiry, ctx, reason=_("Referred {name}", name=m.name)
            )

    def _before_sale(self, m: _Member, amount: int, ctx: tuple[int, str, str]) -> int:
        """Use a birthday voucher or redeem a ready reward, as the demo's customers do; returns what is paid."""
        rng, regular = self.rng, m.kind == "regular"
        if m.voucher is not None and m.voucher[1] <= ctx[0]:
            voucher_id, _birthday, valid_until = m.voucher
            m.voucher = None
            if ctx[0] <= valid_until:
                self.vouchers[voucher_id][14:17] = [ctx[1], ctx[2], STAFF]
        coffee = self.coffee
        if m.balance[0] >= coffee.cost and rng.random() < (0.4 if regular else 0.3):
            self.redeem(m, 0, coffee, ctx)
        lots = m.lots[1]
        if lots and lots[0][0] < ctx[0]:
            self.expire(m, 1, ctx)
        pastry, points = self.pastry, m.balance[1]
        if points < pastry.cost:
            return amount
        if m.goal is None:
            m.goal = _pick(rng, self.goals, _GOAL_WEIGHTS[regular])
        goal = m.goal
        if points < goal.cost or amount < _BASKET_FOR[goal.name]:
            goal = pastry if rng.random() < 0.05 else None
        if goal is None or rng.random() >= (0.5 if regular else 0.35):
            return amount
        self.redeem(m, 1, goal, ctx)
        m.goal = None
        if goal.kind == "fixed_discount":
            return amount - goal.value
        if goal.kind == "percent_discount":
            return amount - min(amount * goal.value // 100, goal.cap or amount)
        return amount

    def redeem(self, m: _Member, p: int, reward: Reward, ctx: tuple[int, str, str]) -> None:
        """`redeeming.redeem_reward`: a redemption row and the draws that pay for it."""
        self.expire(m, p, ctx)
        self.redemption_id = redemption_id = self.redemption_id + 1
        self.rows["redemptions"].append(
            (redemption_id, f"{self.key}x{redemption_id}", m.id, reward.programme_id, reward.id, reward.cost, ctx[2],
             ctx[1], STAFF)
        )  # fmt: skip
        self.draw(m, p, reward.cost, "redeem", ctx, reward_id=reward.id, redemption_id=redemption_id)

    def _after_sale(self, m: _Member, sale_id: int, day: int, second: int) -> None:
        """Now and then a stamp corrected by hand; a quarter of visits give an NPS answer."""
        rng = self.rng
        if rng.random() < _STAMP_FIX_SHARE and m.balance[0] > 0:
            self.adjust(m, 0, -1, _("Stamped twice by mistake."), self.ctx(*self.later(day, second, 1)))
        if rng.random() >= _ANSWER_SHARE:
            return
        source = "kiosk" if rng.random() < 0.25 else "counter"
        score = self._answer(m, sale_id, source, self.later(day, second, rng.randint(1, 5)))
        if score <= 6 and rng.random() < 0.05:
            self.adjust(m, 1, 20, _("Goodwill after an unhappy visit."), self.ctx(*self.later(day, second, 10)))

    def adjust(self, m: _Member, p: int, quantity: int, reason: str, ctx: tuple[int, str, str]) -> None:
        """`Shop.adjust` within the balance: a lot or a draw, and its audit entry."""
        self.expire(m, p, ctx)
        if quantity > 0:
            self.lot(m, p, "adjust", quantity, self.rules[p].expiry(ctx[0]), ctx, reason=reason)
        else:
            self.draw(m, p, -quantity, "adjust", ctx, reason=reason)
        detail = {"programme": self.programmes[p].name, "quantity": quantity, "reason": reason, "balance": m.balance[p]}
        self.rows["audit_log"].append(
            (ctx[1], STAFF, "adjust_balance", str(m.id), json.dumps(detail, ensure_ascii=False))
        )

    # -- returns and voids -----------------------------------------------------
    def _undo(self, draw: float, m: _Member | None, sale_id: int, amount: int, price: int, quantity: int, day: int,
              second: int, earned: Any) -> None:  # fmt: skip
        """About 2 % of sales are returned (in part or whole) later the same day, 0.5 % voided at once: `draw`
        (from `rng`) below _RETURN_SHARE + _VOID_SHARE says which."""
        rng = self.rng
        if draw < _RETURN_SHARE:
            at = (day, min(second + rng.randint(3, 90) * 60, 86_399))
            if at > self.now_key:
                return
            returned = amount
            if rng.random() < 0.5:
                returned = price if quantity > 1 else max(50, price * rng.randint(3, 7) // 10 // 50 * 50)
            self._return(m, sale_id, amount, returned, earned, self.ctx(*at))
        elif draw < _RETURN_SHARE + _VOID_SHARE:
            self._void(m, sale_id, amount, earned, self.ctx(*min((day, second + 120), self.now_key)))

    def _return(self, m: _Member | None, sale_id: int, amount: int, returned: int, earned: Any,
                ctx: tuple[int, str, str]) -> None:  # fmt: skip
        """`Shop.record_return` → `reversals.on_return`: the returned part's units come back from its own lot."""
        original = self.sales[-1]
        self.sale_id = return_id = self.sale_id + 1
        self.sales.append(
            (return_id, f"{self.key}r{return_id}", "return", original[3], -returned, original[5], ctx[2], ctx[1],
             sale_id, "", 0, "")
        )  # fmt: skip
        if m is None:
            return
        m.spend.append((ctx[0], -returned))
        m.spend_sum -= returned
        sale = _sale_for_reversal(sale_id, amount, voided=False)
        self._take_back(m, sale, returned, earned, return_id, ctx)
        self.refresh_tiers(m, ctx, lambda: _("Return {id}", id=return_id))

    def _void(self, m: _Member | None, sale_id: int, amount: int, earned: Any, ctx: tuple[int, str, str]) -> None:
        """`Shop.void_sale` → `reversals.on_void`: everything the sale earned is taken back; audited."""
        reason = self.rng.choice((_("Rung up twice."), _("Wrong amount entered.")))
        self.sales[-1] = (*self.sales[-1][:9], ctx[1], STAFF, reason)
        self.rows["audit_log"].append(
            (ctx[1], STAFF, "void_sale", str(sale_id), json.dumps({"reason": reason}, ensure_ascii=False))
        )
        if m is None:
            return
        m.spend.append((m.spend[-1][0], -amount))  # the sale's own day: both leave the window together
        m.spend_sum -= amount
        self._take_back(m, _sale_for_reversal(sale_id, amount, voided=True), 0, earned, sale_id, ctx)
        self.refresh_tiers(m, ctx, lambda: _("Void of {id}", id=sale_id))

    def _take_back(self, m: _Member, sale: Sale, returned: int, earned: Any, cause_id: int,
                   ctx: tuple[int, str, str]) -> None:  # fmt: skip
        for p, visit, by_amount, lot_id in earned:
            self.expire(m, p, ctx)
            owe = target_reversal(sale, returned, visit, by_amount, self.rules[p].min_spend)
            if owe <= 0:
                continue
            lots = m.lots[p]
            index = next(i for i in range(len(lots) - 1, -1, -1) if lots[i][1] == lot_id)
            self.ledger_id += 1
            self.ledger.append(
                (self.ledger_id, "reversal", self.rules[p].id, m.id, -owe, cause_id, 0, 0, "", lot_id, "", ctx[1],
                 ctx[2])
            )  # fmt: skip
            lots[index][2] -= owe
            m.balance[p] -= owe
            if not lots[index][2]:
                del lots[index]

    # -- NPS -----------------------------------------------------------------
    def _walk_in_answer(self, sale_id: int, day: int, second: int) -> None:
        draw = self.rng.random()
        if draw < _WALK_IN_KIOSK:
            self._answer(None, sale_id, "kiosk", self.later(day, second, 2))
        elif draw < _WALK_IN_KIOSK + _WALK_IN_PAPER:
            self._answer(None, 0, "paper", self.later(day, second, 20))

    def _answer(self, m: _Member | None, sale_id: int, source: str, at: tuple[int, int]) -> int:
        """One NPS answer; a known customer's leans their way. Most older complaints were followed up."""
        rng = self.rng
        group = _pick(rng, (0, 1, 2), _OVERALL)
        if m is not None:
            if m.leaning is None:
                m.leaning = _pick(rng, (0, 1, 2), _LEANINGS.get(m.kind, _OVERALL))
            group = m.leaning if rng.random() < 0.75 else group
        score = _pick(rng, _SCORES[group], _SCORE_WEIGHTS[group])
        comment = rng.choice(demo_loyalty.COMMENTS[group]) if rng.random() < 0.3 else ""
        handled: tuple[Any, ...] = ("", 0, "")
        if m is not None and score <= 6 and rng.random() < (0.3 if self.days - 1 - at[0] < 14 else 0.8):
            handled = (self.now_text, STAFF, rng.choice(self.notes))
        ctx = self.ctx(*at)
        self.feedback_id += 1
        self.rows["feedback"].append(
            (self.feedback_id, score, comment, m.id if m else 0, sale_id, source, ctx[2], ctx[1], *handled)
        )
        return score

    # -- the shop's jobs before opening --------------------------------------
    def _open_shop(self, day: int, pending: list[tuple[int, int, int]]) -> None:
        """The month-end expiry run on the 1st (`ledger.expire_due`) and the day's birthday gifts."""
        ctx = self.ctx(day, _OPENING_SECOND)
        if date.fromordinal(ctx[0]).day == 1:
            while self.expiring and self.expiring[0][0] < ctx[0]:
                m = self.enrolled[heapq.heappop(self.expiring)[1] - 1]
                for p in range(len(self.programmes)):
                    self.expire(m, p, ctx)
        for offset in range(self.days_before + 1):
            birthday = date.fromordinal(ctx[0] + offset)
            pairs = [(birthday.month, birthday.day)]
            if (birthday.month, birthday.day) == (2, 28) and not calendar.isleap(birthday.year):
                pairs.append((2, 29))  # 29 February falls on 28 February in other years
            for pair in pairs:
                for m in self.birthdays.get(pair, ()):
                    if m.consent and (m.id, birthday.year) not in self.gifted:
                        self.gifted.add((m.id, birthday.year))
                        self._give(m, birthday, ctx, pending)

    def _give(self, m: _Member, birthday: date, ctx: tuple[int, str, str], pending: list[tuple[int, int, int]]) -> None:
        """`birthdays.issue_birthday_gifts` for one customer; about half plan a visit to use the voucher."""
        valid_until = ctx[0] + self.valid_days
        for p, programme in enumerate(self.programmes):
            if not programme.has_birthday_gift:
                continue
            voucher_id = lot_id = None
            if programme.birthday_reward_id:
                voucher_id = self._voucher(m, programme, birthday.year, valid_until, ctx)
            if programme.birthday_quantity:
                self.expire(m, p, ctx)
                reason = _("Birthday gift {year}", year=birthday.year)
                lot_id = self.lot(m, p, "birthday", programme.birthday_quantity, valid_until, ctx, reason=reason)
            self.rows["birthday_gifts"].append(
                (m.id, programme.id, birthday.year, birthday.isoformat(), voucher_id, lot_id, ctx[1], ctx[2])
            )
            if voucher_id is not None and self.rng.random() < 0.55:
                m.voucher = (voucher_id, birthday.toordinal(), valid_until)
                day = min(birthday.toordinal() + self.rng.randint(0, 5), valid_until) - self.first_ord
                visit = (day, self.rng.randint(9 * 3600, 21 * 3600), m.index)
                if visit[:2] < self.now_key:
                    heapq.heappush(pending, visit)

    def _voucher(self, m: _Member, programme: Programme, year: int, valid_until: int, ctx: tuple[int, str, str]) -> int:
        reward = self.reward_by_id[programme.birthday_reward_id]  # type: ignore[index]
        kind, value, cap = voucher_terms(reward)
        self.voucher_id = voucher_id = self.voucher_id + 1
        code = self._unique(VOUCHER_PREFIX, VOUCHER_LENGTH)
        self.vouchers[voucher_id] = [
            voucher_id, code, m.id, programme.id, reward.id, kind, reward.name, value, cap, "birthday", year, ctx[1],
            ctx[2], self.iso(valid_until), None, None, None, STAFF,
        ]  # fmt: skip
        return voucher_id

    # -- customers --------------------------------------------------------------
    def _enrol(self, m: _Member, day: int, second: int) -> None:
        """`Shop.enrol` at the first visit: a name, a unique phone and card code, maybe a birthday and a referrer."""
        rng = self.rng
        referred_by = rng.choice(self.enrolled).id if self.enrolled and rng.random() < 0.1 else None
        self.customer_id = m.id = self.customer_id + 1
        self.enrolled.append(m)
        m.name, email = self._person()
        phone = self._phone()
        birthday = self._birthday(m)
        m.referred_by, m.consent = referred_by, rng.random() < 0.7
        at = self.stamp(day, second)
        self.rows["customers"].append(
            (m.id, m.name, search_key(m.name), phone, Phone(phone, phone[4:]).search_digits, email,
             *(birthday or (None, None, None)), self._unique("", CARD_LENGTH), referred_by, int(m.consent),
             int(rng.random() < 0.85), rng.choice(demo.CUSTOMER_NOTES) if rng.random() < 0.05 else "", at, at)
        )  # fmt: skip
        if birthday is not None:
            self.birthdays.setdefault(birthday[:2], []).append(m)

    def _person(self) -> tuple[str, str]:
        """A name (about 60 % Arabic) and, for about 40 %, an email address at an example domain."""
        rng = self.rng
        arabic = rng.random() < 0.6
        pools = self.names[0 if arabic else 1]
        first = rng.choice(pools[0] if rng.random() < 0.45 else pools[1])
        last = rng.choice(pools[2])
        if rng.random() >= 0.4:
            return f"{first} {last}", ""
        local = rng.choice(self.names[2]) if arabic else f"{first}.{last}".lower().replace(" ", "")
        local = "".join(ch for ch in local if ch.isascii() and (ch.isalnum() or ch in "._")) or "guest"
        return f"{first} {last}", f"{local}{len(self.enrolled)}@{rng.choice(demo.EMAIL_DOMAINS)}"

    def _phone(self) -> str:
        while True:
            phone = demo.kuwaiti_mobile(self.rng)
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def _birthday(self, m: _Member) -> tuple[int, int, int | None] | None:
        """About 80 % give a birthday, half of them with the year; one customer is born on 29 February."""
        rng = self.rng
        if m.id == self.leap_customer:
            return 2, 29, 1996
        if rng.random() >= 0.8:
            return None
        day = date(2001, 1, 1) + timedelta(days=rng.randrange(365))
        return day.month, day.day, self.today.year - rng.randint(18, 70) if rng.random() < 0.5 else None

    def _unique(self, prefix: str, length: int) -> str:
        """A card or voucher code no one has yet (the two alphabets never clash: vouchers start with a letter
        and are longer)."""
        while True:
            code = prefix + "".join(self.rng.choices(CARD_ALPHABET, k=length))
            if code not in self.codes:
                self.codes.add(code)
                return code


def _pick(rng: random.Random, items: Sequence[Any], cumulative: Sequence[int]) -> Any:
    """One of `items` by cumulative weights (a lighter `rng.choices` for the hot loop)."""
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def _sale_for_reversal(sale_id: int, amount: int, *, voided: bool) -> Sale:
    """The few fields of a sale that `reversals.target_reversal` reads."""
    return Sale(sale_id, "", "sale", None, amount, None, date.min, "", STAFF, None, "void" if voided else None, None)


def _name_pools(
    seed: int,
) -> tuple[tuple[list[str], list[str], list[str]], tuple[list[str], list[str], list[str]], list[str]]:
    """First names (female, male) and family names drawn once from seeded Faker locales, then combined:
    Faker per customer would cost more than the rest of the build."""
    pools = []
    for group, locales in enumerate((("ar_AA", "ar_SA"), ("en_GB", "en_US"))):
        female, male, family = [], [], []
        for offset, locale in enumerate(locales):
            fake = Faker(locale)
            fake.seed_instance(seed * 10 + group * 2 + offset)
            female += [fake.first_name_female() for _ in range(_POOL)]
            male += [fake.first_name_male() for _ in range(_POOL)]
            family += [name for name in (fake.last_name() for _ in range(_POOL)) if name not in _AWKWARD]
        pools.append((female, male, family))
    english = Faker("en_GB")
    english.seed_instance(seed * 10 + 9)
    return pools[0], pools[1], [english.user_name() for _ in range(_POOL)]
