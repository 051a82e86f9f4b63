"""The balance slip at the counter: Layla asks what is on her card; Ctrl+P shows
her 80 mm slip, ready to print or save, and closing it leaves no file behind."""

from __future__ import annotations

from PySide6.QtCore import Qt

from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.kit import RECEIPT_WIDTH
from smallbiz_loyalty.ui.counter import CounterPage
from smallbiz_loyalty.ui.events import ShopEvents
from tests.factories import make_customer

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_counter(qtbot, shop: Shop) -> CounterPage:
    page = CounterPage(shop, ShopEvents())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitActive(page):  # the counter's keys work in the active window
        page.show()
        page.activateWindow()
    page.focus_first()
    return page


def test_ctrl_p_shows_the_served_customers_balance_slip(shop, qtbot):
    layla = make_customer(shop, "Layla Hassan", phone="+96550001234").id
    for visit in range(3):
        shop.record_sale(customer_id=layla, amount=1_500, key=f"visit-{visit}")
    page = _open_counter(qtbot, shop)
    assert not page.slip_button.isEnabled()  # nobody served yet

    qtbot.keyClicks(page.search.box, "1234")
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    assert page.slip_button.isEnabled()
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_P, CTRL)

    dialog = page.slip_dialog
    assert dialog is not None and dialog.isVisible()
    preview = dialog.preview
    assert preview.path is not None and preview.path.exists()
    assert preview.page_count() == 1
    assert round(preview.document.pagePointSize(0).width()) == round(RECEIPT_WIDTH)  # 80 mm wide
    text = preview.document.getAllText(0).text()
    assert "Layla Hassan" in text
    assert "3/10" in text  # her stamp card
    assert dialog.windowTitle() == "Balance slip — Layla Hassan"

    slip = preview.path
    dialog.reject()
    assert not slip.exists()  # the temporary slip goes with its window
    page.close()


def test_without_a_customer_the_slip_asks_for_one(shop, qtbot):
    page = _open_counter(qtbot, shop)

    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_P, CTRL)

    assert page.slip_dialog is None
    assert page.problem_label.text() == "Find a customer first."
    page.close()
