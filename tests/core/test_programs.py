"""Programmes: the default stamp card, earn rules, expiry, tiers and the owner's editor."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core.errors import InvalidInput, PermissionDenied
from smallbiz_loyalty.core.programs import Programme, Tier, tier_for_spend
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def test_a_new_shop_runs_a_ten_stamp_coffee_card(shop: Shop) -> None:
    (card,) = shop.programmes()
    assert (card.name, card.unit, card.visit_quantity, card.visit_min_spend, card.expiry_kind) == (
        "Coffee card",
        "stamps",
        1,
        0,
        "never",
    )
    (coffee,) = shop.rewards(card.id)
    assert (coffee.name, coffee.cost, coffee.kind) == ("Free coffee", 10, "free_item")
    sara = make_customer(shop, "Sara")
    assert shop.record_sale(customer_id=sara.id, amount=250).messages == ("+1 stamp — 1/10",)


def test_points_per_amount_round_down_and_never_count_the_fraction() -> None:
    # 1 point per 1.000 KWD (1000 fils): 12.750 KWD earns 12 points, 0.999 KWD earns none.
    points = Programme(id=2, name="Points", unit="points", rate_quantity=1, rate_per=1000)
    assert points.earning(12_750, None).total == 12
    assert points.earning(999, None).total == 0


def test_a_visit_earns_only_from_its_minimum_spend() -> None:
    card = Programme(id=1, name="Card", unit="stamps", visit_quantity=1, visit_min_spend=10_000)
    assert card.earning(9_999, None).visit_units == 0
    assert card.earning(10_000, None).visit_units == 1


def test_category_bonus_and_exclusion_and_tier_multiplier() -> None:
    points = Programme(
        id=2, name="Points", unit="points", rate_quantity=1, rate_per=1000, categories={"cakes": 200, "tobacco": 0}
    )
    assert points.earning(5_000, "Cakes").total == 10  # double points on cakes
    assert points.earning(5_000, "TOBACCO").total == 0  # excluded
    assert points.earning(5_000, "Coffee").total == 5
    assert points.earning(5_000, "Coffee", tier_multiplier=150).total == 7  # 7.5 rounds down


def test_cashback_is_store_credit_in_fils(shop: Shop) -> None:
    credit = shop.create_programme(name="Cashback", unit="credit", cashback_bp=250)  # 2.5 %
    sara = make_customer(shop, "Sara")
    result = shop.record_sale(customer_id=sara.id, amount=12_000)  # 12.000 KWD → 0.300 KWD credit
    assert "+KWD0.300 credit — KWD0.300 credit" in result.messages
    status = {p.programme.id: p for p in shop.customer_status(sara.id).programmes}
    assert status[credit.id].balance == 300
    assert credit.value_per_unit == 1  # credit is money already: the liability is the balance


@pytest.mark.parametrize(
    ("kind", "days", "earned", "last_day"),
    [
        ("never", 0, date(2026, 10, 15), None),
        ("days", 90, date(2026, 10, 15), date(2027, 1, 13)),
        ("end_of_month", 0, date(2026, 2, 3), date(2026, 2, 28)),
        ("end_of_month", 0, date(2026, 12, 31), date(2026, 12, 31)),
        ("end_of_year", 0, date(2026, 10, 15), date(2026, 12, 31)),
    ],
)
def test_expiry_dates(kind: str, days: int, earned: date, last_day: date | None) -> None:
    programme = Programme(id=1, name="P", unit="points", expiry_kind=kind, expiry_days=days)
    assert programme.expiry_for(earned) == last_day


def test_tier_is_the_highest_whose_spend_is_reached() -> None:
    tiers = [Tier(1, 1, "Silver", 50_000, 110), Tier(2, 1, "Gold", 200_000, 150)]
    assert tier_for_spend(tiers, 49_999) is None
    assert tier_for_spend(tiers, 50_000).name == "Silver"
    assert tier_for_spend(tiers, 250_000).name == "Gold"


@pytest.mark.parametrize(
    ("rules", "field", "words"),
    [
        ({"unit": "miles"}, "unit", "must be one of"),
        ({"unit": "points", "rate_quantity": 1}, "rate_per", "how much must be spent"),
        ({"unit": "points", "cashback_bp": 100}, "cashback_bp", "choose the unit credit"),
        ({"unit": "credit", "visit_quantity": 1}, "unit", "cashback percent"),
        ({"unit": "points", "expiry_kind": "days"}, "expiry_days", "after how many days"),
        ({"unit": "points", "visit_quantity": -1}, "visit_quantity", "whole number from 0"),
        ({"unit": "points", "categories": {"Cakes": 2000}}, "categories", "whole number from 0 to 1000"),
        ({"unit": "points", "name": "coffee CARD"}, "name", "already a programme"),
    ],
)
def test_bad_programme_rules_are_refused_and_change_nothing(shop: Shop, rules: dict, field: str, words: str) -> None:
    fields = {"name": "Points"} | rules
    with pytest.raises(InvalidInput, match=words) as caught:
        shop.create_programme(**fields)
    assert caught.value.field == field
    assert [p.name for p in shop.programmes()] == ["Coffee card"]


def test_the_owner_edits_a_programme_and_it_is_audited(shop: Shop) -> None:
    card = shop.update_programme("Coffee card", visit_min_spend=1_000, expiry_kind="days", expiry_days=180)
    assert (card.visit_min_spend, card.expiry_kind, card.expiry_days) == (1_000, "days", 180)
    (action,) = shop.db.execute("SELECT action FROM audit_log WHERE action = 'update_programme'").fetchone()
    assert action == "update_programme"


def test_the_unit_of_a_programme_with_entries_cannot_change(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=500)
    with pytest.raises(InvalidInput, match="cannot change"):
        shop.update_programme(1, unit="points")


def test_a_paused_programme_earns_nothing(shop: Shop) -> None:
    shop.update_programme(1, active=False)
    sara = make_customer(shop, "Sara")
    assert shop.record_sale(customer_id=sara.id, amount=500).messages == ()


def test_two_programmes_earn_at_once(shop: Shop) -> None:
    shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000)
    sara = make_customer(shop, "Sara")
    assert shop.record_sale(customer_id=sara.id, amount=12_500).messages == (
        "+1 stamp — 1/10",
        "+12 points — 12 points",
    )


def test_two_programmes_of_one_unit_are_told_apart_by_name(shop: Shop) -> None:
    shop.create_programme(name="Cake card", unit="stamps", visit_quantity=1)
    sara = make_customer(shop, "Sara")
    assert shop.record_sale(customer_id=sara.id, amount=500).messages == (
        "Coffee card: +1 stamp — 1/10",
        "Cake card: +1 stamp — 1 stamp",  # no reward yet, so no card size
    )


def test_tiers_rise_with_spend_and_multiply_earning(shop: Shop) -> None:
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000)
    shop.add_tier(points.id, name="Gold", min_spend=100_000, multiplier=200)
    sara = make_customer(shop, "Sara")
    first = shop.record_sale(customer_id=sara.id, amount=100_000)  # reaches Gold with this sale
    assert "+100 points — 100 points" in first.messages  # earned at the rate before the sale
    assert "Tier up: Gold" in first.messages
    second = shop.record_sale(customer_id=sara.id, amount=10_000)
    assert "+20 points — 120 points" in second.messages  # Gold doubles
    status = {p.programme.id: p for p in shop.customer_status(sara.id).programmes}[points.id]
    assert (status.tier.name, status.qualifying_spend) == ("Gold", 110_000)
    shop.record_return(second.sale.id)
    dropped = shop.record_return(first.sale.id, amount=1)  # just below Gold now
    assert "Tier now" not in " ".join(dropped.messages)  # no tier below Gold: "No tier now"
    assert "No tier now" in dropped.messages
    assert [(c.tier, c.reason) for c in shop.tier_history(sara.id)] == [
        (None, f"Return {dropped.sale.id}"),
        ("Gold", f"Sale {first.sale.id}"),
    ]


def test_tier_rules_are_checked(shop: Shop) -> None:
    shop.add_tier(1, name="Silver", min_spend=50_000, multiplier=110)
    with pytest.raises(InvalidInput, match="already starts at that spend"):
        shop.add_tier(1, name="Gold", min_spend=50_000, multiplier=150)
    with pytest.raises(InvalidInput, match="already a tier"):
        shop.add_tier(1, name="silver", min_spend=80_000)
    with pytest.raises(InvalidInput, match="from 0 to 1000"):
        shop.add_tier(1, name="Platinum", min_spend=90_000, multiplier=5000)


def test_only_the_owner_edits_programmes(shop: Shop) -> None:
    shop.db.execute("INSERT INTO staff (id, name, role, created_at) VALUES (2, 'Ali', 'cashier', '2026-01-01')")
    cashier = Shop(shop.db, clock=shop.clock, staff_id=2)
    with pytest.raises(PermissionDenied, match="Only the owner"):
        cashier.create_programme(name="Points", unit="points")
    with pytest.raises(PermissionDenied):
        cashier.add_reward(1, name="Free cake", cost=5)


def test_backdated_sales_earn_with_the_expiry_of_their_own_day(shop: Shop) -> None:
    shop.update_programme(1, expiry_kind="days", expiry_days=30)
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=500, at=datetime(2026, 9, 1, 9, tzinfo=UTC))
    (expires_on,) = shop.db.execute("SELECT expires_on FROM ledger WHERE kind = 'earn'").fetchone()
    assert expires_on == "2026-10-01"
    assert shop.customer_status(sara.id).programmes[0].balance == 0  # expired before today (15 October)
