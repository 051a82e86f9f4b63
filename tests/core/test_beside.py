"""Work run beside the caller on a second connection to the same file."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlite_utils import Database

from smallbiz_loyalty.core.beside import Beside
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def test_the_work_reads_the_same_file_on_its_own_thread_and_connection(shop: Shop) -> None:
    make_customer(shop, "Sara")
    make_customer(shop, "Omar")
    seen: dict[str, object] = {}

    def count(db: Database) -> int:
        seen["thread"] = threading.current_thread().name
        seen["connection"] = db.conn
        return db.execute("SELECT COUNT(*) FROM customers").fetchone()[0]

    with Beside(shop.path, count) as beside:
        assert beside.result() == 2
    assert seen["thread"] == "beside"
    assert seen["connection"] is not shop.db.conn


def test_an_error_in_the_work_is_raised_where_the_result_is_asked_for(shop: Shop) -> None:
    def broken(db: Database) -> int:
        return db.execute("SELECT no_such_column FROM customers").fetchone()[0]

    with Beside(shop.path, broken) as beside, pytest.raises(sqlite3.OperationalError, match="no_such_column"):
        beside.result()


def test_a_caller_who_gives_up_interrupts_the_work(shop: Shop) -> None:
    started = threading.Event()

    def endless(db: Database) -> int:
        started.set()
        # A statement that would run for ever unless interrupted.
        return db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT MAX(i) FROM n"
        ).fetchone()[0]

    def give_up(beside: Beside[int]) -> None:
        with beside:
            started.wait()
            raise KeyError("cancelled")  # the caller's own failure, e.g. the owner pressed Cancel

    beside = Beside(shop.path, endless)
    with pytest.raises(KeyError):
        give_up(beside)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        beside.result()


def test_a_shop_without_a_file_runs_the_work_on_its_own_connection() -> None:
    db = Database(sqlite3.connect(":memory:"))
    db.execute("CREATE TABLE t (x)")
    db.execute("INSERT INTO t VALUES (41)")
    with Beside(None, lambda d: d.execute("SELECT x + 1 FROM t").fetchone()[0], fallback=db) as beside:
        assert beside.result() == 42
