"""Tests of core/bulk.py and core/bulk_load.py: the benchmarks' fast shop builder, which
simulates in a child process while this one writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smallbiz_loyalty.core import bulk_load
from smallbiz_loyalty.core.bulk import build_bulk_shop
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.shop import Shop

NOW = datetime(2026, 10, 15, 9, 30, tzinfo=UTC)
TABLES = ("customers", "sales", "ledger", "sale_earnings", "redemptions", "vouchers", "feedback", "customer_tiers")
# Every table the build writes or derives (the ones Shop.open fills stamp the real clock, not the shop's).
ALL_TABLES = (*TABLES, "referral_bonuses", "birthday_gifts", "audit_log", "lot_remaining", "customer_firsts",
              "sales_days", "ledger_days", "settings")  # fmt: skip


def build(path: Path, *, customers: int = 40, months: int = 14, seed: int = 3, parallel: bool = True) -> dict[str, int]:
    with Shop.open(path, clock=fixed_clock(NOW)) as shop:
        return build_bulk_shop(shop, customers=customers, months=months, seed=seed, parallel=parallel)


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


def test_the_shop_is_the_same_whether_simulated_in_a_child_process_or_not(tmp_path: Path) -> None:
    counts = [
        build(tmp_path / f"{name}.db", customers=25, months=6, seed=4, parallel=parallel)
        for name, parallel in (("child", True), ("here", False))
    ]
    assert counts[0] == counts[1]
    for table in ALL_TABLES:
        assert rows(tmp_path / "child.db", table) == rows(tmp_path / "here.db", table), table


def test_the_counts_returned_are_the_rows_stored(tmp_path: Path) -> None:
    counts = build(tmp_path / "shop.db", customers=15, months=3)
    assert counts == {table: len(rows(tmp_path / "shop.db", table)) for table in counts}


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
    """Every index and trigger dropped for the load is back, and the file is in WAL mode."""
    schema = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
    with Shop.open(tmp_path / "fresh.db") as fresh:
        expected = set(fresh.db.execute(schema).fetchall())
    conn = sqlite3.connect(built)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert set(conn.execute(schema).fetchall()) == expected
    conn.close()


def _emit_three(start: int, emit: Callable[[object], None]) -> None:
    for number in range(start, start + 3):
        emit(("number", number))


def _fail_after_one(emit: Callable[[object], None]) -> None:
    emit(("number", 1))
    raise ValueError("the plan cannot be simulated")


def test_a_child_process_hands_over_its_messages_in_order() -> None:
    taken: list[object] = []
    bulk_load.produce(_emit_three, (7,), taken.append)
    assert taken == [("number", 7), ("number", 8), ("number", 9)]


def test_an_error_in_the_child_process_is_raised_with_its_traceback() -> None:
    taken: list[object] = []
    with pytest.raises(RuntimeError, match="the plan cannot be simulated"):
        bulk_load.produce(_fail_after_one, (), taken.append)
    assert taken == [("number", 1)]


def test_an_error_while_writing_stops_the_child_process() -> None:
    def refuse(message: object) -> None:
        raise sqlite3.OperationalError("disk full")

    with pytest.raises(sqlite3.OperationalError, match="disk full"):
        bulk_load.produce(_emit_three, (1,), refuse)


def test_a_shop_that_has_customers_is_refused_and_left_alone(tmp_path: Path) -> None:
    build(tmp_path / "shop.db", customers=5, months=1)
    before = rows(tmp_path / "shop.db", "sales")
    with pytest.raises(RuleViolation, match="already holds customers or sales"):
        build(tmp_path / "shop.db", customers=5, months=1)
    assert rows(tmp_path / "shop.db", "sales") == before
