"""`StaffPanel`: who works in the shop (names, roles, whether still active), read-only.

Adding staff and setting PINs belong to the data-safety work (`Shop.add_staff`,
`Shop.set_pin`); this panel only lists them, the signed-in member marked."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.staff import Staff
from smallbiz_loyalty.ui.dashboard.rows_model import RowsTableModel
from smallbiz_loyalty.ui.errors import error_text


class StaffPanel(QWidget):
    """Names, roles and states; the signed-in member is marked."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._members: list[Staff] = []
        self._problem = ""
        self.model = RowsTableModel(["", "", ""], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        """Read the staff list again."""
        try:
            self._members, self._problem = self._shop.staff(active_only=False), ""
        except LoyaltyError as exc:
            self._members, self._problem = [], error_text(exc)
        self.retranslate()

    def retranslate(self) -> None:
        """Relabel in the current language from the list read last (reads nothing)."""
        self.model.set_headers([self.tr("Name"), self.tr("Role"), self.tr("State")])
        roles = {"owner": self.tr("Owner"), "cashier": self.tr("Cashier")}
        rows = []
        for member in self._members:
            name = member.name
            if member.id == self._shop.staff_id:
                name = self.tr("{name} (signed in)").format(name=name)
            state = self.tr("Active") if member.active else self.tr("No longer active")
            rows.append((member, [name, roles.get(member.role, member.role), state]))
        self.model.set_rows(rows)
        self.note_label.setText(self._problem or self.tr("The shop's staff; this list is read-only."))
