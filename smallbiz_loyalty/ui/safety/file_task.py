"""Slow work on the shop's *file* rather than on an open shop, off the GUI thread.

`ui/worker.py` opens a `Shop` in its thread, which a damaged file cannot give:
restoring over it, or checking it, works on the path alone. Same contract as
the worker: a plain function of `progress` and `should_cancel`, a
`finished(ok, result_or_message)` signal on the GUI thread, known problems as
their sentence and anything else logged and told plainly."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.progress import Progress, ShouldCancel

log = logging.getLogger(__name__)
FileWork = Callable[[Progress, ShouldCancel], Any]


class FileTask(QThread):
    """One run of `work`; connect to `finished` (and `progressed`) before `start()`."""

    progressed = Signal(int, int, str)
    finished_with = Signal(bool, object)

    def __init__(self, work: FileWork, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_requested = False
        # A task whose owner goes away mid-run is waited for, never destroyed while running.
        if parent is not None:
            parent.destroyed.connect(self.wait)

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, lambda: self.cancel_requested)
        except LoyaltyError as exc:
            self.finished_with.emit(False, exc.message)
        except Exception:  # a bug: log it with its traceback, tell the user plainly
            log.exception("file task failed")
            self.finished_with.emit(
                False, self.tr("Something went wrong that should not have. Nothing was changed; please try again.")
            )
        else:
            self.finished_with.emit(True, result)

    def cancel(self) -> None:
        self.cancel_requested = True
