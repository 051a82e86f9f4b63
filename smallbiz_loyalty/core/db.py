"""Opening the store: PRAGMAs, schema migrations, transactions, integrity checks.

The store is one SQLite file in WAL mode with ``synchronous=FULL`` so a sale that
was acknowledged survives a power cut. Every user action runs in one
`transaction()`: it lands whole or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from smallbiz_loyalty.core.errors import StorageError
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


def connect(path: str | Path) -> Database:
    """A connection to `path` with our PRAGMAs, no schema changes."""
    path = Path(path)
    if path.exists():
        _ensure_sqlite_file(path)
    elif not path.parent.exists():
        raise StorageError(_("The folder {folder} does not exist.", folder=str(path.parent)))
    try:
        # isolation_level=None: no implicit transactions; `transaction()` opens them.
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            _("{path} cannot be opened as a database: {reason}.", path=str(path), reason=str(exc))
        ) from exc
    return Database(conn, execute_plugins=False)


def _ensure_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StorageError(_("{path} is a folder, not a database file.", path=str(path)))
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(
            _("{path} cannot be read: {reason}.", path=str(path), reason=exc.strerror or str(exc))
        ) from exc
    if head and head != SQLITE_MAGIC:
        raise StorageError(_("{path} is not a smallbiz-loyalty database (or it is damaged).", path=str(path)))


def open_store(path: str | Path, *, migrations: Migrations = MIGRATIONS) -> Database:
    """Open (creating if needed) the store at `path` and bring its schema up to date.

    Before a pending migration touches a file that already holds data, a copy
    of the file is made beside it (``<name>.before-<migration>.bak``)."""
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    db = connect(path)
    try:
        pending = migrations.pending(db)
        if pending and existed and migrations.applied(db):
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            backup_to(db, path.with_name(f"{path.name}.before-{pending[0].name}-{stamp}.bak"))
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StorageError(
            _("{path} cannot be opened as a database: {reason}.", path=str(path), reason=str(exc))
        ) from exc
    return db


def backup_to(db: Database, target: str | Path) -> Path:
    """A consistent copy of the open store, made with SQLite's online backup API."""
    target = Path(target)
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action: ``BEGIN IMMEDIATE`` … ``COMMIT``, or a savepoint when nested.

    IMMEDIATE takes the write lock up front, so two windows on one file wait
    for each other instead of failing half-way."""
    conn = db.conn
    if conn.in_transaction:
        # A savepoint of one fixed name: SQLite releases or rolls back the innermost of that name,
        # and the same two statements stay prepared (sqlite-utils' atomic() names each anew).
        conn.execute("SAVEPOINT action")
        try:
            yield db
        except BaseException:
            conn.execute("ROLLBACK TO action")
            conn.execute("RELEASE action")
            raise
        conn.execute("RELEASE action")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StorageError(_("The database is busy in another window or computer; please try again.")) from exc
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(_("The change could not be saved: {reason}.", reason=str(exc))) from exc


def now_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
