"""The data-safety half of `Shop`: backups into the chosen folder with rotation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, backup, health
from smallbiz_loyalty.core.dates import Clock, utc_iso
from smallbiz_loyalty.core.db import open_store, transaction
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.settings import load_settings


class SafetyActions:
    """Mixed into `Shop`; relies on its store, file path, clock, staff member and settings."""

    db: Database
    path: Path | None
    clock: Clock
    staff_id: int
    _settings: dict[str, Any]

    def _stamp(self) -> str:
        return utc_iso(self.clock())

    def backup_folder(self) -> tuple[Path, bool]:
        """The folder backups go to, and whether it is the default one beside the database
        (which may be created) rather than one the owner chose (which must exist)."""
        chosen = self._settings.get("backup_folder") or ""
        if chosen:
            return Path(chosen), False
        assert self.path is not None, "an in-memory shop has no backup folder"
        return backup.default_backup_folder(self.path), True

    def rotation_policy(self) -> backup.RotationPolicy:
        return backup.RotationPolicy(
            daily=int(self._settings["backup_keep_daily"]),
            weekly=int(self._settings["backup_keep_weekly"]),
            monthly=int(self._settings["backup_keep_monthly"]),
        )

    def backup(
        self,
        folder: str | Path | None = None,
        *,
        progress: Progress | None = None,
        should_cancel: ShouldCancel | None = None,
    ) -> backup.BackupResult:
        """A checked copy of the store in `folder` (default: the backup folder), then rotation."""
        target, create = (Path(folder), False) if folder else self.backup_folder()
        result = backup.backup_now(
            self.path or self.db,
            target,
            now=self.clock(),
            policy=self.rotation_policy(),
            create=create,
            progress=progress,
            should_cancel=should_cancel,
        )
        with transaction(self.db):
            audit.record(
                self.db,
                at=utc_iso(self.clock()),
                staff_id=self.staff_id,
                action="backup",
                subject=str(result.backup.path),
            )
        return result

    def restore_from(
        self, backup_file: str | Path, *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
    ) -> health.RestoreResult:
        """Replace the store by a verified backup (the current file is kept aside), then reopen it."""
        assert self.path is not None, "an in-memory shop cannot be restored"
        self.db.close()
        try:
            result = health.restore(
                self.path, Path(backup_file), now=self.clock(), progress=progress, should_cancel=should_cancel
            )
        finally:
            self.db = open_store(self.path)
            self._settings = load_settings(self.db)
        with transaction(self.db):
            audit.record(
                self.db,
                at=utc_iso(self.clock()),
                staff_id=self.staff_id,
                action="restore",
                subject=Path(backup_file).name,
            )
        return result

    def backup_due(self) -> bool:
        """True when the backup folder has no backup from the last 24 hours."""
        folder, _default = self.backup_folder()
        return backup.due_backup(folder, now=self.clock())
