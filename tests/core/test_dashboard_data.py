"""The dashboard's figures and series, worked by hand on a small shop (October 2026).

`small_shop` is also the shop of the dashboard's GUI tests (tests/ui/test_dashboard.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from smallbiz_loyalty.core.dashboard_data import (
    kpis,
    load_dashboard,
    new_vs_returning_by_month,
    weekly_sales,
)
from smallbiz_loyalty.core.metrics import metrics_dict
from smallbiz_loyalty.core.segments import SEGMENTS
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

OCTOBER = date(2026, 10, 1)
TODAY = date(2026, 10, 15)  # the `shop` fixture's clock


def at(day: str) -> datetime:
    """Noon in Kuwait on `day` (09:00 UTC), so the business date is `day`."""
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


@dataclass(frozen=True)
class SmallShop:
    sara: int  # a regular: August, September, October (KWD 2.000 each)
    omar: int  # new in October, twice (KWD 1.500 each), then an unhappy answer
    huda: int  # new in September, once (KWD 3.000)
    karim: int  # bought in June only: active on 1 September, lost by 1 October
    nadia: int  # a regular of the spring (three visits), quiet since 30 May: at risk
    unhappy: int  # Omar's answer (3/10), waiting for a follow-up


def small_shop(shop: Shop) -> SmallShop:
    """Five customers enrolled in April; the activity window is 90 days, so "active on 1 Oct" means a
    purchase in [3 Jul, 1 Oct) and "active on 1 Sep" one in [3 Jun, 1 Sep)."""
    enrolled = at("2026-04-01")
    ids = {name: make_customer(shop, name, at=enrolled).id for name in ("Sara", "Omar", "Huda", "Karim", "Nadia")}
    for day in ("2026-04-20", "2026-05-10", "2026-05-30"):
        shop.record_sale(customer_id=ids["Nadia"], amount=1000, at=at(day))
    sales = [
        ("Karim", "2026-06-15", 2500),
        ("Sara", "2026-08-20", 2000),
        ("Huda", "2026-09-03", 3000),
        ("Sara", "2026-09-10", 2000),
        ("Omar", "2026-10-02", 1500),
        ("Sara", "2026-10-05", 2000),
        (None, "2026-10-07", 1000),  # a walk-in: revenue and visits, nobody's purchase
        ("Omar", "2026-10-09", 1500),
    ]
    for name, day, amount in sales:
        shop.record_sale(customer_id=ids[name] if name else None, amount=amount, at=at(day))
    shop.record_feedback(score=10, customer_id=ids["Sara"], at=at("2026-10-05"))
    unhappy = shop.record_feedback(score=3, comment="Cold coffee", customer_id=ids["Omar"], at=at("2026-10-09"))
    return SmallShop(ids["Sara"], ids["Omar"], ids["Huda"], ids["Karim"], ids["Nadia"], unhappy.id)


def test_the_tiles_format_the_metrics_json_values_with_the_change_since_september(shop: Shop) -> None:
    small_shop(shop)
    figures = metrics_dict(shop.month_metrics("2026-10"), shop.currency)
    # October: S = Sara, Huda (2), nobody lost → 100 %; September: S = Sara, Karim, Karim lost → 50 %.
    # Revenue: 1.500 × 2 + 2.000 + 1.000 = 6.000 against 3.000 + 2.000 = 5.000 in September.
    # NPS: one promoter, one detractor of two answers → 0; none in September.
    assert (figures["revenue"], figures["previous"]["revenue"]) == ("6.000", "5.000")

    tiles = {tile.key: tile for tile in kpis(figures, "KWD", "en")}

    assert [tile.label for tile in tiles.values()][:3] == ["Retention rate", "Churn rate", "Repeat purchase rate"]
    revenue = tiles["revenue"]
    assert (revenue.value, revenue.previous, revenue.change) == ("KWD6.000", "KWD5.000", "+KWD1.000")
    assert (revenue.direction, revenue.good) == (1, True)
    retention = tiles["retention_rate"]
    assert (retention.value, retention.previous, retention.change) == ("100.0%", "50.0%", "+50.0 pts")
    churn = tiles["churn_rate"]
    assert (churn.value, churn.change, churn.direction, churn.good) == ("0.0%", "-50.0 pts", -1, True)
    nps = tiles["nps"]
    assert (nps.value, nps.previous, nps.change, nps.direction) == ("0", "—", "", None)
    members = tiles["members"]
    assert (members.value, members.change, members.direction, members.good) == ("5", "0", 0, None)
    assert tiles["points_liability"].value == "KWD0.000"


def test_undefined_figures_show_a_dash_and_no_change(shop: Shop) -> None:
    figures = metrics_dict(shop.month_metrics("2026-10"), shop.currency)  # an empty shop

    tiles = {tile.key: tile for tile in kpis(figures, "KWD", "en")}

    assert tiles["retention_rate"].value == "—"
    assert tiles["average_transaction_value"].value == "—"
    assert (tiles["revenue"].value, tiles["revenue"].change) == ("KWD0.000", "KWD0.000")


def test_new_and_returning_customers_by_month_count_first_purchases_as_metrics_does(shop: Shop) -> None:
    small_shop(shop)

    months = new_vs_returning_by_month(shop.db, OCTOBER, months=5)

    assert [m.month for m in months] == [date(2026, m, 1) for m in (6, 7, 8, 9, 10)]
    # June: Karim's first. August: Sara's first. September: Huda new, Sara back. October: Omar new, Sara back.
    assert [(m.new, m.returning) for m in months] == [(1, 0), (0, 0), (1, 0), (1, 1), (1, 1)]
    assert months[-1].new == shop.month_metrics("2026-10").current.new_customers


def test_weekly_sales_are_the_twelve_weeks_before_the_end(shop: Shop) -> None:
    small_shop(shop)

    weeks = weekly_sales(shop.db, date(2026, 10, 16))  # through today, 15 October

    assert len(weeks) == 12
    assert (weeks[0].start, weeks[-1].start, weeks[-1].end) == (
        date(2026, 7, 24),
        date(2026, 10, 9),
        date(2026, 10, 16),
    )
    # 2–8 October: Omar 1.500, Sara 2.000, the walk-in 1.000; 9–15 October: Omar 1.500.
    assert [(w.revenue, w.visits) for w in weeks[-2:]] == [(4500, 3), (1500, 1)]
    assert sum(w.revenue for w in weeks) == 2000 + 3000 + 2000 + 4500 + 1500  # Karim's June sale is before


def test_rfm_segment_counts_list_every_segment_in_order(shop: Shop) -> None:
    small_shop(shop)
    rows = shop.rfm(TODAY)

    counts = shop.rfm_segment_counts(TODAY)

    assert list(counts) == list(SEGMENTS)
    assert sum(counts.values()) == len(rows) == 5
    assert counts == {key: sum(row.segment == key for row in rows) for key in SEGMENTS}


def test_the_whole_dashboard_of_a_month_and_its_lists(shop: Shop) -> None:
    small = small_shop(shop)
    make_customer(shop, "Layla", birthday="10-20")  # in five days

    board = load_dashboard(shop, OCTOBER, TODAY)

    assert board.month == OCTOBER and board.figures["revenue"] == "6.000"
    assert [t.key for t in board.kpis] == [
        "retention_rate", "churn_rate", "repeat_purchase_rate", "average_transaction_value", "clv",
        "nps", "revenue", "members", "points_liability",
    ]  # fmt: skip
    assert len(board.weeks) == 12 and len(board.months) == 12 and len(board.nps) == 12
    assert board.nps[-1].nps.score == 0 and board.nps[-1].nps.answers == 2
    assert [line.name for line in board.top_customers] == ["Omar", "Sara"]  # 3.000, then 2.000
    assert [b.customer.name for b in board.birthdays] == ["Layla"]
    assert [f.id for f in board.follow_ups] == [small.unhappy]
    assert [line.customer_id for line in board.at_risk] == [small.nadia]  # three visits, quiet since May


def test_september_is_shown_as_of_its_last_day(shop: Shop) -> None:
    small_shop(shop)

    board = load_dashboard(shop, date(2026, 9, 1), TODAY)

    assert board.figures["period_start"] == "2026-09-01"
    assert board.weeks[-1].end == date(2026, 10, 1)
    assert [line.name for line in board.top_customers] == ["Huda", "Sara"]
    assert sum(board.segments.values()) == 4  # Nadia, Karim, Sara, Huda had bought by 30 September
