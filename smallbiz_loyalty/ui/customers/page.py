"""`CustomersPage`: every customer in a lazily paged table, a filter box, and a profile.

The table holds ids and reads whole rows a block at a time (see
`CustomersTableModel`), so 100 000 customers open at once; a header click sorts
the whole list in the core. Typing in the filter box (phone digits, a name or a
card code) narrows the table after a short pause; Enter or Down moves to the
first match. The selected customer's profile is shown beside the table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.changes import CUSTOMERS, LEDGER, SALES
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_number
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.customers.profile import ProfilePanel
from smallbiz_loyalty.ui.customers_model import CustomerColumn, CustomersTableModel
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page


class CustomersPage(Page):
    """The filter box and count above; the table and the selected customer's profile side by side."""

    KINDS = frozenset({CUSTOMERS, SALES, LEDGER})
    SEARCH_DELAY_MS = 150  # wait for a pause in typing (or the end of a scanner burst)
    SEARCH_LIMIT = 200

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.model = CustomersTableModel(shop, self)
        self._follow: int | None = None  # a customer to open when the page is next shown
        self.search_box = self._make_search_box()
        self.count_label = QLabel()
        self.table = self._make_table()
        self.profile = ProfilePanel(shop, events)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.profile)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        state = preferences.load(preferences.CUSTOMERS_SPLITTER)
        if state.isEmpty() or not self.splitter.restoreState(state):
            self.splitter.setSizes([560, 480])
        self.splitter.splitterMoved.connect(self._save_splitter)

        search_label = QLabel(self.tr("&Find a customer:"))
        search_label.setBuddy(self.search_box)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.installEventFilter(self)
        self.model.modelReset.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(lambda index: self.profile.focus_actions())
        events.customer_selected.connect(self.open_customer)
        self._update_count()

    def _make_search_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(self.tr("Phone digits, name or card code"))
        box.setClearButtonEnabled(True)
        font = box.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        box.setFont(font)
        return box

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights and column widths: the view never measures 100 000 rows.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CustomerColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CustomerColumn.PHONE, 130), (CustomerColumn.CARD_CODE, 100)):
            header.resizeSection(column, width)
        header.setSortIndicator(CustomerColumn.NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # sorts (and so lists every customer) by name now
        return table

    # -- Page -------------------------------------------------------------
    def refresh(self) -> None:
        """List again (keeping the filter and the selected customer) and reload the profile."""
        selected = self.profile.customer_id
        self._run_search()
        if selected is not None:
            self._select_customer_row(selected)
        self.profile.refresh()

    def focus_first(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def open_customer(self, customer_id: int) -> None:
        """Show this customer's profile (and their row, when it is listed).

        While the page is hidden (the counter serving someone), only remember who:
        the cashier's queue must not wait for a profile nobody is looking at."""
        if not self.isVisible():
            self._follow = customer_id
            return
        self._follow = None
        self._select_customer_row(customer_id)
        self.profile.show_customer(customer_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._follow is not None:
            self.open_customer(self._follow)

    # -- searching --------------------------------------------------------
    def _run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text().strip()
        try:
            if text:
                self.model.show_customers(self.shop.find_customers(text, limit=self.SEARCH_LIMIT))
            else:
                self.model.show_all()
        except LoyaltyError as exc:
            self.count_label.setText(error_text(exc))

    def _update_count(self) -> None:
        count = self.model.total()
        shown = format_number(count, babel_locale())
        text = self.search_box.text().strip()
        if not self.model.is_filtered():
            message = self.tr("Customers: {count}").format(count=shown) if count else self.tr("No customers yet.")
        elif count == 0:
            message = self.tr('No customer matches "{text}".').format(text=text)
        elif count >= self.SEARCH_LIMIT:
            message = self.tr("Showing the first {count} matches; type more to narrow the search.").format(count=shown)
        else:
            message = self.tr("Matches: {count}").format(count=shown)
        self.count_label.setText(message)

    def _select_customer_row(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is None:
            return
        index = self.model.index(row, CustomerColumn.NAME)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        customer = self.model.customer_at(current.row()) if current.isValid() else None
        if customer is not None and customer.id != self.profile.customer_id:
            self.profile.show_customer(customer.id)

    def _save_splitter(self) -> None:
        preferences.save(preferences.CUSTOMERS_SPLITTER, self.splitter.saveState())

    def hideEvent(self, event: QHideEvent) -> None:
        self._search_timer.stop()  # no search may run once the window (and maybe the shop) is closed
        super().hideEvent(event)

    # -- keyboard ---------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the filter box moves to the first result and opens its profile."""
        if (
            watched is self.search_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Enter right after typing must act on what was typed, not on the previous results.
            if self._search_timer.isActive():
                self._run_search()
            if self.model.rowCount() > 0:
                self.table.setFocus()
                self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)
