"""Building blocks shared by the documents: KPI tiles, QR codes and tables, all RTL-aware."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from itertools import groupby
from typing import Literal

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from smallbiz_loyalty.core.i18n import is_rtl, language
from smallbiz_loyalty.reports.fonts import LATIN
from smallbiz_loyalty.reports.kit import Styles, Theme, styles
from smallbiz_loyalty.reports.paragraph import Para, TextStyle
from smallbiz_loyalty.reports.rtl import Direction, draw_text, fit_text

Trend = Literal["up_is_good", "down_is_good", "neutral"]


# -- QR codes ----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `value` (error correction M, the smallest version that holds it)."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def draw_qr(canv: Canvas, value: str, x: float, y: float, size: float, *, border: int = 2) -> None:
    """Draw a QR code of `value` as a `size` × `size` square with its lower-left corner at (x, y).

    `border` is the quiet zone in modules; 2 is enough on a white card, 4 is the standard.
    Drawn as one filled path of module runs: reportlab's QrCodeWidget builds a shape per
    run and encodes twice, which made a sheet of cards ten times slower."""
    modules = qr_modules(value)
    box = size / (len(modules) + 2 * border)
    path = canv.beginPath()
    for row_index, row in enumerate(modules):
        top = y + size - (row_index + border) * box
        column = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                # A hair taller than a module, so no white seam shows between rows.
                path.rect(x + (column + border) * box, top - box * 1.02, count * box, box * 1.02)
            column += count
    canv.saveState()
    canv.setFillColor(colors.black)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


class QrCode(Flowable):
    """A QR code flowable, `size` points square, at the start of the line."""

    def __init__(self, value: str, size: float = 30 * mm, *, border: int = 4, lang: str | None = None) -> None:
        super().__init__()
        self.value, self.size, self.border = value, size, border
        self.hAlign = "RIGHT" if is_rtl(lang or language()) else "LEFT"  # at the reading start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.value, 0, 0, self.size, border=self.border)


# -- KPI tiles -----------------------------------------------------------------------


class KpiTile(Flowable):
    """A figure as the owner glances at it: label, big value, and the change against the
    previous period with ▲/▼ in green when it is good news and red when it is bad.

    `change` only gives the arrow (its sign); `change_text` is the formatted change
    ("+3 points vs September"), or None for no comparison."""

    def __init__(
        self,
        label: str,
        value: str,
        *,
        change: float | None = None,
        change_text: str | None = None,
        trend: Trend = "up_is_good",
        width: float = 55 * mm,
        height: float = 24 * mm,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        self.label, self.value = label, value
        self.change, self.change_text, self.trend = change, change_text, trend
        self.width, self.height = width, height
        self.lang = lang or language()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _change_colour(self) -> object:
        if not self.change or self.trend == "neutral":
            return Theme.muted
        good = (self.change > 0) == (self.trend == "up_is_good")
        return Theme.good if good else Theme.bad

    def draw(self) -> None:
        canv, lang, pad = self.canv, self.lang, 3.5 * mm
        s = styles()
        rtl = is_rtl(lang)
        start = self.width - pad if rtl else pad
        inner = self.width - 2 * pad
        canv.setFillColor(Theme.tile)
        canv.roundRect(0, 0, self.width, self.height, 2.5 * mm, stroke=0, fill=1)
        canv.setFillColor(Theme.accent)
        canv.rect(self.width - 1.2 * mm if rtl else 0, 3 * mm, 1.2 * mm, self.height - 6 * mm, stroke=0, fill=1)
        canv.setFillColor(s.kpi_label.color)
        label, size = fit_text(self.label, inner, size=s.kpi_label.size, min_size=6.5, lang=lang)
        draw_text(canv, start, self.height - pad - size * 0.8, label, size=size, lang=lang)
        canv.setFillColor(s.kpi_value.color)
        value, size = fit_text(self.value, inner, size=s.kpi_value.size, min_size=10, lang=lang, bold=True)
        draw_text(canv, start, self.height * 0.40, value, size=size, lang=lang, bold=True)
        self._draw_change(canv, start, pad * 0.9 + 1, inner)

    def _draw_change(self, canv: Canvas, start: float, baseline: float, inner: float) -> None:
        lang, rtl = self.lang, is_rtl(self.lang)
        canv.setFillColor(self._change_colour())
        text = self.change_text or "—"
        offset = 0.0
        if self.change:
            # A drawn triangle: neither font has ▲/▼, and a shape prints the same everywhere.
            side, x = 2.4 * mm, start - 2.4 * mm if rtl else start
            tip, base = (baseline + side * 0.9, baseline) if self.change > 0 else (baseline, baseline + side * 0.9)
            path = canv.beginPath()
            path.moveTo(x, base)
            path.lineTo(x + side, base)
            path.lineTo(x + side / 2, tip)
            path.close()
            canv.drawPath(path, stroke=0, fill=1)
            offset = side + 1.2 * mm
        text, size = fit_text(text, inner - offset, size=8, min_size=6, lang=lang)
        draw_text(canv, start - offset if rtl else start + offset, baseline, text, size=size, lang=lang)


def kpi_grid(tiles: Sequence[KpiTile], *, width: float, columns: int = 3, gap: float = 3 * mm) -> Table:
    """Tiles in rows of `columns`, the first at the reading start (top right in Arabic)."""
    tile_width = (width - gap * (columns - 1)) / columns
    lang = tiles[0].lang if tiles else language()
    for tile in tiles:
        tile.width = tile_width
    rows = []
    for first in range(0, len(tiles), columns):
        row: list[object] = list(tiles[first : first + columns])
        row += [""] * (columns - len(row))
        if is_rtl(lang):
            row.reverse()
        spaced: list[object] = []
        for index, tile in enumerate(row):
            spaced += [tile, ""] if index < columns - 1 else [tile]
        rows.append(spaced)
    col_widths = [tile_width if index % 2 == 0 else gap for index in range(2 * columns - 1)]
    table = Table(rows, colWidths=col_widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),  # for the empty spacer cells: not Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), gap),
            ]
        )
    )
    return table


# -- tables ------------------------------------------------------------------------


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: float,
    col_widths: Sequence[float] | None = None,
    numeric: Collection[int] = (),
    lang: str | None = None,
    directions: Mapping[int, Direction] | None = None,
    style: Styles | None = None,
) -> Table:
    """A plain table of text, in reading order: in Arabic the first column is on the right.

    `col_widths` are relative (they are scaled to `width`); `numeric` columns align to
    the end (right in English, left in Arabic); `directions` gives a column's text
    direction where it is not the document's: "auto" for names in either script,
    "ltr" for phone numbers and codes (so "+965…" keeps its plus sign in front)."""
    lang = lang or language()
    s = style or styles()
    count = len(header)
    weights = list(col_widths or [1.0] * count)
    widths = [width * w / sum(weights) for w in weights]

    def cell(text: str, column: int, base: TextStyle) -> Para:
        align = "end" if column in numeric else "start"
        return Para(text, base.but(align=align), lang=lang, direction=(directions or {}).get(column))

    data = [[cell(text, i, s.table_header) for i, text in enumerate(header)]]
    data += [[cell(str(text), i, s.table_cell) for i, text in enumerate(row)] for row in rows]
    if is_rtl(lang):
        data = [row[::-1] for row in data]
        widths = widths[::-1]
    table = Table(data, colWidths=widths, repeatRows=1)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), LATIN),  # never used for text, but not Helvetica either
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BACKGROUND", (0, 0), (-1, 0), Theme.accent_soft),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, Theme.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, Theme.rule),
    ]
    table.setStyle(TableStyle(commands))
    return table
