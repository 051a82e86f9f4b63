"""`Para`: the paragraph flowable every document uses, for Arabic and English alike.

It wraps logical text itself (see rtl.py: shape → wrap → reorder each line) instead
of using reportlab's Paragraph, whose line breaking and bidi cannot do Arabic with
Latin words, numbers and parentheses without the unavailable ``rlbidi``. It has no
inline markup: one paragraph is one size, one weight and one colour.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.platypus import Flowable

from smallbiz_loyalty.core.i18n import is_rtl, language
from smallbiz_loyalty.reports.fonts import font_pair
from smallbiz_loyalty.reports.rtl import (
    Align,
    Direction,
    VisualLine,
    draw_visual_line,
    is_text_rtl,
    layout_line,
    resolve_align,
    wrap_lines,
)

# Noto Sans Arabic's letters reach further above and below the baseline than Latin ones.
LEADING = {"ltr": 1.3, "rtl": 1.55}
BASELINE = 0.8  # baseline below the top of a line's ink box, in ems


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks; `align` "start" is right in Arabic, left in English."""

    size: float = 10.0
    bold: bool = False
    color: colors.Color = colors.black
    align: Align = "start"
    leading: float | None = None  # default: LEADING × size for the document's direction
    space_before: float = 0.0
    space_after: float = 0.0

    def but(self, **changes: object) -> TextStyle:
        return replace(self, **changes)

    def line_height(self, lang: str) -> float:
        return self.leading or self.size * LEADING["rtl" if is_rtl(lang) else "ltr"]


class Para(Flowable):
    """Wrapped, shaped, bidi-ordered text. `direction` "auto" lets a name or other value
    take its base direction from its own first letter; alignment follows the document."""

    def __init__(
        self,
        text: str,
        style: TextStyle | None = None,
        *,
        lang: str | None = None,
        direction: Direction | None = None,
        _lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style or TextStyle()
        self.lang = lang or language()
        self.direction = direction
        self.rtl = is_text_rtl(text, self.lang, direction)
        self.spaceBefore = self.style.space_before
        self.spaceAfter = self.style.space_after
        self._fixed_lines = _lines
        self._lines: list[VisualLine] = []
        self._wrapped_for: float | None = None

    def __repr__(self) -> str:
        return f"Para({self.text[:40]!r}, lang={self.lang!r})"

    @property
    def leading(self) -> float:
        return self.style.line_height(self.lang)

    def logical_lines(self, width: float) -> list[str]:
        """The shaped logical lines at `width` (those given when this is a split part)."""
        if self._fixed_lines is not None:
            return self._fixed_lines
        return wrap_lines(self.text, width, font_pair(self.lang, bold=self.style.bold), self.style.size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_for != avail_width:
            fonts = font_pair(self.lang, bold=self.style.bold)
            self._lines = [
                layout_line(line, fonts, self.style.size, rtl=self.rtl) for line in self.logical_lines(avail_width)
            ]
            self._wrapped_for = avail_width
        self.width = avail_width
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def minWidth(self) -> float:
        return max((line.width for line in self._lines), default=0.0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.logical_lines(avail_width)
        fit = int(avail_height // self.leading)
        if fit <= 0 or fit >= len(lines):
            return []  # nothing fits here, or only the spacing does not: the frame moves on
        first = Para(
            self.text, self.style.but(space_after=0), lang=self.lang, direction=self.direction, _lines=lines[:fit]
        )
        rest = Para(
            self.text, self.style.but(space_before=0), lang=self.lang, direction=self.direction, _lines=lines[fit:]
        )
        return [first, rest]

    def draw(self) -> None:
        canv = self.canv
        align = resolve_align(self.style.align, is_rtl(self.lang))
        x = {"left": 0.0, "right": self.width, "center": self.width / 2}[align]
        size = self.style.size
        canv.setFillColor(self.style.color)
        for index, line in enumerate(self._lines):
            top = self.height - index * self.leading
            baseline = top - (self.leading - size) / 2 - BASELINE * size
            draw_visual_line(canv, line, x, baseline, align)
