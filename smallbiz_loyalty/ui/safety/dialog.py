"""`DataSafetyDialog` ("Data & safety…", F6): backups and checks, the audit log, staff and PINs.

A window beside the main one (not modal: the counter can go on). Each tab is
a widget of its own, so the Settings screen may embed them later. A cashier
may open it and back up; restoring, the audit log and managing staff answer
with the core's refusal."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.safety.audit_view import AuditViewer
from smallbiz_loyalty.ui.safety.backups_panel import BackupsPanel
from smallbiz_loyalty.ui.safety.staff_admin import StaffAdminPanel

BACKUPS, AUDIT, STAFF = range(3)


class DataSafetyDialog(QDialog):
    """Three tabs; emits `restored(RestoreResult)` after a backup replaced the shop's data."""

    restored = Signal(object)

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_safety_dialog")
        self.setWindowTitle(self.tr("Data & safety"))
        self.shop = shop
        self.backups = BackupsPanel(shop, events)
        self.audit = AuditViewer(shop)
        self.staff = StaffAdminPanel(shop, events)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.backups, self.tr("Backups && checks"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.addTab(self.staff, self.tr("Staff && PINs"))
        self.tabs.currentChanged.connect(self._on_tab)
        self.backups.restored.connect(self.restored.emit)
        events.changed.connect(self._on_changed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        # Enter in a PIN or name field acts on that field only, never on a "default" button (a backup).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.resize(860, 560)

    def _on_tab(self, index: int) -> None:
        """The audit log grows with every action: read afresh each time it is looked at."""
        if index == BACKUPS:
            self.backups.refresh()
        elif index == AUDIT:
            self.audit.refresh()
        elif index == STAFF:
            self.staff.refresh()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if SETTINGS in kinds and self.isVisible():
            self.backups.refresh()  # the backup folder may have changed

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._on_tab(self.tabs.currentIndex())
