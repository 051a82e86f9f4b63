"""Enrol, edit and find customers the way a cashier does."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.dates import Birthday
from smallbiz_loyalty.core.errors import DuplicateCustomer, InvalidInput, NotFound
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def test_enrolment_normalises_the_phone_and_gives_a_card_code(shop: Shop) -> None:
    customer = shop.enrol(name="  Layla Hassan ", phone="٥٠٠١ ٢٣٤٥", birthday="--02-29").customer
    assert customer.name == "Layla Hassan"
    assert customer.phone == "+96550012345"
    assert customer.birthday == Birthday(2, 29, None)
    assert len(customer.card_code) == 8
    assert customer.created_at == "2026-10-15T09:30:00+00:00"


def test_card_codes_are_unique(shop: Shop) -> None:
    codes = {make_customer(shop, f"C{i}").card_code for i in range(200)}
    assert len(codes) == 200


def test_a_duplicate_phone_is_refused_naming_the_existing_customer(shop: Shop) -> None:
    first = shop.enrol(name="Omar", phone="50012345").customer
    with pytest.raises(DuplicateCustomer, match="already belongs to Omar") as caught:
        shop.enrol(name="Omar again", phone="+965 5001 2345")
    assert caught.value.existing_id == first.id
    assert len(shop.find_customers("Omar")) == 1


def test_lookup_by_the_last_four_digits(shop: Shop) -> None:
    target = make_customer(shop, "Sara", phone="+96566771234")
    make_customer(shop, "Other", phone="+96566779999")
    assert [c.id for c in shop.find_customers("1234")] == [target.id]


def test_lookup_by_any_run_of_three_or_more_digits_in_any_script(shop: Shop) -> None:
    target = make_customer(shop, "Sara", phone="+96566771234")
    assert [c.id for c in shop.find_customers("677")] == [target.id]
    assert [c.id for c in shop.find_customers("٦٦٧٧")] == [target.id]
    assert [c.id for c in shop.find_customers("+965 6677")] == [target.id]
    assert shop.find_customers("12") == []  # two digits are too few to narrow anything


def test_national_numbers_with_a_trunk_prefix_are_found_as_dialled(shop: Shop) -> None:
    shop.set_settings(phone_region="SA")
    target = shop.enrol(name="Nora", phone="0501234567").customer
    assert [c.id for c in shop.find_customers("0501")] == [target.id]
    assert [c.id for c in shop.find_customers("966501")] == [target.id]


@pytest.mark.parametrize("typed", ["احمد", "أحمد", "اَحْمَد", "احـمد", "الصباح", "احمد الصب", "AHMAD"])
def test_lookup_by_arabic_name_typed_differently(shop: Shop, typed: str) -> None:
    target = make_customer(shop, "أحمد الصبّاح Ahmad")
    make_customer(shop, "محمود")
    assert [c.id for c in shop.find_customers(typed)] == [target.id]


def test_ta_marbuta_and_alef_maqsura_fold(shop: Shop) -> None:
    fatima = make_customer(shop, "فاطمة")
    mustafa = make_customer(shop, "مصطفى")
    assert [c.id for c in shop.find_customers("فاطمه")] == [fatima.id]
    assert [c.id for c in shop.find_customers("مصطفي")] == [mustafa.id]


def test_name_lookup_matches_word_starts_only(shop: Shop) -> None:
    make_customer(shop, "Samir")
    assert [c.name for c in shop.find_customers("sam")] == ["Samir"]
    assert shop.find_customers("mir") == []


def test_lookup_by_card_code_ignores_case_and_spaces(shop: Shop) -> None:
    target = make_customer(shop, "Hadi")
    code = target.card_code
    assert [c.id for c in shop.find_customers(code.lower())] == [target.id]
    assert [c.id for c in shop.find_customers(f"{code[:4]} {code[4:]}")] == [target.id]


def test_lookups_use_the_search_indexes_not_a_scan(shop: Shop) -> None:
    queries = (
        "SELECT id FROM customers WHERE id IN"
        " (SELECT rowid FROM customer_phone_fts WHERE customer_phone_fts MATCH '\"1234\"')",
        "SELECT id FROM customers WHERE card_code = 'ABCDEFGH'",
    )
    plans = [" ".join(row[3] for row in shop.db.execute(f"EXPLAIN QUERY PLAN {q}")) for q in queries]
    assert "VIRTUAL TABLE INDEX" in plans[0] and "SCAN customers" not in plans[0]
    assert "USING INDEX" in plans[1] or "USING COVERING INDEX" in plans[1]


def test_editing_updates_the_search_index(shop: Shop) -> None:
    customer = make_customer(shop, "Old Name", phone="+96550001111")
    shop.edit_customer(customer.id, name="جديد", phone="+96550002222")
    assert shop.find_customers("old") == []
    assert shop.find_customers("1111") == []
    assert [c.id for c in shop.find_customers("جديد")] == [customer.id]
    assert [c.id for c in shop.find_customers("2222")] == [customer.id]
    assert shop.check() == []


def test_editing_to_another_customers_phone_is_refused_and_changes_nothing(shop: Shop) -> None:
    make_customer(shop, "A", phone="+96550001111")
    b = make_customer(shop, "B", phone="+96550002222")
    with pytest.raises(DuplicateCustomer):
        shop.edit_customer(b.id, name="B2", phone="50001111")
    assert shop.customer(b.id).name == "B"


def test_birthdays_accept_29_february_and_refuse_impossible_dates(shop: Shop) -> None:
    assert make_customer(shop, "Leap", birthday="2000-02-29").birthday == Birthday(2, 29, 2000)
    for bad in ("2001-02-29", "--02-30", "13-01", "1890-01-01", "tomorrow"):
        with pytest.raises(InvalidInput):
            make_customer(shop, "Bad", birthday=bad)


def test_editing_a_field_that_does_not_exist_is_refused(shop: Shop) -> None:
    customer = make_customer(shop, "A")
    with pytest.raises(InvalidInput, match="cannot be changed"):
        shop.edit_customer(customer.id, card_code="X")


def test_a_scanned_card_code_or_phone_finds_the_customer(shop: Shop) -> None:
    layla = make_customer(shop, "Layla", phone="+96550012345")
    assert shop.resolve_customer(" +965 5001 2345 ") == layla
    assert shop.resolve_customer(layla.card_code.lower()) == layla


@pytest.mark.parametrize(
    ("typed", "echoed"),
    [
        ("\u202e+96550012345", "\ufffd+96550012345"),  # an override: the "�" shows why the number was not found
        ("\x00", "\ufffd"),
        ("x" * 100_000, "x" * 39 + "…"),
    ],
)
def test_nobody_found_echoes_what_was_typed_visibly_and_short(shop: Shop, typed: str, echoed: str) -> None:
    make_customer(shop, "Layla", phone="+96550012345")
    with pytest.raises(NotFound) as refused:
        shop.resolve_customer(typed)
    assert refused.value.message == f'No customer has the phone number or card code "{echoed}".'


def test_a_customer_number_too_large_for_sqlite_is_no_such_customer(shop: Shop) -> None:
    with pytest.raises(NotFound, match=r"There is no customer number 9223372036854775808\."):
        shop.customer(2**63)  # SQLite would raise OverflowError
    with pytest.raises(NotFound, match=r"There is no customer number 0\."):
        shop.customer(0)
