"""Factories for tests: `from tests.factories import make_customer`."""

from __future__ import annotations

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.shop import Shop

_phone_counter = iter(range(50_000_000, 60_000_000))


def make_customer(shop: Shop, name: str = "Customer", **fields: object) -> Customer:
    """Enrol a customer; a fresh valid Kuwaiti mobile number unless `phone` is given."""
    fields.setdefault("phone", f"+965{next(_phone_counter)}")
    return shop.enrol(name=name, **fields).customer
