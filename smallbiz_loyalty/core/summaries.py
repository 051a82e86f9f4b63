"""The summary tables of schema 0006 — `customer_firsts`, `sales_days`, `ledger_days` — and
what each should hold, read from the base tables.

Triggers keep them in step with every write (schema.m0006_summaries); `check` compares them
with what is stored here (`differences`). A bulk load drops those triggers while it writes
(`drop_triggers`) and fills the tables itself (core/bulk_load.py)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

# table → (its columns, the SELECT giving what it should hold)
EXPECTED: dict[str, tuple[str, str]] = {
    "customer_firsts": (
        "customer_id, first_purchase",
        "SELECT customer_id, MIN(business_date) FROM sales INDEXED BY sales_purchases_by_customer"
        " WHERE kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL GROUP BY customer_id",
    ),
    "sales_days": (
        "business_date, revenue, sales, purchases, member_amount",
        "SELECT business_date, SUM(CASE WHEN voided_at IS NULL THEN amount ELSE 0 END),"
        " SUM(voided_at IS NULL AND kind = 'sale'),"
        " SUM(voided_at IS NULL AND kind = 'sale' AND customer_id IS NOT NULL),"
        " SUM(CASE WHEN voided_at IS NULL AND customer_id IS NOT NULL THEN amount ELSE 0 END)"
        " FROM sales GROUP BY business_date",
    ),
    "ledger_days": (
        "business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date, quantity, entries",
        "SELECT d.business_date, d.programme_id, d.kind, d.consumes IS NULL, d.quantity > 0,"
        " COALESCE(lapsed.expires_on, ''), COALESCE(lapsed.business_date, ''), SUM(d.quantity), COUNT(*)"
        " FROM ledger d LEFT JOIN ledger AS lapsed ON lapsed.id = d.consumes AND lapsed.expires_on < d.business_date"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7",
    ),
}

# The triggers that keep them, by name (their SQL is read back from the store).
TRIGGERS = (
    "sales_first_purchase",
    "sales_first_purchase_changed",
    "sales_day_added",
    "sales_day_changed",
    "ledger_day_added",
)


def differences(db: Database) -> dict[str, int]:
    """For each summary table that is out of step, how many rows differ (stored or expected)."""
    found = {}
    for table, (columns, expected) in EXPECTED.items():
        # The expected rows once (materialized), compared both ways.
        (count,) = db.execute(
            f"WITH expected AS MATERIALIZED ({expected}), stored AS (SELECT {columns} FROM {table})"
            " SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM stored"
            " UNION ALL SELECT * FROM (SELECT * FROM stored EXCEPT SELECT * FROM expected))"
        ).fetchone()
        if count:
            found[table] = count
    return found


def drop_triggers(conn: sqlite3.Connection) -> list[str]:
    """Drop the summaries' triggers (for a bulk load); returns their SQL to create them again."""
    marks = ", ".join("?" * len(TRIGGERS))
    found = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", TRIGGERS)
    kept = []
    for name, sql in found.fetchall():
        conn.execute(f"DROP TRIGGER {name}")
        kept.append(sql)
    return kept
