"""Slow work (reports, notes, imports, backups, big figures) off the GUI thread.

The work is a plain function of a `Shop` opened on the same file in the worker
thread (its own SQLite connection; WAL lets readers and the counter go on), a
`progress(done, total, label)` and a `should_cancel()`; the core never sees Qt.
A progress dialog appears only if the work takes longer than half a second."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop

log = logging.getLogger(__name__)
_gc_lock = threading.Lock()
_gc_pauses = [0]


def _pause_gc() -> None:
    with _gc_lock:
        _gc_pauses[0] += 1
        gc.disable()


def _resume_gc() -> None:
    with _gc_lock:
        _gc_pauses[0] -= 1
        if not _gc_pauses[0]:
            gc.enable()


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a worker thread runs Python.

    A collection on one thread while another runs Python may free Qt wrappers
    from the wrong thread: seen as a segfault "Garbage-collecting" in the GUI
    thread while the demo shop was being built on a worker. Reference counting
    still frees everything; the GUI thread collects again once no worker runs."""
    _pause_gc()
    try:
        yield
    finally:
        _resume_gc()


Work = Callable[[Shop, Progress, ShouldCancel], Any]
SHOW_AFTER_MS = 500


class _Runner(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._work = work
        self.cancel_requested = False

    def run(self) -> None:
        try:
            with Shop.open(self._db_path) as shop:
                result = self._work(shop, self.progressed.emit, lambda: self.cancel_requested)
        except LoyaltyError as exc:
            self.failed.emit(exc.message)
        except Exception:  # a bug: log it with its traceback, tell the user plainly
            log.exception("background work failed")
            self.failed.emit(
                self.tr("Something went wrong that should not have. Nothing was changed; please try again.")
            )
        else:
            self.succeeded.emit(result)


class BackgroundJob(QObject):
    """One run of `work`; emits `finished(ok, result_or_message)` on the GUI thread."""

    finished = Signal(bool, object)

    def __init__(self, parent: QWidget, *, label: str, db_path: Path, work: Work, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._runner = _Runner(db_path, work, self)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        # A page with its own progress display asks for no dialog at all.
        self.dialog.setMinimumDuration(SHOW_AFTER_MS if show_dialog else 2**31 - 1)
        # A job whose window goes away mid-run is cancelled and waited for, never
        # destroyed while its thread still runs (which would abort the process).
        self.destroyed.connect(self._runner.wait)
        parent.destroyed.connect(self._stop)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._runner.progressed.connect(self._on_progress)
        self._runner.succeeded.connect(lambda result: self._finish(True, result))
        self._runner.failed.connect(lambda message: self._finish(False, message))

    def start(self) -> BackgroundJob:
        _pause_gc()  # before the thread starts: no window for a collection to begin
        self._gc_paused = True
        self._runner.start()
        return self

    def _release_gc(self) -> None:
        if getattr(self, "_gc_paused", False):
            self._gc_paused = False
            _resume_gc()

    def cancel(self) -> None:
        self._runner.cancel_requested = True

    def _stop(self) -> None:
        self.cancel()
        self._runner.wait()
        self._release_gc()

    def wait(self, ms: int = 30_000) -> bool:
        return self._runner.wait(ms)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if label:
            self.dialog.setLabelText(label)

    def _finish(self, ok: bool, payload: object) -> None:
        self._runner.wait()
        self._release_gc()
        self.dialog.close()
        self.finished.emit(ok, payload)


def run_in_background(
    parent: QWidget, *, label: str, db_path: Path, work: Work, show_dialog: bool = True
) -> BackgroundJob:
    """Start `work` on a worker thread with a delayed progress dialog; connect to `finished`."""
    return BackgroundJob(parent, label=label, db_path=db_path, work=work, show_dialog=show_dialog).start()
