"""`Page`: the base of every screen in the main window's stack."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.events import ShopEvents


class Page(QWidget):
    """A screen. Subclasses set `KINDS` (the data kinds they show) and implement
    `refresh()`; a refresh asked for while the page is hidden waits until it is shown."""

    KINDS: frozenset[str] = frozenset()

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.events = events
        self._stale = False
        events.changed.connect(self._on_changed)

    def refresh(self) -> None:
        """Reload what the page shows from the shop."""

    def focus_first(self) -> None:
        """Put the keyboard focus where work on this page starts."""
        self.setFocus()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if not kinds & self.KINDS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._stale = False
            self.refresh()
