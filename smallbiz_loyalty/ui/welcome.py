"""The first-run welcome: start an empty shop (a short profile form) or explore a demo café.

Shown instead of the counter while the shop has no customers and no sales and
its welcome has not been answered on this PC. The demo is built by
`core.demo.build_demo` on a worker thread, into this shop's file, with progress
and cancel. Every action is a method (`choose_empty`, `submit_profile`,
`choose_demo`, `cancel_demo`) so tests drive it without clicking."""

from __future__ import annotations

from datetime import date
from zoneinfo import available_timezones

import phonenumbers
from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.changes import CUSTOMERS, FEEDBACK, LEDGER, SALES, SETTINGS
from smallbiz_loyalty.core.demo import build_demo
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.worker import BackgroundJob, run_in_background

DEMO_CUSTOMERS, DEMO_MONTHS = 300, 12
COMMON_CURRENCIES = ("KWD", "SAR", "AED", "QAR", "BHD", "OMR", "JOD", "EGP", "MAD", "USD", "EUR", "GBP")
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # each in its own language
_NEVER_MS = 2**31 - 1
_EVERYTHING = frozenset({CUSTOMERS, SALES, LEDGER, SETTINGS, FEEDBACK})


def _shop_key(shop: Shop) -> str:
    return str(shop.path.resolve()) if shop.path else ""


def needs_welcome(shop: Shop) -> bool:
    """True for a shop with no customers and no sales whose welcome was not answered on this PC."""
    if _shop_key(shop) in preferences.load(preferences.WELCOMED_SHOPS):
        return False
    return shop.is_new()


def mark_welcomed(shop: Shop) -> None:
    key = _shop_key(shop)
    welcomed = preferences.load(preferences.WELCOMED_SHOPS)
    if key and key not in welcomed:
        preferences.save(preferences.WELCOMED_SHOPS, [*welcomed, key])


class WelcomePage(Page):
    """Two big choices, then the profile form or the demo's progress."""

    finished = Signal()
    demo_progressed = Signal(int, int, str)

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.job: BackgroundJob | None = None
        self.summary = ""  # what the demo built, for the status bar
        title = QLabel(self.tr("Welcome! Let’s get your shop ready."))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr("Your customers, their stamps and points stay on this PC: no account, no internet, no fee.")
        )
        intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.views = QStackedWidget()
        self.views.addWidget(self._make_choices())
        self.views.addWidget(self._make_form())
        self.views.addWidget(self._make_progress())
        card = QWidget()
        card.setMaximumWidth(720)
        column = QVBoxLayout(card)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addWidget(self.views)
        column.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)
        self.demo_progressed.connect(self._on_demo_progress)

    # -- views ------------------------------------------------------------
    def _make_choices(self) -> QWidget:
        view = QWidget()
        column = QVBoxLayout(view)
        self.empty_button = QCommandLinkButton(
            self.tr("Start empty"), self.tr("Enter your shop’s name, currency and country, then enrol your customers.")
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Explore with a demo shop"),
            self.tr("A café with {customers} customers and a year of sales, to try every screen safely.").format(
                customers=DEMO_CUSTOMERS
            ),
        )
        self.demo_button.setEnabled(self.shop.path is not None)
        for button in (self.empty_button, self.demo_button):
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            button.setFont(font)
        self.empty_button.clicked.connect(self.choose_empty)
        self.demo_button.clicked.connect(lambda: self.choose_demo())
        column.addWidget(self.empty_button)
        column.addWidget(self.demo_button)
        column.addStretch(1)
        return view

    def _make_form(self) -> QWidget:
        view = QWidget()
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.currency_box = QComboBox()
        self.currency_box.setEditable(True)
        self.region_box = QComboBox()
        self.region_box.currentIndexChanged.connect(self._on_region_chosen)
        self.zone_box = QComboBox()
        self.zone_box.setEditable(True)
        self.language_box = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        form.addRow(self.tr("Shop &name:"), self.name_edit)
        form.addRow(self.tr("&Country (phone numbers):"), self.region_box)
        form.addRow(self.tr("C&urrency:"), self.currency_box)
        form.addRow(self.tr("&Time zone:"), self.zone_box)
        form.addRow(self.tr("&Language:"), self.language_box)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.views.setCurrentIndex(0))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.submit_profile)
        self.name_edit.returnPressed.connect(self.submit_profile)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.start_button)
        column = QVBoxLayout(view)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addStretch(1)
        return view

    def _make_progress(self) -> QWidget:
        view = QWidget()
        self.progress_label = QLabel(self.tr("Building the demo shop…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.cancel_demo)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        column = QVBoxLayout(view)
        column.addWidget(self.progress_label)
        column.addWidget(self.progress_bar)
        column.addLayout(row)
        column.addStretch(1)
        return view

    def focus_first(self) -> None:
        widget = {0: self.empty_button, 1: self.name_edit}.get(self.views.currentIndex())
        if widget is not None:
            widget.setFocus()

    # -- start empty ------------------------------------------------------
    def choose_empty(self) -> None:
        """Show the profile form, filled in with the current settings."""
        settings = self.shop.settings
        self.name_edit.setText(settings["shop_name"])
        self._fill_regions(settings["phone_region"])
        self._set_combo_text(self.currency_box, settings["currency"], COMMON_CURRENCIES)
        self._fill_zones(settings["phone_region"], settings["time_zone"])
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(i18n.language())))
        self.error_label.hide()
        self.views.setCurrentIndex(1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _fill_regions(self, current: str) -> None:
        names = Locale.parse(i18n.babel_locale()).territories
        regions = sorted(phonenumbers.SUPPORTED_REGIONS, key=lambda code: names.get(code, code))
        self.region_box.blockSignals(True)
        self.region_box.clear()
        for code in regions:
            self.region_box.addItem(f"{names.get(code, code)} ({code})", code)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(current)))
        self.region_box.blockSignals(False)

    def _fill_zones(self, region: str, current: str | None = None) -> None:
        local = list(get_global("territory_zones").get(region, ()))
        others = sorted(available_timezones() - set(local))
        self._set_combo_text(self.zone_box, current or (local[0] if local else "UTC"), [*local, *others])

    @staticmethod
    def _set_combo_text(box: QComboBox, text: str, items: tuple[str, ...] | list[str]) -> None:
        box.clear()
        box.addItems(list(items))
        index = box.findText(text)
        if index < 0:
            box.insertItem(0, text)
            index = 0
        box.setCurrentIndex(index)

    def _on_region_chosen(self) -> None:
        """A country suggests its currency and time zone; both stay editable."""
        region = self.region_box.currentData()
        currencies = get_territory_currencies(region, date.today()) if region else []
        if currencies:
            self._set_combo_text(self.currency_box, currencies[0], COMMON_CURRENCIES)
        self._fill_zones(region)

    def submit_profile(self) -> bool:
        """Save the profile; a problem is shown under the form and nothing is saved."""
        try:
            self.shop.set_settings(
                shop_name=self.name_edit.text(),
                phone_region=self.region_box.currentData() or "",
                currency=self.currency_box.currentText().strip().upper(),
                time_zone=self.zone_box.currentText().strip(),
                language=self.language_box.currentData(),
            )
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return False
        mark_welcomed(self.shop)
        self.events.announce(frozenset({SETTINGS}))
        self.finished.emit()
        return True

    # -- the demo -----------------------------------------------------------
    def choose_demo(self, *, customers: int = DEMO_CUSTOMERS, months: int = DEMO_MONTHS) -> BackgroundJob:
        """Build the demo café into this shop's file on a worker thread."""
        assert self.shop.path is not None, "a demo needs a database file"
        self.error_label.hide()
        self.progress_bar.setRange(0, 0)
        self.views.setCurrentIndex(2)

        def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> str:
            def report(done: int, total: int, label: str) -> None:
                self.demo_progressed.emit(done, total, label)

            summary = build_demo(
                worker_shop, customers=customers, months=months, progress=report, should_cancel=should_cancel
            )
            return summary.describe()

        self.job = run_in_background(self, label=self.tr("Building the demo shop…"), db_path=self.shop.path, work=work)
        self.job.dialog.setMinimumDuration(_NEVER_MS)  # the page shows its own progress bar
        self.job.finished.connect(self._on_demo_finished)
        return self.job

    def cancel_demo(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_demo_progress(self, done: int, total: int, label: str) -> None:
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(min(done, total) if total else 0)
        if label:
            self.progress_label.setText(label)

    def _on_demo_finished(self, ok: bool, payload: object) -> None:
        self.job = None
        self.summary = str(payload) if ok else ""
        if not ok:
            self.views.setCurrentIndex(0)
            self._show_error(str(payload))
            return
        self.shop.reload_settings()  # the worker's connection wrote the café's settings
        mark_welcomed(self.shop)
        self.events.announce(_EVERYTHING)
        self.finished.emit()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
