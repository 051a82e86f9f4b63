"""The data-safety half of `Shop`: backups into the chosen folder with rotation,
staff and sign-in, the audit log, and a customer's privacy (export, erase)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, backup, health, pins, privacy
from smallbiz_loyalty.core.changes import CUSTOMERS, LEDGER
from smallbiz_loyalty.core.dates import Clock
from smallbiz_loyalty.core.db import open_store, transaction
from smallbiz_loyalty.core.errors import PermissionDenied
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.permissions import Guarded
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.settings import load_settings
from smallbiz_loyalty.core.shop_clock import ShopClock
from smallbiz_loyalty.core.staff import Staff, list_staff, staff_member


@dataclass(frozen=True)
class EraseResult:
    erased: privacy.Erased
    changed: frozenset[str] = frozenset({CUSTOMERS, LEDGER})


class SafetyActions(Guarded, ShopClock):
    """Mixed into `Shop`; relies on its store, file path, clock, staff member and settings."""

    db: Database
    path: Path | None
    clock: Clock
    staff_id: int
    _settings: dict[str, Any]

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
        """A checked copy of the store in `folder` (default: the backup folder), then rotation.

        Anyone may back up to the folder set in Settings; another folder is the owner's call."""
        if folder:
            self._require("backup_elsewhere")
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
                at=self._now(),
                staff_id=self.staff_id,
                action="backup",
                subject=str(result.backup.path),
            )
        return result

    def restore_from(
        self, backup_file: str | Path, *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
    ) -> health.RestoreResult:
        """Replace the store by a verified backup (the current file is kept aside), then reopen it."""
        self._require("restore")
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
                at=self._now(),
                staff_id=self.staff_id,
                action="restore",
                subject=Path(backup_file).name,
            )
        return result

    def backup_due(self) -> bool:
        """True when the backup folder has no backup from the last 24 hours."""
        folder, _default = self.backup_folder()
        return backup.due_backup(folder, now=self.clock())

    # -- staff and sign-in ------------------------------------------------
    def sign_in_required(self) -> bool:
        """True once the owner has a PIN: the app then asks who is at the till."""
        return pins.pins_enabled(self.db)

    def current_staff(self) -> Staff:
        return staff_member(self.db, self.staff_id)

    def staff(self, *, active_only: bool = True) -> list[Staff]:
        """The staff to choose from when signing in (owners first)."""
        return list_staff(self.db, active_only=active_only)

    def sign_in(self, staff_id: int, pin: object) -> Staff:
        """Switch to `staff_id` if `pin` is theirs; a wrong PIN is counted, and too many make the next wait.

        With no owner PIN yet (sign-in off), a staff member with no PIN signs in without one."""
        if not pins.pins_enabled(self.db) and not pins.has_pin(self.db, staff_id):
            member = staff_member(self.db, staff_id)
            if not member.active:
                raise PermissionDenied(_("{name} is no longer active; sign in as someone else.", name=member.name))
        else:
            now = self._now()
            # Not inside a transaction of ours: a wrong PIN must stay counted when we refuse.
            if not pins.check_pin(self.db, staff_id, pin, now=now):
                raise PermissionDenied(pins.wrong_pin_message(self.db, staff_id, now=now))
            member = staff_member(self.db, staff_id)
        self.staff_id = member.id
        return member

    def add_staff(self, *, name: object, role: str, pin: object) -> Staff:
        """Add an owner or a cashier with their PIN (owner only)."""
        self._require("staff")
        return pins.add_staff(self.db, name, role, pin, now=self._now(), by=self.staff_id)

    def set_pin(self, staff_id: int, pin: object) -> Staff:
        """Set one's own PIN, or (owner) anyone's; the owner's first PIN turns sign-in on."""
        return pins.set_pin(self.db, staff_id, pin, now=self._now(), by=self.staff_id)

    def deactivate_staff(self, staff_id: int) -> Staff:
        self._require("staff")
        return pins.deactivate_staff(self.db, staff_id, now=self._now(), by=self.staff_id)

    def audit_entries(self, limit: int = 100, offset: int = 0, *, action: str | None = None) -> list[audit.AuditEntry]:
        """The audit log, newest first (owner only)."""
        self._require("audit")
        return audit.audit_entries(self.db, limit, offset, action=action)

    # -- privacy ------------------------------------------------------------
    def export_customer_data(
        self, customer_id: int, folder: str | Path, *, render_pdf: privacy.PdfRenderer | None = None
    ) -> list[Path]:
        """Save everything held about one customer in `folder`: JSON, CSV and (given a
        renderer, e.g. `reports.privacy.pdf_renderer`) a readable PDF. Owner only; audited."""
        self._require("privacy_export")
        today = self.today()
        data = privacy.export_customer(self.db, customer_id, today=today)
        paths = privacy.write_export(data, Path(folder), render_pdf=render_pdf)
        with transaction(self.db):
            audit.record(
                self.db, at=self._now(), staff_id=self.staff_id, action="privacy_export",
                subject=str(customer_id), files=[p.name for p in paths],
            )  # fmt: skip
        return paths

    def erase_customer(self, customer_id: int, *, reason: object) -> EraseResult:
        """Erase a customer's personal data for good; their sales stay, anonymous (owner only; audited)."""
        self._require("erase")
        now, today = self._moment()
        erased = privacy.erase_customer(
            self.db, customer_id, now=now, today=today,
            by=self.staff_id, reason=reason,
        )  # fmt: skip
        return EraseResult(erased)
