"""Printed notes, read back from the PDF: each card carries its customer's name and balance,
Arabic comes back as it was meant, the birthday QR code decodes to the voucher, the owner's
hostile template prints as typed, and the same notes give the same bytes."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.audiences import Recipient, note_recipients
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.templates import default_template, render_template
from smallbiz_loyalty.reports.kit import page_size
from smallbiz_loyalty.reports.notes import Quarters, render_notes
from tests.factories import make_customer
from tests.reports.pdftext import font_names, lines_of, page_chars, page_count, qr_codes, to_logical

A4 = Quarters(page_size("A4"))
ARABIC_TEMPLATE = "أهلاً {name}،\nشكراً لزيارتك {shop} (فرع السالمية)! لديك الآن {balance}. {reward}"
# Strings the notes added, as the Arabic catalogue will have them.
NEW_ARABIC = {
    default_template("thank-you", "en"): "أهلاً {name}،\nشكراً لزيارتك {shop} لأول مرة! لديك الآن {balance} على"
    " بطاقة الولاء. {reward}\nنتطلّع لرؤيتك مجدداً قريباً.",
    "Only {quantity} more for {reward}.": "بقي {quantity} فقط للحصول على {reward}.",
    "Thank you!": "شكراً لك!",
    "For {name}": "إلى {name}",
}


@pytest.fixture
def arabic(monkeypatch: pytest.MonkeyPatch) -> None:
    known = i18n.catalogue("ar") | NEW_ARABIC
    monkeypatch.setattr(i18n, "catalogue", lambda lang: known if lang == "ar" else {})


def _buy(shop: Shop, customer_id: int, visits: int) -> None:
    for day in range(1, visits + 1):
        shop.record_sale(customer_id=customer_id, amount=1_500, at=datetime(2026, 10, day, 9, tzinfo=UTC))


def _people(shop: Shop, names: list[str], lang: str = "en", kind: str = "thank-you") -> list[Recipient]:
    ids = []
    for visits, name in enumerate(names, start=1):
        customer = make_customer(shop, name)
        _buy(shop, customer.id, visits)
        ids.append(customer.id)
    return note_recipients(shop.db, kind, today=shop.today(), settings=shop.settings, lang=lang, ids=ids)


def _quarter(path: Path, sheet: Quarters, page: int, slot: int, *, rtl: bool) -> list[str]:
    x, y = sheet.origin(slot, rtl=rtl)
    width, height = sheet.card
    return lines_of(page_chars(path, page), bbox=(x, y, x + width, y + height))


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _logical(lines: list[str], *, rtl: bool) -> str:
    """Lines back in logical order, joined as one text: the test of shaping, order and wrapping.
    Every line of a right-to-left paragraph is reordered, even one of Latin words only (its
    full stop is drawn on the left)."""
    return " ".join(to_logical(line, rtl=rtl) if rtl or _has_rtl(line) else line for line in lines)


def _bare(text: str) -> str:
    """`text` without harakat (the printed notes leave them out) and with single spaces."""
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Mn").split())


def test_four_thank_you_notes_to_a_sheet_each_with_its_name_and_balance(tmp_path: Path, shop: Shop) -> None:
    names = ["Sara Ahmed", "Omar (Jr.)", "Zoë Brown", "Li Wei", "Huda Saleh"]
    people = _people(shop, names)
    path = tmp_path / "thanks.pdf"
    assert render_notes(path, people, kind="thank-you", shop_name="Rose Café", lang="en") == page_count(path) == 2
    template = default_template("thank-you", "en")
    for index, person in enumerate(people):
        lines = _quarter(path, A4, index // 4, index % 4, rtl=False)
        assert lines[:2] == ["Rose Café", "Thank you!"]
        stamps = "1 stamp" if index == 0 else f"{index + 1} stamps"
        message = render_template(template, person.values)
        assert f"Dear {names[index]}," in lines
        assert f"You already have {stamps} on your loyalty card." in message
        assert " ".join(message.split()) in " ".join(lines)  # every word, in order, across wrapped lines
        assert stamps in lines  # the loyalty card box under the message
        assert f"Card {person.customer.card_code}" == lines[-1]


def test_an_arabic_note_reads_back_as_meant(tmp_path: Path, shop: Shop) -> None:
    people = _people(shop, ["محمد عبدالله الصباح", "Sarah O'Neil", "فاطمة (أم علي)"], lang="ar")
    path = tmp_path / "thanks_ar.pdf"
    render_notes(path, people, kind="thank-you", shop_name="Test Café", lang="ar", template=ARABIC_TEMPLATE)
    for slot, person in enumerate(people):
        lines = _quarter(path, A4, 0, slot, rtl=True)
        text = _logical(lines, rtl=True)
        message = render_template(ARABIC_TEMPLATE, person.values)
        assert _bare(message) in text, (message, text)
    # Right to left: the first note is in the top-right quarter, and its balance reads "ختم واحد".
    first = _quarter(path, A4, 0, 0, rtl=True)
    assert "أهلا محمد عبدالله الصباح،" in [to_logical(line) for line in first]
    assert "لديك الآن 3 أختام." in _logical(_quarter(path, A4, 0, 2, rtl=True), rtl=True)


def test_the_birthday_card_carries_the_voucher_as_a_qr_code(tmp_path: Path, shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    huda = make_customer(shop, "Huda", birthday="10-28")
    (gift,) = shop.issue_birthday_gifts().gifts  # due a week ahead: Sara's
    cards = note_recipients(
        shop.db, "birthday", today=shop.today(), settings=shop.settings, lang="en", month=date(2026, 10, 1)
    )
    path = tmp_path / "birthdays.pdf"
    render_notes(path, cards, kind="birthday", shop_name="Rose Café", lang="en")
    # Huda's voucher is not issued yet: her card's own code, which finds her at the counter.
    assert qr_codes(path, 0) == sorted([gift.voucher.code, huda.card_code])
    lines = _quarter(path, A4, 0, 0, rtl=False)
    assert cards[0].customer.id == sara.id
    assert "Your birthday gift" in lines and "Free coffee" in lines
    assert f"Valid until {cards[0].values['valid_until']}" in lines and gift.voucher.code in lines
    assert "Show this card at the counter." in _quarter(path, A4, 0, 1, rtl=False)


def test_a_folded_card_per_page_front_upside_down_message_inside(tmp_path: Path, shop: Shop) -> None:
    people = _people(shop, ["Sara Ahmed", "Omar Ali"])
    path = tmp_path / "folded.pdf"
    assert render_notes(path, people, kind="win-back", shop_name="Rose Café", lang="en", layout="folded") == 2
    assert page_count(path) == 2
    inside = _quarter(path, A4, 1, 3, rtl=False)
    assert "Dear Omar Ali," in inside and inside[-1] == "Rose Café"  # signed by the shop
    # The front (top right) is printed upside down, so its letters come out right to left.
    front = [line[::-1] for line in _quarter(path, A4, 1, 1, rtl=False)]
    assert front == ["For Omar Ali", "We miss you!", "Rose Café"]
    assert "2 stamps" in _quarter(path, A4, 1, 2, rtl=False)  # the loyalty card, inside left


@pytest.mark.usefixtures("arabic")
def test_an_arabic_folded_card_opens_the_other_way(tmp_path: Path, shop: Shop) -> None:
    (person,) = _people(shop, ["نورة"], lang="ar")
    path = tmp_path / "folded_ar.pdf"
    render_notes(path, [person], kind="thank-you", shop_name="مقهى الورد", lang="ar", layout="folded")
    # The front, upside down on the top left of an Arabic sheet: each line's letters come out reversed.
    front = [to_logical(line[::-1]) for line in _quarter(path, A4, 0, 0, rtl=False)]
    assert front == ["إلى نورة", "شكرا لك!", "مقهى الورد"]
    inside_left = _logical(_quarter(path, A4, 0, 3, rtl=True), rtl=True)
    message = render_template(default_template("thank-you", "ar"), person.values)
    assert message.startswith("أهلاً نورة،\nشكراً لزيارتك Test Café لأول مرة! لديك الآن ختم واحد")
    assert inside_left == _bare(message) + " مقهى الورد"  # signed by the shop


def test_hostile_templates_print_as_typed(tmp_path: Path, shop: Shop) -> None:
    people = _people(shop, ["Sara"])
    hostile = "Hi {name}! {name.__class__} {0} {name!r} {name:>99999} {{x}} {shop"
    path = tmp_path / "hostile.pdf"
    render_notes(path, people, kind="thank-you", shop_name="Rose Café", lang="en", template=hostile)
    lines = _quarter(path, A4, 0, 0, rtl=False)
    assert " ".join(lines).count("Hi Sara! {name.__class__} {0} {name!r} {name:>99999} {x} {shop") == 1


def test_a_very_long_text_shrinks_then_stops_with_an_ellipsis_inside_the_card(tmp_path: Path, shop: Shop) -> None:
    people = _people(shop, ["Sara"])
    path = tmp_path / "long.pdf"
    render_notes(path, people, kind="thank-you", shop_name="Rose Café", lang="en", template="{name} " + "word " * 600)
    chars = page_chars(path, 0)
    width, height = A4.card
    assert all(c["x1"] <= width and c["top"] >= 0 and c["bottom"] <= height for c in chars)  # top-left card only
    lines = lines_of(chars)
    assert any(line.endswith("…") for line in lines)
    assert lines[-1] == f"Card {people[0].customer.card_code}"  # the box and footer are still there


def test_letter_paper_and_reproducible_bytes_with_embedded_fonts(tmp_path: Path, shop: Shop) -> None:
    people = _people(shop, ["Sara", "سارة"], lang="ar")
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    for path in (one, two):
        render_notes(path, people, kind="birthday", shop_name="مقهى الورد", lang="ar", paper="Letter")
    assert one.read_bytes() == two.read_bytes()
    fonts = font_names(one)
    assert fonts and all(fonts.values()), fonts
    letter = Quarters(page_size("Letter"))
    assert "مقهى الورد" in [to_logical(line) for line in _quarter(one, letter, 0, 1, rtl=True)]


def test_nothing_is_written_when_there_is_nobody_or_the_user_cancels(tmp_path: Path, shop: Shop) -> None:
    people = _people(shop, ["Sara", "Omar", "Huda"])
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InvalidInput, match="There is nobody to print these notes for"):
        render_notes(folder / "none.pdf", [], kind="thank-you", shop_name="Rose Café", lang="en")
    with pytest.raises(InvalidInput, match=r"The layout must be one of: a6x4, folded\."):
        render_notes(folder / "bad.pdf", people, kind="thank-you", shop_name="Rose Café", lang="en", layout="a5")
    seen: list[int] = []
    with pytest.raises(Cancelled):
        render_notes(
            folder / "cancelled.pdf", people, kind="thank-you", shop_name="Rose Café", lang="en",
            progress=lambda done, total, label: seen.append(done), should_cancel=lambda: len(seen) == 2,
        )  # fmt: skip
    assert seen == [1, 2]
    assert list(folder.iterdir()) == []


def test_a_name_in_the_other_script_keeps_its_own_direction(tmp_path: Path, shop: Shop) -> None:
    (person,) = _people(shop, ["Sara"])
    arabic_name = dataclasses.replace(person, values=person.values | {"name": "سارة الأحمد"})
    path = tmp_path / "mixed.pdf"
    render_notes(path, [arabic_name], kind="thank-you", shop_name="Rose Café", lang="en")
    lines = _quarter(path, A4, 0, 0, rtl=False)
    assert "Dear سارة الأحمد," in [to_logical(line, rtl=False) for line in lines]
