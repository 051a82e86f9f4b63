"""The counter, driven as a cashier drives it: with the keyboard.

Layla has 9 stamps on the coffee card. Four phone digits and Enter find her,
an amount and Enter record the sale (the tenth stamp: a free coffee is ready),
F9 gives it, Ctrl+Z takes the redemption back, Ctrl+Z again the sale."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.counter import CounterPage
from smallbiz_loyalty.ui.events import ShopEvents
from tests.factories import make_customer

CTRL = Qt.KeyboardModifier.ControlModifier


def show_counter(qtbot, shop: Shop) -> CounterPage:
    """The counter page on `shop`, shown, active and with the search box focused."""
    page = CounterPage(shop, ShopEvents())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitActive(page):  # the counter's keys work in the active window
        page.show()
        page.activateWindow()
    page.focus_first()
    return page


@pytest.fixture
def open_counter(qtbot, shop: Shop) -> Iterator[Callable[[], CounterPage]]:
    """Open the counter (call it after adding customers and sales); closed before the shop is."""
    opened: list[CounterPage] = []

    def open_() -> CounterPage:
        opened.append(show_counter(qtbot, shop))
        return opened[-1]

    yield open_
    for page in opened:
        page.close()


def _layla_with_nine_stamps(shop: Shop) -> int:
    layla = make_customer(shop, "Layla Hassan", phone="+96550001234").id
    for visit in range(9):
        shop.record_sale(customer_id=layla, amount=1_500, key=f"visit-{visit}")
    return layla


def _stamps(shop: Shop, customer_id: int) -> int:
    return ledger.balance(shop.db, customer_id, 1, shop.today())


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` as a keyboard with that layout would (QTest only knows Latin keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _sales(shop: Shop) -> int:
    return shop.db.execute("SELECT COUNT(*) FROM sales").fetchone()[0]


def _find_record_redeem_and_undo(qtbot, page: CounterPage, shop: Shop, layla: int, texts: dict[str, str]) -> None:
    """The whole counter round, keyboard only; `texts` are the expected messages in the UI language."""
    assert page.focusWidget() is page.search.box
    qtbot.keyClicks(page.search.box, "1234")
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)  # at once, without waiting for the debounce
    assert page.status is not None and page.status.customer.id == layla
    assert page.focusWidget() is page.entry.amount
    assert page.panel.punch_cards[0].punched() == 9

    with qtbot.waitSignal(page.events.changed) as announced:
        qtbot.keyClicks(page.entry.amount, "1.500")
        qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)
    assert announced.args == [frozenset({"sales", "ledger"})]
    shown = page.result_view.text()
    assert texts["stamp"] in shown
    assert texts["ready"] in shown
    assert page.panel.punch_cards[0].punched() == 10
    qtbot.waitUntil(page.panel.redeem_buttons[0].isVisible)  # the green banner with its button
    assert page.focusWidget() is page.search.box  # ready for the next customer

    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_F9)
    assert page.result_view.give_label.text() == texts["give"]
    assert page.result_view.give_label.isVisible()
    assert _stamps(shop, layla) == 0
    assert not page.panel.redeem_buttons

    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert _stamps(shop, layla) == 10
    assert page.panel.punch_cards[0].punched() == 10
    assert page.panel.redeem_buttons  # the reward is ready again

    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert _stamps(shop, layla) == 9
    assert shop.sale(shop.db.execute("SELECT MAX(id) FROM sales").fetchone()[0]).voided
    assert not page.undo_button.isEnabled()
    assert shop.check() == []


def test_find_by_phone_digits_sell_redeem_and_undo_with_the_keyboard(qtbot, shop, open_counter) -> None:
    layla = _layla_with_nine_stamps(shop)
    page = open_counter()
    texts = {"stamp": "+1 stamp — 10/10", "ready": "Reward ready: Free coffee", "give": "Give: Free coffee"}

    _find_record_redeem_and_undo(qtbot, page, shop, layla, texts)

    assert page.result_view.text().startswith("−1 stamp — 9/10")


def test_the_same_round_in_arabic_right_to_left(qtbot, shop, open_counter, qapp: QApplication) -> None:
    layla = _layla_with_nine_stamps(shop)
    apply_language(qapp, "ar")
    try:
        page = open_counter()
        assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
        texts = {"stamp": "+ختم واحد — 10/10", "ready": "مكافأة جاهزة: Free coffee", "give": "قدّم: Free coffee"}

        _find_record_redeem_and_undo(qtbot, page, shop, layla, texts)

        card = page.panel.punch_cards[0]
        assert card.circle_rect(0).x() > card.circle_rect(9).x()  # the first stamp is on the right
        # The search box sits at the right of the enrol button, as the mirror of English.
        assert page.search.mapTo(page, page.search.rect().topLeft()).x() > page.enrol_button.x()
    finally:
        apply_language(qapp, "en")


def test_the_undo_button_says_what_it_will_undo(qtbot, shop, open_counter) -> None:
    layla = _layla_with_nine_stamps(shop)
    page = open_counter()
    assert page.undo_button.text() == "Undo (Ctrl+Z)"
    page.serve(layla)
    qtbot.keyClicks(page.entry.amount, "1.500")
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)
    assert page.undo_button.text() == "Undo sale of KWD1.500 (Ctrl+Z)"
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_F9)
    assert page.undo_button.text() == "Undo \u2068Free coffee\u2069 for \u2068Layla Hassan\u2069 (Ctrl+Z)"
    page.undo_button.click()
    assert page.undo_button.text() == "Undo sale of KWD1.500 (Ctrl+Z)"


def test_a_bad_amount_shows_its_sentence_and_records_nothing(qtbot, shop, open_counter) -> None:
    layla = _layla_with_nine_stamps(shop)
    page = open_counter()
    page.serve(layla)
    before = _sales(shop)

    qtbot.keyClicks(page.entry.amount, "12,5O")
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)

    assert page.entry.error_label.text() == '"12,5O" is not an amount; type digits, for example 12.50.'
    assert _sales(shop) == before
    assert page.focusWidget() is page.entry.amount  # to correct it at once


def test_amounts_in_eastern_arabic_digits_and_with_a_comma_are_accepted(qtbot, shop, open_counter) -> None:
    layla = _layla_with_nine_stamps(shop)
    page = open_counter()
    page.serve(layla)
    for typed, minor in (("١٫٢٥٠", 1_250), ("2,5", 2_500)):
        type_text(page.entry.amount, typed)
        qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)
        last = shop.sale(shop.db.execute("SELECT MAX(id) FROM sales").fetchone()[0])
        assert (last.amount, last.customer_id) == (minor, layla)
        page.entry.amount.setFocus()


def test_a_double_enter_records_the_sale_once(qtbot, shop, open_counter) -> None:
    layla = _layla_with_nine_stamps(shop)
    page = open_counter()
    page.serve(layla)
    before = _sales(shop)

    qtbot.keyClicks(page.entry.amount, "2.000")
    key = page.entry.key()
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)

    assert _sales(shop) == before + 1
    assert page.entry.error_label.text() == ""
    # Sent again with the same key (a retry), the sale is not recorded a second time.
    page.record_sale(2_000, None, key, False)
    assert _sales(shop) == before + 1
    assert "already recorded" in page.result_view.text()


def test_the_key_is_made_when_the_amount_is_typed_and_kept_until_it_is_cleared(qtbot, shop, open_counter) -> None:
    page = open_counter()
    qtbot.keyClicks(page.entry.amount, "2")
    first = page.entry.key()
    qtbot.keyClicks(page.entry.amount, ".5")
    assert first is not None and page.entry.key() == first
    page.entry.amount.selectAll()
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Backspace)
    assert page.entry.key() is None


def test_a_walk_in_sale_needs_f8(qtbot, shop, open_counter) -> None:
    page = open_counter()
    page.entry.amount.setFocus()
    qtbot.keyClicks(page.entry.amount, "0.750")
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)
    assert page.entry.error_label.text().startswith("No customer is chosen: press F8 for a walk-in sale")
    assert _sales(shop) == 0

    qtbot.keyClick(page.entry.amount, Qt.Key.Key_F8)

    only = shop.sale(1)
    assert (only.amount, only.customer_id) == (750, None)
    assert "Walk-in sale of KWD0.750 recorded." in page.result_view.text()


def test_a_category_button_goes_with_the_sale(qtbot, shop, open_counter) -> None:
    layla = _layla_with_nine_stamps(shop)
    shop.record_sale(customer_id=None, amount=500, category="Cakes")
    shop.record_sale(customer_id=None, amount=500, category="Coffee")
    shop.record_sale(customer_id=None, amount=500, category="Coffee")
    page = open_counter()
    assert [b.text() for b in page.entry.category_buttons] == ["Coffee", "Cakes"]
    page.serve(layla)

    qtbot.keyClicks(page.entry.amount, "3")
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.entry.category() == "Cakes"
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)

    last = shop.sale(shop.db.execute("SELECT MAX(id) FROM sales").fetchone()[0])
    assert (last.amount, last.category) == (3_000, "Cakes")
    assert page.entry.category() is None  # each sale chooses afresh
