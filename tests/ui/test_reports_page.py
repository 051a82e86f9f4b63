"""The Reports screen, as the owner uses it at the end of October 2026.

Sara came for the first time on 3 October and accepts printed notes; Omar, also
new, does not; Huda has been a customer since September. Ctrl+G generates the
chosen document on a worker thread, the preview shows its pages, Save as…
writes the same bytes, Print… draws every page on the printer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.monthly import render_monthly_report
from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.reports.page import ReportsPage
from tests.factories import make_customer

CTRL = Qt.KeyboardModifier.ControlModifier


def _on(day: int, month: int = 10) -> datetime:
    return datetime(2026, month, day, 9, tzinfo=UTC)


@pytest.fixture
def small(shop: Shop) -> dict[str, int]:
    """Three customers and their visits (amounts in fils: KWD has 3 decimals)."""
    huda = make_customer(shop, "Huda Saleh").id
    sara = make_customer(shop, "Sara Ali").id
    omar = make_customer(shop, "Omar Khan", consent_notes=False).id
    shop.record_sale(customer_id=huda, amount=4_000, at=_on(10, 9))
    shop.record_sale(customer_id=huda, amount=3_000, at=_on(2))
    shop.record_sale(customer_id=sara, amount=2_500, at=_on(3))
    shop.record_sale(customer_id=omar, amount=1_500, at=_on(4))
    return {"huda": huda, "sara": sara, "omar": omar}


@pytest.fixture
def open_page(qtbot, shop: Shop) -> Iterator[Callable[[], ReportsPage]]:
    """Open the Reports page, shown and active; its work is waited for before the shop closes."""
    opened: list[ReportsPage] = []

    def open_() -> ReportsPage:
        page = ReportsPage(shop, ShopEvents())
        qtbot.addWidget(page)
        page.resize(1200, 760)
        with qtbot.waitActive(page):  # the page's keys work in the active window
            page.show()
            page.activateWindow()
        page.focus_first()
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.wait_for_print()
        page.close()


def _generate(qtbot, page: ReportsPage) -> None:
    """Ctrl+G, then wait for the worker to finish."""
    qtbot.keyClick(page.month_box, Qt.Key.Key_G, CTRL)
    assert page.print_job is not None
    qtbot.waitUntil(lambda: page.print_job is None, timeout=20_000)


def test_the_monthly_report_is_previewed_then_saved_and_printed_as_generated(small, shop, open_page, qtbot, tmp_path):
    page = open_page()
    assert page.month_box.currentText() == "October 2026"
    assert page.choices.document() == "monthly"
    assert not page.preview.print_button.isEnabled()  # nothing to print yet

    _generate(qtbot, page)

    # The same report, made directly as the command line makes it.
    direct = tmp_path / "direct.pdf"
    pages = render_monthly_report(direct, shop, "2026-10", lang="en", paper="A4")
    assert page.print_label.text() == f"The monthly report for October 2026 is ready: {pages} pages."
    assert page.preview.page_count() == pages > 1
    assert page.preview.pages_label.text() == f"{pages} pages"
    assert "Monthly report · October 2026" in page.preview.document.getAllText(0).text()

    assert page.preview.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == direct.read_bytes()
    assert page.preview.message_label.text() == f"Saved to {tmp_path / 'saved.pdf'}."

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.preview.print_to(printer) == pages
    printed = QPdfDocument()
    assert printed.load(str(tmp_path / "printed.pdf")) == QPdfDocument.Error.None_
    assert printed.pageCount() == pages
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000  # pictures of the pages, not blank sheets


def test_thank_you_notes_go_to_the_one_new_customer_who_accepts_printed_notes(small, open_page, qtbot):
    page = open_page()
    page.choices.document_box.setFocus()
    qtbot.keyClick(page.choices.document_box, Qt.Key.Key_Down)  # Monthly report → Thank-you notes
    assert page.choices.document() == "thank-you"
    assert page.choices.audience_box.currentText() == "First-time customers of October 2026"
    assert page.choices.note_text.isVisible()

    _generate(qtbot, page)

    assert page.print_label.text() == "1 note on 1 page, ready to print or save."
    assert page.preview.page_count() == 1
    text = page.preview.document.getAllText(0).text()
    assert "Sara Ali" in text
    assert "Omar Khan" not in text  # new too, but no printed notes for him
    assert "Huda Saleh" not in text  # not new this month


def test_nobody_to_print_for_is_said_in_one_sentence(small, open_page, qtbot):
    page = open_page()
    page.month_box.setCurrentIndex(page.month_box.findText("August 2026"))
    page.choices.choose(document="thank-you")

    _generate(qtbot, page)

    assert page.print_label.text() == "There is nobody to print these notes for; choose another month or list."
    assert page.preview.page_count() == 0


def test_a_bad_placeholder_in_the_note_text_is_named_and_nothing_is_saved_or_printed(small, shop, open_page, qtbot):
    page = open_page()
    page.choices.choose(document="thank-you")
    editor = page.choices.note_text
    editor.box.selectAll()
    qtbot.keyClicks(editor.box, "Dear {nmae}, thank you!")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    sentence = (
        "Thank-you note text uses {nmae}, which the app cannot fill in; use only"
        " {name} {shop} {points} {stamps} {reward} {balance} {voucher} {valid_until} {month}."
    )
    assert editor.message_label.text() == sentence
    assert shop.settings["note_template_thank_you"] == ""
    assert page.generate() is None
    assert page.print_label.text() == sentence

    editor.box.selectAll()
    qtbot.keyClicks(editor.box, "Dear {name}, thank you!")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert shop.settings["note_template_thank_you"] == "Dear {name}, thank you!"
    assert editor.message_label.text() == "Saved. Printed notes use this text from now on."


def test_a_cashier_sees_the_documents_disabled_and_why(small, shop, open_page):
    shop.set_pin(1, "2580")  # the owner first: sign-in on, then staff can be added
    shop.staff_id = shop.add_staff(name="Mona", role="cashier", pin="4826").id

    page = open_page()

    sentence = "Only the owner can see the shop's figures and print reports."
    assert page.owner_label.text() == sentence
    assert not page.choices.isEnabled()
    assert not page.generate_button.isEnabled()
    assert not page.export_buttons["customers"].isEnabled()
    assert page.generate() is None
    assert page.print_label.text() == sentence


def test_in_arabic_the_screen_is_right_to_left_and_the_notes_are_arabic(small, shop, open_page, qtbot):
    apply_language(QApplication.instance(), "ar")
    shop.set_settings(language="ar")
    page = open_page()

    assert page.isRightToLeft()
    assert page.preview.view.isRightToLeft()
    assert page.month_box.currentText() == "أكتوبر 2026"
    assert page.choices.language() == "ar"
    page.choices.choose(document="thank-you")
    assert page.choices.note_text.text() == shop.note_template("thank-you", "ar")

    _generate(qtbot, page)

    assert page.preview.page_count() == 1
    assert page.preview.suggested_name == "thank-you-notes-2026-10-ar.pdf"


def test_a_note_for_the_customer_being_served_and_cards_for_the_months_first_timers(small, open_page, qtbot):
    page = open_page()
    page.events.customer_selected.emit(small["huda"])  # the counter is serving Huda
    page.choices.choose(document="thank-you", audience="chosen")
    assert page.choices.audience_box.currentText() == "Only \u2068Huda Saleh\u2069"

    _generate(qtbot, page)

    assert page.print_label.text() == "1 note on 1 page, ready to print or save."
    assert "Huda Saleh" in page.preview.document.getAllText(0).text()

    page.choices.choose(document="cards", audience="new")  # cards need no consent to printed notes
    assert page.choices.audience_box.currentText() == "First-time customers of October 2026"
    _generate(qtbot, page)

    assert page.print_label.text() == "2 loyalty cards on 1 page, ready to print or save."
    text = page.preview.document.getAllText(0).text()
    assert "Sara Ali" in text and "Omar Khan" in text and "Huda Saleh" not in text
