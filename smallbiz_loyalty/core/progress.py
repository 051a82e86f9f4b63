"""Qt-free progress reporting for slow work; the GUI adapts these to a dialog."""

from __future__ import annotations

from collections.abc import Callable

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import _

# progress(done, total, label): called now and then by slow work.
Progress = Callable[[int, int, str], None]
# should_cancel(): polled by slow work; True asks it to stop and change nothing.
ShouldCancel = Callable[[], bool]


class Cancelled(LoyaltyError):
    """The user cancelled slow work; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(_("Cancelled; nothing was changed."))


def no_progress(done: int, total: int, label: str) -> None:
    """The default `Progress`: report nothing."""


def never_cancel() -> bool:
    return False
