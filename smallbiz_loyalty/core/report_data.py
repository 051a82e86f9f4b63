"""Aggregates the monthly report draws from, each one SQL query over indexed columns.

The monthly report (reports/monthly.py) holds no SQL: everything it prints that
`core.metrics` and `core.segments` do not already give comes from here. Every
figure uses the same definitions as `core.metrics` (DESIGN §4), so the weeks of a
month add up to the month: the revenue of the weeks is the month's revenue, their
visits its sales count, and their new customers its N.

Weeks are 7-day buckets counted from the first day of the period (1–7, 8–14, 15–21,
22–28, 29–31 for a month), so every bucket lies inside the month and only the last
one may be shorter; the report labels each with its dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.metrics import PURCHASE, NpsFigures

WEEK_DAYS = 7
# Bucket number of a business date inside the period starting at :start.
_WEEK = "CAST((julianday(business_date) - julianday(:start)) / 7 AS INTEGER)"
_FIRST_WEEK = _WEEK.replace("business_date", "f.business_date")


@dataclass(frozen=True)
class Week:
    """One 7-day bucket [start, end) of a period and what happened in it."""

    start: date
    end: date  # exclusive
    revenue: int = 0  # minor units: sales − returns, voids excluded, anonymous included
    visits: int = 0  # sales (kind sale, not voided), anonymous included
    new: int = 0  # known customers whose first purchase ever was in this week
    returning: int = 0  # other known customers who bought in this week


def week_buckets(start: date, end: date) -> list[tuple[date, date]]:
    """[start, end) cut into 7-day buckets from `start`; the last may be shorter."""
    buckets = []
    day = start
    while day < end:
        buckets.append((day, min(day + timedelta(days=WEEK_DAYS), end)))
        day += timedelta(days=WEEK_DAYS)
    return buckets


def weekly_figures(db: Database, start: date, end: date) -> list[Week]:
    """Revenue, visits, new and returning customers per week of [start, end).

    A customer who buys in two weeks counts once in each: new in the week of their
    first purchase ever, returning in any other."""
    params = {"start": start.isoformat(), "end": end.isoformat()}
    money = {
        week: (revenue, visits)
        for week, revenue, visits in db.execute(
            f"SELECT {_WEEK}, SUM(revenue), SUM(sales) FROM sales_days"
            " WHERE business_date >= :start AND business_date < :end GROUP BY 1",
            params,
        )
    }
    people = {
        week: (new, buyers)
        for week, new, buyers in db.execute(
            f"""
            WITH week_buyers AS (
                SELECT DISTINCT customer_id, {_WEEK} AS week
                FROM sales INDEXED BY sales_purchases_by_date
                WHERE {PURCHASE} AND business_date >= :start AND business_date < :end
            ), firsts AS (
                SELECT customer_id, first_purchase AS business_date FROM customer_firsts
            )
            SELECT w.week, SUM(f.business_date >= :start AND {_FIRST_WEEK} = w.week), COUNT(*)
            FROM week_buyers w JOIN firsts f USING (customer_id) GROUP BY w.week
            """,
            params,
        )
    }
    weeks = []
    for index, (first, last) in enumerate(week_buckets(start, end)):
        revenue, visits = money.get(index, (0, 0))
        new, buyers = people.get(index, (0, 0))
        weeks.append(Week(first, last, revenue, visits, new, buyers - new))
    return weeks


@dataclass(frozen=True)
class MonthNps:
    month: date  # first day of the month
    nps: NpsFigures


def nps_by_month(db: Database, last_month_start: date, *, months: int = 6) -> list[MonthNps]:
    """NPS answers per month for the `months` months up to `last_month_start`'s, oldest first
    (all zero when the shop has no feedback table yet)."""
    first = add_months(last_month_start, -(months - 1))
    end = add_months(last_month_start, 1)
    counts: dict[str, tuple[int, int, int]] = {}
    if _has_table(db, "feedback"):
        rows = db.execute(
            "SELECT substr(business_date, 1, 7), SUM(score >= 9), SUM(score BETWEEN 7 AND 8), SUM(score <= 6)"
            " FROM feedback WHERE business_date >= ? AND business_date < ? GROUP BY 1",
            [first.isoformat(), end.isoformat()],
        )
        counts = {month: (p, q, d) for month, p, q, d in rows}
    result = []
    for index in range(months):
        month = add_months(first, index)
        result.append(MonthNps(month, NpsFigures(*counts.get(month.isoformat()[:7], (0, 0, 0)))))
    return result


@dataclass(frozen=True)
class CategorySales:
    category: str  # as the cashier typed it; "" for sales without one
    revenue: int  # minor units, net of returns
    sales: int


def category_sales(db: Database, start: date, end: date) -> list[CategorySales]:
    """Revenue and sales per category in [start, end), biggest revenue first."""
    rows = db.execute(
        "SELECT COALESCE(category, ''), SUM(amount), SUM(kind = 'sale') FROM sales"
        " WHERE business_date >= ? AND business_date < ? AND voided_at IS NULL"
        " GROUP BY 1 ORDER BY 2 DESC, 1",
        [start.isoformat(), end.isoformat()],
    )
    return [CategorySales(category, revenue, count) for category, revenue, count in rows]


@dataclass(frozen=True)
class RewardReached:
    customer_id: int
    name: str
    phone: str | None
    programme: str
    reward: str  # the dearest reward the balance reached
    reached_on: date  # business date of the ledger row that reached it


@dataclass(frozen=True)
class RewardsReached:
    first: list[RewardReached]  # the first `limit` of them, first reached first
    total: int  # how many customers reached one in the period (a customer counts once per programme)


def reached_reward(db: Database, start: date, end: date, *, limit: int = 500) -> RewardsReached:
    """Customers whose balance in a programme went from below its cheapest active reward
    to at least that in [start, end): the first `limit`, first reached first (once per customer
    and programme), and how many there were in all.

    The balance before the period counts what is left of its unexpired lots (as
    `ledger.balance` does): what the customer holds now, less every row written for the
    period's start or later, less what lots already past their last day still held then.
    Within the period the ledger rows are added in the order they were written, leaving out
    expiry rows (an expiry written in the period may be for a lot that had already lapsed
    before it). Returns none when the shop has no ledger or no programme with rewards."""
    if not (_has_table(db, "ledger") and _has_table(db, "rewards")):
        return RewardsReached([], 0)
    rows = db.execute(
        """
        WITH cheapest AS (
            SELECT programme_id, MIN(cost) AS cost FROM rewards WHERE active = 1 GROUP BY programme_id
        ), since AS (  -- every row of those programmes written for the period's start or later
            SELECT l.id, l.customer_id, l.programme_id, l.quantity, l.business_date, l.kind, l.consumes, cheapest.cost
            FROM ledger l INDEXED BY ledger_business_date JOIN cheapest USING (programme_id)
            WHERE l.business_date >= :start
        ), moves AS (
            SELECT id, customer_id, programme_id, quantity, cost FROM since
            WHERE business_date < :end AND kind != 'expire'
        ), touched AS (  -- who moved in the period, and by how much
            SELECT customer_id, programme_id, SUM(quantity) AS moved FROM moves GROUP BY customer_id, programme_id
        ), other AS (  -- the rest written since the start: the period's expiries and everything after it
            SELECT customer_id, programme_id, SUM(quantity) AS quantity FROM since
            WHERE business_date >= :end OR kind = 'expire' GROUP BY customer_id, programme_id
        ), lapsed AS (  -- what lots dated before the start and past their last day by then still held then:
            SELECT customer_id, programme_id, SUM(quantity) AS quantity FROM (
                -- what they hold now …
                SELECT r.customer_id, r.programme_id, r.remaining AS quantity
                FROM lot_remaining r INDEXED BY lot_remaining_due JOIN ledger l ON l.id = r.lot_id
                WHERE r.remaining > 0 AND r.expires_on IS NOT NULL AND r.expires_on < :start
                  AND l.business_date < :start
                UNION ALL  -- … and what was drawn from them since (a redemption only draws lots in date)
                SELECT d.customer_id, d.programme_id, -d.quantity
                FROM since d JOIN ledger lot ON lot.id = d.consumes
                WHERE d.kind != 'redeem' AND d.quantity < 0 AND lot.expires_on < :start
                  AND lot.business_date < :start
            ) GROUP BY customer_id, programme_id
        ), opening AS MATERIALIZED (  -- the balance when the period began: all they hold now (every row ever written
                         -- adds up to what is left of the lots), less every row written since, less lapsed
            SELECT t.customer_id, t.programme_id,
                   (SELECT COALESCE(SUM(r.remaining), 0) FROM lot_remaining r INDEXED BY lot_remaining_open
                    WHERE r.customer_id = t.customer_id AND r.programme_id = t.programme_id AND r.remaining != 0)
                   - t.moved - COALESCE(o.quantity, 0) - COALESCE(x.quantity, 0) AS balance
            FROM touched t LEFT JOIN other o USING (customer_id, programme_id)
            LEFT JOIN lapsed x USING (customer_id, programme_id)
        ), running AS (  -- what each move brought in the period so far, itself included
            SELECT id, customer_id, programme_id, quantity, cost,
                   SUM(quantity) OVER (PARTITION BY customer_id, programme_id ORDER BY id) AS moved
            FROM moves
        ), crossings AS (
            SELECT r.customer_id, r.programme_id, MIN(r.id) AS first_id, MAX(o.balance + r.moved) AS peak
            FROM running r CROSS JOIN opening o USING (customer_id, programme_id)  -- each move once, in order
            WHERE o.balance + r.moved - r.quantity < r.cost AND o.balance + r.moved >= r.cost
            GROUP BY r.customer_id, r.programme_id
        )
        SELECT x.customer_id, c.name, c.phone, p.name,
               (SELECT rw.name FROM rewards rw WHERE rw.programme_id = x.programme_id AND rw.active = 1
                  AND rw.cost <= x.peak ORDER BY rw.cost DESC, rw.id LIMIT 1),
               (SELECT business_date FROM ledger WHERE id = x.first_id),
               COUNT(*) OVER ()  -- all of them, before the limit
        FROM crossings x JOIN customers c ON c.id = x.customer_id JOIN programmes p ON p.id = x.programme_id
        WHERE c.erased_at IS NULL AND c.merged_into IS NULL
        ORDER BY 6, x.first_id LIMIT :limit
        """,
        {"start": start.isoformat(), "end": end.isoformat(), "limit": limit},
    ).fetchall()
    return RewardsReached(
        [
            RewardReached(cid, name, phone, programme, reward, date.fromisoformat(day))
            for cid, name, phone, programme, reward, day, _total in rows
        ],
        rows[0][-1] if rows else 0,
    )


def _has_table(db: Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None
