"""Tests of core/bulk.py (the benchmarks' fast shop builder). They belong in
tests/core/test_bulk.py; they live here until the lead moves them (the bench task
owns only bench/ and core/bulk.py). Run: .venv/bin/pytest -q -p no:cacheprovider bench/test_bulk.py"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smallbiz_loyalty.core.bulk import build_bulk_shop
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.shop import Shop

NOW = datetime(2026, 10, 15, 9, 30, tzinfo=UTC)
TABLES = ("customers", "sales", "ledger", "sale_earnings", "redemptions", "vouchers", "feedback", "customer_tiers")


def build(path: Path, *, customers: int = 40, months: int = 14, seed: int = 3) -> dict[str, int]:
    with Shop.open(path, clock=fixed_clock(NOW)) as shop:
        return build_bulk_shop(shop, customers=customers, months=months, seed=seed)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One bulk shop (40 customers, 14 months) shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("bulk") / "shop.db"
    build(path)
    return path


def rows(path: Path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def test_a_bulk_shop_passes_every_check_of_the_store(built: Path) -> None:
    with Shop.open(built, clock=fixed_clock(NOW)) as shop:
        assert shop.check() == []
    assert len(rows(built, "customers")) == 40
    # Every kind of row a real shop has: sales, the ledger's lots and draws, answers, vouchers.
    assert all(rows(built, table) for table in ("sales", "ledger", "sale_earnings", "feedback", "vouchers"))


def test_the_same_seed_gives_the_same_shop_and_another_seed_another(tmp_path: Path) -> None:
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        build(tmp_path / f"{name}.db", customers=15, months=3, seed=seed)
    for table in TABLES:
        assert rows(tmp_path / "a.db", table) == rows(tmp_path / "b.db", table), table
    assert rows(tmp_path / "a.db", "sales") != rows(tmp_path / "c.db", "sales")


def test_every_sale_earns_by_the_programmes_rules(built: Path) -> None:
    """A stamp per visit; a point per 1.000 KWD, times the tier's multiplier (100, 125 or 150 %)."""
    with Shop.open(built, clock=fixed_clock(NOW)) as shop:
        coffee, points = (p.id for p in shop.programmes())
        earned = shop.db.execute(
            "SELECT s.amount, e.programme_id, e.visit_units, e.amount_units FROM sales s"
            " JOIN sale_earnings e ON e.sale_id = s.id WHERE s.customer_id IS NOT NULL"
        ).fetchall()
        (known_sales,) = shop.db.execute(
            "SELECT COUNT(*) FROM sales WHERE customer_id IS NOT NULL AND kind = 'sale'"
        ).fetchone()
    stamps = [(visit, by_amount) for _amount, pid, visit, by_amount in earned if pid == coffee]
    assert len(stamps) == known_sales
    assert set(stamps) == {(1, 0)}
    for amount, pid, _visit, by_amount in earned:
        if pid == points:
            assert by_amount in {amount * percent // 100_000 for percent in (100, 125, 150)}


def test_no_unit_is_used_after_its_last_day(built: Path) -> None:
    """Redemptions, corrections and returns draw only on lots still valid that day; expiries come after it."""
    with sqlite3.connect(built) as conn:
        late = conn.execute(
            "SELECT COUNT(*) FROM ledger d JOIN ledger l ON l.id = d.consumes WHERE d.kind != 'expire'"
            " AND l.expires_on IS NOT NULL AND d.business_date > l.expires_on"
        ).fetchone()[0]
        expiries = conn.execute("SELECT COUNT(*) FROM ledger WHERE kind = 'expire'").fetchone()[0]
    assert late == 0
    assert expiries > 0


def test_the_counter_carries_on_where_the_bulk_build_stopped(tmp_path: Path) -> None:
    build(tmp_path / "shop.db", customers=15, months=3)
    with Shop.open(tmp_path / "shop.db", clock=fixed_clock(NOW)) as shop:
        (customer_id,) = shop.db.execute("SELECT id FROM customers ORDER BY id LIMIT 1").fetchone()
        before = shop.customer_status(customer_id).programmes[0].balance
        shop.record_sale(customer_id=customer_id, amount=1750, category="coffee")
        assert shop.customer_status(customer_id).programmes[0].balance == before + 1  # one stamp per visit
        assert shop.check() == []


def test_the_store_is_left_as_the_app_opens_it(built: Path, tmp_path: Path) -> None:
    with Shop.open(tmp_path / "fresh.db") as fresh:
        indexes = set(fresh.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
    conn = sqlite3.connect(built)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert set(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall()) == indexes
    conn.close()


def test_a_shop_that_has_customers_is_refused_and_left_alone(tmp_path: Path) -> None:
    build(tmp_path / "shop.db", customers=5, months=1)
    before = rows(tmp_path / "shop.db", "sales")
    with pytest.raises(RuleViolation, match="already holds customers or sales"):
        build(tmp_path / "shop.db", customers=5, months=1)
    assert rows(tmp_path / "shop.db", "sales") == before
