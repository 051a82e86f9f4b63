"""The summary tables of schema 0006 (customer_firsts, sales_days, ledger_days): kept in step by
triggers through sales, returns, voids, merges and expiry, filled by the migration, checked —
and the loyalty figures read from them equal a plain replay of the ledger."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from smallbiz_loyalty.core import summaries
from smallbiz_loyalty.core.checks import check_store
from smallbiz_loyalty.core.checks import summaries as summaries_check
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.demo import build_demo
from smallbiz_loyalty.core.loyalty_figures import liability, loyalty_figures
from smallbiz_loyalty.core.schema import MIGRATIONS
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def _firsts(shop: Shop) -> dict[int, str]:
    return dict(shop.db.execute("SELECT customer_id, first_purchase FROM customer_firsts").fetchall())


def _day(shop: Shop, day: str) -> tuple[int, int, int, int]:
    row = shop.db.execute(
        "SELECT revenue, sales, purchases, member_amount FROM sales_days WHERE business_date = ?", [day]
    ).fetchone()
    return tuple(row)


def test_a_day_of_sales_returns_and_a_void(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    day = date(2026, 10, 1)
    first = shop.record_sale(customer_id=sara.id, amount=5_000, at=_on(day))
    shop.record_sale(customer_id=None, amount=2_000, at=_on(day))  # a walk-in
    voided = shop.record_sale(customer_id=sara.id, amount=1_000, at=_on(day))
    shop.record_return(first.sale.id, amount=1_500, at=_on(day))
    # Revenue 5.000 + 2.000 + 1.000 − 1.500; three sales, two of them Sara's purchases.
    assert _day(shop, "2026-10-01") == (6_500, 3, 2, 4_500)
    shop.void_sale(voided.sale.id, reason="wrong amount", at=_on(day))
    assert _day(shop, "2026-10-01") == (5_500, 2, 1, 3_500)
    assert summaries.differences(shop.db) == {}


def test_first_purchases_follow_earlier_sales_voids_and_merges(shop: Shop) -> None:
    sara, omar = make_customer(shop, "Sara"), make_customer(shop, "Omar")
    august = shop.record_sale(customer_id=sara.id, amount=1_000, at=_on(date(2026, 8, 3)))
    shop.record_sale(customer_id=sara.id, amount=1_000, at=_on(date(2026, 9, 9)))
    shop.record_sale(customer_id=omar.id, amount=1_000, at=_on(date(2026, 7, 20)))
    assert _firsts(shop) == {sara.id: "2026-08-03", omar.id: "2026-07-20"}

    shop.void_sale(august.sale.id, reason="test", at=_on(date(2026, 9, 10)))  # her first purchase is now September's
    assert _firsts(shop)[sara.id] == "2026-09-09"

    shop.merge_customers(sara.id, omar.id)  # Omar's July purchase is Sara's now
    assert _firsts(shop) == {sara.id: "2026-07-20"}
    assert summaries.differences(shop.db) == {}


def test_a_draw_on_a_lapsed_lot_keeps_that_lots_last_day_and_date(shop: Shop) -> None:
    points = shop.create_programme(
        name="Points", unit="points", rate_quantity=1, rate_per=1000, expiry_kind="end_of_month", value_per_unit=10
    )
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=30_000, at=_on(date(2026, 8, 2)))
    shop.record_sale(customer_id=sara.id, amount=40_000, at=_on(date(2026, 10, 2)))  # August's 30 expire on the way
    rows = shop.db.execute(
        "SELECT business_date, kind, lot, positive, lapsed_on, lapsed_lot_date, quantity FROM ledger_days"
        " WHERE programme_id = ? ORDER BY business_date, kind",
        [points.id],
    ).fetchall()
    assert rows == [
        ("2026-08-02", "earn", 1, 1, "", "", 30),
        ("2026-09-01", "expire", 0, 0, "2026-08-31", "2026-08-02", -30),  # dated the day after the last day
        ("2026-10-02", "earn", 1, 1, "", "", 40),
    ]
    # Worth 10 fils a point: 30 held through August, nothing in September, 40 from 2 October.
    assert [liability(shop.db, date(2026, m, d)) for m, d in ((8, 31), (9, 1), (9, 30), (10, 3))] == [300, 0, 0, 400]


def test_an_out_of_step_summary_is_reported(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=1_000, at=_on(date(2026, 10, 1)))
    shop.db.execute("UPDATE sales_days SET revenue = revenue + 1")
    assert [p.message for p in summaries_check(shop.db)] == [
        "The summary table sales_days is out of step with the data (2 rows)."
    ]


# -- against a plain replay, over a whole demo shop ---------------------------------------------
@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    shop = Shop.open(path, clock=fixed_clock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC)))
    build_demo(shop, customers=120, months=14, seed=11)
    return shop


def _replayed_liability(shop: Shop, end: date) -> int:
    """Every positive lot dated before `end` and still in date then, with what was drawn from it before `end`."""
    value = dict(shop.db.execute("SELECT id, value_per_unit FROM programmes").fetchall())
    rows = shop.db.execute(
        "SELECT id, programme_id, quantity, consumes, business_date, expires_on FROM ledger ORDER BY id"
    ).fetchall()
    drawn: dict[int, int] = defaultdict(int)
    for _id, _p, quantity, consumes, day, _e in rows:
        if consumes is not None and day < end.isoformat():
            drawn[consumes] += quantity
    total = 0
    for lot_id, programme, quantity, consumes, day, expires in rows:
        if (
            consumes is None
            and quantity > 0
            and day < end.isoformat()
            and (expires is None or expires >= end.isoformat())
        ):
            total += (quantity + drawn[lot_id]) * value[programme]
    return total


def test_the_liability_on_any_day_equals_the_ledger_replayed(demo_shop: Shop) -> None:
    days = [date(2025, 10, 1) + timedelta(days=n) for n in range(0, 420, 9)]
    found = [liability(demo_shop.db, day) for day in days]
    assert found == [_replayed_liability(demo_shop, day) for day in days]
    assert max(found) > 0  # the demo's points are worth something


def test_the_months_units_equal_the_ledger_added_up(demo_shop: Shop) -> None:
    start, end = date(2026, 9, 1), date(2026, 10, 1)
    rows = demo_shop.db.execute(
        "SELECT p.unit, l.kind, l.quantity, l.consumes FROM ledger l JOIN programmes p ON p.id = l.programme_id"
        " WHERE l.business_date >= ? AND l.business_date < ?",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    figures = loyalty_figures(demo_shop.db, start, end)
    issued = sum(
        q for unit, kind, q, c in rows
        if unit == "points" and (kind in ("earn", "birthday", "referral") or (kind == "adjust" and q > 0 and c is None))
    )  # fmt: skip
    assert figures["points_issued"] == issued > 0
    assert figures["points_expired"] == -sum(q for unit, kind, q, _c in rows if unit == "points" and kind == "expire")
    assert figures["stamps_redeemed"] == -sum(q for unit, kind, q, _c in rows if unit == "stamps" and kind == "redeem")


def test_the_migration_fills_them_from_the_data_as_it_stands(demo_shop: Shop, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    demo_shop.db.execute("VACUUM INTO ?", [str(copy)])
    with Shop.open(copy) as shop:
        before = {
            table: shop.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in summaries.EXPECTED
        }
        # Back to schema 0005: the summaries, their triggers and indexes gone …
        for trigger in summaries.TRIGGERS:
            shop.db.execute(f"DROP TRIGGER {trigger}")
        for table in summaries.EXPECTED:
            shop.db.execute(f"DROP TABLE {table}")
        for index in ("customers_members_since", "birthday_gifts_day", "lot_remaining_open"):
            shop.db.execute(f"DROP INDEX {index}")
        # … and the two indexes as schema 0005 left them.
        shop.db.execute("CREATE INDEX ledger_date ON ledger(business_date)")
        shop.db.execute(
            "CREATE INDEX lot_remaining_open ON lot_remaining(customer_id, programme_id) WHERE remaining != 0"
        )
        shop.db.execute(f"DELETE FROM {MIGRATIONS.migrations_table} WHERE name = '0006_summaries'")
        MIGRATIONS.apply(shop.db)
        after = {
            table: shop.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in summaries.EXPECTED
        }
        assert after == before
        assert check_store(shop.db) == []
