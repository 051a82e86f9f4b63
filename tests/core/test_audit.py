"""The audit log: every sensitive action leaves exactly one entry saying who, what,
when and to what; the owner reads it newest first, a page at a time; nobody edits it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from smallbiz_loyalty.core import audit, pins
from smallbiz_loyalty.core.db import backup_to
from smallbiz_loyalty.core.errors import InvalidInput, PermissionDenied
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

OWNER_PIN = pins.hash_pin("2580")  # hashed once for the module


@pytest.fixture
def owner(shop: Shop, tmp_path: Path) -> Shop:
    """Ali with a sale and his duplicate Ali A.; the owner has a PIN (so staff can be added)."""
    shop.db.execute("UPDATE staff SET pin_hash = ?, pin_salt = ? WHERE id = 1", list(OWNER_PIN))
    ali = make_customer(shop, "Ali")
    make_customer(shop, "Ali A.")
    shop.record_sale(customer_id=ali.id, amount=2500, key="first")
    (tmp_path / "out").mkdir()
    return shop


def _ids(shop: Shop) -> tuple[int, int]:
    ali, duplicate = (c.id for c in shop.find_customers("ali"))
    return ali, duplicate


Call = Callable[[Shop, Path], object]
# (the action written, its subject, the call) — each made by the owner (staff 1).
SENSITIVE: list[tuple[str, str, Call]] = [
    ("settings", "", lambda s, d: s.set_settings(shop_name="Blue Door")),
    ("adjust_balance", "1", lambda s, d: s.adjust(_ids(s)[0], "Coffee card", 2, "Lost card")),
    ("merge_customers", "2->1", lambda s, d: s.merge_customers(*_ids(s))),
    ("import", "generic", lambda s, d: s.import_customers(b"name,phone\nHuda,+96550001111\n")),
    ("export", "customers", lambda s, d: s.export("customers", d / "out" / "customers.csv")),
    ("privacy_export", "1", lambda s, d: s.export_customer_data(_ids(s)[0], d / "out")),
    ("erase_customer", "1", lambda s, d: s.erase_customer(_ids(s)[0], reason="Asked at the counter")),
    ("void_sale", "1", lambda s, d: s.void_sale(1, reason="Typed twice")),
    ("issue_voucher", "1", lambda s, d: s.issue_voucher(_ids(s)[0], item="Sorry coffee")),
    ("edit_customer", "1", lambda s, d: s.edit_customer(_ids(s)[0], notes="Likes oat milk")),
    ("create_programme", "Points", lambda s, d: s.create_programme(name="Points", unit="points")),
    ("add_staff", "2", lambda s, d: s.add_staff(name="Sara", role="cashier", pin="4826")),
    ("set_pin", "1", lambda s, d: s.set_pin(1, "6093")),
    ("backup", "", lambda s, d: s.backup(d / "out")),
]


@pytest.mark.parametrize(("action", "subject", "call"), SENSITIVE, ids=[a for a, _s, _c in SENSITIVE])
def test_each_sensitive_action_leaves_one_entry(
    owner: Shop, tmp_path: Path, action: str, subject: str, call: Call
) -> None:
    before = audit.count_entries(owner.db, action=action)
    call(owner, tmp_path)
    assert audit.count_entries(owner.db, action=action) == before + 1
    entry = owner.audit_entries(action=action)[0]
    assert (entry.staff_id, entry.staff_name, entry.at) == (1, "Owner", "2026-10-15T09:30:00+00:00")
    if subject:
        assert entry.subject == subject


def test_staff_changes_and_wrong_pins_are_logged(owner: Shop) -> None:
    sara = owner.add_staff(name="Sara", role="cashier", pin="4826")
    owner.deactivate_staff(sara.id)
    for _try in range(5):
        with pytest.raises(PermissionDenied):
            owner.sign_in(1, "9999")
    actions = [e.action for e in audit.audit_entries(owner.db, 8)]
    assert actions == ["sign_in_locked", *["sign_in_failed"] * 5, "deactivate_staff", "add_staff"]
    failed = audit.audit_entries(owner.db, 1, 1)[0]
    assert (failed.staff_id, failed.subject, failed.detail) == (None, "1", {"failures": 5})  # who typed it: unknown


def test_a_restore_is_logged_in_the_restored_file(owner: Shop, tmp_path: Path) -> None:
    copy = backup_to(owner.db, tmp_path / "copy.db")
    owner.restore_from(copy)
    assert owner.audit_entries(1)[0].action == "restore"


def test_the_erase_entry_keeps_the_reason_but_not_the_name(owner: Shop) -> None:
    ali, _duplicate = _ids(owner)
    owner.erase_customer(ali, reason="Asked at the counter")
    entry = owner.audit_entries(1)[0]
    assert entry.detail["reason"] == "Asked at the counter"
    assert "Ali" not in str(entry.detail)


def test_entries_come_newest_first_a_page_at_a_time(owner: Shop) -> None:
    for name in ("One", "Two", "Three"):
        owner.set_settings(shop_name=name)
    newest = owner.audit_entries(2)
    assert [e.detail["shop_name"] for e in newest] == ["Three", "Two"]
    assert owner.audit_entries(2, 2)[0].detail["shop_name"] == "One"
    assert [e.id for e in newest] == sorted((e.id for e in newest), reverse=True)
    with pytest.raises(InvalidInput):
        owner.audit_entries(0)
    with pytest.raises(InvalidInput):
        owner.audit_entries(10, -1)


def test_nobody_can_change_or_delete_an_entry(owner: Shop) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        owner.db.execute("UPDATE audit_log SET action = 'nothing'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        owner.db.execute("DELETE FROM audit_log")
