"""The read queries behind the customers table: a count, and ids in a chosen order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from smallbiz_loyalty.core.customer_list import count_customers, list_customer_ids
from tests.factories import make_customer


@pytest.fixture
def three(shop):
    """Badr (no phone, no birthday), Amal (born 12-01), Chadi (born 06-15), enrolled in that order."""
    badr = shop.enrol(name="Badr", at=datetime(2026, 1, 3, tzinfo=UTC)).customer
    amal = make_customer(shop, "Amal", phone="+96560000001", birthday="12-01", at=datetime(2026, 1, 1, tzinfo=UTC))
    chadi = make_customer(shop, "Chadi", phone="+96550000001", birthday="06-15", at=datetime(2026, 1, 2, tzinfo=UTC))
    return badr.id, amal.id, chadi.id


def test_count_is_zero_for_a_new_shop_and_counts_every_enrolled_customer(shop):
    assert count_customers(shop.db) == 0
    assert list_customer_ids(shop.db) == []

    make_customer(shop, "Amal")
    make_customer(shop, "Badr")

    assert count_customers(shop.db) == 2


def test_ids_come_in_the_order_asked_for(shop, three):
    badr, amal, chadi = three

    assert list_customer_ids(shop.db) == [amal, badr, chadi]  # by name
    assert list_customer_ids(shop.db, order="name", descending=True) == [chadi, badr, amal]
    assert list_customer_ids(shop.db, order="created") == [amal, chadi, badr]
    assert list_customer_ids(shop.db, order="birthday") == [chadi, amal, badr]  # unknown birthdays last
    assert list_customer_ids(shop.db, order="phone") == [chadi, amal, badr]  # +9655… before +9656…, none last


def test_arabic_names_sort_by_their_search_key_so_hamza_forms_sit_together(shop):
    ahmad = make_customer(shop, "أحمد").id
    ibrahim = make_customer(shop, "إبراهيم").id
    bader = make_customer(shop, "بدر").id

    # أ and إ both fold to ا; then ب (Ibrahim) comes before ح (Ahmad).
    assert list_customer_ids(shop.db) == [ibrahim, ahmad, bader]


def test_an_unknown_order_is_a_programming_error(shop):
    with pytest.raises(ValueError, match="unknown customer order"):
        list_customer_ids(shop.db, order="balance")
