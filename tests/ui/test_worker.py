"""Slow work runs on a worker thread with its own connection, reports progress and can be cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from smallbiz_loyalty.core.errors import NotFound
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.worker import run_in_background
from tests.factories import make_customer


def test_work_runs_on_its_own_connection_and_reports_back(qtbot: QtBot, shop: Shop, db_path: Path) -> None:
    for i in range(3):
        make_customer(shop, f"C{i}")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[int, int]] = []

    def count(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> int:
        assert worker_shop.db.conn is not shop.db.conn
        progress(1, 2, "counting")
        seen.append((1, 2))
        return len(worker_shop.find_customers("c"))

    job = run_in_background(parent, label="Counting…", db_path=db_path, work=count)
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args == [True, 3]
    assert seen == [(1, 2)]


def test_a_known_error_comes_back_as_its_sentence(qtbot: QtBot, shop: Shop, db_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> None:
        raise NotFound("There is no customer number 7.")

    job = run_in_background(parent, label="…", db_path=db_path, work=fail)
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args == [False, "There is no customer number 7."]


def test_cancel_is_seen_by_the_work(qtbot: QtBot, shop: Shop, db_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def wait_for_cancel(worker_shop: Shop, progress: Progress, should_cancel: ShouldCancel) -> None:
        import time

        for _ in range(500):
            if should_cancel():
                raise Cancelled()
            time.sleep(0.01)

    job = run_in_background(parent, label="…", db_path=db_path, work=wait_for_cancel)
    job.cancel()
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args[0] is False
    assert "Cancelled" in blocker.args[1]
