"""The main window: a cashier finds a customer with the keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.customers_model import CustomerColumn
from tests.factories import make_customer


def test_title_names_the_shop_and_the_search_box_has_the_focus(shop, open_window):
    make_customer(shop, "Sara Ali")

    window = open_window()

    assert window.windowTitle() == "Test Café — Customer loyalty"
    assert window.focusWidget() is window.search_box
    assert window.model.rowCount() == 1
    assert window.count_label.text() == "Customers: 1"


def test_typing_the_last_four_phone_digits_narrows_the_table_to_that_customer(shop, open_window, qtbot):
    make_customer(shop, "Sara Ali", phone="+96550012345")
    make_customer(shop, "Omar Khalid", phone="+96560098765")
    make_customer(shop, "نورة المطيري", phone="+96590011111")
    window = open_window()
    assert window.model.rowCount() == 3

    qtbot.keyClicks(window.focusWidget(), "2345")

    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.customer_at(0).name == "Sara Ali"
    assert window.count_label.text() == "Matches: 1"


def test_enter_moves_from_the_search_box_to_the_first_result(shop, open_window, qtbot):
    make_customer(shop, "Sara Ali", phone="+96550012345")
    make_customer(shop, "Omar Khalid", phone="+96560098765")
    window = open_window()

    qtbot.keyClicks(window.search_box, "omar")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # before the debounce: searches at once

    assert window.model.total() == 1
    assert window.table.hasFocus() or window.focusWidget() is window.table
    assert window.table.selectionModel().selectedRows()[0].row() == 0
    assert window.model.customer_at(0).name == "Omar Khalid"


def test_a_search_with_no_match_says_so_and_clearing_it_lists_everyone_again(shop, open_window, qtbot):
    make_customer(shop, "Sara Ali")
    make_customer(shop, "Omar Khalid")
    window = open_window()

    qtbot.keyClicks(window.search_box, "zzz")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.count_label.text() == 'No customer matches "zzz".'

    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.count_label.text() == "Customers: 2"


def test_arabic_lays_the_window_out_right_to_left_in_arabic(shop, open_window):
    make_customer(shop, "فاطمة الصباح", phone="+96550012345")
    apply_language(QApplication.instance(), "ar")

    window = open_window()

    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert window.windowTitle() == "Test Café — ولاء العملاء"
    assert window.search_box.placeholderText() == "أرقام الهاتف أو الاسم أو رمز البطاقة"
    assert window.model.headerData(CustomerColumn.NAME, Qt.Orientation.Horizontal) == "الاسم"
    assert window.count_label.text() == "العملاء: 1"


def test_back_to_english_lays_out_left_to_right(shop, open_window):
    apply_language(QApplication.instance(), "ar")
    apply_language(QApplication.instance(), "en")

    window = open_window()

    assert not window.isRightToLeft()
    assert window.model.headerData(CustomerColumn.NAME, Qt.Orientation.Horizontal) == "Name"
