"""Backups while the shop is open, their rotation, and restoring one (`health.restore`)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

from smallbiz_loyalty.core.backup import (
    RotationPolicy,
    backup_name,
    backup_now,
    due_backup,
    list_backups,
    newest_good_backup,
    parse_backup_name,
    plan_rotation,
)
from smallbiz_loyalty.core.checks import check_store
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.db import open_store
from smallbiz_loyalty.core.errors import NotFound, StorageError
from smallbiz_loyalty.core.health import restore
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.schema import MIGRATIONS
from smallbiz_loyalty.core.shop import Shop
from tests.conftest import NOW
from tests.factories import make_customer


def _sales(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sales").fetchone()[0]
    finally:
        conn.close()


def _fill(shop: Shop, sales: int = 3) -> None:
    sara = make_customer(shop, "Sara")
    for i in range(sales):
        shop.record_sale(customer_id=sara.id, amount=1250 + i, key=f"fill-{i}")


def _damage(path: Path) -> None:
    """Overwrite two pages in the middle of the file with a pattern no page can hold."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 2048)


# -- names -----------------------------------------------------------------------
def test_backup_names_sort_by_time_and_carry_no_colons() -> None:
    assert backup_name("shop", NOW) == "shop-2026-10-15T093000Z.sqlite3"
    assert backup_name("shop", NOW, 2) == "shop-2026-10-15T093000Z-2.sqlite3"
    assert parse_backup_name("shop-2026-10-15T093000Z-2.sqlite3") == ("shop", NOW, 2)
    assert parse_backup_name("my-cafe-2026-10-15T093000Z.sqlite3") == ("my-cafe", NOW, 0)
    assert parse_backup_name("shop-2026-13-45T093000Z.sqlite3") is None  # no 13th month
    assert parse_backup_name("holiday photos.jpg") is None
    assert ":" not in backup_name("shop", NOW)


# -- making backups ----------------------------------------------------------------
def test_a_backup_is_a_checked_single_file_copy_made_while_the_shop_is_open(shop: Shop, tmp_path: Path) -> None:
    _fill(shop)
    folder = tmp_path / "usb"
    folder.mkdir()
    result = backup_now(shop.db, folder, now=NOW)
    assert result.backup.path == folder / "shop-2026-10-15T093000Z.sqlite3"
    assert result.message == f"Backup saved: {folder / 'shop-2026-10-15T093000Z.sqlite3'}."
    assert result.problems == ()
    assert sorted(p.name for p in folder.iterdir()) == ["shop-2026-10-15T093000Z.sqlite3"]  # no -wal, no temp
    copy = sqlite3.connect(result.backup.path)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT count(*) FROM sales").fetchone()[0] == 3
    copy.close()
    shop.record_sale(customer_id=None, amount=500)  # the shop carries on
    assert _sales(result.backup.path) == 3


def test_a_worker_thread_backs_up_through_its_own_connection_while_the_counter_sells(
    shop: Shop, db_path: Path, tmp_path: Path
) -> None:
    _fill(shop)
    folder = tmp_path / "backups"
    folder.mkdir()
    results = []
    worker = threading.Thread(target=lambda: results.append(backup_now(db_path, folder, now=NOW)))
    worker.start()
    for i in range(20):
        shop.record_sale(customer_id=None, amount=750, key=f"during-{i}")
    worker.join()
    copy = open_store(results[0].backup.path)
    # A consistent snapshot: the 3 sales before, plus however many of the 20 had landed.
    assert 3 <= copy.execute("SELECT count(*) FROM sales").fetchone()[0] <= 23
    assert check_store(copy) == []
    copy.close()


def test_progress_is_reported_and_a_cancel_leaves_nothing_behind(shop: Shop, tmp_path: Path) -> None:
    _fill(shop)
    calls: list[tuple[int, int, str]] = []
    backup_now(shop.db, tmp_path, now=NOW, progress=lambda done, total, label: calls.append((done, total, label)))
    copied = [c for c in calls if c[2] == "Copying the shop's data"]
    assert copied and copied[-1][0] == copied[-1][1]  # ends with every page copied
    later = NOW + timedelta(hours=1)
    with pytest.raises(Cancelled, match=r"Cancelled; nothing was changed\."):
        backup_now(shop.db, tmp_path, now=later, should_cancel=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir() if "2026" in p.name) == ["shop-2026-10-15T093000Z.sqlite3"]


def test_a_missing_backup_folder_is_one_sentence_and_is_not_created(shop: Shop, tmp_path: Path) -> None:
    stick = tmp_path / "USB-STICK" / "backups"
    with pytest.raises(StorageError) as caught:
        backup_now(shop.db, stick, now=NOW)
    assert str(caught.value) == (
        f"The backup folder {stick} cannot be found; plug in the drive or choose another folder in Settings."
    )
    assert not stick.exists()
    with pytest.raises(StorageError, match=r"No backup folder is set; choose one in Settings\."):
        backup_now(shop.db, "", now=NOW)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    with pytest.raises(StorageError, match="is a file, not a folder"):
        backup_now(shop.db, a_file, now=NOW)


def test_the_default_folder_beside_the_database_is_created_when_asked(shop: Shop, db_path: Path) -> None:
    result = backup_now(shop.db, db_path.parent / "backups", now=NOW, create=True)
    assert result.backup.path.parent == db_path.parent / "backups"


def test_a_drive_pulled_out_during_the_backup_leaves_no_half_written_backup(shop: Shop, tmp_path: Path) -> None:
    _fill(shop)
    stick = tmp_path / "stick"
    stick.mkdir()

    def pull_the_stick(done: int, total: int, label: str) -> None:
        if stick.exists():
            shutil.rmtree(stick)

    with pytest.raises(StorageError, match=r"could not be written to .*nothing was saved, so check the drive"):
        backup_now(shop.db, stick, now=NOW, progress=pull_the_stick)
    assert not stick.exists()  # not re-created on the PC's own disk


def test_a_store_with_problems_is_still_backed_up_and_says_so(shop: Shop, tmp_path: Path) -> None:
    shop.db.execute("PRAGMA foreign_keys = OFF")
    shop.db.execute(
        "INSERT INTO sales (key, kind, customer_id, amount, business_date, created_at)"
        " VALUES ('orphan', 'sale', 999, 100, '2026-10-15', '2026-10-15T09:30:00+00:00')"
    )
    result = backup_now(shop.db, tmp_path, now=NOW)
    assert result.problems == ("sales row 1 points to a missing customers row.",)
    assert "the shop's data has 1 problem(s); run a full check" in result.message
    assert result.backup.path.exists()


# -- rotation (worked examples) ------------------------------------------------------
def _names(*stamps: str) -> list[str]:
    return [f"shop-{s}.sqlite3" for s in stamps]


def test_rotation_keeps_7_days_4_weeks_and_12_months_of_daily_backups() -> None:
    # One backup every evening from 1 January to Thursday 15 October 2026: 288 backups.
    start = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)
    names = [backup_name("shop", start + timedelta(days=d)) for d in range(288)]
    kept, deleted = plan_rotation(names)
    # 7 days: 9–15 October. 4 ISO weeks: the weeks ending 18 Oct (15th), 11 Oct (11th),
    # 4 Oct (4th), 27 Sep (27th). 12 months: only 10 have backups: the last day of each.
    assert kept == _names(
        "2026-10-15T200000Z",
        "2026-10-14T200000Z",
        "2026-10-13T200000Z",
        "2026-10-12T200000Z",
        "2026-10-11T200000Z",
        "2026-10-10T200000Z",
        "2026-10-09T200000Z",
        "2026-10-04T200000Z",
        "2026-09-30T200000Z",
        "2026-09-27T200000Z",
        "2026-08-31T200000Z",
        "2026-07-31T200000Z",
        "2026-06-30T200000Z",
        "2026-05-31T200000Z",
        "2026-04-30T200000Z",
        "2026-03-31T200000Z",
        "2026-02-28T200000Z",
        "2026-01-31T200000Z",
    )
    assert len(deleted) == 288 - 18


def test_rotation_keeps_the_newest_of_each_day_and_counts_only_days_with_backups() -> None:
    # Closed for three weeks in August: the 7 "days" are the 7 latest days that have a backup.
    names = _names(
        "2026-08-31T200000Z",
        "2026-08-31T120000Z",  # an earlier one the same day: dropped
        "2026-08-01T200000Z",
        "2026-07-31T200000Z",
    )
    kept, deleted = plan_rotation(names, RotationPolicy(daily=7, weekly=0, monthly=0))
    assert kept == _names("2026-08-31T200000Z", "2026-08-01T200000Z", "2026-07-31T200000Z")
    assert deleted == _names("2026-08-31T120000Z")


def test_rotation_never_deletes_a_protected_or_foreign_file() -> None:
    names = [*_names("2026-10-15T093000Z", "2026-10-15T083000Z"), "cafe-2026-10-15T073000Z.sqlite3", "notes.txt"]
    kept, deleted = plan_rotation(names, RotationPolicy(1, 0, 0), protect=["shop-2026-10-15T083000Z.sqlite3"])
    assert kept == [*_names("2026-10-15T093000Z", "2026-10-15T083000Z"), "cafe-2026-10-15T073000Z.sqlite3"]
    assert deleted == []


def test_each_backup_rotates_the_older_ones_in_its_folder(shop: Shop, tmp_path: Path) -> None:
    first = backup_now(shop.db, tmp_path, now=NOW - timedelta(days=40)).backup.path
    for days in (39, 10, 9):
        shutil.copy(first, tmp_path / backup_name("shop", NOW - timedelta(days=days)))
    result = backup_now(shop.db, tmp_path, now=NOW, policy=RotationPolicy(daily=2, weekly=0, monthly=0))
    assert [p.name for p in result.removed] == [
        "shop-2026-10-05T093000Z.sqlite3",
        "shop-2026-09-06T093000Z.sqlite3",
        "shop-2026-09-05T093000Z.sqlite3",
    ]
    assert [b.path.name for b in list_backups(tmp_path)] == [
        "shop-2026-10-15T093000Z.sqlite3",
        "shop-2026-10-06T093000Z.sqlite3",
    ]


# -- listing and due -----------------------------------------------------------------
def test_backups_are_listed_newest_first_and_a_damaged_one_is_not_offered(shop: Shop, tmp_path: Path) -> None:
    _fill(shop)
    older = backup_now(shop.db, tmp_path, now=NOW - timedelta(days=1)).backup
    newer = backup_now(shop.db, tmp_path, now=NOW).backup
    _damage(newer.path)
    listed = list_backups(tmp_path, verify=True)
    assert [(b.path.name, b.verified) for b in listed] == [(newer.path.name, False), (older.path.name, True)]
    assert listed[1].size == older.path.stat().st_size
    assert listed[1].taken_at == NOW - timedelta(days=1)
    good = newest_good_backup(tmp_path, stem="shop")
    assert good is not None and good.path == older.path
    assert newest_good_backup(tmp_path / "unplugged") is None


def test_a_backup_is_due_once_a_day(shop: Shop, tmp_path: Path) -> None:
    assert due_backup(tmp_path, now=NOW)  # none yet
    backup_now(shop.db, tmp_path, now=NOW - timedelta(hours=23))
    assert not due_backup(tmp_path, now=NOW)
    assert due_backup(tmp_path, now=NOW + timedelta(hours=2))  # 25 hours after it
    assert due_backup(tmp_path / "unplugged", now=NOW)


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_one(shop: Shop, tmp_path: Path) -> None:
    backup_now(shop.db, tmp_path, now=NOW + timedelta(days=300))  # the PC's clock was wrong that day
    assert due_backup(tmp_path, now=NOW)


# -- restore -------------------------------------------------------------------------
def test_restore_puts_the_backup_back_and_keeps_the_current_file_aside(db_path: Path, tmp_path: Path) -> None:
    with Shop.open(db_path, clock=fixed_clock(NOW)) as shop:
        _fill(shop, sales=2)
        saved = backup_now(shop.db, tmp_path, now=NOW)
        shop.record_sale(customer_id=None, amount=999, key="after-the-backup")
    later = NOW + timedelta(hours=2)
    result = restore(db_path, saved.backup.path, now=later)
    aside = db_path.with_name("shop.db.replaced-2026-10-15T113000Z.bak")
    assert result.set_aside == aside
    assert result.message == (
        f"shop-2026-10-15T093000Z.sqlite3 was restored into {db_path};"
        " the file it replaced was kept as shop.db.replaced-2026-10-15T113000Z.bak."
    )
    assert _sales(db_path) == 2
    assert _sales(aside) == 3  # nothing is lost: the replaced file is whole, -wal included
    assert not list(db_path.parent.glob(".shop.db.restoring-*"))
    with Shop.open(db_path, clock=fixed_clock(later)) as reopened:
        assert reopened.check() == []
        assert reopened.sale(2).key == "fill-1"


def test_restore_with_the_shop_still_open_elsewhere_shows_the_restored_data_there(
    shop: Shop, db_path: Path, tmp_path: Path
) -> None:
    _fill(shop, sales=2)
    saved = backup_now(shop.db, tmp_path, now=NOW).backup.path
    shop.record_sale(customer_id=None, amount=999)
    restore(db_path, saved, now=NOW)
    assert shop.db.execute("SELECT count(*) FROM sales").fetchone()[0] == 2
    assert shop.check() == []


def test_a_damaged_backup_is_refused_and_nothing_changes(shop: Shop, db_path: Path, tmp_path: Path) -> None:
    _fill(shop)
    saved = backup_now(shop.db, tmp_path, now=NOW).backup.path
    _damage(saved)
    shop.record_sale(customer_id=None, amount=999)
    before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(
        StorageError,
        match=r"^shop-2026-10-15T093000Z.sqlite3 (is damaged|cannot be restored): .*nothing was changed\.$",
    ):
        restore(db_path, saved, now=NOW)
    assert sorted(p.name for p in db_path.parent.iterdir()) == before  # no set-aside copy, no temp file
    assert shop.db.execute("SELECT count(*) FROM sales").fetchone()[0] == 4


def test_a_file_that_is_not_a_backup_is_refused(shop: Shop, db_path: Path, tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    with pytest.raises(
        StorageError,
        match=r"^photo.jpg is not a smallbiz-loyalty database \(or it is damaged\); nothing was changed\.$",
    ):
        restore(db_path, photo, now=NOW)
    with pytest.raises(NotFound, match="There is no backup file at"):
        restore(db_path, tmp_path / "nowhere.sqlite3", now=NOW)
    with pytest.raises(StorageError, match="is the shop's own file"):
        restore(db_path, db_path, now=NOW)


def test_a_backup_from_a_newer_version_is_refused(shop: Shop, db_path: Path, tmp_path: Path) -> None:
    saved = backup_now(shop.db, tmp_path, now=NOW).backup.path
    future = sqlite3.connect(saved)
    future.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('smallbiz_loyalty', '0999_x', '')"
    )
    future.commit()
    future.close()
    with pytest.raises(StorageError, match="was written by a newer version of smallbiz-loyalty; update the app"):
        restore(db_path, saved, now=NOW)


def test_restore_over_an_unreadable_file_sets_it_aside_with_its_wal(db_path: Path, tmp_path: Path) -> None:
    with Shop.open(db_path, clock=fixed_clock(NOW)) as shop:
        _fill(shop, sales=1)
        saved = backup_now(shop.db, tmp_path, now=NOW).backup.path
    db_path.write_bytes(b"garbage " * 1000)
    db_path.with_name("shop.db-wal").write_bytes(b"stale wal")
    result = restore(db_path, saved, now=NOW)
    assert result.set_aside is not None
    assert result.set_aside.read_bytes() == b"garbage " * 1000
    assert result.set_aside.with_name(result.set_aside.name + "-wal").read_bytes() == b"stale wal"
    assert not db_path.with_name("shop.db-wal").exists()  # never replayed into the restored file
    assert _sales(db_path) == 1


def test_restore_into_a_missing_file_and_an_older_backup_is_migrated_at_open(tmp_path: Path) -> None:
    old_version = Migrations("smallbiz_loyalty")
    old_version._migrations.append(MIGRATIONS._migrations[0])
    old_file = tmp_path / "old.sqlite3"
    open_store(old_file, migrations=old_version).close()
    target = tmp_path / "new" / "shop.db"
    target.parent.mkdir()
    result = restore(target, old_file, now=NOW)
    assert result.set_aside is None
    assert result.message == f"old.sqlite3 was restored into {target}."
    with Shop.open(target) as shop:
        assert len(MIGRATIONS.applied(shop.db)) == len(MIGRATIONS._migrations)
        assert shop.check() == []


def test_restore_over_a_damaged_store_replaces_it_and_keeps_the_damaged_copy(db_path: Path, tmp_path: Path) -> None:
    with Shop.open(db_path, clock=fixed_clock(NOW)) as shop:
        _fill(shop, sales=40)
        saved = backup_now(shop.db, tmp_path, now=NOW).backup.path
    _damage(db_path)
    result = restore(db_path, saved, now=NOW)
    assert result.set_aside is not None and result.set_aside.exists()
    with Shop.open(db_path, clock=fixed_clock(NOW)) as shop:
        assert shop.check() == []
        assert shop.db.execute("SELECT count(*) FROM sales").fetchone()[0] == 40
