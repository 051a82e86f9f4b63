"""Signing in: choose who you are, type your PIN, press Enter.

`PinForm` is the form itself; `SignInDialog` shows it before the main window
once the owner has set a PIN; `LockScreen` shows it over the window after it
was left alone (see `idle_lock.py`). The PIN is checked by `Shop.sign_in` —
digits of any script, wrong PINs counted and slowed down by the core, whose
sentence is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.staff import Staff
from smallbiz_loyalty.ui.errors import error_text

ERROR_STYLE = "color: #b00020;"
PIN_FIELD_MAX = 32  # generous: the core says how long a PIN is, in one sentence
_FSI, _PDI = "\u2068", "\u2069"


def _scaled(widget: QWidget, factor: float, *, bold: bool = False) -> QWidget:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def staff_label(member: Staff) -> str:
    """ "Sara (Cashier)", the name kept in its own direction; just "Owner" for the owner called Owner."""
    if member.is_owner:
        role = QCoreApplication.translate("PinForm", "Owner")
    else:
        role = QCoreApplication.translate("PinForm", "Cashier")
    if member.name.casefold() in (role.casefold(), member.role.casefold()):
        return role
    return QCoreApplication.translate("PinForm", "{name} ({role})").format(name=_FSI + member.name + _PDI, role=role)


class PinForm(QWidget):
    """Staff member + PIN; emits `signed_in(Staff)` once `Shop.sign_in` accepted the PIN."""

    signed_in = Signal(object)

    def __init__(self, shop: Shop, *, chosen: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.staff_box = _scaled(QComboBox(), 1.25)
        self.pin_edit = _scaled(QLineEdit(), 1.6)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_FIELD_MAX)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.pin_edit.returnPressed.connect(self.submit)
        self.sign_in_button = _scaled(QPushButton(self.tr("&Sign in")), 1.2)
        self.sign_in_button.setMinimumHeight(44)
        # Enter in the PIN field signs in once: the button must not also be a dialog's default.
        self.sign_in_button.setAutoDefault(False)
        self.sign_in_button.clicked.connect(self.submit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QFormLayout()
        form.addRow(self.tr("Who are you?"), self.staff_box)
        form.addRow(self.tr("Your PIN:"), self.pin_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.error_label)
        self.reload(chosen)

    def reload(self, chosen: int | None = None) -> None:
        """Read the active staff again and choose `chosen` (or the first, an owner)."""
        self.staff_box.clear()
        try:
            members = self.shop.staff()
        except LoyaltyError as exc:
            members = []
            self.error_label.setText(error_text(exc))
        for member in members:
            self.staff_box.addItem(staff_label(member), member.id)
        index = self.staff_box.findData(chosen) if chosen is not None else -1
        self.staff_box.setCurrentIndex(max(index, 0))
        self.pin_edit.clear()

    def choose(self, staff_id: int) -> None:
        self.staff_box.setCurrentIndex(max(self.staff_box.findData(staff_id), 0))

    def focus_pin(self) -> None:
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> Staff | None:
        """Check the PIN typed for the staff member chosen; the core's sentence when it is refused."""
        staff_id = self.staff_box.currentData()
        if staff_id is None:
            return None
        try:
            member = self.shop.sign_in(int(staff_id), self.pin_edit.text())
        except LoyaltyError as exc:
            self.error_label.setText(exc.message)
            self.pin_edit.clear()
            self.focus_pin()
            return None
        self.error_label.clear()
        self.pin_edit.clear()
        self.signed_in.emit(member)
        return member


class SignInDialog(QDialog):
    """Before the main window, when the owner has set a PIN: accepted once someone signed in."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        shop_name = _FSI + shop.settings["shop_name"] + _PDI
        self.setWindowTitle(self.tr("Sign in — {shop}").format(shop=shop_name))
        title = _scaled(QLabel(shop_name), 1.8, bold=True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Sign in to open the shop."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = PinForm(shop)
        self.form.signed_in.connect(lambda _member: self.accept())
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 24)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addLayout(row)
        self.resize(520, 360)
        self.form.focus_pin()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.form.focus_pin()


class LockScreen(QFrame):
    """Covers the main window after it was left alone; emits `unlocked(Staff)`."""

    unlocked = Signal(object)

    def __init__(self, shop: Shop, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        shop_label = _scaled(QLabel(_FSI + shop.settings["shop_name"] + _PDI), 1.3)
        shop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = _scaled(QLabel(self.tr("Locked")), 2.2, bold=True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label = _scaled(QLabel(reason), 1.1)
        self.reason_label.setWordWrap(True)
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = PinForm(shop, chosen=shop.staff_id)
        self.form.signed_in.connect(self.unlocked.emit)
        # A card in the middle of the window: nothing of the shop's data shows around it.
        card = QFrame()
        card.setObjectName("lock_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(480)
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 20)
        column.setSpacing(14)
        for widget in (shop_label, title, self.reason_label, self.form):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.form.pin_edit)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.form.focus_pin()
