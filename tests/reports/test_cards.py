"""Loyalty cards, read back from the PDF: every card carries its customer's name, the card
code as text and as a QR code that decodes to it; 10 to an A4 sheet, 8 to Letter."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.cards import CARD_HEIGHT, CARD_WIDTH, render_cards, sheet_layout
from tests.factories import make_customer
from tests.reports.pdftext import font_names, lines_of, page_chars, page_count, qr_codes, to_logical

NAMES = [
    "محمد عبدالله الصباح",
    "Sarah O'Neil",
    "فاطمة (أم علي)",
    "Ahmed Ali",
    "نورة",
    "Li Wei",
    "خالد الرشيد",
    "Zoë Brown",
    "Omar Haddad",
    "سارة",
    "Hassan (Jr.)",
]


@pytest.fixture
def customers(shop: Shop) -> list[Customer]:
    return [make_customer(shop, name) for name in NAMES]


def _card_lines(pages: list[list[dict]], paper: str, index: int, *, rtl: bool) -> list[str]:
    """The lines of the `index`-th card, from the characters of each page."""
    layout = sheet_layout(paper)
    page, slot = divmod(index, layout.per_page)
    x, y = layout.card_origin(slot, rtl=rtl)
    return lines_of(pages[page], bbox=(x, y, x + CARD_WIDTH, y + CARD_HEIGHT))


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_an_a4_sheet_holds_ten_cards_each_with_its_name_code_and_qr(tmp_path: Path, customers: list[Customer]) -> None:
    path = tmp_path / "cards.pdf"
    pages = render_cards(path, customers, shop_name="Test Café", lang="en")
    assert pages == page_count(path) == 2
    chars = [page_chars(path, 0), page_chars(path, 1)]
    for index, customer in enumerate(customers):
        lines = _card_lines(chars, "A4", index, rtl=False)
        assert lines[0] == "Test Café Loyalty card"
        assert customer.name in [to_logical(line, rtl=_is_arabic(customer.name)) for line in lines]
        assert customer.card_code in lines
    assert qr_codes(path, 0) == sorted(c.card_code for c in customers[:10])
    assert qr_codes(path, 1) == [customers[10].card_code]


def test_an_arabic_sheet_starts_top_right_and_reads_right_to_left(tmp_path: Path, customers: list[Customer]) -> None:
    path = tmp_path / "cards_ar.pdf"
    render_cards(path, customers[:3], shop_name="مقهى الورد", lang="ar")
    chars = [page_chars(path, 0)]
    first = _card_lines(chars, "A4", 0, rtl=True)
    assert to_logical(first[0]) == "مقهى الورد بطاقة الولاء"  # the shop name first, on the right
    assert to_logical(first[1]) == "محمد عبدالله الصباح"
    assert customers[0].card_code in first
    third = _card_lines(chars, "A4", 2, rtl=True)
    assert to_logical(third[1]) == "فاطمة (أم علي)"
    # The card in the top-left slot of an Arabic sheet is the second one.
    layout = sheet_layout("A4")
    x, y = layout.card_origin(0)
    top_left = lines_of(chars[0], bbox=(x, y, x + CARD_WIDTH, y + CARD_HEIGHT))
    assert customers[1].card_code in top_left


def test_the_qr_on_each_card_sits_on_that_card(tmp_path: Path, customers: list[Customer]) -> None:
    import zxingcpp

    from tests.reports.pdftext import page_image

    path = tmp_path / "cards.pdf"
    render_cards(path, customers[:2], shop_name="Test Café", lang="en")
    image = page_image(path, 0, dpi=150)
    scale = 150 / 72
    layout = sheet_layout("A4")
    for slot, customer in enumerate(customers[:2]):
        x, y = layout.card_origin(slot)
        top = image.height - (y + CARD_HEIGHT) * scale
        card = image.crop((x * scale, top, (x + CARD_WIDTH) * scale, top + CARD_HEIGHT * scale))
        assert [r.text for r in zxingcpp.read_barcodes(card)] == [customer.card_code]


def test_letter_paper_takes_eight_cards_a_sheet(tmp_path: Path, customers: list[Customer]) -> None:
    layout = sheet_layout("Letter")
    assert (layout.columns, layout.rows) == (2, 4)
    assert (sheet_layout("A4").columns, sheet_layout("A4").rows) == (2, 5)
    path = tmp_path / "letter.pdf"
    assert render_cards(path, customers, shop_name="Test Café", lang="en", paper="Letter") == 2
    assert len(qr_codes(path, 0)) == 8
    assert len(qr_codes(path, 1)) == 3
    # Every card stays at least 8 mm from the paper's edge.
    x, y = layout.origin
    assert min(x, y) >= 8 * mm


def test_erased_customers_get_no_card_and_an_empty_list_writes_nothing(
    tmp_path: Path, customers: list[Customer]
) -> None:
    erased = dataclasses.replace(customers[0], name="", erased_at="2026-10-01T00:00:00+00:00")
    path = tmp_path / "cards.pdf"
    render_cards(path, [erased, customers[1]], shop_name="Test Café", lang="en")
    assert qr_codes(path, 0) == [customers[1].card_code]
    empty = tmp_path / "none.pdf"
    with pytest.raises(InvalidInput, match="There are no customers to print loyalty cards for"):
        render_cards(empty, [erased], shop_name="Test Café", lang="en")
    assert not empty.exists()


def test_progress_is_reported_and_cancelling_leaves_no_file(tmp_path: Path, customers: list[Customer]) -> None:
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "cards.pdf"
    with pytest.raises(Cancelled):
        render_cards(
            path,
            customers,
            shop_name="Test Café",
            lang="en",
            progress=lambda done, total, label: seen.append((done, total)),
            should_cancel=lambda: len(seen) == 4,
        )
    assert seen == [(1, 11), (2, 11), (3, 11), (4, 11)]
    assert list(folder.iterdir()) == []


def test_cards_embed_their_fonts_and_are_reproducible(tmp_path: Path, customers: list[Customer]) -> None:
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    render_cards(one, customers, shop_name="مقهى الورد", lang="ar")
    render_cards(two, customers, shop_name="مقهى الورد", lang="ar")
    assert one.read_bytes() == two.read_bytes()
    fonts = font_names(one)
    assert fonts
    assert all(fonts.values()), fonts
