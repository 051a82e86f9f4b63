"""CSV exports: UTF-8 with BOM, the DESIGN §5 header, and never a half-written file."""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from pathlib import Path

import pytest

from smallbiz_loyalty.core import exporting
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.exporting import ExportSpec, export_table
from smallbiz_loyalty.core.shop import Shop
from tests.conftest import NOW
from tests.factories import make_customer

CUSTOMER_HEADER = "customer_id,name,phone,email,birthday,card_code,created_at,notes,consent_marketing,consent_notes"
SALES_HEADER = "sale_id,key,customer_id,business_date,amount,category,kind,original_sale_id,created_at,voided_at"


def _read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_customers_file_starts_with_the_bom_and_the_design_header(shop: Shop, tmp_path: Path) -> None:
    layla = make_customer(shop, "Layla Haddad", phone="+96566001001", email="layla@example.com", birthday="1990-03-21")
    make_customer(shop, "فاطمة العلي", phone="+96566001002", birthday="07-14", consent_marketing=True)
    path = tmp_path / "customers.csv"

    count = shop.export("customers", path)

    assert count == 2
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8 + CUSTOMER_HEADER.encode() + b"\r\n")
    rows = _read(path)
    assert rows[0] == {
        "customer_id": str(layla.id),
        "name": "Layla Haddad",
        "phone": "+96566001001",
        "email": "layla@example.com",
        "birthday": "1990-03-21",
        "card_code": layla.card_code,
        "created_at": NOW.isoformat(),
        "notes": "",
        "consent_marketing": "no",
        "consent_notes": "yes",
    }
    assert (rows[1]["name"], rows[1]["birthday"], rows[1]["consent_marketing"]) == ("فاطمة العلي", "--07-14", "yes")


def test_erased_and_merged_customers_are_not_exported(shop: Shop, tmp_path: Path) -> None:
    kept = make_customer(shop, "Kept", phone="+96566001001")
    erased = make_customer(shop, "Erased", phone="+96566001002")
    merged = make_customer(shop, "Merged", phone="+96566001003")
    # Set the markers directly: erasing and merging are other features' work.
    shop.db.execute("UPDATE customers SET erased_at = ? WHERE id = ?", [NOW.isoformat(), erased.id])
    shop.db.execute("UPDATE customers SET merged_into = ? WHERE id = ?", [kept.id, merged.id])

    count = shop.export("customers", tmp_path / "customers.csv")

    assert count == 1
    assert [row["name"] for row in _read(tmp_path / "customers.csv")] == ["Kept"]


def test_sales_amounts_are_major_units_returns_negative_and_voids_marked(shop: Shop, tmp_path: Path) -> None:
    layla = make_customer(shop, "Layla", phone="+96566001001")
    sale = shop.record_sale(customer_id=layla.id, amount=12_500, category="Coffee", key="till-1").sale
    refund = shop.record_return(sale.id, amount=2_250, key="till-2").sale
    mistake = shop.record_sale(customer_id=None, amount=3_000, key="till-3").sale
    shop.void_sale(mistake.id, reason="Typed twice")
    path = tmp_path / "sales.csv"

    count = shop.export("sales", path)

    assert count == 3
    assert path.read_bytes().startswith(codecs.BOM_UTF8 + SALES_HEADER.encode() + b"\r\n")
    stamp = NOW.isoformat()
    assert [list(row.values()) for row in _read(path)] == [
        [str(sale.id), "till-1", str(layla.id), "2026-10-15", "12.500", "Coffee", "sale", "", stamp, ""],
        [str(refund.id), "till-2", str(layla.id), "2026-10-15", "-2.250", "Coffee", "return", str(sale.id), stamp, ""],
        [str(mistake.id), "till-3", "", "2026-10-15", "3.000", "", "void", "", stamp, stamp],
    ]


def test_export_then_import_keeps_every_customer(shop: Shop, tmp_path: Path) -> None:
    make_customer(shop, "Layla Haddad", phone="+96566001001", email="layla@example.com", birthday="1990-03-21")
    make_customer(shop, "فاطمة العلي", phone="+96566001002", birthday="02-29", notes='Likes "rose" tea,\nno sugar')
    make_customer(shop, "Tom O'Neil", phone=None, email="tom@example.com", consent_marketing=True)
    make_customer(shop, "عبدالله", phone="+966501112233")
    path = tmp_path / "customers.csv"
    shop.export("customers", path)
    fields = "name, phone, email, birth_month, birth_day, birth_year, card_code, notes, consent_marketing, created_at"
    before = shop.db.execute(f"SELECT {fields} FROM customers ORDER BY id").fetchall()

    with Shop.open(tmp_path / "fresh.db", clock=fixed_clock(NOW.replace(year=2027))) as fresh:
        fresh.set_settings(phone_region="KW")
        report = fresh.import_customers(path.read_bytes())
        after = fresh.db.execute(f"SELECT {fields} FROM customers ORDER BY id").fetchall()

    assert (report.format, report.added, report.problems) == ("generic", 4, [])
    assert after == before


def test_export_to_a_missing_folder_fails_and_creates_nothing(shop: Shop, tmp_path: Path) -> None:
    make_customer(shop, "Layla", phone="+96566001001")
    target = tmp_path / "no such folder" / "customers.csv"

    with pytest.raises(InvalidInput, match=r"The folder .*no such folder does not exist; create it or choose another"):
        shop.export("customers", target)

    assert not target.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.db", "shop.db-shm", "shop.db-wal"]


def test_export_to_a_folder_name_is_refused(shop: Shop, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"is a folder; give a file name such as customers\.csv"):
        shop.export("customers", tmp_path)


def test_an_unknown_export_is_refused(shop: Shop, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="There is no export called orders; choose one of customers, sales"):
        export_table(shop.db, "orders", tmp_path / "orders.csv", currency="KWD")

    assert not (tmp_path / "orders.csv").exists()


def test_a_failure_half_way_leaves_the_previous_file_untouched(
    shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_customer(shop, "First", phone="+96566001001")
    make_customer(shop, "Second", phone="+96566001002")
    target = tmp_path / "out.csv"
    target.write_text("yesterday's export\n", encoding="utf-8")

    def explode_on_second(row: object, currency: str) -> list[str]:
        if row[0] == 2:  # type: ignore[index]
            raise RuntimeError("disk pulled out")
        return [str(row[0])]  # type: ignore[index]

    # A new export is one registered spec: the way ledger and feedback will be added.
    monkeypatch.setitem(exporting.EXPORTS, "ids", ExportSpec(("id",), "SELECT id FROM customers", explode_on_second))
    with pytest.raises(RuntimeError, match="disk pulled out"):
        export_table(shop.db, "ids", target, currency="KWD")

    assert target.read_text(encoding="utf-8") == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "out.csv" in p.name) == ["out.csv"]


def _folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_nul_in_the_path_is_refused_in_one_sentence(shop: Shop, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        shop.export("customers", tmp_path / "a\x00b.csv")  # open() would raise ValueError
    assert refused.value.message == "A file name cannot contain a NUL character; please retype it."
    assert _folder_listing(tmp_path) == ["shop.db", "shop.db-shm", "shop.db-wal"]


def test_a_name_too_long_for_the_file_system_is_refused_and_cut_short(shop: Shop, tmp_path: Path) -> None:
    target = tmp_path / ("x" * 5000)
    with pytest.raises(InvalidInput) as refused:
        shop.export("customers", target)  # stat() raises OSError ENAMETOOLONG
    assert refused.value.message == "…" + "x" * 199 + " is too long for a file name; choose a shorter name."
    assert _folder_listing(tmp_path) == ["shop.db", "shop.db-shm", "shop.db-wal"]


def test_a_long_name_the_file_system_takes_gets_a_short_temporary_name(shop: Shop, tmp_path: Path) -> None:
    # 250 characters is a legal name, but ".<name>.<random>.tmp" would not be.
    target = tmp_path / ("c" * 246 + ".csv")
    make_customer(shop, "Layla", phone="+96566001001")
    assert shop.export("customers", target) == 1
    assert target.read_text(encoding="utf-8-sig").startswith("customer_id,name")


def test_a_named_pipe_is_never_replaced_by_the_export(shop: Shop, tmp_path: Path) -> None:
    fifo = tmp_path / "customers.csv"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput) as refused:
        shop.export("customers", fifo)
    assert refused.value.message == f"{fifo} exists and is not a regular file; choose another file name."
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe
    assert _folder_listing(tmp_path) == ["customers.csv", "shop.db", "shop.db-shm", "shop.db-wal"]


def test_a_link_to_a_device_is_refused(shop: Shop, tmp_path: Path) -> None:
    # As root, os.replace onto /dev/full itself would swap the device for a CSV file;
    # a link to /dev/null in a temporary folder shows the same refusal safely.
    link = tmp_path / "customers.csv"
    link.symlink_to("/dev/null")
    with pytest.raises(InvalidInput, match="exists and is not a regular file"):
        shop.export("customers", link)
    assert link.is_symlink() and stat.S_ISCHR(link.stat().st_mode)


def test_an_existing_export_is_replaced_whole(shop: Shop, tmp_path: Path) -> None:
    target = tmp_path / "customers.csv"
    target.write_text("yesterday's export\n", encoding="utf-8")
    make_customer(shop, "Layla", phone="+96566001001")
    assert shop.export("customers", target) == 1
    assert "Layla" in target.read_text(encoding="utf-8-sig")
