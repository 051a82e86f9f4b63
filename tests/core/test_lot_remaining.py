"""What is left of each lot (schema 0004's `lot_remaining`): kept in step with the
append-only ledger, filled from it by the migration, and checked against it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from smallbiz_loyalty.core.checks import check_store, lot_remaining
from smallbiz_loyalty.core.schema import MIGRATIONS
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

REPLAYED = (
    "SELECT l.id, l.quantity + COALESCE((SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = l.id), 0)"
    " FROM ledger l WHERE l.consumes IS NULL ORDER BY l.id"
)


def _stored(shop: Shop) -> list[tuple[int, int]]:
    return shop.db.execute("SELECT lot_id, remaining FROM lot_remaining ORDER BY lot_id").fetchall()


def _on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def _history(shop: Shop) -> int:
    """Sara earns 30 points in August (they expire at its end) and 40 in October, then redeems 25; returns her id."""
    points = shop.create_programme(
        name="Points", unit="points", rate_quantity=1, rate_per=1000, expiry_kind="end_of_month"
    )
    shop.add_reward(points.id, name="1 KWD off", cost=25, kind="fixed_discount", value=1000)
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=30_000, at=_on(date(2026, 8, 2)))
    shop.record_sale(customer_id=sara.id, amount=40_000, at=_on(date(2026, 10, 2)))
    shop.redeem(sara.id, "1 KWD off")
    return sara.id


def test_what_is_left_follows_every_draw_and_expiry(shop: Shop) -> None:
    sara = _history(shop)
    # August's 30 were written off when she came back in October; the 25 came out of October's 40.
    points = "SELECT l.id, r.remaining FROM ledger l JOIN lot_remaining r ON r.lot_id = l.id JOIN programmes p"
    stored = shop.db.execute(f"{points} ON p.id = l.programme_id WHERE p.name = 'Points' ORDER BY l.id").fetchall()
    assert [left for _lot, left in stored] == [0, 15]
    assert _stored(shop) == shop.db.execute(REPLAYED).fetchall()
    balances = {p.programme.name: p.balance for p in shop.customer_status(sara).programmes}
    assert balances["Points"] == 15
    assert check_store(shop.db) == []


def test_a_wrong_stored_remainder_is_reported(shop: Shop) -> None:
    _history(shop)
    (lot_id,) = shop.db.execute("SELECT MAX(lot_id) FROM lot_remaining").fetchone()
    shop.db.execute("UPDATE lot_remaining SET remaining = remaining + 1 WHERE lot_id = ?", [lot_id])
    problems = lot_remaining(shop.db)
    assert [p.message for p in problems] == [
        f"What is stored as left of ledger row {lot_id} does not match the ledger."
    ]


def test_the_migration_fills_it_from_the_ledger_as_it_stands(shop: Shop) -> None:
    _history(shop)
    before = _stored(shop)
    # Take the store back to schema 0003 (the table, its triggers and the index gone), then migrate again.
    for statement in (
        "DROP TRIGGER ledger_lot_opened",
        "DROP TRIGGER ledger_lot_drawn",
        "DROP TRIGGER lot_remaining_no_delete",
        "DROP TABLE lot_remaining",
        "DROP INDEX sales_qualifying_spend",
        f"DELETE FROM {MIGRATIONS.migrations_table} WHERE name = '0004_lot_remaining'",
    ):
        shop.db.execute(statement)
    MIGRATIONS.apply(shop.db)
    assert _stored(shop) == before
    assert check_store(shop.db) == []


def test_balances_and_spend_read_the_small_indexes(shop: Shop) -> None:
    def plan(sql: str) -> str:
        return " ".join(str(row) for row in shop.db.execute("EXPLAIN QUERY PLAN " + sql))

    assert "lot_remaining_open" in plan(
        "SELECT SUM(r.remaining) FROM lot_remaining r WHERE r.remaining != 0 AND r.customer_id = 1"
        " AND r.programme_id = 1"
    )
    assert "COVERING INDEX sales_qualifying_spend" in plan(
        "SELECT COALESCE(SUM(amount), 0) FROM sales WHERE customer_id = 1"
        " AND business_date BETWEEN '2025-10-16' AND '2026-10-15' AND voided_at IS NULL"
    )
