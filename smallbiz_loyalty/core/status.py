"""What the counter shows about a customer: per programme the balance (a
punch card's "7/10"), rewards ready, the next reward and how many more units it
needs, the tier and the spend still needed for the next one, units about to
expire; the customer's usable vouchers; a birthday this week.

Read-only and indexed: a handful of queries on one customer's rows, however
large the shop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from smallbiz_loyalty.core import ledger, programs
from smallbiz_loyalty.core.customers import Customer, get_customer
from smallbiz_loyalty.core.loyalty_text import balance_text, quantity_text
from smallbiz_loyalty.core.programs import Programme, Tier
from smallbiz_loyalty.core.rewards import Reward, Voucher, rewards_of, vouchers_of

BIRTHDAY_SOON_DAYS = 7
EXPIRY_WARNING_DAYS = 30


@dataclass(frozen=True)
class ProgrammeStatus:
    programme: Programme
    balance: int
    card_size: int | None  # stamps on a full card (the cheapest reward), stamp cards only
    rewards_ready: tuple[Reward, ...]  # affordable now, cheapest first
    next_reward: Reward | None  # the cheapest reward not affordable yet
    needed: int  # units still needed for `next_reward` (0 when none)
    tier: Tier | None
    next_tier: Tier | None
    qualifying_spend: int  # minor units over the last 365 days
    spend_to_next_tier: int  # minor units (0 when there is no higher tier)
    expiring: int  # units expiring within 30 days
    expiring_on: date | None  # the first day some of them go

    @property
    def value(self) -> int:
        """What the balance is worth to the shop, in minor units (the liability)."""
        return max(self.balance, 0) * self.programme.value_per_unit

    def balance_text(self, currency: str) -> str:
        return balance_text(self.programme.unit, self.balance, self.card_size, currency)

    def needed_text(self, currency: str) -> str:
        return quantity_text(self.programme.unit, self.needed, currency)


@dataclass(frozen=True)
class CustomerStatus:
    customer: Customer
    programmes: tuple[ProgrammeStatus, ...]
    vouchers: tuple[Voucher, ...]  # usable today, newest first
    birthday: date | None  # the birthday's date when it is within the next 7 days
    birthday_in_days: int | None

    @property
    def rewards_ready(self) -> tuple[Reward, ...]:
        return tuple(r for p in self.programmes for r in p.rewards_ready)

    @property
    def birthday_this_week(self) -> bool:
        return self.birthday is not None


def _birthday_soon(customer: Customer, today: date) -> tuple[date | None, int | None]:
    if customer.birthday is None:
        return None, None
    for year in (today.year, today.year + 1):
        day = customer.birthday.in_year(year)
        if today <= day <= today + timedelta(days=BIRTHDAY_SOON_DAYS - 1):
            return day, (day - today).days
    return None, None


def programme_status(
    programme: Programme,
    rewards: list[Reward],
    tiers: list[Tier],
    balance: int,
    spend: int,
    expiring: tuple[int, date] | None,
) -> ProgrammeStatus:
    ready = tuple(r for r in rewards if r.cost <= balance)
    upcoming = next((r for r in rewards if r.cost > balance), None)
    tier = programs.tier_for_spend(tiers, spend)
    higher = programs.next_tier(tiers, spend)
    return ProgrammeStatus(
        programme=programme,
        balance=balance,
        card_size=rewards[0].cost if rewards and programme.unit == "stamps" else None,
        rewards_ready=ready,
        next_reward=upcoming,
        needed=upcoming.cost - balance if upcoming else 0,
        tier=tier,
        next_tier=higher,
        qualifying_spend=spend,
        spend_to_next_tier=higher.min_spend - spend if higher else 0,
        expiring=expiring[0] if expiring else 0,
        expiring_on=expiring[1] if expiring else None,
    )


def customer_status(db: Database, customer_id: int, today: date) -> CustomerStatus:
    """Everything the counter shows about one customer on `today`."""
    customer = get_customer(db, customer_id)
    balances = ledger.balances(db, customer_id, today)
    soon = ledger.expiring(db, customer_id, today, EXPIRY_WARNING_DAYS)
    all_tiers = programs.all_tiers(db)
    spend = programs.qualifying_spend(db, customer_id, today) if all_tiers else 0
    rewards: dict[int, list[Reward]] = {}
    for reward in rewards_of(db):
        rewards.setdefault(reward.programme_id, []).append(reward)
    shown = []
    for programme in programs.list_programmes(db):
        # A paused programme still shows while the customer holds units in it.
        if not programme.active and not balances.get(programme.id):
            continue
        shown.append(
            programme_status(
                programme,
                rewards.get(programme.id, []),
                all_tiers.get(programme.id, []),
                balances.get(programme.id, 0),
                spend,
                soon.get(programme.id),
            )
        )
    birthday, days = _birthday_soon(customer, today)
    return CustomerStatus(
        customer=customer,
        programmes=tuple(shown),
        vouchers=tuple(vouchers_of(db, customer_id, usable_on=today)),
        birthday=birthday,
        birthday_in_days=days,
    )
