"""`QuickEnrolDialog`: enrol a new customer at the counter in one small dialog.

Name, phone, an optional birthday as "DD/MM" (Eastern Arabic digits accepted),
who referred them (found like at the counter: phone digits or name) and the two
consents. Enter saves; a problem is shown inline under the form in one
sentence, and the field it is about gets the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import DuplicateCustomer, InvalidInput, LoyaltyError
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import CustomerResult, Shop
from smallbiz_loyalty.core.text import to_ascii_digits
from smallbiz_loyalty.ui.counter.style import ERROR_STYLE, enlarge, ltr
from smallbiz_loyalty.ui.errors import error_text

_ID_ROLE = Qt.ItemDataRole.UserRole


def looks_like_phone(text: str) -> bool:
    """Whether what was searched for is phone digits (else it is taken as a name)."""
    digits = to_ascii_digits(text).replace(" ", "").replace("-", "").removeprefix("+")
    return digits.isdigit()


class QuickEnrolDialog(QDialog):
    """After `accept()`, `result_customer` is the new customer and `result` the Shop's result."""

    REFERRER_LIMIT = 5

    def __init__(self, shop: Shop, searched: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.result: CustomerResult | None = None
        self.existing_id: int | None = None  # the customer who already has this phone number
        self.setWindowTitle(self.tr("New customer"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 5000 1234"))
        self.birthday = QLineEdit()
        self.birthday.setPlaceholderText(self.tr("DD/MM, e.g. 21/03 (optional)"))
        self.referrer = QLineEdit()
        self.referrer.setPlaceholderText(self.tr("Phone digits or name (optional)"))
        self.referrer_list = QListWidget()
        self.referrer_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.referrer_list.setMaximumHeight(90)
        self.referrer_list.hide()
        self.marketing = QCheckBox(self.tr("Agrees to receive offers and messages"))
        self.notes_ok = QCheckBox(self.tr("Agrees to receive printed thank-you notes and cards"))
        self.notes_ok.setChecked(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.serve_existing = QPushButton(self.tr("Serve that customer instead"))
        self.serve_existing.hide()
        self.serve_existing.clicked.connect(self.done_with_existing)
        for field in (self.name, self.phone, self.birthday, self.referrer):
            enlarge(field, 1.3)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&Birthday:"), self.birthday)
        form.addRow(self.tr("&Referred by:"), self.referrer)
        form.addRow("", self.referrer_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)  # Enter in any field saves
        self.serve_existing.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.marketing)
        layout.addWidget(self.notes_ok)
        layout.addWidget(self.error_label)
        layout.addWidget(self.serve_existing)
        layout.addWidget(buttons)
        self._referrer_timer = QTimer(self)
        self._referrer_timer.setSingleShot(True)
        self._referrer_timer.setInterval(120)
        self._referrer_timer.timeout.connect(self._find_referrers)
        self.referrer.textChanged.connect(lambda _t: self._referrer_timer.start())
        self._prefill(searched.strip())

    def _prefill(self, searched: str) -> None:
        if searched and looks_like_phone(searched):
            self.phone.setText(searched)
            self.name.setFocus()
        elif searched:
            self.name.setText(searched)
            self.phone.setFocus()
        else:
            self.name.setFocus()

    # -- referred by ------------------------------------------------------------
    def _find_referrers(self) -> None:
        self._referrer_timer.stop()
        self.referrer_list.clear()
        text = self.referrer.text().strip()
        found = self.shop.find_customers(text, limit=self.REFERRER_LIMIT) if text else []
        for customer in found:
            phone = format_phone(customer.phone, self.shop.region)
            item = QListWidgetItem(f"{customer.name}   {ltr(phone)}".strip())
            item.setData(_ID_ROLE, customer.id)
            self.referrer_list.addItem(item)
        if found:
            self.referrer_list.setCurrentRow(0)
        self.referrer_list.setVisible(bool(text))

    def referred_by(self) -> int | None:
        """The chosen referrer; raises `InvalidInput` when something was typed that matches nobody."""
        if self._referrer_timer.isActive():
            self._find_referrers()
        if not self.referrer.text().strip():
            return None
        item = self.referrer_list.currentItem()
        if item is None:
            raise InvalidInput(
                "referred_by", self.tr("Nobody matches the referrer you typed; correct it or clear the field.")
            )
        return int(item.data(_ID_ROLE))

    # -- saving -------------------------------------------------------------------
    def save(self) -> None:
        """Enrol the customer; on a problem, say it inline and keep the dialog open."""
        self.error_label.clear()
        self.serve_existing.hide()
        try:
            self.result = self.shop.enrol(
                name=self.name.text(),
                phone=self.phone.text() or None,
                birthday=self.birthday.text() or None,
                referred_by=self.referred_by(),
                consent_marketing=self.marketing.isChecked(),
                consent_notes=self.notes_ok.isChecked(),
            )
        except DuplicateCustomer as exc:
            self.existing_id = exc.existing_id
            self._show_problem(exc)
            self.serve_existing.show()
            return
        except LoyaltyError as exc:
            self._show_problem(exc)
            return
        self.accept()

    def _show_problem(self, exc: LoyaltyError) -> None:
        self.error_label.setText(error_text(exc))
        field = {"name": self.name, "phone": self.phone, "birthday": self.birthday, "referred_by": self.referrer}.get(
            getattr(exc, "field", ""), self.phone if isinstance(exc, DuplicateCustomer) else None
        )
        if field is not None:
            field.setFocus()
            field.selectAll()

    def done_with_existing(self) -> None:
        """Close the dialog choosing the customer who already has the phone number."""
        self.result = None
        self.accept()

    def result_customer(self) -> Customer | None:
        return self.result.customer if self.result is not None else None
