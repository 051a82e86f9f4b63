"""Edit a customer's details; correct a balance by hand (owner only).

Each dialog checks nothing itself: it hands what was typed to the `Shop`, and a
refusal comes back as one sentence shown inline under the form, in the user's
language, with the field at fault focused. Nothing is changed then.
`save()` / `apply()` are the accept paths (tests call them directly)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import InvalidInput, LoyaltyError
from smallbiz_loyalty.core.loyalty_text import balance_text
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.text import to_ascii_digits
from smallbiz_loyalty.ui.events import ShopEvents

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 2px solid #b00020;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def _birthday_text(customer: Customer) -> str:
    birthday = customer.birthday
    if birthday is None:
        return ""
    if birthday.year:
        return f"{birthday.year:04d}-{birthday.month:02d}-{birthday.day:02d}"
    return f"{birthday.month:02d}-{birthday.day:02d}"


class EditCustomerDialog(QDialog):
    """Name, phone, email, birthday and notes of one customer."""

    def __init__(self, shop: Shop, events: ShopEvents, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.events, self.customer = shop, events, customer
        self.done_text = ""
        self.setWindowTitle(self.tr("Edit {name}").format(name=customer.name))
        self.name_edit = QLineEdit(customer.name)
        self.phone_edit = QLineEdit(format_phone(customer.phone, shop.region))
        self.email_edit = QLineEdit(customer.email)
        self.birthday_edit = QLineEdit(_birthday_text(customer))
        self.birthday_edit.setPlaceholderText(self.tr("month-day, such as 03-21"))
        self.notes_edit = QPlainTextEdit(customer.notes)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(90)
        self._initial = self._typed()
        self._fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "phone": self.phone_edit,
            "email": self.email_edit,
            "birthday": self.birthday_edit,
            "notes": self.notes_edit,
        }
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Phone:"), self.phone_edit)
        form.addRow(self.tr("E&mail:"), self.email_edit)
        form.addRow(self.tr("&Birthday:"), self.birthday_edit)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        self.error_label = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addWidget(buttons)
        self.setMinimumWidth(460)

    def _typed(self) -> dict[str, str]:
        return {
            "name": self.name_edit.text(),
            "phone": self.phone_edit.text(),
            "email": self.email_edit.text(),
            "birthday": self.birthday_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def save(self) -> bool:
        """Save what changed; on a refusal show its sentence, focus the field, change nothing."""
        changes = {key: value for key, value in self._typed().items() if value != self._initial[key]}
        for widget in self._fields.values():
            widget.setStyleSheet("")
        if not changes:
            self.accept()
            return True
        try:
            result = self.shop.edit_customer(self.customer.id, **changes)
        except LoyaltyError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            field = self._fields.get(exc.field) if isinstance(exc, InvalidInput) else None
            if field is not None:
                field.setStyleSheet(FIELD_ERROR_STYLE)
                field.setFocus()
            return False
        self.done_text = self.tr("{name} was saved.").format(name=result.customer.name)
        self.events.announce(result.changed)
        self.accept()
        return True


class AdjustDialog(QDialog):
    """Add or take away stamps, points or credit by hand, with a reason (owner only)."""

    def __init__(self, shop: Shop, events: ShopEvents, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.events, self.customer = shop, events, customer
        self.done_text = ""
        self.setWindowTitle(self.tr("Adjust the balance of {name}").format(name=customer.name))
        self.programme_box = QComboBox()
        for programme in shop.programmes():
            self.programme_box.addItem(programme.name, programme)
        self.direction_box = QComboBox()
        self.direction_box.addItem(self.tr("Add"), 1)
        self.direction_box.addItem(self.tr("Take away"), -1)
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(self.tr("how many (or how much credit)"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("required, e.g. stamp forgotten on Monday"))
        form = QFormLayout()
        form.addRow(self.tr("&Programme:"), self.programme_box)
        form.addRow(self.tr("&Change:"), self.direction_box)
        form.addRow(self.tr("&Quantity:"), self.quantity_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.error_label = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Adjust"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Every correction is recorded with your name and the reason.")))
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addWidget(buttons)
        self.setMinimumWidth(440)

    def _quantity(self) -> int:
        programme = self.programme_box.currentData()
        text = self.quantity_edit.text().strip()
        if programme is not None and programme.unit == "credit":
            return self.shop.parse_amount(text)
        digits = to_ascii_digits(text)
        if not digits.isdigit():
            raise InvalidInput("quantity", self.tr("Enter a whole number, such as 2."))
        return int(digits)

    def apply(self) -> bool:
        """Make the correction; a refusal (including "only the owner…") is shown plainly."""
        programme = self.programme_box.currentData()
        try:
            if programme is None:
                raise InvalidInput("programme", self.tr("The shop has no loyalty programme to adjust."))
            quantity = self._quantity() * int(self.direction_box.currentData())
            result = self.shop.adjust(self.customer.id, programme.id, quantity, self.reason_edit.text())
        except LoyaltyError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return False
        self.done_text = self.tr("Balance corrected: {programme} is now {balance}.").format(
            programme=result.programme.name,
            balance=balance_text(result.programme.unit, result.balance, None, self.shop.currency),
        )
        self.events.announce(result.changed)
        self.accept()
        return True
