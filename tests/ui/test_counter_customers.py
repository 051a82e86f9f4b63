"""The counter's search, customer panel and quick enrol, keyboard first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from smallbiz_loyalty.core.dates import Birthday
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.counter import CounterPage
from tests.factories import make_customer
from tests.ui.test_counter import show_counter, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, shop: Shop) -> Iterator[CounterPage]:
    opened = show_counter(qtbot, shop)
    yield opened
    opened.close()


def test_a_scanned_card_code_selects_its_customer_at_once(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali", card_code="K7M2Q9XA").id
    make_customer(shop, "Omar K7")

    qtbot.keyClicks(page.search.box, "k7m2q9xa")  # a scanner's burst, then its Enter
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)

    assert page.status.customer.id == sara
    assert page.search.box.text() == ""


def test_results_follow_the_typing_and_up_down_enter_choose_one(qtbot, shop, page) -> None:
    make_customer(shop, "Sara Ali")
    omar = make_customer(shop, "Sara Omar").id
    make_customer(shop, "Nour")

    qtbot.keyClicks(page.search.box, "sara")
    qtbot.waitUntil(lambda: page.search.results.count() == 2)  # after the debounce, without Enter
    assert page.search.note.text() == "2 customers match: Up/Down to choose, Enter to serve."

    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)  # two matches: Enter picks nobody yet
    assert page.status is None
    qtbot.keyClick(page.search.box, Qt.Key.Key_Down)
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)

    assert page.status.customer.id == omar


def test_arabic_names_are_found_whatever_the_spelling(qtbot, shop, page) -> None:
    fatima = make_customer(shop, "فاطمة الأحمد").id
    qtbot.keyClicks(page.search.box, "ahmad")  # no match: Latin letters do not fold to Arabic
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    assert page.status is None
    page.search.clear()

    type_text(page.search.box, "فاطمه الاحمد")  # ة typed as ه, أ typed as ا
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)

    assert page.status.customer.id == fatima


def test_esc_clears_everything_and_returns_to_the_search(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.serve(sara)
    qtbot.keyClicks(page.entry.amount, "3")

    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Escape)

    assert page.status is None
    assert page.entry.amount.text() == ""
    assert page.panel.name_label.text() == "No customer"
    assert page.focusWidget() is page.search.box


def test_a_search_that_finds_nobody_offers_to_enrol_with_the_digits_as_the_phone(qtbot, shop, page) -> None:
    qtbot.keyClicks(page.search.box, "5000 9876")
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    assert page.search.note.text() == 'No customer matches "5000 9876".'
    assert page.search.enrol_button.isVisibleTo(page)

    qtbot.keyClick(page.search.box, Qt.Key.Key_N, CTRL)
    dialog = page.enrol_dialog
    assert dialog is not None and dialog.phone.text() == "5000 9876"
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.name)
    qtbot.keyClicks(dialog.name, "Omar Khalid")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.birthday
    type_text(dialog.birthday, "٢١/٠٣")  # 21 March, in Eastern Arabic digits
    qtbot.keyClick(dialog.birthday, Qt.Key.Key_Return)  # Enter saves

    served = page.status.customer
    assert (served.name, served.phone, served.birthday) == ("Omar Khalid", "+96550009876", Birthday(3, 21))
    assert served.consent_notes and not served.consent_marketing
    assert page.enrol_dialog is None
    assert page.focusWidget() is page.entry.amount  # ready for their first sale


def test_typed_words_are_taken_as_the_name_and_a_referrer_can_be_found(qtbot, shop, page) -> None:
    layla = make_customer(shop, "Layla Hassan", phone="+96550001234").id
    qtbot.keyClicks(page.search.box, "Nour Saleh")
    dialog = page.open_enrol(page.search.box.text())
    assert dialog.name.text() == "Nour Saleh"
    qtbot.keyClicks(dialog.phone, "6000 1111")
    qtbot.keyClicks(dialog.referrer, "1234")
    qtbot.waitUntil(lambda: dialog.referrer_list.count() == 1)
    qtbot.keyClick(dialog.referrer, Qt.Key.Key_Return)

    assert page.status.customer.name == "Nour Saleh"
    assert page.status.customer.referred_by == layla


def test_enrol_problems_are_shown_inline_and_nothing_is_saved(qtbot, shop, page) -> None:
    layla = make_customer(shop, "Layla Hassan", phone="+96550001234").id
    dialog = page.open_enrol()
    qtbot.keyClicks(dialog.phone, "5000 1234")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "The name cannot be empty."
    assert dialog.focusWidget() is dialog.name
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.name, "Layla again")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "The phone number +96550001234 already belongs to Layla Hassan (customer 1)."
    assert shop.count_customers() == 1

    dialog.serve_existing.click()  # it was Layla all along
    assert page.status.customer.id == layla


def test_the_panel_shows_tier_progress_birthday_and_vouchers(qtbot, shop, page) -> None:
    shop.add_tier(1, name="Gold", min_spend=26_000)
    layla = make_customer(shop, "Layla Hassan", birthday="10-18").id
    for _visit in range(9):
        shop.record_sale(customer_id=layla, amount=1_500)
    voucher = shop.issue_voucher(layla, item="Birthday cake")

    page.serve(layla)

    panel = page.panel
    assert panel.name_label.text() == "Layla Hassan"
    assert panel.birthday_badge.text() == "Birthday on Oct 18, 2026"
    assert panel.birthday_badge.isVisibleTo(page)

    def texts() -> list[str]:
        return [label.text() for label in panel.findChildren(QLabel) if label.isVisible()]

    qtbot.waitUntil(lambda: "9/10" in texts())  # the card's rows are shown once the event loop runs
    assert "KWD12.500 to Gold" in texts()  # 13.500 of 26.000 spent this year
    assert "Tier: No tier yet" in texts()
    assert "1 stamp more for Free coffee" in texts()

    use = next(b for b in panel.findChildren(QPushButton) if b.text() == "Use voucher")
    use.click()
    assert page.result_view.give_label.text() == "Give: Birthday cake"
    assert f"Voucher {voucher.code} used." in page.result_view.text()
    assert shop.vouchers(layla, usable_only=True) == []


def test_f9_with_no_reward_ready_says_so(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.serve(sara)
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_F9)
    assert page.problem_label.text() == "No reward is ready for \u2068Sara Ali\u2069."


def test_a_change_made_elsewhere_refreshes_the_card_on_screen(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    with qtbot.waitSignal(page.events.customer_selected) as selected:
        page.serve(sara)
    assert selected.args == [sara]
    assert page.panel.punch_cards[0].punched() == 0

    result = shop.record_sale(customer_id=sara, amount=2_000, category="Beans")  # another screen's sale
    page.events.announce(result.changed)

    assert page.panel.punch_cards[0].punched() == 1
    assert [b.text() for b in page.entry.category_buttons] == ["Beans"]
