"""The reward catalogue, redeeming at the counter, store credit and vouchers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.errors import InvalidInput, NotFound, RuleViolation
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


@pytest.fixture
def points_shop(shop: Shop) -> Shop:
    """Points: 1 per 1.000 KWD, with one reward of each kind."""
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000)
    shop.add_reward(points.id, name="Free cake", cost=50)
    shop.add_reward(points.id, name="2 KWD off", cost=100, kind="fixed_discount", value=2_000)
    shop.add_reward(points.id, name="20% off", cost=150, kind="percent_discount", value=20, cap=5_000)
    shop.add_reward(points.id, name="Gift voucher", cost=200, kind="voucher", value=5_000, valid_days=60)
    return shop


def _sara_with(shop: Shop, points: int) -> int:
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=points * 1000)
    return sara.id


@pytest.mark.parametrize(
    ("reward", "give"),
    [
        ("Free cake", "Give: Free cake"),
        ("2 KWD off", "Give: KWD2.000 off"),
        ("20% off", "Give: 20% off, at most KWD5.000"),
    ],
)
def test_redeeming_says_what_to_give_and_deducts_the_cost(points_shop: Shop, reward: str, give: str) -> None:
    sara = _sara_with(points_shop, 300)
    result = points_shop.redeem(sara, reward)
    assert result.give == give
    assert result.balance == 300 - result.reward.cost
    assert result.messages == (give, f"Left: {result.balance} points")


def test_a_voucher_reward_gives_a_code_valid_for_its_days(points_shop: Shop) -> None:
    sara = _sara_with(points_shop, 200)
    result = points_shop.redeem(sara, "gift VOUCHER")  # names match in any case
    voucher = result.voucher
    assert voucher.code.startswith("V")
    assert len(voucher.code) == 10
    assert result.give == f"Voucher {voucher.code} — Give: KWD5.000 off — valid until 2026-12-14"
    assert [v.code for v in points_shop.customer_status(sara).vouchers] == [voucher.code]


def test_a_voucher_is_redeemed_once(points_shop: Shop) -> None:
    sara = _sara_with(points_shop, 200)
    code = points_shop.redeem(sara, "Gift voucher").voucher.code
    used = points_shop.redeem_voucher(code.lower())  # typed in lower case still matches
    assert used.give == "Give: KWD5.000 off"
    with pytest.raises(RuleViolation, match=f"Voucher {code} was already used on 2026-10-15"):
        points_shop.redeem_voucher(code)
    assert points_shop.customer_status(sara).vouchers == ()


def test_an_expired_voucher_is_refused(points_shop: Shop) -> None:
    sara = _sara_with(points_shop, 200)
    code = points_shop.redeem(sara, "Gift voucher").voucher.code
    later = Shop(points_shop.db, clock=fixed_clock(datetime(2026, 12, 20, 9, tzinfo=UTC)))
    with pytest.raises(RuleViolation, match="expired on 2026-12-14"):
        later.redeem_voucher(code)


def test_an_unknown_voucher_code_is_not_found(shop: Shop) -> None:
    with pytest.raises(NotFound, match='no voucher with the code "VXXXX"'):
        shop.redeem_voucher("VXXXX")


def test_not_enough_points_is_refused_with_the_numbers(points_shop: Shop) -> None:
    sara = _sara_with(points_shop, 40)
    with pytest.raises(RuleViolation, match="Sara has 40 points; Free cake needs 50 points, so 10 points more"):
        points_shop.redeem(sara, "Free cake")


def test_a_retired_or_unknown_reward_cannot_be_redeemed(points_shop: Shop) -> None:
    sara = _sara_with(points_shop, 300)
    cake = points_shop.rewards("Points")[0]
    points_shop.update_reward(cake.id, active=False)
    with pytest.raises(RuleViolation, match="no longer offered"):
        points_shop.redeem(sara, cake.id)
    with pytest.raises(NotFound, match='no reward called "Pony"'):
        points_shop.redeem(sara, "Pony")
    assert [r.name for r in points_shop.rewards("Points")] == ["2 KWD off", "20% off", "Gift voucher"]


def test_the_same_key_for_another_reward_is_refused(points_shop: Shop) -> None:
    sara = _sara_with(points_shop, 300)
    points_shop.redeem(sara, "Free cake", key="till-1")
    with pytest.raises(InvalidInput, match="already used for a different redemption"):
        points_shop.redeem(sara, "2 KWD off", key="till-1")


@pytest.mark.parametrize(
    ("terms", "words"),
    [
        ({"cost": 0}, "The cost must be a whole number from 1"),
        ({"cost": 10, "kind": "free_item_please"}, "must be one of"),
        ({"cost": 10, "kind": "percent_discount", "value": 120}, "percent off must be a whole number from 1 to 100"),
        ({"cost": 10, "kind": "fixed_discount"}, "money off must be a whole number from 1"),
    ],
)
def test_bad_rewards_are_refused(shop: Shop, terms: dict, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        shop.add_reward(1, name="Odd", **terms)
    assert [r.name for r in shop.rewards(1)] == ["Free coffee"]


def test_store_credit_is_spent_as_money_off(shop: Shop) -> None:
    shop.create_programme(name="Cashback", unit="credit", cashback_bp=500)  # 5 %
    sara = make_customer(shop, "Sara")
    shop.record_sale(customer_id=sara.id, amount=40_000)  # 2.000 KWD of credit
    result = shop.use_credit(sara.id, 1_500)
    assert result.give == "Give: KWD1.500 off"
    assert result.balance_text == "KWD0.500 credit"
    with pytest.raises(RuleViolation, match=r"Sara has KWD0\.500 credit; KWD1\.000 off needs KWD1\.000 credit"):
        shop.use_credit(sara.id, 1_000)


def test_the_owner_can_give_a_voucher_by_hand(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    voucher = shop.issue_voucher(sara.id, item="Sorry for the wait: a free coffee", valid_days=14)
    assert (voucher.source, voucher.kind, voucher.valid_until.isoformat()) == ("manual", "free_item", "2026-10-29")
    (action,) = shop.db.execute("SELECT action FROM audit_log WHERE action = 'issue_voucher'").fetchone()
    assert action == "issue_voucher"
