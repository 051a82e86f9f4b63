"""Sales, returns and voids. Every sale carries an idempotency key: sending the
same sale twice (a double click, an offline retry) records it once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.errors import InvalidInput, NotFound, RuleViolation
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.money import MAX_MAJOR_UNITS, currency_decimals, format_money
from smallbiz_loyalty.core.text import clean_text, shown

CATEGORY_MAX = 40
KEY_MAX = 100
SQLITE_INT_MAX = 2**63 - 1  # the largest id SQLite can hold
# The most decimals a currency has (Babel: CLF and UYW have 4): the cap on an
# amount whose currency is not given still keeps it far below SQLite's limit.
MOST_DECIMALS = 4
_COLUMNS = (
    "id, key, kind, customer_id, amount, category, business_date, created_at, staff_id, original_sale_id,"
    " voided_at, void_reason"
)


@dataclass(frozen=True)
class Sale:
    id: int
    key: str
    kind: str  # "sale" | "return"
    customer_id: int | None
    amount: int  # minor units; negative for a return
    category: str | None
    business_date: date
    created_at: str
    staff_id: int | None
    original_sale_id: int | None
    voided_at: str | None
    void_reason: str | None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


def _row_to_sale(row: tuple[Any, ...]) -> Sale:
    values = list(row)
    values[6] = date.fromisoformat(values[6])
    return Sale(*values)


def new_key() -> str:
    return uuid.uuid4().hex


def check_key(key: object) -> str:
    if key is None or (isinstance(key, str) and not key.strip()):
        return new_key()
    return clean_text(key, field="key", label=_("The sale key"), max_length=KEY_MAX, required=True)


def check_category(category: object) -> str | None:
    text = clean_text(category, field="category", label=_("The category"), max_length=CATEGORY_MAX)
    return text or None


def check_amount(amount: object, currency: str | None = None) -> int:
    """A sale amount in minor units: an int (never a bool or a float) above zero and at
    most `MAX_MAJOR_UNITS` major units of `currency` (of any currency when not given)."""
    check_minor_units(amount)
    if amount <= 0:
        raise InvalidInput("amount", _("The amount must be more than zero."))
    decimals = currency_decimals(currency) if currency else MOST_DECIMALS
    if amount > MAX_MAJOR_UNITS * 10**decimals:
        raise InvalidInput("amount", _("That amount is too large; please check it."))
    return amount


def check_minor_units(amount: object) -> int:
    """`amount` if it is an int; money is int minor units, so 1.5 (stored as REAL money),
    "12" and True (a 1-unit sale) are refused in one sentence."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise InvalidInput(
            "amount", _("The amount must be a whole number of the currency's smallest unit (such as fils or cents).")
        )
    return amount


def get_sale(db: Database, sale_id: int) -> Sale:
    if isinstance(sale_id, int) and not 0 < sale_id <= SQLITE_INT_MAX:  # SQLite would raise OverflowError
        raise NotFound(_("There is no sale number {id}.", id=shown(sale_id)))
    row = db.execute(f"SELECT {_COLUMNS} FROM sales WHERE id = ?", [sale_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no sale number {id}.", id=sale_id))
    return _row_to_sale(row)


def sale_by_key(db: Database, key: str) -> Sale | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM sales WHERE key = ?", [key]).fetchone()
    return _row_to_sale(row) if row else None


def insert_sale(
    db: Database,
    *,
    key: str,
    customer_id: int | None,
    amount: int,
    category: str | None,
    business_date: date,
    now: str,
    staff_id: int | None,
    currency: str | None = None,
) -> Sale:
    """Write one sale row (inside the caller's transaction; the key is new).
    `amount` is checked by `check_amount` against `currency` (when given)."""
    amount = check_amount(amount, currency)
    cursor = db.execute(
        "INSERT INTO sales (key, kind, customer_id, amount, category, business_date, created_at, staff_id)"
        " VALUES (?, 'sale', ?, ?, ?, ?, ?, ?)",
        [key, customer_id, amount, category, business_date.isoformat(), now, staff_id],
    )
    # The row just written, without reading it back (a sale is the counter's hottest write).
    return Sale(
        cursor.lastrowid, key, "sale", customer_id, amount, category, business_date, now, staff_id, None, None, None
    )


def returned_so_far(db: Database, sale_id: int) -> int:
    """How much of a sale has been returned already (minor units, positive)."""
    (total,) = db.execute(
        "SELECT -COALESCE(SUM(amount), 0) FROM sales WHERE original_sale_id = ? AND voided_at IS NULL", [sale_id]
    ).fetchone()
    return total


def insert_return(
    db: Database,
    *,
    key: str,
    original: Sale,
    amount: int | None,
    business_date: date,
    now: str,
    staff_id: int | None,
    currency: str,
) -> Sale:
    """Write a full (amount None) or partial return of `original`."""
    if amount is not None:
        check_minor_units(amount)  # a larger amount than was sold is refused below
    if original.kind != "sale":
        raise RuleViolation(_("A return cannot itself be returned."))
    if original.voided:
        raise RuleViolation(_("Sale {id} was voided, so nothing can be returned from it.", id=original.id))
    left = original.amount - returned_so_far(db, original.id)
    if amount is None:
        amount = left
    if amount <= 0 and left <= 0:
        raise RuleViolation(_("Sale {id} has already been returned in full.", id=original.id))
    if amount <= 0:
        raise InvalidInput("amount", _("The amount must be more than zero."))
    if amount > left:
        raise RuleViolation(
            _(
                "Only {left} of sale {id} is left to return.",
                left=format_money(left, currency, babel_locale()),
                id=original.id,
            )
        )
    cursor = db.execute(
        "INSERT INTO sales (key, kind, customer_id, amount, category, business_date, created_at, staff_id,"
        " original_sale_id) VALUES (?, 'return', ?, ?, ?, ?, ?, ?, ?)",
        [key, original.customer_id, -amount, original.category, business_date.isoformat(), now, staff_id, original.id],
    )
    return get_sale(db, cursor.lastrowid)


def mark_void(db: Database, sale: Sale, *, reason: str, now: str, staff_id: int | None) -> Sale:
    """Void a sale entered by mistake (inside the caller's transaction)."""
    if sale.voided:
        raise RuleViolation(_("Sale {id} is already voided.", id=sale.id))
    if sale.kind == "sale" and returned_so_far(db, sale.id):
        raise RuleViolation(_("Sale {id} already has returns; return the rest instead of voiding it.", id=sale.id))
    db.execute(
        "UPDATE sales SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
        [now, staff_id, reason, sale.id],
    )
    return get_sale(db, sale.id)


def sales_of_customer(db: Database, customer_id: int, *, limit: int = 200) -> list[Sale]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM sales WHERE customer_id = ? ORDER BY business_date DESC, id DESC LIMIT ?",
        [customer_id, limit],
    )
    return [_row_to_sale(r) for r in rows]
