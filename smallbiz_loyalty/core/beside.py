"""One read-only piece of slow work run beside the caller's own: on a second connection to
the same file (WAL lets readers run together), on its own thread, so a 2-core PC gathers a
report's figures with both cores. SQLite releases the GIL while a statement runs.

    with Beside(shop.path, lambda db: report_data.reached_reward(db, start, end)) as rewards:
        ...  # other queries on shop.db
        found = rewards.result()

Each connection reads its own snapshot: a sale recorded between the two first reads can be in
one and not the other, which a report of a month does not notice. A shop without a file (in
memory) runs the work in the caller's thread when the result is asked for."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Generic, TypeVar

from sqlite_utils import Database

from smallbiz_loyalty.core.db import connect

T = TypeVar("T")


class Beside(Generic[T]):
    def __init__(self, path: Path | None, work: Callable[[Database], T], *, fallback: Database | None = None) -> None:
        self._path, self._work, self._fallback = path, work, fallback
        self._db: Database | None = None
        self._thread: threading.Thread | None = None
        self._value: T | None = None
        self._error: BaseException | None = None
        self._done = False

    def __enter__(self) -> Beside[T]:
        if self._path is not None:
            self._db = connect(self._path)
            self._thread = threading.Thread(target=self._run, name="beside", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        assert self._db is not None
        try:
            self._value = self._work(self._db)
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc
        self._done = True

    def result(self) -> T:
        """The work's result (waiting for it), or its exception raised here."""
        if self._thread is None:
            if not self._done:
                if self._fallback is None:
                    raise ValueError("a shop without a file needs its own connection as the fallback")
                self._value, self._done = self._work(self._fallback), True
        else:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._thread is not None:
            assert self._db is not None
            # Still running: the caller gave up (cancelled or failed). Stop the statement; again
            # until it stops, as an interrupt before a statement has begun is not kept.
            while self._thread.is_alive():
                self._db.conn.interrupt()
                self._thread.join(timeout=0.05)
        if self._db is not None:
            self._db.close()
