"""Importing customer lists into the store: good rows stored, bad rows reported by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.importing import ImportReport, parse_quantity, read_file
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

DATA = Path(__file__).resolve().parent.parent / "data"
FORMATS = DATA / "import"  # one file per supported format, written with csv_formats
OURS = DATA / "import_store"
NOW = "2026-10-15T09:30:00+00:00"


def _import(shop: Shop, name: str, **options: object) -> ImportReport:
    folder = OURS if (OURS / name).exists() else FORMATS
    return shop.import_customers((folder / name).read_bytes(), **options)


def _people(shop: Shop) -> dict[str, dict[str, object]]:
    """Stored customers by name: the fields an import fills."""
    rows = shop.db.execute(
        "SELECT name, phone, email, birth_month, birth_day, birth_year, notes, consent_marketing, external_id,"
        " card_code, created_at FROM customers ORDER BY id"
    ).fetchall()
    keys = ("phone", "email", "month", "day", "year", "notes", "marketing", "external_id", "card_code", "created_at")
    return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in rows}


def _openings(shop: Shop) -> list[tuple[str, str, int, str]]:
    return shop.db.execute(
        "SELECT c.name, o.unit, o.quantity, o.source FROM opening_balances o JOIN customers c ON c.id = o.customer_id"
        " ORDER BY o.id"
    ).fetchall()


def _dump(shop: Shop) -> dict[str, list[tuple[object, ...]]]:
    """Everything an import could change."""
    return {
        table: shop.db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("customers", "opening_balances", "audit_log")
    }


def _lines(report: ImportReport) -> dict[int, str]:
    return {p.line: p.message for p in report.problems}


# -- each format ----------------------------------------------------------------


def test_square_export_is_imported_with_its_details(shop: Shop) -> None:
    report = _import(shop, "square.csv")

    # Sara, Tom and the Blue Door company are added; محمد's +965 9988 7766 is Sara's
    # number again (written with Eastern Arabic digits), so that row is skipped.
    assert (report.format, report.added, report.updated, report.skipped, report.problems) == ("square", 3, 0, 1, [])
    people = _people(shop)
    assert list(people) == ["Sara Haddad", "Tom O'Neil", "Blue Door Café"]
    sara = people["Sara Haddad"]
    assert sara["phone"] == "+96599887766"  # the spreadsheet's ' guard is gone
    assert (sara["email"], sara["notes"], sara["marketing"]) == ("sara.haddad@example.com", "Prefers oat milk", 1)
    assert (sara["year"], sara["month"], sara["day"]) == (1990, 5, 17)
    assert sara["external_id"] == "ZX3K8Q2M5V1B7"
    assert sara["created_at"] == "2023-04-02T00:00:00+00:00"  # Square's "First Visit"
    tom = people["Tom O'Neil"]
    assert (tom["phone"], tom["month"], tom["day"], tom["year"]) == ("+14155550134", 5, 17, None)
    assert tom["notes"] == "Allergic to nuts,\nask before baking"
    assert people["Blue Door Café"]["phone"] is None


def test_square_file_with_broken_rows_keeps_the_good_ones(shop: Shop) -> None:
    report = _import(shop, "square_broken.csv")

    assert _lines(report) == {
        3: "Line 3 has 8 cells but the header has 23.",
        4: "Line 4 has no name, phone or email, so there is no customer to import.",
    }
    assert (report.added, report.skipped) == (3, 0)
    assert list(_people(shop)) == ["Sara Haddad", "Tom O'Neil", "Blue Door Café"]


def test_shopify_export_reports_a_number_that_is_not_real(shop: Shop) -> None:
    report = _import(shop, "shopify.csv")

    # +44 7700 900123 is in the UK's range reserved for drama: not a real number.
    assert _lines(report) == {
        3: 'Line 3: "+447700900123" is not a valid phone number for KW; check the digits or add the country code.'
    }
    people = _people(shop)
    assert list(people) == ["Noura Al-Sabah", "فاطمة الزهراني"]
    assert people["Noura Al-Sabah"]["phone"] == "+96566554433"
    assert people["Noura Al-Sabah"]["external_id"] == "8779761975521"
    assert people["Noura Al-Sabah"]["marketing"] == 1
    assert people["فاطمة الزهراني"]["marketing"] == 0


def test_loyverse_points_become_opening_balances(shop: Shop) -> None:
    shop.set_settings(phone_region="SA")  # the file's phone numbers are Saudi, written as dialled at home

    report = _import(shop, "loyverse.csv")

    assert (report.format, report.added, report.problems) == ("loyverse", 2, [])
    people = _people(shop)
    assert people["أحمد الكندري"]["phone"] == "+966501234567"  # from ٠٥٠١٢٣٤٥٦٧
    assert people["أحمد الكندري"]["external_id"] == "LV-1001"
    assert _openings(shop) == [
        ("أحمد الكندري", "points", 120, "loyverse import"),  # ١٢٠ in the file
        ("Maria Santos", "points", 35, "loyverse import"),
    ]
    assert (report.points_opening, report.stamps_opening) == (155, 0)


def test_loyverse_broken_rows(shop: Shop) -> None:
    shop.set_settings(phone_region="SA")

    report = _import(shop, "loyverse_broken.csv")

    assert sorted(_lines(report)) == [3, 4]
    assert "no name, phone or email" in _lines(report)[3]
    assert (report.added, report.points_opening) == (2, 155)


def test_our_own_export_format_keeps_card_codes_and_balances(shop: Shop) -> None:
    report = _import(shop, "generic.csv")

    assert (report.format, report.added, report.problems) == ("generic", 3, [])
    people = _people(shop)
    assert [p["card_code"] for p in people.values()] == ["K7QX2M", "P4RT8Z", "H2JD9W"]
    assert people["عبدالله الرشيد"]["notes"] == 'يسأل عن "العرض", دائماً'
    assert (people["عبدالله الرشيد"]["month"], people["عبدالله الرشيد"]["day"]) == (11, 2)
    assert people["Tom O'Neil"]["phone"] is None
    assert people["Sara Haddad"]["created_at"] == "2024-01-05T09:12:00+00:00"
    assert _openings(shop) == [
        ("Sara Haddad", "points", 120, "generic import"),
        ("Sara Haddad", "stamps", 7, "generic import"),
        ("عبدالله الرشيد", "stamps", 3, "generic import"),  # 0 points: nothing to store
        ("Tom O'Neil", "points", 45, "generic import"),
    ]


def test_arabic_spreadsheet_with_eastern_arabic_digits(shop: Shop) -> None:
    shop.set_settings(phone_region="SA")

    report = _import(shop, "generic_semicolon_bom.csv")

    assert (report.added, report.problems) == (2, [])
    noura = _people(shop)["نورة العنزي"]
    assert noura["phone"] == "+966555123456"  # ٠٥٥٥١٢٣٤٥٦
    assert (noura["month"], noura["day"], noura["year"]) == (5, 17, None)  # 17/05
    assert noura["notes"] == "عميلة منذ ٢٠١٩; تحب الورد"
    assert _openings(shop)[:2] == [
        ("نورة العنزي", "points", 250, "generic import"),  # ٢٥٠
        ("نورة العنزي", "stamps", 4, "generic import"),  # ٤
    ]


def test_a_file_that_is_not_utf8_is_refused_whole(shop: Shop) -> None:
    before = _dump(shop)

    with pytest.raises(InvalidInput, match="not UTF-8"):
        _import(shop, "generic_cp1256.csv")

    assert _dump(shop) == before


# -- row checks -------------------------------------------------------------------


def test_every_bad_row_is_reported_with_its_reason(shop: Shop) -> None:
    make_customer(shop, "Card holder", phone="+96599000001", card_code="TAKEN123")

    report = _import(shop, "kw_mixed.csv")

    assert _lines(report) == {
        4: "Line 4: The name cannot be empty.",
        5: 'Line 5: "12" is not a valid phone number for KW; check the digits or add the country code.',
        6: 'Line 6: "sara-at-example" is not an email address.',
        7: "Line 7: Day 30 does not exist in that month.",
        8: "Line 8: The points balance must be a whole number, not 12.5.",
        9: "Line 9: The stamps balance cannot be negative (-2).",
        10: 'Line 10: "maybe" is not a marketing consent answer; use yes or no.',
        11: "Line 11: The card code TAKEN123 is already in use.",
        12: 'Line 12: "AB" is not a card code; use 4 to 20 letters and digits.',
    }
    # Line 13 repeats line 2's phone number: skipped, not a problem.
    assert (report.added, report.updated, report.skipped) == (3, 0, 1)
    people = _people(shop)
    assert list(people) == ["Card holder", "Layla Haddad", "فاطمة العلي", "Nadia Karim"]
    fatima = people["فاطمة العلي"]
    assert fatima["phone"] == "+96566001002"  # ٦٦٠٠١٠٠٢
    assert (fatima["month"], fatima["day"], fatima["marketing"]) == (3, 21, 1)  # ٢١/٠٣, نعم
    nadia = people["Nadia Karim"]
    assert (nadia["card_code"], nadia["marketing"]) == ("NADIA2026", 0)
    assert nadia["notes"] == 'Likes "rose" tea, no sugar'
    assert _openings(shop) == [
        ("Layla Haddad", "points", 120, "generic import"),
        ("Layla Haddad", "stamps", 3, "generic import"),
        ("فاطمة العلي", "points", 150, "generic import"),  # ١٥٠
        ("فاطمة العلي", "stamps", 7, "generic import"),  # ٧
        ("Nadia Karim", "points", 7, "generic import"),  # ٧٫٠٠ is a whole number
    ]


def test_describe_lists_the_problems_by_line_and_counts_the_rest(shop: Shop) -> None:
    rows = ["name,phone"] + [f",6601{i:04d}" for i in range(60)] + ["Huda,66020001"]
    report = shop.import_customers("\n".join(rows).encode())

    text = report.describe().splitlines()
    assert text[0] == (
        "Import from a spreadsheet finished. Customers added: 1; updated: 0; "
        "skipped because their phone number was already known: 0."
    )
    assert text[1] == "Rows not imported: 60."
    assert text[2] == "Line 2: The name cannot be empty."
    assert text[51] == "Line 51: The name cannot be empty."  # the 50th problem listed
    assert text[52] == "… and 10 more rows not imported."
    assert len(text) == 53


# -- duplicates -------------------------------------------------------------------

DUPLICATES = (
    "name,phone,email,points\n"
    "Layla H.,٦٦٠٠٣٠٠١,,40\n"  # the phone of Layla, already in the store
    "New One,66003002,new@example.com,10\n"
    "New One Again,+965 6600 3002,again@example.com,25\n"  # the phone of the row above
).encode()


def test_duplicate_phones_are_skipped(shop: Shop) -> None:
    make_customer(shop, "Layla", phone="+96566003001", email="old@example.com", birthday="03-21")

    report = shop.import_customers(DUPLICATES)

    assert (report.added, report.updated, report.skipped, report.problems) == (1, 0, 2, [])
    people = _people(shop)
    assert list(people) == ["Layla", "New One"]
    assert people["New One"]["email"] == "new@example.com"
    assert _openings(shop) == [("New One", "points", 10, "generic import")]


def test_duplicate_phones_update_the_customer(shop: Shop) -> None:
    make_customer(shop, "Layla", phone="+96566003001", email="old@example.com", birthday="03-21")

    report = shop.import_customers(DUPLICATES, on_duplicate="update")

    assert (report.added, report.updated, report.skipped, report.problems) == (1, 2, 0, [])
    people = _people(shop)
    assert list(people) == ["Layla H.", "New One Again"]
    layla = people["Layla H."]
    # An empty cell keeps what the store knew; a filled one replaces it.
    assert (layla["email"], layla["month"], layla["day"]) == ("old@example.com", 3, 21)
    assert people["New One Again"]["email"] == "again@example.com"
    # Layla had no opening balance, so her 40 points are added; New One got 10
    # from the row before, so the 25 are not added on top.
    assert _openings(shop) == [
        ("Layla H.", "points", 40, "generic import"),
        ("New One Again", "points", 10, "generic import"),
    ]
    assert report.points_opening == 50


def test_importing_the_same_file_twice_never_doubles_a_balance(shop: Shop) -> None:
    shop.import_customers(DUPLICATES, on_duplicate="update")

    again = shop.import_customers(DUPLICATES, on_duplicate="update")

    assert (again.added, again.updated, again.points_opening) == (0, 3, 0)
    assert shop.db.execute("SELECT unit, SUM(quantity) FROM opening_balances GROUP BY unit").fetchall() == [
        ("points", 50)
    ]


def test_an_unknown_duplicate_choice_is_refused_before_anything_changes(shop: Shop) -> None:
    before = _dump(shop)

    with pytest.raises(InvalidInput, match="merge is not a way to handle known phone numbers"):
        shop.import_customers(DUPLICATES, on_duplicate="merge")

    assert _dump(shop) == before


# -- dry run, audit, progress -------------------------------------------------------


def test_a_dry_run_changes_nothing_and_reports_what_the_real_run_does(shop: Shop) -> None:
    make_customer(shop, "Card holder", phone="+96599000001", card_code="TAKEN123")
    data = (OURS / "kw_mixed.csv").read_bytes()
    before = _dump(shop)

    dry = shop.import_customers(data, dry_run=True)

    assert _dump(shop) == before
    assert dry.describe().startswith("Dry run of an import from a spreadsheet; nothing was changed.")
    real = shop.import_customers(data)
    assert {**dry.as_dict(), "dry_run": False} == real.as_dict()
    assert (real.added, real.skipped, len(real.problems), real.points_opening) == (3, 1, 9, 277)
    assert len(_dump(shop)["customers"]) == len(before["customers"]) + 3


def test_a_real_import_leaves_one_audit_entry(shop: Shop) -> None:
    _import(shop, "kw_mixed.csv")

    rows = shop.db.execute("SELECT at, staff_id, action, subject, detail FROM audit_log WHERE action = 'import'")
    assert [(*row[:4], json.loads(row[4])) for row in rows] == [
        (NOW, 1, "import", "generic", {"added": 4, "updated": 0, "skipped": 1, "problems": 8})
    ]


def test_progress_is_reported_every_500_rows(shop: Shop) -> None:
    rows = ["name,phone"] + [f"Customer {i},6610{i:04d}" for i in range(1200)]
    calls: list[tuple[int, int, str]] = []

    report = shop.import_customers("\n".join(rows).encode(), progress=lambda *call: calls.append(call))

    assert report.added == 1200
    assert [(done, total) for done, total, _label in calls] == [(0, 1200), (500, 1200), (1000, 1200), (1200, 1200)]
    assert calls[0][2] == "Importing customers…"


def test_cancelling_writes_nothing(shop: Shop) -> None:
    rows = ["name,phone"] + [f"Customer {i},6610{i:04d}" for i in range(1200)]
    asked = []
    before = _dump(shop)

    def cancel_on_second_check() -> bool:
        asked.append(1)
        return len(asked) == 2  # after the first 500 rows were stored

    with pytest.raises(Cancelled):
        shop.import_customers("\n".join(rows).encode(), should_cancel=cancel_on_second_check)

    assert _dump(shop) == before


def test_the_report_is_json_ready(shop: Shop) -> None:
    report = _import(shop, "generic_broken.csv")

    assert json.loads(json.dumps(report.as_dict())) == {
        "format": "generic",
        "dry_run": False,
        "added": 2,
        "updated": 0,
        "skipped": 0,
        "points_opening": 10,
        "stamps_opening": 0,
        "problems": [
            {"line": 3, "message": "Line 3 has no name, phone or email, so there is no customer to import."},
            {"line": 4, "message": "Line 4 has 2 cells but the header has 4."},
            {"line": 6, "message": "Line 6 has 5 cells but the header has 4."},
        ],
    }


# -- reading the file -------------------------------------------------------------------


def test_read_file_returns_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"name\nLayla\n")

    assert read_file(path) == b"name\nLayla\n"


def test_read_file_explains_a_missing_file_a_folder_and_a_huge_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"There is no file at .*nothing\.csv; check the name and the folder\."):
        read_file(tmp_path / "nothing.csv")
    with pytest.raises(InvalidInput, match="is a folder; choose the CSV file inside it"):
        read_file(tmp_path)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: takes no disk space
    with pytest.raises(InvalidInput, match="is larger than 50 MB; split it into smaller files"):
        read_file(huge)


def test_read_file_never_echoes_a_nul_typed_in_the_path(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_file(tmp_path / "a\x00b.csv")
    assert refused.value.message == f"There is no file at {tmp_path}/a\ufffdb.csv; check the name and the folder."


def test_read_file_cuts_a_path_too_long_to_exist(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_file(tmp_path / ("x" * 5000))  # stat() raises ENAMETOOLONG
    assert refused.value.message == "…" + "x" * 199 + " cannot be read: File name too long."


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("9" * 5000, "Points " + "9" * 19 + "… is too large; please check it."),  # int() stops at 4300 digits
        ("10000001", "Points 10000001 is too large; please check it."),
        ("\u202e5", "Points must be a whole number, not \ufffd5."),
    ],
)
def test_an_opening_balance_cell_is_refused_in_one_short_sentence(cell: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_quantity(cell, field="points", label="Points")
    assert refused.value.message == message


def test_an_opening_balance_may_have_leading_zeros() -> None:
    assert [parse_quantity(cell, field="points", label="Points") for cell in ("0010000000", "٠٧", "12.00", "")] == [
        10_000_000,
        7,
        12,
        0,
    ]
