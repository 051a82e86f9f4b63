"""`IdleLock`: the window locks itself after `idle_lock_minutes` without a key or a click.

An application-wide event filter restarts a single-shot timer on every key,
click, wheel or touch; when it runs out the main window is covered by a
`LockScreen` (the pages hidden, so neither their data nor their shortcuts are
reachable) and open dialogs are closed. Unlocking with another staff member's
PIN switches who is signed in. Nothing locks while no owner has a PIN (there
would be no PIN to unlock with) or when the setting is 0. Tests pass a tiny
`timeout_ms` instead of waiting minutes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.safety.sign_in import LockScreen

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
MINUTE_MS = 60_000


class IdleLock(QObject):
    """Locks `window` when nobody used it for a while; emits `locked()` and `unlocked(Staff)`."""

    locked = Signal()
    unlocked = Signal(object)

    def __init__(self, window: MainWindow, *, timeout_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._fixed_ms = timeout_ms
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_idle)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.events.changed.connect(self._on_changed)
        window.restored.connect(self._on_restored)
        self.rearm()

    def timeout_ms(self) -> int:
        """How long without use before locking; 0 = never."""
        if self._fixed_ms is not None:
            return self._fixed_ms
        return int(self.window.shop.settings.get("idle_lock_minutes", 0) or 0) * MINUTE_MS

    def enabled(self) -> bool:
        try:
            return self.timeout_ms() > 0 and self.window.shop.sign_in_required()
        except LoyaltyError:  # the store is being replaced; the next change re-arms
            return False

    def is_locked(self) -> bool:
        return self.screen is not None

    def rearm(self) -> None:
        """Start counting again from now (or stop, when locking is off)."""
        if self.is_locked():
            return
        if self.enabled():
            self.timer.start(self.timeout_ms())
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()  # restarts with the same interval
        return False

    def _on_idle(self) -> None:
        if not self.enabled():
            return
        minutes = max(self.timeout_ms() // MINUTE_MS, 1)
        self.lock(self.tr("Locked after {minutes} min without use. Enter a PIN to go on.").format(minutes=minutes))

    def lock(self, reason: str = "") -> LockScreen:
        """Cover the window now, whatever the timer says."""
        if self.screen is not None:
            return self.screen
        self.timer.stop()
        self._close_dialogs()
        self.screen = LockScreen(self.window.shop, reason or self.tr("Enter a PIN to go on."))
        self.screen.unlocked.connect(self._on_unlocked)
        self.window.set_cover(self.screen)
        self.locked.emit()
        return self.screen

    def _close_dialogs(self) -> None:
        """Dialogs show customers' data too; a progress dialog only shows work under way."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and not isinstance(widget, QProgressDialog):
                widget.reject()

    def _on_unlocked(self, member: object) -> None:
        screen, self.screen = self.screen, None
        self.window.set_cover(None)
        if screen is not None:
            screen.deleteLater()
        self.window.refresh_staff()
        self.rearm()
        self.unlocked.emit(member)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if SETTINGS in kinds:
            self.rearm()

    def _on_restored(self, _result: object) -> None:
        """A restored file may have other staff and PINs: whoever goes on signs in again."""
        try:
            required = self.window.shop.sign_in_required()
        except LoyaltyError:
            required = False
        if required:
            self.lock(self.tr("A backup was restored. Sign in again to go on."))
