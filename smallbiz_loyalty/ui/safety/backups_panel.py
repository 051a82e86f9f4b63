"""`BackupsPanel`: back up now, see the backups (when, how big, whether each one
passes the checks), restore one, and run the full check of the shop's data.

Everything slow runs off the GUI thread: the backup and the restore on the
shop's worker (`ui/worker.py`, with its progress dialog), the verification of
each backup file on a `FileTask`. After a restore the shop's file is another
one: `restored(RestoreResult)` tells the window, which builds its pages afresh.
Anyone may back up to the folder set in Settings; restoring is the owner's."""

from __future__ import annotations

from pathlib import Path

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import backup, health, permissions
from smallbiz_loyalty.core.backup import BackupInfo, BackupResult
from smallbiz_loyalty.core.dates import zone
from smallbiz_loyalty.core.errors import LoyaltyError, PermissionDenied
from smallbiz_loyalty.core.health import Health, RestoreResult
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.customers.bidi import ltr
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.safety.audit_view import format_moment
from smallbiz_loyalty.ui.safety.auto_backup import start_backup
from smallbiz_loyalty.ui.safety.file_task import FileTask
from smallbiz_loyalty.ui.safety.health_screen import shown_with_paths
from smallbiz_loyalty.ui.worker import BackgroundJob, run_in_background

ERROR_STYLE = "color: #b00020;"
PROBLEMS_SHOWN = 5
WHEN, SIZE, CHECKED = range(3)


class BackupsPanel(QWidget):
    """Emits `restored(RestoreResult)` after a backup replaced the shop's data."""

    restored = Signal(object)

    def __init__(self, shop: Shop, events: ShopEvents | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.events = events
        self.backups: list[BackupInfo] = []
        self.job: BackgroundJob | None = None
        self.verify_task: FileTask | None = None
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("Checked")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("&Restore the chosen backup…"))
        self.restore_button.clicked.connect(self._ask_restore)
        self.check_button = QPushButton(self.tr("&Check the shop's data now"))
        self.check_button.clicked.connect(self.check_now)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.refresh()

    # -- the list -------------------------------------------------------------------
    def folder(self) -> Path | None:
        try:
            return self.shop.backup_folder()[0]
        except (LoyaltyError, AssertionError):
            return None

    def refresh(self) -> None:
        """List the backups at once, then check each one in the background."""
        folder = self.folder()
        self._show_folder(folder)
        stem = backup.safe_stem(self.shop.path) if self.shop.path else None
        self.backups = backup.list_backups(folder, stem=stem) if folder else []
        self._fill_table(None)
        self._apply_permissions()
        if folder is not None and self.backups:
            self._verify(folder, stem)

    def _show_folder(self, folder: Path | None) -> None:
        if folder is None:
            self.folder_label.setText(self.tr("This shop has no backup folder."))
            return
        _folder, default = self.shop.backup_folder()
        text = self.tr("Backups go to {folder}.").format(folder=ltr(str(folder)))
        if default:
            text += " " + self.tr("That is beside the shop's file; choose a USB drive or a synced folder in Settings.")
        self.folder_label.setText(text)

    def _verify(self, folder: Path, stem: str | None) -> None:
        def work(_progress: Progress, _should_cancel: ShouldCancel) -> list[BackupInfo]:
            return backup.list_backups(folder, stem=stem, verify=True)

        if self.verify_task is not None and self.verify_task.isRunning():
            self.verify_task.cancel()
            self.verify_task.wait()
        self.verify_task = FileTask(work, self)
        self.verify_task.finished_with.connect(self._on_verified)
        self.verify_task.start()

    def _on_verified(self, ok: bool, payload: object) -> None:
        if ok and isinstance(payload, list):
            self._fill_table({info.path: info.verified for info in payload})

    def _fill_table(self, verified: dict[Path, bool] | None) -> None:
        """`verified`: the checks' answer per file, or None while they run."""
        chosen = self.table.currentRow()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            if verified is None:
                checked = self.tr("Checking…")
            elif verified.get(info.path):
                checked = self.tr("Good: can be restored")
            else:
                checked = self.tr("Damaged: do not use")
            for column, text in enumerate((self._when(info), self._size(info.size), checked)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(chosen if 0 <= chosen < len(self.backups) else 0)

    def _when(self, info: BackupInfo) -> str:
        moment = info.taken_at.astimezone(zone(self.shop.settings["time_zone"]))
        return format_moment(moment)

    def _size(self, size: int) -> str:
        megabytes = format_decimal(size / 1_048_576, format="#,##0.0", locale=babel_locale())
        return self.tr("{size} MB").format(size=megabytes)

    def chosen(self) -> BackupInfo | None:
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _apply_permissions(self) -> None:
        refusal = ""
        try:
            permissions.require(self.shop.current_staff(), "restore")
        except PermissionDenied as exc:
            refusal = exc.message
        except LoyaltyError:
            pass
        self.restore_button.setEnabled(not refusal and bool(self.backups))
        self.restore_button.setToolTip(refusal)

    # -- actions -------------------------------------------------------------------
    def backup_now(self) -> BackgroundJob:
        """A backup to the folder from Settings, with a progress dialog if it takes a while."""
        self._busy(self.tr("Backing up the shop's data…"))
        self.job = start_backup(self, self.shop, label=self.tr("Backing up the shop's data…"), show_dialog=True)
        self.job.finished.connect(self._on_backed_up)
        return self.job

    def _on_backed_up(self, ok: bool, payload: object) -> None:
        if ok and isinstance(payload, BackupResult):
            preferences.save(preferences.BACKUP_FOLDER, str(payload.backup.path.parent))
            self.refresh()
            self._done(payload.message, ok=True)
        else:
            self._done(str(payload), ok=False)

    def _ask_restore(self) -> None:
        info = self.chosen()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the shop's data with the backup made {when}? Everything recorded since then is set aside "
                "in a copy of the current file, not lost."
            ).format(when=self._when(info)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(info.path)

    def restore(self, backup_file: Path) -> BackgroundJob:
        """Put `backup_file` in place of the shop's data (checked first; the current file is kept aside)."""
        staff_id, clock = self.shop.staff_id, self.shop.clock

        def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> RestoreResult:
            worker_shop.staff_id, worker_shop.clock = staff_id, clock
            return worker_shop.restore_from(backup_file, progress=progress, should_cancel=should_cancel)

        self._busy(self.tr("Restoring {name}…").format(name=backup_file.name))
        assert self.shop.path is not None
        self.job = run_in_background(self, label=self.tr("Restoring a backup…"), db_path=self.shop.path, work=work)
        self.job.finished.connect(self._on_restored)
        return self.job

    def _on_restored(self, ok: bool, payload: object) -> None:
        if not ok or not isinstance(payload, RestoreResult):
            self._done(str(payload), ok=False)
            return
        self.shop.reload_settings()  # the restored file has its own settings
        self._done(payload.message, ok=True)
        self.refresh()
        if self.events is not None:
            self.events.announce(payload.changed)
        self.restored.emit(payload)

    def check_now(self) -> BackgroundJob:
        """The full check (SQLite's integrity_check and every check of ours) on the shop's file."""
        folder = self.folder()

        def work(worker_shop: Shop, _progress: Progress, _should_cancel: ShouldCancel) -> Health:
            assert worker_shop.path is not None
            return health.full_check(worker_shop.path, backup_folder=folder)

        self._busy(self.tr("Checking the shop's data…"))
        assert self.shop.path is not None
        self.job = run_in_background(
            self, label=self.tr("Checking the shop's data…"), db_path=self.shop.path, work=work
        )
        self.job.finished.connect(self._on_checked)
        return self.job

    def _on_checked(self, ok: bool, payload: object) -> None:
        if not ok or not isinstance(payload, Health):
            self._done(str(payload), ok=False)
            return
        lines = [payload.message, *(f"• {p.message}" for p in payload.problems[:PROBLEMS_SHOWN])]
        if payload.advice:
            lines.append(payload.advice)
        self._done("\n".join(lines), ok=payload.ok)

    def _busy(self, text: str) -> None:
        for button in (self.backup_button, self.restore_button, self.check_button):
            button.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def _done(self, text: str, *, ok: bool) -> None:
        self.backup_button.setEnabled(True)
        self.check_button.setEnabled(True)
        self._apply_permissions()
        self.status_label.setStyleSheet("" if ok else ERROR_STYLE)
        files = [b.path for b in self.backups] + ([self.shop.path] if self.shop.path else [])
        folders = [f for f in (self.folder(), self.shop.path.parent if self.shop.path else None) if f is not None]
        self.status_label.setText(shown_with_paths(text, files=files, folders=folders))
