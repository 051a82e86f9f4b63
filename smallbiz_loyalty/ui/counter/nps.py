"""Asking "How likely are you to recommend us to a friend?" (NPS, 0–10).

`NpsStrip` is the optional step after a sale at the counter: eleven big
buttons; on the keyboard 0 and 2–9 answer at once, 1 waits a moment for a 0
(1 then 0 is ten; Enter after 1 is one), Esc skips. `NpsKioskWindow` is the
customer-facing full-screen version for a second screen or a tablet: a big
question, eleven large buttons, a thank-you, then it resets by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smallbiz_loyalty.core.text import to_ascii_digits
from smallbiz_loyalty.ui.counter.style import MUTED_STYLE, enlarge

SCORES = range(11)


def _colour(score: int) -> str:
    """Detractors red, passives amber, promoters green: the customer sees the scale at a glance."""
    return "#c62828" if score <= 6 else "#f9a825" if score <= 8 else "#2e7d32"


def score_buttons(parent: QWidget, factor: float, height: int) -> list[QPushButton]:
    buttons = []
    for score in SCORES:
        button = QPushButton(str(score), parent)
        enlarge(button, factor, bold=True)
        button.setMinimumHeight(height)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setStyleSheet(
            f"QPushButton {{ background: {_colour(score)}; color: white; border-radius: 8px; }}"
            "QPushButton:pressed { background: #333; }"
        )
        buttons.append(button)
    return buttons


class NpsStrip(QFrame):
    """Emits `scored(score)` or `skipped()`."""

    scored = Signal(int)
    skipped = Signal()

    ONE_OR_TEN_MS = 700  # after "1", how long to wait for a "0" that makes it ten

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        question = QLabel(self.tr("How likely are you to recommend us to a friend?"))
        question.setWordWrap(True)
        enlarge(question, 1.3, bold=True)
        hint = QLabel(self.tr("Keys 0–9 (1 then 0 for 10) · Esc skips"))
        hint.setStyleSheet(MUTED_STYLE)
        self.buttons = score_buttons(self, 1.4, 44)
        row = QHBoxLayout()
        row.setSpacing(4)
        for score, button in enumerate(self.buttons):
            button.clicked.connect(lambda _checked=False, s=score: self._answer(s))
            row.addWidget(button)
        skip = QPushButton(self.tr("Skip (Esc)"))
        skip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        skip.clicked.connect(self._skip)
        top = QHBoxLayout()
        top.addWidget(question, 1)
        top.addWidget(skip)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(hint)
        self._one = QTimer(self)
        self._one.setSingleShot(True)
        self._one.setInterval(self.ONE_OR_TEN_MS)
        self._one.timeout.connect(lambda: self._answer(1))

    def ask(self) -> None:
        self._one.stop()
        self.show()
        self.setFocus()

    def _answer(self, score: int) -> None:
        self._one.stop()
        self.hide()
        self.scored.emit(score)

    def _skip(self) -> None:
        self._one.stop()
        self.hide()
        self.skipped.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = to_ascii_digits(event.text())
        if event.key() == Qt.Key.Key_Escape:
            self._skip()
        elif self._one.isActive() and (text == "0" or event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._answer(10 if text == "0" else 1)
        elif text == "1":
            self._one.start()
        elif len(text) == 1 and text.isdigit():
            self._answer(int(text))
        else:
            super().keyPressEvent(event)


class NpsKioskWindow(QWidget):
    """A top-level window for the customer's screen; emits `answered(score)` for each answer."""

    THANKS_MS = 3000

    answered = Signal(int)

    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("{shop} — your opinion").format(shop=shop_name))
        self.setStyleSheet("NpsKioskWindow { background: #fbf7f0; }")
        self.shop_label = QLabel(shop_name)
        enlarge(self.shop_label, 2.0, bold=True)
        self.question = QLabel(self.tr("How likely are you to recommend us to a friend?"))
        self.question.setWordWrap(True)
        enlarge(self.question, 3.2, bold=True)
        self.scale = QLabel(self.tr("0 = not at all likely · 10 = extremely likely"))
        enlarge(self.scale, 1.6)
        self.scale.setStyleSheet(MUTED_STYLE)
        self.thanks = QLabel(self.tr("Thank you! Your answer helps us do better."))
        self.thanks.setWordWrap(True)
        enlarge(self.thanks, 3.2, bold=True)
        self.thanks.setStyleSheet("color: #2e7d32;")
        self.buttons = score_buttons(self, 3.0, 110)
        grid = QGridLayout()
        grid.setSpacing(12)
        for score, button in enumerate(self.buttons):
            button.clicked.connect(lambda _checked=False, s=score: self._answer(s))
            grid.addWidget(button, 0, score)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        for label in (self.shop_label, self.question, self.scale, self.thanks):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.shop_label)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addSpacing(24)
        layout.addLayout(grid)
        layout.addWidget(self.scale)
        layout.addWidget(self.thanks)
        layout.addStretch(1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._reset_timer = QTimer(self)
        self._reset_timer.setSingleShot(True)
        self._reset_timer.setInterval(self.THANKS_MS)
        self._reset_timer.timeout.connect(self.reset)
        self.reset()

    def reset(self) -> None:
        """Back to the question, ready for the next customer."""
        self._reset_timer.stop()
        self.thanks.hide()
        for widget in (self.question, self.scale, *self.buttons):
            widget.show()

    def showing_thanks(self) -> bool:
        return self.thanks.isVisibleTo(self)

    def _answer(self, score: int) -> None:
        if self.showing_thanks():
            return  # a second tap during the thank-you is not a second answer
        self.answered.emit(score)
        for widget in (self.question, self.scale, *self.buttons):
            widget.hide()
        self.thanks.show()
        self._reset_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
