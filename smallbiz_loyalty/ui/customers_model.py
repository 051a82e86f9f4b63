"""`CustomersTableModel`: the shop's customers as a lazily paged Qt table model.

The model holds the ids of the customers it lists (all of them, or a search's
matches) and a small cache of whole rows. Rows are handed to the view a block
at a time through `canFetchMore`/`fetchMore`, and read from the core a block at
a time when first shown, so 100 000 customers open at once."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.text import search_key
from smallbiz_loyalty.ui.formatting import format_birthday, format_moment_day

ModelIndex = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's `Customer`
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a raw value to sort the column by
# Phone numbers stay left-to-right inside right-to-left text ("+965 …" not "… 965+").
_LTR_ISOLATE, _POP_ISOLATE = "\u2066", "\u2069"
_NO_BIRTHDAY = 9999  # sorts customers without a birthday after December
_NO_PARENT = QModelIndex()  # the top level: rows have no children


class CustomerColumn(IntEnum):
    NAME = 0
    PHONE = 1
    CARD_CODE = 2
    BIRTHDAY = 3
    CREATED = 4


# The core's list order for each column.
_ORDERS = {
    CustomerColumn.NAME: "name",
    CustomerColumn.PHONE: "phone",
    CustomerColumn.CARD_CODE: "card_code",
    CustomerColumn.BIRTHDAY: "birthday",
    CustomerColumn.CREATED: "created",
}


class CustomersTableModel(QAbstractTableModel):
    """All customers (`show_all`) or a given list of them (`show_customers`), paged lazily."""

    BLOCK_SIZE = 200
    CACHED_BLOCKS = 64  # at most 12 800 customers kept in memory

    def __init__(self, shop: Shop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._ids: list[int] = []
        self._loaded = 0  # rows handed to the view so far
        self._blocks: OrderedDict[int, dict[int, Customer]] = OrderedDict()
        self._order = "name"
        self._descending = False
        self._filtered = False

    # -- what is listed ---------------------------------------------------
    def show_all(self) -> None:
        """List every customer, in the current sort order."""
        ids = self._shop.customer_ids(order=self._order, descending=self._descending)
        self._replace(ids, filtered=False)

    def show_customers(self, found: list[Customer]) -> None:
        """List exactly `found` (a search's matches), in that order."""
        self._replace([c.id for c in found], found, filtered=True)

    def total(self) -> int:
        """How many customers are listed, fetched into the view or not yet."""
        return len(self._ids)

    def is_filtered(self) -> bool:
        return self._filtered

    def customer_at(self, row: int) -> Customer | None:
        """The customer shown in `row` (None outside the rows fetched so far)."""
        return self._customer(row) if 0 <= row < self._loaded else None

    def row_of(self, customer_id: int) -> int | None:
        """The row listing `customer_id` (fetching rows up to it), or None when not listed."""
        try:
            position = self._ids.index(customer_id)
        except ValueError:
            return None
        while self._loaded <= position:
            self.fetchMore(QModelIndex())
        return position

    def _customer(self, position: int) -> Customer | None:
        block = position // self.BLOCK_SIZE
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._read_block(block)
        else:
            self._blocks.move_to_end(block)
        return rows.get(self._ids[position])

    def _replace(self, ids: list[int], known: Sequence[Customer] = (), *, filtered: bool) -> None:
        self.beginResetModel()
        self._filtered = filtered
        self._ids = ids
        self._loaded = min(self.BLOCK_SIZE, len(ids))
        self._blocks.clear()
        for start in range(0, len(known), self.BLOCK_SIZE):
            self._blocks[start // self.BLOCK_SIZE] = {c.id: c for c in known[start : start + self.BLOCK_SIZE]}
        self.endResetModel()

    def _read_block(self, block: int) -> dict[int, Customer]:
        start = block * self.BLOCK_SIZE
        rows = {c.id: c for c in self._shop.customers_by_ids(self._ids[start : start + self.BLOCK_SIZE])}
        self._blocks[block] = rows
        while len(self._blocks) > self.CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    # -- Qt model interface ---------------------------------------------
    def rowCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(CustomerColumn)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: ModelIndex) -> None:
        count = min(self.BLOCK_SIZE, len(self._ids) - self._loaded)
        if parent.isValid() or count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, RECORD_ROLE, SORT_ROLE):
            return None
        customer = self.customer_at(index.row())
        if customer is None:
            return None
        if role == RECORD_ROLE:
            return customer
        column = CustomerColumn(index.column())
        return self._display(customer, column) if role == Qt.ItemDataRole.DisplayRole else sort_value(customer, column)

    def _display(self, customer: Customer, column: CustomerColumn) -> str:
        if column == CustomerColumn.NAME:
            return customer.name
        if column == CustomerColumn.PHONE:
            phone = format_phone(customer.phone, self._shop.region)
            return f"{_LTR_ISOLATE}{phone}{_POP_ISOLATE}" if phone else ""
        if column == CustomerColumn.CARD_CODE:
            return customer.card_code
        if column == CustomerColumn.BIRTHDAY:
            return format_birthday(customer.birthday)
        return format_moment_day(customer.created_at, self._shop.settings["time_zone"])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(CustomerColumn):
            return None
        titles = {
            CustomerColumn.NAME: self.tr("Name"),
            CustomerColumn.PHONE: self.tr("Phone"),
            CustomerColumn.CARD_CODE: self.tr("Card"),
            CustomerColumn.BIRTHDAY: self.tr("Birthday"),
            CustomerColumn.CREATED: self.tr("Customer since"),
        }
        return titles[CustomerColumn(section)]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column: the core orders the full list; a search's matches are sorted here."""
        if not 0 <= column < len(CustomerColumn):
            return
        self._order = _ORDERS[CustomerColumn(column)]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._filtered:
            self.show_all()
            return
        found = [c for c in map(self._customer, range(len(self._ids))) if c is not None]
        found.sort(key=lambda c: (sort_value(c, CustomerColumn(column)), c.id), reverse=self._descending)
        self.show_customers(found)


def sort_value(customer: Customer, column: CustomerColumn) -> str | int:
    """The raw value a column sorts by (the same order as the core's lists)."""
    if column == CustomerColumn.NAME:
        return search_key(customer.name)
    if column == CustomerColumn.PHONE:
        return customer.phone or "\uffff"  # unknown phones last
    if column == CustomerColumn.CARD_CODE:
        return customer.card_code
    if column == CustomerColumn.BIRTHDAY:
        birthday = customer.birthday
        return birthday.month * 100 + birthday.day if birthday else _NO_BIRTHDAY
    return customer.created_at
