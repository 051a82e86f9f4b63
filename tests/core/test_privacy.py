"""Privacy: a customer's own data exported whole (JSON, CSV, a readable PDF in Arabic too),
and erasing a customer — their details gone from every list, search and even the file,
while the shop's sales and retention figures stay exactly as they were."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smallbiz_loyalty.core import metrics, privacy
from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import InvalidInput, NotFound, RuleViolation
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.privacy import pdf_renderer
from tests.factories import make_customer
from tests.reports.pdftext import logical_text, page_count, visual_lines

NAME, PHONE, EMAIL = "علي الصباح", "+96550001234", "ali.sabah@example.com"
AUGUST, SEPTEMBER = datetime(2026, 8, 3, 9, tzinfo=UTC), datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def ali(shop: Shop) -> Customer:
    """A regular since August: 3 purchases (one part-returned), 9 stamps added by hand and a free
    coffee redeemed, an NPS answer, a voucher, the Silver tier, and a friend he referred."""
    shop.add_tier("Coffee card", name="Silver", min_spend=20_000)
    ali = shop.enrol(
        name=NAME, phone=PHONE, email=EMAIL, birthday="1990-03-21", notes="Likes oat milk", consent_marketing=True,
        at=AUGUST,
    ).customer  # fmt: skip
    first = shop.record_sale(customer_id=ali.id, amount=12_500, category="Coffee", at=AUGUST).sale
    shop.record_sale(customer_id=ali.id, amount=9_000, category="Cake", at=SEPTEMBER)
    shop.record_sale(customer_id=ali.id, amount=4_250, category="Coffee")
    shop.record_return(first.id, amount=2_500)
    shop.adjust(ali.id, "Coffee card", 9, "Card from the old system")
    shop.redeem(ali.id, "Free coffee")
    shop.record_feedback(score=9, comment="Lovely staff", customer_id=ali.id)
    shop.issue_voucher(ali.id, item="Sorry for the wait")
    make_customer(shop, "Huda", referred_by=ali.id)
    return ali


def test_the_export_holds_everything_the_shop_knows_about_the_customer(shop: Shop, ali: Customer) -> None:
    data = privacy.export_customer(shop.db, ali.id, today=shop.today())
    details = data["customer"]
    assert (details["name"], details["phone"], details["email"]) == (NAME, PHONE, EMAIL)
    assert (details["birthday"], details["notes"], details["consent_marketing"]) == (
        "1990-03-21",
        "Likes oat milk",
        True,
    )
    assert [(s["kind"], s["amount_text"]) for s in data["sales"]] == [
        ("sale", "12.500"), ("sale", "9.000"), ("sale", "4.250"), ("return", "-2.500"),
    ]  # fmt: skip
    kinds = [row["kind"] for row in data["ledger"]]
    assert kinds.count("earn") == 3 and "adjust" in kinds and "redeem" in kinds
    assert data["balances"] == [{"programme": "Coffee card", "unit": "stamps", "balance": 2}]  # 3 + 9 − 10
    assert [r["reward"] for r in data["redemptions"]] == ["Free coffee"]
    assert [(f["score"], f["comment"]) for f in data["feedback"]] == [(9, "Lovely staff")]
    assert [v["item"] for v in data["vouchers"]] == ["Sorry for the wait"]
    assert [t["tier"] for t in data["tier_history"]] == ["Silver"]
    assert len(data["referred_customers"]) == 1
    assert (data["currency"], data["as_of"]) == ("KWD", "2026-10-15")


def test_the_export_is_saved_as_json_csv_and_a_readable_arabic_pdf(shop: Shop, ali: Customer, tmp_path: Path) -> None:
    render = pdf_renderer(shop_name="مقهى الاختبار", lang="ar", printed_on=shop.today())
    paths = shop.export_customer_data(ali.id, tmp_path, render_pdf=render)
    assert [p.name for p in paths] == [f"customer-{ali.id}.json", f"customer-{ali.id}.csv", f"customer-{ali.id}.pdf"]
    saved = json.loads(paths[0].read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(privacy.export_customer(shop.db, ali.id, today=shop.today())))
    raw = paths[1].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the Arabic name right
    text = raw.decode("utf-8-sig")
    assert f"name,{NAME}" in text and f"phone,{PHONE}" in text and "Lovely staff" in text
    assert page_count(paths[2]) >= 1
    page = logical_text(paths[2])
    assert NAME in page and EMAIL in page and "Coffee card" in page
    assert any(line.startswith(PHONE + " ") for line in visual_lines(paths[2]))  # "+965…" left to right
    assert shop.audit_entries(1)[0].action == "privacy_export"


def test_an_english_pdf_reads_in_english(shop: Shop, ali: Customer, tmp_path: Path) -> None:
    render = pdf_renderer(shop_name="Test Café", lang="en", printed_on=shop.today())
    pdf = shop.export_customer_data(ali.id, tmp_path, render_pdf=render)[-1]
    pages = " ".join(logical_text(pdf, number, rtl=False) for number in range(page_count(pdf)))
    assert "Everything we hold about you" in pages and "Customer number 1" in pages
    assert "Free coffee" in pages and "Sorry for the wait" in pages and "Lovely staff" in pages


def test_nothing_is_left_behind_when_the_export_fails(shop: Shop, ali: Customer, tmp_path: Path) -> None:
    def cancelled_pdf(path: Path, data: dict) -> None:
        raise Cancelled

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        shop.export_customer_data(ali.id, folder, render_pdf=cancelled_pdf)
    assert list(folder.iterdir()) == []
    with pytest.raises(InvalidInput, match="does not exist"):
        shop.export_customer_data(ali.id, tmp_path / "missing")
    assert shop.audit_entries(1)[0].action != "privacy_export"


def test_a_cell_that_would_start_a_spreadsheet_formula_is_kept_as_text() -> None:
    assert privacy.csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert privacy.csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert privacy.csv_cell("+96550001234") == "+96550001234"  # a number stays a number
    assert privacy.csv_cell("-2.500") == "-2.500"
    assert privacy.csv_cell(None) == ""


def _figures(shop: Shop, month: str) -> dict:
    figures = dataclasses.asdict(metrics.month_metrics(shop.db, month, shop.settings).current)
    figures.pop("members")
    return figures


def test_erasing_keeps_every_sales_and_retention_figure(shop: Shop, ali: Customer) -> None:
    before = {month: _figures(shop, month) for month in ("2026-08", "2026-09", "2026-10")}
    members = shop.month_metrics("2026-10").current.members
    shop.erase_customer(ali.id, reason="Asked at the counter")
    assert {month: _figures(shop, month) for month in before} == before
    assert shop.month_metrics("2026-10").current.members == members - 1  # no longer a member
    assert shop.check() == []


def test_an_erased_customer_keeps_no_personal_data(shop: Shop, ali: Customer) -> None:
    result = shop.erase_customer(ali.id, reason="Asked at the counter")
    gone = shop.customer(ali.id)
    assert gone.name == f"Erased customer #{ali.id}"
    assert (gone.phone, gone.email, gone.birthday, gone.notes, gone.external_id) == (None, "", None, "", "")
    assert (gone.consent_marketing, gone.consent_notes, gone.card_code) == (False, False, f"ERASED-{ali.id}")
    assert gone.erased_at == "2026-10-15T09:30:00+00:00"
    assert result.erased.written_off == {1: 2}  # the 2 stamps left, written off through the ledger
    assert shop.customer_status(ali.id).programmes[0].balance == 0
    assert shop.ledger_entries(ali.id)[0].reason == "Written off: customer erased"
    sales = shop.db.execute("SELECT count(*) FROM sales WHERE customer_id = ?", [ali.id]).fetchone()[0]
    assert sales == 4 and len(shop.feedback_of(ali.id)) == 1  # the books keep them, anonymous


def test_an_erased_customer_never_shows_in_search_lists_or_exports(shop: Shop, ali: Customer, tmp_path: Path) -> None:
    card = ali.card_code
    shop.erase_customer(ali.id, reason="Asked at the counter")
    for typed in ("علي", "الصباح", "1234", "50001234", card, "Erased"):
        assert shop.find_customers(typed) == [], typed
    for typed in (PHONE, card):
        with pytest.raises(NotFound):
            shop.resolve_customer(typed)
    assert ali.id not in shop.customer_ids() and shop.count_customers() == 1
    shop.export("customers", tmp_path / "customers.csv")
    assert "Erased" not in (tmp_path / "customers.csv").read_text(encoding="utf-8-sig")
    month = (datetime(2026, 8, 1).date(), datetime(2026, 11, 1).date())
    assert ali.id not in [c.customer_id for c in shop.top_customers(*month) + shop.new_customers(*month)]
    assert ali.id not in [c.customer_id for c in shop.at_risk()]
    assert shop.upcoming_birthdays(366) == []


def _raw_bytes(db_path: Path) -> bytes:
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_the_erased_details_are_gone_from_the_file_itself(shop: Shop, db_path: Path) -> None:
    """Not only hidden: no freed page, old search-index segment or -wal frame keeps them."""
    others = "".join(f"Person {i} سارة,+965600{i:05d}\n" for i in range(80))
    shop.import_customers(f"name,phone\n{others}".encode())  # search segments big enough to keep old terms
    nora = shop.enrol(
        name="Nora Qabbani نورة", phone="+96550007777", email="nora.q@example.com",
        notes="Allergic to nuts; " + "lives near the old souq, " * 70,
    ).customer  # fmt: skip
    secrets = ["+96550007777", "50007777", "nora.q@example.com", "Allergic to nuts", "old souq", "qabbani", "نوره"]
    shop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # her details are in the database file proper
    assert all(secret.encode() in _raw_bytes(db_path) for secret in secrets)
    shop.erase_customer(nora.id, reason="Asked at the counter")
    assert [secret for secret in secrets if secret.encode() in _raw_bytes(db_path)] == []


def test_the_friend_he_referred_no_longer_sees_his_name(shop: Shop, ali: Customer) -> None:
    huda = shop.find_customers("huda")[0]
    sale = shop.record_sale(customer_id=huda.id, amount=1_000)
    assert any(NAME in line for line in sale.messages)
    shop.erase_customer(ali.id, reason="Asked at the counter")
    replay = shop.record_sale(customer_id=huda.id, amount=1_000, key=sale.sale.key)
    assert replay.duplicate and not any(NAME in line for line in replay.messages)
    assert shop.customer(huda.id).referred_by == ali.id  # the referral still counts in the figures


def test_unused_vouchers_are_cancelled(shop: Shop, ali: Customer) -> None:
    code = shop.vouchers(ali.id)[0].code
    shop.erase_customer(ali.id, reason="Asked at the counter")
    with pytest.raises(RuleViolation, match="already used"):
        shop.redeem_voucher(code)
    assert shop.month_metrics("2026-10").current.loyalty["vouchers_redeemed"] == 0  # a cancel is not a use


def test_a_duplicate_merged_into_the_customer_is_erased_with_them(shop: Shop, ali: Customer) -> None:
    duplicate = make_customer(shop, "Ali Sabah", phone="+96550009999")
    shop.merge_customers(ali.id, duplicate.id)
    with pytest.raises(RuleViolation, match="merged into customer"):
        shop.erase_customer(duplicate.id, reason="Asked at the counter")
    result = shop.erase_customer(ali.id, reason="Asked at the counter")
    assert result.erased.also_erased == (duplicate.id,)
    assert shop.customer(duplicate.id).phone is None
    assert shop.enrol(name="Someone new", phone="+96550009999").customer.phone == "+96550009999"
    assert shop.check() == []


def test_a_negative_balance_is_cleared_too(shop: Shop) -> None:
    shop.set_settings(negative_balance="allow")
    omar = make_customer(shop, "Omar")
    shop.adjust(omar.id, "Coffee card", -3, "Owed from a mistake")
    shop.erase_customer(omar.id, reason="Asked by email")
    assert shop.customer_status(omar.id).programmes[0].balance == 0
    assert shop.check() == []


def test_erasing_twice_or_without_a_reason_is_refused_and_changes_nothing(shop: Shop, ali: Customer) -> None:
    with pytest.raises(InvalidInput, match="The reason cannot be empty"):
        shop.erase_customer(ali.id, reason="  ")
    assert shop.customer(ali.id).name == NAME
    shop.erase_customer(ali.id, reason="Asked at the counter")
    with pytest.raises(RuleViolation, match="already erased"):
        shop.erase_customer(ali.id, reason="Again")
    with pytest.raises(RuleViolation, match="nothing personal is left"):
        privacy.export_customer(shop.db, ali.id, today=shop.today())
    with pytest.raises(NotFound):
        shop.erase_customer(999, reason="Nobody")


def test_birthday_gifts_follow_consent_and_skip_the_erased(shop: Shop) -> None:
    yes = make_customer(shop, "Yes", birthday="10-20", consent_marketing=True)
    make_customer(shop, "No", birthday="10-20", consent_marketing=False)
    withdrew = make_customer(shop, "Withdrew", birthday="10-20", consent_marketing=True)
    shop.edit_customer(withdrew.id, consent_marketing=False)
    erased = make_customer(shop, "Erased", birthday="10-20", consent_marketing=True)
    shop.erase_customer(erased.id, reason="Asked at the counter")
    assert [g.customer_id for g in shop.issue_birthday_gifts().gifts] == [yes.id]
