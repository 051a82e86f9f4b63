"""Printed notes: thank-you notes, birthday cards and "we miss you" notes, in Arabic or English.

Each note is the owner's template (core/templates.py) filled in for one customer
(core/audiences.py), with a greeting, the customer's stamp card or points, and on a
birthday card the gift voucher as a QR code. Two layouts, both on quarters of the sheet:

- ``a6x4``: four A6 cards to an A4 sheet (quarter-Letter cards on Letter), cut along the
  two centre lines, which cut marks show at the edges of the sheet;
- ``folded``: one card per sheet, folded in half across (printed side out) and in half
  again: the top half is printed upside down so the front and back come out upright, and
  the message is inside. An Arabic card opens the other way, so its quarters are mirrored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from smallbiz_loyalty.core.audiences import Recipient
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import LANGUAGES, N_, _, is_rtl, translate
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel, no_progress
from smallbiz_loyalty.core.templates import check_kind, default_template, render_template
from smallbiz_loyalty.reports import rtl
from smallbiz_loyalty.reports.flowables import draw_qr
from smallbiz_loyalty.reports.fonts import font_pair, register_fonts
from smallbiz_loyalty.reports.kit import Theme, atomic_output, page_size, tr
from smallbiz_loyalty.reports.slip import WARM, draw_stamps, reuse_drawing

LAYOUTS = ("a6x4", "folded")
PAD = 10 * mm  # inside each quarter: clear of the printer's unprintable edge and of a slightly-off cut
MARK_FROM, MARK_TO = 3 * mm, 8 * mm  # cut and fold marks, measured in from the paper's edge
LEADING = 1.45
QR = 25 * mm
# The loyalty-card box, top to bottom: label, stamp circles, balance, reward sentence.
_LABEL, _STAMPS, _BALANCE, _REWARD = 3 * mm, 9 * mm, 5.5 * mm, 4.5 * mm

TITLES = {"thank-you": N_("Thank you!"), "birthday": N_("Happy birthday!"), "win-back": N_("We miss you!")}
DOC_TITLES = {"thank-you": N_("Thank-you notes"), "birthday": N_("Birthday cards"), "win-back": N_("We miss you notes")}
FOR_NAME = N_("For {name}")
YOUR_CARD = N_("Your loyalty card")
YOUR_GIFT = N_("Your birthday gift")
VALID_UNTIL = N_("Valid until {date}")
SHOW_CARD = N_("Show this card at the counter.")
CARD_NUMBER = N_("Card {code}")
PRINTING = N_("Printing notes…")
FOLD_HINT = N_("Fold each sheet in half across, printed side out, then in half again so the greeting is on the front.")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Quarters:
    """The four quarters of a sheet, each the size of one card."""

    page: tuple[float, float]

    @property
    def card(self) -> tuple[float, float]:
        return self.page[0] / 2, self.page[1] / 2

    def origin(self, slot: int, *, rtl: bool = False) -> tuple[float, float]:
        """Lower-left corner of quarter `slot`: 0 top start, 1 top end, 2 bottom start, 3 bottom end
        (the start is the left on an English sheet, the right on an Arabic one)."""
        width, height = self.card
        row, column = divmod(slot, 2)
        if rtl:
            column = 1 - column
        return column * width, (1 - row) * height


@dataclass(frozen=True)
class Note:
    """One note, ready to draw."""

    recipient: Recipient
    message: str
    kind: str
    lang: str
    shop: str
    message_rtl: bool  # the base direction of the owner's text, which may differ from the document's

    def say(self, text: str, /, **params: object) -> str:
        return tr(text, self.lang, **params)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


# -- drawing helpers -----------------------------------------------------------------


def _start(note: Note, x: float, width: float) -> float:
    return x + width if note.rtl else x


def _line(canv: Canvas, note: Note, x: float, y: float, width: float, text: str, **style: object) -> None:
    """One line of `text` on baseline `y` in [x, x + width], aligned "start" (default), "end" or
    "center", in its own direction ("auto"), shrunk to fit and cut with "…" past 60 % of its size."""
    size, bold, align = float(style.get("size", 9)), bool(style.get("bold", False)), style.get("align", "start")
    fitted, size = rtl.fit_text(text, width, size=size, min_size=max(6.0, size * 0.6), lang=note.lang, bold=bold)
    anchor = {"center": x + width / 2, "start": _start(note, x, width), "end": x if note.rtl else x + width}[align]
    rtl.draw_text(canv, anchor, y, fitted, size=size, lang=note.lang, bold=bold, align=align, direction="auto")


def fit_message(note: Note, width: float, height: float, size: float) -> tuple[list[list[str]], float]:
    """The message's paragraphs as shaped lines at the largest size (down to 7.5 pt) that fits
    the box; at 7.5 pt a text still too long is cut with "…" where the box ends."""
    fonts, min_size = font_pair(note.lang), 7.5
    while True:
        blocks = [rtl.wrap_lines(paragraph, width, fonts, size) for paragraph in note.message.split("\n")]
        if _lines(blocks) * size * LEADING <= height or size <= min_size:
            break
        size = max(min_size, size - 0.5)
    room, kept = int(height // (size * LEADING)), []
    for block in blocks:
        if room <= 0:
            break
        if len(block) > room:
            last = block[room - 1]
            while last and rtl.text_width(last + rtl.ELLIPSIS, fonts, size) > width:
                last = last[:-1].rstrip()
            block = [*block[: room - 1], last + rtl.ELLIPSIS]
        kept.append(block)
        room -= len(block) + 0.5
    return kept, size


def _lines(blocks: list[list[str]]) -> float:
    """Lines taken by paragraphs with half a line between them."""
    return sum(len(block) for block in blocks) + 0.5 * (len(blocks) - 1)


def draw_message(
    canv: Canvas, note: Note, x: float, top: float, width: float, height: float, *, size: float, middle: bool = False
) -> float:
    """The personalised text in the box under `top`, paragraphs spaced apart; `middle` centres it
    vertically. Returns where the text's top ended up."""
    blocks, size = fit_message(note, width, height, size)
    leading = size * LEADING
    top -= (height - _lines(blocks) * leading) / 2 if middle else 0
    baseline = top - size
    anchor, align = (x + width, "right") if note.message_rtl else (x, "left")
    canv.setFillColor(Theme.ink)
    for block in blocks:
        right_to_left = note.message_rtl
        rtl.draw_lines(
            canv, anchor, baseline, block, size=size, leading=leading, lang=note.lang, rtl=right_to_left, align=align
        )
        baseline -= leading * (len(block) + 0.5)
    return top


# Circles of the greeting's motif: (dx, dy, radius) in mm from its centre, and their colour (None: the tint).
_MOTIF = [
    (0.0, 0.0, 9.0, None),
    (7.5, 5.5, 4.2, Theme.accent),
    (-7.0, 7.0, 2.4, WARM),
    (10.5, -6.0, 1.8, WARM),
    (-9.5, -5.0, 1.4, Theme.accent),
    (2.5, -9.5, 1.0, Theme.accent),
    (-3.0, 11.5, 0.9, Theme.accent),
]
_BIRTHDAY_EXTRA = [(13.0, 11.0, 1.3, WARM), (-13.0, 1.5, 1.1, WARM), (5.5, 12.5, 0.8, Theme.accent)]


def draw_motif(canv: Canvas, cx: float, cy: float, scale: float, kind: str, tint: object = Theme.accent_soft) -> None:
    """A cluster of circles: print-friendly, the same on every card, a little livelier on birthdays."""

    def circles() -> None:
        for dx, dy, radius, colour in _MOTIF + (_BIRTHDAY_EXTRA if kind == "birthday" else []):
            canv.setFillColor(colour or tint)
            canv.circle(dx * mm * scale, dy * mm * scale, radius * mm * scale, stroke=0, fill=1)

    reach = 20 * mm * scale
    reuse_drawing(canv, f"motif-{kind}-{scale}-{tint}", cx, cy, (-reach, -reach, reach, reach), circles)


def panel_height(note: Note) -> float:
    """The height of the box `draw_panel` draws (its content decides it)."""
    if note.kind == "birthday":
        return QR + 8 * mm
    stamps, reward = note.recipient.stamps, note.recipient.values["reward"]
    return 8 * mm + _LABEL + (_STAMPS if stamps else 0) + _BALANCE + (_REWARD if reward else 0) + 1.5 * mm


def draw_panel(canv: Canvas, note: Note, x: float, y: float, width: float) -> None:
    """The tinted box with its foot at `y`: the birthday gift with its QR code, or the loyalty card."""
    height, inner = panel_height(note), 4 * mm
    canv.saveState()
    canv.setFillColor(Theme.accent_soft)
    canv.roundRect(x, y, width, height, 3 * mm, stroke=0, fill=1)
    canv.restoreState()
    draw = _gift_panel if note.kind == "birthday" else _card_panel
    draw(canv, note, x + inner, y + inner, width - 2 * inner, height - 2 * inner)


def _gift_panel(canv: Canvas, note: Note, x: float, y: float, width: float, height: float) -> None:
    recipient, values = note.recipient, note.recipient.values
    # Before the voucher is issued, the card's own QR code: scanned at the counter, it finds the customer.
    draw_qr(
        canv, recipient.voucher_code or recipient.customer.card_code, x if note.rtl else x + width - QR, y, QR, border=1
    )
    text_x, text_w = (x + QR + 3 * mm, width - QR - 3 * mm) if note.rtl else (x, width - QR - 3 * mm)
    top = y + height - 3 * mm
    canv.setFillColor(Theme.muted)
    _line(canv, note, text_x, top, text_w, note.say(YOUR_GIFT), size=7.5)
    canv.setFillColor(Theme.ink)
    lines, size = rtl.fit_lines(values["voucher"], text_w, size=12, min_size=8, max_lines=2, lang=note.lang, bold=True)
    gift_rtl = rtl.base_direction(values["voucher"], "rtl" if note.rtl else "ltr") == "rtl"
    start, leading = _start(note, text_x, text_w), size * 1.3
    rtl.draw_lines(
        canv, start, top - 6 * mm, lines, size=size, leading=leading, lang=note.lang, rtl=gift_rtl, bold=True
    )
    if values["valid_until"]:
        canv.setFillColor(Theme.muted)
        below = top - 6 * mm - len(lines) * size * 1.3 - 1 * mm
        _line(canv, note, text_x, below, text_w, note.say(VALID_UNTIL, date=values["valid_until"]), size=7.5)
    canv.setFillColor(Theme.accent)
    if recipient.voucher_code:
        # A code is Latin letters and digits: Latin type, left to right, on the reading-start side.
        code, size = rtl.fit_text(recipient.voucher_code, text_w, size=10, min_size=7, lang="en", bold=True)
        side = "right" if note.rtl else "left"
        rtl.draw_text(canv, start, y + 0.5 * mm, code, size=size, lang="en", bold=True, align=side)
    else:
        _line(canv, note, text_x, y + 0.5 * mm, text_w, note.say(SHOW_CARD), size=7.5, bold=True)


def _card_panel(canv: Canvas, note: Note, x: float, y: float, width: float, height: float) -> None:
    values, stamps = note.recipient.values, note.recipient.stamps
    baseline = y + height - _LABEL
    canv.setFillColor(Theme.muted)
    _line(canv, note, x, baseline, width, note.say(YOUR_CARD), size=7.5)
    if stamps:
        filled, total = stamps
        filled, size = max(filled, 0), min(width, 72 * mm)
        shapes = partial(draw_stamps, canv, 0, 0, filled, total, width=size, rtl=note.rtl)
        name = f"stamps-{filled}-{total}-{size:.0f}-{note.rtl}"
        reuse_drawing(canv, name, x, baseline - 2.5 * mm, (0, -20 * mm, size, 0), shapes)
        baseline -= _STAMPS
    canv.setFillColor(Theme.ink)
    baseline -= _BALANCE
    _line(canv, note, x, baseline, width, values["balance"], size=10.5, bold=True)
    if values["reward"]:
        _line(canv, note, x, baseline - _REWARD, width, values["reward"], size=8)


# -- faces ---------------------------------------------------------------------------


def draw_card_face(canv: Canvas, note: Note, width: float, height: float) -> None:
    """A whole A6 note (the a6x4 layout) in the box (0, 0, width, height)."""
    inner, top = width - 2 * PAD, height - PAD
    draw_motif(canv, PAD + 8 * mm if note.rtl else width - PAD - 8 * mm, top - 7 * mm, 0.75, note.kind)
    canv.setFillColor(Theme.accent)
    _line(canv, note, PAD + 24 * mm if note.rtl else PAD, top - 2.5 * mm, inner - 24 * mm, note.shop, size=9, bold=True)
    canv.setFillColor(Theme.ink)
    _line(canv, note, PAD, top - 16 * mm, inner, note.say(TITLES[note.kind]), size=22, bold=True)
    _accent_bar(canv, note, PAD, top - 20 * mm, inner)
    panel_y = PAD + 4 * mm
    room = top - 25 * mm - panel_y - panel_height(note) - 4 * mm
    draw_message(canv, note, PAD, top - 25 * mm, inner, room, size=11.5)
    draw_panel(canv, note, PAD, panel_y, inner)
    canv.setFillColor(Theme.muted)
    _line(canv, note, PAD, PAD - 1 * mm, inner, note.say(CARD_NUMBER, code=note.recipient.customer.card_code), size=6.5)


def _accent_bar(canv: Canvas, note: Note, x: float, y: float, width: float) -> None:
    canv.saveState()
    canv.setStrokeColor(WARM)
    canv.setLineWidth(1.6)
    canv.setLineCap(1)
    start = _start(note, x, width)
    canv.line(start, y, start - 14 * mm if note.rtl else start + 14 * mm, y)
    canv.restoreState()


def draw_front(canv: Canvas, note: Note, width: float, height: float) -> None:
    """The folded card's front, on a tint: the shop, a motif, the greeting and who it is for."""
    inset, inner = 6 * mm, width - 2 * PAD
    canv.setFillColor(Theme.accent_soft)
    canv.roundRect(inset, inset, width - 2 * inset, height - 2 * inset, 4 * mm, stroke=0, fill=1)
    canv.setFillColor(Theme.accent)
    _line(canv, note, PAD, height - PAD - 6 * mm, inner, note.shop, size=10, bold=True, align="center")
    draw_motif(canv, width / 2, height * 0.56, 1.6, note.kind, tint=Theme.white)
    canv.setFillColor(Theme.ink)
    _line(canv, note, PAD, height * 0.27, inner, note.say(TITLES[note.kind]), size=24, bold=True, align="center")
    canv.setFillColor(Theme.muted)
    for_name = note.say(FOR_NAME, name=note.recipient.name)
    _line(canv, note, PAD, height * 0.27 - 10 * mm, inner, for_name, size=11, align="center")


def draw_back(canv: Canvas, note: Note, width: float, height: float) -> None:
    """The folded card's back: a small motif and the shop's name."""
    draw_motif(canv, width / 2, PAD + 22 * mm, 0.35, note.kind)
    canv.setFillColor(Theme.muted)
    _line(canv, note, PAD, PAD + 8 * mm, width - 2 * PAD, note.shop, size=8, align="center")


def draw_inside_message(canv: Canvas, note: Note, width: float, height: float) -> None:
    """The folded card's inside page with the personalised text, signed by the shop."""
    inner, top = width - 2 * PAD, height - PAD - 12 * mm
    text_top = draw_message(canv, note, PAD, top, inner, top - PAD - 18 * mm, size=12.5, middle=True)
    _accent_bar(canv, note, PAD, text_top + 3 * mm, inner)
    canv.setFillColor(Theme.accent)
    _line(canv, note, PAD, PAD + 6 * mm, inner, note.shop, size=10, bold=True, align="end")


def draw_inside_panel(canv: Canvas, note: Note, width: float, height: float) -> None:
    """The folded card's other inside page: the gift or the loyalty card, centred."""
    draw_panel(canv, note, PAD, (height - panel_height(note)) / 2, width - 2 * PAD)
    canv.setFillColor(Theme.muted)
    card = note.say(CARD_NUMBER, code=note.recipient.customer.card_code)
    _line(canv, note, PAD, PAD + 2 * mm, width - 2 * PAD, card, size=7, align="center")


# -- sheets ----------------------------------------------------------------------------


def draw_marks(canv: Canvas, sheet: Quarters, *, dashed: bool) -> None:
    """Marks at the edges of the sheet on its two centre lines: where to cut (a6x4) or fold."""
    width, height = sheet.page
    canv.saveState()
    canv.setStrokeColor(Theme.muted)
    canv.setLineWidth(0.3)
    if dashed:
        canv.setDash(1.5, 1.5)
    for x0, y0, x1, y1 in (
        (width / 2, MARK_FROM, width / 2, MARK_TO),
        (width / 2, height - MARK_FROM, width / 2, height - MARK_TO),
        (MARK_FROM, height / 2, MARK_TO, height / 2),
        (width - MARK_FROM, height / 2, width - MARK_TO, height / 2),
    ):
        canv.line(x0, y0, x1, y1)
    canv.restoreState()


def _in_quarter(
    canv: Canvas, sheet: Quarters, slot: int, rtl: bool, draw: Callable, note: Note, *, upside_down: bool = False
) -> None:
    width, height = sheet.card
    x, y = sheet.origin(slot, rtl=rtl)
    canv.saveState()
    if upside_down:
        canv.translate(x + width, y + height)
        canv.rotate(180)
    else:
        canv.translate(x, y)
    draw(canv, note, width, height)
    canv.restoreState()


def draw_folded(canv: Canvas, sheet: Quarters, note: Note) -> None:
    """One folded card: front and back upside down on the top half, the inside on the bottom half.

    Folded across and then with the right half (the left, in Arabic) brought forward, the
    top quarter at the reading end becomes the front, the one at the start the back."""
    _in_quarter(canv, sheet, 1, note.rtl, draw_front, note, upside_down=True)
    _in_quarter(canv, sheet, 0, note.rtl, draw_back, note, upside_down=True)
    _in_quarter(canv, sheet, 2, note.rtl, draw_inside_panel, note)
    _in_quarter(canv, sheet, 3, note.rtl, draw_inside_message, note)


def message_direction(template: str, lang: str) -> bool:
    """Whether the owner's text reads right to left: its first letter outside the placeholders decides."""
    default = "rtl" if is_rtl(lang) else "ltr"
    return rtl.base_direction(_PLACEHOLDER.sub("", template), default) == "rtl"


def _check_options(kind: str, lang: str, layout: str, recipients: Sequence[Recipient]) -> None:
    check_kind(kind)
    if lang not in LANGUAGES:
        raise InvalidInput("lang", _("Language {lang} is not supported; choose ar or en.", lang=str(lang)[:10]))
    if layout not in LAYOUTS:
        raise InvalidInput("layout", _("The layout must be one of: {choices}.", choices=", ".join(LAYOUTS)))
    if not recipients:
        raise InvalidInput("recipients", _("There is nobody to print these notes for; choose another month or list."))


def _canvas(path: Path, sheet: Quarters, lang: str, *, title: str, author: str) -> Canvas:
    register_fonts()
    # invariant: the same notes give the same bytes. initialFontName: otherwise every page
    # names Helvetica, a font that is not embedded.
    canv = Canvas(str(path), pagesize=sheet.page, invariant=1, lang=lang, initialFontName=font_pair(lang).primary)
    canv.setTitle(title)
    canv.setAuthor(author)
    canv.setCreator("smallbiz-loyalty")
    return canv


def render_notes(
    path: Path,
    recipients: Sequence[Recipient],
    *,
    kind: str,
    shop_name: str,
    lang: str,
    layout: str = "a6x4",
    paper: str = "A4",
    template: str | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Print a `kind` note for each of `recipients` (from `core.audiences`) to the PDF `path`,
    four to a sheet (``a6x4``) or one folded card per sheet (``folded``); returns the number of
    pages. `template` is the owner's text (None: the built-in one in `lang`).

    Nothing is written if there is nobody to print for, or if `should_cancel()` turns true."""
    _check_options(kind, lang, layout, recipients)
    progress, should_cancel = progress or no_progress, should_cancel or never_cancel
    text = template if template and template.strip() else default_template(kind, lang)
    rtl_text = message_direction(text, lang)
    sheet = Quarters(page_size(paper))
    per_page = 4 if layout == "a6x4" else 1
    label = translate(PRINTING)  # shown in the app, so in the app's language
    with atomic_output(path) as temp:
        canv = _canvas(temp, sheet, lang, title=tr(DOC_TITLES[kind], lang), author=shop_name)
        for index, recipient in enumerate(recipients):
            if should_cancel():
                raise Cancelled
            note = Note(recipient, render_template(text, recipient.values), kind, lang, shop_name, rtl_text)
            slot = index % per_page
            if slot == 0:
                draw_marks(canv, sheet, dashed=layout == "folded")
            if layout == "a6x4":
                _in_quarter(canv, sheet, slot, is_rtl(lang), draw_card_face, note)
            else:
                draw_folded(canv, sheet, note)
            if slot == per_page - 1 or index == len(recipients) - 1:
                canv.showPage()
            progress(index + 1, len(recipients), label)
        canv.save()
    return -(-len(recipients) // per_page)
