"""Cohorts, RFM segments and the lists a shop owner acts on.

All of it is computed in SQL over the purchase indexes; Python only shapes the
(small) results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.i18n import N_
from smallbiz_loyalty.core.metrics import PURCHASE

# Segment keys in display order, with their English labels (translated when shown).
SEGMENTS: dict[str, str] = {
    "champions": N_("Champions"),
    "loyal": N_("Loyal"),
    "potential": N_("Potential"),
    "new": N_("New"),
    "at_risk": N_("At risk"),
    "cant_lose": N_("Can't lose"),
    "hibernating": N_("Hibernating"),
    "lost": N_("Lost"),
}


def segment_for(recency: int, frequency: int) -> str:
    """The RFM segment of a customer from their recency and frequency scores (1–5)."""
    if recency >= 4:
        return "champions" if frequency >= 4 else "new" if frequency == 1 else "potential"
    if recency == 3:
        return "loyal" if frequency >= 3 else "hibernating"
    if frequency == 5:
        return "cant_lose"
    if frequency >= 3:
        return "at_risk"
    return "lost" if recency == 1 else "hibernating"


@dataclass(frozen=True)
class RfmRow:
    customer_id: int
    name: str
    phone: str | None
    last_purchase: date
    frequency: int  # purchases in the 12 months
    monetary: int  # net spend in the 12 months, minor units
    r: int
    f: int
    m: int

    @property
    def segment(self) -> str:
        return segment_for(self.r, self.f)


def _quintile(column: str) -> str:
    """SQL scoring a row of `scored` 1–5 by `column`: the share of customers with that value or
    less (ties share it), times 5, rounded up — in whole numbers, so a share that lands exactly
    on a fifth is not pushed up by a floating-point crumb."""
    return f"(5 * COUNT(*) OVER (ORDER BY {column}) + everyone - 1) / everyone"


def rfm(db: Database, today: date, *, months: int = 12) -> list[RfmRow]:
    """Every customer who bought in the `months` before `today`, scored 1–5 by
    quintile (ties share a score) on recency, frequency and money spent."""
    since = add_months(today, -months).isoformat()
    # One pass over the covering index of spend, in customer order (no sort): voids are not in
    # it, a sale is a positive amount and a return a negative one, so it gives the purchases,
    # the last purchase and the net spend together.
    rows = db.execute(
        f"""
        WITH bought AS (
            SELECT customer_id, MAX(CASE WHEN amount > 0 THEN business_date END) AS last_day,
                   SUM(amount > 0) AS frequency, SUM(amount) AS monetary
            FROM sales INDEXED BY sales_qualifying_spend
            WHERE voided_at IS NULL AND customer_id IS NOT NULL
              AND business_date >= :since AND business_date <= :today
            GROUP BY customer_id HAVING SUM(amount > 0) > 0
        ), scored AS (
            SELECT customer_id, last_day, frequency, monetary, {_quintile("last_day")} AS r,
                   {_quintile("frequency")} AS f, {_quintile("monetary")} AS m
            FROM bought, (SELECT COUNT(*) AS everyone FROM bought)
        )
        SELECT s.customer_id, c.name, c.phone, last_day, frequency, monetary, r, f, m
        FROM scored s JOIN customers c ON c.id = s.customer_id
        ORDER BY monetary DESC, s.customer_id
        """,
        {"since": since, "today": today.isoformat()},
    ).fetchall()
    return [
        RfmRow(cid, name, phone, date.fromisoformat(last), f, mon, r, fs, m)
        for cid, name, phone, last, f, mon, r, fs, m in rows
    ]


def rfm_segment_counts(db: Database, today: date, *, months: int = 12) -> dict[str, int]:
    """How many of `rfm`'s customers fall in each segment (every segment, in SEGMENTS order),
    without listing them: segments need recency and frequency only."""
    since = add_months(today, -months).isoformat()
    rows = db.execute(
        f"""
        WITH bought AS (
            SELECT MAX(business_date) AS last_day, COUNT(*) AS frequency
            FROM sales INDEXED BY sales_purchases_by_customer
            WHERE {PURCHASE} AND business_date >= :since AND business_date <= :today
            GROUP BY customer_id
        ), scored AS (
            SELECT {_quintile("last_day")} AS r, {_quintile("frequency")} AS f
            FROM bought, (SELECT COUNT(*) AS everyone FROM bought)
        )
        SELECT r, f, COUNT(*) FROM scored GROUP BY r, f
        """,
        {"since": since, "today": today.isoformat()},
    ).fetchall()
    counts = dict.fromkeys(SEGMENTS, 0)
    for recency, frequency, customers in rows:
        counts[segment_for(recency, frequency)] += customers
    return counts


def rfm_segments(rows: list[RfmRow]) -> dict[str, list[RfmRow]]:
    """Members of each segment (every segment present, possibly empty), in SEGMENTS order."""
    grouped: dict[str, list[RfmRow]] = {key: [] for key in SEGMENTS}
    for row in rows:
        grouped[row.segment].append(row)
    return grouped


@dataclass(frozen=True)
class Cohort:
    month: str  # "YYYY-MM" of the first purchase
    size: int
    shares: list[float]  # shares[k] = share of the cohort who bought k months after their first month


def cohorts(db: Database, last_month_start: date, *, months: int = 12) -> list[Cohort]:
    """Customers grouped by the month of their first purchase (the `months` cohorts up to
    `last_month_start`'s month), with the share who bought in each following month."""
    first = add_months(last_month_start, -(months - 1))
    end = add_months(last_month_start, 1)
    # The cohorts' customers from their first-purchase days (schema 0006), then each one's
    # purchases in the span through the purchases-by-customer index.
    rows = db.execute(
        """
        SELECT substr(f.first_purchase, 1, 7), substr(s.business_date, 1, 7), COUNT(DISTINCT f.customer_id)
        FROM customer_firsts f INDEXED BY customer_firsts_day
        JOIN sales s INDEXED BY sales_purchases_by_customer
          ON s.customer_id = f.customer_id AND s.kind = 'sale' AND s.voided_at IS NULL AND s.customer_id IS NOT NULL
         AND s.business_date >= :first AND s.business_date < :end
        WHERE f.first_purchase >= :first AND f.first_purchase < :end
        GROUP BY 1, 2
        """,
        {"first": first.isoformat(), "end": end.isoformat()},
    ).fetchall()
    counts: dict[str, dict[int, int]] = {}
    for cohort, month, count in rows:
        counts.setdefault(cohort, {})[_months_between(cohort, month)] = count
    result = []
    for index in range(months):
        month = add_months(first, index).isoformat()[:7]
        cells = counts.get(month, {})
        size = cells.get(0, 0)
        span = months - index
        result.append(Cohort(month, size, [cells.get(k, 0) / size if size else 0.0 for k in range(span)]))
    return result


def _months_between(earlier: str, later: str) -> int:
    y1, m1 = map(int, earlier.split("-"))
    y2, m2 = map(int, later.split("-"))
    return (y2 - y1) * 12 + (m2 - m1)


@dataclass(frozen=True)
class CustomerLine:
    """One line of a list to act on."""

    customer_id: int
    name: str
    phone: str | None
    purchases: int
    spend: int  # minor units
    last_purchase: date | None


def _lines(rows: list[tuple[Any, ...]]) -> list[CustomerLine]:
    return [CustomerLine(c, n, p, k, s, date.fromisoformat(last) if last else None) for c, n, p, k, s, last in rows]


def at_risk(db: Database, today: date, settings: dict[str, Any], *, limit: int = 100) -> list[CustomerLine]:
    """Regulars drifting away: at least N purchases in the lookback, none in the
    last quiet days (settings at_risk_*), biggest spenders first."""
    lookback = (today - timedelta(days=int(settings["at_risk_lookback_days"]))).isoformat()
    quiet = (today - timedelta(days=int(settings["at_risk_quiet_days"]))).isoformat()
    # Only those with no purchase since the quiet day can be at risk: one index probe per customer
    # who had bought before it, then their purchases in the lookback from the covering index of
    # spend (voids are not in it; a sale is a positive amount).
    rows = db.execute(
        f"""
        WITH quiet AS (
            SELECT f.customer_id FROM customer_firsts f
            WHERE f.first_purchase < :quiet AND NOT EXISTS (
                SELECT 1 FROM sales INDEXED BY sales_purchases_by_customer
                WHERE customer_id = f.customer_id AND {PURCHASE}
                  AND business_date >= :quiet AND business_date <= :today)
        ), regulars AS (
            SELECT q.customer_id, COUNT(*) AS purchases, SUM(s.amount) AS spend, MAX(s.business_date) AS last_day
            FROM quiet q JOIN sales s INDEXED BY sales_qualifying_spend
              ON s.customer_id = q.customer_id AND s.voided_at IS NULL AND s.amount > 0
             AND s.business_date >= :lookback AND s.business_date <= :today
            GROUP BY q.customer_id HAVING COUNT(*) >= :minimum
        )
        SELECT r.customer_id, c.name, c.phone, r.purchases, r.spend, r.last_day
        FROM regulars r JOIN customers c ON c.id = r.customer_id
        WHERE c.erased_at IS NULL AND c.merged_into IS NULL
        ORDER BY r.spend DESC, r.customer_id LIMIT :limit
        """,
        {
            "lookback": lookback,
            "today": today.isoformat(),
            "quiet": quiet,
            "minimum": int(settings["at_risk_min_purchases"]),
            "limit": limit,
        },
    ).fetchall()
    return _lines(rows)


def top_customers(db: Database, start: date, end: date, *, limit: int = 10) -> list[CustomerLine]:
    """Customers who spent most (net of returns) in [start, end)."""
    rows = db.execute(
        """
        SELECT s.customer_id, c.name, c.phone, SUM(s.kind = 'sale'), SUM(s.amount), MAX(s.business_date)
        FROM sales s JOIN customers c ON c.id = s.customer_id
        WHERE s.customer_id IS NOT NULL AND s.voided_at IS NULL AND s.business_date >= ? AND s.business_date < ?
          AND c.erased_at IS NULL
        GROUP BY s.customer_id HAVING SUM(s.amount) > 0
        ORDER BY SUM(s.amount) DESC, s.customer_id LIMIT ?
        """,
        [start.isoformat(), end.isoformat(), limit],
    ).fetchall()
    return _lines(rows)


def new_customers(db: Database, start: date, end: date, *, limit: int = 500) -> list[CustomerLine]:
    """Customers whose first purchase ever fell in [start, end), first come first."""
    rows = db.execute(
        f"""
        SELECT f.customer_id, c.name, c.phone,
               (SELECT COUNT(*) FROM sales INDEXED BY sales_purchases_by_customer
                WHERE customer_id = f.customer_id AND {PURCHASE} AND business_date < :end),
               (SELECT COALESCE(SUM(amount), 0) FROM sales INDEXED BY sales_qualifying_spend
                WHERE customer_id = f.customer_id AND voided_at IS NULL
                  AND business_date >= :start AND business_date < :end),
               f.first_purchase
        FROM customer_firsts f INDEXED BY customer_firsts_day JOIN customers c ON c.id = f.customer_id
        WHERE f.first_purchase >= :start AND f.first_purchase < :end AND c.erased_at IS NULL
        ORDER BY f.first_purchase, f.customer_id LIMIT :limit
        """,
        {"start": start.isoformat(), "end": end.isoformat(), "limit": limit},
    ).fetchall()
    return _lines(rows)
