"""Arabic text for print: joined letters, right-to-left order, Latin and numbers inside,
mirrored brackets, wrapping. Expected visual strings are worked out by hand: a visual
string is what is drawn from left to right, so an Arabic word appears reversed."""

from __future__ import annotations

import re
import unicodedata

import bidi
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from smallbiz_loyalty.reports.fonts import ARABIC, LATIN, font_pair
from smallbiz_loyalty.reports.rtl import (
    ELLIPSIS,
    fit_text,
    font_runs,
    shape,
    text_width,
    to_visual,
    wrap_lines,
)
from tests.reports.pdftext import unshape


def test_arabic_letters_are_joined_into_their_contextual_forms() -> None:
    # محمد: meem initial, hah medial, meem medial, dal final.
    assert shape("محمد") == "\ufee3\ufea4\ufee4\ufeaa"
    # Latin text is left alone.
    assert shape("Ahmed 85%") == "Ahmed 85%"


def test_lam_alef_becomes_its_ligature_and_allah_inside_a_name_does_not() -> None:
    assert shape("لا") == "\ufefb"
    shaped = shape("عبدالله")
    assert "\ufdf2" not in shaped  # no calligraphic "Allah" glyph inside the name
    assert unshape(shaped) == "عبدالله"


def test_harakat_are_dropped_because_they_cannot_be_positioned() -> None:
    assert unshape(shape("مُحَمَّد")) == "محمد"


@pytest.mark.parametrize(
    ("logical", "visual"),
    [
        # A Latin name in parentheses inside Arabic: the name reads left to right, the
        # brackets are mirrored so they open towards the name.
        ("قال (Ahmed Ali) اليوم", "مويلا (Ahmed Ali) لاق"),
        # "85%" inside Arabic shows as "%85" (bidi rule W2): what Arabic readers expect.
        ("خصم 85% اليوم", "مويلا %85 مصخ"),
        # Brackets around Arabic: the glyph on the right of ذهبية is the opening one.
        ("بطاقة (ذهبية)", "(ةيبهذ) ةقاطب"),
        # Numbers keep their own order.
        ("بعد 10 طوابع أو 500 نقطة", "ةطقن 500 وأ عباوط 10 دعب"),
        # Rule N0 (paired brackets), which python-bidi's pure-Python algorithm skips:
        # without it the result would be "انه (Ahmed (Ali مسا".
        ("اسم Ahmed (Ali) هنا", "انه Ahmed (Ali) مسا"),
    ],
)
def test_arabic_lines_come_out_in_visual_order(logical: str, visual: str) -> None:
    assert to_visual(logical, True) == visual


def test_an_arabic_name_inside_an_english_line_is_reversed_in_place() -> None:
    assert to_visual("Card for محمد (VIP) today", False) == "Card for دمحم (VIP) today"
    assert to_visual("Plain English (no change)", False) == "Plain English (no change)"


def test_direction_marks_from_babel_are_not_drawn() -> None:
    assert "\u200f" not in to_visual("15\u200f/10\u200f/2026", True)


CORPUS = [
    "قال أحمد (Ahmed Ali) إن 85% من العملاء عادوا في أكتوبر 2026.",
    "اسم Ahmed (Ali) هنا، والخصم (10%) اليوم فقط.",
    "رقم البطاقة ABCD2345 [نسخة 2] {تجربة}",
    "Sarah (سارة) bought 3 coffees (٣ قهوة) today.",
    "−5% (Sep)",
]


@pytest.mark.parametrize("text", CORPUS)
@pytest.mark.parametrize("rtl", [True, False])
def test_order_agrees_with_python_bidis_full_rust_implementation(text: str, rtl: bool) -> None:
    # The Rust implementation has rule N0 but never mirrors; compare with brackets blanked.
    def blank(s: str) -> str:
        return re.sub(r"[()\[\]{}]", "|", s)

    assert blank(to_visual(text, rtl)) == blank(bidi.get_display(text, base_dir="R" if rtl else "L"))


def test_latin_letters_in_arabic_text_are_drawn_in_the_latin_font_and_digits_in_the_arabic_one() -> None:
    runs = font_runs(shape("اسم Ahmed 85%"), font_pair("ar"))
    assert runs == (
        (ARABIC, "\ufe8d\ufeb3\ufee2 "),
        (LATIN, "Ahmed "),
        (ARABIC, "85"),
        (LATIN, "%"),  # Noto Sans Arabic has no percent sign
    )


def test_a_character_neither_font_has_is_drawn_as_its_plain_stand_in() -> None:
    # U+2212 MINUS SIGN is in neither Noto file; a hyphen-minus takes its place.
    assert font_runs("\u22125", font_pair("en")) == ((LATIN, "-5"),)


SENTENCE = (
    "قال أحمد (Ahmed Ali) إن 85% من العملاء عادوا في أكتوبر 2026، وإن بطاقة الولاء رقم ABCD2345 "
    "تمنح مكافأة بعد 10 طوابع (أو 500 نقطة)."
)


def test_wrapping_keeps_every_line_within_the_width_and_loses_no_word() -> None:
    fonts = font_pair("ar")
    lines = wrap_lines(SENTENCE, 150, fonts, 10)
    assert len(lines) >= 4
    assert all(text_width(line, fonts, 10) <= 150 for line in lines)
    # Still logical order here, so plain NFKC turns the joined forms back into letters.
    assert unicodedata.normalize("NFKC", " ".join(lines)) == SENTENCE


def test_wrapping_keeps_hard_line_breaks_and_blank_lines() -> None:
    lines = wrap_lines("Dear Sara,\n\nThank you.", 500, font_pair("en"), 10)
    assert lines == ["Dear Sara,", "", "Thank you."]


def test_a_word_longer_than_the_line_is_cut() -> None:
    fonts = font_pair("en")
    lines = wrap_lines("mail: averyveryverylongaddress@example.com", 60, fonts, 10)
    assert all(text_width(line, fonts, 10) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == "mail:averyveryverylongaddress@example.com"


def test_fit_text_shrinks_first_then_cuts_at_the_logical_end() -> None:
    text, size = fit_text("Rose Café", 200, size=12, min_size=7, lang="en")
    assert (text, size) == ("Rose Café", 12)
    width_at_9 = stringWidth("Jean-Baptiste Grenouille", LATIN, 9)
    text, size = fit_text("Jean-Baptiste Grenouille", width_at_9, size=12, min_size=7, lang="en")
    assert text == "Jean-Baptiste Grenouille"
    assert size == 9
    text, size = fit_text("عبدالرحمن بن سليمان بن عبدالعزيز", 60, size=12, min_size=8, lang="ar")
    assert size == 8
    assert text.endswith(ELLIPSIS)
    assert "عبدالرحمن".startswith(text[:4])
