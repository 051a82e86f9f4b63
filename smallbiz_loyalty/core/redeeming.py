"""Redeeming at the counter: a reward from the catalogue, store credit as money
off, or a voucher. One call checks the balance, writes the ledger rows
(earliest-expiring units first, one row per lot drawn on) and says what to give.

Every redemption has an idempotency key: sending the same redemption twice (a
double click, a retry) deducts once and returns the first result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from smallbiz_loyalty.core import ledger, programs
from smallbiz_loyalty.core.changes import LEDGER
from smallbiz_loyalty.core.customers import Customer, get_customer
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.loyalty import card_size, follow_merges
from smallbiz_loyalty.core.loyalty_text import balance_text, quantity_text
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.rewards import (
    Reward,
    Voucher,
    describe_gift,
    describe_voucher,
    find_reward,
    get_reward,
    get_voucher,
    issue_voucher,
    mark_voucher_redeemed,
    voucher_by_code,
    voucher_terms,
)
from smallbiz_loyalty.core.sales import check_key
from smallbiz_loyalty.core.text import is_id_text

_COLUMNS = "id, key, customer_id, programme_id, reward_id, quantity, voucher_id, business_date, created_at"


@dataclass(frozen=True)
class Redemption:
    id: int
    key: str
    customer_id: int
    programme_id: int
    reward_id: int | None  # None: store credit spent as money off
    quantity: int  # units taken
    voucher_id: int | None
    business_date: date
    created_at: str


@dataclass(frozen=True)
class Redeemed:
    """What a redemption did and what to give the customer."""

    redemption: Redemption
    programme: Programme
    reward: Reward | None
    voucher: Voucher | None
    give: str  # one line for the cashier: "Give: Free coffee"
    balance: int  # left after the redemption
    balance_text: str  # "3/10", "240 points"
    duplicate: bool = False  # the key had been used: nothing new was written

    @property
    def messages(self) -> tuple[str, ...]:
        return (self.give, _("Left: {balance}", balance=self.balance_text))

    @property
    def changed(self) -> frozenset[str]:
        return frozenset() if self.duplicate else frozenset({LEDGER})


def redemption_by_key(db: Database, key: str) -> Redemption | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM redemptions WHERE key = ?", [key]).fetchone()
    if row is None:
        return None
    values = list(row)
    values[7] = date.fromisoformat(values[7])
    return Redemption(*values)


def _result(db: Database, ctx: Context, redemption: Redemption, *, duplicate: bool) -> Redeemed:
    programme = programs.get_programme(db, redemption.programme_id)
    reward = get_reward(db, redemption.reward_id) if redemption.reward_id else None
    voucher = get_voucher(db, redemption.voucher_id) if redemption.voucher_id else None
    if voucher is not None:
        give = describe_voucher(voucher, ctx.currency)
    elif reward is not None:
        give = describe_gift(reward.kind, reward.name, reward.value, reward.cap, ctx.currency)
    else:
        give = describe_gift("fixed_discount", "", redemption.quantity, None, ctx.currency)
    balance = ledger.balance(db, redemption.customer_id, programme.id, ctx.today)
    shown = balance_text(programme.unit, balance, card_size(db, programme), ctx.currency)
    return Redeemed(redemption, programme, reward, voucher, give, balance, shown, duplicate)


def _active_customer(db: Database, customer_id: int) -> Customer:
    customer = get_customer(db, customer_id)
    if not customer.active:
        raise RuleViolation(_("{name} has been erased or merged; nothing can be redeemed.", name=customer.name))
    return customer


def _refuse_short(db: Database, ctx: Context, customer: Customer, programme: Programme, wanted: int, what: str) -> int:
    """The balance, after refusing when it is less than `wanted`."""
    ledger.expire_customer(db, ctx, customer.id, programme.id)
    balance = ledger.balance(db, customer.id, programme.id, ctx.today)
    if balance >= wanted:
        return balance
    missing = wanted - balance
    if programme.unit == "stamps":
        raise RuleViolation(
            _(
                "This card has {balance} of {cost} stamps; {missing} more are needed before {reward}.",
                balance=max(balance, 0),
                cost=wanted,
                missing=missing,
                reward=what,
            )
        )
    raise RuleViolation(
        _(
            "{name} has {balance}; {reward} needs {cost}, so {missing} more are needed.",
            name=customer.name,
            balance=quantity_text(programme.unit, max(balance, 0), ctx.currency),
            reward=what,
            cost=quantity_text(programme.unit, wanted, ctx.currency),
            missing=quantity_text(programme.unit, missing, ctx.currency),
        )
    )


def _write(
    db: Database, ctx: Context, *, key: str, customer: Customer, programme: Programme, quantity: int,
    reward: Reward | None, voucher: Voucher | None,
) -> Redemption:  # fmt: skip
    cursor = db.execute(
        "INSERT INTO redemptions (key, customer_id, programme_id, reward_id, quantity, voucher_id, business_date,"
        " created_at, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [key, customer.id, programme.id, reward.id if reward else None, quantity, voucher.id if voucher else None,
         ctx.today.isoformat(), ctx.now, ctx.staff_id],
    )  # fmt: skip
    lots = ledger.open_lots(db, customer.id, programme.id, ctx.today)
    taken = ledger.draw(
        db, ctx, kind="redeem", lots=lots, quantity=quantity, customer_id=customer.id,
        reward_id=reward.id if reward else None, voucher_id=voucher.id if voucher else None,
        redemption_id=cursor.lastrowid,
    )  # fmt: skip
    if taken != quantity:  # the balance was checked in this transaction; a shortfall is a bug
        raise AssertionError(f"redemption drew {taken} of {quantity}")
    found = redemption_by_key(db, key)
    assert found is not None
    return found


def _replay(db: Database, ctx: Context, key: str, customer_id: int, reward_id: int | None) -> Redeemed | None:
    existing = redemption_by_key(db, key)
    if existing is None:
        return None
    # A merge since the first send moved the redemption to the kept customer.
    same_customer = follow_merges(db, customer_id).id == existing.customer_id
    if not same_customer or (reward_id is not None and existing.reward_id != reward_id):
        raise InvalidInput("key", _("The key {key} was already used for a different redemption.", key=key[:40]))
    return _result(db, ctx, existing, duplicate=True)


def redeem_reward(db: Database, ctx: Context, *, customer_id: int, reward: int | str, key: object = None) -> Redeemed:
    """Redeem a reward for a customer (inside the caller's transaction)."""
    checked_key = check_key(key)
    text = str(reward).strip()
    reward_id = int(text) if is_id_text(text) else find_reward(db, text).id
    replay = _replay(db, ctx, checked_key, customer_id, reward_id)
    if replay is not None:
        return replay
    chosen = find_reward(db, reward_id)
    customer = _active_customer(db, customer_id)
    programme = programs.get_programme(db, chosen.programme_id)
    if not programme.active:
        raise RuleViolation(_("The programme {name} is paused; its rewards cannot be redeemed.", name=programme.name))
    _refuse_short(db, ctx, customer, programme, chosen.cost, chosen.name)
    voucher = None
    if chosen.kind == "voucher":
        kind, value, cap = voucher_terms(chosen)
        voucher = issue_voucher(
            db, customer_id=customer.id, kind=kind, item=chosen.name, value=value, cap=cap, source="reward",
            today=ctx.today, now=ctx.now, valid_days=chosen.valid_days, programme_id=programme.id,
            reward_id=chosen.id, staff_id=ctx.staff_id,
        )  # fmt: skip
    redemption = _write(
        db, ctx, key=checked_key, customer=customer, programme=programme, quantity=chosen.cost, reward=chosen,
        voucher=voucher,
    )  # fmt: skip
    return _result(db, ctx, redemption, duplicate=False)


def use_credit(
    db: Database, ctx: Context, *, customer_id: int, programme: Programme, amount: int, key: object = None
) -> Redeemed:
    """Spend `amount` minor units of store credit as money off (inside the caller's transaction)."""
    checked_key = check_key(key)
    replay = _replay(db, ctx, checked_key, customer_id, None)
    if replay is not None:
        return replay
    if programme.unit != "credit":
        raise InvalidInput("programme", _("{name} does not hold store credit.", name=programme.name))
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InvalidInput("amount", _("The amount must be more than zero."))
    customer = _active_customer(db, customer_id)
    what = _("{amount} off", amount=format_money(amount, ctx.currency, babel_locale()))
    _refuse_short(db, ctx, customer, programme, amount, what)
    redemption = _write(
        db, ctx, key=checked_key, customer=customer, programme=programme, quantity=amount, reward=None, voucher=None
    )
    return _result(db, ctx, redemption, duplicate=False)


def redeem_voucher(db: Database, ctx: Context, code: str) -> tuple[Voucher, str]:
    """Use a voucher once; returns it and what to give."""
    voucher = voucher_by_code(db, code)
    used = mark_voucher_redeemed(db, voucher, today=ctx.today, now=ctx.now, staff_id=ctx.staff_id)
    return used, describe_gift(used.kind, used.item, used.value, used.cap, ctx.currency)
