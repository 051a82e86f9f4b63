"""Arabic-aware search keys, digit scripts and the free-text rules."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.text import clean_text, search_key, search_words, shown, shown_path, to_ascii_digits


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


@pytest.mark.parametrize(
    ("typed", "echoed"),
    [
        ("12,5O", "12,5O"),  # nothing hidden: echoed as typed
        ("\u202e12", "\ufffd12"),  # a right-to-left override shows as "�", so "12" does not look fine
        ("5001\x002345", "5001\ufffd2345"),  # NUL
        ("\u2066Ali\u2069", "\ufffdAli\ufffd"),  # isolates
        ("Ali\ud800", "Ali\ufffd"),  # a lone surrogate, which stderr could not even encode
        ("Ali\ue000", "Ali\ufffd"),  # private use
        ("  two\nlines\u2028here ", "two lines here"),  # line breaks become spaces, ends trimmed
        ("نور\u200cها 👨\u200d👩", "نور\u200cها 👨\u200d👩"),  # joiners are kept: the text needs them
        (42, "42"),
        (None, "None"),
    ],
)
def test_shown_marks_what_cannot_be_seen(typed: object, echoed: str) -> None:
    assert shown(typed) == echoed


def test_shown_cuts_a_long_value_with_an_ellipsis() -> None:
    assert shown("x" * 1_000_000) == "x" * 39 + "…"  # 40 characters in all
    assert shown("abcdefghijkl", 10) == "abcdefghi…"
    assert shown("abcdefghij", 10) == "abcdefghij"  # exactly the limit: not cut
    assert shown("abcdefghijkl", 10, keep_end=True) == "…defghijkl"


def test_shown_survives_an_int_python_will_not_write_out() -> None:
    assert shown(10**5000) == "…"  # str() refuses ints of more than 4300 digits
    assert shown(2**63) == "9223372036854775808"


def test_a_shown_path_keeps_its_end_the_file_name() -> None:
    assert shown_path("/home/huda/exports/customers.csv") == "/home/huda/exports/customers.csv"
    long = "/tmp/" + "x" * 5000 + "/customers\x00.csv"
    assert shown_path(long) == "…" + "x" * 184 + "/customers\ufffd.csv"  # 200 characters
