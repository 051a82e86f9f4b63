"""Sales, idempotency keys, returns and voids."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from smallbiz_loyalty.core import sales
from smallbiz_loyalty.core.errors import InvalidInput, NotFound, RuleViolation
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def _count(shop: Shop, table: str = "sales") -> int:
    return shop.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_sale_is_stored_in_minor_units_on_the_shop_local_date(shop: Shop) -> None:
    customer = make_customer(shop, "Ali")
    sale = shop.record_sale(customer_id=customer.id, amount=shop.parse_amount("١٢٫٥"), category="coffee").sale
    assert sale.amount == 12500  # KWD: 3 decimals
    assert sale.business_date == date(2026, 10, 15)
    assert sale.category == "coffee"


def test_a_late_evening_sale_belongs_to_the_shop_local_day(shop: Shop) -> None:
    from datetime import UTC, datetime

    sale = shop.record_sale(customer_id=None, amount=1000, at=datetime(2026, 10, 15, 22, 30, tzinfo=UTC)).sale
    assert sale.business_date == date(2026, 10, 16)  # 01:30 in Kuwait


def test_a_resent_key_returns_the_first_sale_and_writes_nothing(shop: Shop) -> None:
    customer = make_customer(shop, "Ali")
    first = shop.record_sale(customer_id=customer.id, amount=2500, key="till1-0001")
    again = shop.record_sale(customer_id=customer.id, amount=2500, key="till1-0001")
    assert again.duplicate and not first.duplicate
    assert again.sale == first.sale
    assert _count(shop) == 1


def test_a_key_reused_for_a_different_sale_is_refused(shop: Shop) -> None:
    shop.record_sale(customer_id=None, amount=2500, key="k")
    with pytest.raises(InvalidInput, match="already used for a different sale"):
        shop.record_sale(customer_id=None, amount=9999, key="k")
    assert _count(shop) == 1


def test_partial_returns_are_linked_and_cannot_exceed_the_sale(shop: Shop) -> None:
    customer = make_customer(shop, "Ali")
    sale = shop.record_sale(customer_id=customer.id, amount=10000).sale
    first = shop.record_return(sale.id, amount=4000).sale
    assert (first.kind, first.amount, first.original_sale_id, first.customer_id) == (
        "return",
        -4000,
        sale.id,
        customer.id,
    )
    with pytest.raises(RuleViolation, match=r"Only KWD6\.000 of sale"):
        shop.record_return(sale.id, amount=7000)
    rest = shop.record_return(sale.id).sale
    assert rest.amount == -6000
    with pytest.raises(RuleViolation, match="already been returned in full"):
        shop.record_return(sale.id)
    assert shop.check() == []


def test_a_resent_return_key_writes_nothing(shop: Shop) -> None:
    sale = shop.record_sale(customer_id=None, amount=10000).sale
    shop.record_return(sale.id, amount=1000, key="r1")
    assert shop.record_return(sale.id, amount=1000, key="r1").duplicate
    assert _count(shop) == 2


def test_a_void_keeps_the_sale_marked_and_can_happen_once(shop: Shop) -> None:
    sale = shop.record_sale(customer_id=None, amount=3000).sale
    voided = shop.void_sale(sale.id, reason="typed 30 instead of 3").sale
    assert voided.voided and voided.void_reason == "typed 30 instead of 3"
    with pytest.raises(RuleViolation, match="already voided"):
        shop.void_sale(sale.id, reason="again")
    with pytest.raises(RuleViolation, match="was voided"):
        shop.record_return(sale.id)
    assert _count(shop, "audit_log") >= 1


def test_a_sale_with_returns_cannot_be_voided(shop: Shop) -> None:
    sale = shop.record_sale(customer_id=None, amount=3000).sale
    shop.record_return(sale.id, amount=1000)
    with pytest.raises(RuleViolation, match="return the rest instead"):
        shop.void_sale(sale.id, reason="mistake")


def test_a_void_needs_a_reason(shop: Shop) -> None:
    sale = shop.record_sale(customer_id=None, amount=3000).sale
    with pytest.raises(InvalidInput, match="reason cannot be empty"):
        shop.void_sale(sale.id, reason="  ")
    assert not shop.sale(sale.id).voided


def test_sales_rows_cannot_be_rewritten_or_deleted_even_in_sql(shop: Shop) -> None:
    sale = shop.record_sale(customer_id=None, amount=3000).sale
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        shop.db.execute("UPDATE sales SET amount = 1 WHERE id = ?", [sale.id])
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        shop.db.execute("DELETE FROM sales WHERE id = ?", [sale.id])


WHOLE = "The amount must be a whole number of the currency's smallest unit (such as fils or cents)."


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (True, WHOLE),  # a bool is an int to Python: without the check, a 1-fils sale
        (1.5, WHOLE),  # would be stored as REAL money
        ("12", WHOLE),
        (None, WHOLE),
        (0, "The amount must be more than zero."),
        (-5, "The amount must be more than zero."),
        (2**63, "That amount is too large; please check it."),  # SQLite's INTEGER would overflow
        (10_000_000_001, "That amount is too large; please check it."),  # 10 000 000.001 KWD
    ],
)
def test_a_sale_amount_that_is_not_whole_minor_units_is_refused(shop: Shop, amount: object, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        shop.record_sale(customer_id=None, amount=amount)
    assert (refused.value.field, refused.value.message) == ("amount", message)
    assert _count(shop) == 0


def test_the_largest_sale_is_ten_million_of_the_currency(shop: Shop) -> None:
    # KWD has 3 decimals: 10 000 000.000 KWD is 10**10 fils, the same cap as parse_amount's.
    assert shop.record_sale(customer_id=None, amount=10_000_000_000).sale.amount == 10**10
    assert shop.parse_amount("10000000") == 10**10


def test_insert_sale_caps_the_amount_even_without_a_currency(shop: Shop) -> None:
    with pytest.raises(InvalidInput, match="too large"):
        sales.insert_sale(
            shop.db,
            key="k",
            customer_id=None,
            amount=2**63,
            category=None,
            business_date=date(2026, 10, 15),
            now="2026-10-15T09:30:00+00:00",
            staff_id=1,
        )
    assert _count(shop) == 0


@pytest.mark.parametrize("customer_id", ["1", True, 1.0])
def test_a_customer_is_given_by_number_only(shop: Shop, customer_id: object) -> None:
    make_customer(shop, "Ali")  # customer 1: True or "1" must not quietly become Ali
    with pytest.raises(InvalidInput) as refused:
        shop.record_sale(customer_id=customer_id, amount=1_500)
    assert refused.value.message == "The customer must be given by their customer number, such as 42."
    assert _count(shop) == 0


def test_a_customer_number_too_large_for_sqlite_is_no_such_customer(shop: Shop) -> None:
    with pytest.raises(NotFound, match=r"There is no customer number 9223372036854775808\."):
        shop.record_sale(customer_id=2**63, amount=1_500)
    assert _count(shop) == 0


@pytest.mark.parametrize("amount", [1.5, True, "1000"])
def test_a_return_amount_must_be_whole_minor_units(shop: Shop, amount: object) -> None:
    sale = shop.record_sale(customer_id=None, amount=10_000).sale
    with pytest.raises(InvalidInput) as refused:
        shop.record_return(sale.id, amount=amount)
    assert refused.value.message == WHOLE
    assert _count(shop) == 1  # only the sale: 1.5 is never stored as REAL money


def test_a_sale_number_too_large_for_sqlite_is_no_such_sale(shop: Shop) -> None:
    with pytest.raises(NotFound, match=r"There is no sale number 9223372036854775808\."):
        shop.record_return(2**63)
    with pytest.raises(NotFound, match=r"There is no sale number 9223372036854775808\."):
        shop.void_sale(2**63, reason="typo")
    assert _count(shop) == 0
