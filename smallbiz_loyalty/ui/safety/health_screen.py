"""`HealthScreen`: what the owner sees when the shop's file failed the start-up check.

One plain message (from `core.health`), the problems found, and the way out:
restore the newest good backup (one button), choose another backup file, open
anyway when only our own consistency checks complained (the file itself is
sound, and restoring would lose the day's sales), or quit. A file written by a
newer version only offers quitting: the app must be updated, not the data
rolled back. Restoring runs `health.restore` on a worker thread; `restored`
then carries its result and the start-up opens the shop as usual."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import health
from smallbiz_loyalty.core.backup import default_backup_folder
from smallbiz_loyalty.core.dates import Clock, system_clock
from smallbiz_loyalty.core.health import Health, RestoreResult
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.ui.customers.bidi import ltr, screen_lines
from smallbiz_loyalty.ui.safety.file_task import FileTask

PROBLEMS_SHOWN = 20
W = TypeVar("W", bound=QWidget)
ERROR_STYLE = "color: #b00020;"


def _scaled(widget: W, factor: float, *, bold: bool = False) -> W:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def shown_with_paths(text: str, *, files: Iterable[Path] = (), folders: Iterable[Path] = ()) -> str:
    """A core sentence for a label: each line starts in the screen's direction, and the file
    and folder names in it stay left to right ("/home/…/shop.db", never "home/…/shop.db/")."""
    names = {str(f) for f in files} | {f.name for f in files} | {str(f) for f in folders}
    names.discard("")
    if names:  # one pass, longest first: a folder inside a path already isolated is not isolated again
        alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        # Whole names only: "shop.db" inside "shop.db.replaced-….bak" is left alone.
        pattern = rf"(?<![\w./\\-])(?:{alternatives})(?!\.?[\w/\\-])"
        text = re.sub(pattern, lambda match: ltr(match.group()), text)
    return screen_lines(text.split("\n")) if text else ""


class HealthScreen(QDialog):
    """Emits `restored(RestoreResult)`, `open_anyway_chosen()` or `quit_chosen()`."""

    restored = Signal(object)
    open_anyway_chosen = Signal()
    quit_chosen = Signal()

    def __init__(self, checked: Health, *, clock: Clock = system_clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.health = checked
        self._clock = clock
        self.task: FileTask | None = None
        self.setObjectName("health_screen")
        self.setWindowTitle(self.tr("smallbiz-loyalty — the shop's data needs attention"))
        self.title_label = _scaled(QLabel(self._title()), 1.6, bold=True)
        self.title_label.setWordWrap(True)
        self.message_label = _scaled(QLabel(self.shown(checked.message)), 1.1)
        # The message names the first problem already: a list only when there are more.
        self.problems_list = QListWidget()
        self.problems_list.addItems([p.message for p in checked.problems[:PROBLEMS_SHOWN]])
        self.problems_list.setVisible(len(checked.problems) > 1)
        self.problems_list.setMaximumHeight(120)
        self.advice_label = _scaled(QLabel(self._advice()), 1.2, bold=True)
        self.note_label = QLabel(self._note())
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.hide()
        for label in (self.message_label, self.advice_label, self.note_label, self.status_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addLayout(self._make_title_row())
        for widget in (self.message_label, self.problems_list, self.advice_label, self.note_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(self._make_buttons())
        self.setMinimumWidth(720)
        self.adjustSize()

    def _make_title_row(self) -> QHBoxLayout:
        icon = QLabel()
        style = self.style()
        damaged = self.health.damaged
        kind = QStyle.StandardPixmap.SP_MessageBoxCritical if damaged else QStyle.StandardPixmap.SP_MessageBoxWarning
        icon.setPixmap(style.standardIcon(kind).pixmap(48, 48))
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.title_label, 1)
        return row

    def _title(self) -> str:
        if self.health.status == health.NEWER:
            return self.tr("This shop was saved by a newer version of the app")
        if self.health.damaged:
            return self.tr("The shop's data file is damaged")
        return self.tr("The shop's data needs attention")

    def _note(self) -> str:
        if self.health.status == health.NEWER:
            return self.tr("The file was not changed; it opens again with the newer version.")
        return self.tr(
            "Restoring puts the backup in place of this file, which is kept aside, not deleted. "
            "Sales recorded after the backup was made are not in it."
        )

    def _advice(self) -> str:
        if self.health.status == health.NEWER:
            return self.tr("Install the newest version of smallbiz-loyalty, then open the shop again.")
        return self.shown(self.health.advice)

    def shown(self, text: str) -> str:
        """`text` (from the core) as a label shows it: in the screen's direction, file names left to right."""
        files = [self.health.path] + ([self.health.backup.path] if self.health.backup else [])
        folders = [self.health.path.parent, default_backup_folder(self.health.path)]
        folders += [self.health.backup.path.parent] if self.health.backup else []
        return shown_with_paths(text, files=files, folders=folders)

    def _make_buttons(self) -> QHBoxLayout:
        newer = self.health.status == health.NEWER
        self.restore_button = _scaled(QPushButton(self.tr("&Restore the newest backup")), 1.1, bold=True)
        self.restore_button.setDefault(True)
        self.restore_button.setVisible(not newer)
        self.restore_button.setEnabled(self.health.backup is not None)
        self.choose_button = QPushButton(self.tr("&Choose a backup file…"))
        self.choose_button.setVisible(not newer)
        self.open_button = QPushButton(self.tr("&Open anyway"))
        self.open_button.setToolTip(self.tr("The file itself is sound; only the shop's own checks found problems."))
        self.open_button.setVisible(self.health.status == health.PROBLEMS and not self.health.damaged)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.restore_button.clicked.connect(self.restore_newest)
        self.choose_button.clicked.connect(self._choose_file)
        self.open_button.clicked.connect(self.open_anyway)
        self.quit_button.clicked.connect(self.quit)
        row = QHBoxLayout()
        for button in (self.restore_button, self.choose_button, self.open_button):
            button.setMinimumHeight(44)
            row.addWidget(button)
        self.quit_button.setMinimumHeight(44)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        return row

    # -- actions ------------------------------------------------------------
    def restore_newest(self) -> FileTask | None:
        """Restore the backup the check found (the button's action)."""
        if self.health.backup is None:
            return None
        return self.restore_file(self.health.backup.path)

    def _choose_file(self) -> None:
        folder = self.health.backup.path.parent if self.health.backup else self.health.path.parent
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup to restore"),
            str(folder),
            self.tr("Backups (*.sqlite3 *.db *.bak);;All files (*)"),
        )
        if chosen:
            self.restore_file(Path(chosen))

    def restore_file(self, backup_file: Path) -> FileTask:
        """Put `backup_file` in place of the damaged file on a worker thread (the current file is kept aside)."""
        db_path, now = self.health.path, self._clock()

        def work(progress: Progress, should_cancel: ShouldCancel) -> RestoreResult:
            return health.restore(db_path, backup_file, now=now, progress=progress, should_cancel=should_cancel)

        self._set_busy(True, self.tr("Restoring {name}…").format(name=backup_file.name))
        self.task = FileTask(work, self)
        self.task.progressed.connect(self._on_progress)
        self.task.finished_with.connect(self._on_restore_finished)
        self.task.start()
        return self.task

    def open_anyway(self) -> None:
        self.open_anyway_chosen.emit()

    def quit(self) -> None:
        self.quit_chosen.emit()

    # -- progress -------------------------------------------------------------
    def _set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.restore_button, self.choose_button, self.open_button, self.quit_button):
            button.setEnabled(not busy and (button is not self.restore_button or self.health.backup is not None))
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total else 0)

    def _on_restore_finished(self, ok: bool, payload: object) -> None:
        if self.task is not None:
            self.task.wait()
        if ok:
            assert isinstance(payload, RestoreResult)
            self._set_busy(False, self.shown(payload.message))
            self.restored.emit(payload)
            return
        self._set_busy(False, self.shown(str(payload)))
        self.status_label.setStyleSheet(ERROR_STYLE)

    def reject(self) -> None:
        """Esc or the window's close button quits, like the Quit button (never a half-open shop)."""
        if self.task is not None and self.task.isRunning():
            return  # a restore is under way: it must finish (or fail) first
        self.quit()
