"""The short crash-safety run: a busy shop killed with SIGKILL 20 times, checked after each.

The long run is ``python tools/crash_harness.py --kills 200`` (a few minutes)."""

from __future__ import annotations

import importlib.util
import signal
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "tools" / "crash_harness.py"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("crash_harness", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_twenty_kills_in_a_row_leave_a_sound_file_with_every_acknowledged_action(tmp_path: Path) -> None:
    harness = _harness()
    report = harness.run_harness(20, seed=11, workdir=tmp_path, max_delay=0.3)
    assert report.failures == []
    assert report.kills == 20
    assert report.actions > 50  # the child really was busy between kills


def test_the_checker_notices_a_lost_sale_and_a_sale_nobody_started(tmp_path: Path) -> None:
    harness = _harness()
    db_path, backups = tmp_path / "shop.db", tmp_path / "backups"
    backups.mkdir()
    harness.build_store(db_path, seed=2, customers=5)
    log = harness.Log.parse(
        "READY 1\nSTART sale crash-r1-0\nDONE sale crash-r1-0 999\nSTART sale crash-r1-1\nDONE sale crash-r1-1 10"
    )  # the last line was cut off by the kill: crash-r1-1 is started, not acknowledged
    assert log.done_keys["sale"] == {"crash-r1-0"} and log.started == {"crash-r1-0", "crash-r1-1"}
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO sales (key, kind, amount, business_date, created_at) VALUES"
        " ('crash-r1-1', 'sale', 100, '2026-10-15', 'x'), ('crash-r1-7', 'sale', 100, '2026-10-15', 'x')"
    )
    conn.commit()
    conn.close()
    assert harness.verify_store(db_path, backups, log) == [
        "DONE sale crash-r1-0 is missing",
        "sale crash-r1-7 is there but was never started",
    ]
