"""Undoing a redemption made by mistake at the counter.

The ledger is append-only, so an undo is a reversing entry: for every lot the
redemption drew on, a `reversal` lot gives the same units back with that lot's
expiry (units that have expired since come back expired, as they would have
been had they never been redeemed). The give-back rows carry the reward and
voucher but not the redemption's id, so "each redemption drew its cost" stays
true of the redemption itself; the undo is recorded in the audit log, in the same
transaction, and that entry is what makes a second undo of the same redemption
refused. A voucher the redemption issued is cancelled (it can no longer be
used: `redeemed_at` is set while `redeemed_on`, the day it was used, stays
empty); if it was already used, the undo is refused and nothing changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, ledger, programs
from smallbiz_loyalty.core.changes import LEDGER
from smallbiz_loyalty.core.customers import get_customer
from smallbiz_loyalty.core.dates import business_date, utc_iso
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import NotFound, RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.loyalty import card_size
from smallbiz_loyalty.core.loyalty_text import balance_text, quantity_text
from smallbiz_loyalty.core.redeeming import Redemption
from smallbiz_loyalty.core.rewards import Voucher, get_reward, get_voucher

if TYPE_CHECKING:
    from smallbiz_loyalty.core.shop import Shop

AUDIT_ACTION = "undo_redemption"
_COLUMNS = "id, key, customer_id, programme_id, reward_id, quantity, voucher_id, business_date, created_at"


@dataclass(frozen=True)
class UndoneRedemption:
    """What an undo gave back, and the line to show the cashier."""

    redemption: Redemption
    what: str  # the reward's name (or "KWD 1.000 off" for store credit)
    customer_id: int  # who got the units back (the kept customer after a merge)
    quantity: int  # units given back
    balance: int  # the balance after the undo
    balance_text: str  # "10/10", "240 points"
    voucher: Voucher | None  # the voucher it cancelled, if it had issued one
    changed: frozenset[str] = frozenset({LEDGER})

    @property
    def messages(self) -> tuple[str, ...]:
        lines = [_("Undone: {reward} — back to {balance}", reward=self.what, balance=self.balance_text)]
        if self.voucher is not None:
            lines.append(_("Voucher {code} is cancelled.", code=self.voucher.code))
        return tuple(lines)


def get_redemption(db: Database, redemption_id: int) -> Redemption:
    row = db.execute(f"SELECT {_COLUMNS} FROM redemptions WHERE id = ?", [redemption_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no redemption number {id}.", id=redemption_id))
    values = list(row)
    values[7] = date.fromisoformat(values[7])
    return Redemption(*values)


def undone_at(db: Database, redemption_id: int) -> str | None:
    """When the redemption was undone (UTC ISO), or None if it stands."""
    row = db.execute(
        "SELECT at FROM audit_log WHERE action = ? AND subject = ? ORDER BY id LIMIT 1",
        [AUDIT_ACTION, str(redemption_id)],
    ).fetchone()
    return row[0] if row else None


def _what(db: Database, redemption: Redemption, currency: str) -> str:
    if redemption.reward_id is not None:
        return get_reward(db, redemption.reward_id).name
    return quantity_text("credit", redemption.quantity, currency)


def _cancel_voucher(db: Database, ctx: Context, voucher_id: int) -> Voucher:
    voucher = get_voucher(db, voucher_id)
    if voucher.redeemed_at is not None:
        raise RuleViolation(
            _(
                "Voucher {code} from this redemption was already used on {date}, so the redemption cannot be undone.",
                code=voucher.code,
                date=voucher.redeemed_at[:10],
            )
        )
    db.execute(
        "UPDATE vouchers SET redeemed_at = ?, redeemed_by = ? WHERE id = ? AND redeemed_at IS NULL",
        [ctx.now, ctx.staff_id, voucher_id],
    )
    return get_voucher(db, voucher_id)


def _drawn_lots(db: Database, redemption_id: int) -> list[tuple[int, int, str | None]]:
    """(programme, units taken, the lot's expiry) for every lot the redemption drew on."""
    return db.execute(
        "SELECT d.programme_id, -d.quantity, l.expires_on FROM ledger d JOIN ledger l ON l.id = d.consumes"
        " WHERE d.redemption_id = ? AND d.kind = 'redeem' ORDER BY d.id",
        [redemption_id],
    ).fetchall()


def undo_redemption(db: Database, ctx: Context, redemption_id: int) -> UndoneRedemption:
    """Give back exactly what a redemption took, once (inside the caller's transaction)."""
    redemption = get_redemption(db, redemption_id)
    what = _what(db, redemption, ctx.currency)
    earlier = undone_at(db, redemption_id)
    if earlier is not None:
        raise RuleViolation(
            _(
                "The redemption of {reward} was already undone on {date}; nothing was changed.",
                reward=what,
                date=earlier[:10],
            )
        )
    customer = get_customer(db, redemption.customer_id)  # a merge moved the redemption to the kept customer
    if not customer.active:
        raise RuleViolation(_("{name} has been erased; the redemption cannot be undone.", name=customer.name))
    voucher = _cancel_voucher(db, ctx, redemption.voucher_id) if redemption.voucher_id else None
    reason = _("Undo of redemption {id} ({reward})", id=redemption.id, reward=what)
    ledger.expire_customer(db, ctx, customer.id, redemption.programme_id)
    given = 0
    for programme_id, quantity, expires_on in _drawn_lots(db, redemption.id):
        ledger.add_lot(
            db, ctx, kind="reversal", programme_id=programme_id, customer_id=customer.id, quantity=quantity,
            expires_on=date.fromisoformat(expires_on) if expires_on else None, reward_id=redemption.reward_id,
            voucher_id=redemption.voucher_id, reason=reason,
        )  # fmt: skip
        given += quantity
    if given != redemption.quantity:  # the redeem rows are written with the redemption; a gap is a bug
        raise AssertionError(f"redemption {redemption.id} drew {given} of {redemption.quantity}")
    audit.record(
        db, at=ctx.now, staff_id=ctx.staff_id, action=AUDIT_ACTION, subject=str(redemption.id),
        customer=customer.id, reward=what, quantity=given, voucher=voucher.code if voucher else None,
    )  # fmt: skip
    programme = programs.get_programme(db, redemption.programme_id)
    balance = ledger.balance(db, customer.id, programme.id, ctx.today)
    shown = balance_text(programme.unit, balance, card_size(db, programme), ctx.currency)
    return UndoneRedemption(redemption, what, customer.id, given, balance, shown, voucher)


def undo_redemption_in(shop: Shop, redemption_id: int) -> UndoneRedemption:
    """Undo a redemption in `shop` as one user action (its clock, its signed-in staff member)."""
    moment = shop.clock()
    ctx = Context(
        today=business_date(moment, shop.settings["time_zone"]),
        now=utc_iso(moment),
        staff_id=shop.staff_id,
        currency=shop.currency,
    )
    with transaction(shop.db):
        return undo_redemption(shop.db, ctx, redemption_id)
