"""The start-up quick check of a big shop file, run after the window has opened.

Before the window opens, a big file only gets `health.structure_check` (milliseconds);
`BackgroundCheck` then runs the quick check (SQLite's `quick_check` and every check of
ours) on the shop's worker thread while the cashier goes on serving. It starts once the
window has been shown (its first paint comes first) and is cancelled within milliseconds
when the window closes. When it finds something, a `HealthBar` across the top of the
window says so plainly and leads to "Data & safety", where the owner restores the newest
good backup; the bar goes once a backup has been restored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from smallbiz_loyalty.core import health
from smallbiz_loyalty.core.backup import default_backup_folder
from smallbiz_loyalty.core.health import Health
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.main_window import SAFETY_KEY, MainWindow
from smallbiz_loyalty.ui.safety.health_screen import PROBLEMS_SHOWN, shown_with_paths
from smallbiz_loyalty.ui.worker import BackgroundJob, run_in_background

START_DELAY_MS = 1_000  # after the window is first shown: the counter paints and answers first
CHECKED_SHOWN_MS = 8_000
# Colours set in full (text too), so the bar reads the same on a light or a dark desktop.
PROBLEMS_STYLE = "#health_bar { background: #fff4e0; border: 1px solid #e0a030; } QLabel { color: #3d2800; }"
DAMAGED_STYLE = "#health_bar { background: #fdecec; border: 1px solid #b00020; } QLabel { color: #5c0010; }"


class HealthBar(QFrame):
    """What the background check found, across the window, with the way to a backup."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.setObjectName("health_bar")
        self.icon_label = QLabel()
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.message_label = QLabel()
        self.advice_label = QLabel()
        for label in (self.title_label, self.message_label, self.advice_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore a backup… ({key})").format(key=SAFETY_KEY))
        self.hide_button = QPushButton(self.tr("Hide"))
        for button in (self.restore_button, self.hide_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not take the search box's focus
            button.setMinimumHeight(36)
        self.restore_button.clicked.connect(self.open_backups)
        self.hide_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        for label in (self.title_label, self.message_label, self.advice_label):
            texts.addWidget(label)
        buttons = QVBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(14)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addLayout(buttons)
        self.hide()

    def show_health(self, checked: Health) -> None:
        """Show what the check of the shop's file found (`checked` is not ok)."""
        if checked.damaged:
            title = self.tr("The check found damage in the shop's data file")
        else:
            title = self.tr("The check found problems in the shop's data")
        self._show(checked.damaged, title, self._shown(checked.message, checked.path))
        self.message_label.setToolTip("\n".join(p.message for p in checked.problems[:PROBLEMS_SHOWN]))

    def show_failure(self, message: str, path: Path) -> None:
        """The check itself could not run to the end (e.g. the file cannot be opened a second time)."""
        self._show(True, self.tr("The shop's data could not be checked"), self._shown(message, path))
        self.message_label.setToolTip("")

    def _show(self, damaged: bool, title: str, message: str) -> None:
        kind = QStyle.StandardPixmap.SP_MessageBoxCritical if damaged else QStyle.StandardPixmap.SP_MessageBoxWarning
        self.icon_label.setPixmap(self.style().standardIcon(kind).pixmap(32, 32))
        self.setStyleSheet(DAMAGED_STYLE if damaged else PROBLEMS_STYLE)
        self.title_label.setText(title)
        self.message_label.setText(message)
        self.advice_label.setText(
            self.tr(
                "You can keep serving customers. The owner can restore the newest good backup in Data & safety "
                "({key}); sales recorded after that backup are not in it."
            ).format(key=SAFETY_KEY)
        )
        self.show()

    @staticmethod
    def _shown(text: str, path: Path) -> str:
        return shown_with_paths(text, files=[path], folders=[path.parent, default_backup_folder(path)])

    def open_backups(self) -> QWidget:
        """ "Data & safety" on its backups, where the owner restores one."""
        from smallbiz_loyalty.ui.safety.dialog import BACKUPS, DataSafetyDialog  # as the window does

        dialog = self.main_window.open_safety()
        if isinstance(dialog, DataSafetyDialog):
            dialog.tabs.setCurrentIndex(BACKUPS)
        return dialog


class BackgroundCheck(QObject):
    """The quick check of `window`'s shop file off the GUI thread, once the window is shown.

    Emits `finished(Health | None)` when it has run to the end (None: it could not run),
    never when the window closed first; `bar` shows anything found."""

    finished = Signal(object)

    def __init__(self, window: MainWindow, *, delay_ms: int = START_DELAY_MS) -> None:
        super().__init__(window)
        assert window.shop.path is not None, "an in-memory shop has no file to check"
        self.window = window
        self.path = window.shop.path
        self.delay_ms = delay_ms
        self.job: BackgroundJob | None = None
        self.result: Health | None = None
        self.stopped = False  # the window is closing: whatever comes back is not news
        self.superseded = False  # a backup was restored meanwhile: the finding was about the file it replaced
        self.bar = HealthBar(window)
        window.add_notice(self.bar)
        window.closing.connect(self._stop)
        window.restored.connect(self._on_restored)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            QTimer.singleShot(self.delay_ms, self, self.start)
        return False

    def start(self) -> BackgroundJob | None:
        """Start the check now (it starts by itself once the window has been shown)."""
        if self.job is not None or self.stopped or not self.window.isVisible():
            return self.job  # a screenshot's window is gone again before the check would start
        path = self.path

        def work(_shop: Shop, _progress: Progress, should_cancel: ShouldCancel) -> Health:
            return health.inspect_file(path, should_cancel=should_cancel)

        self.window.statusBar().showMessage(self._checking_text())
        self.job = run_in_background(
            self.window, label=self._checking_text(), db_path=path, work=work, show_dialog=False
        )
        self.job.finished.connect(self._on_finished)
        return self.job

    def _checking_text(self) -> str:
        return self.tr("Checking the shop's data in the background…")

    def _stop(self) -> None:
        self.stopped = True
        if self.job is not None:
            self.job.cancel()

    def _on_restored(self) -> None:
        """A restored backup was checked in full before it replaced the file: nothing to tell any more."""
        self.bar.hide()
        if self.job is not None and self.result is None:
            self.superseded = True
            self.job.cancel()

    def _on_finished(self, ok: bool, payload: object) -> None:
        if self.stopped:
            return
        status = self.window.statusBar()
        ours = status.currentMessage() in ("", self._checking_text())  # never over another message
        if ours:
            status.clearMessage()
        if self.superseded:
            pass
        elif ok and isinstance(payload, Health):
            self.result = payload
            if not payload.ok:
                self.bar.show_health(payload)
            elif ours:
                status.showMessage(self.tr("The shop's data was checked: no problems found."), CHECKED_SHOWN_MS)
        else:
            self.bar.show_failure(str(payload), self.path)
        self.finished.emit(self.result)
