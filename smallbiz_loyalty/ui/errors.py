"""The one place that turns a problem into words for the user.

Known problems (`LoyaltyError`) are shown with their message as it is; anything
else is a bug: it is logged with its traceback and the user is told plainly."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from smallbiz_loyalty.core.errors import LoyaltyError

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """What to tell the user about `exc`."""
    if isinstance(exc, LoyaltyError):
        return exc.message
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "Errors", "Something went wrong that should not have. Nothing was changed; please try again."
    )


def open_failed_text(path: Path, exc: LoyaltyError) -> str:
    """The message shown when the shop's database cannot be opened."""
    return QCoreApplication.translate("Errors", "The shop could not be opened from {path}.\n{reason}").format(
        path=str(path), reason=error_text(exc)
    )


def show_error(parent: QWidget | None, message: str) -> None:
    """A modal box with `message` (never called from tests: it waits for the user)."""
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Problem"), message)
