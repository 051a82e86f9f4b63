"""`AutoBackup`: a backup once a day (at start, when one is due) and every time the window closes.

Both run `Shop.backup` on a worker thread (its own connection; the counter goes
on). A failure — the USB stick is not plugged in — is one sentence in the
status bar, never a dialog, and never stops the window from closing: on close
the window waits at most `close_wait_ms` for the copy, then goes anyway (the
copy is cancelled and nothing half-written is left). The folder of every
backup made is remembered on this PC, so the next start-up can offer it even
when the shop's own settings cannot be read."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from smallbiz_loyalty.core.backup import BackupResult
from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.safety.health_screen import shown_with_paths
from smallbiz_loyalty.ui.worker import BackgroundJob, run_in_background

CLOSE_WAIT_MS = 4_000
SAVED_SHOWN_MS = 8_000
FAILED_SHOWN_MS = 60_000


def remember_backup_folder(shop: Shop) -> None:
    """Note on this PC where the shop's backups go (read at the next start-up)."""
    try:
        folder, _default = shop.backup_folder()
    except (LoyaltyError, AssertionError):  # an in-memory shop has no folder
        return
    preferences.save(preferences.BACKUP_FOLDER, str(folder))


def start_backup(parent: QWidget, shop: Shop, *, label: str, show_dialog: bool = False) -> BackgroundJob:
    """`shop.backup()` on a worker thread, as the signed-in staff member and on the shop's clock."""
    assert shop.path is not None, "an in-memory shop has no file to back up"
    staff_id, clock = shop.staff_id, shop.clock

    def work(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> BackupResult:
        worker_shop.staff_id, worker_shop.clock = staff_id, clock
        return worker_shop.backup(progress=progress, should_cancel=should_cancel)

    return run_in_background(parent, label=label, db_path=shop.path, work=work, show_dialog=show_dialog)


class AutoBackup(QObject):
    """Attached to a main window; emits `finished(ok, message)` after each automatic backup."""

    finished = Signal(bool, str)

    def __init__(self, window: MainWindow, *, close_wait_ms: int = CLOSE_WAIT_MS) -> None:
        super().__init__(window)
        self.window = window
        self.close_wait_ms = close_wait_ms
        self.job: BackgroundJob | None = None
        self.last_message = ""
        window.closing.connect(self.backup_on_close)
        window.events.changed.connect(self._on_changed)
        remember_backup_folder(window.shop)

    def start_if_due(self) -> BackgroundJob | None:
        """The daily backup, when the folder has none from the last 24 hours."""
        try:
            due = self.window.shop.backup_due()
        except LoyaltyError as exc:
            self._show(False, exc.message)
            return None
        return self.start() if due else None

    def start(self) -> BackgroundJob:
        """A backup now, in the background."""
        job = start_backup(self.window, self.window.shop, label=self.tr("Backing up the shop's data…"))
        job.finished.connect(self._on_finished)
        self.job = job
        return job

    def backup_on_close(self) -> None:
        """Back up before the window goes, waiting `close_wait_ms` at most (the close always goes on)."""
        deadline = time.monotonic() + self.close_wait_ms / 1000
        if self.job is not None:
            self.job.wait(self._left_ms(deadline))  # the day's backup still copying: let it finish first
        job = self.start()
        if not job.wait(self._left_ms(deadline)):
            job.cancel()  # the copy stops between steps and leaves nothing half-written
            job.wait()

    @staticmethod
    def _left_ms(deadline: float) -> int:
        return max(int((deadline - time.monotonic()) * 1000), 0)

    def _on_finished(self, ok: bool, payload: object) -> None:
        if ok and isinstance(payload, BackupResult):
            preferences.save(preferences.BACKUP_FOLDER, str(Path(payload.backup.path).parent))
            self._show(True, payload.message, payload.backup.path)
        else:
            self._show(False, str(payload))

    def _show(self, ok: bool, message: str, made: Path | None = None) -> None:
        """One line in the status bar, file names kept left to right on an Arabic screen."""
        self.last_message = message
        try:
            folders = [self.window.shop.backup_folder()[0]]
        except (LoyaltyError, AssertionError):
            folders = []
        shown = shown_with_paths(message, files=[made] if made else [], folders=folders)
        self.window.statusBar().showMessage(shown, SAVED_SHOWN_MS if ok else FAILED_SHOWN_MS)
        self.finished.emit(ok, message)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if SETTINGS in kinds:  # the owner may have chosen another backup folder
            remember_backup_folder(self.window.shop)
