"""The monthly report's charts, drawn with reportlab.graphics from aggregated figures.

Every chart is a `Drawing` (a flowable) built from a handful of rectangles, lines and
strings — never one shape per customer — so it costs the same for 50 customers or
100 000. Text goes through rtl.py like every other line we print (shaped, bidi-ordered,
split into font runs). In Arabic the charts read from the right: legends, row labels
and horizontal bars start on the right and the cohort table's columns run right to
left; the time axis of the weekly charts stays left to right (earliest week on the
left), as Arabic business charts usually draw it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from babel.numbers import get_currency_symbol
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from smallbiz_loyalty.core.i18n import is_rtl
from smallbiz_loyalty.core.money import currency_decimals, major_str
from smallbiz_loyalty.core.report_data import MonthNps, Week
from smallbiz_loyalty.core.segments import SEGMENTS, Cohort
from smallbiz_loyalty.reports import monthly_text as t
from smallbiz_loyalty.reports.fonts import font_pair
from smallbiz_loyalty.reports.kit import Theme, styles, tr
from smallbiz_loyalty.reports.monthly_text import Fmt
from smallbiz_loyalty.reports.paragraph import Para
from smallbiz_loyalty.reports.rtl import Align, Direction, is_text_rtl, layout_line, resolve_align, shape

GRID = colors.HexColor("#E5E7EB")
SECOND = colors.HexColor("#99D5CB")  # returning customers, beside the accent's new ones
LINE = colors.HexColor("#B45309")  # visits: an amber line over teal bars
PASSIVE = colors.HexColor("#9CA3AF")
LABEL_SIZE = 7.5


@dataclass(frozen=True)
class Series:
    """One named series of a chart: a label for the legend, a colour and its values."""

    label: str
    color: Color
    values: Sequence[float]


class Chart:
    """A Drawing with helpers that know the document's language; `mirror` flips every x
    (for Arabic rows and bars that start on the right)."""

    def __init__(self, width: float, height: float, lang: str, *, mirror: bool = False) -> None:
        self.drawing = Drawing(width, height)
        self.drawing.hAlign = "CENTER"
        # Otherwise the renderer starts every chart in Helvetica, a font the PDF does not embed.
        self.drawing.initialFontName = font_pair(lang).primary
        self.width, self.height, self.lang, self.mirror = width, height, lang, mirror

    def x(self, value: float) -> float:
        return self.width - value if self.mirror else value

    def rect(self, x: float, y: float, width: float, height: float, color: Color) -> None:
        left = self.x(x + width) if self.mirror else x
        self.drawing.add(Rect(left, y, width, height, fillColor=color, strokeColor=None, strokeWidth=0))

    def line(self, x1: float, y1: float, x2: float, y2: float, color: Color = GRID, width: float = 0.5) -> None:
        self.drawing.add(Line(self.x(x1), y1, self.x(x2), y2, strokeColor=color, strokeWidth=width))

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = LABEL_SIZE,
        align: Align = "start",
        color: Color = Theme.ink,
        bold: bool = False,
        direction: Direction | None = None,
        patch: Color | None = None,
    ) -> float:
        """Draw one line of logical `text` on baseline `y` anchored at `x` (mirrored when the
        chart is), on a `patch` of colour if given; "start" is the reading start of the
        document. Returns its width."""
        fonts = font_pair(self.lang, bold=bold)
        line = layout_line(shape(" ".join(text.split())), fonts, size, rtl=is_text_rtl(text, self.lang, direction))
        side = resolve_align(align, is_rtl(self.lang))
        anchor = self.x(x)
        left = {"left": anchor, "right": anchor - line.width, "center": anchor - line.width / 2}[side]
        if patch is not None:
            self.drawing.add(Rect(left - 2, y - 2, line.width + 4, size + 3, fillColor=patch, strokeColor=None))
        for font, run in line.runs:
            self.drawing.add(String(left, y, run, fontName=font, fontSize=size, fillColor=color))
            left += stringWidth(run, font, size)
        return line.width

    def legend(self, items: Sequence[tuple[str, Color]], y: float) -> None:
        """Coloured keys from the reading start of the top edge."""
        rtl = is_rtl(self.lang)
        cursor = self.width if rtl else 0.0
        for label, color in items:
            box = 7.0
            left = cursor - box if rtl else cursor
            self.drawing.add(Rect(left, y - 1, box, box, fillColor=color, strokeColor=None))
            cursor += -(box + 3) if rtl else box + 3
            width = self.text(self.x(cursor), y, label, size=LABEL_SIZE)
            cursor += -(width + 12) if rtl else width + 12


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 × 10ⁿ) up to at least `top`."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    steps = math.ceil(top / step - 1e-9)
    return [i * step for i in range(steps + 1)]


# -- weekly bars -----------------------------------------------------------------


@dataclass(frozen=True)
class WeeklyChart:
    """Bars per week (stacked when there are several series), an optional line on a second axis."""

    labels: Sequence[str]  # one per week, earliest first
    bars: Sequence[Series]
    line: Series | None = None
    bar_totals: Sequence[str] | None = None  # printed above each bar
    number: Callable[[float], str] = str  # formats the axis ticks


def weekly_chart(spec: WeeklyChart, *, width: float, height: float, lang: str) -> Drawing:
    """Weeks left to right with a value axis on the left (and the line's on the right)."""
    chart = Chart(width, height, lang)
    number = spec.number
    legend = [(s.label, s.color) for s in spec.bars] + ([(spec.line.label, spec.line.color)] if spec.line else [])
    chart.legend(legend, height - 8)
    left, right, bottom, top = 44.0, 34.0 if spec.line else 8.0, 16.0, height - 22
    plot_w, plot_h = width - left - right, top - bottom
    totals = [sum(values) for values in zip(*(s.values for s in spec.bars), strict=True)]
    ticks = nice_ticks(max(totals, default=0))
    scale = plot_h / ticks[-1]
    for tick in ticks:
        y = bottom + tick * scale
        chart.line(left, y, left + plot_w, y)
        chart.text(left - 4, y - 2.5, number(tick), align="right", color=Theme.muted)
    slot = plot_w / max(len(spec.labels), 1)
    bar_w = min(slot * 0.55, 48)
    tops = []
    for index, label in enumerate(spec.labels):
        centre = left + slot * (index + 0.5)
        base = bottom
        for series in spec.bars:
            value = series.values[index]
            if value > 0:
                chart.rect(centre - bar_w / 2, base, bar_w, value * scale, series.color)
                base += value * scale
        tops.append((centre, base))
        chart.text(centre, bottom - 10, label, align="center", color=Theme.muted)
    chart.line(left, bottom, left + plot_w, bottom, Theme.rule, 0.8)
    if spec.line:
        _line_series(chart, spec.line, left + plot_w, bottom, plot_h, slot, number, left)
    # The totals last, on a white patch, so the line never runs through them.
    for (centre, top_y), total in zip(tops, spec.bar_totals or (), strict=False):
        chart.text(centre, top_y + 3, total, size=7, align="center", patch=colors.white)
    return chart.drawing


def _line_series(
    chart: Chart,
    series: Series,
    axis_x: float,
    bottom: float,
    plot_h: float,
    slot: float,
    number: Callable[[float], str],
    left: float,
) -> None:
    ticks = nice_ticks(max(series.values, default=0))
    scale = plot_h / ticks[-1]
    for tick in ticks:
        chart.text(axis_x + 4, bottom + tick * scale - 2.5, number(tick), align="left", color=series.color)
    points: list[float] = []
    for index, value in enumerate(series.values):
        points += [left + slot * (index + 0.5), bottom + value * scale]
    chart.drawing.add(PolyLine(points, strokeColor=series.color, strokeWidth=1.6))
    for px, py in zip(points[::2], points[1::2], strict=True):
        chart.drawing.add(Circle(px, py, 2.2, fillColor=colors.white, strokeColor=series.color, strokeWidth=1.2))


# -- horizontal bars -------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One row of a horizontal bar chart: a label, segment values and the text at its end."""

    label: str
    values: Sequence[float]
    end_text: str = ""


def bar_rows(
    rows: Sequence[Row],
    colors_: Sequence[Color],
    *,
    width: float,
    lang: str,
    full: float | None = None,
    legend: Sequence[str] = (),
    label_width: float = 90.0,
    segment_texts: Sequence[Sequence[str]] | None = None,
    track: Color | None = None,
) -> Drawing:
    """Horizontal (stacked) bars, one per row, starting at the reading start: on the left in
    English and on the right in Arabic. `full` is the value of a full-width bar (default:
    the largest row); `segment_texts` are printed inside segments wide enough for them;
    a `track` colour draws the full length behind every bar (an empty month still shows)."""
    row_h, gap, end_w = 13.0, 5.0, 40.0
    top_pad = 16.0 if legend else 2.0
    height = top_pad + len(rows) * (row_h + gap)
    chart = Chart(width, height, lang, mirror=is_rtl(lang))
    if legend:
        chart.legend(list(zip(legend, colors_, strict=False)), height - 8)
    full = full or max((sum(row.values) for row in rows), default=0) or 1
    bar_left, bar_w = label_width, width - label_width - end_w
    for index, row in enumerate(rows):
        y = height - top_pad - (index + 1) * (row_h + gap) + gap
        chart.text(0, y + 3.5, row.label, align="start", direction="auto")
        cursor = bar_left
        if track is not None:
            chart.rect(bar_left, y, bar_w, row_h, track)
        for part, (value, color) in enumerate(zip(row.values, colors_, strict=False)):
            length = bar_w * value / full
            if length <= 0:
                continue
            chart.rect(cursor, y, length, row_h, color)
            text = segment_texts[index][part] if segment_texts else ""
            if text and length > 7 * len(text) * 0.55 + 4:
                chart.text(cursor + length / 2, y + 3.5, text, align="center", size=7, color=colors.white)
            cursor += length
        if track is not None:
            cursor = bar_left + bar_w
        if row.end_text:
            chart.text(cursor + 4, y + 3.5, row.end_text, align="start", bold=True)
    return chart.drawing


# -- cohort heat map ---------------------------------------------------------------


@dataclass(frozen=True)
class HeatRow:
    label: str  # the cohort's month
    size: str  # customers in it, formatted
    cells: Sequence[float | None]  # share per month after the first; None = not yet


def heat_map(
    rows: Sequence[HeatRow],
    headers: Sequence[str],
    *,
    width: float,
    lang: str,
    percent: Callable[[float], str],
    corner: tuple[str, str],
) -> Drawing:
    """A table of shaded cells (darker = more came back), columns in reading order."""
    label_w, size_w, row_h = 62.0, 40.0, 13.0
    columns = len(headers)
    cell_w = (width - label_w - size_w) / max(columns, 1)
    height = (len(rows) + 1) * row_h + 2
    chart = Chart(width, height, lang, mirror=is_rtl(lang))
    header_y = height - row_h + 3.5
    chart.text(0, header_y, corner[0], size=7, color=Theme.muted)
    chart.text(label_w + size_w - 6, header_y, corner[1], size=7, color=Theme.muted, align="end")
    for column, header in enumerate(headers):
        chart.text(
            label_w + size_w + (column + 0.5) * cell_w, header_y, header, size=7, align="center", color=Theme.muted
        )
    for index, row in enumerate(rows):
        y = height - (index + 2) * row_h
        chart.text(0, y + 3.5, row.label, size=7.5)
        chart.text(label_w + size_w - 6, y + 3.5, row.size, size=7.5, align="end")
        for column, share in enumerate(row.cells):
            if share is None:
                continue
            x = label_w + size_w + column * cell_w
            chart.rect(x + 0.5, y + 0.5, cell_w - 1, row_h - 1, _shade(share))
            ink = colors.white if share >= 0.45 else Theme.ink
            chart.text(x + cell_w / 2, y + 3.5, percent(share), size=6.5, align="center", color=ink)
    return chart.drawing


def _shade(share: float) -> Color:
    """White to the accent colour; a faint tint even at 0 % so empty cells still show."""
    t = 0.06 + 0.94 * max(0.0, min(1.0, share))
    base, accent = colors.HexColor("#F4F6F8"), Theme.accent
    return Color(*(b + (a - b) * t for b, a in zip(base.rgb(), accent.rgb(), strict=True)))


# -- the monthly report's chart pages ------------------------------------------------


def chart_pages(
    weeks: Sequence[Week],
    nps_months: Sequence[MonthNps],
    segment_counts: Mapping[str, int],
    cohorts: Sequence[Cohort],
    fmt: Fmt,
    *,
    width: float,
) -> list[Flowable]:
    """Headings with their charts: weekly sales, new vs returning, NPS, RFM segments, cohorts."""
    lang = fmt.lang
    s = styles(lang)

    def section(title: str, chart: Drawing, empty: str | None, *notes: Flowable) -> KeepTogether:
        # An empty chart is a frame of zeros: a sentence says it better.
        body = [Para(tr(empty, lang), s.muted, lang=lang)] if empty else [*notes, chart]
        return KeepTogether([Para(tr(title, lang), s.heading, lang=lang), *body])

    sold = any(w.revenue or w.visits for w in weeks)
    bought = any(w.new or w.returning for w in weeks)
    answered = any(m.nps.answers for m in nps_months)
    help_note = Para(tr(t.COHORTS_HELP, lang), s.muted.but(space_after=2 * mm), lang=lang)
    return [
        section(t.WEEKLY_SALES, weekly_sales_chart(weeks, fmt, width=width), None if sold else t.NO_SALES),
        section(t.WEEKLY_CUSTOMERS, weekly_customers_chart(weeks, fmt, width=width), None if bought else t.NOBODY),
        section(t.NPS_MONTHS, nps_chart(nps_months, fmt, width=width), None if answered else t.NO_ANSWERS),
        PageBreak(),
        section(
            t.SEGMENTS_TITLE,
            segments_chart(segment_counts, fmt, width=width),
            None if any(segment_counts.values()) else t.NOBODY,
        ),
        section(
            t.COHORTS_TITLE,
            cohort_chart(cohorts, fmt, width=width),
            None if any(c.size for c in cohorts) else t.NOBODY,
            help_note,
        ),
    ]


def _week_labels(weeks: Sequence[Week], fmt: Fmt) -> list[str]:
    return [fmt.days(week.start, week.end - timedelta(days=1)) for week in weeks]


def weekly_sales_chart(weeks: Sequence[Week], fmt: Fmt, *, width: float) -> Drawing:
    """Revenue per week as bars (amount on top), visits as a line on the right-hand axis."""
    scale = 10 ** currency_decimals(fmt.currency)
    symbol = get_currency_symbol(fmt.currency, locale=fmt.locale)
    spec = WeeklyChart(
        labels=_week_labels(weeks, fmt),
        bars=[Series(tr(t.REVENUE_IN, fmt.lang, currency=symbol), Theme.accent, [w.revenue / scale for w in weeks])],
        line=Series(tr(t.VISITS, fmt.lang), LINE, [w.visits for w in weeks]),
        bar_totals=[fmt.amount(major_str(w.revenue, fmt.currency)) for w in weeks],
        number=fmt.number,
    )
    return weekly_chart(spec, width=width, height=58 * mm, lang=fmt.lang)


def weekly_customers_chart(weeks: Sequence[Week], fmt: Fmt, *, width: float) -> Drawing:
    """Known customers per week, first-timers stacked under the returning ones."""
    spec = WeeklyChart(
        labels=_week_labels(weeks, fmt),
        bars=[
            Series(tr(t.NEW_SHORT, fmt.lang), Theme.accent, [w.new for w in weeks]),
            Series(tr(t.RETURNING_SHORT, fmt.lang), SECOND, [w.returning for w in weeks]),
        ],
        bar_totals=[fmt.number(w.new + w.returning) for w in weeks],
        number=fmt.number,
    )
    return weekly_chart(spec, width=width, height=50 * mm, lang=fmt.lang)


def nps_chart(months: Sequence[MonthNps], fmt: Fmt, *, width: float) -> Drawing:
    """One 100 % bar per month: promoters, passives, detractors, with the score at its end."""
    rows, texts = [], []
    for month in months:
        nps, answers = month.nps, month.nps.answers
        parts = (nps.promoters, nps.passives, nps.detractors)
        score = (
            t.DASH
            if nps.score is None
            else fmt.signed(fmt.number(nps.score))
            if nps.score < 0
            else fmt.number(nps.score)
        )
        rows.append(Row(fmt.month_short(month.month), [p / answers if answers else 0 for p in parts], score))
        texts.append([fmt.number(p) if p else "" for p in parts])
    legend = [tr(t.PROMOTERS, fmt.lang), tr(t.PASSIVES, fmt.lang), tr(t.DETRACTORS, fmt.lang)]
    return bar_rows(
        rows, [Theme.good, PASSIVE, Theme.bad], width=width, lang=fmt.lang, full=1, legend=legend,
        label_width=70, segment_texts=texts, track=GRID,
    )  # fmt: skip


def segments_chart(counts: Mapping[str, int], fmt: Fmt, *, width: float) -> Drawing:
    """Customers per RFM segment, in the segments' own order (best first)."""
    rows = [
        Row(tr(label, fmt.lang), [counts.get(key, 0)], fmt.number(counts.get(key, 0)))
        for key, label in SEGMENTS.items()
    ]
    return bar_rows(rows, [Theme.accent], width=width, lang=fmt.lang, label_width=90)


def cohort_chart(cohorts: Sequence[Cohort], fmt: Fmt, *, width: float) -> Drawing:
    """The cohort heat map: a row per month of first purchase, a column per month after it."""
    columns = max(len(cohorts) - 1, 1)
    rows = []
    for cohort in cohorts:
        cells: list[float | None] = list(cohort.shares[1:]) if cohort.size else []
        rows.append(
            HeatRow(
                fmt.month_short(date.fromisoformat(cohort.month + "-01")),
                fmt.number(cohort.size),
                cells + [None] * (columns - len(cells)),
            )
        )
    headers = [fmt.number(k) for k in range(1, columns + 1)]
    corner = (tr(t.FIRST_MONTH, fmt.lang), tr(t.CUSTOMERS, fmt.lang))
    return heat_map(rows, headers, width=width, lang=fmt.lang, percent=fmt.percent, corner=corner)
