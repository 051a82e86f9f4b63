"""Backups of the shop's store and their rotation.

A backup is a consistent copy of the open store made with SQLite's online
backup API (never a plain copy of a live WAL file), written under a temporary
name, checked (`integrity_check` + our checks) and only then renamed to
``<stem>-2026-10-15T093000Z.sqlite3``: sortable, no colons (Windows), one
self-contained file (rollback journal mode, no -wal beside it), so anything
with a backup's name was whole when written.

Slow work: `backup_now` takes `progress`/`should_cancel` callables and accepts
a file path, so a worker thread uses its own connection on the file.
Restoring a backup is `health.restore`: it is recovery of the shop's file and
is checked with the same `inspect_file` as the start-up check.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from smallbiz_loyalty.core.db import BUSY_TIMEOUT_MS
from smallbiz_loyalty.core.errors import NotFound, StorageError
from smallbiz_loyalty.core.health import (
    OK,
    Health,
    copy_database,
    inspect_file,
    looks_like_sqlite,
    remove_with_side_files,
)
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.progress import Progress, ShouldCancel, never_cancel, no_progress

SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y-%m-%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(?P<seq>\d+))?\.sqlite3$")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # not allowed in Windows file names
DUE_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class RotationPolicy:
    """Grandfather-father-son: the newest backup of each of the latest N days, weeks, months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


DEFAULT_ROTATION = RotationPolicy()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    stem: str  # the database file's stem: backups of different shops can share a folder
    taken_at: datetime  # UTC, from the name
    seq: int  # 0, or 1, 2, … for several backups within the same second
    size: int  # bytes
    verified: bool  # list_backups(verify=True): passed the checks now; otherwise: looks like SQLite

    @property
    def order(self) -> tuple[datetime, int]:
        return self.taken_at, self.seq


@dataclass(frozen=True)
class BackupResult:
    backup: BackupInfo
    removed: tuple[Path, ...]  # older backups deleted by the rotation
    problems: tuple[str, ...]  # our checks' findings in the copy (the store's own problems)
    message: str
    changed: frozenset[str] = frozenset()


# -- names -------------------------------------------------------------------
def backup_name(stem: str, taken_at: datetime, seq: int = 0) -> str:
    """``shop-2026-10-15T093000Z.sqlite3`` (``…Z-1.sqlite3`` for a second one in the same second)."""
    stamp = taken_at.astimezone(UTC).strftime(STAMP_FORMAT)
    return f"{stem}-{stamp}{f'-{seq}' if seq else ''}{SUFFIX}"


def parse_backup_name(name: str) -> tuple[str, datetime, int] | None:
    """(stem, UTC time, seq) of a backup's file name; None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return match["stem"], taken_at, int(match["seq"] or 0)


def safe_stem(path: str | Path) -> str:
    return _UNSAFE.sub("_", Path(path).stem) or "shop"


def default_backup_folder(db_path: str | Path) -> Path:
    """Where backups go when Settings names no folder: beside the database (safe from
    damage to the file, not from losing the disk — Settings should name a USB drive)."""
    return Path(db_path).parent / "backups"


# -- rotation (pure) -----------------------------------------------------------
def _day(moment: datetime) -> date:
    return moment.date()


def _week(moment: datetime) -> tuple[int, int]:
    year, week, _weekday = moment.isocalendar()
    return year, week


def _month(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


def plan_rotation(
    names: Iterable[str], policy: RotationPolicy = DEFAULT_ROTATION, *, protect: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """(kept, deleted) backup names, newest first.

    Kept: the newest backup overall, the newest of each of the latest `daily`
    days that have a backup, of the latest `weekly` ISO weeks and `monthly`
    months (by the UTC time in the name), and every name in `protect`. Names
    that are not backups, or of another stem than the newest, are never deleted."""
    parsed = {n: p for n in names if (p := parse_backup_name(n)) is not None}
    if not parsed:
        return [], []
    by_stem: dict[str, list[str]] = {}
    for name, (stem, _t, _s) in parsed.items():
        by_stem.setdefault(stem, []).append(name)
    kept: set[str] = set(protect)
    for stem_names in by_stem.values():
        ordered = sorted(stem_names, key=lambda n: parsed[n][1:], reverse=True)
        kept.add(ordered[0])
        rules: list[tuple[int, Callable[[datetime], object]]] = [
            (policy.daily, _day),
            (policy.weekly, _week),
            (policy.monthly, _month),
        ]
        for count, bucket_of in rules:
            seen: set[object] = set()
            for name in ordered:
                bucket = bucket_of(parsed[name][1])
                if bucket in seen:
                    continue  # an older backup in a period already represented
                if len(seen) == count:
                    break
                seen.add(bucket)
                kept.add(name)
    newest_first = sorted(parsed, key=lambda n: parsed[n][1:], reverse=True)
    return [n for n in newest_first if n in kept], [n for n in newest_first if n not in kept]


# -- listing -----------------------------------------------------------------
def list_backups(folder: str | Path, *, stem: str | None = None, verify: bool = False) -> list[BackupInfo]:
    """The backups in `folder` (of one database `stem`, or all), newest first.

    Without `verify`, `verified` only says the file starts like an SQLite file
    (cheap); with it, each file is checked as restore would. A missing folder
    (the drive is not plugged in) has no backups."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        parsed = parse_backup_name(entry.name)
        if parsed is None or (stem is not None and parsed[0] != stem) or not entry.is_file():
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue  # vanished while listing (another window's rotation)
        good = inspect_file(entry).status == OK if verify else looks_like_sqlite(entry)
        found.append(BackupInfo(entry, parsed[0], parsed[1], parsed[2], size, good))
    return sorted(found, key=lambda b: b.order, reverse=True)


def newest_good_backup(folder: str | Path, *, stem: str | None = None) -> BackupInfo | None:
    """The newest backup that passes the checks now (older ones are tried until one does)."""
    for info in list_backups(folder, stem=stem):
        if info.verified and inspect_file(info.path).status == OK:
            return BackupInfo(info.path, info.stem, info.taken_at, info.seq, info.size, True)
    return None


def due_backup(folder: str | Path, *, now: datetime, stem: str | None = None) -> bool:
    """True when no backup was made in the 24 hours up to `now` (once a day).

    A backup dated after `now` (the PC's clock was wrong) does not count."""
    return not any(now - DUE_EVERY < b.taken_at <= now for b in list_backups(folder, stem=stem))


# -- making a backup ---------------------------------------------------------
def backup_now(
    source: Database | str | Path,
    folder: str | Path,
    *,
    now: datetime,
    policy: RotationPolicy = DEFAULT_ROTATION,
    create: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> BackupResult:
    """Copy the store into `folder`, check the copy, then rotate older backups.

    `source` is the open store, or its path (a worker thread passes the path and
    gets its own connection). `create` makes a missing folder (only for the
    default folder: a missing USB drive must not become a folder on the PC's disk)."""
    report, cancel = progress or no_progress, should_cancel or never_cancel
    target = _usable_folder(folder, create=create)
    with _source_connection(source) as conn:
        stem = _stem_of(conn)
        final = _free_name(target, stem, now)
        health = _write_checked(conn, final, report, cancel)
    info = BackupInfo(final, stem, now.astimezone(UTC).replace(microsecond=0), 0, final.stat().st_size, health.ok)
    protect = {final.name} if health.ok else _newest_good_names(target, stem)
    removed = rotate(target, policy=policy, protect=protect, stem=stem)
    return BackupResult(info, removed, tuple(p.message for p in health.problems), _saved_message(final, health))


def _write_checked(conn: sqlite3.Connection, final: Path, report: Progress, cancel: ShouldCancel) -> Health:
    """Copy under a temporary name, check the copy, then give it its name; nothing half-written stays."""
    partial = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        copy_database(conn, partial, report, cancel)
        report(0, 1, _("Checking the backup"))
        health = inspect_file(partial, full=True, label=final.name)
        if health.damaged:
            raise StorageError(
                _("The backup copy failed its check ({detail}); nothing was saved.", detail=health.message)
            )
        _fsync(partial)
        os.replace(partial, final)
        _fsync_folder(final.parent)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(
            _(
                "The backup could not be written to {folder} ({reason}); nothing was saved, "
                "so check the drive and try again.",
                folder=str(final.parent),
                reason=getattr(exc, "strerror", None) or str(exc),
            )
        ) from exc
    finally:
        remove_with_side_files(partial)
    report(1, 1, _("Checking the backup"))
    return health


def _saved_message(final: Path, health: Health) -> str:
    problems = health.problems
    if not problems:
        return _("Backup saved: {path}.", path=str(final))
    return _(
        "Backup saved: {path}, but the shop's data has {count} problem(s); run a full check.",
        path=str(final),
        count=len(problems),
    )


def _newest_good_names(folder: Path, stem: str) -> set[str]:
    good = newest_good_backup(folder, stem=stem)
    return {good.path.name} if good else set()


def rotate(
    folder: str | Path, *, policy: RotationPolicy = DEFAULT_ROTATION, protect: Iterable[str] = (), stem: str
) -> tuple[Path, ...]:
    """Delete the backups of `stem` in `folder` that `plan_rotation` does not keep."""
    folder = Path(folder)
    names = [b.path.name for b in list_backups(folder, stem=stem)]
    _kept, deleted = plan_rotation(names, policy, protect=protect)
    removed = []
    for name in deleted:
        with contextlib.suppress(OSError):  # a file another window already rotated away
            (folder / name).unlink()
            removed.append(folder / name)
    return tuple(removed)


def _usable_folder(folder: str | Path | None, *, create: bool) -> Path:
    if folder is None or not str(folder).strip():
        raise StorageError(_("No backup folder is set; choose one in Settings."))
    path = Path(folder)
    if create and not path.exists():
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise StorageError(
                _("The backup folder {folder} cannot be created: {reason}.", folder=str(path), reason=exc.strerror)
            ) from exc
    if not path.exists():
        raise StorageError(
            _(
                "The backup folder {folder} cannot be found; plug in the drive or choose another folder in Settings.",
                folder=str(path),
            )
        )
    if not path.is_dir():
        raise StorageError(_("The backup folder {folder} is a file, not a folder.", folder=str(path)))
    if not os.access(path, os.W_OK | os.X_OK):
        raise StorageError(
            _("The backup folder {folder} cannot be written to; choose another folder in Settings.", folder=str(path))
        )
    return path


@contextlib.contextmanager
def _source_connection(source: Database | str | Path) -> Iterator[sqlite3.Connection]:
    """The caller's connection, or our own on the file (closed afterwards)."""
    if isinstance(source, Database):
        yield source.conn
        return
    path = Path(source)
    if not path.is_file():
        raise NotFound(_("There is no database file at {path}.", path=str(path)))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StorageError(
            _("{path} cannot be opened as a database: {reason}.", path=str(path), reason=str(exc))
        ) from exc
    try:
        yield conn
    finally:
        conn.close()


def _stem_of(conn: sqlite3.Connection) -> str:
    files = [row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"]
    return safe_stem(files[0]) if files and files[0] else "shop"


def _free_name(folder: Path, stem: str, now: datetime) -> Path:
    seq = 0
    while (folder / backup_name(stem, now, seq)).exists():
        seq += 1
    return folder / backup_name(stem, now, seq)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
