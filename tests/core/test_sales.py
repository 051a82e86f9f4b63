"""Sales, idempotency keys, returns and voids."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
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
