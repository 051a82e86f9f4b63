"""Suggesting duplicates: the same phone typed another way, or a very similar name."""

from __future__ import annotations

from smallbiz_loyalty.core.duplicates import SIMILAR_RATIO, name_likeness, suggest_duplicates
from tests.factories import make_customer


def _names(found):
    return [c.name for c in found]


def test_a_respelled_name_is_suggested_and_an_unrelated_one_is_not(shop):
    sara = make_customer(shop, "Sara Ali")
    make_customer(shop, "Sarah Ali")
    make_customer(shop, "Ali Sara")  # the same words the other way round
    make_customer(shop, "Sara Alhamad")  # shares a prefix, but another person
    make_customer(shop, "Omar Khalid")

    assert _names(suggest_duplicates(shop.db, sara.id)) == ["Ali Sara", "Sarah Ali"]


def test_arabic_spellings_that_fold_alike_are_suggested(shop):
    fatima = make_customer(shop, "فاطمة الصباح")
    make_customer(shop, "فاطمه الصباح")  # ة written as ه
    make_customer(shop, "فاطمة العلي")

    assert _names(suggest_duplicates(shop.db, fatima.id)) == ["فاطمه الصباح"]


def test_the_same_number_under_another_country_code_comes_first(shop):
    sara = make_customer(shop, "Sara Ali", phone="+96550012345")
    make_customer(shop, "Sarah Ali", phone="+96550099999")
    other_country = make_customer(shop, "S. Ali", phone="+971500012345")  # typed with a UAE code by mistake

    found = suggest_duplicates(shop.db, sara.id)

    assert _names(found) == ["S. Ali", "Sarah Ali"]
    assert found[0].id == other_country.id


def test_a_name_contained_in_a_longer_one_is_suggested(shop):
    sara = make_customer(shop, "Sara Ali")
    make_customer(shop, "Sara Ali Hassan")

    assert _names(suggest_duplicates(shop.db, sara.id)) == ["Sara Ali Hassan"]


def test_merged_customers_are_never_suggested_again(shop):
    sara = make_customer(shop, "Sara Ali")
    sarah = make_customer(shop, "Sarah Ali")
    shop.merge_customers(sara.id, sarah.id)

    assert suggest_duplicates(shop.db, sara.id) == []


def test_likeness_ignores_case_order_and_arabic_letter_forms():
    assert name_likeness("Sara ALI", "ali sara") == 1.0
    assert name_likeness("أحمد", "احمد") == 1.0
    assert name_likeness("Sara Ali", "Omar Khalid") < SIMILAR_RATIO
