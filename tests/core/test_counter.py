"""The counter's category buttons come from the categories of recent sales."""

from __future__ import annotations

from smallbiz_loyalty.core.counter import recent_categories
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _sell(shop: Shop, *categories: str | None) -> list[int]:
    layla = make_customer(shop, "Layla").id
    return [shop.record_sale(customer_id=layla, amount=1_000, category=c).sale.id for c in categories]


def test_the_most_used_categories_come_first_ties_to_the_most_recent(shop: Shop) -> None:
    # Coffee 3 times, Cakes twice, Tea twice (Tea more recently than Cakes), Beans once; one sale without.
    _sell(shop, "Coffee", "Cakes", "Coffee", "Beans", "Cakes", None, "Tea", "Coffee", "Tea")
    assert recent_categories(shop.db) == ["Coffee", "Tea", "Cakes", "Beans"]
    assert recent_categories(shop.db, limit=2) == ["Coffee", "Tea"]


def test_spellings_fold_together_and_show_as_last_typed(shop: Shop) -> None:
    # Two each of coffee and قهوة; "Coffee" was typed more recently than "قهوه", so it ranks first.
    _sell(shop, "قهوة", "coffee", "قهوه", "Coffee", "Cakes")
    assert recent_categories(shop.db) == ["Coffee", "قهوه", "Cakes"]


def test_only_recent_sales_that_stand_count(shop: Shop) -> None:
    old, voided, *_ = _sell(shop, "Old stock", "Typo", "Coffee", "Coffee")
    shop.void_sale(voided, reason="Wrong category")
    assert recent_categories(shop.db) == ["Coffee", "Old stock"]
    assert recent_categories(shop.db, window=2) == ["Coffee"]
    assert old == 1


def test_a_new_shop_has_no_categories(shop: Shop) -> None:
    assert recent_categories(shop.db) == []
    assert recent_categories(shop.db, limit=0) == []
