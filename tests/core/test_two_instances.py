"""Two windows (or two PCs on a shared folder) on one file: no corruption, every
sale exactly once, and a clear sentence when the other one holds the lock too long."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from smallbiz_loyalty.core.backup import backup_now
from smallbiz_loyalty.core.db import open_store
from smallbiz_loyalty.core.errors import StorageError
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


@pytest.fixture
def second(shop: Shop, db_path: Path) -> Iterator[Shop]:
    """Another window on the same file, with its own connection."""
    with Shop.open(db_path, clock=shop.clock) as other:
        yield other


def _keys(shop: Shop) -> list[str]:
    return [row[0] for row in shop.db.execute("SELECT key FROM sales ORDER BY key")]


def test_two_windows_selling_at_once_each_land_every_sale_once(shop: Shop, second: Shop) -> None:
    sara = make_customer(shop, "Sara")
    errors: list[BaseException] = []

    def sell(window: Shop, name: str) -> None:
        try:
            for i in range(30):
                window.record_sale(customer_id=sara.id, amount=1000, key=f"{name}-{i:02d}")
                window.record_sale(customer_id=sara.id, amount=1000, key=f"{name}-{i:02d}")  # a double click
        except BaseException as exc:  # reported below, with the test's own assertion
            errors.append(exc)

    threads = [threading.Thread(target=sell, args=(w, n)) for w, n in ((shop, "a"), (second, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _keys(shop) == [f"a-{i:02d}" for i in range(30)] + [f"b-{i:02d}" for i in range(30)]
    assert shop.check() == []
    stamps = shop.customer_status(sara.id).programmes
    assert second.customer_status(sara.id).programmes == stamps  # both windows see the same balance


def test_two_processes_selling_at_once_land_every_sale_once(shop: Shop, db_path: Path) -> None:
    make_customer(shop, "Sara")
    script = textwrap.dedent(
        """
        import sys, time
        from smallbiz_loyalty.core.shop import Shop
        with Shop.open(sys.argv[1]) as shop:
            for i in range(40):
                shop.record_sale(customer_id=1, amount=500, key=f"{sys.argv[2]}-{i:02d}")
                time.sleep(0.005)
        """
    )
    children = [subprocess.Popen([sys.executable, "-c", script, str(db_path), name]) for name in ("pc1", "pc2")]
    # Sell here for as long as they do. Every writer pauses between sales, as a till
    # does: SQLite's lock is not fair, so a writer looping flat out could keep the
    # other waiting past the busy timeout (which then says so, see the next test).
    here = 0
    while any(child.poll() is None for child in children):
        shop.record_sale(customer_id=1, amount=750, key=f"here-{here:03d}")
        here += 1
        time.sleep(0.005)
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    keys = _keys(shop)
    assert len(keys) == len(set(keys)) == 80 + here
    assert {k.split("-")[0] for k in keys} == {"pc1", "pc2", "here"}
    assert shop.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert shop.check() == []


def test_a_window_that_cannot_get_the_lock_in_time_is_told_plainly_and_writes_nothing(shop: Shop, second: Shop) -> None:
    second.db.execute("PRAGMA busy_timeout = 100")  # instead of 5 s, to keep the test fast
    shop.db.execute("BEGIN IMMEDIATE")  # the first window is in the middle of a long write
    try:
        with pytest.raises(StorageError) as caught:
            second.record_sale(customer_id=None, amount=500, key="waiting")
        assert str(caught.value) == "The database is busy in another window or computer; please try again."
        assert second.find_customers("anything") == []  # reading still works meanwhile
    finally:
        shop.db.execute("COMMIT")
    assert _keys(shop) == []
    second.record_sale(customer_id=None, amount=500, key="waiting")  # trying again works
    assert _keys(shop) == ["waiting"]


def test_a_backup_from_one_window_while_the_other_sells_is_consistent(
    shop: Shop, second: Shop, db_path: Path, tmp_path: Path
) -> None:
    done, selling = threading.Event(), threading.Event()

    def sell() -> None:
        i = 0
        while not done.is_set():
            second.record_sale(customer_id=None, amount=500, key=f"s-{i}")
            i += 1
            selling.set()

    seller = threading.Thread(target=sell)
    seller.start()
    try:
        assert selling.wait(timeout=10)
        results = [backup_now(db_path, tmp_path, now=shop.clock()) for _ in range(3)]
    finally:
        done.set()
        seller.join()
    copy = open_store(results[-1].backup.path)
    keys = [row[0] for row in copy.execute("SELECT key FROM sales")]
    assert keys
    # A snapshot: the first n sales, with no gap, whatever n was at that moment.
    assert sorted(keys, key=lambda k: int(k[2:])) == [f"s-{i}" for i in range(len(keys))]
    copy.close()
