"""Merging a duplicate customer keeps every sale, unit, voucher and piece of history."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.checks import check_store
from smallbiz_loyalty.core.errors import InvalidInput, PermissionDenied, RuleViolation
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _points(shop: Shop) -> int:
    points = shop.create_programme(
        name="Points", unit="points", rate_quantity=1, rate_per=1000, expiry_kind="days", expiry_days=90
    )
    shop.add_reward(points.id, name="Free cake", cost=5)
    return points.id


def test_the_merged_balance_is_the_sum_and_expiry_dates_survive(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    duplicate = make_customer(shop, "Sara Ahmad")
    shop.record_sale(customer_id=sara.id, amount=7_000)  # 7 points, 1 stamp
    early = datetime(2026, 8, 1, 9, tzinfo=UTC)
    shop.record_sale(customer_id=duplicate.id, amount=12_000, at=early)  # 12 points to 30 October, 1 stamp
    shop.record_sale(customer_id=duplicate.id, amount=3_000)  # 3 points to 13 January, 1 stamp
    shop.redeem(duplicate.id, "Free cake")  # 5 of the earliest-expiring points

    result = shop.merge_customers(sara.id, duplicate.id).merged

    assert result.units == {1: 2, points: 10}
    assert result.sales == 2
    today = shop.today()
    assert ledger.balance(shop.db, sara.id, points, today) == 17
    assert ledger.balance(shop.db, sara.id, 1, today) == 3
    assert ledger.balance(shop.db, duplicate.id, points, today) == 0
    moved = [(lot.remaining, lot.expires_on) for lot in ledger.open_lots(shop.db, sara.id, points, today)]
    assert moved == [(7, date(2026, 10, 30)), (7, date(2027, 1, 13)), (3, date(2027, 1, 13))]
    assert shop.customer(duplicate.id).merged_into == sara.id
    assert check_store(shop.db) == []


def test_sales_vouchers_and_history_move_and_nothing_is_lost(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    duplicate = make_customer(shop, "Sara A.")
    sale = shop.record_sale(customer_id=duplicate.id, amount=2_000).sale
    voucher = shop.issue_voucher(duplicate.id, item="Free muffin")
    before = shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone()[0]

    shop.merge_customers(sara.id, duplicate.id)

    assert shop.sale(sale.id).customer_id == sara.id
    assert [v.code for v in shop.vouchers(sara.id)] == [voucher.code]
    assert shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone()[0] == before + 2  # one pair of merge rows
    assert [e.kind for e in shop.ledger_entries(duplicate.id)] == ["merge", "earn"]  # the old history is still there
    (detail,) = shop.db.execute("SELECT detail FROM audit_log WHERE action = 'merge_customers'").fetchone()
    assert json.loads(detail)["sales"] == 1


def test_a_return_after_the_merge_takes_back_from_the_moved_units(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    duplicate = make_customer(shop, "Sara A.")
    sale = shop.record_sale(customer_id=duplicate.id, amount=2_000).sale
    shop.merge_customers(sara.id, duplicate.id)
    assert shop.record_return(sale.id).messages == ("−1 stamp — 0/10",)
    assert check_store(shop.db) == []


def test_merging_is_refused_for_the_same_or_a_merged_customer(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    duplicate = make_customer(shop, "Sara A.")
    with pytest.raises(InvalidInput, match="two different customers"):
        shop.merge_customers(sara.id, sara.id)
    shop.merge_customers(sara.id, duplicate.id)
    with pytest.raises(RuleViolation, match="merged already"):
        shop.merge_customers(sara.id, duplicate.id)
    with pytest.raises(RuleViolation, match="sales cannot be added"):
        shop.record_sale(customer_id=duplicate.id, amount=500)


def test_only_the_owner_merges(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    duplicate = make_customer(shop, "Sara A.")
    shop.db.execute("INSERT INTO staff (id, name, role, created_at) VALUES (2, 'Ali', 'cashier', '2026-01-01')")
    with pytest.raises(PermissionDenied):
        Shop(shop.db, clock=shop.clock, staff_id=2).merge_customers(sara.id, duplicate.id)
    assert shop.customer(duplicate.id).merged_into is None


def test_the_same_person_gets_one_birthday_gift(shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    duplicate = make_customer(shop, "Sara A.", birthday="10-20", consent_marketing=True)
    shop.issue_birthday_gifts()
    shop.merge_customers(sara.id, duplicate.id)
    assert shop.issue_birthday_gifts().gifts == ()
    assert len(shop.vouchers(sara.id)) == 2  # both gifts, given before the duplicate was noticed, are kept
