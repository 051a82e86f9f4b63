"""Mixed Arabic and Latin text in labels: names keep their direction, lines follow the screen's.

A label lays out each line in the direction of its first strong letter, so a
line that starts with a Latin name ("Jenna Phillips", "Coffee card: 15 stamps")
would sit on the left of an Arabic screen. `screen_lines` starts every line with
a mark of the screen's direction; `isolate` keeps a name typed by the shop (in
either script) from reordering the sentence around it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QApplication

LTR_ISOLATE, FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2066", "\u2068", "\u2069"
RLM, LRM = "\u200f", "\u200e"


def isolate(text: str) -> str:
    """`text` laid out in its own direction, as one block inside the sentence around it."""
    return FIRST_STRONG_ISOLATE + text + POP_ISOLATE


def ltr(text: str) -> str:
    """Phone numbers and codes: always left to right ("+965 …", not "… 965+")."""
    return LTR_ISOLATE + text + POP_ISOLATE


def screen_lines(lines: Iterable[str]) -> str:
    """The lines joined for a label, each starting in the screen's direction."""
    mark = RLM if QApplication.isRightToLeft() else ""
    return "\n".join(mark + line for line in lines)
