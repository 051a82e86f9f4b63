"""Who is signed in: the staff member behind `shop.staff_id`."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import NotFound
from smallbiz_loyalty.core.staff import list_staff, staff_member


def test_a_new_shop_is_run_by_its_owner(shop):
    owner = staff_member(shop.db, shop.staff_id)

    assert (owner.id, owner.name, owner.role, owner.is_owner, owner.active) == (1, "Owner", "owner", True, True)
    assert list_staff(shop.db) == [owner]


def test_owners_come_first_then_names_and_inactive_ones_can_be_left_out(shop):
    with transaction(shop.db):  # no Shop method adds staff yet (the data-safety work will)
        shop.db.execute(
            "INSERT INTO staff (id, name, role, active, created_at) VALUES"
            " (2, 'Badr', 'cashier', 1, '2026-10-01T08:00:00+00:00'),"
            " (3, 'Amal', 'cashier', 0, '2026-10-01T08:00:00+00:00')"
        )

    assert [s.name for s in list_staff(shop.db)] == ["Owner", "Amal", "Badr"]
    assert [s.name for s in list_staff(shop.db, active_only=True)] == ["Owner", "Badr"]
    assert not staff_member(shop.db, 2).is_owner


def test_an_unknown_staff_number_is_reported_plainly(shop):
    with pytest.raises(NotFound) as raised:
        staff_member(shop.db, 42)

    assert raised.value.message == "There is no staff member number 42."
