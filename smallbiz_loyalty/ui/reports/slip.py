"""The balance slip at the counter: the customer's card on an 80 mm receipt, previewed to print.

A slip is one small page (a few hundredths of a second to make), so it is made
on the GUI thread; the cashier may print it (anyone may look a customer up)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.slip import render_slip
from smallbiz_loyalty.ui.reports.preview import PdfPreviewDialog


def open_balance_slip(shop: Shop, customer_id: int, parent: QWidget | None = None) -> PdfPreviewDialog:
    """Make `customer_id`'s balance slip in the shop's language and open it in a preview
    window (not blocking). Raises the shop's `LoyaltyError` (e.g. an unknown customer)."""
    status = shop.customer_status(customer_id)
    temp = tempfile.TemporaryDirectory(prefix="smallbiz-slip-", ignore_cleanup_errors=True)
    try:
        path = Path(temp.name) / "slip.pdf"
        render_slip(
            path,
            status,
            shop_name=shop.settings["shop_name"],
            lang=shop.settings["language"],
            currency=shop.currency,
            today=shop.today(),
        )
    except BaseException:
        temp.cleanup()
        raise
    title = QCoreApplication.translate("BalanceSlip", "Balance slip — {name}").format(name=status.customer.name)
    dialog = PdfPreviewDialog(title, parent, temp=temp)
    dialog.preview.load(path, suggested_name=f"slip-{status.customer.card_code or customer_id}.pdf")
    dialog.finished.connect(lambda _code: dialog.deleteLater())
    dialog.open()
    return dialog
