"""Reading our PDFs back the way a person sees them, for the report tests.

Arabic comes out of a PDF as drawn: joined presentation forms, in visual (left to
right) order. `to_logical` undoes both with code that is not ours (Unicode NFKC and
python-bidi's reference algorithm), so a test comparing its result with the text we
meant can fail if our shaping or ordering is wrong.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pypdfium2
import zxingcpp
from bidi.algorithm import get_display
from pypdf import PdfReader


def page_chars(path: Path, page: int = 0) -> list[dict]:
    """Every character drawn on a page, as pdfplumber reads it."""
    with pdfplumber.open(path) as pdf:
        return list(pdf.pages[page].chars)


def lines_of(chars: list[dict], bbox: tuple[float, float, float, float] | None = None) -> list[str]:
    """The text lines (top to bottom) of `chars`, characters left to right as drawn.

    Lines are grouped by baseline: the Arabic and Latin fonts have different heights,
    so pdfplumber's own line grouping splits a mixed line in two. A gap wider than
    2 pt with no space drawn in it (between table cells) reads as one space. `bbox`
    is (x0, y0, x1, y1) in PDF points from the bottom-left, as reportlab draws;
    a character belongs to it when its baseline start point is inside."""
    lines: dict[float, list[dict]] = defaultdict(list)
    for char in chars:
        x, y = char["matrix"][4], char["matrix"][5]
        # 0.5 pt of slack: text set exactly at a margin must not fall out by rounding.
        if bbox is None or (bbox[0] - 0.5 <= x < bbox[2] and bbox[1] - 0.5 <= y < bbox[3]):
            lines[round(y, 1)].append(char)
    return [_join(sorted(lines[y], key=lambda c: c["x0"])) for y in sorted(lines, reverse=True)]


def visual_lines(path: Path, page: int = 0, bbox: tuple[float, float, float, float] | None = None) -> list[str]:
    """`lines_of` one page of the PDF at `path`."""
    return lines_of(page_chars(path, page), bbox)


def _join(chars: list[dict]) -> str:
    """Characters of one line as text; a wide gap (between table cells, say) is a space."""
    out, previous = [], None
    for char in chars:
        if previous and char["x0"] - previous["x1"] > 2 and " " not in (char["text"], previous["text"]):
            out.append(" ")
        out.append(char["text"])
        previous = char
    return "".join(out)


def unshape(visual: str) -> str:
    """Presentation forms back to letters (NFKC); a lam-alef ligature becomes its two
    letters in visual order, since the text around it is still visual."""
    out = []
    for ch in visual:
        letters = unicodedata.normalize("NFKC", ch)
        if len(letters) > 1 and unicodedata.bidirectional(ch) == "AL":
            letters = letters[::-1]
        out.append(letters)
    return "".join(out)


def to_logical(visual: str, *, rtl: bool = True) -> str:
    """One visual line back to logical order with python-bidi's reference algorithm."""
    return get_display(unshape(visual), base_dir="R" if rtl else "L")


def logical_text(path: Path, page: int = 0, *, rtl: bool = True) -> str:
    """All lines of a page in logical order, joined with spaces."""
    return " ".join(to_logical(line, rtl=rtl) for line in visual_lines(path, page))


def page_image(path: Path, page: int = 0, dpi: int = 150):
    """The page rendered to a PIL image (pdfium)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return pdf[page].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()


def qr_codes(path: Path, page: int = 0) -> list[str]:
    """The texts of every QR code on a rendered page, sorted."""
    found = zxingcpp.read_barcodes(page_image(path, page), formats=zxingcpp.BarcodeFormat.QRCode)
    return sorted(result.text for result in found)


def page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def font_names(path: Path) -> dict[str, bool]:
    """Every font the PDF's pages use → whether its font program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor_owner = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descriptor_owner.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found
