"""Cohorts, RFM segments and the lists to act on, worked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core.segments import (
    at_risk,
    cohorts,
    new_customers,
    rfm,
    rfm_segments,
    segment_for,
    top_customers,
)
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def visits(shop: Shop, name: str, days: list[str], amount: int = 1000) -> int:
    customer = make_customer(shop, name)
    for day in days:
        shop.record_sale(customer_id=customer.id, amount=amount, at=at(day))
    return customer.id


@pytest.mark.parametrize(
    ("r", "f", "segment"),
    [
        (5, 5, "champions"),
        (4, 4, "champions"),
        (5, 1, "new"),
        (4, 2, "potential"),
        (3, 4, "loyal"),
        (3, 1, "hibernating"),
        (2, 5, "cant_lose"),
        (1, 3, "at_risk"),
        (1, 1, "lost"),
        (2, 2, "hibernating"),
    ],
)
def test_segments_from_recency_and_frequency(r: int, f: int, segment: str) -> None:
    assert segment_for(r, f) == segment


def test_every_score_pair_has_a_segment() -> None:
    assert {segment_for(r, f) for r in range(1, 6) for f in range(1, 6)} == {
        "champions",
        "loyal",
        "potential",
        "new",
        "at_risk",
        "cant_lose",
        "hibernating",
        "lost",
    }


def test_rfm_scores_by_quintile_with_ties_sharing_a_score(shop: Shop) -> None:
    # Five customers, each more recent, more frequent and bigger than the one before.
    ids = [visits(shop, f"C{i}", [f"2026-0{i}-10"] * i + [f"2026-0{4 + i}-01"], amount=1000 * i) for i in range(1, 6)]
    rows = {row.customer_id: row for row in rfm(shop.db, date(2026, 10, 15))}
    assert [(rows[i].r, rows[i].f, rows[i].m) for i in ids] == [(1, 1, 1), (2, 2, 2), (3, 3, 3), (4, 4, 4), (5, 5, 5)]
    assert rows[ids[4]].segment == "champions"
    assert rows[ids[0]].segment == "lost"
    assert (rows[ids[4]].frequency, rows[ids[4]].monetary) == (6, 30000)
    twins = rfm_segments(list(rows.values()))
    assert list(twins) == ["champions", "loyal", "potential", "new", "at_risk", "cant_lose", "hibernating", "lost"]


def test_cohorts_share_who_came_back_each_month(shop: Shop) -> None:
    # August cohort: 4 customers; 2 came back in September, 1 in October.
    visits(shop, "a", ["2026-08-03", "2026-09-03", "2026-10-03"])
    visits(shop, "b", ["2026-08-05", "2026-09-09"])
    visits(shop, "c", ["2026-08-07"])
    visits(shop, "d", ["2026-08-09"])
    # September cohort: 1 customer who came back in October.
    visits(shop, "e", ["2026-09-20", "2026-10-01"])
    table = {c.month: c for c in cohorts(shop.db, date(2026, 10, 1), months=3)}
    assert list(table) == ["2026-08", "2026-09", "2026-10"]
    assert (table["2026-08"].size, table["2026-08"].shares) == (4, [1.0, 0.5, 0.25])
    assert (table["2026-09"].size, table["2026-09"].shares) == (1, [1.0, 1.0])
    assert (table["2026-10"].size, table["2026-10"].shares) == (0, [0.0])


def test_at_risk_lists_regulars_who_went_quiet(shop: Shop) -> None:
    # Today 15 Oct; regulars = 3+ purchases since mid-April; at risk = none since 3 Sept.
    drifting = visits(shop, "Drifting", ["2026-06-01", "2026-07-01", "2026-08-20"], amount=3000)
    visits(shop, "Still coming", ["2026-06-01", "2026-07-01", "2026-10-01"])
    visits(shop, "Occasional", ["2026-06-01", "2026-07-20"])
    visits(shop, "Long gone", ["2026-01-01", "2026-02-01", "2026-03-01"])
    found = at_risk(shop.db, date(2026, 10, 15), shop.settings)
    assert [(line.customer_id, line.purchases, line.spend, line.last_purchase) for line in found] == [
        (drifting, 3, 9000, date(2026, 8, 20))
    ]
    shop.set_settings(at_risk_min_purchases=2)
    assert len(at_risk(shop.db, date(2026, 10, 15), shop.settings)) == 2


def test_top_customers_by_net_spend_in_the_period(shop: Shop) -> None:
    big = visits(shop, "Big", ["2026-10-02", "2026-10-03"], amount=5000)
    small = visits(shop, "Small", ["2026-10-02"], amount=2000)
    returned = visits(shop, "Returned it all", ["2026-10-02"], amount=9000)
    sale_id = shop.db.execute("SELECT id FROM sales WHERE customer_id = ?", [returned]).fetchone()[0]
    shop.record_return(sale_id, at=at("2026-10-04"))
    top = top_customers(shop.db, date(2026, 10, 1), date(2026, 11, 1))
    assert [(line.customer_id, line.spend) for line in top] == [(big, 10000), (small, 2000)]


def test_new_customers_of_the_month(shop: Shop) -> None:
    visits(shop, "Old", ["2026-09-01", "2026-10-05"])
    fresh = visits(shop, "Fresh", ["2026-10-07", "2026-10-09"])
    assert [
        (line.customer_id, line.purchases) for line in new_customers(shop.db, date(2026, 10, 1), date(2026, 11, 1))
    ] == [(fresh, 2)]
