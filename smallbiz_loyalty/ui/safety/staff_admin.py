"""Staff and PINs, for the owner: add a cashier with a PIN, set a PIN, deactivate.

The first PIN the owner sets turns sign-in on (from then on everyone signs in
at start and after the idle lock). Every rule — PIN length, too-easy PINs, the
last owner, who may do what — is the core's; this panel shows its sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import permissions
from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError, PermissionDenied
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.staff import Staff
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.events import ShopEvents

ERROR_STYLE = "color: #b00020;"
_FSI, _PDI = "\u2068", "\u2069"


def _pin_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(32)
    field.setPlaceholderText(placeholder)
    return field


class StaffAdminPanel(QWidget):
    """The staff list with PIN actions below it; every action says what it did (or why not)."""

    def __init__(self, shop: Shop, events: ShopEvents | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.events = events
        self._members: list[Staff] = []
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._make_chosen_row())
        layout.addWidget(self._make_add_group())
        layout.addWidget(self.message_label)
        self.refresh()

    def _make_chosen_row(self) -> QHBoxLayout:
        self.new_pin_edit = _pin_field(self.tr("New PIN (4–8 digits)"))
        self.new_pin_edit.setMinimumWidth(200)
        self.new_pin_edit.returnPressed.connect(self._set_chosen_pin)
        self.set_pin_button = QPushButton(self.tr("Set &PIN of the chosen person"))
        self.set_pin_button.clicked.connect(self._set_chosen_pin)
        self.deactivate_button = QPushButton(self.tr("&Deactivate the chosen person"))
        self.deactivate_button.clicked.connect(self._deactivate_chosen)
        row = QHBoxLayout()
        row.addWidget(self.new_pin_edit)
        row.addWidget(self.set_pin_button)
        row.addStretch(1)
        row.addWidget(self.deactivate_button)
        return row

    def _make_add_group(self) -> QGroupBox:
        self.add_group = QGroupBox(self.tr("Add a staff member"))
        self.name_edit = QLineEdit()
        self.role_box = QComboBox()
        self.role_box.addItem(self.tr("Cashier"), "cashier")
        self.role_box.addItem(self.tr("Owner"), "owner")
        self.add_pin_edit = _pin_field(self.tr("Their PIN (4–8 digits)"))
        self.add_pin_edit.returnPressed.connect(self._add_from_form)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self._add_from_form)
        form = QFormLayout(self.add_group)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Role:"), self.role_box)
        form.addRow(self.tr("PIN:"), self.add_pin_edit)
        form.addRow("", self.add_button)
        return self.add_group

    # -- reading ----------------------------------------------------------------
    def refresh(self) -> None:
        """Read the staff again; owner-only buttons greyed out, with the core's reason, for a cashier."""
        try:
            self._members = self.shop.staff(active_only=False)
            signed_in = self.shop.current_staff()
            sign_in_on = self.shop.sign_in_required()
        except LoyaltyError as exc:
            self._members, signed_in, sign_in_on = [], None, False
            self._say(error_text(exc), ok=False)
        self._fill_table()
        if sign_in_on:
            self.note_label.setText(self.tr("Everyone signs in with their own PIN. Choose a person to set their PIN."))
        else:
            self.note_label.setText(
                self.tr("Sign-in is off: anyone at this PC acts as the owner. Set the owner's PIN to turn it on.")
            )
        refusal = ""
        if signed_in is not None:
            try:
                permissions.require(signed_in, "staff")
            except PermissionDenied as exc:
                refusal = exc.message
        for widget in (self.add_group, self.deactivate_button):
            widget.setEnabled(not refusal)
            widget.setToolTip(refusal)

    def _fill_table(self) -> None:
        roles = {"owner": self.tr("Owner"), "cashier": self.tr("Cashier")}
        self.table.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            name = _FSI + member.name + _PDI
            if member.id == self.shop.staff_id:
                name = self.tr("{name} (signed in)").format(name=name)
            state = self.tr("Active") if member.active else self.tr("No longer active")
            for column, text in enumerate((name, roles.get(member.role, member.role), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.id)
                self.table.setItem(row, column, item)
        if self._members and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def chosen(self) -> Staff | None:
        row = self.table.currentRow()
        return self._members[row] if 0 <= row < len(self._members) else None

    def choose(self, staff_id: int) -> None:
        for row, member in enumerate(self._members):
            if member.id == staff_id:
                self.table.selectRow(row)

    # -- actions -----------------------------------------------------------------
    def set_pin(self, staff_id: int, pin: str) -> bool:
        """Set `staff_id`'s PIN (one's own, or anyone's for the owner)."""
        try:
            member = self.shop.set_pin(staff_id, pin)
        except LoyaltyError as exc:
            return self._say(exc.message, ok=False)
        self.new_pin_edit.clear()
        return self._changed(self.tr("The PIN of {name} is set.").format(name=_FSI + member.name + _PDI))

    def add(self, name: str, role: str, pin: str) -> bool:
        """Add a staff member with their PIN (owner only)."""
        try:
            member = self.shop.add_staff(name=name, role=role, pin=pin)
        except LoyaltyError as exc:
            return self._say(exc.message, ok=False)
        self.name_edit.clear()
        self.add_pin_edit.clear()
        text = self.tr("{name} can now sign in with their PIN.").format(name=_FSI + member.name + _PDI)
        return self._changed(text)

    def deactivate(self, staff_id: int) -> bool:
        """Stop a staff member from signing in; their history stays (owner only)."""
        try:
            member = self.shop.deactivate_staff(staff_id)
        except LoyaltyError as exc:
            return self._say(exc.message, ok=False)
        return self._changed(self.tr("{name} can no longer sign in.").format(name=_FSI + member.name + _PDI))

    def _set_chosen_pin(self) -> None:
        member = self.chosen()
        if member is not None:
            self.set_pin(member.id, self.new_pin_edit.text())

    def _deactivate_chosen(self) -> None:
        member = self.chosen()
        if member is not None:
            self.deactivate(member.id)

    def _add_from_form(self) -> None:
        self.add(self.name_edit.text(), str(self.role_box.currentData()), self.add_pin_edit.text())

    def _changed(self, message: str) -> bool:
        chosen = self.chosen()
        self.refresh()
        if chosen is not None:
            self.choose(chosen.id)
        if self.events is not None:  # sign-in may have been turned on: the lock and the settings follow
            self.events.announce(frozenset({SETTINGS}))
        return self._say(message, ok=True)

    def _say(self, message: str, *, ok: bool) -> bool:
        self.message_label.setStyleSheet("" if ok else ERROR_STYLE)
        self.message_label.setText(message)
        return ok
