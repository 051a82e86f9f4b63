"""Returns and voids take back what a sale earned; the owner decides what happens
when the units were already spent."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core import ledger, reversals, sales
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.loyalty import Rules
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.settings import SETTINGS
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _points(shop: Shop, **rules: object) -> Programme:
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000, **rules)
    shop.add_reward(points.id, name="1 KWD off", cost=10, kind="fixed_discount", value=1000)
    return points


def _balance(shop: Shop, customer_id: int, programme_id: int) -> int:
    return ledger.balance(shop.db, customer_id, programme_id, shop.today())


def _return_under(shop: Shop, sale_id: int, rules: Rules, amount: int | None = None) -> list[dict]:
    """A return recorded as `Shop.record_return` does, under explicit owner rules."""
    ctx = Context(today=shop.today(), now="2026-10-15T09:30:00+00:00", staff_id=1, currency="KWD")
    with transaction(shop.db):
        returned = sales.insert_return(
            shop.db, key=sales.new_key(), original=sales.get_sale(shop.db, sale_id), amount=amount,
            business_date=ctx.today, now=ctx.now, staff_id=1, currency="KWD",
        )  # fmt: skip
        return reversals.on_return(shop.db, ctx, returned, rules)


def test_partial_returns_take_points_back_in_proportion_and_all_of_them_in_the_end(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=10_000).sale  # 10 points
    shop.record_sale(customer_id=sara.id, amount=5_000)  # 5 more points, not returned

    assert shop.record_return(sale.id, amount=3_333).messages == ("−3 points — 12 points",)  # 10 × 3.333/10 = 3.3
    assert "−3 points — 9 points" in shop.record_return(sale.id, amount=3_333).messages  # 6.666 in all → 6
    assert "−4 points — 5 points" in shop.record_return(sale.id, amount=3_334).messages  # all of it → 10
    assert _balance(shop, sara.id, points.id) == 5


def test_a_stamp_goes_back_once_the_sale_falls_below_the_minimum_spend(shop: Shop) -> None:
    shop.update_programme(1, visit_min_spend=1_000)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=1_500).sale
    assert shop.record_return(sale.id, amount=300).messages == ()  # 1.200 KWD still earns the stamp
    assert shop.record_return(sale.id, amount=300).messages == ("−1 stamp — 0/10",)  # 0.900 KWD does not


def test_a_stamp_with_no_minimum_goes_back_only_with_the_whole_sale(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=1_500).sale
    assert shop.record_return(sale.id, amount=1_400).messages == ()
    assert shop.record_return(sale.id).messages == ("−1 stamp — 0/10",)


def test_a_void_takes_back_everything_and_a_voided_return_gives_it_back(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=8_000).sale
    ret = shop.record_return(sale.id, amount=4_000).sale
    assert _balance(shop, sara.id, points.id) == 4
    assert "+4 points given back — 8 points" in shop.void_sale(ret.id, reason="Returned by mistake").messages
    assert "−8 points — 0 points" in shop.void_sale(sale.id, reason="Rung up twice").messages
    assert _balance(shop, sara.id, points.id) == 0


def test_the_sale_s_own_points_are_taken_back_before_older_ones(shop: Shop) -> None:
    points = _points(shop, expiry_kind="days", expiry_days=30)
    sara = make_customer(shop, "Sara")
    older = shop.record_sale(customer_id=sara.id, amount=5_000, at=datetime(2026, 10, 1, 9, tzinfo=UTC)).sale
    sale = shop.record_sale(customer_id=sara.id, amount=5_000).sale
    shop.record_return(sale.id)
    (consumed,) = shop.db.execute("SELECT consumes FROM ledger WHERE kind = 'reversal'").fetchone()
    own = shop.db.execute("SELECT id FROM ledger WHERE kind = 'earn' AND sale_id = ?", [sale.id]).fetchone()[0]
    assert consumed == own
    remaining = ledger.open_lots(shop.db, sara.id, points.id, shop.today())
    assert [lot.sale_id for lot in remaining] == [older.id]


def test_spent_points_by_default_take_what_is_left_and_write_the_rest_off(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=12_000).sale  # 12 points
    shop.redeem(sara.id, "1 KWD off")  # 10 spent, 2 left
    result = shop.record_return(sale.id)
    assert result.messages == (
        "−1 stamp — 0/10",  # the coffee card's stamp goes back too
        "−2 points — 0 points",
        "10 points could not be taken back: already spent.",
    )
    assert shop.db.execute("SELECT quantity FROM write_offs").fetchall() == [(10,)]
    assert _balance(shop, sara.id, points.id) == 0


def test_allowing_a_negative_balance_records_a_debt_that_later_points_pay(shop: Shop) -> None:
    points = _points(shop)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=12_000).sale
    shop.redeem(sara.id, "1 KWD off")
    _return_under(shop, sale.id, Rules(negative_balance="allow"))
    assert _balance(shop, sara.id, points.id) == -10
    shop.record_sale(customer_id=sara.id, amount=15_000)  # 15 points: 10 pay the debt
    assert _balance(shop, sara.id, points.id) == 5
    assert ledger.open_debts(shop.db, sara.id, points.id) == []


def test_blocking_refuses_a_return_whose_points_were_spent_and_writes_nothing(shop: Shop) -> None:
    _points(shop)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=12_000).sale
    shop.redeem(sara.id, "1 KWD off")
    with pytest.raises(RuleViolation, match="take back 12 points from Sara, who has only 2 points left"):
        _return_under(shop, sale.id, Rules(negative_balance="block"))
    assert shop.db.execute("SELECT COUNT(*) FROM sales WHERE kind = 'return'").fetchone() == (0,)


def test_expired_points_are_not_taken_twice(shop: Shop) -> None:
    points = _points(shop, expiry_kind="days", expiry_days=10)
    sara = make_customer(shop, "Sara")
    old = shop.record_sale(customer_id=sara.id, amount=6_000, at=datetime(2026, 9, 1, 9, tzinfo=UTC)).sale
    shop.record_sale(customer_id=sara.id, amount=4_000)  # 4 live points
    shop.record_return(old.id)  # its 6 points expired on 11 September: nothing to take
    assert _balance(shop, sara.id, points.id) == 4
    assert shop.db.execute("SELECT COUNT(*) FROM write_offs").fetchone() == (0,)


def test_returns_of_anonymous_sales_touch_no_ledger(shop: Shop) -> None:
    sale = shop.record_sale(customer_id=None, amount=3_000).sale
    assert shop.record_return(sale.id).messages == ()
    assert shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone() == (0,)


@pytest.mark.skipif("negative_balance" not in SETTINGS, reason="the negative_balance setting is not declared yet")
@pytest.mark.parametrize(("rule", "balance"), [("allow", -10), ("take_what_is_left", 0)])
def test_the_shop_follows_its_negative_balance_setting(shop: Shop, rule: str, balance: int) -> None:
    points = _points(shop)
    shop.set_settings(negative_balance=rule)
    sara = make_customer(shop, "Sara")
    sale = shop.record_sale(customer_id=sara.id, amount=12_000).sale
    shop.redeem(sara.id, "1 KWD off")
    shop.record_return(sale.id)
    assert _balance(shop, sara.id, points.id) == balance


def test_target_reversal_worked_by_hand() -> None:
    sale = sales.Sale(1, "k", "sale", 1, 10_000, None, date(2026, 10, 15), "", 1, None, None, None)
    assert reversals.target_reversal(sale, 2_500, visit_units=1, amount_units=10, min_spend=5_000) == 2
    assert reversals.target_reversal(sale, 6_000, visit_units=1, amount_units=10, min_spend=5_000) == 1 + 6
    assert reversals.target_reversal(sale, 10_000, visit_units=1, amount_units=10, min_spend=0) == 11
