"""Reading customer lists exported by Square, Loyverse, Shopify and by ourselves.

Each fixture in tests/data/import is a small file shaped like the real export;
the line numbers asserted below are the physical lines of those files (the
header is line 1; a quoted cell with a line break makes its record two lines).
"""

import csv
import dataclasses
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smallbiz_loyalty.core import csv_formats
from smallbiz_loyalty.core.csv_formats import (
    FORMATS,
    ImportRow,
    RowProblem,
    detect_format,
    read_customer_csv,
)
from smallbiz_loyalty.core.errors import InvalidInput

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "import"


def read_fixture(name: str, fmt: str = "auto") -> csv_formats.ParsedFile:
    return read_customer_csv((FIXTURES / name).read_bytes(), fmt)


def row(line: int, **fields: str) -> ImportRow:
    """An ImportRow with every field not given left empty."""
    values = {f.name: "" for f in dataclasses.fields(ImportRow) if f.name != "line"}
    values.update(fields)
    return ImportRow(line=line, **values)


# --- Square ---------------------------------------------------------------------------------------------------------


def test_square_export_is_detected_and_mapped():
    parsed = read_fixture("square.csv")

    assert parsed.format == "square"
    assert parsed.problems == []
    assert parsed.rows[0] == row(
        2,
        name="Sara Haddad",
        phone="+96599887766",  # the export's leading apostrophe (a spreadsheet text guard) is dropped
        email="sara.haddad@example.com",
        birthday="1990-05-17",
        notes="Prefers oat milk",
        external_id="ZX3K8Q2M5V1B7",
        consent_marketing="subscribed",
        created_at="2023-04-02",
    )


def test_square_memo_with_a_line_break_and_a_comma_keeps_later_line_numbers_right():
    rows = read_fixture("square.csv").rows

    assert rows[1].line == 3
    assert rows[1].notes == "Allergic to nuts,\nask before baking"
    assert rows[1].name == "Tom O'Neil"
    assert rows[2].line == 5  # Tom's record took lines 3 and 4


def test_square_arabic_name_and_eastern_arabic_digits_pass_through_unchanged():
    mohammed = read_fixture("square.csv").rows[2]

    assert mohammed.name == "محمد العتيبي"
    assert mohammed.phone == "+965 ٩٩٨٨ ٧٧٦٦"
    assert mohammed.birthday == "0000-03-09"


def test_square_customer_without_a_name_is_named_after_the_company():
    cafe = read_fixture("square.csv").rows[3]

    assert cafe.name == "Blue Door Café"
    assert cafe.external_id == "M3N4B5V6C7X8Z"  # Square's own id wins over the merchant's Reference ID


def test_square_broken_rows_are_reported_by_line_while_good_rows_come_through():
    parsed = read_fixture("square_broken.csv")

    assert [r.line for r in parsed.rows] == [2, 5, 8]  # line 7 is a row of empty cells: skipped silently
    assert parsed.problems == [
        RowProblem(3, "Line 3 has 8 cells but the header has 23."),
        RowProblem(4, "Line 4 has no name, phone or email, so there is no customer to import."),
    ]


# --- Shopify --------------------------------------------------------------------------------------------------------


def test_shopify_export_is_detected_and_mapped():
    parsed = read_fixture("shopify.csv")

    assert parsed.format == "shopify"
    assert parsed.problems == []
    assert parsed.rows[0] == row(
        2,
        name="Noura Al-Sabah",
        phone="+96566554433",
        email="noura@example.com",
        notes="Gift wrap every order",
        external_id="8779761975521",
        consent_marketing="yes",
    )


def test_shopify_without_a_customer_phone_uses_the_default_address_phone():
    james = read_fixture("shopify.csv").rows[1]

    assert james.name == "James"
    assert james.phone == "+447700900123"
    assert james.consent_marketing == "no"


def test_shopify_arabic_name_and_note_pass_through_unchanged():
    fatima = read_fixture("shopify.csv").rows[2]

    assert fatima.name == "فاطمة الزهراني"
    assert fatima.notes == "تفضل التوصيل مساءً"
    assert fatima.email == ""


def test_shopify_broken_rows_are_reported_by_line_while_good_rows_come_through():
    parsed = read_fixture("shopify_broken.csv")

    assert [r.name for r in parsed.rows] == ["Noura Al-Sabah", "فاطمة الزهراني"]
    assert parsed.problems == [
        RowProblem(3, "Line 3 has no name, phone or email, so there is no customer to import."),
        RowProblem(4, "Line 4 has 17 cells but the header has 20."),
    ]


# --- Loyverse -------------------------------------------------------------------------------------------------------


def test_loyverse_export_is_detected_and_mapped_with_eastern_arabic_digits_unchanged():
    parsed = read_fixture("loyverse.csv")

    assert parsed.format == "loyverse"
    assert parsed.problems == []
    assert parsed.rows[0] == row(
        2,
        name="أحمد الكندري",
        phone="٠٥٠١٢٣٤٥٦٧",
        points="١٢٠",
        notes="يحب القهوة العربية",
        external_id="LV-1001",
        created_at="2023-02-14",
    )
    assert parsed.rows[1].points == "35"


def test_loyverse_broken_rows_are_reported_by_line_while_good_rows_come_through():
    parsed = read_fixture("loyverse_broken.csv")

    assert [r.line for r in parsed.rows] == [2, 5]
    assert parsed.problems == [
        RowProblem(3, "Line 3 has no name, phone or email, so there is no customer to import."),
        RowProblem(4, "Line 4 has 5 cells but the header has 15."),
    ]


# --- generic and our own export -------------------------------------------------------------------------------------


def test_our_own_export_reads_back():
    parsed = read_fixture("generic.csv")  # UTF-8 with BOM, as `export customers` writes it

    assert parsed.format == "generic"
    assert parsed.problems == []
    assert parsed.rows[0] == row(
        2,
        name="Sara Haddad",
        phone="+96599887766",
        email="sara.haddad@example.com",
        birthday="1990-05-17",
        points="120",
        stamps="7",
        notes="Prefers oat milk",
        external_id="1",
        card_code="K7QX2M",
        consent_marketing="yes",
        created_at="2024-01-05T09:12:00Z",
    )
    assert parsed.rows[1].name == "عبدالله الرشيد"
    assert parsed.rows[1].notes == 'يسأل عن "العرض", دائماً'
    assert parsed.rows[1].birthday == "--11-02"


def test_rows_written_with_the_export_columns_read_back_field_for_field():
    columns = ["customer_id", "name", "phone", "email", "birthday", "card_code", "created_at"]
    written = [
        {"customer_id": "7", "name": "Huda", "phone": "+96512345678", "email": "", "birthday": "0000-05-17",
         "card_code": "ZZ12AB", "created_at": "2025-01-01T00:00:00Z"},
        {"customer_id": "8", "name": "Ben, Jr.", "phone": "", "email": "ben@example.com", "birthday": "",
         "card_code": "QQ34CD", "created_at": "2025-01-02T00:00:00Z"},
    ]  # fmt: skip
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(written)

    rows = read_customer_csv(out.getvalue().encode("utf-8-sig")).rows

    read_back = [
        {"customer_id": r.external_id, "name": r.name, "phone": r.phone, "email": r.email, "birthday": r.birthday,
         "card_code": r.card_code, "created_at": r.created_at}
        for r in rows
    ]  # fmt: skip
    assert read_back == written


def test_a_card_code_is_not_taken_for_the_other_systems_id():
    rows = read_customer_csv(b"name,card_code\nHuda,ZZ12AB\n").rows

    assert rows == [row(2, name="Huda", card_code="ZZ12AB", external_id="")]


def test_semicolons_bom_and_arabic_headers():
    parsed = read_fixture("generic_semicolon_bom.csv")

    assert parsed.format == "generic"
    assert parsed.rows[0] == row(
        2,
        name="نورة العنزي",
        phone="٠٥٥٥١٢٣٤٥٦",
        email="noura.a@example.com",
        birthday="17/05",
        points="٢٥٠",
        stamps="٤",
        notes="عميلة منذ ٢٠١٩; تحب الورد",  # a quoted semicolon stays inside its cell
    )
    assert parsed.rows[1].name == "Khalid Yousef"


def test_utf16_tab_separated_file_with_first_and_last_name_columns():
    rows = read_fixture("generic_tab_utf16.csv").rows  # what Excel's "Unicode Text" writes

    assert [(r.name, r.phone, r.email) for r in rows] == [
        ("Layla Haddad", "+96170123456", "layla@example.com"),
        ("يوسف الخطيب", "٠٧٩٠٠٠٠٠٠٠", ""),
    ]


def test_generic_broken_rows_are_reported_by_line_while_good_rows_come_through():
    parsed = read_fixture("generic_broken.csv")

    assert [r.name for r in parsed.rows] == ["Sara Haddad", "Omar"]
    assert parsed.rows[1].line == 7  # the blank line 5 is skipped but still counted
    assert parsed.problems == [
        RowProblem(3, "Line 3 has no name, phone or email, so there is no customer to import."),
        RowProblem(4, "Line 4 has 2 cells but the header has 4."),
        RowProblem(6, "Line 6 has 5 cells but the header has 4."),
    ]


def test_cell_values_and_header_names_are_stripped_and_case_folded():
    rows = read_customer_csv(b"  NAME , Phone Number ,E-Mail\n  Huda  ,  +965 1234 5678 ,\thuda@example.com \n").rows

    assert rows == [row(2, name="Huda", phone="+965 1234 5678", email="huda@example.com")]


def test_blank_lines_before_the_header_are_skipped_and_counted():
    rows = read_customer_csv(b"\r\n\r\nname,phone\r\nHuda,+96512345678\r\n").rows

    assert rows == [row(4, name="Huda", phone="+96512345678")]


# --- choosing the format --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Reference ID", "First Name", "Last Name", "Email Address", "Phone Number", "Square Customer ID"], "square"),
        (["First Name", "Last Name", "Email", "Accepts Email Marketing", "Phone", "Total Spent"], "shopify"),
        (["Customer name", "Email", "Phone", "Customer code", "Points balance"], "loyverse"),
        (["customer_id", "name", "phone", "email", "birthday", "card_code", "created_at"], "generic"),
        (["الاسم", "الجوال"], "generic"),
        (["First Name", "Last Name", "Email Address", "Phone Number"], "generic"),  # no Square-only column
    ],
)
def test_detect_format_from_the_header(header, expected):
    assert detect_format(header) == expected


def test_a_header_without_name_phone_or_email_fits_no_format():
    with pytest.raises(InvalidInput, match="no name, phone or email column"):
        detect_format(["SKU", "Price", "Stock"])


def test_an_explicit_format_that_does_not_match_names_the_missing_columns():
    with pytest.raises(InvalidInput) as caught:
        read_fixture("shopify.csv", fmt="square")

    assert caught.value.field == "format"
    assert str(caught.value) == (
        "This file does not match the Square format; these columns are missing: Email Address, Phone Number."
    )


def test_an_explicit_generic_format_still_needs_an_identity_column():
    with pytest.raises(InvalidInput, match="no name, phone or email column"):
        read_customer_csv(b"sku,price\nA1,3\n", fmt="generic")


def test_an_explicit_format_that_matches_is_used_even_without_its_marker_columns():
    parsed = read_customer_csv(b"Customer name,Email,Phone\nHuda,,+96512345678\n", fmt="loyverse")

    assert parsed.format == "loyverse"
    assert parsed.rows == [row(2, name="Huda", phone="+96512345678")]


def test_an_unknown_format_name_is_refused():
    assert "xlsx" not in FORMATS
    with pytest.raises(InvalidInput, match="Unknown file format xlsx"):
        read_customer_csv(b"name\nHuda\n", fmt="xlsx")


# --- files that cannot be read --------------------------------------------------------------------------------------


def test_a_file_in_a_windows_code_page_is_refused_with_a_hint_to_save_as_csv_utf8():
    with pytest.raises(InvalidInput) as caught:
        read_fixture("generic_cp1256.csv")

    assert caught.value.field == "file"
    assert '"CSV UTF-8"' in str(caught.value)


def test_an_empty_file_is_refused():
    for data in (b"", b"\xef\xbb\xbf", b"\r\n\r\n", b",,,\n"):
        with pytest.raises(InvalidInput, match="needs a header row"):
            read_customer_csv(data)


def test_a_file_over_50_mb_is_refused_before_it_is_read():
    with pytest.raises(InvalidInput, match="larger than 50 MB"):
        read_customer_csv(b"name\n" + b"x" * (50 * 1024 * 1024))


def test_a_file_with_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr(csv_formats, "MAX_ROWS", 3)  # the real limit is 200 000; the rule is the same

    assert len(read_customer_csv(b"name\na\nb\nc\n").rows) == 3
    with pytest.raises(InvalidInput, match="more than 3 rows"):
        read_customer_csv(b"name\na\nb\nc\nd\n")


def test_the_row_limit_is_200_000():
    assert csv_formats.MAX_ROWS == 200_000


def test_a_nul_byte_in_a_row_is_a_problem_not_a_crash():
    parsed = read_customer_csv(b"name,phone\nHu\x00da,+96512345678\nOmar,+96550001111\n")

    assert parsed.problems == [RowProblem(2, "Line 2 contains a NUL character, which a text file cannot hold.")]
    assert [r.name for r in parsed.rows] == ["Omar"]


def test_a_nul_byte_in_the_header_refuses_the_file():
    with pytest.raises(InvalidInput, match="header row"):
        read_customer_csv(b"na\x00me,phone\nHuda,1\n")


def test_a_cell_longer_than_10_000_characters_is_a_problem():
    long_note = b"x" * 10_001
    parsed = read_customer_csv(b"name,notes\nHuda," + long_note + b"\nOmar,ok\n")

    assert parsed.problems == [RowProblem(2, "Line 2 has a cell longer than 10000 characters.")]
    assert [r.name for r in parsed.rows] == ["Omar"]


def test_a_cell_too_long_for_the_csv_reader_is_a_problem_too():
    huge = b'"' + b"x" * 200_000 + b'"'
    parsed = read_customer_csv(b"name,notes\nHuda," + huge + b"\nOmar,ok\n")

    assert parsed.problems == [RowProblem(2, "Line 2 has a cell longer than 10000 characters.")]
    assert [r.name for r in parsed.rows] == ["Omar"]


def test_a_quote_left_open_is_reported_instead_of_swallowing_the_rest_of_the_file():
    parsed = read_customer_csv(b'name,notes\nHuda,"likes tea\nOmar,ok\n')

    assert parsed.rows == []
    assert parsed.problems == [
        RowProblem(2, "Line 2 opens a quoted cell that is never closed, so the rest of the file was not read.")
    ]


def test_text_after_a_closing_quote_is_reported_and_the_next_line_is_still_read():
    parsed = read_customer_csv(b'name,notes\n"Huda" Ali,tea\nOmar,ok\n')

    assert parsed.problems == [RowProblem(2, "Line 2 could not be read; check the quotes on that line.")]
    assert [r.name for r in parsed.rows] == ["Omar"]


def test_a_quote_inside_an_unquoted_cell_is_just_a_character():
    rows = read_customer_csv(b'name,notes\nHuda,6" pizza\n').rows

    assert rows[0].notes == '6" pizza'


# --- never another exception ----------------------------------------------------------------------------------------


def parse_or_refuse(data: bytes) -> None:
    try:
        parsed = read_customer_csv(data)
    except InvalidInput:
        return  # refusing the whole file is allowed; any other exception fails the test
    assert parsed.format in FORMATS
    assert all(isinstance(p, RowProblem) and p.message for p in parsed.problems)
    assert all(r.name or r.phone or r.email for r in parsed.rows)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_either_parse_or_raise_invalid_input(data):
    parse_or_refuse(data)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='ab ,;\t"\r\n\x00\ufeff٣ن', max_size=120))
def test_arbitrary_csv_like_text_after_a_valid_header_either_parses_or_raises_invalid_input(body):
    parse_or_refuse(("name,phone;email\n" + body).encode("utf-8"))
