"""Start-up health: every kind of bad file gets a classification and one message, never a traceback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from smallbiz_loyalty.core import health as health_module
from smallbiz_loyalty.core.backup import backup_now
from smallbiz_loyalty.core.db import backup_to
from smallbiz_loyalty.core.health import (
    MISSING,
    NEWER,
    OK,
    PROBLEMS,
    UNREADABLE,
    checked_before_opening,
    full_check,
    inspect_file,
    startup_check,
    structure_check,
)
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from tests.conftest import NOW
from tests.factories import make_customer


@pytest.fixture
def store(shop: Shop, tmp_path: Path) -> Path:
    """A copy of a real store with customers and sales, in its own folder, named shop.db."""
    for i in range(12):
        customer = make_customer(shop, f"Customer {i}")
        shop.record_sale(customer_id=customer.id, amount=1500 + i)
    copy = tmp_path / "copy" / "shop.db"
    copy.parent.mkdir()
    return backup_to(shop.db, copy)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_store_is_ok(store: Path) -> None:
    health = startup_check(store)
    assert health.status == OK
    assert health.ok and not health.damaged
    assert health.message == f"{store} is healthy: no problems found."
    assert health.backup is None and health.advice == ""
    assert full_check(store).status == OK


def test_no_file_is_missing(tmp_path: Path) -> None:
    health = startup_check(tmp_path / "shop.db")
    assert health.status == MISSING
    assert health.message == f"There is no database file at {tmp_path / 'shop.db'}."
    assert not (tmp_path / "shop.db").exists()  # looking did not create it


def test_a_truncated_store_is_unreadable_and_the_newest_good_backup_is_offered(store: Path) -> None:
    backups = store.parent / "backups"
    backups.mkdir()
    good = backup_now(store, backups, now=NOW - timedelta(days=1)).backup
    os.truncate(store, store.stat().st_size // 2)
    health = startup_check(store, backup_folder=backups)
    assert health.status == UNREADABLE and health.damaged
    assert health.message == f"{store} cannot be opened as a database: database disk image is malformed."
    assert health.backup is not None and health.backup.path == good.path
    assert health.advice == (
        "The newest good backup is shop-2026-10-14T093000Z.sqlite3, made 2026-10-14 09:30 UTC; restore it to continue."
    )


def _overwrite(path: Path, offset: int, length: int = 4096) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(bytes([0xDE, 0xAD, 0xBE, 0xEF]) * (length // 4))


def test_a_table_page_overwritten_in_the_middle_is_damage_and_the_file_is_left_as_it_is(store: Path) -> None:
    conn = sqlite3.connect(store)
    (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sales'").fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    _overwrite(store, (page - 1) * page_size)
    before = _digest(store)
    health = startup_check(store)
    assert health.status == PROBLEMS and health.damaged
    assert health.message.startswith(f"{store} is damaged: SQLite ")  # "reports damage" or "cannot read"
    assert health.problems[0].check == "integrity"
    assert full_check(store).damaged
    assert _digest(store) == before


def test_damage_to_the_schema_makes_the_file_unreadable(store: Path) -> None:
    _overwrite(store, 4096, 3 * 4096)  # pages 2-4: where SQLite keeps the list of tables
    health = startup_check(store)
    assert (health.status, health.message) == (
        UNREADABLE,
        f"{store} cannot be opened as a database: database disk image is malformed.",
    )
    assert health.damaged


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "{path} is empty: it holds no shop data."),
        (bytes(range(256)) * 40, "{path} is not a smallbiz-loyalty database (or it is damaged)."),
        ("الاسم,الهاتف\nسارة,+96599887766\n".encode(), "{path} is not a smallbiz-loyalty database (or it is damaged)."),
        (b"SQLite format 3\x00" + b"\xff" * 5000, "{path} cannot be opened as a database: file is not a database."),
    ],
    ids=["empty", "garbage", "an Arabic CSV file", "garbage after the SQLite header"],
)
def test_a_file_that_is_no_database_is_unreadable(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "shop.db"
    path.write_bytes(content)
    health = startup_check(path)
    assert (health.status, health.message) == (UNREADABLE, message.format(path=path))
    assert health.advice == f"No good backup was found in {tmp_path / 'backups'}."
    assert path.read_bytes() == content


def test_a_folder_and_another_apps_database_are_not_ours(tmp_path: Path) -> None:
    folder = tmp_path / "shop.db"
    folder.mkdir()
    assert startup_check(folder).message == f"{folder} is a folder, not a database file."
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY)")
    conn.close()
    health = startup_check(other)
    assert (health.status, health.message) == (
        UNREADABLE,
        f"{other} is not a smallbiz-loyalty database (or it is damaged).",
    )


def test_a_store_from_a_newer_version_is_not_opened(store: Path) -> None:
    conn = sqlite3.connect(store)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('smallbiz_loyalty', '0999_x', '')"
    )
    conn.commit()
    conn.close()
    health = startup_check(store)
    assert health.status == NEWER
    assert health.message == f"{store} was written by a newer version of smallbiz-loyalty; update the app."


def test_inconsistent_data_is_a_list_of_problems_not_damage(store: Path) -> None:
    conn = sqlite3.connect(store)  # foreign keys are off in a plain connection: an orphan gets in
    conn.execute(
        "INSERT INTO sales (key, kind, customer_id, amount, business_date, created_at)"
        " VALUES ('orphan', 'sale', 999, 100, '2026-10-15', '2026-10-15T09:30:00+00:00')"
    )
    conn.commit()
    conn.close()
    health = startup_check(store)
    assert health.status == PROBLEMS and not health.damaged
    assert health.message == (
        f"1 problem(s) found in {store}; the first: sales row 13 points to a missing customers row."
    )


def test_the_default_backup_folder_beside_the_store_is_searched(store: Path) -> None:
    backups = store.parent / "backups"
    backups.mkdir()
    backup_now(store, backups, now=NOW)
    store.write_bytes(b"oops")
    health = startup_check(store)
    assert health.backup is not None and health.backup.path.parent == backups


# -- a big file: the structure before opening, the rest in the background -------------------
def test_a_file_up_to_the_limit_is_checked_whole_before_opening_and_a_bigger_one_is_not(store: Path) -> None:
    size = health_module.store_size(store)  # the file and its -wal
    assert size == store.stat().st_size  # (a copy has no -wal)
    assert checked_before_opening(store)  # a test shop is far below the default 4 MB
    assert checked_before_opening(store, limit=size)
    assert not checked_before_opening(store, limit=size - 1)
    assert checked_before_opening(store.parent / "new.db", limit=0)  # nothing to read: "missing" at once


def test_the_structure_check_passes_a_sound_shop_without_reading_its_data(store: Path) -> None:
    conn = sqlite3.connect(store)  # a problem in the data, which only the quick check reads
    conn.execute("UPDATE lot_remaining SET remaining = remaining + 1")
    conn.commit()
    conn.close()
    health = structure_check(store)
    assert health.status == OK
    assert health.message == f"{store} is a shop's file; its data is checked in the background."
    assert startup_check(store).status == PROBLEMS


@pytest.mark.parametrize(
    ("harm", "status"),
    [
        (lambda path: path.write_bytes(b"oops"), UNREADABLE),
        (lambda path: _overwrite(path, 4096, 3 * 4096), UNREADABLE),  # the list of tables
        (lambda path: _newer(path), NEWER),
        (lambda path: path.unlink(), MISSING),
    ],
    ids=["not a database", "damaged schema", "newer version", "missing"],
)
def test_the_structure_check_still_finds_what_stops_a_shop_from_opening(store: Path, harm, status) -> None:
    backups = store.parent / "backups"
    backups.mkdir()
    good = backup_now(store, backups, now=NOW - timedelta(days=1)).backup
    harm(store)
    health = structure_check(store)
    assert health.status == status
    assert health.message == startup_check(store).message
    if status != MISSING:  # the newest backup whose structure is sound is offered
        assert health.backup is not None and health.backup.path == good.path


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('smallbiz_loyalty', '0999_x', '')"
    )
    conn.commit()
    conn.close()


def test_the_check_in_the_background_stops_when_asked_and_says_it_was_cancelled(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health_module, "CANCEL_EVERY", 1)  # a test shop is checked in fewer steps than the default
    asked: list[bool] = []

    def should_cancel() -> bool:
        asked.append(True)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        inspect_file(store, should_cancel=should_cancel)
    assert inspect_file(store, should_cancel=lambda: False).status == OK  # never asked: the whole check
