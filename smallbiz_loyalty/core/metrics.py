"""Retention, sales and NPS figures for a period — exactly the definitions of DESIGN §4.

A period is [start, end) in business dates. A *purchase* is a sale row of kind
`sale`, not voided, with a customer. A customer is *active on d* when they have
a purchase in [d − W, d), W = the activity window (never shorter than the period).
Every figure is computed in SQL over indexed columns; undefined figures are None.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.dates import add_months, parse_month
from smallbiz_loyalty.core.money import major_str

# The WHERE clause of the partial indexes over purchases (schema 0003): queries
# must repeat it word for word for SQLite to use them.
PURCHASE = "kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL"


@dataclass(frozen=True)
class ClvInputs:
    """What the lifetime-value estimate was built from, shown next to it."""

    average_transaction_value: int | None  # minor units
    purchases_per_year: float | None  # per buying customer, over the 12 months to the period's end
    annual_churn: float | None  # the period's churn rate, compounded to a year
    lifespan_years: float  # 1 / annual churn, capped
    gross_margin: float | None  # fraction, when the owner set one


@dataclass(frozen=True)
class NpsFigures:
    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> int | None:
        """% promoters − % detractors, rounded to a whole number; None with no answers."""
        if not self.answers:
            return None
        return int((Decimal(100 * (self.promoters - self.detractors)) / self.answers).to_integral_value(ROUND_HALF_UP))


@dataclass(frozen=True)
class PeriodFigures:
    start: date
    end: date
    customers_start: int  # S
    customers_end: int  # E
    new_customers: int  # N
    reactivated_customers: int  # R
    lost_customers: int  # L
    buyers: int  # customers with ≥ 1 purchase in the period
    repeat_buyers: int  # … with ≥ 2
    purchases: int  # purchases by known customers
    revenue: int  # minor units: sales − returns, voids excluded, anonymous included
    sales_count: int  # sales (kind sale, not voided), anonymous included
    cross_sell_buyers: int  # buyers with purchases in ≥ 2 categories
    members: int  # customers enrolled by the period's end (not erased or merged)
    historical_value: int | None  # average net spend per customer who ever bought, to the period's end
    clv_inputs: ClvInputs
    nps: NpsFigures = field(default_factory=NpsFigures)
    loyalty: dict[str, Any] = field(default_factory=dict)
    referrals: int = 0

    @property
    def retention_rate(self) -> float | None:
        return _ratio(self.customers_start - self.lost_customers, self.customers_start)

    @property
    def churn_rate(self) -> float | None:
        return _ratio(self.lost_customers, self.customers_start)

    @property
    def repeat_purchase_rate(self) -> float | None:
        return _ratio(self.repeat_buyers, self.buyers)

    @property
    def purchase_frequency(self) -> float | None:
        return _ratio(self.purchases, self.buyers)

    @property
    def average_transaction_value(self) -> int | None:
        return _money_ratio(self.revenue, self.sales_count)

    @property
    def cross_sell_rate(self) -> float | None:
        return _ratio(self.cross_sell_buyers, self.buyers)

    @property
    def clv(self) -> int | None:
        """ATV × purchases per customer per year × expected lifespan (× margin), minor units."""
        inputs = self.clv_inputs
        if inputs.average_transaction_value is None or inputs.purchases_per_year is None:
            return None
        value = Decimal(inputs.average_transaction_value) * Decimal(str(inputs.purchases_per_year))
        value *= Decimal(str(inputs.lifespan_years))
        if inputs.gross_margin is not None:
            value *= Decimal(str(inputs.gross_margin))
        return int(value.to_integral_value(ROUND_HALF_UP))


@dataclass(frozen=True)
class Metrics:
    current: PeriodFigures
    previous: PeriodFigures


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _money_ratio(amount: int, count: int) -> int | None:
    if not count:
        return None
    return int((Decimal(amount) / count).to_integral_value(ROUND_HALF_UP))


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The calendar month before a calendar month; otherwise the same length just before."""
    if start.day == 1 and end == add_months(start, 1):
        return add_months(start, -1), start
    return start - (end - start), start


def month_metrics(db: Database, month: str, settings: dict[str, Any]) -> Metrics:
    """Figures for a month given as "YYYY-MM", with the month before."""
    start, end = parse_month(month)
    return period_metrics(db, start, end, settings)


def period_metrics(db: Database, start: date, end: date, settings: dict[str, Any]) -> Metrics:
    """Figures for [start, end) and the period before it."""
    previous_start, previous_end = previous_period(start, end)
    return Metrics(
        current=period_figures(db, start, end, settings),
        previous=period_figures(db, previous_start, previous_end, settings),
    )


def activity_window(start: date, end: date, settings: dict[str, Any]) -> int:
    return max(int(settings["activity_window_days"]), (end - start).days)


def period_figures(db: Database, start: date, end: date, settings: dict[str, Any]) -> PeriodFigures:
    if end <= start:
        raise ValueError("a period must end after it starts")
    window = activity_window(start, end, settings)
    flow = _customer_flow(db, start, end, window)
    revenue, sales_count = db.execute(
        "SELECT COALESCE(SUM(revenue), 0), COALESCE(SUM(sales), 0) FROM sales_days"
        " WHERE business_date >= ? AND business_date < ?",
        [start.isoformat(), end.isoformat()],
    ).fetchone()
    (members,) = db.execute(
        "SELECT count(*) FROM customers WHERE created_at < ? AND erased_at IS NULL AND merged_into IS NULL",
        [end.isoformat()],
    ).fetchone()
    figures = PeriodFigures(
        start=start,
        end=end,
        revenue=revenue,
        sales_count=sales_count,
        members=members,
        historical_value=_historical_value(db, end),
        clv_inputs=ClvInputs(None, None, None, 0.0, None),
        nps=_nps(db, start, end),
        loyalty=_loyalty(db, start, end),
        referrals=_referrals(db, start, end),
        **flow,
    )
    return _with_clv(db, figures, settings)


def _customer_flow(db: Database, start: date, end: date, window: int) -> dict[str, int]:
    """S, E, N, R, L and the period's buying figures.

    Two grouped passes over purchases: the window's, for who was active at the start and at the
    end, and the period's, for who bought how often and in how many categories; the
    first-purchase days (schema 0006) say who is new. Everyone active at the end either stayed
    from the start or arrived (new or reactivated): N + R = E − (S − L)."""
    start_lo = (start - timedelta(days=window)).isoformat()
    end_lo = (end - timedelta(days=window)).isoformat()
    s, e = start.isoformat(), end.isoformat()
    active_start, active_end, lost = db.execute(
        f"""
        SELECT COALESCE(SUM(at_start), 0), COALESCE(SUM(at_end), 0), COALESCE(SUM(at_start AND NOT at_end), 0)
        FROM (SELECT MAX(business_date < :start) AS at_start, MAX(business_date >= :end_lo) AS at_end
              FROM sales INDEXED BY sales_purchases_by_date
              WHERE {PURCHASE} AND business_date >= :start_lo AND business_date < :end
              GROUP BY customer_id)
        """,
        {"start": s, "end": e, "start_lo": start_lo, "end_lo": end_lo},
    ).fetchone()
    buyers, repeat_buyers, purchases, cross_sell = db.execute(
        f"""
        SELECT COUNT(*), COALESCE(SUM(bought > 1), 0), COALESCE(SUM(bought), 0), COALESCE(SUM(lowest < highest), 0)
        FROM (SELECT COUNT(*) AS bought,
                     -- two or more categories, without counting distinct values
                     MIN(COALESCE(category, '')) AS lowest, MAX(COALESCE(category, '')) AS highest
              FROM sales INDEXED BY sales_purchases_by_date
              WHERE {PURCHASE} AND business_date >= ? AND business_date < ?
              GROUP BY customer_id)
        """,
        [s, e],
    ).fetchone()
    (new,) = db.execute(
        "SELECT COUNT(*) FROM customer_firsts WHERE first_purchase >= ? AND first_purchase < ?", [s, e]
    ).fetchone()
    return {
        "customers_start": active_start,
        "customers_end": active_end,
        "new_customers": new,
        "reactivated_customers": active_end - (active_start - lost) - new,
        "lost_customers": lost,
        "buyers": buyers,
        "repeat_buyers": repeat_buyers,
        "purchases": purchases,
        "cross_sell_buyers": cross_sell,
    }


def _historical_value(db: Database, end: date) -> int | None:
    """Net spend (sales less returns, voids excluded) of customers before `end`, per customer who had bought."""
    (total,) = db.execute(
        "SELECT COALESCE(SUM(member_amount), 0) FROM sales_days WHERE business_date < ?", [end.isoformat()]
    ).fetchone()
    (buyers,) = db.execute(
        "SELECT COUNT(*) FROM customer_firsts WHERE first_purchase < ?", [end.isoformat()]
    ).fetchone()
    return _money_ratio(total, buyers)


def _with_clv(db: Database, figures: PeriodFigures, settings: dict[str, Any]) -> PeriodFigures:
    year_start = (figures.end - timedelta(days=365)).isoformat()
    end = figures.end.isoformat()
    (purchases,) = db.execute(
        "SELECT COALESCE(SUM(purchases), 0) FROM sales_days WHERE business_date >= ? AND business_date < ?",
        [year_start, end],
    ).fetchone()
    # Everyone who had bought by the end, and bought within the year: one index probe each,
    # none for those whose first purchase already falls in the year.
    (buyers,) = db.execute(
        f"""SELECT COUNT(*) FROM customer_firsts f WHERE f.first_purchase < :end AND (f.first_purchase >= :lo
              OR EXISTS (SELECT 1 FROM sales INDEXED BY sales_purchases_by_customer
                         WHERE customer_id = f.customer_id AND {PURCHASE}
                           AND business_date >= :lo AND business_date < :end))""",
        {"lo": year_start, "end": end},
    ).fetchone()
    churn = figures.churn_rate
    days = (figures.end - figures.start).days
    annual_churn = None if churn is None else 1 - (1 - churn) ** (365 / days)
    cap = float(settings["clv_max_lifespan_years"])
    lifespan = cap if not annual_churn else min(cap, 1 / annual_churn)
    margin = int(settings["gross_margin_percent"])
    inputs = ClvInputs(
        average_transaction_value=figures.average_transaction_value,
        purchases_per_year=purchases / buyers if buyers else None,
        annual_churn=annual_churn,
        lifespan_years=lifespan,
        gross_margin=margin / 100 if margin else None,
    )
    return replace(figures, clv_inputs=inputs)


def _nps(db: Database, start: date, end: date) -> NpsFigures:
    if not _has_table(db, "feedback"):
        return NpsFigures()
    promoters, passives, detractors = db.execute(
        "SELECT COALESCE(SUM(score >= 9), 0), COALESCE(SUM(score BETWEEN 7 AND 8), 0), COALESCE(SUM(score <= 6), 0)"
        " FROM feedback WHERE business_date >= ? AND business_date < ?",
        [start.isoformat(), end.isoformat()],
    ).fetchone()
    return NpsFigures(promoters, passives, detractors)


def _referrals(db: Database, start: date, end: date) -> int:
    """New customers of the period who came by referral."""
    (count,) = db.execute(
        "SELECT COUNT(*) FROM customer_firsts f JOIN customers c ON c.id = f.customer_id"
        " WHERE f.first_purchase >= ? AND f.first_purchase < ? AND c.referred_by IS NOT NULL",
        [start.isoformat(), end.isoformat()],
    ).fetchone()
    return count


def _loyalty(db: Database, start: date, end: date) -> dict[str, Any]:
    from smallbiz_loyalty.core.loyalty_figures import loyalty_figures

    return loyalty_figures(db, start, end)


def _has_table(db: Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


LOYALTY_KEYS = (
    "points_issued",
    "points_redeemed",
    "points_expired",
    "stamps_issued",
    "stamps_redeemed",
    "points_liability",
    "redemption_rate",
    "rewards_redeemed",
    "vouchers_issued",
    "vouchers_redeemed",
    "birthday_gifts_issued",
    "birthday_gifts_used",
)
_MONEY_LOYALTY_KEYS = frozenset({"points_liability"})


def figures_dict(figures: PeriodFigures, currency: str) -> dict[str, Any]:
    """The figures as the `metrics --json` contract has them: numbers as numbers,
    rates as fractions 0–1, money in major units as strings, undefined as None.
    `period_end` is exclusive: the period is [period_start, period_end)."""

    def money(value: int | None) -> str | None:
        return None if value is None else major_str(value, currency)

    loyalty = {key: figures.loyalty.get(key) for key in LOYALTY_KEYS}
    for key in _MONEY_LOYALTY_KEYS:
        loyalty[key] = money(loyalty[key])
    inputs = figures.clv_inputs
    return {
        "period_start": figures.start.isoformat(),
        "period_end": figures.end.isoformat(),
        "customers_start": figures.customers_start,
        "customers_end": figures.customers_end,
        "new_customers": figures.new_customers,
        "reactivated_customers": figures.reactivated_customers,
        "lost_customers": figures.lost_customers,
        "retention_rate": figures.retention_rate,
        "churn_rate": figures.churn_rate,
        "repeat_purchase_rate": figures.repeat_purchase_rate,
        "purchase_frequency": figures.purchase_frequency,
        "revenue": money(figures.revenue),
        "sales_count": figures.sales_count,
        "average_transaction_value": money(figures.average_transaction_value),
        "clv": money(figures.clv),
        "clv_inputs": {
            "average_transaction_value": money(inputs.average_transaction_value),
            "purchases_per_year": inputs.purchases_per_year,
            "annual_churn": inputs.annual_churn,
            "lifespan_years": inputs.lifespan_years,
            "gross_margin": inputs.gross_margin,
        },
        "historical_value": money(figures.historical_value),
        "nps": figures.nps.score,
        "nps_promoters": figures.nps.promoters,
        "nps_passives": figures.nps.passives,
        "nps_detractors": figures.nps.detractors,
        "nps_answers": figures.nps.answers,
        "cross_sell_rate": figures.cross_sell_rate,
        "members": figures.members,
        "buyers": figures.buyers,
        "purchases": figures.purchases,
        **loyalty,
        "referrals": figures.referrals,
    }


def metrics_dict(metrics: Metrics, currency: str) -> dict[str, Any]:
    """`figures_dict` of the period with the previous period under "previous"."""
    return {**figures_dict(metrics.current, currency), "previous": figures_dict(metrics.previous, currency)}
