"""The loyalty ledger: append-only rows of stamps, points or credit.

A row with `consumes` NULL is either a *lot* (quantity > 0: earned, opened,
given) or a *debt* (quantity < 0: what a return could not take back when the
owner allows a negative balance). Every other row *draws* on one lot or debt,
with the opposite sign, and never beyond what it has left (a trigger enforces
it). So "which rows did this redemption consume" is exact, an expiry only
expires what is left of a lot, and

    balance = what is left of the unexpired lots + what is left of the debts.

What is left of each lot and debt is kept in `lot_remaining` (schema 0004),
derived from the ledger by triggers in the same transaction, so the reads here
touch only the lots and debts with something left however long a customer's
history; `checks.lot_remaining` compares it with the ledger replayed.

Balances are computed, so they are right even before the expiry job writes
its rows; writers call `expire_customer` first so they only ever draw on
unexpired lots. Redemptions consume the earliest-expiring lots first,
never-expiring ones last."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

DRAW_KINDS = frozenset({"redeem", "expire", "adjust", "reversal", "merge"})
# Lots and debts with something left (`remaining != 0` is the partial index's own term, so SQLite uses it).
_OPEN = "lot_remaining r WHERE r.remaining != 0"
_OPEN_LOTS = "lot_remaining r JOIN ledger l ON l.id = r.lot_id WHERE r.remaining != 0"
_LOT_COLUMNS = "r.lot_id, l.kind, r.programme_id, r.remaining, r.expires_on, l.sale_id"
_ENTRY_COLUMNS = (
    "id, kind, programme_id, customer_id, quantity, sale_id, voucher_id, reward_id, redemption_id, expires_on,"
    " consumes, reason, staff_id, created_at, business_date"
)
_INSERT = f"INSERT INTO ledger ({_ENTRY_COLUMNS.removeprefix('id, ')}) VALUES ({', '.join('?' * 14)})"


@dataclass(frozen=True)
class Context:
    """When and by whom rows are written: one user action."""

    today: date  # the business date
    now: str  # UTC ISO timestamp
    staff_id: int | None = None
    currency: str = ""  # the shop's, for messages about store credit


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    programme_id: int
    customer_id: int
    quantity: int
    sale_id: int | None
    voucher_id: int | None
    reward_id: int | None
    redemption_id: int | None
    expires_on: date | None
    consumes: int | None
    reason: str
    staff_id: int | None
    created_at: str
    business_date: date


@dataclass(frozen=True)
class Lot:
    """A lot (remaining > 0) or a debt (remaining < 0) and what is left of it."""

    id: int
    kind: str
    programme_id: int
    remaining: int
    expires_on: date | None
    sale_id: int | None


def _row_to_entry(row: Sequence[Any]) -> Entry:
    values = list(row)
    values[9] = date.fromisoformat(values[9]) if values[9] else None
    values[14] = date.fromisoformat(values[14])
    return Entry(*values)


def _row_to_lot(row: Sequence[Any]) -> Lot:
    lot_id, kind, programme_id, remaining, expires_on, sale_id = row
    return Lot(lot_id, kind, programme_id, remaining, date.fromisoformat(expires_on) if expires_on else None, sale_id)


def insert_row(
    db: Database,
    ctx: Context,
    *,
    kind: str,
    programme_id: int,
    customer_id: int,
    quantity: int,
    sale_id: int | None = None,
    voucher_id: int | None = None,
    reward_id: int | None = None,
    redemption_id: int | None = None,
    expires_on: date | None = None,
    consumes: int | None = None,
    reason: str = "",
    business_date: date | None = None,
) -> int:
    """Append one row (inside the caller's transaction); returns its id."""
    cursor = db.execute(
        _INSERT,
        [
            kind,
            programme_id,
            customer_id,
            quantity,
            sale_id,
            voucher_id,
            reward_id,
            redemption_id,
            expires_on.isoformat() if expires_on else None,
            consumes,
            reason,
            ctx.staff_id,
            ctx.now,
            (business_date or ctx.today).isoformat(),
        ],
    )
    return cursor.lastrowid


def add_lot(
    db: Database,
    ctx: Context,
    *,
    kind: str,
    programme_id: int,
    customer_id: int,
    quantity: int,
    expires_on: date | None,
    **links: Any,
) -> int:
    """Write a lot of `quantity` > 0 units; any debt of the customer is paid from it first."""
    lot_id = insert_row(
        db, ctx, kind=kind, programme_id=programme_id, customer_id=customer_id, quantity=quantity,
        expires_on=expires_on, **links,
    )  # fmt: skip
    settle_debts(db, ctx, customer_id, programme_id)
    return lot_id


def open_lots(
    db: Database, customer_id: int, programme_id: int, today: date, *, sale_id: int | None = None
) -> list[Lot]:
    """Unexpired lots with something left, earliest-expiring first (never-expiring last)."""
    sql = (
        f"SELECT {_LOT_COLUMNS} FROM {_OPEN_LOTS} AND r.customer_id = ? AND r.programme_id = ? AND r.remaining > 0"
        " AND (r.expires_on IS NULL OR r.expires_on >= ?)"
    )
    params: list[Any] = [customer_id, programme_id, today.isoformat()]
    if sale_id is not None:
        sql += " AND l.sale_id = ?"
        params.append(sale_id)
    sql += " ORDER BY r.expires_on IS NULL, r.expires_on, r.lot_id"
    return [_row_to_lot(r) for r in db.execute(sql, params)]


def open_debts(db: Database, customer_id: int, programme_id: int | None = None) -> list[Lot]:
    """Debts not yet paid off, oldest first."""
    sql = f"SELECT {_LOT_COLUMNS} FROM {_OPEN_LOTS} AND r.customer_id = ? AND r.remaining < 0"
    params: list[Any] = [customer_id]
    if programme_id is not None:
        sql += " AND r.programme_id = ?"
        params.append(programme_id)
    return [_row_to_lot(r) for r in db.execute(sql + " ORDER BY r.lot_id", params)]


def draw(
    db: Database, ctx: Context, *, kind: str, lots: Sequence[Lot], quantity: int, customer_id: int, **links: Any
) -> int:
    """Take up to `quantity` units from `lots` in order, one row per lot drawn on; returns how many were taken."""
    taken = 0
    for lot in lots:
        part = min(lot.remaining, quantity - taken)
        if part <= 0:
            continue
        insert_row(
            db, ctx, kind=kind, programme_id=lot.programme_id, customer_id=customer_id, quantity=-part,
            consumes=lot.id, **links,
        )  # fmt: skip
        taken += part
        if taken == quantity:
            break
    return taken


def settle_debts(db: Database, ctx: Context, customer_id: int, programme_id: int) -> int:
    """Pay the customer's debts from their open lots: each payment is a pair of rows,
    one drawing on the lot and one paying off the debt, so the balance is unchanged."""
    debts = open_debts(db, customer_id, programme_id)
    if not debts:
        return 0
    paid = 0
    lots = open_lots(db, customer_id, programme_id, ctx.today)
    for debt in debts:
        owed = -debt.remaining
        for index, lot in enumerate(lots):
            part = min(owed, lot.remaining)
            if part <= 0:
                continue
            common = {"kind": debt.kind, "programme_id": programme_id, "customer_id": customer_id}
            insert_row(db, ctx, **common, quantity=-part, consumes=lot.id, sale_id=debt.sale_id)
            insert_row(db, ctx, **common, quantity=part, consumes=debt.id, sale_id=debt.sale_id)
            lots[index] = Lot(lot.id, lot.kind, lot.programme_id, lot.remaining - part, lot.expires_on, lot.sale_id)
            owed -= part
            paid += part
            if not owed:
                break
    return paid


def balances(db: Database, customer_id: int, today: date) -> dict[int, int]:
    """Programme id → balance on `today` (expired lots count for nothing, written off or not)."""
    rows = db.execute(
        f"SELECT r.programme_id, SUM(r.remaining) FROM {_OPEN} AND r.customer_id = ?"
        " AND (r.remaining < 0 OR r.expires_on IS NULL OR r.expires_on >= ?) GROUP BY r.programme_id",
        [customer_id, today.isoformat()],
    )
    return dict(rows)


def balance(db: Database, customer_id: int, programme_id: int, today: date) -> int:
    (total,) = db.execute(
        f"SELECT COALESCE(SUM(r.remaining), 0) FROM {_OPEN} AND r.customer_id = ? AND r.programme_id = ?"
        " AND (r.remaining < 0 OR r.expires_on IS NULL OR r.expires_on >= ?)",
        [customer_id, programme_id, today.isoformat()],
    ).fetchone()
    return total


def expiring(db: Database, customer_id: int, today: date, within_days: int = 30) -> dict[int, tuple[int, date]]:
    """Programme id → (units expiring within `within_days`, the first day they go)."""
    rows = db.execute(
        f"SELECT r.programme_id, SUM(r.remaining), MIN(r.expires_on) FROM {_OPEN} AND r.customer_id = ?"
        " AND r.remaining > 0 AND r.expires_on BETWEEN ? AND ? GROUP BY r.programme_id",
        [customer_id, today.isoformat(), (today + timedelta(days=within_days)).isoformat()],
    )
    return {pid: (total, date.fromisoformat(first)) for pid, total, first in rows}


def _expire_rows(db: Database, ctx: Context, rows: Sequence[Sequence[Any]]) -> int:
    count = 0
    for lot_id, programme_id, customer_id, remaining, expires_on in rows:
        if remaining <= 0:
            continue
        # Dated the day the lot expired, however late the expiry job runs.
        insert_row(
            db, ctx, kind="expire", programme_id=programme_id, customer_id=customer_id, quantity=-remaining,
            consumes=lot_id, business_date=date.fromisoformat(expires_on) + timedelta(days=1),
        )  # fmt: skip
        count += 1
    return count


def expire_customer(db: Database, ctx: Context, customer_id: int, programme_id: int | None = None) -> int:
    """Write expire rows for what is left of the customer's lots that expired before `ctx.today`."""
    sql = (
        f"SELECT r.lot_id, r.programme_id, r.customer_id, r.remaining, r.expires_on FROM {_OPEN}"
        " AND r.customer_id = ? AND r.remaining > 0 AND r.expires_on < ?"
    )
    params: list[Any] = [customer_id, ctx.today.isoformat()]
    if programme_id is not None:
        sql += " AND r.programme_id = ?"
        params.append(programme_id)
    return _expire_rows(db, ctx, db.execute(sql + " ORDER BY r.lot_id", params).fetchall())


def expire_due(db: Database, ctx: Context) -> int:
    """Write expire rows for every lot of every customer that expired before `ctx.today`."""
    rows = db.execute(
        "SELECT r.lot_id, r.programme_id, r.customer_id, r.remaining, r.expires_on FROM lot_remaining r"
        " WHERE r.remaining > 0 AND r.expires_on IS NOT NULL AND r.expires_on < ? ORDER BY r.lot_id",
        [ctx.today.isoformat()],
    ).fetchall()
    return _expire_rows(db, ctx, rows)


def entries(db: Database, customer_id: int, *, programme_id: int | None = None, limit: int = 200) -> list[Entry]:
    """A customer's ledger rows, newest first."""
    sql = f"SELECT {_ENTRY_COLUMNS} FROM ledger WHERE customer_id = ?"
    params: list[Any] = [customer_id]
    if programme_id is not None:
        sql += " AND programme_id = ?"
        params.append(programme_id)
    return [_row_to_entry(r) for r in db.execute(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])]


def entries_of_sale(db: Database, sale_id: int) -> list[Entry]:
    return [
        _row_to_entry(r)
        for r in db.execute(f"SELECT {_ENTRY_COLUMNS} FROM ledger WHERE sale_id = ? ORDER BY id", [sale_id])
    ]


# -- export (DESIGN §5: the first seven columns are a contract) ---------------
EXPORT_HEADER = (
    "entry_id",
    "customer_id",
    "programme",
    "kind",
    "quantity",
    "created_at",
    "expires_on",
    "unit",
    "business_date",
    "sale_id",
    "consumes",
    "reason",
    "staff_id",
)
EXPORT_SQL = (
    "SELECT l.id, l.customer_id, p.name, l.kind, l.quantity, l.created_at, l.expires_on, p.unit, l.business_date,"
    " l.sale_id, l.consumes, l.reason, l.staff_id FROM ledger l JOIN programmes p ON p.id = l.programme_id"
    " ORDER BY l.id"
)


def format_export_row(row: Sequence[Any], currency: str = "") -> list[str]:
    """One ledger row as CSV cells (quantity in units; credit in minor units of money)."""
    return ["" if value is None else str(value) for value in row]


def export_rows(db: Database) -> Iterator[list[str]]:
    """Every ledger row as CSV cells under `EXPORT_HEADER`, oldest first, streamed."""
    for row in db.execute(EXPORT_SQL):
        yield format_export_row(row)
