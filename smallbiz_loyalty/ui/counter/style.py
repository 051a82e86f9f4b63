"""Type sizes and colours of the counter: what matters to the cashier is big and stands out."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

# Phone numbers and codes stay left-to-right inside right-to-left text ("+965 …" not "… 965+").
LTR_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"

GREEN, GREEN_DARK = "#1e7b34", "#145524"
AMBER_BG, AMBER_TEXT = "#fff1c2", "#5c4200"
RED = "#b3261e"
PINK_BG, PINK_TEXT = "#fde2ef", "#8a1150"
PUNCH = "#6b3e26"  # a coffee-brown stamp
MUTED = "#5f6368"

READY_STYLE = f"background: {GREEN}; color: white; border-radius: 8px; padding: 8px 14px;"
GIVE_STYLE = (
    f"background: {AMBER_BG}; color: {AMBER_TEXT}; border: 2px solid #e0b100; border-radius: 8px; padding: 8px 14px;"
)
ERROR_STYLE = f"color: {RED};"
BADGE_STYLE = f"background: {PINK_BG}; color: {PINK_TEXT}; border-radius: 10px; padding: 3px 10px;"
MUTED_STYLE = f"color: {MUTED};"


def ltr(text: str) -> str:
    """`text` kept left-to-right wherever it is shown."""
    return f"{LTR_ISOLATE}{text}{POP_ISOLATE}" if text else ""


def isolate(text: str) -> str:
    """`text` (a name, a reward) set in its own direction inside a sentence of the other script."""
    return f"\u2068{text}\u2069" if text else ""


def enlarge(widget: QWidget, factor: float, *, bold: bool = False) -> QWidget:
    """Make `widget`'s type `factor` times the application's size."""
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget
