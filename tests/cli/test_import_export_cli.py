"""`smallbiz-loyalty import customers …` and `export …`, run in-process."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from smallbiz_loyalty.cli import main
from smallbiz_loyalty.core.shop import Shop

DATA = Path(__file__).resolve().parent.parent / "data"
GOOD = DATA / "import" / "generic.csv"  # three valid customers
MIXED = DATA / "import_store" / "kw_mixed.csv"  # three valid rows, one repeated phone, nine bad rows


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A Kuwaiti shop's database file, closed, ready for the command line."""
    path = tmp_path / "shop.db"
    with Shop.open(path) as shop:
        shop.set_settings(currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
    return path


def _names(db: Path) -> list[str]:
    with Shop.open(db) as shop:
        return [row[0] for row in shop.db.execute("SELECT name FROM customers ORDER BY id")]


def test_import_prints_what_happened(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "customers", str(GOOD), "--db", str(db)])

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Import from a spreadsheet finished. Customers added: 3; updated: 0; "
        "skipped because their phone number was already known: 0.",
        "Opening points: 165; opening stamps: 10.",
    ]
    assert _names(db) == ["Sara Haddad", "عبدالله الرشيد", "Tom O'Neil"]


def test_rows_with_problems_exit_with_3_and_list_them(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "customers", str(MIXED), "--db", str(db)])

    out, _err = capsys.readouterr()
    assert code == 3
    lines = out.splitlines()
    assert lines[2] == "Rows not imported: 8."  # TAKEN123 is free in this store
    assert lines[3] == "Line 4: The name cannot be empty."
    assert _names(db) == ["Layla Haddad", "فاطمة العلي", "Zainab Omar", "Nadia Karim"]


def test_dry_run_as_json_changes_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "customers", str(MIXED), "--db", str(db), "--dry-run", "--json"])

    out, _err = capsys.readouterr()
    report = json.loads(out)  # stdout is one JSON document and nothing else
    assert code == 3
    assert {key: report[key] for key in ("format", "dry_run", "added", "updated", "skipped")} == {
        "format": "generic",
        "dry_run": True,
        "added": 4,
        "updated": 0,
        "skipped": 1,
    }
    assert report["problems"][0] == {"line": 4, "message": "Line 4: The name cannot be empty."}
    assert _names(db) == []


def test_known_phones_can_update(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", "customers", str(GOOD), "--db", str(db)])
    capsys.readouterr()

    code = main(["import", "customers", str(GOOD), "--db", str(db), "--duplicates", "update", "--json"])

    report = json.loads(capsys.readouterr().out)
    # Sara and عبدالله are known by their phones and updated. Tom has no phone, so
    # he would be a new customer, but his card code is taken (by himself).
    assert (code, report["added"], report["updated"], report["skipped"]) == (3, 0, 2, 0)
    assert report["problems"] == [{"line": 4, "message": "Line 4: The card code H2JD9W is already in use."}]
    assert _names(db) == ["Sara Haddad", "عبدالله الرشيد", "Tom O'Neil"]


def test_a_missing_file_is_one_line_on_stderr(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "customers", str(tmp_path / "nothing.csv"), "--db", str(db)])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"There is no file at {tmp_path / 'nothing.csv'}; check the name and the folder.\n"


def test_a_file_of_the_wrong_format_is_refused(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "customers", str(GOOD), "--db", str(db), "--format", "square"])

    _out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("This file does not match the Square format; these columns are missing:")
    assert _names(db) == []


def test_export_customers_writes_the_file(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", "customers", str(GOOD), "--db", str(db)])
    capsys.readouterr()
    target = tmp_path / "customers.csv"

    code = main(["export", "customers", "--db", str(db), "-o", str(target)])

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == f"3 rows written to {target}.\n"
    assert target.read_bytes().startswith(codecs.BOM_UTF8 + b"customer_id,name,phone,email,birthday,card_code,")


def test_export_sales(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["sale", "--anonymous", "--amount", "1.250", "--key", "k1", "--db", str(db)])
    capsys.readouterr()
    target = tmp_path / "sales.csv"

    code = main(["export", "sales", "--db", str(db), "-o", str(target)])

    assert code == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:7] == ["sale_id", "key", "customer_id", "business_date", "amount", "category", "kind"]
    sale = dict(zip(rows[0], rows[1], strict=True))
    assert (sale["key"], sale["customer_id"], sale["amount"], sale["category"], sale["kind"]) == (
        "k1",
        "",
        "1.250",
        "",
        "sale",
    )
    assert len(rows) == 2


def test_export_to_a_missing_folder_fails_with_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "customers.csv"

    code = main(["export", "customers", "--db", str(db), "-o", str(target)])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (f"The folder {target.parent} does not exist; create it or choose another place for the file.\n")
    assert not target.parent.exists()
