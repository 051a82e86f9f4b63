"""`MergeDialog`: pick the duplicate of a customer and merge it in, after seeing both balances.

Candidates come from `core.duplicates.suggest_duplicates` (same phone number, or
a very similar name); any other customer can be found with the search box. The
dialog itself is the confirmation: both customers side by side with their
balances, and a button that says exactly what will happen. `merge()` is the
accept path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.loyalty_text import balance_text
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.customers.bidi import isolate, ltr, screen_lines
from smallbiz_loyalty.ui.events import ShopEvents

ERROR_STYLE = "color: #b00020;"
SEARCH_LIMIT = 20


class MergeDialog(QDialog):
    """Merge another customer into `keep`."""

    def __init__(self, shop: Shop, events: ShopEvents, keep: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.events, self.keep = shop, events, keep
        self.other: Customer | None = None
        self.setWindowTitle(self.tr("Merge a duplicate into {name}").format(name=keep.name))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Find another customer: phone digits or name"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self._search)
        self.candidates = QListWidget()
        self.candidates.setMaximumHeight(160)
        self.candidates.currentItemChanged.connect(self._on_candidate)
        self.keep_label = QLabel(self._describe(keep))
        self.other_label = QLabel(self.tr("Choose the duplicate in the list."))
        for label in (self.keep_label, self.other_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("Merge"))
        self.merge_button.setEnabled(False)
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        sides = QGridLayout()
        sides.addWidget(self._heading(self.tr("Keep")), 0, 0)
        sides.addWidget(self._heading(self.tr("Merge into it, then remove")), 0, 1)
        sides.addWidget(self.keep_label, 1, 0)
        sides.addWidget(self.other_label, 1, 1)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Possible duplicates (same phone number or a very similar name):")))
        column.addWidget(self.candidates)
        column.addWidget(self.search_box)
        column.addLayout(sides)
        column.addWidget(self.summary_label)
        column.addWidget(self.error_label)
        column.addStretch(1)
        column.addWidget(buttons)
        self.resize(640, 460)
        self._list(self._suggestions())

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _suggestions(self) -> list[Customer]:
        try:
            return self.shop.suggest_duplicates(self.keep.id)
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return []

    def _search(self) -> None:
        try:
            found = self.shop.find_customers(self.search_box.text(), limit=SEARCH_LIMIT)
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return
        self._list([c for c in found if c.id != self.keep.id])

    def _list(self, customers: list[Customer]) -> None:
        self.candidates.clear()
        for customer in customers:
            phone = format_phone(customer.phone, self.shop.region)
            text = f"{customer.name} — {ltr(phone)}" if phone else customer.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            self.candidates.addItem(item)
        if not customers:
            self.other_label.setText(self.tr("No likely duplicate found; search for the customer above."))

    def _on_candidate(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose(int(item.data(Qt.ItemDataRole.UserRole)))

    def _describe(self, customer: Customer) -> str:
        """Name, phone, card and every balance, as the owner compares them."""
        lines = [customer.name]
        phone = format_phone(customer.phone, self.shop.region)
        if phone:
            lines.append(ltr(phone))
        lines.append(self.tr("Card {code}").format(code=ltr(customer.card_code)))
        try:
            status = self.shop.customer_status(customer.id)
        except LoyaltyError as exc:
            return screen_lines([*lines, exc.message])
        for p in status.programmes:
            balance = balance_text(p.programme.unit, p.balance, None, self.shop.currency)
            lines.append(self.tr("{programme}: {balance}").format(programme=isolate(p.programme.name), balance=balance))
        if status.vouchers:
            lines.append(self.tr("Vouchers to use: {count}").format(count=len(status.vouchers)))
        return screen_lines(lines)

    def choose(self, customer_id: int) -> None:
        """Show this customer as the one to merge in, with both balances."""
        try:
            other = self.shop.customer(customer_id)
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return
        self.other = other
        self.other_label.setText(self._describe(other))
        self.summary_label.setText(
            self.tr(
                "{other}’s sales, stamps, points and vouchers will move to {keep}, and {other} will no longer "
                "be listed. This cannot be undone."
            ).format(other=isolate(other.name), keep=isolate(self.keep.name))
        )
        self.merge_button.setText(
            self.tr("Merge {other} into {keep}").format(other=isolate(other.name), keep=isolate(self.keep.name))
        )
        self.merge_button.setEnabled(True)
        self.error_label.hide()

    def merge(self) -> bool:
        """Merge the chosen customer into the kept one; a refusal is shown and nothing changes."""
        if self.other is None:
            self._show_error(self.tr("Choose the duplicate to merge first."))
            return False
        try:
            result = self.shop.merge_customers(self.keep.id, self.other.id)
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return False
        self.events.announce(result.changed)
        self.accept()
        return True

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
