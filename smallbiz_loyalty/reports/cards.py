"""Loyalty cards: credit-card size (85.6 × 54 mm), 10 to an A4 sheet (8 to Letter), with cut marks.

Each card carries the shop name, the customer's name, and the card code as a QR code
(what the counter's scanner reads into the search box) and as text (for typing it).
An Arabic sheet is laid out right to left: text on the right, the QR code on the left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import N_, _, is_rtl, translate
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel, no_progress
from smallbiz_loyalty.reports.flowables import draw_qr
from smallbiz_loyalty.reports.fonts import font_pair, register_fonts
from smallbiz_loyalty.reports.kit import Theme, atomic_output, page_size, tr
from smallbiz_loyalty.reports.rtl import ELLIPSIS, draw_lines, draw_text, fit_lines, fit_text, is_text_rtl

CARD_WIDTH = 85.6 * mm  # ISO/IEC 7810 ID-1, the size of a bank card
CARD_HEIGHT = 54 * mm
MIN_MARGIN = 8 * mm  # most printers cannot print closer to the edge
CUT_MARK = 4 * mm
CUT_GAP = 1.5 * mm  # cut marks stop short of the cards so none is printed on a card
BAND = 14 * mm
PAD = 4 * mm
QR_SIZE = 27 * mm

CARD_LABEL = N_("Loyalty card")
CODE_LABEL = N_("Card number")
SHOW_CARD = N_("Show this card at the counter to collect your rewards.")
PRINTING = N_("Printing loyalty cards…")


@dataclass(frozen=True)
class SheetLayout:
    """Where the cards go on one sheet: a grid of touching cards, centred."""

    page: tuple[float, float]
    columns: int
    rows: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def origin(self) -> tuple[float, float]:
        """Lower-left corner of the grid."""
        width, height = self.page
        return (width - self.columns * CARD_WIDTH) / 2, (height - self.rows * CARD_HEIGHT) / 2

    def card_origin(self, slot: int, *, rtl: bool = False) -> tuple[float, float]:
        """Lower-left corner of the card in `slot`: 0 is the top row's first card in
        reading order (top left, or top right on an Arabic sheet)."""
        x0, y0 = self.origin
        row, column = divmod(slot, self.columns)
        if rtl:
            column = self.columns - 1 - column
        return x0 + column * CARD_WIDTH, y0 + (self.rows - 1 - row) * CARD_HEIGHT


def sheet_layout(paper: str) -> SheetLayout:
    """As many cards as fit inside the printable margins: 2 × 5 on A4, 2 × 4 on Letter."""
    width, height = page_size(paper)
    columns = int((width - 2 * MIN_MARGIN) // CARD_WIDTH)
    rows = int((height - 2 * MIN_MARGIN) // CARD_HEIGHT)
    return SheetLayout((width, height), columns, rows)


def draw_cut_marks(canv: Canvas, layout: SheetLayout) -> None:
    """Short hairlines in the margins on every cutting line, none on the cards themselves."""
    x0, y0 = layout.origin
    x1, y1 = x0 + layout.columns * CARD_WIDTH, y0 + layout.rows * CARD_HEIGHT
    canv.saveState()
    canv.setStrokeColor(Theme.muted)
    canv.setLineWidth(0.3)
    for column in range(layout.columns + 1):
        x = x0 + column * CARD_WIDTH
        canv.line(x, y1 + CUT_GAP, x, y1 + CUT_GAP + CUT_MARK)
        canv.line(x, y0 - CUT_GAP, x, y0 - CUT_GAP - CUT_MARK)
    for row in range(layout.rows + 1):
        y = y0 + row * CARD_HEIGHT
        canv.line(x0 - CUT_GAP, y, x0 - CUT_GAP - CUT_MARK, y)
        canv.line(x1 + CUT_GAP, y, x1 + CUT_GAP + CUT_MARK, y)
    canv.restoreState()


def draw_card(canv: Canvas, x: float, y: float, customer: Customer, *, shop_name: str, lang: str) -> None:
    """One card with its lower-left corner at (x, y)."""
    rtl = is_rtl(lang)
    canv.saveState()
    canv.translate(x, y)
    # A faint outline shows the card on screen and where a slightly-off cut went.
    canv.setStrokeColor(Theme.rule)
    canv.setLineWidth(0.25)
    canv.rect(0, 0, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    canv.setFillColor(Theme.accent)
    canv.rect(0, CARD_HEIGHT - BAND, CARD_WIDTH, BAND, stroke=0, fill=1)

    start, end = (CARD_WIDTH - PAD, PAD) if rtl else (PAD, CARD_WIDTH - PAD)
    band_base = CARD_HEIGHT - BAND + 4.8 * mm
    label = tr(CARD_LABEL, lang)
    canv.setFillColor(Theme.accent_soft)
    label_width = draw_text(canv, end, band_base, label, size=7, lang=lang, align="end", direction="auto")
    canv.setFillColor(Theme.white)
    name, size = fit_text(
        shop_name, CARD_WIDTH - 2 * PAD - label_width - 3 * mm, size=12, min_size=7, lang=lang, bold=True
    )
    draw_text(canv, start, band_base, name, size=size, lang=lang, bold=True, direction="auto")

    qr_x = PAD - 1 * mm if rtl else CARD_WIDTH - PAD - QR_SIZE + 1 * mm
    qr_y = (CARD_HEIGHT - BAND - QR_SIZE) / 2
    draw_qr(canv, customer.card_code, qr_x, qr_y, QR_SIZE, border=2)
    _draw_card_text(canv, customer, start=start, text_width=CARD_WIDTH - 2 * PAD - QR_SIZE - 1 * mm, lang=lang)
    canv.restoreState()


def _draw_card_text(canv: Canvas, customer: Customer, *, start: float, text_width: float, lang: str) -> None:
    # The name: one line at up to 13 pt, or two lines at 10 pt or more, before anything is cut.
    canv.setFillColor(Theme.ink)
    rtl = is_text_rtl(customer.name, lang, "auto")
    lines, size = fit_lines(customer.name, text_width, size=13, min_size=13, max_lines=1, lang=lang, bold=True)
    if lines[-1].endswith(ELLIPSIS):
        lines, size = fit_lines(customer.name, text_width, size=11, min_size=9, max_lines=2, lang=lang, bold=True)
    top = CARD_HEIGHT - BAND - 8.5 * mm + (0 if len(lines) == 1 else 1.8 * mm)
    draw_lines(canv, start, top, lines, size=size, leading=size * 1.25, lang=lang, rtl=rtl, bold=True)
    canv.setFillColor(Theme.muted)
    draw_text(canv, start, 19 * mm, tr(CODE_LABEL, lang), size=7, lang=lang, direction="auto")
    canv.setFillColor(Theme.ink)
    # The code is Latin letters and digits: always Latin type, left to right.
    code, size = fit_text(customer.card_code, text_width, size=14, min_size=8, lang="en", bold=True)
    draw_text(canv, start, 13 * mm, code, size=size, lang="en", bold=True, align="right" if is_rtl(lang) else "left")
    canv.setFillColor(Theme.muted)
    hint = tr(SHOW_CARD, lang)
    lines, size = fit_lines(hint, text_width, size=6.5, min_size=5.5, max_lines=2, lang=lang)
    draw_lines(
        canv,
        start,
        4.2 * mm + (len(lines) - 1) * size * 1.3,
        lines,
        size=size,
        leading=size * 1.3,
        lang=lang,
        rtl=is_text_rtl(hint, lang, "auto"),
    )


def render_cards(
    path: Path,
    customers: Sequence[Customer],
    *,
    shop_name: str,
    lang: str,
    paper: str = "A4",
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Print a loyalty card for each active customer in `customers` (in the order given)
    to the PDF `path`; return the number of pages. Erased and merged customers get no card.

    Nothing is written if there is no card to print, or if `should_cancel()` turns true."""
    progress, should_cancel = progress or no_progress, should_cancel or never_cancel
    cards = [customer for customer in customers if customer.active]
    if not cards:
        raise InvalidInput("customers", _("There are no customers to print loyalty cards for."))
    layout = sheet_layout(paper)
    register_fonts()
    label = translate(PRINTING)  # shown in the app, so in the app's language
    pages = -(-len(cards) // layout.per_page)
    with atomic_output(path) as temp:
        # initialFontName: otherwise every page names Helvetica, a font that is not embedded.
        canv = Canvas(str(temp), pagesize=layout.page, invariant=1, lang=lang, initialFontName=font_pair(lang).primary)
        canv.setTitle(tr(CARD_LABEL, lang))
        canv.setAuthor(shop_name)
        canv.setCreator("smallbiz-loyalty")
        for index, customer in enumerate(cards):
            if should_cancel():
                raise Cancelled
            slot = index % layout.per_page
            if slot == 0:
                draw_cut_marks(canv, layout)
            draw_card(canv, *layout.card_origin(slot, rtl=is_rtl(lang)), customer, shop_name=shop_name, lang=lang)
            if slot == layout.per_page - 1 or index == len(cards) - 1:
                canv.showPage()
            progress(index + 1, len(cards), label)
        canv.save()
    return pages
