"""The month's figures recomputed by a plain-Python reading of DESIGN §4 over
every row of the demo shop must equal what the SQL computes."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.demo import build_demo
from smallbiz_loyalty.core.metrics import PeriodFigures, period_figures
from smallbiz_loyalty.core.shop import Shop


@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    shop = Shop.open(path, clock=fixed_clock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC)))
    build_demo(shop, customers=250, months=14, seed=7)
    return shop


def plain_figures(shop: Shop, start: date, end: date) -> dict[str, object]:
    rows = shop.db.execute("SELECT customer_id, kind, amount, category, business_date, voided_at FROM sales").fetchall()
    window = max(shop.settings["activity_window_days"], (end - start).days)
    purchases: dict[int, list[tuple[date, str | None]]] = defaultdict(list)
    revenue = sales_count = 0
    for customer_id, kind, amount, category, day_text, voided_at in rows:
        day = date.fromisoformat(day_text)
        if voided_at is None and start <= day < end:
            revenue += amount
            sales_count += kind == "sale"
        if kind == "sale" and voided_at is None and customer_id is not None:
            purchases[customer_id].append((day, category))

    def active(customer: int, on: date) -> bool:
        return any(on - timedelta(days=window) <= d < on for d, _c in purchases[customer])

    everyone = list(purchases)
    s = {c for c in everyone if active(c, start)}
    e = {c for c in everyone if active(c, end)}
    in_period = {c: [(d, cat) for d, cat in purchases[c] if start <= d < end] for c in everyone}
    buyers = {c for c, p in in_period.items() if p}
    before = {c for c in everyone if any(d < start for d, _c in purchases[c])}
    return {
        "customers_start": len(s),
        "customers_end": len(e),
        "new_customers": len(buyers - before),
        "reactivated_customers": len((buyers & before) - s),
        "lost_customers": len(s - e),
        "buyers": len(buyers),
        "repeat_buyers": sum(1 for c in buyers if len(in_period[c]) >= 2),
        "purchases": sum(len(in_period[c]) for c in buyers),
        "cross_sell_buyers": sum(1 for c in buyers if len({cat or "" for _d, cat in in_period[c]}) >= 2),
        "revenue": revenue,
        "sales_count": sales_count,
    }


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 10, 1), date(2026, 11, 1)),
        (date(2026, 2, 1), date(2026, 3, 1)),
        (date(2026, 6, 10), date(2026, 9, 20)),
    ],
)
def test_sql_figures_equal_a_plain_python_count(demo_shop: Shop, start: date, end: date) -> None:
    figures: PeriodFigures = period_figures(demo_shop.db, start, end, demo_shop.settings)
    expected = plain_figures(demo_shop, start, end)
    assert {k: getattr(figures, k) for k in expected} == expected
    assert figures.customers_start > 0  # the demo shop is busy enough for this to mean something
