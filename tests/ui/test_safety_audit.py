"""The audit log viewer (owner only, read lazily) and the staff & PIN panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from smallbiz_loyalty.core.errors import PermissionDenied
from smallbiz_loyalty.core.staff import Staff
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.safety.audit_view import (
    ACTION,
    DETAILS,
    RECORD_ROLE,
    SUBJECT,
    WHEN,
    WHO,
    AuditTableModel,
    AuditViewer,
)
from smallbiz_loyalty.ui.safety.staff_admin import StaffAdminPanel
from tests.factories import make_customer


def _row(model: AuditTableModel, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_the_audit_viewer_lists_a_settings_change_newest_first(shop, qtbot, qtmodeltester):
    shop.set_settings(shop_name="Palm Café", idle_lock_minutes=10)

    viewer = AuditViewer(shop)
    qtbot.addWidget(viewer)

    model = viewer.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # the test shop's own set-up, then this change
    newest = _row(model, 0)
    assert newest[WHEN] == "Oct 15, 2026 12:30\u202fPM"
    assert newest[WHO] == "\u2068Owner\u2069"
    assert newest[ACTION] == "Settings changed"
    # Each detail is kept whole in its own direction (an isolate), and so is each value inside it.
    assert newest[DETAILS] == (
        "\u2068Shop name: \u2068Palm Café\u2069\u2069 · "
        "\u2068Minutes without use before the app locks (0 = never): \u206810\u2069\u2069"
    )
    assert model.data(model.index(0, 0), RECORD_ROLE).detail == {"shop_name": "Palm Café", "idle_lock_minutes": 10}
    assert viewer.note_label.text() == "Every sensitive action, newest first: who did it and when."


def test_the_audit_log_is_read_a_page_at_a_time(shop, qtmodeltester):
    for number in range(24):
        shop.set_settings(shop_address=f"Street {number}")

    model = AuditTableModel(shop, page_size=10)  # 25 entries: 24 + the test shop's set-up

    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 25 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(0, DETAILS)) == "\u2068Shop address: \u2068Street 23\u2069\u2069"
    assert model.data(model.index(24, DETAILS)).startswith("\u2068Shop name: \u2068Test Café\u2069\u2069")
    qtmodeltester.check(model)


def _cashier(shop) -> Staff:
    shop.set_pin(shop.staff_id, "2580")
    return shop.add_staff(name="Mona", role="cashier", pin="4826")


def test_a_cashier_gets_the_cores_refusal_instead_of_the_log(shop, qtbot):
    cashier = _cashier(shop)
    shop.sign_in(cashier.id, "4826")

    viewer = AuditViewer(shop)
    qtbot.addWidget(viewer)

    assert viewer.note_label.text() == "Only the owner can view the audit log."
    assert viewer.model.rowCount() == 0
    assert not viewer.table.isVisibleTo(viewer)


def test_wrong_pins_and_sign_ins_show_who_they_were_for(shop):
    cashier = _cashier(shop)
    with pytest.raises(PermissionDenied):
        shop.sign_in(cashier.id, "9753")
    shop.sign_in(cashier.id, "4826")
    shop.sign_in(1, "2580")  # the owner again: the log is theirs to read

    model = AuditTableModel(shop)

    assert [[_row(model, r)[column] for column in (WHO, ACTION, SUBJECT)] for r in range(4)] == [
        ["\u2068Owner\u2069", "Signed in", "\u2068Owner\u2069"],
        ["\u2068Mona\u2069", "Signed in", "\u2068Mona\u2069"],
        ["—", "Wrong PIN", "\u2068Mona\u2069"],  # nobody known did it; it was a try at Mona's PIN
        ["\u2068Owner\u2069", "Staff member added", "\u2068Mona\u2069"],
    ]


def test_the_owner_turns_sign_in_on_with_a_pin_then_adds_a_cashier(shop, qtbot):
    events = ShopEvents()
    panel = StaffAdminPanel(shop, events)
    qtbot.addWidget(panel)
    assert panel.note_label.text().startswith("Sign-in is off")

    assert not panel.add("Mona", "cashier", "4826")
    assert panel.message_label.text() == "Set the owner's PIN first; until then anyone at the PC acts as the owner."

    panel.choose(shop.staff_id)
    qtbot.keyClicks(panel.new_pin_edit, "1234")
    qtbot.keyClick(panel.new_pin_edit, Qt.Key.Key_Return)
    assert panel.message_label.text() == "This PIN is too easy to guess (like 1234 or 1111); choose another."
    assert not shop.sign_in_required()

    panel.new_pin_edit.clear()
    with qtbot.waitSignal(events.changed):  # the idle lock and the settings page follow
        qtbot.keyClicks(panel.new_pin_edit, "2580")
        qtbot.keyClick(panel.new_pin_edit, Qt.Key.Key_Return)
    assert panel.message_label.text() == "The PIN of \u2068Owner\u2069 is set."
    assert shop.sign_in_required()

    qtbot.keyClicks(panel.name_edit, "Mona")
    qtbot.keyClicks(panel.add_pin_edit, "4826")
    qtbot.keyClick(panel.add_pin_edit, Qt.Key.Key_Return)
    assert panel.message_label.text() == "\u2068Mona\u2069 can now sign in with their PIN."
    assert [(m.name, m.role) for m in shop.staff()] == [("Owner", "owner"), ("Mona", "cashier")]
    assert panel.table.rowCount() == 2

    mona = shop.staff()[1]
    assert panel.deactivate(mona.id)
    assert panel.message_label.text() == "\u2068Mona\u2069 can no longer sign in."
    assert [m.name for m in shop.staff()] == ["Owner"]


def test_a_cashier_cannot_add_staff_but_may_set_their_own_pin(shop, qtbot):
    cashier = _cashier(shop)
    shop.sign_in(cashier.id, "4826")

    panel = StaffAdminPanel(shop)
    qtbot.addWidget(panel)

    assert not panel.add_group.isEnabled()
    assert panel.add_group.toolTip() == "Only the owner can add staff, set their PINs or deactivate them."
    assert not panel.set_pin(1, "3691")
    assert panel.message_label.text() == "Only the owner can add staff, set their PINs or deactivate them."
    assert panel.set_pin(cashier.id, "3691")
    assert shop.sign_in(cashier.id, "3691").name == "Mona"


def test_a_customer_edit_names_the_customer_and_the_fields_changed(shop):
    sara = make_customer(shop, "Sara Ali")
    shop.edit_customer(sara.id, name="Sara Al-Ali", notes="Oat milk")

    model = AuditTableModel(shop)

    assert [model.data(model.index(0, column)) for column in (ACTION, SUBJECT, DETAILS)] == [
        "Customer edited",
        f"\u2068Sara Al-Ali\u2069 (no. {sara.id})",
        "\u2068Fields: \u2068name, notes\u2069\u2069",
    ]
