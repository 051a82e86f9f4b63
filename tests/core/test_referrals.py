"""Referrals: the referrer and the new customer each get a bonus on the new
customer's first purchase, once."""

from __future__ import annotations

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _stamps(shop: Shop, customer_id: int) -> int:
    return ledger.balance(shop.db, customer_id, 1, shop.today())


def test_both_get_a_stamp_on_the_first_purchase_only(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    omar = make_customer(shop, "Omar", referred_by=sara.id)

    first = shop.record_sale(customer_id=omar.id, amount=500)
    assert first.messages == ("Welcome bonus: +1 stamp", "Referral bonus: +1 stamp for Sara", "+1 stamp — 2/10")
    second = shop.record_sale(customer_id=omar.id, amount=500)
    assert second.messages == ("+1 stamp — 3/10",)
    assert (_stamps(shop, sara.id), _stamps(shop, omar.id)) == (1, 3)
    rows = shop.db.execute("SELECT customer_id, reason FROM ledger WHERE kind = 'referral' ORDER BY id").fetchall()
    assert rows == [(omar.id, "Referred by Sara"), (sara.id, "Referred Omar")]


def test_a_customer_nobody_referred_gets_no_bonus(shop: Shop) -> None:
    omar = make_customer(shop, "Omar")
    assert shop.record_sale(customer_id=omar.id, amount=500).messages == ("+1 stamp — 1/10",)
    assert shop.db.execute("SELECT COUNT(*) FROM referral_bonuses").fetchone() == (0,)


def test_a_voided_first_sale_does_not_pay_the_bonus_twice(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    omar = make_customer(shop, "Omar", referred_by=sara.id)
    sale = shop.record_sale(customer_id=omar.id, amount=500).sale
    shop.void_sale(sale.id, reason="Wrong customer")
    shop.record_sale(customer_id=omar.id, amount=500)
    assert shop.db.execute("SELECT COUNT(*) FROM ledger WHERE kind = 'referral'").fetchone() == (2,)


def test_the_bonus_goes_to_whom_the_referrer_was_merged_into(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    sara_again = make_customer(shop, "Sara (old card)")
    omar = make_customer(shop, "Omar", referred_by=sara_again.id)
    shop.merge_customers(sara.id, sara_again.id)
    assert shop.customer(omar.id).referred_by == sara.id
    shop.record_sale(customer_id=omar.id, amount=500)
    assert _stamps(shop, sara.id) == 1


def test_the_owner_sets_the_bonuses_per_programme(shop: Shop) -> None:
    shop.update_programme(1, referrer_bonus=3, referred_bonus=0)
    sara = make_customer(shop, "Sara")
    omar = make_customer(shop, "Omar", referred_by=sara.id)
    assert shop.record_sale(customer_id=omar.id, amount=500).messages == (
        "Referral bonus: +3 stamps for Sara",
        "+1 stamp — 1/10",
    )
    assert (_stamps(shop, sara.id), _stamps(shop, omar.id)) == (3, 1)
