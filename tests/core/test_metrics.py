"""Period metrics, worked by hand (DESIGN §4), and the seeds' worked examples."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.metrics import Metrics, month_metrics, period_metrics, previous_period
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

OCTOBER = "2026-10"


def at(day: str) -> datetime:
    """Noon in Kuwait on `day` (09:00 UTC), so the business date is `day`."""
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def buy(shop: Shop, customer_id: int | None, day: str, amount: int = 1000, category: str | None = None) -> int:
    return shop.record_sale(customer_id=customer_id, amount=amount, category=category, at=at(day)).sale.id


def buyer(shop: Shop, name: str, days: Iterable[str]) -> int:
    customer = make_customer(shop, name)
    for day in days:
        buy(shop, customer.id, day)
    return customer.id


def october(shop: Shop) -> Metrics:
    return month_metrics(shop.db, OCTOBER, shop.settings)


def test_a_small_shop_worked_by_hand(shop: Shop) -> None:
    # October 2026; the activity window is 90 days, so "active on 1 Oct" means
    # a purchase in [3 Jul, 1 Oct) and "active on 1 Nov" one in [3 Aug, 1 Nov).
    a = make_customer(shop, "A")  # active on both dates, no purchase in October
    buy(shop, a.id, "2026-07-10")
    buy(shop, a.id, "2026-09-15")
    b = make_customer(shop, "B")  # last seen 5 Jul: active on 1 Oct, not on 1 Nov → lost
    buy(shop, b.id, "2026-07-05")
    c = make_customer(shop, "C")  # first purchase ever in October, twice, two categories → new
    buy(shop, c.id, "2026-10-05", 2000, "coffee")
    c_sale = buy(shop, c.id, "2026-10-20", 3000, "pastry")
    d = make_customer(shop, "D")  # bought in March, then again in October → reactivated
    buy(shop, d.id, "2026-03-01", 700)
    buy(shop, d.id, "2026-10-10", 4000)
    e = make_customer(shop, "E")  # active on both dates and bought in October
    buy(shop, e.id, "2026-09-30", 800, "coffee")
    buy(shop, e.id, "2026-10-31", 1500, "coffee")
    f = make_customer(shop, "F")  # only a voided sale: counts nowhere
    shop.void_sale(buy(shop, f.id, "2026-10-12", 9000), reason="wrong customer")
    buy(shop, None, "2026-10-15", 5000)  # an anonymous walk-in
    shop.record_return(c_sale, amount=1000, at=at("2026-10-25"))

    m = october(shop).current
    assert (m.customers_start, m.lost_customers, m.new_customers, m.reactivated_customers) == (3, 1, 1, 1)
    assert m.customers_end == 4 == m.customers_start - m.lost_customers + m.new_customers + m.reactivated_customers
    assert m.retention_rate == pytest.approx(2 / 3)
    assert m.churn_rate == pytest.approx(1 / 3)
    assert (m.buyers, m.repeat_buyers, m.purchases) == (3, 1, 4)  # C twice, D, E
    assert m.repeat_purchase_rate == pytest.approx(1 / 3)
    assert m.purchase_frequency == pytest.approx(4 / 3)
    # 2.000 + 3.000 + 4.000 + 1.500 + 5.000 (walk-in) − 1.000 (return) = 14.500 KWD
    assert m.revenue == 14500
    assert m.sales_count == 5
    assert m.average_transaction_value == 2900
    assert m.cross_sell_rate == pytest.approx(1 / 3)  # only C bought in two categories
    assert m.members == 6


def _seed_shop(shop: Shop, *, staying: int, lost: int, new: int, reactivated: int = 0) -> None:
    """`staying` + `lost` customers active on 1 Oct; `new` first-timers and
    `reactivated` returners in October; the lost ones not seen since July."""
    with transaction(shop.db):
        for i in range(staying):
            buyer(shop, f"stay{i}", ["2026-09-10", "2026-10-12"])
        for i in range(lost):
            buyer(shop, f"lost{i}", ["2026-07-20"])
        for i in range(new):
            buyer(shop, f"new{i}", ["2026-10-20"])
        for i in range(reactivated):
            buyer(shop, f"back{i}", ["2026-01-20", "2026-10-20"])


def test_seed_example_150_start_162_end_30_new_is_88_percent(shop: Shop) -> None:
    _seed_shop(shop, staying=132, lost=18, new=30)
    m = october(shop).current
    assert (m.customers_start, m.customers_end, m.new_customers) == (150, 162, 30)
    assert m.retention_rate == pytest.approx((162 - 30) / 150) == pytest.approx(0.88)


def test_seed_example_150_plus_50_minus_7_is_95_3_percent_not_95(shop: Shop) -> None:
    _seed_shop(shop, staying=143, lost=7, new=50)
    m = october(shop).current
    assert (m.customers_start, m.customers_end, m.new_customers, m.lost_customers) == (150, 193, 50, 7)
    assert round(m.retention_rate * 100, 1) == 95.3


def test_the_seeds_churn_example_is_net_change_not_churn(shop: Shop) -> None:
    # 600 at the start, 550 at the end — but 80 left and 30 new ones came.
    _seed_shop(shop, staying=520, lost=80, new=30)
    m = october(shop).current
    assert (m.customers_start, m.customers_end) == (600, 550)
    net_change = (m.customers_start - m.customers_end) / m.customers_start
    assert net_change == pytest.approx(0.0833, abs=1e-4)  # what the article computes (and calls 10 %)
    assert m.churn_rate == pytest.approx(80 / 600)  # who actually left
    assert m.churn_rate != pytest.approx(net_change)


def test_reactivated_customers_keep_the_identity_exact(shop: Shop) -> None:
    _seed_shop(shop, staying=5, lost=2, new=3, reactivated=4)
    m = october(shop).current
    assert (m.customers_start, m.lost_customers, m.new_customers, m.reactivated_customers) == (7, 2, 3, 4)
    assert m.customers_end == 7 - 2 + 3 + 4


def test_an_empty_month_has_no_rates_and_no_division_errors(shop: Shop) -> None:
    m = october(shop).current
    assert (m.customers_start, m.customers_end, m.revenue, m.sales_count) == (0, 0, 0, 0)
    assert m.retention_rate is None
    assert m.churn_rate is None
    assert m.repeat_purchase_rate is None
    assert m.purchase_frequency is None
    assert m.average_transaction_value is None
    assert m.cross_sell_rate is None
    assert m.clv is None
    assert m.historical_value is None
    assert m.nps.score is None


def test_a_shop_whose_first_sale_is_in_the_period(shop: Shop) -> None:
    first = buyer(shop, "First", ["2026-10-02"])
    buy(shop, None, "2026-10-03", 500)
    m = october(shop)
    assert (m.current.customers_start, m.current.new_customers, m.current.customers_end) == (0, 1, 1)
    assert m.current.retention_rate is None  # nobody to retain yet
    assert m.previous.sales_count == 0
    assert m.previous.revenue == 0
    assert first


def test_the_previous_period_is_the_month_before(shop: Shop) -> None:
    buyer(shop, "Sept", ["2026-09-05"])
    m = october(shop)
    assert (m.previous.start, m.previous.end) == (date(2026, 9, 1), date(2026, 10, 1))
    assert (m.previous.new_customers, m.previous.revenue) == (1, 1000)
    assert previous_period(date(2026, 3, 1), date(2026, 4, 1)) == (date(2026, 2, 1), date(2026, 3, 1))
    assert previous_period(date(2026, 3, 10), date(2026, 3, 17)) == (date(2026, 3, 3), date(2026, 3, 10))


def test_any_period_can_be_asked_for(shop: Shop) -> None:
    buyer(shop, "W", ["2026-10-05", "2026-10-06"])
    week = period_metrics(shop.db, date(2026, 10, 5), date(2026, 10, 12), shop.settings).current
    assert (week.purchases, week.buyers, week.new_customers) == (2, 1, 1)


def test_clv_from_atv_frequency_and_lifespan(shop: Shop) -> None:
    # One loyal customer: a 2.000 KWD purchase every month for a year, nobody lost.
    buyer(shop, "Loyal", [f"{2025 + (m > 12)}-{(m - 1) % 12 + 1:02d}-15" for m in range(11, 23)])
    m = october(shop).current
    inputs = m.clv_inputs
    assert inputs.average_transaction_value == 1000
    assert inputs.purchases_per_year == 12
    assert inputs.annual_churn == 0
    assert inputs.lifespan_years == 5  # no churn: the cap
    assert m.clv == 1000 * 12 * 5
    shop.set_settings(gross_margin_percent=60)
    assert october(shop).current.clv == 1000 * 12 * 5 * 60 // 100


def test_historical_value_is_average_net_spend_per_buyer(shop: Shop) -> None:
    buyer(shop, "One", ["2026-05-01"])  # 1.000
    two = make_customer(shop, "Two")
    buy(shop, two.id, "2026-06-01", 3000)
    sale = buy(shop, two.id, "2026-10-01", 2000)
    shop.record_return(sale, amount=1000, at=at("2026-10-02"))
    assert october(shop).current.historical_value == (1000 + 3000 + 2000 - 1000) // 2


def test_referrals_count_referred_newcomers_of_the_period(shop: Shop) -> None:
    host = buyer(shop, "Host", ["2026-09-01"])
    friend = make_customer(shop, "Friend", referred_by=host)
    buy(shop, friend.id, "2026-10-09")
    late = make_customer(shop, "Late friend", referred_by=host)
    buy(shop, late.id, "2026-09-20")  # first bought in September: not this month's referral
    buy(shop, late.id, "2026-10-20")
    assert october(shop).current.referrals == 1
