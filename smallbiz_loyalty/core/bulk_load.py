"""The machinery of a bulk build (core/bulk.py): the store set up for fast writing and put back
afterwards, and the rows simulated in a child process while this one writes them.

Writing: the journal, fsync, foreign-key and CHECK enforcement are off; most of the big
tables' secondary indexes are dropped, and so are the insert triggers that guard ledger draws
and keep the derived tables (`lot_remaining`, the customer search index, the summaries): a
trigger per row costs more than the row. Instead, after each batch of rows, one statement per
derived table adds what those triggers would have added for the batch. At the end the
dropped indexes are built by sorting, the search index and the first purchases are filled
in one statement each, and the triggers come back. `Shop.check` verifies the result: draws,
what is left of each lot, the search index and the summaries are all among its checks.

Simulating: the simulation is pure Python, and the sqlite3 module holds the GIL while it
binds each row's parameters, so a writer thread mostly waits for the simulating thread.
A child process simulates and sends its rows through a pipe; this process writes them,
several rows per INSERT (binding is most of the cost, the statement's per-row overhead next)."""

from __future__ import annotations

import marshal
import multiprocessing
import sqlite3
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from multiprocessing.connection import Connection
from typing import Any

from smallbiz_loyalty.core import summaries

# Tables whose secondary indexes are dropped while loading and rebuilt from their own SQL after (a sort
# beats millions of B-tree inserts at random places), except those whose keys come in about the order
# the rows are written (by date or by a growing id): the writer keeps them for about what building
# them costs at the end, while the simulation keeps the other core busy anyway.
_REBUILT_TABLES = ("sales", "ledger", "feedback", "lot_remaining")
_KEPT_INDEXES = frozenset(
    {"sales_date", "sales_original", "ledger_business_date", "ledger_sale", "ledger_expiring",
     "feedback_date", "feedback_follow_up"}
)  # fmt: skip
# Insert triggers whose work is done a batch at a time instead (the draw guard's rule is also
# `checks.ledger_draws`, run by `Shop.check`).
_INSERT_TRIGGERS = ("ledger_draw_fits", "ledger_lot_opened", "ledger_lot_drawn", "customers_fts_insert")
# What schema 0004's `ledger_lot_opened` / `ledger_lot_drawn` and schema 0006's insert triggers
# (summaries.TRIGGERS) add for the ledger and sales rows after :ledger / :sales, in one statement
# each: the new lots, the draws on lots, and two summaries' sums of those rows added to what is
# there. The third summary, `customer_firsts`, is cheaper filled once at the end from its index.
# NOT INDEXED: each reads only the rows after the id, never a whole index kept while loading.
_DERIVE = (
    "INSERT INTO lot_remaining (lot_id, customer_id, programme_id, expires_on, remaining)"
    " SELECT id, customer_id, programme_id, expires_on, quantity FROM ledger NOT INDEXED"
    " WHERE id > :ledger AND consumes IS NULL",
    "UPDATE lot_remaining SET remaining = remaining + drawn.quantity"
    " FROM (SELECT consumes, SUM(quantity) AS quantity FROM ledger NOT INDEXED WHERE id > :ledger"
    " AND consumes IS NOT NULL"
    " GROUP BY consumes) AS drawn WHERE lot_remaining.lot_id = drawn.consumes",
    summaries.add_rows_after("sales_days", "sales"),
    summaries.add_rows_after("ledger_days", "ledger"),
)
_ROWS_PER_INSERT = 50
_MESSAGE, _DONE, _FAILED = "message", "done", "failed"


@dataclass(frozen=True)
class Dropped:
    """What `fast_loading` took away, as the SQL that creates it again."""

    indexes: list[str]
    triggers: list[str]


def fast_loading(conn: sqlite3.Connection) -> Dropped:
    """No journal, no fsync, no foreign-key lookups or CHECKs, the big tables' secondary indexes
    and the derived tables' insert triggers dropped; returns what was dropped."""
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB while loading
    # The rows are right by construction; `Shop.check` (even quick) verifies CHECK constraints afterwards.
    conn.execute("PRAGMA ignore_check_constraints = ON")
    marks = ", ".join("?" * len(_REBUILT_TABLES))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        _REBUILT_TABLES,
    ).fetchall()
    indexes = [(name, sql) for name, sql in indexes if name not in _KEPT_INDEXES]
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")
    marks = ", ".join("?" * len(_INSERT_TRIGGERS))
    triggers = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", _INSERT_TRIGGERS
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    return Dropped([sql for _name, sql in indexes], [sql for _name, sql in triggers] + summaries.drop_triggers(conn))


class Loader:
    """Writes batches of rows into the tables of `inserts` (table → (columns, one row's VALUES)) and
    counts them; after each batch, the derived tables get what the dropped triggers would have added."""

    def __init__(self, conn: sqlite3.Connection, inserts: dict[str, tuple[str, str]]) -> None:
        self.conn = conn
        self.counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in inserts}
        self._one = {
            table: f"INSERT INTO {table} ({columns}) VALUES ({values})" for table, (columns, values) in inserts.items()
        }
        self._many = {
            table: f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([f"({values})"] * _ROWS_PER_INSERT)
            for table, (columns, values) in inserts.items()
        }
        self._last = self._last_ids()

    def write(self, batch: dict[str, list[tuple[Any, ...]]]) -> None:
        for table, rows in batch.items():
            if not rows:
                continue
            whole = len(rows) - len(rows) % _ROWS_PER_INSERT
            if whole:
                values = list(chain.from_iterable(rows[:whole]))
                step = len(values) // (whole // _ROWS_PER_INSERT)
                self.conn.executemany(self._many[table], (values[i : i + step] for i in range(0, len(values), step)))
            if whole < len(rows):
                self.conn.executemany(self._one[table], rows[whole:])
            self.counts[table] += len(rows)
        for sql in _DERIVE:
            self.conn.execute(sql, self._last)
        self._last = self._last_ids()

    def _last_ids(self) -> dict[str, int]:
        return {
            table: self.conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
            for table in ("sales", "ledger")
        }


def finish_loading(conn: sqlite3.Connection, dropped: Dropped) -> None:
    """The rest of the load, inside its transaction: the indexes, the customer search index and
    the first purchases (read from one of those indexes)."""
    for sql in dropped.indexes:
        conn.execute(sql)
    for table in ("customer_name_fts", "customer_phone_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    columns, select = summaries.EXPECTED["customer_firsts"]
    conn.execute(f"INSERT INTO customer_firsts ({columns}) {select}")


def normal_running(conn: sqlite3.Connection, dropped: Dropped) -> None:
    """The dropped indexes (if the load did not get to them) and triggers back, and the store's own
    PRAGMAs (`db.connect`)."""
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for sql in dropped.indexes:
        if sql.split()[2] not in have:  # "CREATE INDEX name ON …"
            conn.execute(sql)
    for sql in dropped.triggers:
        conn.execute(sql)
    conn.execute("PRAGMA cache_size = -2000")
    conn.execute("PRAGMA ignore_check_constraints = OFF")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def produce(target: Callable[..., None], args: tuple[Any, ...], consume: Callable[[Any], None], *,
            parallel: bool = True) -> None:  # fmt: skip
    """Run `target(*args, emit)` and hand each message it emits to `consume` here, in order.

    With `parallel` the target runs in a child process (so `target` and `args` must pickle, and
    the messages must marshal: tuples, lists, dicts, strings, numbers, None) and each message
    crosses a pipe: the child goes on with the next while `consume` works on the last. An error
    on either side stops both and is raised here."""
    if not parallel:
        target(*args, consume)
        return
    # fork starts at once and shares the loaded modules; elsewhere spawn is the safe choice.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(target, args, sender), name="bulk-simulation", daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            try:
                kind, payload = marshal.loads(receiver.recv_bytes())
            except EOFError:
                raise RuntimeError(f"the bulk simulation stopped unexpectedly (exit code {child.exitcode})") from None
            if kind == _DONE:
                break
            if kind == _FAILED:
                raise RuntimeError(f"the bulk simulation failed:\n{payload}")
            consume(payload)
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join()


def _child(target: Callable[..., None], args: tuple[Any, ...], sender: Connection) -> None:
    """The child process: marshal is a few times faster than pickle for plain rows, on both ends."""
    try:
        target(*args, lambda message: sender.send_bytes(marshal.dumps((_MESSAGE, message))))
        sender.send_bytes(marshal.dumps((_DONE, None)))
    except BrokenPipeError:  # the parent stopped listening: it raises its own error
        pass
    except Exception:
        sender.send_bytes(marshal.dumps((_FAILED, traceback.format_exc())))
    finally:
        sender.close()
