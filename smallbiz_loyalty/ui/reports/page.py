"""`ReportsPage`: choose a month, see it in a few plain words, export the data as CSV.

The printed monthly report and the loyalty cards come with the printing work
(their buttons are here, disabled, saying so). Until then the owner can take
any table to a spreadsheet or an accountant. Exports run on a worker thread:
on a large shop they can take a moment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.dates import format_skeleton
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.changes import CUSTOMERS, FEEDBACK, LEDGER, SALES
from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_money, format_number
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.worker import BackgroundJob, run_in_background

MONTHS_SHOWN = 24
EXPORTS = ("customers", "sales", "ledger", "feedback")


class ReportsPage(Page):
    """Month picker, the month in words, print buttons (coming), CSV exports."""

    KINDS = frozenset({CUSTOMERS, SALES, LEDGER, FEEDBACK})

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.job: BackgroundJob | None = None
        self.month_box = QComboBox()
        this_month = shop.today().replace(day=1)
        for back in range(MONTHS_SHOWN):
            month = add_months(this_month, -back)
            self.month_box.addItem(format_skeleton("yMMMM", month, locale=babel_locale()), month)
        self.month_box.setCurrentIndex(1 if shop.today().day < 8 else 0)  # early in a month, last month is wanted
        self.month_box.currentIndexChanged.connect(self.refresh)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.summary_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_box)
        month_row = QHBoxLayout()
        month_row.addWidget(month_label)
        month_row.addWidget(self.month_box)
        month_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(14)
        column.addLayout(month_row)
        column.addWidget(self.summary_label)
        column.addWidget(self._make_printing())
        column.addWidget(self._make_exports())
        column.addWidget(self.status_label)
        column.addStretch(1)
        self.refresh()

    def _make_printing(self) -> QGroupBox:
        box = QGroupBox(self.tr("Print for this month"))
        self.report_button = QPushButton(self.tr("Monthly report…"))
        self.cards_button = QPushButton(self.tr("Loyalty cards…"))
        row = QHBoxLayout()
        for button in (self.report_button, self.cards_button):
            button.setEnabled(False)
            button.setMinimumHeight(40)
            button.setToolTip(self.tr("Printing arrives with the next update; the CSV exports below work now."))
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(self.tr("Printing arrives with the next update; the CSV exports below work now."))
        note.setWordWrap(True)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(note)
        return box

    def _make_exports(self) -> QGroupBox:
        box = QGroupBox(self.tr("Export to a spreadsheet (CSV)"))
        row = QHBoxLayout(box)
        titles = {
            "customers": self.tr("Customers…"),
            "sales": self.tr("Sales…"),
            "ledger": self.tr("Points && stamps…"),
            "feedback": self.tr("Feedback…"),
        }
        self.export_buttons: dict[str, QPushButton] = {}
        for what in EXPORTS:
            button = QPushButton(titles[what])
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, what=what: self._ask_export(what))
            self.export_buttons[what] = button
            row.addWidget(button)
        row.addStretch(1)
        return box

    def focus_first(self) -> None:
        self.month_box.setFocus()

    def month(self) -> date:
        return self.month_box.currentData()

    # -- the month in words ---------------------------------------------------
    def refresh(self) -> None:
        """Say the chosen month's figures in a sentence (indexed queries: quick even on a big shop)."""
        try:
            figures = self.shop.month_metrics(self.month().strftime("%Y-%m")).current
        except LoyaltyError as exc:
            self.summary_label.setText(exc.message)
            return
        locale = babel_locale()
        self.summary_label.setText(
            self.tr(
                "{month}: {sales} sales worth {revenue}; {buyers} customers bought, {new} of them for the first time."
            ).format(
                month=self.month_box.currentText(),
                sales=format_number(figures.sales_count, locale),
                revenue=format_money(figures.revenue, self.shop.currency, locale),
                buyers=format_number(figures.buyers, locale),
                new=format_number(figures.new_customers, locale),
            )
        )

    # -- exports ---------------------------------------------------------------
    def _ask_export(self, what: str) -> None:
        suggested = str(Path.home() / f"{what}-{self.shop.today().isoformat()}.csv")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to CSV"), suggested, "CSV (*.csv)")
        if path:
            self.export(what, Path(path))

    def export(self, what: str, path: Path) -> BackgroundJob | None:
        """Write one table to `path` on a worker thread; the outcome is shown under the buttons."""
        if self.shop.path is None:
            return None

        def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> int:
            return worker_shop.export(what, path)

        self.status_label.setText(self.tr("Exporting…"))
        self.job = run_in_background(self, label=self.tr("Exporting…"), db_path=self.shop.path, work=work)
        self.job.finished.connect(lambda ok, payload: self._exported(ok, payload, path))
        return self.job

    def _exported(self, ok: bool, payload: object, path: Path) -> None:
        self.job = None
        if ok:
            rows = int(payload)  # type: ignore[call-overload]
            if rows == 1:
                text = self.tr("1 row written to {path}.").format(path=str(path))
            else:
                count = format_number(rows, babel_locale())
                text = self.tr("{count} rows written to {path}.").format(count=count, path=str(path))
            self.status_label.setText(text)
        else:
            self.status_label.setText(str(payload))
