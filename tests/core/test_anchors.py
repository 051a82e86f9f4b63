"""One worked example per complaint in PRODUCT.md §"anchors": each must be impossible here."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _points(shop: Shop, **rules: object) -> int:
    """1 point per 1.000 KWD; a free cake at 10 points."""
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000, **rules)
    shop.add_reward(points.id, name="Free cake", cost=10)
    return points.id


def _balance(shop: Shop, customer_id: int, programme_id: int) -> int:
    return ledger.balance(shop.db, customer_id, programme_id, shop.today())


def test_1_a_return_takes_the_earned_points_back(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=25_000).sale  # 25 points
    shop.record_return(sale.id, amount=10_000)  # 2/5 returned → 10 points back
    assert _balance(shop, sara.id, points) == 15
    shop.record_return(sale.id)  # the rest
    assert _balance(shop, sara.id, points) == 0


def test_2_redeeming_deducts_exactly_once_and_never_more_than_the_balance(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=15_000)  # 15 points
    first = shop.redeem(sara.id, "Free cake", key="till-7")
    again = shop.redeem(sara.id, "Free cake", key="till-7")  # a double click, a retry
    assert (first.duplicate, again.duplicate, again.give) == (False, True, "Give: Free cake")
    assert _balance(shop, sara.id, points) == 5
    with pytest.raises(RuleViolation, match="Sara has 5 points; Free cake needs 10 points, so 5 points more"):
        shop.redeem(sara.id, "Free cake")
    assert _balance(shop, sara.id, points) == 5


def test_3_expiry_consumes_the_oldest_points_first_and_never_collapses_a_balance(shop: Shop) -> None:
    points = _points(shop, expiry_kind="days", expiry_days=30)
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=8_000, at=datetime(2026, 9, 20, 9, tzinfo=UTC))  # to 20 October
    shop.record_sale(customer_id=sara.id, amount=8_000)  # to 14 November
    shop.redeem(sara.id, "Free cake")  # 8 from the September lot, 2 from October's
    november = Shop(shop.db, clock=lambda: datetime(2026, 11, 1, 9, tzinfo=UTC))
    november.expire_due()  # the September lot had nothing left: nothing expires
    assert _balance(november, sara.id, points) == 6
    consumed = shop.db.execute("SELECT quantity FROM ledger WHERE kind = 'redeem' ORDER BY id").fetchall()
    assert consumed == [(-8,), (-2,)]
    assert shop.db.execute("SELECT COUNT(*) FROM ledger WHERE kind = 'expire'").fetchone() == (0,)


def test_4_an_offline_sale_sent_twice_earns_once(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    first = shop.record_sale(customer_id=sara.id, amount=12_000, key="pos-2-000123")
    rows = shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone()
    resent = shop.record_sale(customer_id=sara.id, amount=12_000, key="pos-2-000123")
    assert resent.duplicate
    assert resent.messages == first.messages  # the first result, not a second earning
    assert shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone() == rows
    assert _balance(shop, sara.id, points) == 12


def test_5_opening_balances_come_in_without_fake_sales(shop: Shop) -> None:
    shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000)
    report = shop.import_customers((DATA / "generic.csv").read_bytes(), fmt="generic")
    assert report.points_opening > 0
    assert shop.db.execute("SELECT COUNT(*) FROM sales").fetchone() == (0,)
    sara = shop.find_customers("Sara Haddad")[0]
    status = {p.programme.name: p.balance for p in shop.customer_status(sara.id).programmes}
    assert status == {"Coffee card": 7, "Points": 120}
    kinds = shop.db.execute("SELECT DISTINCT kind FROM ledger").fetchall()
    assert kinds == [("opening",)]
    assert shop.apply_opening_balances() == 0  # taken in once


def test_6_the_tier_comes_from_spend_never_from_the_balance(shop: Shop) -> None:
    points = _points(shop)
    shop.add_tier(points, name="Gold", min_spend=100_000, multiplier=150)
    hoarder = make_customer(shop, "Hoarder")
    shop.adjust(hoarder.id, points, 5_000, reason="Points from the old system")  # a huge balance, no spend
    spender = make_customer(shop, "Spender")
    shop.record_sale(customer_id=spender.id, amount=120_000)
    for _ in range(12):
        shop.redeem(spender.id, "Free cake")  # spends every point
    tier_of = {c.id: shop.customer_status(c.id).programmes[1].tier for c in (hoarder, spender)}
    assert tier_of[hoarder.id] is None
    assert tier_of[spender.id].name == "Gold"
    assert _balance(shop, spender.id, points) == 0


def test_7_merging_duplicates_keeps_all_points_and_history(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    duplicate = make_customer(shop, "Sara (old card)")
    shop.record_sale(customer_id=sara.id, amount=4_000)
    shop.record_sale(customer_id=duplicate.id, amount=9_000)
    shop.merge_customers(sara.id, duplicate.id)
    assert _balance(shop, sara.id, points) == 13
    assert len(shop.db.execute("SELECT id FROM sales WHERE customer_id = ?", [sara.id]).fetchall()) == 2
    assert shop.ledger_entries(duplicate.id)  # the duplicate's own history is still readable


def test_8_a_birthday_needs_only_month_and_day_and_the_gift_comes_by_itself(shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="10-19", consent_marketing=True)  # no year
    assert (sara.birthday.month, sara.birthday.day, sara.birthday.year) == (10, 19, None)
    assert len(shop.issue_birthday_gifts().gifts) == 1
    assert shop.issue_birthday_gifts().gifts == ()
    (voucher,) = shop.customer_status(sara.id).vouchers
    assert (voucher.item, voucher.birthday_year) == ("Free coffee", 2026)


def test_9_the_balance_is_there_to_show_the_customer(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    for _ in range(7):
        shop.record_sale(customer_id=sara.id, amount=1_200)
    card = shop.customer_status(sara.id).programmes[0]
    assert (card.balance_text("KWD"), card.next_reward.name, card.needed) == ("7/10", "Free coffee", 3)


def test_10_a_correction_has_a_reason_an_author_and_an_audit_entry(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    result = shop.adjust(sara.id, "Coffee card", 2, reason="Stamps from her paper card")
    assert result.balance == 2
    row = shop.db.execute("SELECT kind, quantity, reason, staff_id FROM ledger").fetchone()
    assert row == ("adjust", 2, "Stamps from her paper card", 1)
    staff_id, subject, detail = shop.db.execute(
        "SELECT staff_id, subject, detail FROM audit_log WHERE action = 'adjust_balance'"
    ).fetchone()
    assert (staff_id, subject) == (1, str(sara.id))
    assert json.loads(detail)["reason"] == "Stamps from her paper card"
    assert shop.ledger_entries(sara.id)[0].business_date == date(2026, 10, 15)
