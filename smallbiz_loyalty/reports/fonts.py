"""The fonts every printed document uses, registered with reportlab once.

Two Noto families ship in ``resources/fonts`` (OFL, see OFL.txt there): Noto Sans
for Latin text and Noto Sans Arabic for Arabic. Neither covers the other's script
(Noto Sans Arabic has digits and Arabic presentation forms but no Latin letters
and no "%"), so text is drawn in runs: each character in the document language's
*primary* font when that font has it, otherwise in the *fallback*. `rtl.py`
does the splitting; this module only says which font is which.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smallbiz_loyalty.core.i18n import is_rtl

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

LATIN = "SBL-Sans"
LATIN_BOLD = "SBL-Sans-Bold"
ARABIC = "SBL-Arabic"
ARABIC_BOLD = "SBL-Arabic-Bold"

# reportlab font name → file in FONT_DIR
FONT_FILES = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
}
FAMILIES = {LATIN: LATIN_BOLD, ARABIC: ARABIC_BOLD}  # regular → bold


@dataclass(frozen=True)
class FontPair:
    """The font a document's language prefers, and the one that fills its gaps."""

    primary: str
    fallback: str

    @property
    def names(self) -> tuple[str, str]:
        return (self.primary, self.fallback)


@cache
def register_fonts() -> None:
    """Register the shipped fonts and their bold mapping (safe to call often)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    for regular, bold in FAMILIES.items():
        # So <b> in any reportlab markup and Table FONTNAME lookups find the bold face.
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
        pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)


def font_pair(lang: str, *, bold: bool = False) -> FontPair:
    """Arabic documents draw digits and punctuation in the Arabic face; English ones in the Latin face."""
    register_fonts()
    arabic, latin = (ARABIC_BOLD, LATIN_BOLD) if bold else (ARABIC, LATIN)
    return FontPair(arabic, latin) if is_rtl(lang) else FontPair(latin, arabic)


@cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points `font_name` has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in coverage(font_name)
