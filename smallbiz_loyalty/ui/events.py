"""One signal bus per window: after a user action, whoever made the change
announces which kinds of data changed (see core/changes.py) and every page
refreshes only if it shows one of them (Anki's "operation changes")."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ShopEvents(QObject):
    """`changed` carries a frozenset of kinds: "customers", "sales", "ledger", "settings", "feedback"."""

    changed = Signal(frozenset)
    # The customer the counter is serving now (id), so other pages can follow it.
    customer_selected = Signal(int)

    def announce(self, kinds: frozenset[str] | set[str]) -> None:
        if kinds:
            self.changed.emit(frozenset(kinds))
