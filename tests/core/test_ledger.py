"""The ledger: earliest-expiring first, expiry of what is left, append-only, checks, export."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.checks import check_store
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.errors import InvalidInput, PermissionDenied, RuleViolation
from smallbiz_loyalty.core.loyalty_figures import liability, loyalty_figures
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _points(shop: Shop, **rules: object) -> Programme:
    """1 point per 1.000 KWD, a reward at 25 points."""
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000, **rules)
    shop.add_reward(points.id, name="1 KWD off", cost=25, kind="fixed_discount", value=1000)
    return points


def _on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def _rows(shop: Shop, kind: str) -> list[tuple[int, int | None]]:
    return shop.db.execute("SELECT quantity, consumes FROM ledger WHERE kind = ? ORDER BY id", [kind]).fetchall()


def _lot(shop: Shop, sale_id: int, programme_id: int) -> int:
    return shop.db.execute(
        "SELECT id FROM ledger WHERE kind = 'earn' AND sale_id = ? AND programme_id = ?", [sale_id, programme_id]
    ).fetchone()[0]


def test_redeeming_takes_the_earliest_expiring_points_first_and_says_which(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    forever = shop.record_sale(customer_id=sara.id, amount=10_000, at=_on(date(2026, 9, 1))).sale  # never expires
    shop.update_programme(points.id, expiry_kind="days", expiry_days=60)
    late = shop.record_sale(customer_id=sara.id, amount=10_000, at=_on(date(2026, 10, 10))).sale  # to 9 December
    early = shop.record_sale(customer_id=sara.id, amount=10_000, at=_on(date(2026, 9, 20))).sale  # to 19 November

    shop.redeem(sara.id, "1 KWD off")

    assert _rows(shop, "redeem") == [
        (-10, _lot(shop, early.id, points.id)),
        (-10, _lot(shop, late.id, points.id)),
        (-5, _lot(shop, forever.id, points.id)),
    ]
    assert shop.customer_status(sara.id).programmes[1].balance == 5


def test_an_expiry_only_expires_what_is_left_and_is_dated_the_day_after(shop: Shop) -> None:
    points = _points(shop, expiry_kind="end_of_month")
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=30_000, at=_on(date(2026, 10, 2)))  # 30 points, to 31 October
    shop.redeem(sara.id, "1 KWD off")  # 25 used, 5 left

    assert shop.expire_due() == 0  # nothing has expired on 15 October
    november = _on(date(2026, 11, 3))
    later = Shop(shop.db, clock=fixed_clock(november))
    assert later.customer_status(sara.id).programmes[1].balance == 0  # right even before the job runs
    assert later.expire_due() == 1
    assert later.expire_due() == 0  # a second run finds nothing
    (row,) = shop.db.execute("SELECT quantity, business_date FROM ledger WHERE kind = 'expire'").fetchall()
    assert row == (-5, "2026-11-01")
    assert ledger.balance(shop.db, sara.id, points.id, date(2026, 11, 3)) == 0


def test_units_expiring_soon_are_shown(shop: Shop) -> None:
    _points(shop, expiry_kind="days", expiry_days=20)
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=12_000)
    status = shop.customer_status(sara.id).programmes[1]
    assert (status.expiring, status.expiring_on) == (12, date(2026, 11, 4))


def test_the_ledger_is_append_only(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=500)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        shop.db.execute("UPDATE ledger SET quantity = 99")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        shop.db.execute("DELETE FROM ledger")


def test_the_store_refuses_a_row_that_draws_more_than_is_left(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=500)
    with pytest.raises(sqlite3.DatabaseError, match="may only draw on what is left"):
        shop.db.execute(
            "INSERT INTO ledger (kind, programme_id, customer_id, quantity, consumes, created_at, business_date)"
            " VALUES ('redeem', 1, ?, -2, 1, 'now', '2026-10-15')",
            [sara.id],
        )


def test_the_check_finds_a_lot_overdrawn_behind_the_store_s_back(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=500)
    assert check_store(shop.db) == []
    shop.db.execute("DROP TRIGGER ledger_draw_fits")  # simulate a damaged or hand-edited file
    shop.db.execute(
        "INSERT INTO ledger (kind, programme_id, customer_id, quantity, consumes, created_at, business_date)"
        " VALUES ('redeem', 1, ?, -3, 1, 'now', '2026-10-15')",
        [sara.id],
    )
    messages = [p.message for p in check_store(shop.db)]
    assert "Ledger row 1 has more drawn on it than it holds (1 held, 3 drawn)." in messages


def test_an_adjustment_needs_a_reason_and_the_owner(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    with pytest.raises(InvalidInput, match="The reason cannot be empty"):
        shop.adjust(sara.id, "Coffee card", 2, reason="  ")
    shop.db.execute("INSERT INTO staff (id, name, role, created_at) VALUES (2, 'Ali', 'cashier', '2026-01-01')")
    with pytest.raises(PermissionDenied):
        Shop(shop.db, clock=shop.clock, staff_id=2).adjust(sara.id, "Coffee card", 2, reason="Lost card")
    assert shop.customer_status(sara.id).programmes[0].balance == 0


def test_taking_away_more_than_the_balance_is_refused(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    shop.adjust(sara.id, "Coffee card", 3, reason="Stamps from the old paper card")
    with pytest.raises(RuleViolation, match="Sara has 3/10; taking away 5 stamps would make the balance negative"):
        shop.adjust(sara.id, "Coffee card", -5, reason="Typo")
    assert shop.adjust(sara.id, "Coffee card", -3, reason="Typo").balance == 0


def test_history_and_export_rows(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=500).sale
    shop.adjust(sara.id, 1, 1, reason="Birthday treat")
    assert [(e.kind, e.quantity, e.sale_id) for e in shop.ledger_entries(sara.id)] == [
        ("adjust", 1, None),
        ("earn", 1, sale.id),
    ]
    assert ledger.EXPORT_HEADER[:7] == (
        "entry_id",
        "customer_id",
        "programme",
        "kind",
        "quantity",
        "created_at",
        "expires_on",
    )
    rows = list(ledger.export_rows(shop.db))
    assert rows[0][:7] == ["1", str(sara.id), "Coffee card", "earn", "1", "2026-10-15T09:30:00+00:00", ""]
    assert len(rows) == 2
    assert all(len(row) == len(ledger.EXPORT_HEADER) for row in rows)


def test_status_reads_use_the_indexes(shop: Shop) -> None:
    plan = " ".join(
        str(row)
        for row in shop.db.execute(
            "EXPLAIN QUERY PLAN SELECT l.programme_id FROM ledger l WHERE l.customer_id = 1 AND l.consumes IS NULL"
            " AND (SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = l.id) > 0"
        )
    )
    assert "ledger_customer" in plan
    assert "ledger_consumes" in plan


def test_the_loyalty_figures_of_a_month_worked_by_hand(shop: Shop) -> None:
    points = _points(shop, expiry_kind="end_of_month", value_per_unit=10)  # a point is worth 10 fils
    sara = make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    shop.record_sale(customer_id=sara.id, amount=30_000, at=_on(date(2026, 10, 2)))  # 30 points, 1 stamp
    shop.redeem(sara.id, "1 KWD off")  # 25 points
    shop.adjust(sara.id, points.id, 5, reason="Goodwill")  # 5 more: 10 left, all ending 31 October
    voucher = shop.issue_birthday_gifts().gifts[0].voucher
    shop.redeem_voucher(voucher.code)
    Shop(shop.db, clock=fixed_clock(_on(date(2026, 11, 3)))).expire_due()

    october = loyalty_figures(shop.db, date(2026, 10, 1), date(2026, 11, 1))
    assert october == {
        "points_issued": 35,
        "points_redeemed": 25,
        "points_expired": 0,  # they expire on 1 November
        "stamps_issued": 1,
        "stamps_redeemed": 0,
        "points_liability": 0,  # nothing is left unexpired when November begins
        "redemption_rate": 25 / 35,
        "rewards_redeemed": 1,
        "vouchers_issued": 1,
        "vouchers_redeemed": 1,
        "birthday_gifts_issued": 1,
        "birthday_gifts_used": 1,
    }
    assert loyalty_figures(shop.db, date(2026, 11, 1), date(2026, 12, 1))["points_expired"] == 10
    assert liability(shop.db, date(2026, 10, 16)) == 10 * 10
