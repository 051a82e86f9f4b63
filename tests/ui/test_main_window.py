"""The main window: five screens one key away, the shop and the staff member shown, languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.customers.page import CustomersPage
from smallbiz_loyalty.ui.main_window import SCREEN_NAMES, MainWindow
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.reports.page import ReportsPage
from smallbiz_loyalty.ui.welcome import WelcomePage
from tests.factories import make_customer


@pytest.fixture
def open_window(qtbot, shop) -> Iterator[Callable[..., MainWindow]]:
    """Open main windows on the test shop; each is deleted (not only closed) before the shop closes,
    so no page of it answers a later language change on a closed database."""
    made: list[MainWindow] = []

    def open_(*, screen: str | None = None, show: bool = True) -> MainWindow:
        window = MainWindow(shop, screen=screen)
        made.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    yield open_
    for window in made:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _focus_is_in(window: MainWindow, page) -> bool:
    focus = window.focusWidget()
    return focus is not None and (focus is page or page.isAncestorOf(focus))


def _active(qtbot, window: MainWindow) -> MainWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_the_window_opens_on_the_counter_with_the_keyboard_in_it(shop, open_window):
    make_customer(shop, "Sara Ali")

    window = open_window()

    assert window.current_screen() == "counter"
    counter = window.page("counter")
    assert window.stack.currentWidget() is counter
    assert _focus_is_in(window, counter)
    search = getattr(counter, "search", None)  # the counter page's own search box, when it is built in
    if search is not None:
        assert window.focusWidget() is search.box
    assert window.nav_buttons["counter"].isChecked()


def test_the_title_names_the_shop_and_the_status_bar_who_is_signed_in(shop, open_window):
    make_customer(shop, "Sara Ali")

    window = open_window()

    assert window.windowTitle() == "\u2068Test Café\u2069 — Customer loyalty"
    assert window.staff_label.text() == "\u2068Test Café\u2069 · Signed in: \u2068Owner\u2069"


def test_f2_and_ctrl_2_open_the_customers_screen_with_its_search_box_focused(shop, open_window, qtbot):
    make_customer(shop, "Sara Ali")
    window = _active(qtbot, open_window())

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)

    assert window.current_screen() == "customers"
    customers = window.page("customers")
    assert isinstance(customers, CustomersPage)
    assert QApplication.focusWidget() is customers.search_box

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert window.current_screen() == "counter"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "customers"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen() == "reports"
    assert window.nav_buttons["reports"].isChecked()
    assert not window.nav_buttons["customers"].isChecked()


def test_every_screen_is_a_page_on_the_windows_one_event_bus(shop, open_window):
    make_customer(shop, "Sara Ali")
    window = open_window(show=False)

    for name in SCREEN_NAMES:
        page = window.show_screen(name)
        assert isinstance(page, Page)
        assert page.events is window.events
        assert window.page(name) is page  # built once


@pytest.mark.parametrize(("screen", "page_class"), [("customers", CustomersPage), ("reports", ReportsPage)])
def test_the_screen_argument_chooses_the_first_page_even_for_a_new_shop(open_window, screen, page_class):
    window = open_window(screen=screen, show=False)

    assert window.current_screen() == screen
    assert isinstance(window.stack.currentWidget(), page_class)


def test_an_unknown_screen_is_refused(shop):
    with pytest.raises(ValueError, match="unknown screen 'till'"):
        MainWindow(shop, screen="till")


def test_a_brand_new_shop_opens_on_the_welcome(shop, open_window):
    window = open_window()

    assert window.current_screen() == "welcome"
    assert isinstance(window.stack.currentWidget(), WelcomePage)
    assert not any(button.isChecked() for button in window.nav_buttons.values())


def test_the_window_size_is_remembered_in_this_pcs_preferences(shop, open_window, tmp_path_factory):
    make_customer(shop, "Sara Ali")
    first = open_window()
    first.resize(720, 530)
    first.close()

    second = open_window(show=False)

    assert (second.width(), second.height()) == (720, 530)
    assert str(preferences.preferences_file()).startswith(str(tmp_path_factory.getbasetemp()))


def test_changing_the_shop_name_retitles_the_window(shop, open_window):
    make_customer(shop, "Sara Ali")
    window = open_window()

    shop.set_settings(shop_name="Palm Café")
    window.events.announce(frozenset({SETTINGS}))

    assert window.windowTitle() == "\u2068Palm Café\u2069 — Customer loyalty"


def test_arabic_puts_the_navigation_on_the_right(shop, open_window):
    make_customer(shop, "فاطمة الصباح")
    apply_language(QApplication.instance(), "ar")

    window = open_window()

    assert window.isRightToLeft()
    assert window.nav.geometry().left() > window.stack.geometry().left()
    assert window.windowTitle() == "\u2068Test Café\u2069 — ولاء العملاء"


def test_switch_now_in_the_settings_shows_the_whole_window_in_arabic(shop, open_window, qtbot):
    make_customer(shop, "Sara Ali")
    window = open_window()
    before = window.page("customers")
    settings = window.show_screen("settings")
    shop.set_settings(language="ar")

    settings.language_switched.emit("ar")  # what the settings page's "Switch now" button sends

    qtbot.waitUntil(lambda: window.page("customers") is not before)  # rebuilt in Arabic
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.current_screen() == "settings"
    assert window.isRightToLeft()
    assert window.windowTitle().endswith("ولاء العملاء")
    assert window.nav_buttons["customers"].text().endswith("F2")


def test_the_reports_page_says_the_month_in_words_and_exports_csv_in_the_background(shop, open_window, qtbot, tmp_path):
    sara = make_customer(shop, "Sara Ali")
    shop.record_sale(customer_id=sara.id, amount=2500)
    shop.record_sale(customer_id=None, amount=1000)
    window = open_window(screen="reports")
    reports = window.page("reports")

    assert reports.month_box.currentText() == "October 2026"
    assert reports.summary_label.text() == (
        "October 2026: 2 sales worth KWD3.500; 1 customers bought, 1 of them for the first time."
    )
    with qtbot.waitSignal(reports.export("customers", tmp_path / "customers.csv").finished, timeout=10_000):
        pass
    assert reports.status_label.text() == f"1 row written to {tmp_path / 'customers.csv'}."
    assert "Sara Ali" in (tmp_path / "customers.csv").read_text(encoding="utf-8-sig")
