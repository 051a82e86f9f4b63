"""The demo café's loyalty life: its programmes, and what its customers do with
them over the simulated months — free coffees and points rewards redeemed,
birthday vouchers used, NPS answers given — with the shop's daily jobs
(birthday gifts, the month-end expiry run) and the owner's corrections and
follow-ups.

Everything goes through `Shop` methods, backdated with `at=`, inside the demo
build's one transaction, and draws on its own `random.Random` seeded from the
demo's seed. Each customer's stamps and points are counted here, cheaply and
roughly; the ledger is asked for the real balance only when a redemption is
about to happen."""

from __future__ import annotations

import random
from bisect import bisect
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import TypeVar

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.feedback import Feedback
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.rewards import Reward
from smallbiz_loyalty.core.shop import Shop

T = TypeVar("T")
POINTS_NAME = "Palm Points — نقاط النخلة"
# 1 point per 1.000 KWD; 100 points are worth 1.000 KWD (10 fils a point).
POINTS_RULES = {
    "rate_quantity": 1,
    "rate_per": 1000,
    "expiry_kind": "days",
    "expiry_days": 365,
    "value_per_unit": 10,
    # Birthday points last the birthday voucher's 30 days: unused ones expire,
    # so even a short demo has expiries to show.
    "birthday_quantity": 25,
    "referrer_bonus": 20,
    "referred_bonus": 20,
}
TIERS = (("Silver — فضي", 50_000, 125), ("Gold — ذهبي", 150_000, 150))  # name, 12-month spend (fils), earn %
PASTRY, MONEY_OFF, PERCENT_OFF = "Free pastry", "1 KWD off", "15% off"
_MONEY_OFF_VALUE, _PERCENT, _PERCENT_CAP = 1000, 15, 3000

# Per visit while a reward is ready: regulars redeem sooner (about 70 % of ready
# free coffees go within three visits).
_COFFEE_PER_VISIT = {"regular": 0.35, "other": 0.3}
_POINTS_PER_VISIT = {"regular": 0.5, "other": 0.35}
# Each customer saves up for one points reward (regulars for the bigger ones); the
# discounts wait for a basket worth it, and now and then a saver settles for a pastry.
_GOALS = (PASTRY, MONEY_OFF, PERCENT_OFF)
_GOAL_WEIGHTS = {"regular": (30, 45, 25), "other": (60, 30, 10)}
_SETTLE_PER_VISIT = 0.05
_EXPIRING_DAYS = 30  # points that go within this many days are spent on a pastry, if enough
_BASKET_FOR = {PASTRY: 0, MONEY_OFF: 2 * _MONEY_OFF_VALUE, PERCENT_OFF: 3000}
# About half the birthday vouchers are used: those customers come on or soon after the birthday.
_BIRTHDAY_VISIT_SHARE, _BIRTHDAY_VISIT_DAYS = 0.55, 5
_VISIT_HOURS = (9, 21)  # a birthday visit falls between these hours
_ANSWER_SHARE = 0.25  # of visits by known customers
_KIOSK_SHARE, _PAPER_SHARE = 0.06, 0.03  # of walk-in visits
_COMMENT_SHARE = 0.3
_GOODWILL_POINTS = 20  # to the first unhappy known customer of each month
_STAMP_FIX_SHARE = 0.002  # of visits by known customers: a stamp corrected by hand
_FOLLOW_UP_RECENT_DAYS = 14
_HANDLED_SHARE = 2 / 3

# NPS: each customer leans promoter, passive or detractor; drifters are the unhappiest.
_LEANINGS = {"regular": (65, 27, 8), "drifter": (40, 30, 30)}
_OVERALL = (55, 30, 15)
_STICK = 0.75  # an answer follows the customer's leaning, else the overall mix
_SCORES = ((9, 10), (7, 8), (0, 1, 2, 3, 4, 5, 6))
_SCORE_WEIGHTS = ((40, 60), (45, 55), (1, 0, 1, 2, 3, 5, 8))
# What customers write (their own words, in either language: never translated).
COMMENTS = (
    (
        "Great coffee",
        "القهوة رائعة",
        "الموظفون لطفاء",
        "Friendly staff",
        "Best flat white in town",
        "أفضل قهوة بالمنطقة",
    ),
    ("Good, but a bit pricey", "المكان جميل لكن مزدحم", "Nice pastries", "Wi-Fi could be faster"),
    ("Slow service at lunchtime", "الانتظار طويل", "My order was wrong", "القهوة كانت باردة", "Too noisy at night"),
)


@dataclass(frozen=True)
class DemoProgrammes:
    """The demo café's two programmes and their rewards."""

    coffee_id: int
    free_coffee: Reward
    points_id: int
    points_rewards: dict[str, Reward]  # PASTRY, MONEY_OFF, PERCENT_OFF


def set_up_programmes(shop: Shop) -> DemoProgrammes:
    """Keep the default coffee card and add Palm Points, its rewards and tiers (owner actions)."""
    coffee = next((p for p in shop.programmes(active_only=True) if p.unit == "stamps" and shop.rewards(p.id)), None)
    if coffee is None:  # the owner of this file paused or emptied the default card
        raise RuleViolation(
            _("The demo café needs an active stamp card with a reward; build the demo shop into a new file.")
        )
    points = shop.create_programme(name=POINTS_NAME, unit="points", **POINTS_RULES)
    rewards = {
        PASTRY: shop.add_reward(points.id, name=PASTRY, cost=50),
        MONEY_OFF: shop.add_reward(points.id, name=MONEY_OFF, cost=100, kind="fixed_discount", value=_MONEY_OFF_VALUE),
        PERCENT_OFF: shop.add_reward(
            points.id, name=PERCENT_OFF, cost=200, kind="percent_discount", value=_PERCENT, cap=_PERCENT_CAP
        ),
    }
    for name, spend, multiplier in TIERS:
        shop.add_tier(points.id, name=name, min_spend=spend, multiplier=multiplier)
    return DemoProgrammes(coffee.id, shop.rewards(coffee.id)[0], points.id, rewards)


def _weighted(rng: random.Random, items: tuple[T, ...], weights: tuple[int, ...]) -> T:
    cumulative = tuple(accumulate(weights))
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


class LoyaltyLife:
    """What one demo build's customers do with their loyalty, visit by visit."""

    def __init__(self, shop: Shop, seed: int) -> None:
        self.shop = shop
        self.seed = seed
        self.rng = random.Random(f"demo-loyalty-{seed}")
        self.now = shop.clock()
        self.programmes = set_up_programmes(shop)
        self.stamps: defaultdict[int, int] = defaultdict(int)  # rough counts, set right at each redemption
        self.points: defaultdict[int, int] = defaultdict(int)
        self.vouchers: dict[int, tuple[str, date, date]] = {}  # customer → voucher to use: code, birthday, last day
        self.saving_for: dict[int, Reward] = {}
        self.expiring: dict[int, date] = {}  # customer → last day of their birthday points
        self.goodwill_months: set[tuple[int, int]] = set()
        self.leanings: dict[int, int] = {}
        self.unhappy: list[tuple[int, date]] = []  # known customers' detractor answers (id, day)
        self.redemptions = 0

    # -- the shop's jobs -------------------------------------------------
    def open_shop(self, today: date, moment: datetime) -> list[tuple[int, date, int]]:
        """Before opening: the month-end expiry run on the 1st, the birthday gifts every day.

        Returns the visits customers plan to use their birthday voucher: (customer id, day, second of the day)."""
        if today.day == 1:
            self.shop.expire_due(at=moment)
        visits = []
        for gift in self.shop.issue_birthday_gifts(at=moment).gifts:
            if gift.quantity:
                self.points[gift.customer_id] += gift.quantity
                self.expiring[gift.customer_id] = today + timedelta(days=self.shop.loyalty_rules.birthday_valid_days)
            voucher = gift.voucher
            if voucher is None or self.rng.random() >= _BIRTHDAY_VISIT_SHARE:
                continue
            last = voucher.valid_until or date.max
            self.vouchers[gift.customer_id] = (voucher.code, gift.birthday, last)
            day = min(gift.birthday + timedelta(days=self.rng.randint(0, _BIRTHDAY_VISIT_DAYS)), last)
            second = self.rng.randint(_VISIT_HOURS[0] * 3600, _VISIT_HOURS[1] * 3600)
            visits.append((gift.customer_id, day, second))
        return visits

    def close_books(self) -> None:
        """The owner has followed up about two thirds of the unhappy customers, the older complaints first."""
        notes = (
            _("Called to apologise and offered a free coffee."),
            _("Spoke to them on their next visit; all is well."),
            _("Passed the complaint on to the morning team."),
        )
        recent = self.shop.today() - timedelta(days=_FOLLOW_UP_RECENT_DAYS)
        older = [feedback_id for feedback_id, day in self.unhappy if day < recent]
        newer = [feedback_id for feedback_id, day in self.unhappy if day >= recent]
        self.rng.shuffle(older)
        self.rng.shuffle(newer)
        for feedback_id in sorted((older + newer)[: round(len(self.unhappy) * _HANDLED_SHARE)]):
            self.shop.mark_feedback_handled(feedback_id, note=self.rng.choice(notes))

    # -- a visit by a known customer ---------------------------------------
    def before_sale(self, customer_id: int, kind: str, today: date, moment: datetime, amount: int) -> int:
        """Use a voucher or redeem a ready reward; returns what the customer pays after any discount."""
        held = self.vouchers.get(customer_id)
        if held is not None and today >= held[1]:  # kept for the birthday itself
            del self.vouchers[customer_id]
            if today <= held[2]:
                self.shop.redeem_voucher(held[0], at=moment)
        group = "regular" if kind == "regular" else "other"
        free_coffee = self.programmes.free_coffee
        if self.stamps[customer_id] >= free_coffee.cost and self.rng.random() < _COFFEE_PER_VISIT[group]:
            self.stamps[customer_id], _redeemed = self._redeem_if_held(customer_id, free_coffee, today, moment)
        rewards = self.programmes.points_rewards
        if self.points[customer_id] >= rewards[PASTRY].cost:
            goal = self.saving_for.get(customer_id)
            if goal is None:
                goal = self.saving_for[customer_id] = rewards[_weighted(self.rng, _GOALS, _GOAL_WEIGHTS[group])]
            if self.points[customer_id] < goal.cost or amount < _BASKET_FOR[goal.name]:
                settle = _SETTLE_PER_VISIT
                if today + timedelta(days=_EXPIRING_DAYS) >= self.expiring.get(customer_id, date.max) >= today:
                    settle = 1.0  # the counter shows points about to expire
                goal = rewards[PASTRY] if self.rng.random() < settle else None
            if goal is not None and self.rng.random() < _POINTS_PER_VISIT[group]:
                amount -= self._redeem_points(customer_id, goal, today, moment, amount)
        return amount

    def _redeem_if_held(self, customer_id: int, reward: Reward, today: date, moment: datetime) -> tuple[int, bool]:
        """Redeem `reward` when the real balance allows it; returns the balance left and whether it was redeemed."""
        balance = ledger.balance(self.shop.db, customer_id, reward.programme_id, today)
        if balance < reward.cost:
            return balance, False
        self.redemptions += 1
        key = f"demo-{self.seed}-x{self.redemptions}"
        return self.shop.redeem(customer_id, reward.id, key=key, at=moment).balance, True

    def _redeem_points(self, customer_id: int, goal: Reward, today: date, moment: datetime, amount: int) -> int:
        """Redeem the points reward the customer saved for, when the points are really there; returns the money off."""
        self.points[customer_id], redeemed = self._redeem_if_held(customer_id, goal, today, moment)
        if not redeemed or goal.name == PASTRY:
            return 0
        if goal.name == MONEY_OFF:
            return _MONEY_OFF_VALUE
        return min(amount * _PERCENT // 100, _PERCENT_CAP)

    def after_sale(self, customer_id: int, kind: str, sale_id: int, amount: int, moment: datetime) -> None:
        """Count what the sale earned; maybe an NPS answer, a goodwill gesture or a corrected stamp."""
        self.stamps[customer_id] += 1
        self.points[customer_id] += amount // POINTS_RULES["rate_per"]
        rng = self.rng
        if rng.random() < _STAMP_FIX_SHARE:
            self.shop.adjust(
                customer_id, self.programmes.coffee_id, -1, _("Stamped twice by mistake."), at=self._later(moment, 1)
            )
            self.stamps[customer_id] -= 1
        if rng.random() >= _ANSWER_SHARE:
            return
        source = "kiosk" if rng.random() < 0.25 else "counter"
        answer = self._answer(customer_id, kind, sale_id, source, self._later(moment, rng.randint(1, 5)))
        if answer.group != "detractor":
            return
        self.unhappy.append((answer.id, answer.business_date))
        month = (answer.business_date.year, answer.business_date.month)
        if month not in self.goodwill_months:
            self.goodwill_months.add(month)
            self.shop.adjust(
                customer_id, self.programmes.points_id, _GOODWILL_POINTS, _("Goodwill after an unhappy visit."),
                at=self._later(moment, 10),
            )  # fmt: skip
            self.points[customer_id] += _GOODWILL_POINTS

    def walk_in(self, sale_id: int, moment: datetime) -> None:
        """A few walk-ins answer at the kiosk after paying, or on a paper card left on the table."""
        draw = self.rng.random()
        if draw < _KIOSK_SHARE:
            self._answer(None, "walk-in", sale_id, "kiosk", self._later(moment, 2))
        elif draw < _KIOSK_SHARE + _PAPER_SHARE:
            self._answer(None, "walk-in", None, "paper", self._later(moment, 20))

    # -- NPS ---------------------------------------------------------------
    def _answer(self, customer_id: int | None, kind: str, sale_id: int | None, source: str, at: datetime) -> Feedback:
        rng = self.rng
        group = _weighted(rng, (0, 1, 2), _OVERALL)
        if customer_id is not None:
            if customer_id not in self.leanings:
                self.leanings[customer_id] = _weighted(rng, (0, 1, 2), _LEANINGS.get(kind, _OVERALL))
            if rng.random() < _STICK:
                group = self.leanings[customer_id]
        score = _weighted(rng, _SCORES[group], _SCORE_WEIGHTS[group])
        comment = rng.choice(COMMENTS[group]) if rng.random() < _COMMENT_SHARE else None
        return self.shop.record_feedback(
            score=score, comment=comment, customer_id=customer_id, sale_id=sale_id, source=source, at=at
        )

    def _later(self, moment: datetime, minutes: int) -> datetime:
        return min(moment + timedelta(minutes=minutes), self.now)
