"""The bad-input corpus (issue 8): hostile input at every entry point gets one clear
sentence in the user's language and changes nothing.

Entry points: command-line flags (run in-process), CSV files and cells for the
import, settings, PINs and staff, message templates, and the `Shop` calls the
counter and the owner make. Inputs: empty, blank, 1 MB, NUL and other control
characters, SQL fragments, format-string placeholders, right-to-left/left-to-right
overrides, emoji, mixed digit scripts, negative, huge and malformed numbers,
impossible dates, broken encodings, bad paths.

Every case is checked the same way: a `LoyaltyError` (the CLI: a non-zero exit
and exactly one line on stderr, no traceback), a message that is one sentence,
never echoes a whole 1 MB input nor a control or direction-override character
typed, and the store's fingerprint (a hash of its full SQL dump) unchanged. A
CSV cell problem is reported on its line and only the import's audit entry is
written. All cases share one prepared store.

Cases marked `xfail(strict=True)` are bugs found by this corpus in modules
this file does not own; each names the fix. Fixing one makes its case pass,
and the strict marker then asks for the marker to be removed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from smallbiz_loyalty.cli import main as cli_main
from smallbiz_loyalty.core import i18n, messages
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.text import BIDI_CONTROLS
from tests.conftest import NOW

MB = "x" * 1_000_000
ALI_PHONE = "+96550001234"
SARA = 2  # a cashier
RLO, LRO, LRI, PDI = "\u202e", "\u202d", "\u2066", "\u2069"
ECHO = "echoes the control character typed; echo the value through core.text.shown"


def case(name: str, *values: object, bug: str = "") -> Any:
    """One row of a table; `bug` marks a known defect (strict xfail) and names its fix."""
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(name, *values, marks=marks, id=name)


# -- the shared store ------------------------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ali (customer 1) with one sale (sale 1); the owner's PIN is 2580, cashier Sara's 4826."""
    path = tmp_path_factory.mktemp("hostile") / "shop.db"
    with Shop.open(path, clock=fixed_clock(NOW)) as shop:
        shop.set_settings(shop_name="Test Café", currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
        ali = shop.enrol(name="Ali", phone=ALI_PHONE, birthday="03-21").customer
        shop.record_sale(customer_id=ali.id, amount=5_000, key="first")
        shop.set_pin(1, "2580")
        shop.add_staff(name="Sara", role="cashier", pin="4826")
    return path


@pytest.fixture
def till(store: Path) -> Iterator[Shop]:
    with Shop.open(store, clock=fixed_clock(NOW)) as shop:
        yield shop


def fingerprint(path: Path, *, skip_audit: bool = False) -> str:
    """A hash of everything stored (optionally leaving the audit log out)."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(path)
    try:
        for line in conn.iterdump():
            if not (skip_audit and line.startswith('INSERT INTO "audit_log"')):
                digest.update(line.encode())
    finally:
        conn.close()
    return digest.hexdigest()


def assert_one_sentence(message: str) -> None:
    assert message.strip(), "the message is empty"
    assert "\n" not in message.strip() and "\r" not in message, f"more than one line: {message!r}"
    assert "Traceback" not in message
    assert len(message) < 400, f"the message echoes too much: {len(message)} characters"
    hidden = [ch for ch in message if unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS]
    assert not hidden, f"the message echoes control characters {hidden!r}, which can hide or reorder its text"


def has_arabic(text: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in text)


# -- 1. Shop calls ------------------------------------------------------------------------
ShopCall = Callable[[Shop], object]
NAME_ATTACKS = ["", "   ", "\t\n", None, 42, MB, "Ali\x00", "Ali\x07", f"Ali{RLO}gnp.exe", f"{LRO}علي",
                f"{LRI}Ali{PDI}",
                "Ali\u200f", "Ali\u2028Baba", "Ali\ue000", "Ali\ud800", ["Ali"]]  # fmt: skip
PHONE_ATTACKS = ["five-five", "12,5O", "123", "9" * 30, "1; DROP TABLE customers;--", "+965 1234", "5" * 1_000_000,
                 "5001\x002345", "😀😀😀", f"{RLO}50001234", "٥٠٠٠١٢٣", "+۹۶۵۱۲۳", "%s%s%s", "{0}"]  # fmt: skip
BIRTHDAY_ATTACKS = ["--02-30", "13-01", "2001-02-29", "2090-01-01", "next tuesday", "' OR 1=1 --", "00/05", "31/02",
                    "١٣-٠١", "99999-01-01", "😀", "{birthday}", "-1"]  # fmt: skip
EMAIL_ATTACKS = ["ali.example.com", "ali @example.com", "a@b@c.com", MB + "@x.com", "ali\x00@x.com", "😀@😀"]

SHOP_CASES: list[Any] = [
    *[case(f"enrol name {v!r:.20}", lambda s, v=v: s.enrol(name=v)) for v in NAME_ATTACKS],
    *[case(f"enrol phone {v!r:.20}", lambda s, v=v: s.enrol(name="Huda", phone=v)) for v in PHONE_ATTACKS],
    *[case(f"enrol birthday {v!r:.20}", lambda s, v=v: s.enrol(name="Huda", birthday=v)) for v in BIRTHDAY_ATTACKS],
    *[case(f"enrol email {v!r:.20}", lambda s, v=v: s.enrol(name="Huda", email=v)) for v in EMAIL_ATTACKS],
    case("enrol notes 1 MB", lambda s: s.enrol(name="Huda", notes=MB)),
    case("enrol notes override", lambda s: s.enrol(name="Huda", notes=RLO)),
    case("enrol same phone as Ali", lambda s: s.enrol(name="Huda", phone=ALI_PHONE)),
    case("enrol same phone in Arabic digits", lambda s: s.enrol(name="Huda", phone="+٩٦٥٥٠٠٠١٢٣٤")),
    case("enrol unknown referrer", lambda s: s.enrol(name="Huda", referred_by=99_999)),
    case("edit unknown field", lambda s: s.edit_customer(1, card_code="X")),
    case("edit name NUL", lambda s: s.edit_customer(1, name="\x00")),
    case("edit phone SQL", lambda s: s.edit_customer(1, phone="'); DELETE FROM sales; --")),
    case("edit missing customer", lambda s: s.edit_customer(99_999, name="B")),
    case("sale category 41 chars", lambda s: s.record_sale(customer_id=1, amount=1_000, category="x" * 41)),
    case("sale category override", lambda s: s.record_sale(customer_id=1, amount=1_000, category=f"tea{RLO}")),
    case("sale category NUL", lambda s: s.record_sale(customer_id=1, amount=1_000, category="\x00")),
    case("sale key 101 chars", lambda s: s.record_sale(customer_id=1, amount=1_000, key="k" * 101)),
    case("sale key reused", lambda s: s.record_sale(customer_id=1, amount=1_000, key="first")),
    case("sale key not text", lambda s: s.record_sale(customer_id=None, amount=1_000, key={"a": 1})),
    case("sale amount zero", lambda s: s.record_sale(customer_id=None, amount=0)),
    case("sale amount negative", lambda s: s.record_sale(customer_id=None, amount=-5)),
    case("sale amount float", lambda s: s.record_sale(customer_id=None, amount=1.5)),
    case("sale amount text", lambda s: s.record_sale(customer_id=None, amount="12")),
    case("sale amount 2**63", lambda s: s.record_sale(customer_id=None, amount=2**63)),
    case("sale for missing customer", lambda s: s.record_sale(customer_id=99_999, amount=1_000)),
    case("return more than sold", lambda s: s.record_return(1, amount=6_000)),
    case("return zero", lambda s: s.record_return(1, amount=0)),
    case("return negative", lambda s: s.record_return(1, amount=-5)),
    case("return a float amount", lambda s: s.record_return(1, amount=1.5)),
    case("return missing sale", lambda s: s.record_return(99_999)),
    case("void missing sale", lambda s: s.void_sale(99_999, reason="x")),
    case("void empty reason", lambda s: s.void_sale(1, reason="")),
    case("void reason 1 MB", lambda s: s.void_sale(1, reason=MB)),
    case("void reason NUL", lambda s: s.void_sale(1, reason="\x00")),
    case("redeem unknown reward", lambda s: s.redeem(1, "Free yacht")),
    case("redeem reward SQL", lambda s: s.redeem(1, "Free coffee'; --")),
    case("redeem reward NUL", lambda s: s.redeem(1, "\x00")),
    case("redeem reward 0", lambda s: s.redeem(1, 0)),
    case("redeem reward -1", lambda s: s.redeem(1, -1)),
    case("redeem without the stamps", lambda s: s.redeem(1, "Free coffee")),
    case("redeem key 1 MB", lambda s: s.redeem(1, 1, key=MB)),
    case("redeem voucher unknown", lambda s: s.redeem_voucher("V-NOPE")),
    case("redeem voucher NUL", lambda s: s.redeem_voucher("\x00")),
    case("redeem voucher 1 MB", lambda s: s.redeem_voucher(MB)),
    case("adjust zero", lambda s: s.adjust(1, "Coffee card", 0, "r")),
    case("adjust float", lambda s: s.adjust(1, "Coffee card", 1.5, "r")),
    case("adjust text", lambda s: s.adjust(1, "Coffee card", "5", "r")),
    case("adjust 10**30", lambda s: s.adjust(1, "Coffee card", 10**30, "r")),
    case("adjust below zero", lambda s: s.adjust(1, "Coffee card", -50, "r")),
    case("adjust empty reason", lambda s: s.adjust(1, "Coffee card", 2, " ")),
    case("adjust reason 1 MB", lambda s: s.adjust(1, "Coffee card", 2, MB)),
    case("adjust unknown programme", lambda s: s.adjust(1, "Yacht club", 2, "r")),
    case("adjust programme NUL", lambda s: s.adjust(1, "\x00", 2, "r")),
    case("feedback score 11", lambda s: s.record_feedback(score=11)),
    case("feedback score -1", lambda s: s.record_feedback(score=-1)),
    case("feedback score 5.5", lambda s: s.record_feedback(score=5.5)),
    case("feedback score ١١", lambda s: s.record_feedback(score="١١")),
    case("feedback score text", lambda s: s.record_feedback(score="ten")),
    case("feedback score emoji", lambda s: s.record_feedback(score="😀")),
    case("feedback score 5000 digits", lambda s: s.record_feedback(score="9" * 5000)),
    case("feedback comment 1 MB", lambda s: s.record_feedback(score=5, comment=MB)),
    case("feedback comment NUL", lambda s: s.record_feedback(score=5, comment="\x00")),
    case("feedback source web", lambda s: s.record_feedback(score=5, source="web")),
    case("feedback missing sale", lambda s: s.record_feedback(score=5, sale_id=99_999)),
    case("erase without a reason", lambda s: s.erase_customer(1, reason="")),
    case("erase reason 1 MB", lambda s: s.erase_customer(1, reason=MB)),
    case("privacy export to a missing folder", lambda s: s.export_customer_data(1, "/nonexistent/folder")),
    case("privacy export to a NUL path", lambda s: s.export_customer_data(1, "/tmp/a\x00b")),
    case("privacy export to a too-long path", lambda s: s.export_customer_data(1, "/tmp/" + "x" * 5000)),
    case("cashier adjusts", lambda s: Shop(s.db, clock=s.clock, staff_id=SARA).adjust(1, "Coffee card", 2, "r")),
]


@pytest.mark.parametrize(("name", "call"), SHOP_CASES)
def test_shop_calls(store: Path, till: Shop, name: str, call: ShopCall) -> None:
    before = fingerprint(store)
    with pytest.raises(LoyaltyError) as refused:
        call(till)
    assert_one_sentence(refused.value.message)
    assert fingerprint(store) == before


# -- 2. settings, PINs and staff ------------------------------------------------------------
SETTINGS_CASES: list[Any] = [
    case(f"setting {key}={value!r:.20}", key, value)
    for key, value in [
        ("shop_name", ""), ("shop_name", MB), ("shop_name", ["Café"]), ("shop_name", "Café\x00"),
        ("shop_name", f"{RLO}éfaC"), ("shop_address", "x" * 201), ("shop_phone", "\x07"),
        ("language", "fr"), ("language", None), ("language", ["en"]), ("language", "AR"),
        ("currency", "XXQ"), ("currency", None), ("currency", "💰"),
        ("phone_region", "Mars"), ("phone_region", None), ("phone_region", "K" * 1_000_000),
        ("time_zone", "Europe/Atlantis"), ("time_zone", "../../etc/passwd"),
        ("time_zone", ""), ("time_zone", "Asia/Kuwait; DROP TABLE settings"),
        ("activity_window_days", "ninety"), ("activity_window_days", 10**30), ("activity_window_days", 90.5),
        ("activity_window_days", "-90"), ("activity_window_days", 27), ("activity_window_days", "٧٣١"),
        ("backup_keep_daily", 0), ("backup_keep_daily", True), ("backup_keep_monthly", "1e2"),
        ("gross_margin_percent", 101), ("gross_margin_percent", "-1"), ("gross_margin_percent", "½"),
        ("backup_folder", "/tmp/\x00x"), ("backup_folder", MB), ("negative_balance", "sometimes"),
        ("birthday_days_before", "{days}"), ("no_such_setting", 1), ("' OR 1=1 --", 1),
        ("whatsapp_template", "Hi {0.__class__}"), ("whatsapp_template", "Hi {name"), ("whatsapp_template", MB),
        ("whatsapp_template", "Hi {name}\x00"),
    ]
]  # fmt: skip
SETTINGS_CASES += [
    case("setting currency NUL", "currency", "\x00"),
    case("setting time_zone NUL", "time_zone", "\x00"),
    case("setting named NUL", "\x00", 1),
    case("setting currency of 1 MB", "currency", MB),
    case("setting time_zone of 100 000 characters", "time_zone", "A" * 100_000),
]  # fmt: skip


@pytest.mark.parametrize(("name", "key", "value"), SETTINGS_CASES)
def test_settings(store: Path, till: Shop, name: str, key: str, value: object) -> None:
    before = fingerprint(store)
    with pytest.raises(LoyaltyError) as refused:
        till.set_settings(**{key: value})
    assert_one_sentence(refused.value.message)
    assert fingerprint(store) == before
    assert till.reload_settings()["shop_name"] == "Test Café"


PIN_ATTACKS = ["", "   ", "123", "123456789", "abcd", "12a4", "😀😀😀😀", "\x00\x00\x00\x00", f"4826{RLO}", MB, "'; --",
               "{0}", "%d%d", None, 4826, 48.26, "48 26", "٠٠٠٠", "1234", "0000", "١٢٣٤", "9876", "1212"]  # fmt: skip
STAFF_CASES: list[Any] = [
    *[case(f"set the owner's PIN to {v!r:.20}", lambda s, v=v: s.set_pin(1, v)) for v in PIN_ATTACKS],
    *[case(f"sign in with {v!r:.20}", lambda s, v=v: s.sign_in(SARA, v)) for v in PIN_ATTACKS[:14]],
    *[case(f"add staff named {v!r:.20}", lambda s, v=v: s.add_staff(name=v, role="cashier", pin="5183"))
      for v in ["", "\x00", f"{RLO}araS", MB, "Sara", None]],
    *[case(f"add staff with role {v!r:.20}", lambda s, v=v: s.add_staff(name="Omar", role=v, pin="5183"))
      for v in ["", "admin", None, "OWNER", "owner'; --"]],
    case("sign in as nobody", lambda s: s.sign_in(99, "5183")),
    case("deactivate the only owner", lambda s: s.deactivate_staff(1)),
    case("audit page of 10**30", lambda s: s.audit_entries(10**30)),
    case("audit page at -1", lambda s: s.audit_entries(10, -1)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "call"), STAFF_CASES)
def test_pins_and_staff(store: Path, till: Shop, name: str, call: ShopCall) -> None:
    before = fingerprint(store)
    with pytest.raises(LoyaltyError) as refused:
        call(till)
    assert_one_sentence(refused.value.message)
    assert fingerprint(store) == before


TEMPLATE_ATTACKS = ["Hi {name}\x00", "Hi {0.__class__}", "Hi {name", "}", "{{name}", MB, "{name[0]}", "{name.upper}",
                    "{}", "{0}", "{name}{__import__}", f"{RLO}Hi {{name}}"]  # fmt: skip


@pytest.mark.parametrize("template", TEMPLATE_ATTACKS, ids=[repr(t)[:30] for t in TEMPLATE_ATTACKS])
def test_message_templates(template: str) -> None:
    with pytest.raises(LoyaltyError) as refused:
        messages.check_template(template)
    assert_one_sentence(refused.value.message)


# -- 3. CSV import: hostile cells (reported on their line) and files (refused whole) --------
CELL_ATTACKS: dict[str, list[str]] = {
    "name": [f"{RLO}Ali", "Ali\x07", "x" * 200, "", "   "],
    "phone": ["abc", "123", "9" * 30, "+965 1234", "1; DROP TABLE customers;--", f"{RLO}50001234", "😀",
              "5000\x001234", "x" * 20_000, "٥٠٠٠١٢٣٤٥٦", "{0}"],
    "birthday": ["13-01", "2001-02-29", "2090-01-01", "00/05", "next tuesday", "' OR 1=1 --", "31/02", "😀", "١٣-٠١",
                 "99999-01-01", "-1", "%s"],
    "email": ["ali.example.com", "a@b@c.com", "ali @x.com", "x" * 300 + "@x.com", f"ali{RLO}@x.com"],
    "points": ["-5", "abc", "1e9", "9" * 30, "1.5", "NaN", "😀", "٥-", "99999999999", "-0", "%s", "{0}", "0x10"],
    "consent_marketing": ["maybe", "😀", f"{RLO}yes"],
}  # fmt: skip
CELL_CASES = [case(f"{column} {v!r:.24}", column, v) for column, values in CELL_ATTACKS.items() for v in values]


def _csv(**cells: str) -> bytes:
    row = {"name": "Huda", "phone": "+96550009876", "email": "", "birthday": "", "points": "", "consent_marketing": ""}
    row.update(cells)
    quoted = ",".join('"' + value.replace('"', '""') + '"' for value in row.values())
    return f"{','.join(row)}\n{quoted}\n".encode()


@pytest.mark.parametrize(("name", "column", "value"), CELL_CASES)
def test_csv_cells(store: Path, till: Shop, name: str, column: str, value: str) -> None:
    before, audit_rows = fingerprint(store, skip_audit=True), till.db.execute("SELECT count(*) FROM audit_log")
    audit_before = audit_rows.fetchone()[0]
    report = till.import_customers(_csv(**{column: value}))
    assert (report.added, report.updated) == (0, 0)
    assert [p.line for p in report.problems] == [2]
    assert_one_sentence(report.problems[0].message)
    assert fingerprint(store, skip_audit=True) == before
    assert till.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before + 1  # the attempt


FILE_ATTACKS: list[Any] = [
    case("empty file", b""),
    case("only newlines", b"\n\n\n"),
    case("only a BOM", b"\xef\xbb\xbf"),
    case("Windows-1256 Arabic", "name,phone\nعلي,+96550009876\n".encode("cp1256")),
    case("UTF-16 without a BOM", "name,phone\nAli,+96550009876\n".encode("utf-16-le")),
    case("Latin-1 accents", "name,phone\nRené,+96550009876\n".encode("latin-1")),
    case("a PNG image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    case("NUL in the header", b"name\x00,phone\nAli,+96550009876\n"),
    case("a 1 MB header", b"x" * 1_000_000 + b"\n"),
    case("no name, phone or email column", b"colour,size\nred,5\n"),
    case("a lone surrogate", b"name,phone\n\xed\xa0\x80,+96550009876\n"),
    case("SQL as the header", b"'; DROP TABLE customers; --\n1\n"),
]


@pytest.mark.parametrize(("name", "data"), FILE_ATTACKS)
def test_csv_files(store: Path, till: Shop, name: str, data: bytes) -> None:
    before = fingerprint(store)
    with pytest.raises(LoyaltyError) as refused:
        till.import_customers(data)
    assert_one_sentence(refused.value.message)
    assert fingerprint(store) == before


# -- 4. the command line ---------------------------------------------------------------------
AMOUNTS = ["", " ", "abc", "-5", "0", "0.000", "1e3", "inf", "nan", "∞", "12,5O", "1" * 50, "9" * 25, "١٢;٥",
           "5 KWD", "$5", "--5", "5-", "0x10", "½", "😀", "12.3456", "1,23,4", "'; DROP TABLE sales; --", "%s", "{0}",
           "1_000", "12..5", "0.0001", "x" * 100_000]  # fmt: skip
CUSTOMERS = ["", "'; DROP TABLE customers; --", "😀", "99999999", "+965", "NEAR(a b)", "*", "%", "_", "x" * 100_000,
             "٥٠٠٠١٢٣٥", "+96550001235", "{0}", "%s%n"]  # fmt: skip
MONTHS = ["", "2026-13", "2026-00", "2026-1-1", "26-10", "October", "2026/10", "0000-01", "1899-12",
          "2026-10' OR 1=1 --", "٢٠٢٦-١٣", "😀", "%Y-%m", "{month}", "x" * 10_000, "-2026-10"]  # fmt: skip
REWARDS = ["", "0", "-1", "9999999", "Free coffee'; --", "😀", "%s", "{0}", "Free coffee", "free", "\t"]


def cli(name: str, argv: list[str], data: bytes | None = None, *, bug: str = "") -> Any:
    """A command line (without --db) and, for "{file}", the bytes of that file."""
    return case(name, argv, data, bug=bug)


CLI_CASES: list[Any] = [
    *[cli(f"sale --amount {v!r:.20}", ["sale", "--anonymous", f"--amount={v}"]) for v in AMOUNTS],
    cli("sale --amount NUL", ["sale", "--anonymous", "--amount=\x00"]),
    cli("sale --amount override", ["sale", "--anonymous", f"--amount={RLO}12"]),
    *[cli(f"sale --customer {v!r:.20}", ["sale", f"--customer={v}", "--amount=1"]) for v in CUSTOMERS],
    cli("sale --customer NUL", ["sale", "--customer=\x00", "--amount=1"]),
    cli("sale --customer override", ["sale", f"--customer={RLO}{ALI_PHONE}", "--amount=1"]),
    cli("sale --category NUL", ["sale", "--anonymous", "--amount=1", "--category=\x00"]),
    cli("sale --category 41 chars", ["sale", "--anonymous", "--amount=1", "--category=" + "x" * 41]),
    cli("sale --category override", ["sale", "--anonymous", "--amount=1", f"--category=tea{RLO}"]),
    cli("sale --key 101 chars", ["sale", "--anonymous", "--amount=1", "--key=" + "k" * 101]),
    cli("sale --key reused", ["sale", "--anonymous", "--amount=1", "--key=first"]),
    cli("sale --key NUL", ["sale", "--anonymous", "--amount=1", "--key=\x00"]),
    *[cli(f"metrics --month {v!r:.20}", ["metrics", f"--month={v}"]) for v in MONTHS],
    cli("metrics --month NUL", ["metrics", "--month=\x00"]),
    cli("metrics --month override", ["metrics", f"--month={RLO}2026-10"]),
    cli("metrics --month 9999-12", ["metrics", "--month=9999-12"]),
    cli("report --month 2026-13", ["report", "--month=2026-13", "-o", "{tmp}/report.pdf"]),
    *[cli(f"redeem --reward {v!r:.20}", ["redeem", f"--customer={ALI_PHONE}", f"--reward={v}"]) for v in REWARDS],
    cli("redeem --reward NUL", ["redeem", f"--customer={ALI_PHONE}", "--reward=\x00"]),
    cli("redeem --reward of 30 digits", ["redeem", f"--customer={ALI_PHONE}", "--reward=" + "9" * 30]),
    cli("redeem for nobody", ["redeem", "--customer=+96550001235", "--reward=Free coffee"]),
    cli("export to a missing folder", ["export", "customers", "-o", "/nonexistent/x.csv"]),
    cli("export onto a folder", ["export", "customers", "-o", "{tmp}"]),
    cli("export to an empty name", ["export", "sales", "-o", ""]),
    cli("export to a NUL path", ["export", "customers", "-o", "{tmp}/a\x00b.csv"]),
    cli("export to a 5000-character name", ["export", "customers", "-o", "{tmp}/" + "x" * 5000]),
    cli("export onto a named pipe", ["export", "customers", "-o", "{fifo}"]),
    cli("cards to a NUL path", ["cards", "-o", "{tmp}/a\x00b.pdf"]),
    cli("import a missing file", ["import", "customers", "/nonexistent.csv"]),
    cli("import a folder", ["import", "customers", "{tmp}"]),
    cli("import a NUL path", ["import", "customers", "{tmp}/a\x00b.csv"]),
    *[cli(f"import {name}", ["import", "customers", "{file}"], data) for name, data in [
        ("an empty file", b""), ("Windows-1256", "name,phone\nعلي,+96550009876\n".encode("cp1256")),
        ("a PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ("a NUL header", b"name\x00,phone\nAli,+96550009876\n"),
        ("no usable column", b"colour,size\nred,5\n"), ("a 1 MB header", b"x" * 1_000_000 + b"\n"),
    ]],
    *[cli(f"demo --customers {v}", ["demo", f"--customers={v}"]) for v in ("0", "-1", "200001", "1000000000000")],
    *[cli(f"demo --months {v}", ["demo", f"--months={v}"]) for v in ("0", "-3", "61", "99999999999")],
    cli("demo on a shop with customers", ["demo", "--customers=5"]),
    cli("backup to a missing folder", ["backup", "--to", "/nonexistent/folder"]),
    cli("backup onto a file", ["backup", "--to", "{file}"], b"not a folder"),
    cli("restore from a missing file", ["restore", "--from", "/nonexistent/shop.db"]),
    cli("restore from a text file", ["restore", "--from", "{file}"], b"name,phone\nAli,1\n"),
    cli("restore from an empty file", ["restore", "--from", "{file}"], b""),
    cli("restore from a folder", ["restore", "--from", "{tmp}"]),
]  # fmt: skip

# argparse's own refusals (a flag's type or choices): they print the usage line too.
ARGPARSE_CASES: list[Any] = [
    case(name, argv)
    for name, argv in [
        ("demo --customers abc", ["demo", "--customers=abc"]),
        ("demo --customers 1.5", ["demo", "--customers=1.5"]),
        ("demo --months empty", ["demo", "--months="]),
        ("demo --seed x", ["demo", "--seed=x"]),
        ("export unknown table", ["export", "everything", "-o", "x.csv"]),
        ("import --format unknown", ["import", "customers", "x.csv", "--format=excel"]),
        ("sale without a customer", ["sale", "--amount=1"]),
        ("--lang fr", ["metrics", "--month=2026-10", "--lang=fr"]),
    ]
]


def run_cli(argv: list[str], store: Path, tmp_path: Path, data: bytes | None) -> int:
    if data is not None:
        (tmp_path / "input").write_bytes(data)
    if "{fifo}" in argv:
        os.mkfifo(tmp_path / "fifo.csv")
    args = [a.replace("{tmp}", str(tmp_path)).replace("{file}", str(tmp_path / "input")) for a in argv]
    args = [a.replace("{fifo}", str(tmp_path / "fifo.csv")) for a in args]
    try:
        return cli_main([args[0], "--db", str(store), *args[1:]])
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1


@pytest.mark.parametrize(("name", "argv", "data"), CLI_CASES)
def test_command_line(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, argv: list[str], data: bytes | None
) -> None:
    before = fingerprint(store)
    code = run_cli(argv, store, tmp_path, data)
    out, err = capsys.readouterr()
    assert code != 0, f"accepted: {out!r}"
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"stderr should be one line: {err!r}"
    assert_one_sentence(lines[0])
    assert fingerprint(store) == before


@pytest.mark.parametrize(("name", "argv"), ARGPARSE_CASES)
def test_command_line_flags_argparse_refuses(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, argv: list[str]
) -> None:
    """argparse exits 2 with its usage line and an "error:" line (in English: argparse's own
    catalogue); no traceback, nothing changed. One line in the user's language needs cli.py."""
    before = fingerprint(store)
    assert run_cli(argv, store, tmp_path, None) == 2
    err = capsys.readouterr().err
    assert "error:" in err.strip().splitlines()[-1] and "Traceback" not in err
    assert fingerprint(store) == before


SEARCHES = ["\x00", RLO, "'; DROP TABLE customers; --", '"', "NEAR(a b) OR *", "*", "%", "_", "😀", MB[:100_000],
            "٠٥٠", "-", "()", "{0}", "   "]  # fmt: skip


@pytest.mark.parametrize("text", SEARCHES, ids=[repr(t)[:20] for t in SEARCHES])
def test_counter_search_finds_nobody_and_never_fails(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A search is not an error: whatever is typed, the answer is a plain "no customer matches"."""
    before = fingerprint(store)
    assert run_cli(["customer", f"--find={text}", "--json"], store, tmp_path, None) == 0
    out, err = capsys.readouterr()
    assert (out.strip(), err) == ("[]", "")
    assert fingerprint(store) == before


# -- 5. the same refusals in Arabic ------------------------------------------------------------
ARABIC_CLI = [
    ["sale", "--anonymous", "--amount=abc"],
    ["sale", "--anonymous", "--amount=-5"],
    ["metrics", "--month=2026-13"],
    ["redeem", f"--customer={ALI_PHONE}", "--reward=Free yacht"],
    ["sale", "--customer=+96550001235", "--amount=1"],
    ["demo", "--customers=0"],
    ["import", "customers", "/nonexistent.csv"],
]
ARABIC_SHOP: list[tuple[str, ShopCall]] = [
    ("score 11", lambda s: s.record_feedback(score=11)),
    ("missing customer", lambda s: s.edit_customer(99_999, name="B")),
    ("unknown setting", lambda s: s.set_settings(no_such_setting=1)),
    ("empty name", lambda s: s.enrol(name="")),
    ("bad phone", lambda s: s.enrol(name="Huda", phone="abc")),
    ("cashier adjusts", lambda s: Shop(s.db, clock=s.clock, staff_id=SARA).adjust(1, "Coffee card", 2, "r")),
    ("empty file", lambda s: s.import_customers(b"")),
]


@pytest.mark.parametrize("argv", ARABIC_CLI, ids=[" ".join(a)[:30] for a in ARABIC_CLI])
def test_command_line_refusals_in_arabic(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    before = fingerprint(store)
    assert run_cli([*argv, "--lang=ar"], store, tmp_path, None) != 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and has_arabic(lines[0]), lines
    assert_one_sentence(lines[0])
    assert fingerprint(store) == before


@pytest.mark.parametrize(("name", "call"), ARABIC_SHOP, ids=[name for name, _call in ARABIC_SHOP])
def test_shop_refusals_in_arabic(store: Path, till: Shop, name: str, call: ShopCall) -> None:
    i18n.set_language("ar")
    before = fingerprint(store)
    with pytest.raises(LoyaltyError) as refused:
        call(till)
    assert has_arabic(refused.value.message), refused.value.message
    assert_one_sentence(refused.value.message)
    assert fingerprint(store) == before


def test_the_corpus_has_at_least_200_cases() -> None:
    counted = [SHOP_CASES, SETTINGS_CASES, STAFF_CASES, TEMPLATE_ATTACKS, CELL_CASES, FILE_ATTACKS, CLI_CASES,
               ARGPARSE_CASES, SEARCHES, ARABIC_CLI, ARABIC_SHOP]  # fmt: skip
    assert sum(map(len, counted)) >= 200
