"""`ReportsPage`: choose a month and a document, generate it, look at it, print or save it.

The documents are the owner's monthly report, thank-you notes, birthday cards,
"we miss you" notes and loyalty cards (see documents.py). Generate renders the
PDF on a worker thread, into a temporary file, with a progress bar and Cancel;
the preview beside the choices then shows every page, ready for Print… or
Save as…. Below, any table can still go to a spreadsheet (CSV). Everything here
is the owner's: a cashier sees it disabled, with the shop's own sentence."""

from __future__ import annotations

import itertools
import tempfile
from datetime import date
from pathlib import Path

from babel.dates import format_skeleton
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.changes import CUSTOMERS, FEEDBACK, LEDGER, SALES, SETTINGS
from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_money, format_number
from smallbiz_loyalty.core.permissions import allowed, require
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.reports.documents import MONTHLY, Printed, PrintRequest, render_document
from smallbiz_loyalty.ui.reports.preview import ERROR_STYLE, PdfPreview
from smallbiz_loyalty.ui.reports.print_panel import PrintChoices
from smallbiz_loyalty.ui.worker import BackgroundJob, run_in_background

MONTHS_SHOWN = 24
EXPORTS = ("customers", "sales", "ledger", "feedback")
FILE_NAMES = {
    MONTHLY: "monthly-report",
    "thank-you": "thank-you-notes",
    "birthday": "birthday-cards",
    "win-back": "we-miss-you-notes",
    "cards": "loyalty-cards",
}


class _ProgressRelay(QObject):
    """Carries the worker's progress to the page's bar (queued onto the GUI thread)."""

    progressed = Signal(int, int, str)


class ReportsPage(Page):
    """Month, document choices and Generate on one side, the preview on the other, CSV exports below."""

    KINDS = frozenset({CUSTOMERS, SALES, LEDGER, FEEDBACK, SETTINGS})

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.job: BackgroundJob | None = None  # a CSV export
        self.print_job: BackgroundJob | None = None
        self.printed: Printed | None = None
        self._temp = tempfile.TemporaryDirectory(prefix="smallbiz-print-", ignore_cleanup_errors=True)
        self._numbers = itertools.count(1)
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)
        self.month_box = QComboBox()
        this_month = shop.today().replace(day=1)
        for back in range(-1, MONTHS_SHOWN):  # next month first: birthday cards are printed ahead
            month = add_months(this_month, -back)
            self.month_box.addItem(format_skeleton("yMMMM", month, locale=babel_locale()), month)
        early = shop.today().day < 8  # early in a month, last month is wanted
        self.month_box.setCurrentIndex(2 if early else 1)  # after next month, this month
        self.month_box.currentIndexChanged.connect(self._month_changed)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.summary_label.setFont(font)
        self.status_label = QLabel()  # how the last export went
        self.status_label.setWordWrap(True)
        self.preview = PdfPreview(
            empty_text=self.tr("Choose a document and press Generate: the pages appear here, ready to print or save.")
        )
        self._build()
        self._add_shortcuts()
        events.customer_selected.connect(self._customer_selected)
        temp = self._temp  # not `self`: the page is gone when `destroyed` arrives
        self.destroyed.connect(lambda *_args: temp.cleanup())
        self.choices.set_month(self.month_box.currentText())
        self.refresh()

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month_box)
        month_row = QHBoxLayout()
        month_row.addWidget(month_label)
        month_row.addWidget(self.month_box)
        month_row.addWidget(self.summary_label, 1)
        side = QVBoxLayout()
        side.addWidget(self._make_printing(), 1)
        side.addWidget(self._make_exports())
        side_widget = QWidget()
        side_widget.setLayout(side)
        scroll = QScrollArea()  # the choices stay reachable in a small window
        scroll.setWidget(side_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # never cut off at the side
        scroll.setMinimumWidth(side_widget.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        preview_box = QGroupBox(self.tr("Preview"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        middle = QHBoxLayout()
        middle.addWidget(scroll, 2)
        middle.addWidget(preview_box, 3)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(12)
        column.addLayout(month_row)
        column.addLayout(middle, 1)

    def _make_printing(self) -> QGroupBox:
        box = QGroupBox(self.tr("Print"))
        self.choices = PrintChoices(self.shop)
        self.choices.changed.connect(lambda: self._say(""))
        self.choices.note_text.saved.connect(self.events.announce)
        self.generate_button = QPushButton(self.tr("&Generate (Ctrl+G)"))
        self.generate_button.setMinimumHeight(44)
        font = self.generate_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.generate_button.setFont(font)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress_bar, 1)
        busy_row.addWidget(self.cancel_button)
        self.print_label = QLabel()  # what Generate did, or why it could not
        self.print_label.setWordWrap(True)
        self.owner_label = QLabel()  # why a cashier cannot print here
        self.owner_label.setWordWrap(True)
        self.owner_label.setStyleSheet(ERROR_STYLE)
        column = QVBoxLayout(box)
        column.addWidget(self.owner_label)
        column.addWidget(self.choices, 1)
        column.addWidget(self.generate_button)
        column.addLayout(busy_row)
        column.addWidget(self.print_label)
        self._set_busy(False)
        return box

    def _make_exports(self) -> QGroupBox:
        box = QGroupBox(self.tr("Export to a spreadsheet (CSV)"))
        grid = QGridLayout()  # two by two: the column stays narrow enough for a small window
        titles = {
            "customers": self.tr("Customers…"),
            "sales": self.tr("Sales…"),
            "ledger": self.tr("Points && stamps…"),
            "feedback": self.tr("Feedback…"),
        }
        self.export_buttons: dict[str, QPushButton] = {}
        for index, what in enumerate(EXPORTS):
            button = QPushButton(titles[what])
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _checked=False, what=what: self._ask_export(what))
            self.export_buttons[what] = button
            grid.addWidget(button, index // 2, index % 2)
        column = QVBoxLayout(box)
        column.addLayout(grid)
        column.addWidget(self.status_label)
        return box

    def _add_shortcuts(self) -> None:
        keys = {QKeySequence("Ctrl+G"): self.generate, QKeySequence(Qt.Key.Key_Escape): self.cancel}
        for key, action in keys.items():
            shortcut = QShortcut(key, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def focus_first(self) -> None:
        self.month_box.setFocus()

    def month(self) -> date:
        return self.month_box.currentData()

    def _month_changed(self) -> None:
        self.choices.set_month(self.month_box.currentText())
        self.refresh()

    def _customer_selected(self, customer_id: int) -> None:
        try:
            found = self.shop.customers_by_ids([customer_id])
        except LoyaltyError:
            return  # no "only this customer" choice; nothing else depends on it
        if found:
            self.choices.set_chosen(customer_id, found[0].name)

    # -- the month in words, and who may print --------------------------------------
    def refresh(self) -> None:
        """Who may print, the note text, and the chosen month's figures in a sentence (quick queries)."""
        self._apply_role()
        self.choices.refresh()
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

    def _apply_role(self) -> None:
        """A cashier sees the documents and exports disabled, and the shop's reason why."""
        member = self.shop.current_staff()
        try:
            require(member, "reports")
        except LoyaltyError as exc:
            self.owner_label.setText(error_text(exc))
            self.owner_label.show()
            owner = False
        else:
            self.owner_label.hide()
            owner = True
        self.choices.setEnabled(owner)
        self.generate_button.setEnabled(owner and self.print_job is None)
        for button in self.export_buttons.values():
            button.setEnabled(member.active and allowed(member.role, "export"))

    # -- generating ---------------------------------------------------------------------
    def generate(self) -> BackgroundJob | None:
        """Render the chosen document on a worker thread; the preview shows it when done."""
        if self.print_job is not None:
            return None
        try:
            require(self.shop.current_staff(), "reports")  # the refusal at once, not after a thread
            request = self.choices.request(self.month())
        except LoyaltyError as exc:
            self._say(error_text(exc), problem=True)
            return None
        path = Path(self._temp.name) / f"{FILE_NAMES[request.document]}-{next(self._numbers)}.pdf"
        staff_id, clock, relay = self.shop.staff_id, self.shop.clock, self._relay

        def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> Printed:
            # The worker's shop asks as whoever is signed in here, on the same clock.
            worker_shop.staff_id, worker_shop.clock = staff_id, clock
            return render_document(
                worker_shop, request, path, progress=relay.progressed.emit, should_cancel=should_cancel
            )

        if self.shop.path is None:  # a shop without a file (never the app's): render here
            try:
                self._generated(True, work(self.shop, relay.progressed.emit, lambda: False), request, path)
            except LoyaltyError as exc:
                self._generated(False, error_text(exc), request, path)
            return None
        self._say(self.tr("Generating…"))
        self._set_busy(True)
        job = run_in_background(
            self, label=self.tr("Generating…"), db_path=self.shop.path, work=work, show_dialog=False
        )
        job.finished.connect(lambda ok, payload: self._generated(ok, payload, request, path))
        self.print_job = job
        return job

    def cancel(self) -> None:
        """Stop the document being generated; nothing is shown or kept."""
        if self.print_job is not None:
            self.print_job.cancel()
            self._say(self.tr("Cancelling…"))

    def wait_for_print(self, ms: int = 30_000) -> bool:
        """Block until a running generation's thread ends (before closing the shop)."""
        return self.print_job.wait(ms) if self.print_job is not None else True

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.print_job is None:
            return
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(min(done, total) if total else 0)
        if label:
            self._say(label)

    def _generated(self, ok: bool, payload: object, request: PrintRequest, path: Path) -> None:
        if self.print_job is not None:
            self.print_job.dialog.deleteLater()
            self.print_job.deleteLater()
        self.print_job = None
        self._set_busy(False)
        if not ok:
            path.unlink(missing_ok=True)
            self._say(str(payload), problem=True)
            return
        assert isinstance(payload, Printed)
        old = self.preview.path
        name = f"{FILE_NAMES[request.document]}-{request.month_text}-{request.lang}.pdf"
        self.preview.load(path, suggested_name=name)
        if old is not None and old != path:
            old.unlink(missing_ok=True)  # the preview has let go of it
        self.printed = payload
        self._say(self._done_text(payload))

    def _done_text(self, printed: Printed) -> str:
        locale = babel_locale()
        pages = (
            self.tr("1 page")
            if printed.pages == 1
            else self.tr("{count} pages").format(count=format_number(printed.pages, locale))
        )
        if printed.document == MONTHLY:
            return self.tr("The monthly report for {month} is ready: {pages}.").format(
                month=self.month_box.currentText(), pages=pages
            )
        count = format_number(printed.items, locale)
        if printed.document == "cards":
            what = (
                self.tr("1 loyalty card")
                if printed.items == 1
                else self.tr("{count} loyalty cards").format(count=count)
            )
        else:
            what = self.tr("1 note") if printed.items == 1 else self.tr("{count} notes").format(count=count)
        return self.tr("{what} on {pages}, ready to print or save.").format(what=what, pages=pages)

    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setRange(0, 0)  # "working" until the first progress arrives
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.generate_button.setEnabled(not busy and self.choices.isEnabled())

    def _say(self, message: str, *, problem: bool = False) -> None:
        self.print_label.setStyleSheet(ERROR_STYLE if problem else "")
        self.print_label.setText(message)

    # -- exports ------------------------------------------------------------------------
    def _ask_export(self, what: str) -> None:
        suggested = str(Path.home() / f"{what}-{self.shop.today().isoformat()}.csv")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to CSV"), suggested, "CSV (*.csv)")
        if path:
            self.export(what, Path(path))

    def export(self, what: str, path: Path) -> BackgroundJob | None:
        """Write one table to `path` on a worker thread; the outcome is shown under the buttons."""
        if self.shop.path is None:
            return None
        staff_id = self.shop.staff_id

        def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> int:
            worker_shop.staff_id = staff_id
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
