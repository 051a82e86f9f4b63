"""The first-run welcome: start empty with a short profile, or build a demo café in the background."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.welcome import WelcomePage, needs_welcome
from tests.factories import make_customer


@pytest.fixture
def open_window(qtbot, shop) -> Iterator[Callable[[], MainWindow]]:
    made: list[MainWindow] = []

    def open_() -> MainWindow:
        window = MainWindow(shop)
        made.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_
    for window in made:  # deleted before the shop closes (see test_main_window.py)
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def welcome(qtbot, shop) -> WelcomePage:
    page = WelcomePage(shop, ShopEvents())
    qtbot.addWidget(page)
    return page


def test_only_a_shop_without_customers_or_sales_is_welcomed(shop):
    assert needs_welcome(shop)

    make_customer(shop, "Sara Ali")

    assert not needs_welcome(shop)


def test_an_anonymous_sale_is_enough_to_skip_the_welcome(shop):
    shop.record_sale(customer_id=None, amount=1500)

    assert not needs_welcome(shop)


def test_start_empty_saves_the_profile_and_the_welcome_is_not_shown_again(shop, welcome, qtbot):
    welcome.choose_empty()
    assert welcome.name_edit.text() == "Test Café"  # the current settings, ready to change

    welcome.name_edit.setText("Zain Bakery")
    welcome.region_box.setCurrentIndex(welcome.region_box.findData("SA"))
    assert welcome.currency_box.currentText() == "SAR"  # suggested by the country
    assert welcome.zone_box.currentText() == "Asia/Riyadh"
    with qtbot.waitSignal(welcome.finished, timeout=1000):
        assert welcome.submit_profile()

    settings = shop.settings
    assert (settings["shop_name"], settings["phone_region"], settings["currency"], settings["time_zone"]) == (
        "Zain Bakery",
        "SA",
        "SAR",
        "Asia/Riyadh",
    )
    assert not needs_welcome(shop)  # answered on this PC, though the shop is still empty


def test_an_empty_shop_name_is_refused_in_a_sentence_and_nothing_is_saved(shop, welcome):
    welcome.choose_empty()
    welcome.name_edit.setText("   ")
    welcome.currency_box.setCurrentText("EUR")

    assert not welcome.submit_profile()

    assert not welcome.error_label.isHidden()
    assert welcome.error_label.text() == "Shop name cannot be empty."
    assert shop.settings["currency"] == "KWD"
    assert needs_welcome(shop)


def test_the_demo_is_built_in_the_background_into_this_shop(shop, welcome, qtbot):
    with qtbot.waitSignal(welcome.finished, timeout=30_000):
        job = welcome.choose_demo(customers=12, months=1)
        assert welcome.views.currentIndex() == 2  # the progress view, while the worker runs
        assert job is welcome.job

    assert shop.count_customers() == 12
    assert shop.settings["shop_name"] == "مقهى النخلة — Palm Café"  # read again from the file
    assert welcome.summary.startswith("Demo shop ready: 12 customers")
    assert not needs_welcome(shop)


def test_after_the_welcome_the_window_goes_to_the_counter(shop, open_window, qtbot):
    window = open_window()
    welcome = window.page("welcome")
    assert window.current_screen() == "welcome"

    welcome.choose_empty()
    welcome.name_edit.setText("Zain Bakery")
    qtbot.keyClick(welcome.name_edit, Qt.Key.Key_Return)

    assert window.current_screen() == "counter"
    assert window.windowTitle() == "\u2068Zain Bakery\u2069 — Customer loyalty"


def test_choosing_arabic_in_the_welcome_turns_the_window_right_to_left(shop, open_window, qtbot):
    window = open_window()
    welcome = window.page("welcome")
    welcome.choose_empty()

    welcome.language_box.setCurrentIndex(welcome.language_box.findData("ar"))
    assert welcome.submit_profile()

    qtbot.waitUntil(lambda: QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)
    assert shop.settings["language"] == "ar"
    assert window.current_screen() == "counter"
    assert window.isRightToLeft()
