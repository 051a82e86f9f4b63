"""The Customers screen: find, sort, open a profile, edit, merge, adjust, consent and message."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.customers.dialogs import AdjustDialog
from smallbiz_loyalty.ui.customers.page import CustomersPage
from smallbiz_loyalty.ui.customers_model import CustomerColumn
from smallbiz_loyalty.ui.events import ShopEvents
from tests.factories import make_customer

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def open_page(qtbot, shop) -> Callable[[], CustomersPage]:
    def open_() -> CustomersPage:
        page = CustomersPage(shop, ShopEvents())
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        qtbot.waitExposed(page)
        page.focus_first()
        return page

    return open_


def _stamps(shop, customer_id: int, count: int) -> None:
    for _ in range(count):
        shop.record_sale(customer_id=customer_id, amount=1500)


def _open_profile(qtbot, page: CustomersPage, text: str) -> None:
    qtbot.keyClicks(page.search_box, text)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.profile.customer is not None)


def test_450_customers_open_lazily_and_a_profile_shows_the_right_balance(shop, open_page, qtbot):
    with transaction(shop.db):
        for n in range(450):
            shop.enrol(name=f"Customer {n:03d}", phone=f"+9655{n:07d}", at=START + timedelta(days=n))
    regular = shop.find_customers("Customer 123")[0]
    _stamps(shop, regular.id, 3)

    page = open_page()

    assert page.model.total() == 450
    assert page.model.rowCount() == 200  # the rest come as the table scrolls
    assert page.count_label.text() == "Customers: 450"
    _open_profile(qtbot, page, "Customer 123")
    profile = page.profile
    assert profile.customer.id == regular.id
    assert profile.name_label.text() == "Customer 123"
    # names the shop typed are isolated, so they keep their direction inside Arabic sentences
    assert profile.balance_label.text() == "\u2068Coffee card\u2069: 3 stamps"
    assert profile.progress_label.text() == "7 stamps more for \u2068Free coffee\u2069"
    assert profile.history.sales_table.rowCount() == 3
    assert profile.history.ledger_table.rowCount() == 3


def test_typing_the_last_four_phone_digits_narrows_the_table_to_that_customer(shop, open_page, qtbot):
    make_customer(shop, "Sara Ali", phone="+96550012345")
    make_customer(shop, "Omar Khalid", phone="+96560098765")
    make_customer(shop, "نورة المطيري", phone="+96590011111")
    page = open_page()
    assert page.model.rowCount() == 3

    qtbot.keyClicks(page.search_box, "2345")

    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.customer_at(0).name == "Sara Ali"
    assert page.count_label.text() == "Matches: 1"


def test_a_search_with_no_match_says_so_and_clearing_it_lists_everyone_again(shop, open_page, qtbot):
    make_customer(shop, "Sara Ali")
    make_customer(shop, "Omar Khalid")
    page = open_page()

    qtbot.keyClicks(page.search_box, "zzz")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == 'No customer matches "zzz".'

    page.search_box.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.count_label.text() == "Customers: 2"


def test_clicking_the_phone_header_sorts_by_phone(shop, open_page, qtbot):
    make_customer(shop, "Amal", phone="+96590000001")
    make_customer(shop, "Badr", phone="+96550000001")
    make_customer(shop, "Chadi", phone="+96560000001")
    page = open_page()
    header = page.table.horizontalHeader()

    x = header.sectionViewportPosition(CustomerColumn.PHONE) + header.sectionSize(CustomerColumn.PHONE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    assert [page.model.customer_at(r).name for r in range(3)] == ["Badr", "Chadi", "Amal"]


def test_editing_with_a_bad_phone_shows_the_sentence_and_changes_nothing(shop, open_page, qtbot):
    sara = make_customer(shop, "Sara Ali", phone="+96550012345")
    page = open_page()
    _open_profile(qtbot, page, "sara")
    dialog = page.profile.open_edit()

    dialog.name_edit.setText("Sara Al-Ali")
    dialog.phone_edit.setText("12")
    saved = dialog.save()

    assert not saved
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        '"12" is not a valid phone number for KW; check the digits or add the country code.'
    )
    assert dialog.focusWidget() is dialog.phone_edit
    assert shop.customer(sara.id).name == "Sara Ali"  # not half-saved
    assert shop.customer(sara.id).phone == "+96550012345"


def test_editing_a_name_saves_it_and_the_list_and_profile_show_it(shop, open_page, qtbot):
    sara = make_customer(shop, "Sara Ali")
    page = open_page()
    _open_profile(qtbot, page, "sara")
    dialog = page.profile.open_edit()

    dialog.name_edit.setText("Sara Al-Ali")
    assert dialog.save()

    assert shop.customer(sara.id).name == "Sara Al-Ali"
    assert page.profile.name_label.text() == "Sara Al-Ali"


def test_merging_through_the_dialog_keeps_the_summed_balance(shop, open_page, qtbot):
    sara = make_customer(shop, "Sara Ali", phone="+96550012345")
    sarah = make_customer(shop, "Sarah Ali", phone="+96560012345")
    _stamps(shop, sara.id, 3)
    _stamps(shop, sarah.id, 2)
    page = open_page()
    page.open_customer(sara.id)
    dialog = page.profile.open_merge()
    assert [dialog.candidates.item(r).text() for r in range(dialog.candidates.count())] == [
        "Sarah Ali — \u20666001 2345\u2069"
    ]

    dialog.candidates.setCurrentRow(0)
    assert dialog.keep_label.text().endswith("\u2068Coffee card\u2069: 3 stamps")
    assert dialog.other_label.text().endswith("\u2068Coffee card\u2069: 2 stamps")  # both balances seen first
    assert dialog.merge_button.text() == "Merge \u2068Sarah Ali\u2069 into \u2068Sara Ali\u2069"
    assert dialog.merge()

    assert shop.customer_status(sara.id).programmes[0].balance == 5
    assert not shop.customer(sarah.id).active
    assert page.model.total() == 1
    assert page.profile.balance_label.text() == "\u2068Coffee card\u2069: 5 stamps"


def test_an_adjustment_needs_a_reason_then_corrects_the_balance(shop, open_page, qtbot):
    sara = make_customer(shop, "Sara Ali")
    page = open_page()
    page.open_customer(sara.id)
    dialog = page.profile.open_adjust()
    dialog.quantity_edit.setText("2")

    assert not dialog.apply()
    assert dialog.error_label.text() == "The reason cannot be empty."
    assert shop.customer_status(sara.id).programmes[0].balance == 0

    dialog.reason_edit.setText("Stamps forgotten on Monday")
    assert dialog.apply()
    assert shop.customer_status(sara.id).programmes[0].balance == 2
    assert shop.ledger_entries(sara.id)[0].reason == "Stamps forgotten on Monday"


def test_a_cashier_cannot_adjust_and_is_told_so_plainly(shop, open_page):
    sara = make_customer(shop, "Sara Ali")
    with transaction(shop.db):  # no Shop method adds staff yet
        shop.db.execute(
            "INSERT INTO staff (id, name, role, created_at) VALUES (2, 'Badr', 'cashier', '2026-10-01T08:00:00+00:00')"
        )
    shop.staff_id = 2
    page = open_page()
    page.open_customer(sara.id)

    assert not page.profile.adjust_button.isEnabled()
    assert page.profile.adjust_button.toolTip() == "Only the owner can correct a balance."
    assert page.profile.merge_button.toolTip() == "Only the owner can merge customers."
    dialog = AdjustDialog(shop, page.events, shop.customer(sara.id))
    dialog.quantity_edit.setText("5")
    dialog.reason_edit.setText("Friend of the owner")
    assert not dialog.apply()
    assert dialog.error_label.text() == "Only the owner can correct a balance."
    assert shop.customer_status(sara.id).programmes[0].balance == 0


class _UrlCatcher(QObject):
    """Stands in for the desktop's browser: records the links it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser() -> Iterator[_UrlCatcher]:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("https")


def test_without_marketing_consent_the_message_button_is_off_and_says_why(shop, open_page):
    omar = make_customer(shop, "Omar Khalid", consent_marketing=False)
    page = open_page()

    page.open_customer(omar.id)

    assert not page.profile.message_button.isEnabled()
    assert page.profile.message_button.toolTip() == (
        "Omar Khalid has not agreed to receive messages; tick their marketing consent first if they agree."
    )


def test_ticking_consent_then_message_opens_whatsapp_with_a_personal_text(shop, open_page, qtbot, browser):
    sara = make_customer(shop, "Sara Ali", phone="+96550012345", consent_marketing=False)
    _stamps(shop, sara.id, 7)
    page = open_page()
    page.open_customer(sara.id)

    qtbot.mouseClick(page.profile.marketing_box, Qt.MouseButton.LeftButton)

    assert shop.customer(sara.id).consent_marketing
    assert page.profile.message_button.isEnabled()
    dialog = page.profile.open_message()
    assert dialog.text_edit.toPlainText() == (
        "Hello Sara Ali, thank you for visiting Test Café!\n"
        "Your balance: 7 stamps.\n"
        "Only 3 stamps more for Free coffee."
    )
    assert dialog.open_whatsapp()
    assert browser.opened == [
        "https://wa.me/96550012345?text=Hello%20Sara%20Ali%2C%20thank%20you%20for%20visiting%20Test%20Caf%C3%A9%21"
        "%0AYour%20balance%3A%207%20stamps.%0AOnly%203%20stamps%20more%20for%20Free%20coffee."
    ]


def test_arabic_lays_the_screen_out_right_to_left(shop, open_page):
    fatima = make_customer(shop, "فاطمة الصباح", phone="+96550012345")
    apply_language(QApplication.instance(), "ar")

    page = open_page()
    page.open_customer(fatima.id)

    assert page.isRightToLeft()
    assert page.profile.mapTo(page, QPoint(0, 0)).x() < page.table.mapTo(page, QPoint(0, 0)).x()
    assert page.model.headerData(CustomerColumn.NAME, Qt.Orientation.Horizontal) == "الاسم"


def test_the_customer_served_at_the_counter_is_opened_when_the_page_is_shown(shop, qtbot):
    make_customer(shop, "Omar Khalid")
    sara = make_customer(shop, "Sara Ali")
    events = ShopEvents()
    page = CustomersPage(shop, events)
    qtbot.addWidget(page)

    events.customer_selected.emit(sara.id)  # the counter serves Sara while this page is hidden
    assert page.profile.customer is None  # nothing read for a page nobody sees

    page.show()
    qtbot.waitExposed(page)

    assert page.profile.customer.id == sara.id
    assert page.table.selectionModel().selectedRows()[0].row() == 1
