"""`MainWindow`: the shop's window. For now one screen: find a customer and list them.

The search box has the focus from the start, so a cashier can type phone
digits, a name or scan a card without touching the mouse; Down or Enter moves
into the results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_number
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.customers_model import CustomerColumn, CustomersTableModel
from smallbiz_loyalty.ui.errors import error_text


class MainWindow(QMainWindow):
    """Title with the shop's name, a search box, the customers table and a count."""

    SEARCH_DELAY_MS = 150  # wait for a pause in typing (or the end of a scanner burst)
    SEARCH_LIMIT = 200

    def __init__(self, shop: Shop, *, screen: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        # Only the customers list exists so far; `screen` will choose among the others.
        self.screen_name = screen or "customers"
        self.setWindowTitle(self.tr("{shop} — Customer loyalty").format(shop=shop.settings["shop_name"]))
        self.resize(1000, 640)

        self.model = CustomersTableModel(shop, self)
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        self.search_box = self._make_search_box()
        self.model.modelReset.connect(self._update_count)
        self.table = self._make_table()

        search_label = QLabel(self.tr("&Find a customer:"))
        search_label.setBuddy(self.search_box)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_box, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(self._on_search_edited)
        self.search_box.installEventFilter(self)
        self.search_box.setFocus()

    def _make_search_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(self.tr("Phone digits, name or card code"))
        box.setClearButtonEnabled(True)
        font = box.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
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
        # Fixed row heights: the view never measures rows, so long lists stay fast.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CustomerColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(CustomerColumn.NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # sorts (and so lists every customer) by name now
        return table

    # -- searching --------------------------------------------------------
    def _on_search_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        try:
            if text:
                self.model.show_customers(self._shop.find_customers(text, limit=self.SEARCH_LIMIT))
            else:
                self.model.show_all()
        except LoyaltyError as exc:
            self.statusBar().showMessage(error_text(exc), 5000)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self._search_timer.stop()  # no search may run once the window (and maybe the shop) is closed
        super().closeEvent(event)

    # -- keyboard ---------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box moves to the first result."""
        if (
            watched is self.search_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Enter right after typing must act on what was typed, not on the previous results.
            if self._search_timer.isActive():
                self._search_timer.stop()
                self._run_search()
            if self.model.rowCount() > 0:
                self.table.setFocus()
                self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)
