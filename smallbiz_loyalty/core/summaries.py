"""The summary tables of schema 0006 — `customer_firsts`, `sales_days`, `ledger_days` — and
what each should hold, read from the base tables.

Triggers keep them in step with every write (schema.m0006_summaries); `check` compares them
with what is stored here (`differences`). A bulk load drops those triggers while it writes
(`drop_triggers`) and fills the tables itself (core/bulk_load.py)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class _Summary:
    """How one summary table is read from its base rows: `SELECT {select} FROM {source}
    [WHERE {where}] GROUP BY {group}`, the base table's rows under the alias `b`; `{hint}` in
    `source` is where an INDEXED BY / NOT INDEXED goes."""

    columns: str  # the summary table's columns, in `select`'s order
    key: str  # its primary key
    select: str
    source: str
    where: str
    group: str

    def rows(self, *, hint: str = "", where: str = "") -> str:
        conditions = " AND ".join(c for c in (self.where, where) if c)
        return (
            f"SELECT {self.select} FROM {self.source.format(hint=hint)}"
            f"{' WHERE ' + conditions if conditions else ''} GROUP BY {self.group}"
        )


_SUMMARIES: dict[str, _Summary] = {
    "customer_firsts": _Summary(
        columns="customer_id, first_purchase",
        key="customer_id",
        select="b.customer_id, MIN(b.business_date)",
        source="sales AS b {hint}",
        where="b.kind = 'sale' AND b.voided_at IS NULL AND b.customer_id IS NOT NULL",
        group="b.customer_id",
    ),
    "sales_days": _Summary(
        columns="business_date, revenue, sales, purchases, member_amount",
        key="business_date",
        select="b.business_date, SUM(CASE WHEN b.voided_at IS NULL THEN b.amount ELSE 0 END),"
        " SUM(b.voided_at IS NULL AND b.kind = 'sale'),"
        " SUM(b.voided_at IS NULL AND b.kind = 'sale' AND b.customer_id IS NOT NULL),"
        " SUM(CASE WHEN b.voided_at IS NULL AND b.customer_id IS NOT NULL THEN b.amount ELSE 0 END)",
        source="sales AS b {hint}",
        where="",
        group="b.business_date",
    ),
    "ledger_days": _Summary(
        columns="business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date, quantity, entries",
        key="business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date",
        select="b.business_date, b.programme_id, b.kind, b.consumes IS NULL, b.quantity > 0,"
        " COALESCE(lapsed.expires_on, ''), COALESCE(lapsed.business_date, ''), SUM(b.quantity), COUNT(*)",
        source="ledger AS b {hint} LEFT JOIN ledger AS lapsed"
        " ON lapsed.id = b.consumes AND lapsed.expires_on < b.business_date",
        where="",
        group="1, 2, 3, 4, 5, 6, 7",
    ),
}

# table → (its columns, the SELECT giving what it should hold)
EXPECTED: dict[str, tuple[str, str]] = {
    "customer_firsts": (
        _SUMMARIES["customer_firsts"].columns,
        _SUMMARIES["customer_firsts"].rows(hint="INDEXED BY sales_purchases_by_customer"),
    ),
    "sales_days": (_SUMMARIES["sales_days"].columns, _SUMMARIES["sales_days"].rows()),
    "ledger_days": (_SUMMARIES["ledger_days"].columns, _SUMMARIES["ledger_days"].rows()),
}


def add_rows_after(table: str, parameter: str) -> str:
    """SQL adding to `table` what the base rows with an id above `:parameter` contribute — what
    its insert trigger would have added for them, for a load that writes with triggers off.
    NOT INDEXED: it reads only the rows after the id, never a whole index for the GROUP BY."""
    summary = _SUMMARIES[table]
    key = {column.strip() for column in summary.key.split(",")}
    sums = ", ".join(
        f"{c} = {c} + excluded.{c}" for c in (c.strip() for c in summary.columns.split(",")) if c not in key
    )
    return (
        f"INSERT INTO {table} ({summary.columns}) {summary.rows(hint='NOT INDEXED', where=f'b.id > :{parameter}')}"
        f" ON CONFLICT ({summary.key}) DO UPDATE SET {sums}"
    )


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
