"""What the loyalty engine does when something happens at the counter: a sale
earns in every active programme, a tier changes, a referral pays out, an owner
corrects a balance, an import's opening balances come in. (Returns and voids:
`reversals`.)

Every function here runs inside the caller's transaction and returns plain
events (see `loyalty_text`) saying what happened."""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import ledger, programs
from smallbiz_loyalty.core.customers import Customer, get_customer
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.loyalty_text import Event, balance_text, quantity_text
from smallbiz_loyalty.core.programs import Programme, Tier
from smallbiz_loyalty.core.rewards import Reward, rewards_of
from smallbiz_loyalty.core.sales import Sale
from smallbiz_loyalty.core.text import clean_text

# `json.dumps(events, ensure_ascii=False)` without building an encoder at every sale.
_EVENTS_JSON = json.JSONEncoder(ensure_ascii=False)
NEGATIVE_BALANCE_RULES = ("take_what_is_left", "allow", "block")
MAX_ADJUSTMENT = 1_000_000
REASON_MAX = 200


@dataclass(frozen=True)
class Rules:
    """The owner's shop-wide loyalty rules (kept in settings)."""

    negative_balance: str = "take_what_is_left"
    birthday_days_before: int = 7
    birthday_valid_days: int = 30


def rules_from_settings(settings: dict[str, Any]) -> Rules:
    defaults = Rules()
    return Rules(
        negative_balance=settings.get("negative_balance", defaults.negative_balance),
        birthday_days_before=settings.get("birthday_days_before", defaults.birthday_days_before),
        birthday_valid_days=settings.get("birthday_valid_days", defaults.birthday_valid_days),
    )


# -- shared helpers ---------------------------------------------------------
@dataclass(frozen=True)
class Setup:
    """The active programmes with their tiers, rewards and message labels, read once per
    action: a sale used to re-read them for every programme and step. Nothing an action
    writes changes them, so one reading stays right for the whole action."""

    programmes: tuple[Programme, ...]  # active, in the owner's order
    tiers: dict[int, list[Tier]]  # programme id → active tiers, lowest spend first
    rewards: dict[int, list[Reward]]  # programme id → active rewards, cheapest first
    labels: dict[int, str]  # programme id → the name to put before its messages

    def card_size(self, programme: Programme) -> int | None:
        cheapest = self.rewards.get(programme.id)
        return cheapest[0].cost if programme.unit == "stamps" and cheapest else None


# A setup read once for a long action that never changes the programmes (see `setup_held`).
_HELD: weakref.WeakKeyDictionary[Database, Setup] = weakref.WeakKeyDictionary()


def read_setup(db: Database) -> Setup:
    """What one action needs to know of the loyalty programmes: three queries (none inside `setup_held`)."""
    held = _HELD.get(db)
    return held if held is not None else _read_setup(db)


@contextmanager
def setup_held(db: Database) -> Iterator[Setup]:
    """One reading of the programmes for every `read_setup` on `db` inside the block.

    For a long action made of many sales that never edits programmes, rewards or
    tiers (the demo build): it saves three queries a sale. Nothing inside may
    change them; the reading is dropped when the block ends, however it ends."""
    setup = _HELD[db] = _read_setup(db)
    try:
        yield setup
    finally:
        _HELD.pop(db, None)


def _read_setup(db: Database) -> Setup:
    active = programs.list_programmes(db, active_only=True)
    rewards: dict[int, list[Reward]] = {}
    for reward in rewards_of(db):
        rewards.setdefault(reward.programme_id, []).append(reward)
    return Setup(tuple(active), programs.all_tiers(db), rewards, _labels_of(active))


def card_size(db: Database, programme: Programme) -> int | None:
    """The stamps on a full card: the cost of the cheapest reward (stamp cards only)."""
    if programme.unit != "stamps":
        return None
    cheapest = rewards_of(db, programme.id)
    return cheapest[0].cost if cheapest else None


def _labels_of(active: list[Programme]) -> dict[int, str]:
    units = [p.unit for p in active]
    return {p.id: p.name if units.count(p.unit) > 1 else "" for p in active}


def labels(db: Database) -> dict[int, str]:
    """Programme id → the name to put before its messages ("" when its unit says enough)."""
    return _labels_of(programs.list_programmes(db, active_only=True))


def quantity_event(
    db: Database,
    kind: str,
    programme: Programme,
    quantity: int,
    balance: int,
    label: str,
    *,
    setup: Setup | None = None,
) -> Event:
    """An event about `quantity` units (`setup`: the action's reading of the programmes, if it has one)."""
    return {
        "e": kind,
        "unit": programme.unit,
        "n": quantity,
        "balance": balance,
        "size": setup.card_size(programme) if setup else card_size(db, programme),
        "label": label,
    }


def ready_event(
    db: Database, programme: Programme, balance: int, label: str, *, rewards: list[Reward] | None = None
) -> list[Event]:
    """The rewards `balance` affords, to show as ready (`rewards`: the programme's, when already read)."""
    ready = [r.name for r in (rewards_of(db, programme.id) if rewards is None else rewards) if r.cost <= balance]
    return [{"e": "ready", "rewards": ready[:3], "label": label}] if ready else []


def save_events(db: Database, sale_id: int, events: list[Event]) -> None:
    db.execute(
        "INSERT OR REPLACE INTO sale_events (sale_id, events) VALUES (?, ?)",
        [sale_id, _EVENTS_JSON.encode(events)],
    )


def load_events(db: Database, sale_id: int) -> list[Event]:
    row = db.execute("SELECT events FROM sale_events WHERE sale_id = ?", [sale_id]).fetchone()
    return json.loads(row[0]) if row else []


# -- tiers ------------------------------------------------------------------
def current_tier_id(db: Database, customer_id: int, programme_id: int) -> int | None:
    row = db.execute(
        "SELECT tier_id FROM customer_tiers WHERE customer_id = ? AND programme_id = ? ORDER BY id DESC LIMIT 1",
        [customer_id, programme_id],
    ).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class TierChange:
    programme_id: int
    tier: str | None  # None: below every tier
    since: date
    reason: str


def tier_history(db: Database, customer_id: int) -> list[TierChange]:
    """Every recorded change of the customer's tiers, newest first."""
    rows = db.execute(
        "SELECT h.programme_id, t.name, h.since, h.reason FROM customer_tiers h LEFT JOIN tiers t ON t.id = h.tier_id"
        " WHERE h.customer_id = ? ORDER BY h.id DESC",
        [customer_id],
    )
    return [TierChange(pid, name, date.fromisoformat(since), reason) for pid, name, since, reason in rows]


def refresh_tiers(
    db: Database, ctx: Context, customer_id: int, reason: str, *, setup: Setup | None = None, spend: int | None = None
) -> list[Event]:
    """Recompute the customer's tier in every programme from qualifying spend; record changes.

    `setup` and `spend` (today's qualifying spend) save reading them again when the caller has."""
    events: list[Event] = []
    setup = setup or read_setup(db)
    if not setup.tiers:
        return events
    if spend is None:
        spend = programs.qualifying_spend(db, customer_id, ctx.today)
    for programme in setup.programmes:
        tiers = setup.tiers.get(programme.id)
        if not tiers:
            continue
        new = programs.tier_for_spend(tiers, spend)
        old_id = current_tier_id(db, customer_id, programme.id)
        if (new.id if new else None) == old_id:
            continue
        db.execute(
            "INSERT INTO customer_tiers (customer_id, programme_id, tier_id, since, reason, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [customer_id, programme.id, new.id if new else None, ctx.today.isoformat(), reason, ctx.now],
        )
        old_floor = programs.get_tier(db, old_id).min_spend if old_id else -1
        up = new is not None and new.min_spend > old_floor
        events.append(
            {
                "e": "tier_up" if up else "tier_down",
                "tier": new.name if new else None,
                "label": setup.labels[programme.id],
            }
        )
    return events


# -- sale -------------------------------------------------------------------
def on_sale(db: Database, ctx: Context, sale: Sale, *, customer: Customer | None = None) -> list[Event]:
    """Earn in every active programme for a new sale; returns the events to show.

    `customer`: the sale's customer, when the caller has just read it."""
    if sale.customer_id is None:
        return []
    if customer is None or customer.id != sale.customer_id:
        customer = get_customer(db, sale.customer_id)
    setup = read_setup(db)
    # Qualifying spend with this sale in it: its tier is recorded after; it earns at the tier before.
    spend = programs.qualifying_spend(db, customer.id, ctx.today) if setup.tiers else 0
    events: list[Event] = []
    for programme in setup.programmes:
        ledger.expire_customer(db, ctx, customer.id, programme.id)
        tier = programs.tier_for_spend(setup.tiers.get(programme.id, []), spend - sale.amount)
        earning = programme.earning(sale.amount, sale.category, tier.multiplier if tier else 100)
        if earning.total:
            expires = programme.expiry_for(sale.business_date)
            db.execute(
                "INSERT INTO sale_earnings (sale_id, programme_id, visit_units, amount_units, min_spend, expires_on)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [sale.id, programme.id, earning.visit_units, earning.amount_units, programme.visit_min_spend,
                 expires.isoformat() if expires else None],
            )  # fmt: skip
            ledger.add_lot(
                db, ctx, kind="earn", programme_id=programme.id, customer_id=customer.id, quantity=earning.total,
                expires_on=expires, sale_id=sale.id,
            )  # fmt: skip
        bonus = _referral(db, ctx, sale, customer, programme)
        balance = ledger.balance(db, customer.id, programme.id, ctx.today)
        label = setup.labels[programme.id]
        events.extend(bonus)
        if earning.total:
            events.append(quantity_event(db, "earn", programme, earning.total, balance, label, setup=setup))
        events.extend(ready_event(db, programme, balance, label, rewards=setup.rewards.get(programme.id, [])))
    events.extend(refresh_tiers(db, ctx, customer.id, _("Sale {id}", id=sale.id), setup=setup, spend=spend))
    return events


def _referral(db: Database, ctx: Context, sale: Sale, customer: Customer, programme: Programme) -> list[Event]:
    """Pay the referral bonuses of `programme` on a referred customer's first purchase, once."""
    if customer.referred_by is None or not (programme.referrer_bonus or programme.referred_bonus):
        return []
    (earlier,) = db.execute(
        "SELECT COUNT(*) FROM sales WHERE customer_id = ? AND kind = 'sale' AND voided_at IS NULL AND id != ?",
        [customer.id, sale.id],
    ).fetchone()
    if earlier:
        return []
    referrer = follow_merges(db, customer.referred_by)
    cursor = db.execute(
        "INSERT OR IGNORE INTO referral_bonuses (referred_id, referrer_id, programme_id, sale_id, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [customer.id, referrer.id, programme.id, sale.id, ctx.now],
    )
    if not cursor.rowcount:
        return []
    events: list[Event] = []
    expires = programme.expiry_for(ctx.today)
    if programme.referred_bonus:
        ledger.add_lot(
            db, ctx, kind="referral", programme_id=programme.id, customer_id=customer.id,
            quantity=programme.referred_bonus, expires_on=expires, reason=_("Referred by {name}", name=referrer.name),
        )  # fmt: skip
        events.append({"e": "welcome_bonus", "unit": programme.unit, "n": programme.referred_bonus})
    if programme.referrer_bonus and referrer.active and referrer.id != customer.id:
        ledger.expire_customer(db, ctx, referrer.id, programme.id)
        ledger.add_lot(
            db, ctx, kind="referral", programme_id=programme.id, customer_id=referrer.id,
            quantity=programme.referrer_bonus, expires_on=expires, reason=_("Referred {name}", name=customer.name),
        )  # fmt: skip
        events.append(
            {"e": "referral_bonus", "unit": programme.unit, "n": programme.referrer_bonus, "name": referrer.name}
        )
    return events


def follow_merges(db: Database, customer_id: int) -> Customer:
    customer = get_customer(db, customer_id)
    for _hop in range(20):  # a merge chain is short; the bound guards against a cycle
        if customer.merged_into is None:
            break
        customer = get_customer(db, customer.merged_into)
    return customer


# -- owner corrections ------------------------------------------------------------
def check_reason(reason: object) -> str:
    return clean_text(reason, field="reason", label=_("The reason"), max_length=REASON_MAX, required=True)


def adjust(
    db: Database, ctx: Context, *, customer_id: int, programme: Programme, quantity: int, reason: str, rules: Rules
) -> int:
    """Add (quantity > 0) or take away units by hand; returns the new balance.

    Taking away more than the balance is refused unless the owner allows negative balances."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not quantity or abs(quantity) > MAX_ADJUSTMENT:
        raise InvalidInput(
            "quantity",
            _("The adjustment must be a whole number other than zero, at most {limit}.", limit=MAX_ADJUSTMENT),
        )
    customer = get_customer(db, customer_id)
    if not customer.active:
        raise RuleViolation(_("{name} has been erased or merged; the balance cannot be changed.", name=customer.name))
    ledger.expire_customer(db, ctx, customer_id, programme.id)
    if quantity > 0:
        ledger.add_lot(
            db, ctx, kind="adjust", programme_id=programme.id, customer_id=customer_id, quantity=quantity,
            expires_on=programme.expiry_for(ctx.today), reason=reason,
        )  # fmt: skip
        return ledger.balance(db, customer_id, programme.id, ctx.today)
    lots = ledger.open_lots(db, customer_id, programme.id, ctx.today)
    balance = ledger.balance(db, customer_id, programme.id, ctx.today)
    wanted = -quantity
    if wanted > balance and rules.negative_balance != "allow":
        size = card_size(db, programme)
        raise RuleViolation(
            _(
                "{name} has {balance}; taking away {quantity} would make the balance negative.",
                name=customer.name,
                balance=balance_text(programme.unit, balance, size, ctx.currency),
                quantity=quantity_text(programme.unit, wanted, ctx.currency),
            )
        )
    taken = ledger.draw(db, ctx, kind="adjust", lots=lots, quantity=wanted, customer_id=customer_id, reason=reason)
    if taken < wanted:
        ledger.insert_row(
            db, ctx, kind="adjust", programme_id=programme.id, customer_id=customer_id, quantity=taken - wanted,
            reason=reason,
        )  # fmt: skip
    return ledger.balance(db, customer_id, programme.id, ctx.today)


# -- imports -----------------------------------------------------------------------
def apply_opening_balances(db: Database, *, now: str, today: date) -> int:
    """Turn imported opening balances not yet taken in into `opening` ledger rows; returns rows written.

    Idempotent: each imported balance is taken in once. A unit the shop has no
    programme for gets one (no earn rule, so nothing changes at the counter
    until the owner sets it up)."""
    ctx = Context(today=today, now=now)
    rows = db.execute(
        "SELECT ob.id, ob.customer_id, ob.unit, ob.quantity, ob.source FROM opening_balances ob"
        " WHERE NOT EXISTS (SELECT 1 FROM opening_applied a WHERE a.opening_id = ob.id) ORDER BY ob.id"
    ).fetchall()
    written = 0
    for opening_id, customer_id, unit, quantity, source in rows:
        customer = follow_merges(db, customer_id)
        ledger_id = None
        if quantity > 0 and customer.erased_at is None:
            programme = _programme_for_unit(db, unit, now)
            ledger_id = ledger.add_lot(
                db, ctx, kind="opening", programme_id=programme.id, customer_id=customer.id, quantity=quantity,
                expires_on=programme.expiry_for(today), reason=source,
            )  # fmt: skip
            written += 1
        db.execute(
            "INSERT INTO opening_applied (opening_id, ledger_id, applied_at) VALUES (?, ?, ?)",
            [opening_id, ledger_id, now],
        )
    return written


def _programme_for_unit(db: Database, unit: str, now: str) -> Programme:
    for programme in programs.list_programmes(db):
        if programme.unit == unit and programme.active:
            return programme
    for programme in programs.list_programmes(db):
        if programme.unit == unit:
            return programme
    name = _("Points") if unit == "points" else _("Stamps")
    return programs.create_programme(db, now=now, name=name, unit=unit)
