"""`CustomerSearchWidget`: the counter's one search box and its results.

Typing, pasting or a card scanner all land in the box. Results follow the
typing after a short pause (debounced: a scanner's burst of keys searches
once). Enter acts on what was typed at once: a card code selects its customer,
a single result (or the highlighted one; Up/Down move) is selected; Esc clears."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.customers import Customer, normalise_card_code
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.counter.style import ERROR_STYLE, MUTED_STYLE, enlarge, ltr
from smallbiz_loyalty.ui.errors import error_text

_ID_ROLE = Qt.ItemDataRole.UserRole
_MOVE_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


class CustomerSearchWidget(QWidget):
    """Emits `chosen(customer id)` when a customer is picked, `enrol_asked(text)` to enrol
    whoever was searched for."""

    chosen = Signal(int)
    enrol_asked = Signal(str)

    SEARCH_DELAY_MS = 120
    LIMIT = 20
    VISIBLE_ROWS = 5

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Phone digits, name or card code"))
        self.box.setClearButtonEnabled(True)
        enlarge(self.box, 1.8)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the box
        enlarge(self.results, 1.3)
        self.results.itemActivated.connect(self._on_item_activated)
        self.results.itemClicked.connect(self._on_item_activated)
        self.note = QLabel()
        self.note.setStyleSheet(MUTED_STYLE)
        self.enrol_button = QPushButton()
        self.enrol_button.clicked.connect(lambda: self.enrol_asked.emit(self.box.text().strip()))

        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.enrol_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.results)
        layout.addLayout(note_row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.installEventFilter(self)
        self._found: list[Customer] = []
        self._show_results(False)

    # -- searching --------------------------------------------------------
    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        """Search for what is in the box (the debounce timer calls this; so does Enter)."""
        self._timer.stop()
        text = self.box.text().strip()
        self.results.clear()
        self.note.setStyleSheet(MUTED_STYLE)
        if not text:
            self._found = []
            self._show_results(False)
            return
        try:
            self._found = self.shop.find_customers(text, limit=self.LIMIT)
        except LoyaltyError as exc:
            self._found = []
            self.note.setText(error_text(exc))
            self.note.setStyleSheet(ERROR_STYLE)
            self._show_results(True)
            return
        for customer in self._found:
            item = QListWidgetItem(self._line(customer))
            item.setData(_ID_ROLE, customer.id)
            self.results.addItem(item)
        if len(self._found) == 1:
            self.results.setCurrentRow(0)
        self._describe(text)
        self._show_results(True)

    def _line(self, customer: Customer) -> str:
        phone = format_phone(customer.phone, self.shop.region)
        parts = [customer.name, ltr(phone), ltr(customer.card_code)]
        return "   ·   ".join(p for p in parts if p)

    def _describe(self, text: str) -> None:
        count = len(self._found)
        if count == 0:
            self.note.setText(self.tr('No customer matches "{text}".').format(text=text))
        elif count == 1:
            self.note.setText(self.tr("Press Enter to serve this customer."))
        else:
            self.note.setText(
                self.tr("{count} customers match: Up/Down to choose, Enter to serve.").format(count=count)
            )
        self.enrol_button.setText(self.tr("Enrol as a new customer (Ctrl+N)"))
        self.enrol_button.setVisible(count == 0)

    def _show_results(self, shown: bool) -> None:
        self.results.setVisible(shown and bool(self._found))
        if self._found:
            row_height = self.results.sizeHintForRow(0)
            rows = min(len(self._found), self.VISIBLE_ROWS)
            self.results.setFixedHeight(rows * row_height + 2 * self.results.frameWidth() + 4)
        self.note.setVisible(shown)
        self.enrol_button.setVisible(shown and not self._found and bool(self.box.text().strip()))

    def stop(self) -> None:
        """Drop a search waiting to run."""
        self._timer.stop()

    def found(self) -> list[Customer]:
        return list(self._found)

    def clear(self) -> None:
        """Empty the box and the results."""
        self._timer.stop()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.search_now()

    # -- choosing ---------------------------------------------------------
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(_ID_ROLE)))

    def choose_typed(self) -> bool:
        """What Enter does: search at once, then pick the card's owner, the only match or the
        highlighted one. Returns whether a customer was chosen."""
        if self._timer.isActive() or not self._found:
            self.search_now()
        text = self.box.text().strip()
        if not text:
            return False
        code = normalise_card_code(text)
        by_card = next((c for c in self._found if c.card_code == code), None)
        if by_card is not None:  # a scanned card: no need to look at the list
            self.chosen.emit(by_card.id)
            return True
        current = self.results.currentItem()
        if current is not None and current.isSelected():
            self.chosen.emit(int(current.data(_ID_ROLE)))
            return True
        if len(self._found) > 1:
            self.results.setCurrentRow(0)  # show where Up/Down start
        return False

    def _move(self, step: int) -> None:
        if self._timer.isActive():
            self.search_now()
        count = self.results.count()
        if count:
            row = self.results.currentRow() if self.results.currentItem() is not None else -1
            self.results.setCurrentRow(max(0, min(count - 1, row + step)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_typed()
                return True
            if key in _MOVE_KEYS:
                self._move(_MOVE_KEYS[key])
                return True
        return super().eventFilter(watched, event)
