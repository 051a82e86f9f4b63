"""Arabic-aware search keys, digit scripts and the free-text rules."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.text import clean_text, search_key, search_words, to_ascii_digits


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("احمد", "أحمد"),  # hamza on alef
        ("اسلام", "إسلام"),  # hamza below
        ("امنه", "آمنة"),  # madda and ta marbuta
        ("مصطفي", "مصطفى"),  # alef maqsura
        ("محمد", "مُحَمَّد"),  # diacritics
        ("محمد", "محـــمد"),  # tatweel
        ("jose", "JOSÉ"),
        ("علي", "علی"),  # Persian yeh
    ],
)
def test_search_keys_fold_what_people_type_differently(typed: str, stored: str) -> None:
    assert search_key(typed) == search_key(stored)


def test_digits_of_every_script_become_ascii() -> None:
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert to_ascii_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert to_ascii_digits("tel ٥٥-12") == "tel 55-12"


def test_search_words_split_on_spaces_and_punctuation() -> None:
    assert search_words("Al-Sayed,  محمد") == ["al", "sayed", "محمد"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("x" * 101, "at most 100 characters"),
        ("Ali\x00", "control characters"),
        ("Ali\u202eila", "direction-control"),
        ("\u2067Ali\u2069", "direction-control"),
        ("Ali\nBaba", "control characters"),
        (12, "must be text"),
    ],
)
def test_clean_text_refuses_with_one_sentence(value: object, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason) as caught:
        clean_text(value, field="name", label="The name", max_length=100, required=True)
    assert caught.value.field == "name"
    assert caught.value.message.count(".") >= 1


def test_clean_text_keeps_emoji_arabic_and_joiners() -> None:
    assert clean_text("  نور 🌙 ‌ها ", field="n", label="N", max_length=50) == "نور 🌙 \u200cها"
