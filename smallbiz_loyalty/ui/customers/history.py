"""`HistoryTabs`: a customer's sales, ledger, vouchers and NPS answers, one tab each.

Each is a small read-only table (the core hands back the newest 200 rows of a
customer), filled in whole; nothing here needs lazy loading."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QTabWidget, QWidget

from smallbiz_loyalty.core.feedback import Feedback
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.ledger import Entry
from smallbiz_loyalty.core.loyalty_text import quantity_text
from smallbiz_loyalty.core.money import format_money, format_number
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.rewards import Voucher, describe_gift
from smallbiz_loyalty.core.sales import Sale
from smallbiz_loyalty.ui.customers.bidi import ltr
from smallbiz_loyalty.ui.formatting import format_day


def _make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in numeric:  # numbers line up on the trailing side, in either direction
                item.setTextAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class HistoryTabs(QTabWidget):
    """Sales | Points & stamps | Vouchers | Feedback."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales_table = _make_table([self.tr("Date"), self.tr("Amount"), self.tr("Kind"), self.tr("Category")])
        self.ledger_table = _make_table(
            [self.tr("Date"), self.tr("Change"), self.tr("What"), self.tr("Programme"), self.tr("Expires"),
             self.tr("Note")]
        )  # fmt: skip
        self.vouchers_table = _make_table([self.tr("Code"), self.tr("Gift"), self.tr("Valid until"), self.tr("Used")])
        self.feedback_table = _make_table([self.tr("Date"), self.tr("Score"), self.tr("Comment")])
        self.addTab(self.sales_table, self.tr("Sales"))
        self.addTab(self.ledger_table, self.tr("Points && stamps"))
        self.addTab(self.vouchers_table, self.tr("Vouchers"))
        self.addTab(self.feedback_table, self.tr("Feedback"))

    def clear_all(self) -> None:
        for table in (self.sales_table, self.ledger_table, self.vouchers_table, self.feedback_table):
            table.setRowCount(0)

    def show_sales(self, sales: Sequence[Sale], currency: str) -> None:
        locale = babel_locale()
        rows = []
        for sale in sales:
            kind = self.tr("Return") if sale.kind == "return" else self.tr("Sale")
            if sale.voided:
                kind = self.tr("{kind} (cancelled)").format(kind=kind)
            amount = format_money(sale.amount, currency, locale)
            rows.append([format_day(sale.business_date), amount, kind, sale.category or ""])
        _fill(self.sales_table, rows, numeric=(1,))

    def show_ledger(self, entries: Sequence[Entry], programmes: dict[int, Programme], currency: str) -> None:
        rows = []
        for entry in entries:
            programme = programmes.get(entry.programme_id)
            unit = programme.unit if programme else "points"
            sign = "+" if entry.quantity > 0 else "−"
            expires = format_day(entry.expires_on) if entry.expires_on and entry.quantity > 0 else ""
            rows.append([
                format_day(entry.business_date),
                sign + quantity_text(unit, entry.quantity, currency),
                self.ledger_kind_text(entry.kind),
                programme.name if programme else str(entry.programme_id),
                expires,
                entry.reason,
            ])  # fmt: skip
        _fill(self.ledger_table, rows, numeric=(1,))

    def ledger_kind_text(self, kind: str) -> str:
        names = {
            "earn": self.tr("Earned"),
            "redeem": self.tr("Redeemed"),
            "expire": self.tr("Expired"),
            "adjust": self.tr("Corrected by hand"),
            "opening": self.tr("Opening balance"),
            "reversal": self.tr("Taken back"),
            "birthday": self.tr("Birthday gift"),
            "referral": self.tr("Referral bonus"),
            "merge": self.tr("Merged"),
        }
        return names.get(kind, kind)

    def show_vouchers(self, vouchers: Sequence[Voucher], currency: str) -> None:
        rows = []
        for voucher in vouchers:
            gift = describe_gift(voucher.kind, voucher.item, voucher.value, voucher.cap, currency)
            until = format_day(voucher.valid_until) if voucher.valid_until else self.tr("No end date")
            used = self.tr("Used") if voucher.redeemed_at else self.tr("Not used yet")
            rows.append([ltr(voucher.code), gift, until, used])
        _fill(self.vouchers_table, rows)

    def show_feedback(self, answers: Sequence[Feedback]) -> None:
        locale = babel_locale()
        rows = [[format_day(f.business_date), format_number(f.score, locale), f.comment] for f in answers]
        _fill(self.feedback_table, rows, numeric=(1,))
