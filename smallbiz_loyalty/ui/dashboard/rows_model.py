"""`RowsTableModel`: a small read-only table of ready-made texts, one record per row.

The dashboard's lists and the settings' tiers and rewards are short (at most a few
hundred rows) and already formatted by the page that fills them, so one plain
model serves them all: headers, rows of texts, and the object behind each row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the object the row shows
_NO_PARENT = QModelIndex()


class RowsTableModel(QAbstractTableModel):
    """Rows of display texts with a record each; `numeric` columns align to the trailing edge."""

    def __init__(self, headers: Sequence[str], *, numeric: Sequence[int] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._numeric = frozenset(numeric)
        self._rows: list[tuple[Any, list[str]]] = []

    def set_headers(self, headers: Sequence[str]) -> None:
        """New header texts (after a change of language); the number of columns stays."""
        self._headers = list(headers)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str]]]) -> None:
        """Show `rows`: (record, texts) pairs, texts one per column."""
        self.beginResetModel()
        self._rows = [(record, [str(text) for text in texts]) for record, texts in rows]
        self.endResetModel()

    def record(self, row: int) -> Any:
        """The object behind `row` (None outside the table)."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def texts(self, row: int) -> list[str]:
        return list(self._rows[row][1]) if 0 <= row < len(self._rows) else []

    # -- Qt model interface ---------------------------------------------
    def rowCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record, texts = self._rows[index.row()]
        if role == RECORD_ROLE:
            return record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[index.column()] if index.column() < len(texts) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None
