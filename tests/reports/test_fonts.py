"""The shipped fonts: registered once, bold mapped, and every character we print has a glyph."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.reports.fonts import (
    ARABIC,
    ARABIC_BOLD,
    FONT_DIR,
    FONT_FILES,
    LATIN,
    LATIN_BOLD,
    coverage,
    font_pair,
    register_fonts,
)
from smallbiz_loyalty.reports.rtl import font_runs, shape, to_visual

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
# Each letter at the start, middle and end of a word, so every joined form is drawn.
ARABIC_WORDS = " ".join(f"{ch}{ch}{ch} ب{ch}ب" for ch in ARABIC_LETTERS) + " لا لأ لإ لآ ـ"
ASCII = "".join(chr(code) for code in range(0x20, 0x7F))
ARABIC_EXTRAS = "٠١٢٣٤٥٦٧٨٩ ، ؛ ؟ « » … — – • ’ “ ” ° × ÷ ٪ ٫ ٬ د.ك. ر.س."


def test_registering_twice_is_harmless_and_bold_is_mapped() -> None:
    register_fonts()
    register_fonts()
    names = pdfmetrics.getRegisteredFontNames()
    assert {LATIN, LATIN_BOLD, ARABIC, ARABIC_BOLD} <= set(names)
    assert tt2ps(LATIN, 1, 0) == LATIN_BOLD
    assert tt2ps(ARABIC, 1, 0) == ARABIC_BOLD
    assert font_pair("ar", bold=True).primary == ARABIC_BOLD
    assert font_pair("en").names == (LATIN, ARABIC)


def _babel_samples(lang: str) -> str:
    locale = babel_locale(lang)
    return " ".join(
        [
            format_date(date(2026, 10, 15), "long", locale=locale),
            format_date(date(2026, 10, 15), "medium", locale=locale),
            format_percent(0.853, locale=locale),
            format_decimal(-1234.5, locale=locale),
            format_currency(1234.5, "KWD", locale=locale),
            format_currency(-3.25, "USD", locale=locale),
        ]
    )


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("bold", [False, True])
def test_every_character_we_print_has_a_glyph_in_the_font_that_draws_it(lang: str, bold: bool) -> None:
    fonts = font_pair(lang, bold=bold)
    text = " ".join([ARABIC_WORDS, ASCII, ARABIC_EXTRAS, "Zoë Ærøskøbing Café", _babel_samples(lang)])
    missing = set()
    for rtl in (True, False):
        for font, run in font_runs(to_visual(shape(text), rtl), fonts):
            missing |= {f"U+{ord(ch):04X} {ch}" for ch in run if ord(ch) not in coverage(font)}
    assert missing == set()


def test_the_fonts_ship_with_their_licence_and_stay_small() -> None:
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence
    assert "Version 1.1" in licence
    sizes = [(FONT_DIR / name).stat().st_size for name in FONT_FILES.values()]
    assert sum(sizes) < 3_000_000
