"""Merging a duplicate customer into the one to keep, losing nothing.

Sales, vouchers, redemptions and feedback move to the kept customer. The
ledger is append-only, so what is left of each of the duplicate's lots (and
debts) moves as a pair of `merge` rows: one drawing it off the duplicate, one
giving the kept customer a lot with the same expiry and sale. The merged
balance is the sum of the two; the duplicate's history stays readable and the
duplicate is marked `merged_into` the kept customer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, ledger
from smallbiz_loyalty.core.customers import Customer, get_customer
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.ledger import Context, Lot
from smallbiz_loyalty.core.loyalty import refresh_tiers


@dataclass(frozen=True)
class Merged:
    kept: Customer
    merged: Customer
    sales: int  # sales and returns moved
    units: dict[int, int]  # programme id → units moved (lots minus debts)
    vouchers: int
    feedback: int


def _programmes_of(db: Database, customer_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT DISTINCT programme_id FROM ledger WHERE customer_id = ?", [customer_id])]


def _move(db: Database, ctx: Context, item: Lot, source: Customer, target: Customer, reason: str) -> None:
    common = {"kind": "merge", "programme_id": item.programme_id, "sale_id": item.sale_id, "reason": reason}
    ledger.insert_row(db, ctx, **common, customer_id=source.id, quantity=-item.remaining, consumes=item.id)
    ledger.insert_row(db, ctx, **common, customer_id=target.id, quantity=item.remaining, expires_on=item.expires_on)


def _move_ledger(db: Database, ctx: Context, source: Customer, target: Customer) -> dict[int, int]:
    reason = _("Merged from {name} (customer {id})", name=source.name, id=source.id)
    moved: dict[int, int] = {}
    ledger.expire_customer(db, ctx, source.id)
    ledger.expire_customer(db, ctx, target.id)
    for programme_id in _programmes_of(db, source.id):
        items = ledger.open_lots(db, source.id, programme_id, ctx.today) + ledger.open_debts(
            db, source.id, programme_id
        )
        for item in items:
            _move(db, ctx, item, source, target, reason)
            moved[programme_id] = moved.get(programme_id, 0) + item.remaining
        ledger.settle_debts(db, ctx, target.id, programme_id)
    return moved


def _move_rows(db: Database, source: Customer, target: Customer) -> tuple[int, int, int]:
    moved_sales = db.execute("UPDATE sales SET customer_id = ? WHERE customer_id = ?", [target.id, source.id]).rowcount
    moved_vouchers = db.execute(
        "UPDATE vouchers SET customer_id = ? WHERE customer_id = ?", [target.id, source.id]
    ).rowcount
    for table in ("redemptions", "write_offs"):
        db.execute(f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?", [target.id, source.id])
    moved_feedback = 0
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feedback'").fetchone():
        moved_feedback = db.execute(
            "UPDATE feedback SET customer_id = ? WHERE customer_id = ?", [target.id, source.id]
        ).rowcount
    # The same person must not get a second birthday gift or referral bonus.
    db.execute(
        "INSERT OR IGNORE INTO birthday_gifts (customer_id, programme_id, year, birthday, voucher_id, ledger_id,"
        " issued_at, issued_on) SELECT ?, programme_id, year, birthday, voucher_id, ledger_id, issued_at, issued_on"
        " FROM birthday_gifts WHERE customer_id = ?",
        [target.id, source.id],
    )
    db.execute(
        "INSERT OR IGNORE INTO referral_bonuses (referred_id, referrer_id, programme_id, sale_id, created_at)"
        " SELECT ?, referrer_id, programme_id, sale_id, created_at FROM referral_bonuses WHERE referred_id = ?",
        [target.id, source.id],
    )
    db.execute(
        "UPDATE customers SET referred_by = ? WHERE referred_by = ? AND id != ?", [target.id, source.id, target.id]
    )
    if target.referred_by is None and source.referred_by not in (None, target.id):
        db.execute("UPDATE customers SET referred_by = ? WHERE id = ?", [source.referred_by, target.id])
    return moved_sales, moved_vouchers, moved_feedback


def merge_customers(db: Database, ctx: Context, keep_id: int, merge_id: int) -> Merged:
    """Merge customer `merge_id` into `keep_id` (inside the caller's transaction); audited."""
    if keep_id == merge_id:
        raise InvalidInput("customer", _("Choose two different customers to merge."))
    keep, merge = get_customer(db, keep_id), get_customer(db, merge_id)
    for customer in (keep, merge):
        if not customer.active:
            raise RuleViolation(_("{name} has been erased or merged already and cannot be merged.", name=customer.name))
    units = _move_ledger(db, ctx, merge, keep)
    moved_sales, moved_vouchers, moved_feedback = _move_rows(db, merge, keep)
    db.execute("UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?", [keep.id, ctx.now, merge.id])
    refresh_tiers(db, ctx, keep.id, _("Merged with customer {id}", id=merge.id))
    audit.record(
        db, at=ctx.now, staff_id=ctx.staff_id, action="merge_customers", subject=f"{merge.id}->{keep.id}",
        sales=moved_sales, units={str(k): v for k, v in units.items()}, vouchers=moved_vouchers,
        feedback=moved_feedback,
    )  # fmt: skip
    return Merged(
        get_customer(db, keep.id), get_customer(db, merge.id), moved_sales, units, moved_vouchers, moved_feedback
    )
