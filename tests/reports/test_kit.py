"""The document kit, read back from real PDFs: wrapped Arabic paragraphs, tiles, tables,
header and footer, embedded fonts, reproducible bytes, and files written whole or not at all."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.reports.flowables import KpiTile, QrCode, data_table, kpi_grid
from smallbiz_loyalty.reports.kit import RECEIPT_WIDTH, PageInfo, Theme, atomic_output, build_pdf, styles
from smallbiz_loyalty.reports.paragraph import Para
from tests.reports.pdftext import font_names, page_count, qr_codes, to_logical, unshape, visual_lines

# The body frame of an A4 page with 65 mm side margins: 80 mm wide, so sentences wrap.
NARROW = 65 * mm
BODY = (NARROW, 18 * mm, 210 * mm - NARROW, 297 * mm - 20 * mm)

ARABIC_SENTENCES = [
    "قال أحمد (Ahmed Ali) إن 85% من العملاء عادوا في أكتوبر 2026، وإن متوسط قيمة المعاملة ارتفع إلى 3.250 د.ك.",
    "نشكر عملاءنا الأوفياء على زيارتهم المتكررة، وبطاقة الولاء رقم ABCD2345 تمنح مكافأة بعد 10 طوابع (أو 500 نقطة).",
]


def _info(lang: str, title: str = "Test") -> PageInfo:
    return PageInfo(shop_name="Test Café", title=title, lang=lang, printed_on=date(2026, 10, 15))


def _body_lines(path: Path, page: int = 0) -> list[str]:
    return visual_lines(path, page, bbox=BODY)


def test_wrapped_arabic_paragraphs_read_back_as_the_sentences_we_meant(tmp_path: Path) -> None:
    path = tmp_path / "arabic.pdf"
    flowables = [Para(text, styles().body, lang="ar") for text in ARABIC_SENTENCES]
    build_pdf(path, flowables, info=_info("ar"), margin=NARROW)
    lines = _body_lines(path)
    assert len(lines) >= 6  # two sentences, each wrapped over three lines or more
    logical = " ".join(to_logical(line) for line in lines)
    assert logical == " ".join(ARABIC_SENTENCES)


def test_a_latin_name_with_parentheses_inside_arabic_keeps_its_order(tmp_path: Path) -> None:
    # Worked by hand: drawn left to right, "هنا" comes first (reversed), then the name.
    path = tmp_path / "n0.pdf"
    build_pdf(path, [Para("اسم Ahmed (Ali) هنا", lang="ar")], info=_info("ar"))
    # python-bidi's reference algorithm lacks that rule (N0), so compare the visual line.
    (line,) = [line for line in visual_lines(path) if "Ahmed" in line]
    assert unshape(line) == "انه Ahmed (Ali) مسا"


def test_arabic_lines_are_right_aligned_and_english_lines_left_aligned(tmp_path: Path) -> None:
    for lang, text in (("ar", ARABIC_SENTENCES[0]), ("en", "Thank you for coming back so often; " * 4)):
        path = tmp_path / f"{lang}.pdf"
        build_pdf(path, [Para(text, lang=lang)], info=_info(lang), margin=NARROW)
        with pdfplumber.open(path) as pdf:
            chars = [c for c in pdf.pages[0].chars if BODY[1] < c["matrix"][5] < BODY[3]]
        baselines = {round(c["matrix"][5]) for c in chars}
        assert len(baselines) >= 3  # wrapped
        for baseline in baselines:
            line = [c for c in chars if round(c["matrix"][5]) == baseline]
            if lang == "ar":
                assert max(c["x1"] for c in line) == pytest.approx(210 * mm - NARROW, abs=0.5)
            else:
                assert min(c["x0"] for c in line) == pytest.approx(NARROW, abs=0.5)


def test_an_english_sentence_with_an_arabic_name_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    text = "Thank you, محمد عبدالله (card ABCD2345), for 12 visits this month."
    build_pdf(path, [Para(text, lang="en")], info=_info("en"))
    (line,) = [line for line in visual_lines(path) if "ABCD2345" in line]
    assert to_logical(line, rtl=False) == text


def test_header_and_footer_name_the_shop_the_date_and_the_page_of_pages(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    paragraphs = [Para(f"Paragraph {n}: " + "a loyal customer comes back. " * 12, lang="en") for n in range(30)]
    pages = build_pdf(path, paragraphs, info=_info("en", "October 2026 report"))
    assert pages == page_count(path) == 3
    for page in range(pages):
        lines = visual_lines(path, page)
        assert lines[0] == "Test Café October 2026 report"
        assert lines[-1] == f"Printed October 15, 2026 Page {page + 1} of 3"


def test_a_paragraph_split_across_pages_loses_no_line(tmp_path: Path) -> None:
    path = tmp_path / "split.pdf"
    text = " ".join(f"word{n}" for n in range(1200))
    build_pdf(path, [Para(text, lang="en")], info=_info("en"))
    words = []
    for page in range(page_count(path)):
        for line in visual_lines(path, page, bbox=(18 * mm, 18 * mm, 192 * mm, 277 * mm)):
            words += line.split()
    assert words == text.split()


def test_tables_put_the_first_column_on_the_right_in_arabic(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    table = data_table(
        ["العميل", "الهاتف", "الزيارات"],
        [["Sarah O'Neil", "+96550000002", "3"]],
        width=170 * mm,
        numeric={2},
        directions={0: "auto", 1: "ltr"},
        lang="ar",
    )
    build_pdf(path, [table], info=_info("ar"))
    header, row = visual_lines(path, bbox=(0, 18 * mm, 210 * mm, 277 * mm))[:2]
    # Read from the right: customer, phone, visits.
    assert to_logical(header) == "العميل الهاتف الزيارات"
    assert row.split() == ["3", "+96550000002", "Sarah", "O'Neil"]


def test_kpi_tiles_show_good_news_in_green_and_bad_news_in_red(tmp_path: Path) -> None:
    path = tmp_path / "tiles.pdf"
    tiles = [
        KpiTile("Retention", "88%", change=3, change_text="+3 points", lang="en"),
        KpiTile("Churn", "12%", change=2, change_text="+2 points", trend="down_is_good", lang="en"),
    ]
    build_pdf(path, [kpi_grid(tiles, width=170 * mm, columns=2)], info=_info("en"))
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["non_stroking_color"])
    colour = {w["text"]: tuple(round(v, 3) for v in w["non_stroking_color"]) for w in words}
    assert colour["+3"] == tuple(round(v, 3) for v in Theme.good.rgb())
    assert colour["+2"] == tuple(round(v, 3) for v in Theme.bad.rgb())
    assert {"Retention", "88%", "Churn", "12%"} <= set(colour)


def test_every_font_is_embedded_and_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    def build(path: Path) -> bytes:
        flowables = [Para(ARABIC_SENTENCES[0], styles().title, lang="ar"), QrCode("ABCD2345", lang="ar")]
        flowables.append(Para(ARABIC_SENTENCES[1], lang="ar"))
        build_pdf(path, flowables, info=_info("ar", "تقرير"))
        return path.read_bytes()

    first, second = build(tmp_path / "one.pdf"), build(tmp_path / "two.pdf")
    assert first == second
    fonts = font_names(tmp_path / "one.pdf")
    assert fonts
    assert all(fonts.values()), fonts
    assert qr_codes(tmp_path / "one.pdf") == ["ABCD2345"]


def test_a_cancelled_build_leaves_the_old_file_and_no_scraps(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"the previous report")
    seen = []
    with pytest.raises(Cancelled):
        build_pdf(
            path,
            [Para(f"Paragraph {n}", lang="en") for n in range(5)],
            info=_info("en"),
            progress=lambda done, total, label: seen.append((done, total)),
            should_cancel=lambda: len(seen) >= 2,
        )
    assert path.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    assert seen == [(1, 5), (2, 5)]


def test_unknown_paper_and_missing_folder_are_refused_plainly(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"Paper size A5 is not supported; choose A4 or Letter\."):
        build_pdf(tmp_path / "x.pdf", [Para("x")], info=_info("en"), paper="A5")
    with pytest.raises(InvalidInput, match="does not exist"):
        build_pdf(tmp_path / "no" / "x.pdf", [Para("x")], info=_info("en"))
    assert list(tmp_path.iterdir()) == []


def test_letter_paper_is_letter_sized(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    build_pdf(path, [Para("Hello")], info=_info("en"), paper="Letter")
    with pdfplumber.open(path) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (612, 792)


def test_a_receipt_width_slip_has_no_header_or_footer(tmp_path: Path) -> None:
    path = tmp_path / "slip.pdf"
    lines = [Para("Sarah O'Neil", styles("en").title, lang="en"), Para("7 of 10 stamps", lang="en")]
    build_pdf(path, lines, info=_info("en"), pagesize=(RECEIPT_WIDTH, 100 * mm), decorated=False, margin=4 * mm)
    with pdfplumber.open(path) as pdf:
        assert round(pdf.pages[0].width / mm) == 80
    assert visual_lines(path) == ["Sarah O'Neil", "7 of 10 stamps"]


def test_a_nul_in_the_pdf_path_is_refused_in_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused, atomic_output(tmp_path / "a\x00b.pdf"):
        pass  # mkstemp would raise ValueError: embedded null byte
    assert refused.value.message == "A file name cannot contain a NUL character; please retype it."
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_carrying_the_pdf_name_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "cards.pdf"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match=r"cards\.pdf exists and is not a regular file; choose another file name"):
        build_pdf(fifo, [Para("x")], info=_info("en"))
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]


def test_a_long_pdf_name_the_file_system_takes_is_written(tmp_path: Path) -> None:
    path = tmp_path / ("r" * 250 + ".pdf")  # ".<name>.<random>.part" would pass 255 bytes
    assert build_pdf(path, [Para("Hello")], info=_info("en")) == 1
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_refused_folder_is_echoed_without_its_control_characters(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        build_pdf(tmp_path / "no\u202e" / "x.pdf", [Para("x")], info=_info("en"))
    assert refused.value.message == (
        f"The folder {tmp_path}/no\ufffd does not exist; choose another place to save the PDF."
    )
