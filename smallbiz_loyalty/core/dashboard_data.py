"""What the dashboard shows for one month, gathered in one call off the GUI thread.

The figures are `metrics.month_metrics` (the same as `metrics --json`); the KPI
tiles format the very values of `metrics.metrics_dict`, so a tile can never
disagree with the command line. The series reuse `report_data` (weeks, NPS by
month) and `segments` (RFM); the one series the printed report has no use for,
new against returning customers month by month, is here.

Everything is pure Python and SQL: the GUI only draws what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from babel.numbers import format_currency, format_decimal, format_percent
from sqlite_utils import Database

from smallbiz_loyalty.core import birthdays
from smallbiz_loyalty.core.birthdays import UpcomingBirthday
from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.feedback import Feedback
from smallbiz_loyalty.core.i18n import N_, _, babel_locale
from smallbiz_loyalty.core.metrics import PURCHASE, metrics_dict
from smallbiz_loyalty.core.report_data import MonthNps, Week, nps_by_month, weekly_figures
from smallbiz_loyalty.core.segments import CustomerLine

if TYPE_CHECKING:
    from smallbiz_loyalty.core.shop import Shop

CHART_WEEKS = 12
CHART_MONTHS = 12
BIRTHDAY_DAYS = 30
TOP_CUSTOMERS = 10
UNDEFINED = "—"

# (metrics_dict key, English label, kind of value, whether a rise is good: True, False or None = neutral)
KPI_DEFINITIONS: tuple[tuple[str, str, str, bool | None], ...] = (
    ("retention_rate", N_("Retention rate"), "rate", True),
    ("churn_rate", N_("Churn rate"), "rate", False),
    ("repeat_purchase_rate", N_("Repeat purchase rate"), "rate", True),
    ("average_transaction_value", N_("Average transaction value"), "money", True),
    ("clv", N_("Customer lifetime value"), "money", True),
    ("nps", N_("Net Promoter Score"), "score", True),
    ("revenue", N_("Revenue"), "money", True),
    ("members", N_("Members"), "count", True),
    ("points_liability", N_("Points liability"), "money", None),
)


@dataclass(frozen=True)
class Kpi:
    """One tile: a figure of the month, as text, and its change against the month before."""

    key: str  # the metrics_dict key
    label: str  # translated
    value: str  # formatted, "—" when undefined
    previous: str  # the month before, formatted
    change: str  # "+3.0 pts", "+KWD 1.250", "−4"; "" when either month is undefined
    direction: int | None  # 1 up, −1 down, 0 unchanged, None unknown
    good: bool | None  # whether the change is good news (None: neutral or unknown)


def _number(raw: Any, kind: str, currency: str, locale: str) -> str:
    if raw is None:
        return UNDEFINED
    if kind == "rate":
        return format_percent(raw, "#,##0.0%", locale=locale)
    if kind == "money":
        return format_currency(Decimal(raw), currency, locale=locale)
    return format_decimal(raw, locale=locale)


def _change(now: Any, before: Any, kind: str, currency: str, locale: str) -> tuple[str, int | None]:
    """The change as text ("+3.0 pts" for rates) and its direction."""
    if now is None or before is None:
        return "", None
    if kind == "rate":
        points = round((Decimal(str(now)) - Decimal(str(before))) * 100, 1)
        sign = "+" if points > 0 else ""
        text = _("{sign}{points} pts", sign=sign, points=format_decimal(points, format="#,##0.0", locale=locale))
        return text, (points > 0) - (points < 0)
    difference = Decimal(str(now)) - Decimal(str(before))
    sign = "+" if difference > 0 else ""
    if kind == "money":
        text = sign + format_currency(difference, currency, locale=locale)
    else:
        text = sign + format_decimal(difference, locale=locale)
    return text, (difference > 0) - (difference < 0)


def kpis(figures: dict[str, Any], currency: str, locale: str | None = None) -> list[Kpi]:
    """The dashboard's tiles from a `metrics_dict` (with its "previous"), in the current language."""
    locale = locale or babel_locale()
    before = figures["previous"]
    tiles = []
    for key, label, kind, rise_is_good in KPI_DEFINITIONS:
        change, direction = _change(figures[key], before[key], kind, currency, locale)
        good = None if rise_is_good is None or not direction else (direction > 0) == rise_is_good
        tiles.append(
            Kpi(
                key=key,
                label=_(label),
                value=_number(figures[key], kind, currency, locale),
                previous=_number(before[key], kind, currency, locale),
                change=change,
                direction=direction,
                good=good,
            )
        )
    return tiles


# -- series -------------------------------------------------------------------
@dataclass(frozen=True)
class MonthCustomers:
    month: date  # first day of the month
    new: int  # buyers whose first purchase ever was in this month (the month's N)
    returning: int  # the month's other buyers


def new_vs_returning_by_month(
    db: Database, last_month_start: date, *, months: int = CHART_MONTHS
) -> list[MonthCustomers]:
    """Buying customers per month for the `months` months up to `last_month_start`'s, oldest first:
    new (first purchase ever in that month, as `metrics` counts N) and returning (all the others)."""
    first = add_months(last_month_start, -(months - 1))
    end = add_months(last_month_start, 1)
    firsts = dict(
        db.execute(
            "SELECT substr(first_purchase, 1, 7), COUNT(*) FROM customer_firsts"
            " WHERE first_purchase >= ? AND first_purchase < ? GROUP BY 1",
            [first.isoformat(), end.isoformat()],
        ).fetchall()
    )
    result = []
    for index in range(months):  # a month at a time: the index gives each month's rows in a run, unsorted
        month = add_months(first, index)
        (buyers,) = db.execute(
            f"SELECT COUNT(DISTINCT customer_id) FROM sales INDEXED BY sales_purchases_by_date"
            f" WHERE {PURCHASE} AND business_date >= ? AND business_date < ?",
            [month.isoformat(), add_months(month, 1).isoformat()],
        ).fetchone()
        new = firsts.get(month.isoformat()[:7], 0)
        result.append(MonthCustomers(month, new, buyers - new))
    return result


def weekly_sales(db: Database, end: date, *, weeks: int = CHART_WEEKS) -> list[Week]:
    """Revenue, visits, new and returning customers for the `weeks` whole weeks before `end` (exclusive)."""
    return weekly_figures(db, end - timedelta(days=7 * weeks), end)


# -- the whole dashboard --------------------------------------------------------
@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for one month."""

    month: date  # first day of the month shown
    today: date
    figures: dict[str, Any]  # metrics_dict of the month, "previous" inside
    kpis: list[Kpi]
    weeks: list[Week]  # the last CHART_WEEKS weeks up to the month's end (or today)
    months: list[MonthCustomers]  # the CHART_MONTHS months up to this one
    nps: list[MonthNps]  # the CHART_MONTHS months up to this one
    segments: dict[str, int]  # RFM segment → customers, as of the month's last day (or today)
    at_risk: list[CustomerLine]  # as of today
    birthdays: list[UpcomingBirthday]  # today and the next BIRTHDAY_DAYS − 1 days
    top_customers: list[CustomerLine]  # of the month
    follow_ups: list[Feedback]  # unhappy answers waiting for a call


def chart_end(month_start: date, today: date) -> date:
    """Where the month's charts stop (exclusive): the month's end, or tomorrow while the month runs."""
    return min(add_months(month_start, 1), today + timedelta(days=1))


def load_dashboard(shop: Shop, month_start: date, today: date) -> Dashboard:
    """Gather the dashboard of the month starting `month_start`, with lists as of `today`.

    `today` is passed in (not read from `shop`'s clock) because this runs on a
    worker thread's own `Shop`, whose clock may not be the window's."""
    month_start = month_start.replace(day=1)
    figures = metrics_dict(shop.month_metrics(month_start.isoformat()[:7]), shop.currency)
    end = chart_end(month_start, today)
    as_of = max(min(end - timedelta(days=1), today), month_start)
    return Dashboard(
        month=month_start,
        today=today,
        figures=figures,
        kpis=kpis(figures, shop.currency),
        weeks=weekly_sales(shop.db, end),
        months=new_vs_returning_by_month(shop.db, month_start),
        nps=nps_by_month(shop.db, month_start, months=CHART_MONTHS),
        segments=shop.rfm_segment_counts(as_of),
        at_risk=shop.at_risk(today),
        birthdays=birthdays.upcoming_birthdays(shop.db, today, BIRTHDAY_DAYS),
        top_customers=shop.top_customers(month_start, add_months(month_start, 1), limit=TOP_CUSTOMERS),
        follow_ups=shop.follow_ups(),
    )
