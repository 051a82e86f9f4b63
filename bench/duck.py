"""The month's figures computed by DuckDB reading the same SQLite file — the baseline
for `Shop.month_metrics`, and a second opinion on its numbers.

The definitions are DESIGN §4 as core/metrics.py and core/loyalty_figures.py
implement them, written again in DuckDB SQL over `sqlite_scan`. The sqlite
extension comes from the `duckdb-ext-sqlite` package (no download): its
`.duckdb_extension` file is found under site-packages and LOADed."""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb

from smallbiz_loyalty.core.metrics import activity_window, previous_period


def extension_file() -> Path:
    """The sqlite_scanner extension that `duckdb-ext-sqlite` installs for this DuckDB version."""
    spec = importlib.util.find_spec("duckdb_ext")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("duckdb-ext-sqlite is not installed (pip install -e '.[bench]')")
    version = duckdb.__version__
    for root in spec.submodule_search_locations:
        found = sorted(Path(root).glob(f"extensions/v{version}/*/sqlite_scanner.duckdb_extension"))
        if found:
            return found[0]
    raise FileNotFoundError(
        f"no sqlite_scanner extension for DuckDB {version} under {list(spec.submodule_search_locations)}"
    )


_TABLES = ("sales", "customers", "ledger", "programmes", "redemptions", "vouchers", "birthday_gifts", "feedback",
           "audit_log")  # fmt: skip


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the sqlite extension loaded from the installed package."""
    con = duckdb.connect(":memory:", config={"autoload_known_extensions": False, "autoinstall_known_extensions": False})
    con.execute(f"LOAD '{extension_file()}'")
    return con


def load(con: duckdb.DuckDBPyConnection, sqlite_path: Path) -> None:
    """Read the shop's tables from the SQLite file, each once (DuckDB's best way to answer many
    questions about one file; part of the timed work, as the file changes between runs)."""
    for table in _TABLES:
        con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM sqlite_scan('{sqlite_path}', '{table}')")
    con.execute(
        "CREATE OR REPLACE VIEW purchases AS SELECT customer_id, business_date, COALESCE(category, '') AS category"
        " FROM sales WHERE kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL"
    )


_FLOW = """
WITH per_customer AS (
    SELECT customer_id,
           MAX(CASE WHEN business_date < $s THEN 1 ELSE 0 END) AS active_start,
           MAX(CASE WHEN business_date >= $end_lo THEN 1 ELSE 0 END) AS active_end,
           SUM(CASE WHEN business_date >= $s THEN 1 ELSE 0 END) AS bought,
           COUNT(DISTINCT CASE WHEN business_date >= $s THEN category END) AS categories
    FROM purchases WHERE business_date >= $start_lo AND business_date < $e GROUP BY customer_id
), firsts AS (
    SELECT customer_id, MIN(business_date) AS first_day FROM purchases GROUP BY customer_id
)
SELECT COALESCE(SUM(active_start), 0), COALESCE(SUM(active_end), 0),
       COUNT(*) FILTER (WHERE bought > 0 AND active_start = 0 AND f.first_day >= $s),
       COUNT(*) FILTER (WHERE bought > 0 AND active_start = 0 AND f.first_day < $s),
       COUNT(*) FILTER (WHERE active_start = 1 AND active_end = 0),
       COUNT(*) FILTER (WHERE bought > 0), COUNT(*) FILTER (WHERE bought > 1),
       COALESCE(SUM(bought), 0), COUNT(*) FILTER (WHERE categories > 1)
FROM per_customer p JOIN firsts f USING (customer_id)
"""
_FLOW_NAMES = ("customers_start", "customers_end", "new_customers", "reactivated_customers", "lost_customers",
               "buyers", "repeat_buyers", "purchases", "cross_sell_buyers")  # fmt: skip
_UNDONE = "SELECT CAST(subject AS INTEGER) FROM audit_log WHERE action = 'undo_redemption'"
_ISSUED = "l.kind IN ('earn', 'birthday', 'referral') OR (l.kind = 'adjust' AND l.quantity > 0 AND l.consumes IS NULL)"
_REDEEMED = f"l.kind = 'redeem' AND (l.redemption_id IS NULL OR l.redemption_id NOT IN ({_UNDONE}))"
_UNITS = f"""
SELECT p.unit,
       abs(COALESCE(SUM(l.quantity) FILTER (WHERE {_ISSUED}), 0)),
       abs(COALESCE(SUM(l.quantity) FILTER (WHERE {_REDEEMED}), 0)),
       abs(COALESCE(SUM(l.quantity) FILTER (WHERE l.kind = 'expire'), 0))
FROM ledger l JOIN programmes p ON p.id = l.programme_id
WHERE l.business_date >= $s AND l.business_date < $e GROUP BY p.unit
"""
_LIABILITY = """
WITH draws AS (SELECT consumes, SUM(quantity) AS drawn FROM ledger WHERE consumes IS NOT NULL AND business_date < $e
               GROUP BY consumes)
SELECT COALESCE(SUM(greatest(l.quantity + COALESCE(d.drawn, 0), 0) * p.value_per_unit), 0)
FROM ledger l JOIN programmes p ON p.id = l.programme_id LEFT JOIN draws d ON d.consumes = l.id
WHERE l.consumes IS NULL AND l.quantity > 0 AND l.business_date < $e AND (l.expires_on IS NULL OR l.expires_on >= $e)
"""
_COUNTS = f"""
SELECT
  (SELECT COALESCE(SUM(amount), 0) FROM sales WHERE business_date >= $s AND business_date < $e AND voided_at IS NULL),
  (SELECT COUNT(*) FROM sales WHERE business_date >= $s AND business_date < $e AND voided_at IS NULL AND kind = 'sale'),
  (SELECT COUNT(*) FROM customers WHERE created_at < $e AND erased_at IS NULL AND merged_into IS NULL),
  (SELECT COALESCE(SUM(amount), 0) FROM sales WHERE customer_id IS NOT NULL AND voided_at IS NULL
     AND business_date < $e),
  (SELECT COUNT(DISTINCT customer_id) FROM sales WHERE customer_id IS NOT NULL AND voided_at IS NULL
     AND business_date < $e),
  (SELECT COUNT(*) FROM purchases WHERE business_date >= $year AND business_date < $e),
  (SELECT COUNT(DISTINCT customer_id) FROM purchases WHERE business_date >= $year AND business_date < $e),
  (SELECT COUNT(*) FILTER (WHERE score >= 9) FROM feedback WHERE business_date >= $s AND business_date < $e),
  (SELECT COUNT(*) FILTER (WHERE score BETWEEN 7 AND 8) FROM feedback WHERE business_date >= $s AND business_date < $e),
  (SELECT COUNT(*) FILTER (WHERE score <= 6) FROM feedback WHERE business_date >= $s AND business_date < $e),
  (SELECT COUNT(*) FROM customers c JOIN (SELECT customer_id, MIN(business_date) AS first_day FROM purchases
     GROUP BY customer_id) f ON f.customer_id = c.id
   WHERE c.referred_by IS NOT NULL AND f.first_day >= $s AND f.first_day < $e),
  (SELECT COUNT(*) FROM redemptions WHERE reward_id IS NOT NULL AND id NOT IN ({_UNDONE})
     AND business_date >= $s AND business_date < $e),
  (SELECT COUNT(*) FROM vouchers WHERE business_date >= $s AND business_date < $e),
  (SELECT COUNT(*) FROM vouchers WHERE redeemed_on >= $s AND redeemed_on < $e),
  (SELECT COUNT(*) FROM birthday_gifts WHERE issued_on >= $s AND issued_on < $e),
  (SELECT COUNT(*) FROM vouchers WHERE source = 'birthday' AND redeemed_on >= $s AND redeemed_on < $e)
"""


def _half_up(amount: int, count: int) -> int | None:
    return int((Decimal(amount) / count).to_integral_value(ROUND_HALF_UP)) if count else None


def period(con: duckdb.DuckDBPyConnection, start: date, end: date, settings: dict[str, Any]) -> dict[str, Any]:
    """The figures of [start, end) that `metrics.period_figures` returns, by the same definitions."""
    window = activity_window(start, end, settings)
    params = {
        "s": start.isoformat(),
        "e": end.isoformat(),
        "start_lo": (start - timedelta(days=window)).isoformat(),
        "end_lo": (end - timedelta(days=window)).isoformat(),
        "year": (end - timedelta(days=365)).isoformat(),
    }
    flow = con.execute(_FLOW, {k: params[k] for k in ("s", "e", "start_lo", "end_lo")}).fetchone()
    figures: dict[str, Any] = dict(zip(_FLOW_NAMES, (int(v) for v in flow), strict=True))
    counts = [int(v) for v in con.execute(_COUNTS, {k: params[k] for k in ("s", "e", "year")}).fetchone()]
    revenue, sales_count, members, spent, spenders, year_purchases, year_buyers = counts[:7]
    promoters, passives, detractors, referrals = counts[7:11]
    units = {
        unit: (int(i), int(r), int(x))
        for unit, i, r, x in con.execute(_UNITS, {"s": params["s"], "e": params["e"]}).fetchall()
    }
    points, stamps = units.get("points", (0, 0, 0)), units.get("stamps", (0, 0, 0))
    figures.update(
        revenue=revenue,
        sales_count=sales_count,
        members=members,
        historical_value=_half_up(spent, spenders),
        purchases_per_year=year_purchases / year_buyers if year_buyers else None,
        nps=(promoters, passives, detractors),
        referrals=referrals,
        loyalty={
            "points_issued": points[0],
            "points_redeemed": points[1],
            "points_expired": points[2],
            "stamps_issued": stamps[0],
            "stamps_redeemed": stamps[1],
            "points_liability": int(con.execute(_LIABILITY, {"e": params["e"]}).fetchone()[0]),
            "redemption_rate": points[1] / points[0] if points[0] else None,
            "rewards_redeemed": counts[11],
            "vouchers_issued": counts[12],
            "vouchers_redeemed": counts[13],
            "birthday_gifts_issued": counts[14],
            "birthday_gifts_used": counts[15],
        },
    )
    return figures


def month(
    con: duckdb.DuckDBPyConnection, sqlite_path: Path, start: date, end: date, settings: dict[str, Any]
) -> dict[str, Any]:
    """The month and the month before, as `Shop.month_metrics` computes them, read from `sqlite_path`."""
    load(con, sqlite_path)
    before = previous_period(start, end)
    return {"current": period(con, start, end, settings), "previous": period(con, *before, settings)}


def ours(figures: Any) -> dict[str, Any]:
    """The same keys read from a `metrics.PeriodFigures`, for comparison."""
    found = {name: getattr(figures, name) for name in _FLOW_NAMES}
    nps = figures.nps
    found.update(
        revenue=figures.revenue,
        sales_count=figures.sales_count,
        members=figures.members,
        historical_value=figures.historical_value,
        purchases_per_year=figures.clv_inputs.purchases_per_year,
        nps=(nps.promoters, nps.passives, nps.detractors),
        referrals=figures.referrals,
        loyalty={key: figures.loyalty.get(key) for key in figures.loyalty},
    )
    return found


def differences(metrics: Any, duck: dict[str, Any]) -> list[str]:
    """Every figure where ours and DuckDB's differ ("period.key: ours vs duckdb"); empty when they agree."""
    found = []
    for name, figures in (("current", metrics.current), ("previous", metrics.previous)):
        mine, theirs = ours(figures), duck[name]
        for key in theirs:
            a, b = mine[key], theirs[key]
            if key == "loyalty":
                found += [f"{name}.{k}: {a.get(k)!r} vs {b[k]!r}" for k in b if not _same(a.get(k), b[k])]
            elif not _same(a, b):
                found.append(f"{name}.{key}: {a!r} vs {b!r}")
    return found


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) < 1e-9
    return a == b
