"""The 80 mm balance slip, read back from the PDF: the shop, the date, the customer and card,
every balance, the tier, rewards ready and vouchers, in English and in Arabic."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.rewards import Voucher
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.kit import RECEIPT_WIDTH
from smallbiz_loyalty.reports.slip import render_slip
from tests.factories import make_customer
from tests.reports.pdftext import font_names, page_count, to_logical, visual_lines

# Strings this slip added, as the Arabic catalogue will have them.
NEW_ARABIC = {"Thank you for your visit!": "شكراً لزيارتك!", "See you soon.": "نراك قريباً."}


@pytest.fixture
def arabic(monkeypatch: pytest.MonkeyPatch) -> None:
    known = i18n.catalogue("ar") | NEW_ARABIC
    monkeypatch.setattr(i18n, "catalogue", lambda lang: known if lang == "ar" else {})


@pytest.fixture
def regular(shop: Shop) -> tuple[Customer, Voucher]:
    """A customer with 3 of 10 coffee stamps, 12 points (a cake ready), Silver tier, a voucher."""
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1000)
    shop.add_reward(points.id, name="Free cake", cost=10)
    shop.add_reward(points.id, name="Lunch for two", cost=200)
    shop.add_tier(points.id, name="فضي Silver", min_spend=10_000)
    shop.add_tier(points.id, name="Gold", min_spend=50_000)
    customer = make_customer(shop, "Sara Ahmed")
    for day, amount in ((3, 4_000), (8, 4_000), (12, 4_000)):
        shop.record_sale(customer_id=customer.id, amount=amount, at=datetime(2026, 10, day, 9, tzinfo=UTC))
    voucher = shop.issue_voucher(customer.id, item="Free muffin", valid_days=30)
    return customer, voucher


def _slip(shop: Shop, customer: Customer, path: Path, lang: str) -> list[str]:
    status = shop.customer_status(customer.id)
    assert render_slip(path, status, shop_name="Rose Café", lang=lang, currency="KWD", today=shop.today()) == 1
    return visual_lines(path)


def test_the_slip_shows_every_balance(tmp_path: Path, shop: Shop, regular: tuple[Customer, Voucher]) -> None:
    customer, voucher = regular
    lines = [to_logical(line, rtl=False) for line in _slip(shop, customer, tmp_path / "slip.pdf", "en")]
    assert lines[:4] == ["Rose Café", "October 15, 2026", "Sara Ahmed", f"Card {customer.card_code}"]
    expected = [
        "Coffee card",
        "3/10",
        "Only 7 stamps more for Free coffee.",
        "Points",
        "12 points",
        "Reward ready: Free cake",
        "Tier: فضي Silver",
        "KWD38.000 more to reach Gold",
        "Your vouchers",
        voucher.code,
        "Free muffin",
        "Valid until November 14, 2026",
        "Thank you for your visit!",
        "See you soon.",
    ]
    assert [line for line in lines if line in expected] == expected
    assert lines[lines.index("Tier: فضي Silver") - 1] == "Reward ready: Free cake"


def test_the_page_is_80_mm_wide_and_as_tall_as_its_content(
    tmp_path: Path, shop: Shop, regular: tuple[Customer, Voucher]
) -> None:
    path = tmp_path / "slip.pdf"
    _slip(shop, regular[0], path, "en")
    with pdfplumber.open(path) as pdf:
        (page,) = pdf.pages
        assert page.width == pytest.approx(RECEIPT_WIDTH)
        assert all(c["x0"] >= 0 and c["x1"] <= page.width and c["top"] >= 0 for c in page.chars)
        last = max(c["bottom"] for c in page.chars)
        assert page.height - 15 * mm < last < page.height  # no long empty tail of paper
    short = tmp_path / "new.pdf"
    _slip(shop, make_customer(shop, "Omar"), short, "en")
    with pdfplumber.open(short) as pdf:
        assert pdf.pages[0].height < page.height  # fewer lines, less paper


@pytest.mark.usefixtures("arabic")
def test_an_arabic_slip_reads_right_to_left(tmp_path: Path, shop: Shop, regular: tuple[Customer, Voucher]) -> None:
    customer = make_customer(shop, "فاطمة (أم علي)")
    shop.record_sale(customer_id=customer.id, amount=12_000, at=datetime(2026, 10, 14, 9, tzinfo=UTC))
    lines = [to_logical(line) for line in _slip(shop, customer, tmp_path / "slip_ar.pdf", "ar")]
    assert lines[:3] == ["Rose Café", "15 أكتوبر 2026", "فاطمة (أم علي)"]
    assert f"البطاقة {customer.card_code}" in lines
    assert "1/10" in lines and "12 نقطة" in lines
    assert "المستوى: فضي Silver" in lines
    assert "مكافأة جاهزة: Free cake" in lines  # a reward named in English keeps its own order
    assert lines[-2:] == ["شكرا لزيارتك!", "نراك قريبا."]


def test_the_same_slip_twice_is_the_same_bytes(tmp_path: Path, shop: Shop, regular: tuple[Customer, Voucher]) -> None:
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    _slip(shop, regular[0], one, "ar")
    _slip(shop, regular[0], two, "ar")
    assert one.read_bytes() == two.read_bytes()
    assert page_count(one) == 1
    fonts = font_names(one)
    assert fonts and all(fonts.values()), fonts


def test_an_unknown_language_writes_nothing(tmp_path: Path, shop: Shop, regular: tuple[Customer, Voucher]) -> None:
    path = tmp_path / "slip.pdf"
    with pytest.raises(InvalidInput, match="Language fr is not supported"):
        render_slip(path, shop.customer_status(regular[0].id), shop_name="Rose Café", lang="fr", currency="KWD",
                    today=shop.today())  # fmt: skip
    assert not path.exists()
