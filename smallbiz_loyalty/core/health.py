"""Start-up health: is the shop's file there, readable, ours, and sound? And,
when it is not, putting a good backup in its place (`restore`).

`startup_check` runs SQLite's `quick_check` plus our own consistency checks
(`checks.check_store(quick=True)`) before the app opens the store; `full_check`
runs the full `integrity_check` on demand. Neither ever raises for a damaged
file: each returns a `Health` with a classification, one message to show and,
when something is wrong, the newest good backup to offer.

The quick check reads the whole file (about a minute and a half for a shop of
100 000 customers), so it runs before the window only for a file of at most
`STARTUP_CHECK_MAX_BYTES` (`checked_before_opening`). A bigger file gets only
`structure_check` first (milliseconds at any size: there, SQLite, a shop, a
schema this app knows) and the quick check afterwards, off the GUI thread, with
`inspect_file(path, should_cancel=...)`.

Inspection never migrates or creates anything: the file is opened as it is
(``mode=rw``, no PRAGMA that writes), so a damaged file is looked at, not touched.
`restore` checks a backup with the same inspection before it replaces anything.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from smallbiz_loyalty.core.changes import CUSTOMERS, FEEDBACK, LEDGER, SALES, SETTINGS
from smallbiz_loyalty.core.checks import Problem, check_store, sqlite_integrity
from smallbiz_loyalty.core.db import BUSY_TIMEOUT_MS, SQLITE_MAGIC
from smallbiz_loyalty.core.errors import NotFound, StorageError
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel, no_progress
from smallbiz_loyalty.core.schema import MIGRATIONS

if TYPE_CHECKING:
    from smallbiz_loyalty.core.backup import BackupInfo

# The classifications, from best to worst.
OK = "ok"  # the file opens and every check passes
PROBLEMS = "problems"  # the file opens but SQLite or our checks found problems (see `problems`)
NEWER = "newer"  # written by a newer version of the app: do not open it with this one
UNREADABLE = "unreadable"  # not a database, not ours, or too damaged to read
MISSING = "missing"  # no file (or a database with no shop in it yet)

STEP_PAGES = 1024  # pages per copy step (4 MB): progress and cancel between steps
SIDE_FILES = ("-wal", "-shm", "-journal")
DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})  # "malformed", "not a database"
ASIDE_STAMP = "%Y-%m-%dT%H%M%SZ"
# The quick check reads everything: 0.08 s for a 3.6 MB shop (300 customers, a year of sales),
# 0.6 s for 16 MB (1 000 customers), 95 s for 1.7 GB (100 000). Up to 4 MB it stays well
# under the 0.3 s a start may spend on it.
STARTUP_CHECK_MAX_BYTES = 4 * 1024 * 1024
CANCEL_EVERY = 1_000_000  # SQLite steps between two looks at `should_cancel` (a few ms)


@dataclass(frozen=True)
class Health:
    """What a check of one database file found, and what to tell the owner."""

    path: Path
    status: str
    message: str  # one sentence for people, in the current language
    problems: tuple[Problem, ...] = ()
    backup: BackupInfo | None = None  # the newest good backup, offered when something is wrong
    advice: str = ""  # the next step: restore that backup, or where none was found

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def damaged(self) -> bool:
        """SQLite itself found damage (as opposed to an inconsistency in our data)."""
        return self.status == UNREADABLE or any(p.check == "integrity" for p in self.problems)


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    restored_from: Path
    set_aside: Path | None  # where the file that was replaced now is
    message: str
    changed: frozenset[str] = frozenset({CUSTOMERS, SALES, LEDGER, SETTINGS, FEEDBACK})


def inspect_file(
    path: str | Path,
    *,
    full: bool = False,
    label: str | None = None,
    structure_only: bool = False,
    should_cancel: ShouldCancel | None = None,
) -> Health:
    """Classify the file at `path` without changing it; never raises for a bad file.

    `full` runs `integrity_check` and every check in full instead of the quick forms;
    `structure_only` stops once the file is known to be a shop of a schema this app
    knows (it reads a few pages, whatever the size). `label` names the file in messages
    (e.g. a backup's own name for its working copy). When `should_cancel()` turns true
    the checks stop within milliseconds and `Cancelled` is raised."""
    path = Path(path)
    shown = label or str(path)
    reason = _file_reason(path, shown)
    if reason is not None:
        return Health(path, *reason)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        return _unreadable(path, shown, exc)
    stopped = _stop_when(conn, should_cancel)
    try:
        found = _inspect_open(path, shown, Database(conn, execute_plugins=False), full=full, deep=not structure_only)
    except sqlite3.Error as exc:
        found = _unreadable(path, shown, exc)
    finally:
        conn.close()
    if stopped:  # an interrupted query looks like damage: the finding is not one
        raise Cancelled()
    return found


def _stop_when(conn: sqlite3.Connection, should_cancel: ShouldCancel | None) -> list[bool]:
    """Interrupt `conn`'s statements once `should_cancel()` is true; the list says whether it was."""
    stopped: list[bool] = []
    if should_cancel is None:
        return stopped

    def handler() -> int:
        if should_cancel():
            stopped.append(True)
            return 1  # SQLite aborts the statement ("interrupted")
        return 0

    conn.set_progress_handler(handler, CANCEL_EVERY)
    return stopped


def _file_reason(path: Path, shown: str) -> tuple[str, str] | None:
    """(status, message) when the file cannot be a store before SQLite even looks at it."""
    if not path.exists():
        return MISSING, _("There is no database file at {path}.", path=shown)
    if path.is_dir():
        return UNREADABLE, _("{path} is a folder, not a database file.", path=shown)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return UNREADABLE, _("{path} cannot be read: {reason}.", path=shown, reason=exc.strerror or str(exc))
    if not head:
        return UNREADABLE, _("{path} is empty: it holds no shop data.", path=shown)
    if head != SQLITE_MAGIC:
        return UNREADABLE, _("{path} is not a smallbiz-loyalty database (or it is damaged).", path=shown)
    return None


def _unreadable(path: Path, shown: str, exc: sqlite3.Error) -> Health:
    return Health(path, UNREADABLE, _("{path} cannot be opened as a database: {reason}.", path=shown, reason=str(exc)))


def _inspect_open(path: Path, shown: str, db: Database, *, full: bool, deep: bool = True) -> Health:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return Health(path, MISSING, _("{path} holds no shop data yet.", path=shown))
    if MIGRATIONS.migrations_table not in tables:
        return Health(path, UNREADABLE, _("{path} is not a smallbiz-loyalty database (or it is damaged).", path=shown))
    applied = {m.name for m in MIGRATIONS.applied(db)}
    if not applied:
        return Health(path, UNREADABLE, _("{path} is not a smallbiz-loyalty database (or it is damaged).", path=shown))
    if applied - known_migrations():
        return Health(
            path, NEWER, _("{path} was written by a newer version of smallbiz-loyalty; update the app.", path=shown)
        )
    if not deep:
        return Health(path, OK, _("{path} is a shop's file; its data is checked in the background.", path=shown))
    if known_migrations() - applied:
        # An older schema is brought up to date at open; our checks expect the current
        # one, so until then only SQLite's own check applies.
        return _classified(path, shown, sqlite_integrity(db, quick=not full))
    return _classified(path, shown, _checked(db, full=full))


def _checked(db: Database, *, full: bool) -> list[Problem]:
    try:
        return check_store(db, quick=not full)
    except sqlite3.DatabaseError as exc:
        # Damage the integrity check did not reach (quick form) can still surface in a query.
        return [Problem("integrity", _("SQLite cannot read the file: {reason}.", reason=str(exc)))]


def _classified(path: Path, shown: str, problems: list[Problem]) -> Health:
    if not problems:
        return Health(path, OK, _("{path} is healthy: no problems found.", path=shown))
    if any(p.check == "integrity" for p in problems):
        message = _("{path} is damaged: {detail}", path=shown, detail=problems[0].message)
    else:
        message = _(
            "{count} problem(s) found in {path}; the first: {first}",
            count=len(problems),
            path=shown,
            first=problems[0].message,
        )
    return Health(path, PROBLEMS, message, tuple(problems))


def known_migrations() -> set[str]:
    """The schema migrations this version of the app knows."""
    return {m.name for m in MIGRATIONS._migrations}


def startup_check(path: str | Path, *, backup_folder: str | Path | None = None) -> Health:
    """The fast check run at every start: `quick_check` plus our quick checks.

    When something is wrong, the newest good backup in `backup_folder` (or, when
    none is given, in the default folder beside the database) is offered."""
    return _with_backup(inspect_file(path), backup_folder)


def checked_before_opening(path: str | Path, *, limit: int | None = None) -> bool:
    """True when `path` (with its -wal) is small enough, at most `limit` bytes (default
    `STARTUP_CHECK_MAX_BYTES`), for `startup_check` to run before the window opens;
    a bigger file gets `structure_check` then, and the quick check in the background."""
    path = Path(path)
    if not path.is_file():
        return True  # missing, or a folder: `startup_check` says so at once
    limit = STARTUP_CHECK_MAX_BYTES if limit is None else limit
    return store_size(path) <= limit


def store_size(path: Path) -> int:
    """Bytes in the file and in its -wal (changes not yet written back are checked too)."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += part.stat().st_size
    return total


def structure_check(path: str | Path, *, backup_folder: str | Path | None = None) -> Health:
    """The part of the start-up check that takes milliseconds at any size: the file is there,
    an SQLite file, a shop, and of a schema this app knows. The data itself is not read.

    When something is wrong, the newest backup that passes the same check is offered
    (restoring it runs the full check before anything is replaced)."""
    return _with_backup(inspect_file(path, structure_only=True), backup_folder, deep=False)


def full_check(path: str | Path, *, backup_folder: str | Path | None = None) -> Health:
    """The thorough check, on demand: `integrity_check` plus every check in full."""
    return _with_backup(inspect_file(path, full=True), backup_folder)


def _with_backup(health: Health, backup_folder: str | Path | None, *, deep: bool = True) -> Health:
    if health.ok:
        return health
    # Imported here: `backup` uses `inspect_file` to verify every copy it makes.
    from smallbiz_loyalty.core.backup import default_backup_folder, newest_good_backup

    folder = Path(backup_folder) if backup_folder else default_backup_folder(health.path)
    stem = health.path.stem
    found = newest_good_backup(folder, stem=stem) if deep else _newest_sound_backup(folder, stem)
    if found is None:
        advice = _("No good backup was found in {folder}.", folder=str(folder))
    else:
        advice = _(
            "The newest good backup is {name}, made {when} UTC; restore it to continue.",
            name=found.path.name,
            when=found.taken_at.strftime("%Y-%m-%d %H:%M"),
        )
    return Health(health.path, health.status, health.message, health.problems, found, advice)


def _newest_sound_backup(folder: Path, stem: str) -> BackupInfo | None:
    """The newest backup that passes `structure_check`'s part (a big backup's quick check would
    take minutes before the owner sees anything; `restore` checks it in full anyway)."""
    from smallbiz_loyalty.core.backup import list_backups

    for info in list_backups(folder, stem=stem):
        if info.verified and inspect_file(info.path, structure_only=True).status == OK:
            return info
    return None


# -- files -------------------------------------------------------------------
def looks_like_sqlite(path: Path) -> bool:
    """The file starts with SQLite's header (cheap; says nothing about the rest)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def copy_database(source: sqlite3.Connection, target: Path, report: Progress, cancel: ShouldCancel) -> None:
    """Copy a database with SQLite's online backup API, page by page, into a new
    single file (consistent: a write by another connection restarts the copy)."""
    label = _("Copying the shop's data")

    def step(_status: int, remaining: int, total: int) -> None:
        report(total - remaining, total, label)
        if cancel():
            raise Cancelled()  # sqlite3 aborts the backup and passes this on

    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(dest, pages=STEP_PAGES, progress=step)
        # One self-contained file: a -wal beside a backup on a USB stick gets lost.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def remove_with_side_files(path: Path) -> None:
    """Delete a (temporary) database file and any -wal/-shm/-journal beside it."""
    for candidate in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


# -- restoring ---------------------------------------------------------------
def restore(
    db_path: str | Path,
    backup_file: str | Path,
    *,
    now: datetime,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> RestoreResult:
    """Put `backup_file` in place of the store at `db_path`, keeping the current file aside.

    The backup is copied beside the store and checked first (an SQLite file,
    undamaged, our checks pass, a schema this app knows); a backup that fails is
    refused with one sentence and nothing changes. A readable store is set aside
    and replaced through SQLite (so another window on the file sees the restored
    data, never a half-written file); an unreadable one is renamed aside with its
    -wal/-shm. The restored file is migrated the next time it is opened."""
    db_path, backup_file = Path(db_path), Path(backup_file)
    report, cancel = progress or no_progress, should_cancel or never_cancel
    _check_restore_paths(db_path, backup_file)
    staged = db_path.with_name(f".{db_path.name}.restoring-{uuid.uuid4().hex[:8]}.tmp")
    try:
        _stage(backup_file, staged, report, cancel)
        _verify_staged(staged, backup_file.name)
        if cancel():
            raise Cancelled()
        aside = _replace_store(db_path, staged, now)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(
            _(
                "{name} could not be restored ({reason}); the shop's file was not changed.",
                name=backup_file.name,
                reason=getattr(exc, "strerror", None) or str(exc),
            )
        ) from exc
    finally:
        remove_with_side_files(staged)
    return RestoreResult(db_path, backup_file, aside, _restored_message(db_path, backup_file, aside))


def _restored_message(db_path: Path, backup_file: Path, aside: Path | None) -> str:
    if aside is None:
        return _("{name} was restored into {path}.", name=backup_file.name, path=str(db_path))
    return _(
        "{name} was restored into {path}; the file it replaced was kept as {aside}.",
        name=backup_file.name,
        path=str(db_path),
        aside=aside.name,
    )


def _check_restore_paths(db_path: Path, backup_file: Path) -> None:
    if not backup_file.is_file():
        raise NotFound(_("There is no backup file at {path}.", path=str(backup_file)))
    if db_path.exists() and db_path.resolve() == backup_file.resolve():
        raise StorageError(_("{path} is the shop's own file; choose a backup to restore.", path=str(backup_file)))
    if not db_path.parent.is_dir():
        raise StorageError(_("The folder {folder} does not exist.", folder=str(db_path.parent)))
    if not looks_like_sqlite(backup_file):
        raise StorageError(
            _(
                "{path} is not a smallbiz-loyalty database (or it is damaged); nothing was changed.",
                path=backup_file.name,
            )
        )


def _stage(backup_file: Path, staged: Path, report: Progress, cancel: ShouldCancel) -> None:
    """A private copy of the backup beside the store: checked, then used, so what was
    checked is what is restored (and a read-only drive or CD is no obstacle)."""
    source = sqlite3.connect(f"{backup_file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy_database(source, staged, report, cancel)
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            _("{name} cannot be restored: {reason}; nothing was changed.", name=backup_file.name, reason=str(exc))
        ) from exc
    finally:
        source.close()


def _verify_staged(staged: Path, name: str) -> None:
    health = inspect_file(staged, full=True, label=name)
    if health.status != OK:
        raise StorageError(_("{reason} It cannot be restored; nothing was changed.", reason=health.message))


def _replace_store(db_path: Path, staged: Path, now: datetime) -> Path | None:
    """Set the current file aside and put `staged` in its place; returns where it was set aside."""
    if not db_path.exists():
        _rename_aside(db_path, _aside_name(db_path, now), only_sides=True)
        os.replace(staged, db_path)
        return None
    aside = _aside_name(db_path, now)
    if not looks_like_sqlite(db_path):  # SQLite must not even open it: that could drop its -wal
        _rename_aside(db_path, aside)
        os.replace(staged, db_path)
        return aside
    live = sqlite3.connect(str(db_path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        live.execute("SELECT count(*) FROM sqlite_master").fetchone()
        copy_database(live, aside, no_progress, never_cancel)
    except sqlite3.DatabaseError as exc:
        live.close()
        if getattr(exc, "sqlite_errorcode", None) not in DAMAGE_CODES:
            raise  # e.g. busy in another window: that file must stay where it is
        remove_with_side_files(aside)
        # Unreadable: keep it exactly as it is, with its -wal/-shm, which must not
        # stay behind to be replayed into the restored file.
        _rename_aside(db_path, aside)
        os.replace(staged, db_path)
        return aside
    try:
        source = sqlite3.connect(str(staged))
        try:
            source.backup(live)  # one step: one write transaction on the store, all or nothing
        finally:
            source.close()
    finally:
        live.close()
    return aside


def _aside_name(db_path: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime(ASIDE_STAMP)
    candidate, seq = db_path.with_name(f"{db_path.name}.replaced-{stamp}.bak"), 0
    while candidate.exists():
        seq += 1
        candidate = db_path.with_name(f"{db_path.name}.replaced-{stamp}-{seq}.bak")
    return candidate


def _rename_aside(db_path: Path, aside: Path, *, only_sides: bool = False) -> None:
    for side in SIDE_FILES:
        sidecar = db_path.with_name(db_path.name + side)
        if sidecar.exists():
            os.replace(sidecar, aside.with_name(aside.name + side))
    if not only_sides:
        os.replace(db_path, aside)
