"""The audit log, for the owner: who did what sensitive thing, and when (newest first).

`AuditTableModel` pages through `Shop.audit_entries` lazily (`fetchMore`, 100
rows at a time), so a log of years opens at once. A cashier gets the core's
refusal instead of rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_skeleton, format_time
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.audit import AuditEntry
from smallbiz_loyalty.core.dates import zone
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.settings import SETTINGS
from smallbiz_loyalty.core.shop import Shop

ModelIndex = QModelIndex | QPersistentModelIndex
PAGE = 100
DETAIL_MAX = 300
RECORD_ROLE = Qt.ItemDataRole.UserRole  # the row's AuditEntry
WHEN, WHO, ACTION, SUBJECT, DETAILS = range(5)
# Actions whose subject is a staff member's id: shown by name.
STAFF_SUBJECTS = frozenset({"sign_in", "sign_in_failed", "sign_in_locked", "set_pin", "add_staff", "deactivate_staff"})
# Actions whose subject is a customer's id: shown by name (read a page at a time).
CUSTOMER_SUBJECTS = frozenset({"edit_customer", "erase_customer", "adjust_balance", "issue_voucher", "privacy_export"})
_FSI, _PDI = "\u2068", "\u2069"


def format_moment(moment: datetime) -> str:
    """ "Oct 15, 2026 12:30 PM" / "15 أكتوبر 2026 12:30 م" in the moment's own time zone."""
    locale = babel_locale()
    return f"{format_skeleton('yMMMd', moment, locale=locale)} {format_time(moment, 'short', locale=locale)}"


class AuditTableModel(QAbstractTableModel):
    """Audit entries, newest first, read a page at a time as the view scrolls."""

    def __init__(self, shop: Shop, parent: QObject | None = None, *, page_size: int = PAGE) -> None:
        super().__init__(parent)
        self.shop = shop
        self.page_size = page_size
        self.problem = ""  # the core's sentence when the log cannot be shown (a cashier)
        self._rows: list[AuditEntry] = []
        self._done = False
        self._staff: dict[str, str] = {}
        self._customers: dict[str, str] = {}
        self._labels = self._action_labels()
        self._keys = self._detail_labels()
        self.reload()

    def reload(self) -> None:
        """Read the newest page again (after a change, or when the log is opened)."""
        self.beginResetModel()
        self._rows, self._done, self.problem = [], False, ""
        try:
            self._staff = {str(m.id): m.name for m in self.shop.staff(active_only=False)}
            self._rows = self._page(0)
        except LoyaltyError as exc:
            self._rows, self._done, self.problem = [], True, exc.message
        self.endResetModel()

    def _page(self, offset: int) -> list[AuditEntry]:
        entries = self.shop.audit_entries(self.page_size, offset)
        self._done = len(entries) < self.page_size
        wanted = {int(e.subject) for e in entries if e.action in CUSTOMER_SUBJECTS and e.subject.isdigit()}
        if wanted:
            self._customers.update({str(c.id): c.name for c in self.shop.customers_by_ids(sorted(wanted))})
        return entries

    def _detail_labels(self) -> dict[str, str]:
        """What the details recorded with an action are called (unknown ones show their code)."""
        return {
            "reason": self.tr("Reason"),
            "role": self.tr("Role"),
            "failures": self.tr("Wrong PINs in a row"),
            "seconds": self.tr("Wait (seconds)"),
            "sign_in_turned_on": self.tr("Sign-in turned on"),
            "fields": self.tr("Fields"),
            "files": self.tr("Files"),
            "rows": self.tr("Rows"),
            "quantity": self.tr("Quantity"),
            "programme": self.tr("Programme"),
        }

    def _action_labels(self) -> dict[str, str]:
        """What each audited action is called on screen (unknown ones show their code)."""
        return {
            "settings": self.tr("Settings changed"),
            "backup": self.tr("Backup made"),
            "restore": self.tr("Backup restored"),
            "sign_in": self.tr("Signed in"),
            "sign_in_failed": self.tr("Wrong PIN"),
            "sign_in_locked": self.tr("Sign-in paused after wrong PINs"),
            "set_pin": self.tr("PIN set"),
            "add_staff": self.tr("Staff member added"),
            "deactivate_staff": self.tr("Staff member deactivated"),
            "edit_customer": self.tr("Customer edited"),
            "erase_customer": self.tr("Customer erased"),
            "merge_customers": self.tr("Customers merged"),
            "privacy_export": self.tr("Customer's data exported"),
            "export": self.tr("Data exported"),
            "import": self.tr("Customers imported"),
            "adjust_balance": self.tr("Balance corrected"),
            "issue_voucher": self.tr("Voucher given by hand"),
            "void_sale": self.tr("Sale voided"),
            "undo_redemption": self.tr("Redemption undone"),
            "create_programme": self.tr("Programme created"),
            "update_programme": self.tr("Programme changed"),
            "add_tier": self.tr("Tier added"),
            "update_tier": self.tr("Tier changed"),
            "add_reward": self.tr("Reward added"),
            "update_reward": self.tr("Reward changed"),
        }

    # -- lazy loading ---------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008 — Qt's own default
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._done:
            return
        try:
            entries = self._page(len(self._rows))
        except LoyaltyError as exc:
            self._done, self.problem = True, exc.message
            return
        if entries:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
            self._rows.extend(entries)
            self.endInsertRows()

    # -- the table --------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == RECORD_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, index.column())
        return None

    def _text(self, entry: AuditEntry, column: int) -> str:
        if column == WHEN:
            return self._when(entry.at)
        if column == WHO:
            return _FSI + entry.staff_name + _PDI if entry.staff_name else "—"
        if column == ACTION:
            return self._labels.get(entry.action, entry.action.replace("_", " "))
        if column == SUBJECT:
            return self._subject(entry)
        return self._details(entry)

    def _subject(self, entry: AuditEntry) -> str:
        if entry.action in STAFF_SUBJECTS and entry.subject in self._staff:
            return _FSI + self._staff[entry.subject] + _PDI
        if entry.action in CUSTOMER_SUBJECTS and self._customers.get(entry.subject):
            name = _FSI + self._customers[entry.subject] + _PDI
            return self.tr("{name} (no. {id})").format(name=name, id=entry.subject)
        if entry.action == "void_sale":
            return self.tr("Sale {id}").format(id=entry.subject)
        return _FSI + entry.subject + _PDI if entry.subject else ""

    def _details(self, entry: AuditEntry) -> str:
        """ "Shop name: Palm Café · Reason: rung up twice" — settings by their labels; each part
        kept whole in its own direction, so Arabic and English details do not scramble."""
        parts = []
        for key, value in entry.detail.items():
            if entry.action == "settings" and key in SETTINGS:
                label = _(SETTINGS[key].label)
            else:
                label = self._keys.get(key, key.replace("_", " "))
            parts.append(_FSI + f"{label}: {_FSI}{self._value(key, value)}{_PDI}" + _PDI)
        text = " · ".join(parts)
        return text if len(text) <= DETAIL_MAX else text[: DETAIL_MAX - 1] + "…"

    def _value(self, key: str, value: object) -> str:
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if key == "role" and value in ("owner", "cashier"):
            return self.tr("owner") if value == "owner" else self.tr("cashier")
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value)

    def _when(self, at: str) -> str:
        try:
            moment = datetime.fromisoformat(at).astimezone(zone(self.shop.settings["time_zone"]))
        except (ValueError, LoyaltyError):
            return at
        return format_moment(moment)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("About"), self.tr("Details"))
        return headers[section] if 0 <= section < len(headers) else None


class AuditViewer(QWidget):
    """The log in a table, with a note on top (or the refusal, for a cashier) and Refresh."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditTableModel(shop, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.note_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._show_state()

    def refresh(self) -> None:
        self.model.reload()
        self._show_state()

    def _show_state(self) -> None:
        self.note_label.setText(
            self.model.problem or self.tr("Every sensitive action, newest first: who did it and when.")
        )
        self.table.setVisible(not self.model.problem)
        self.refresh_button.setEnabled(not self.model.problem)
