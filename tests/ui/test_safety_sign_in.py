"""Sign-in before the window once the owner has a PIN, the idle lock, and what a cashier may open."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.staff import Staff
from smallbiz_loyalty.ui.app import Startup
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.safety.idle_lock import IdleLock
from smallbiz_loyalty.ui.safety.sign_in import SignInDialog
from tests.conftest import NOW
from tests.factories import make_customer

OWNER_PIN, CASHIER_PIN = "2580", "4826"
FIGURES_REFUSED = "Only the owner can see the shop's figures and print reports."


@pytest.fixture
def cashier(shop: Shop) -> Staff:
    """The owner has set a PIN (sign-in is on) and added Mona, a cashier."""
    make_customer(shop, "Sara Ali")  # not a brand-new shop: no welcome
    shop.set_pin(shop.staff_id, OWNER_PIN)
    return shop.add_staff(name="Mona", role="cashier", pin=CASHIER_PIN)


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
    for window in made:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _type_pin(qtbot, field, pin: str) -> None:
    qtbot.keyClicks(field, pin)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_with_an_owner_pin_the_app_asks_who_is_there_and_a_wrong_pin_gets_the_cores_sentence(
    shop, db_path, cashier, qtbot
):
    startup = Startup(db_path, clock=fixed_clock(NOW), guard=False)
    try:
        dialog = startup.start()
        startup.show()
        assert isinstance(dialog, SignInDialog)
        assert startup.window is None
        form = dialog.form
        assert [form.staff_box.itemText(i) for i in range(form.staff_box.count())] == [
            "Owner",  # the owner called "Owner" is not "Owner (Owner)"
            "\u2068Mona\u2069 (Cashier)",
        ]
        form.choose(cashier.id)

        _type_pin(qtbot, form.pin_edit, "9753")
        assert form.error_label.text() == "Wrong PIN for Mona; 4 tries left before a wait."
        assert form.pin_edit.text() == ""
        assert startup.window is None

        with qtbot.waitSignal(startup.window_opened):
            form.pin_edit.insert("٤٨٢٦")  # Mona's PIN in Arabic-Indic digits (QTest types ASCII only)
            qtbot.keyClick(form.pin_edit, Qt.Key.Key_Return)
        window = startup.window
        assert window is not None
        assert window.isVisible() and not dialog.isVisible()
        assert window.shop.staff_id == cashier.id
        assert window.staff_label.text() == "\u2068Test Café\u2069 · Signed in: \u2068Mona\u2069 (Cashier)"
    finally:
        startup.close()
        if startup.window is not None:
            startup.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_cashier_sees_the_owners_screens_greyed_out_with_the_reason(shop, cashier, open_window, qtbot):
    shop.sign_in(cashier.id, CASHIER_PIN)

    window = open_window()

    for name, reason in (("dashboard", FIGURES_REFUSED), ("reports", FIGURES_REFUSED)):
        assert not window.nav_buttons[name].isEnabled()
        assert window.nav_buttons[name].toolTip() == reason
    assert window.nav_buttons["settings"].toolTip() == "Only the owner can change the settings."
    assert window.nav_buttons["counter"].isEnabled() and window.nav_buttons["customers"].isEnabled()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)  # the settings' key does not open them
    assert window.current_screen() == "counter"
    assert window.statusBar().currentMessage() == "Only the owner can change the settings."


def test_left_alone_the_window_locks_and_the_pin_unlocks_it(shop, cashier, open_window, qtbot):
    window = open_window()
    counter = window.page("counter")
    lock = IdleLock(window, timeout_ms=30)  # instead of idle_lock_minutes

    with qtbot.waitSignal(lock.locked, timeout=5_000):
        pass  # nobody touches anything

    assert window.covered() and lock.screen is not None
    assert not counter.isVisible()  # the customers' data is hidden, and the page's keys with it
    qtbot.keyClick(lock.screen.form.pin_edit, Qt.Key.Key_F2)
    assert window.current_screen() == "counter"  # no screen opens behind the lock
    assert lock.screen.form.staff_box.currentData() == shop.staff_id  # the owner, who was signed in
    _type_pin(qtbot, lock.screen.form.pin_edit, "0000")
    assert lock.is_locked()
    assert lock.screen.form.error_label.text() == "Wrong PIN for Owner; 4 tries left before a wait."

    with qtbot.waitSignal(lock.unlocked):
        _type_pin(qtbot, lock.screen.form.pin_edit, OWNER_PIN)

    assert not window.covered()
    assert counter.isVisible()
    assert window.nav_buttons["dashboard"].isEnabled()


def test_unlocking_as_the_cashier_switches_who_is_signed_in_and_what_they_may_open(shop, cashier, open_window, qtbot):
    window = open_window()
    window.show_screen("dashboard")
    lock = IdleLock(window, timeout_ms=60_000)
    screen = lock.lock()
    screen.form.choose(cashier.id)

    with qtbot.waitSignal(lock.unlocked):
        _type_pin(qtbot, screen.form.pin_edit, CASHIER_PIN)

    assert shop.staff_id == cashier.id
    assert window.current_screen() == "counter"  # the dashboard is the owner's
    assert not window.nav_buttons["dashboard"].isEnabled()
    assert "Signed in: \u2068Mona\u2069 (Cashier)" in window.staff_label.text()


def test_without_any_pin_the_window_never_locks(shop, open_window):
    make_customer(shop, "Sara Ali")
    window = open_window()

    lock = IdleLock(window, timeout_ms=1)

    assert not lock.enabled()
    assert not lock.timer.isActive()
