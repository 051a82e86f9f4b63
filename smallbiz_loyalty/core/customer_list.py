"""Read queries behind the customers table: how many, and which ids in what order.

A table over 100 000 customers holds only their ids (a few hundred kilobytes)
and asks for whole rows a block at a time with `customers.customers_by_ids`, so
it opens at once and scrolls smoothly. Erased and merged customers never appear."""

from __future__ import annotations

from sqlite_utils import Database

# Sort keys a list can be ordered by → their SQL; `id` breaks ties so the order is stable.
ORDERS: dict[str, str] = {
    "name": "name_key, id",
    "phone": "phone IS NULL, phone, id",
    "card_code": "card_code, id",
    "birthday": "birth_month IS NULL, birth_month, birth_day, id",
    "created": "created_at, id",
}
_ACTIVE = "erased_at IS NULL AND merged_into IS NULL"


def count_customers(db: Database) -> int:
    """How many customers the shop has (erased and merged ones not counted)."""
    return db.execute(f"SELECT count(*) FROM customers WHERE {_ACTIVE}").fetchone()[0]


def list_customer_ids(db: Database, *, order: str = "name", descending: bool = False) -> list[int]:
    """The ids of every active customer, sorted by `order` (one of `ORDERS`)."""
    if order not in ORDERS:
        raise ValueError(f"unknown customer order {order!r}; expected one of {sorted(ORDERS)}")
    terms = ORDERS[order]
    if descending:
        terms = ", ".join(f"{term} DESC" for term in terms.split(", "))
    return [row[0] for row in db.execute(f"SELECT id FROM customers WHERE {_ACTIVE} ORDER BY {terms}")]
