"""`ResultView`: what the last action did, in big type ("+1 stamp — 7/10", "Give: Free coffee")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from smallbiz_loyalty.ui.counter.style import GIVE_STYLE, GREEN_DARK, MUTED_STYLE, enlarge


class ResultView(QFrame):
    """A headline (what to give, in an amber box), then the lines of the result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.give_label = QLabel()
        self.give_label.setWordWrap(True)
        self.give_label.setStyleSheet(GIVE_STYLE)
        enlarge(self.give_label, 2.4, bold=True)
        self.lines_label = QLabel()
        self.lines_label.setWordWrap(True)
        enlarge(self.lines_label, 1.9, bold=True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(MUTED_STYLE)
        enlarge(self.note_label, 1.1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.give_label)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.note_label)
        self.clear()

    def show_result(self, lines: Sequence[str], *, give: str = "", note: str = "", undo: bool = False) -> None:
        """Show `give` as the headline (if any), then `lines`, then a small `note`."""
        self.give_label.setText(give)
        self.give_label.setVisible(bool(give))
        self.lines_label.setText("\n".join(line for line in lines if line))
        self.lines_label.setStyleSheet(MUTED_STYLE if undo else f"color: {GREEN_DARK};")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def text(self) -> str:
        """Everything shown, one line each (for tests and screen readers)."""
        shown = [label.text() for label in (self.give_label, self.lines_label, self.note_label) if label.text()]
        return "\n".join(shown)

    def clear(self) -> None:
        self.show_result(())
