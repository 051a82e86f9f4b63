"""The store: PRAGMAs, migrations from an empty file, re-open, copy before migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

from smallbiz_loyalty.core.db import connect, open_store, transaction
from smallbiz_loyalty.core.errors import StorageError
from smallbiz_loyalty.core.schema import MIGRATIONS


def test_a_new_file_gets_every_migration_and_the_pragmas(db_path: Path) -> None:
    db = open_store(db_path)
    applied = [m.name for m in MIGRATIONS.applied(db)]
    assert applied == [m.name for m in MIGRATIONS._migrations]
    assert {"customers", "sales", "settings", "staff", "audit_log"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    db.close()


def test_reopening_applies_nothing_twice_and_keeps_data(db_path: Path) -> None:
    db = open_store(db_path)
    with transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('shop_name', '\"Café\"')")
    db.close()
    again = open_store(db_path)
    assert again.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(MIGRATIONS._migrations)
    assert again.execute("SELECT value FROM settings").fetchone()[0] == '"Café"'
    again.close()


def test_a_pending_migration_on_a_file_with_data_copies_the_file_first(db_path: Path) -> None:
    open_store(db_path).close()
    later = Migrations("smallbiz_loyalty")
    for migration in MIGRATIONS._migrations:
        later._migrations.append(migration)

    @later(name="9999_test_column")
    def add_column(db):
        db.execute("ALTER TABLE settings ADD COLUMN note TEXT")

    open_store(db_path, migrations=later).close()
    copies = list(db_path.parent.glob("shop.db.before-9999_test_column-*.bak"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert "note" not in [row[1] for row in old.execute("PRAGMA table_info(settings)")]
    old.close()


def test_a_failed_migration_changes_nothing(db_path: Path) -> None:
    open_store(db_path).close()
    broken = Migrations("smallbiz_loyalty")
    broken._migrations.extend(MIGRATIONS._migrations)

    @broken(name="9998_broken")
    def half_done(db):
        db.execute("CREATE TABLE half (x)")
        db.execute("INSERT INTO nowhere VALUES (1)")

    with pytest.raises(StorageError):
        open_store(db_path, migrations=broken)
    db = connect(db_path)
    assert "half" not in db.table_names()
    assert "9998_broken" not in [m.name for m in broken.applied(db)]
    db.close()


def test_a_file_that_is_not_a_database_is_refused_with_one_sentence(tmp_path: Path) -> None:
    fake = tmp_path / "notes.db"
    fake.write_text("these are my notes, not a database")
    with pytest.raises(StorageError, match="is not a smallbiz-loyalty database"):
        open_store(fake)
    assert fake.read_text() == "these are my notes, not a database"


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "shop.db")


def test_a_transaction_lands_whole_or_not_at_all(db_path: Path) -> None:
    db = open_store(db_path)

    def power_cut() -> None:
        with transaction(db):
            db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        power_cut()
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    db.close()
