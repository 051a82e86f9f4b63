"""The monthly report the owner holds in their hands, in Arabic or English.

Page 1: the shop and the month, KPI tiles with the change against last month, and
plain sentences (monthly_text.py). Then charts (charts.py) and the lists to act on.
Every figure printed comes from `metrics_dict` for the month, formatted — so the paper
says what `metrics --json` says. Everything else is aggregated in SQL by
`core.report_data` and `core.segments`; this module holds no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from smallbiz_loyalty.core import report_data, segments
from smallbiz_loyalty.core.beside import Beside
from smallbiz_loyalty.core.birthdays import birthdays_between
from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.dates import add_months, parse_month
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import LANGUAGES, _, is_rtl
from smallbiz_loyalty.core.metrics import metrics_dict, month_metrics
from smallbiz_loyalty.core.money import format_money, major_str
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports import monthly_text as t
from smallbiz_loyalty.reports.charts import chart_pages
from smallbiz_loyalty.reports.flowables import KpiTile, Trend, data_table, kpi_grid
from smallbiz_loyalty.reports.kit import PageInfo, Styles, Theme, build_pdf, page_size, styles, tr
from smallbiz_loyalty.reports.monthly_text import Fmt, Story
from smallbiz_loyalty.reports.paragraph import Para
from smallbiz_loyalty.reports.rtl import Direction, draw_text, fit_text

MARGIN = 18 * mm
COVER_HEIGHT = 28 * mm
TILE_HEIGHT = 21 * mm
COHORT_MONTHS = 12
NPS_MONTHS = 6
AT_RISK_FETCH = 100_000  # all of them: the sentence gives the count, the list the first few


@dataclass(frozen=True)
class MonthlyData:
    """Everything the report prints, gathered through core functions."""

    start: date
    end: date  # exclusive
    as_of: date  # the last day the figures cover (today, while the month is running)
    numbers: dict[str, Any]  # metrics_dict: THE figures
    weeks: list[report_data.Week]
    nps_months: list[report_data.MonthNps]
    segment_counts: dict[str, int]
    cohorts: list[segments.Cohort]
    categories: list[report_data.CategorySales]
    at_risk: list[segments.CustomerLine]
    birthdays: list[tuple[Customer, date]]
    top: list[segments.CustomerLine]
    rewards: report_data.RewardsReached

    @property
    def next_month(self) -> date:
        return self.end

    @property
    def previous_month(self) -> date:
        return add_months(self.start, -1)


def gather_monthly(shop: Shop, month: str, should_cancel: ShouldCancel = never_cancel) -> MonthlyData:
    """The month's figures, charts' aggregates and lists (`month` is "YYYY-MM")."""
    start, end = parse_month(month)
    settings = shop.settings
    as_of = max(start, min(end - timedelta(days=1), shop.today()))
    # The reward crossings are the longest single step on a big shop: on a second connection and
    # core while the rest runs here.
    rewards = Beside(shop.path, lambda db: report_data.reached_reward(db, start, end), fallback=shop.db)
    with rewards:
        numbers = metrics_dict(month_metrics(shop.db, month, settings), shop.currency)
        steps = [
            lambda: report_data.weekly_figures(shop.db, start, end),
            lambda: report_data.nps_by_month(shop.db, start, months=NPS_MONTHS),
            lambda: segments.rfm_segment_counts(shop.db, as_of),
            lambda: segments.cohorts(shop.db, start, months=COHORT_MONTHS),
            lambda: report_data.category_sales(shop.db, start, end),
            lambda: segments.at_risk(shop.db, as_of, settings, limit=AT_RISK_FETCH),
            lambda: birthdays_between(shop.db, end, add_months(end, 1) - timedelta(days=1)),
            lambda: segments.top_customers(shop.db, start, end, limit=10),
            rewards.result,
        ]
        results = []
        for step in steps:
            if should_cancel():
                raise Cancelled
            results.append(step())
    return MonthlyData(start, end, as_of, numbers, *results)


def render_monthly_report(
    path: Path,
    shop: Shop,
    month: str,
    *,
    lang: str,
    paper: str = "A4",
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Print the monthly report of `month` ("YYYY-MM") in `lang` to the PDF `path`
    (written whole or not at all); return the number of pages."""
    if lang not in LANGUAGES:
        raise InvalidInput("lang", _("Language {lang} is not supported; choose ar or en.", lang=str(lang)[:10]))
    width = page_size(paper)[0] - 2 * MARGIN
    data = gather_monthly(shop, month, should_cancel or never_cancel)
    fmt = Fmt(lang, shop.currency)
    s = styles(lang)
    shop_name = shop.settings["shop_name"]
    flowables: list[Flowable] = [
        Cover(shop_name, tr(t.REPORT_TITLE, lang), fmt.month_year(data.start), lang=lang, logo=_logo(shop)),
        Spacer(0, 3 * mm),
        *_period_lines(data, fmt, s, shop.today()),
        Para(tr(t.AT_A_GLANCE, lang), s.heading, lang=lang),
        kpi_grid(kpi_tiles(data.numbers, fmt, data.previous_month), width=width, columns=4),
        KeepTogether([Para(tr(t.IN_PLAIN_WORDS, lang), s.heading, lang=lang), *_sentences(data, fmt, s, shop)]),
        PageBreak(),
        *chart_pages(data.weeks, data.nps_months, data.segment_counts, data.cohorts, fmt, width=width),
        *action_lists(data, fmt, width=width, region=shop.region),
    ]
    info = PageInfo(
        shop_name=shop_name,
        title=tr(t.DOC_TITLE, lang, month=fmt.month_year(data.start)),
        lang=lang,
        printed_on=shop.today(),
    )
    return build_pdf(
        path, flowables, info=info, paper=paper, margin=MARGIN, progress=progress, should_cancel=should_cancel
    )


# -- page 1 -----------------------------------------------------------------------


class Cover(Flowable):
    """A band in the accent colour: the shop's name (and logo), the report and its month."""

    def __init__(self, shop_name: str, title: str, month: str, *, lang: str, logo: ImageReader | None) -> None:
        super().__init__()
        self.shop_name, self.title, self.month, self.lang, self.logo = shop_name, title, month, lang, logo

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, COVER_HEIGHT

    def draw(self) -> None:
        canv: Canvas = self.canv
        rtl, pad = is_rtl(self.lang), 6 * mm
        canv.setFillColor(Theme.accent)
        canv.roundRect(0, 0, self.width, COVER_HEIGHT, 3 * mm, stroke=0, fill=1)
        logo_w = self._draw_logo(canv, pad, rtl)
        start = self.width - pad if rtl else pad
        room = self.width - 2 * pad - logo_w
        canv.setFillColor(Theme.white)
        name, size = fit_text(self.shop_name, room, size=20, min_size=11, lang=self.lang, bold=True)
        draw_text(
            canv, start, COVER_HEIGHT - pad - size * 0.75, name, size=size, lang=self.lang, bold=True, direction="auto"
        )
        canv.setFillColor(Theme.accent_soft)
        line = f"{self.title} · {self.month}"
        text, size = fit_text(line, room, size=13, min_size=9, lang=self.lang)
        draw_text(canv, start, pad, text, size=size, lang=self.lang)

    def _draw_logo(self, canv: Canvas, pad: float, rtl: bool) -> float:
        """The logo at the reading end of the band, at most its height; returns the room it took."""
        if self.logo is None:
            return 0.0
        box = COVER_HEIGHT - 2 * 4 * mm
        image_w, image_h = self.logo.getSize()
        width = min(box * image_w / image_h, self.width / 4)
        height = width * image_h / image_w
        x = pad if rtl else self.width - pad - width
        canv.drawImage(self.logo, x, (COVER_HEIGHT - height) / 2, width, height, mask="auto")
        return width + 4 * mm


def _logo(shop: Shop) -> ImageReader | None:
    """The shop's logo when the `shop_logo` setting names a readable image; else none (printed without)."""
    value = shop.settings.get("shop_logo")
    if not value or not Path(value).is_file():
        return None
    try:
        return ImageReader(str(value))
    except (OSError, ValueError):
        return None


def _period_lines(data: MonthlyData, fmt: Fmt, s: Styles, today: date) -> list[Flowable]:
    period = fmt.days(data.start, data.end - timedelta(days=1))
    lines = [tr(t.PERIOD, fmt.lang, period=period, previous_month=fmt.month(data.previous_month))]
    if data.end > today >= data.start:
        lines.append(tr(t.NOT_OVER, fmt.lang, date=fmt.day(data.as_of)))
    return [Para(line, s.muted, lang=fmt.lang) for line in lines]


def kpi_tiles(numbers: dict[str, Any], fmt: Fmt, previous_month: date) -> list[KpiTile]:
    """The sixteen tiles, in reading order, each with its change against last month."""
    n, p = numbers, numbers["previous"]

    def tile(label: str, value: str, change: tuple[int | None, str | None], trend: Trend = "up_is_good") -> KpiTile:
        return KpiTile(
            tr(label, fmt.lang),
            value,
            change=change[0],
            change_text=change[1],
            trend=trend,
            height=TILE_HEIGHT,
            lang=fmt.lang,
        )

    def rate(key: str, label: str, trend: Trend = "up_is_good") -> KpiTile:
        return tile(label, fmt.percent(n[key]), t.rate_change(n[key], p[key], fmt, previous_month), trend)

    def count(key: str, label: str, trend: Trend = "up_is_good", values: tuple[Any, Any] | None = None) -> KpiTile:
        current, before = values or (n[key], p[key])
        return tile(label, _signed_number(current, fmt), t.count_change(current, before, fmt, previous_month), trend)

    def money(key: str, label: str, trend: Trend = "up_is_good") -> KpiTile:
        return tile(label, fmt.money(n[key]), t.money_change(n[key], p[key], fmt, previous_month), trend)

    unit = loyalty_unit(n)
    issued, redeemed = (
        (t.STAMPS_ISSUED, t.STAMPS_REDEEMED) if unit == "stamps" else (t.POINTS_ISSUED, t.POINTS_REDEEMED)
    )
    return [
        rate("retention_rate", t.RETENTION),
        rate("churn_rate", t.CHURN, "down_is_good"),
        count("nps", t.NPS),
        money("revenue", t.REVENUE),
        count("new_customers", t.NEW),
        count("", t.RETURNING, values=(returning(n), returning(p))),
        count("reactivated_customers", t.REACTIVATED),
        count("lost_customers", t.LOST, "down_is_good"),
        rate("repeat_purchase_rate", t.REPEAT),
        count("sales_count", t.SALES),
        money("average_transaction_value", t.ATV),
        money("clv", t.CLV),
        count("members", t.MEMBERS),
        count(f"{unit}_issued", issued, "neutral"),
        count(f"{unit}_redeemed", redeemed, "neutral"),
        money("points_liability", t.LIABILITY, "neutral"),
    ]


def loyalty_unit(numbers: dict[str, Any]) -> str:
    """ "stamps" when the shop only moved stamps (this month or last), else "points"."""
    keys = ("issued", "redeemed")
    moved = {
        unit: any(figures.get(f"{unit}_{key}") for figures in (numbers, numbers["previous"]) for key in keys)
        for unit in ("points", "stamps")
    }
    return "stamps" if moved["stamps"] and not moved["points"] else "points"


def returning(numbers: dict[str, Any]) -> int:
    """Customers who bought this month and were active at its start: buyers − new − reactivated."""
    return numbers["buyers"] - numbers["new_customers"] - numbers["reactivated_customers"]


def _signed_number(value: int | None, fmt: Fmt) -> str:
    if value is None:
        return t.DASH
    return fmt.signed(fmt.number(value)) if value < 0 else fmt.number(value)


def _sentences(data: MonthlyData, fmt: Fmt, s: Styles, shop: Shop) -> list[Flowable]:
    settings = shop.settings
    named = [c for c in data.categories if c.category]
    revenue = sum(c.revenue for c in data.categories)
    top = None
    if named and revenue > 0 and named[0].revenue > 0:
        best = named[0]
        top = (best.category, major_str(best.revenue, shop.currency), best.revenue / revenue)
    story = Story(
        numbers=data.numbers,
        month_start=data.start,
        top_category=top,
        at_risk=len(data.at_risk),
        quiet_since=data.as_of - timedelta(days=int(settings["at_risk_quiet_days"])),
        birthdays=len(data.birthdays),
        next_month=data.next_month,
        rewards_reached=data.rewards.total,
    )
    body = s.body.but(space_after=2.5 * mm)
    return [Para(sentence, body, lang=fmt.lang) for sentence in t.owner_sentences(story, fmt)]


# -- lists to act on ------------------------------------------------------------------

LIST_ROWS = 30  # longer lists end with "… and N more"
LIST_START = 45 * mm  # room for a heading and the first rows of a list


def action_lists(data: MonthlyData, fmt: Fmt, *, width: float, region: str) -> list[Flowable]:
    """At-risk regulars, next month's birthdays, the top 10 and who reached a reward."""
    lang = fmt.lang

    def money(minor: int) -> str:
        return format_money(minor, fmt.currency, fmt.locale)

    def phone(e164: str | None) -> str:
        return format_phone(e164, region) if e164 else ""

    def last(day: date | None) -> str:
        return fmt.day(day) if day else t.DASH

    # Only the rows printed are formatted: a big shop may have thousands at risk.
    at_risk = [
        [c.name, phone(c.phone), fmt.number(c.purchases), money(c.spend), last(c.last_purchase)]
        for c in data.at_risk[:LIST_ROWS]
    ]
    birthdays = [[c.name, fmt.day(day), phone(c.phone)] for c, day in data.birthdays[:LIST_ROWS]]
    top = [
        [fmt.number(rank), c.name, fmt.number(c.purchases), money(c.spend), last(c.last_purchase)]
        for rank, c in enumerate(data.top, start=1)
    ]
    rewards = [
        [r.name, phone(r.phone), r.programme, r.reward, fmt.day(r.reached_on)] for r in data.rewards.first[:LIST_ROWS]
    ]
    visits, spent = tr(t.VISITS_HEADER, lang), tr(t.SPENT, lang)
    customer, phone_h = tr(t.CUSTOMER, lang), tr(t.PHONE, lang)
    return [
        PageBreak(),
        *_list(
            tr(t.AT_RISK_TITLE, lang), [customer, phone_h, visits, spent, tr(t.LAST_VISIT, lang)], at_risk, fmt,
            width=width, weights=[3, 2, 1, 1.5, 1.5], numeric={2, 3}, phone_column=1, total=len(data.at_risk),
        ),
        *_list(
            tr(t.BIRTHDAYS_TITLE, lang, month=fmt.month(data.next_month)),
            [customer, tr(t.BIRTHDAY, lang), phone_h], birthdays, fmt, width=width, weights=[3, 1.5, 2], phone_column=2,
            total=len(data.birthdays),
        ),
        *_list(
            tr(t.TOP_TITLE, lang), ["#", customer, visits, spent, tr(t.LAST_VISIT, lang)], top, fmt,
            width=width, weights=[0.5, 3, 1, 1.5, 1.5], numeric={0, 2, 3},
        ),
        *_list(
            tr(t.REWARDS_TITLE, lang),
            [customer, phone_h, tr(t.PROGRAMME, lang), tr(t.REWARD, lang), tr(t.REACHED_ON, lang)], rewards, fmt,
            width=width, weights=[3, 2, 2, 2, 1.5], phone_column=1, user_text={2, 3}, total=data.rewards.total,
        ),
    ]  # fmt: skip


def _list(
    title: str,
    header: list[str],
    rows: list[list[str]],
    fmt: Fmt,
    *,
    width: float,
    weights: list[float],
    numeric: set[int] | frozenset[int] = frozenset(),
    phone_column: int | None = None,
    user_text: set[int] | frozenset[int] = frozenset(),
    total: int | None = None,
) -> list[Flowable]:
    """A heading and a table of at most LIST_ROWS rows (of `total`, ending with "… and N more");
    names and other `user_text` columns take their direction from their own script, phone
    numbers are always left to right."""
    total = len(rows) if total is None else total
    s = styles(fmt.lang)
    heading = Para(title, s.heading, lang=fmt.lang)
    if not rows:
        return [KeepTogether([heading, Para(tr(t.NOBODY, fmt.lang), s.muted, lang=fmt.lang)])]
    name_column = header.index(tr(t.CUSTOMER, fmt.lang))
    directions: dict[int, Direction] = dict.fromkeys({name_column, *user_text}, "auto")
    if phone_column is not None:
        directions[phone_column] = "ltr"
    table = data_table(
        header, rows[:LIST_ROWS], width=width, col_widths=weights, numeric=numeric, lang=fmt.lang,
        directions=directions, style=s,
    )  # fmt: skip
    parts: list[Flowable] = [heading, table]
    if total > LIST_ROWS:
        more = tr(t.AND_MORE, fmt.lang, count=fmt.number(total - LIST_ROWS))
        parts.append(Para(more, s.muted.but(space_before=1.5 * mm), lang=fmt.lang))
    # The heading never ends a page alone: it starts a new page unless a few rows fit under it.
    return [CondPageBreak(LIST_START), *parts]
