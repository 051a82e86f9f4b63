"""Where a core call spends its time in SQL: every statement it sends, timed, with the
query plan of the slowest. cProfile shows such calls as one line ("execute"); this
shows which query it is.

    python bench/query_profile.py --size 100000 metrics       # Shop.month_metrics
    python bench/query_profile.py --size 100000 lookup_name   # Shop.find_customers, a common Arabic prefix
    python bench/query_profile.py --size 100000 sale          # Shop.record_sale (on a copy)

The summary is printed and written to bench/profiles/sql-<scenario>-<size>.txt."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scenarios as sc  # noqa: E402
import shops  # noqa: E402

from smallbiz_loyalty.core.shop import Shop  # noqa: E402


def timed_statements(shop: Shop, call: Callable[[], Any]) -> tuple[float, list[tuple[float, str, Any]]]:
    """(total seconds, [(seconds, sql, parameters)]) of the statements `call` sends through `shop.db.execute`."""
    found: list[tuple[float, str, Any]] = []
    execute = shop.db.execute

    def timed(sql: str, parameters: Any = None) -> Any:
        started = time.perf_counter()
        cursor = execute(sql, parameters)
        rows = cursor.fetchall()
        found.append((time.perf_counter() - started, sql, parameters))
        return _Rows(rows, cursor.lastrowid, cursor.rowcount)

    shop.db.execute = timed  # type: ignore[method-assign]  (this instance, this call)
    started = time.perf_counter()
    try:
        call()
    finally:
        del shop.db.execute
    return time.perf_counter() - started, found


class _Rows:
    """What callers use of a cursor, over rows already fetched (so the fetch is inside the timing)."""

    def __init__(self, rows: list[Any], lastrowid: int | None, rowcount: int) -> None:
        self.rows, self.lastrowid, self.rowcount = rows, lastrowid, rowcount

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[Any]:
        return self.rows

    def __iter__(self) -> Any:
        return iter(self.rows)


def summary(shop: Shop, total: float, found: list[tuple[float, str, Any]], top: int = 10) -> str:
    by_sql: dict[str, list[Any]] = {}
    for seconds, sql, parameters in found:
        entry = by_sql.setdefault(sql, [0.0, 0, parameters])
        entry[0] += seconds
        entry[1] += 1
    ranked = sorted(by_sql.items(), key=lambda item: -item[1][0])
    lines = [
        f"total {total * 1000:,.1f} ms in {len(found)} statements ({sum(s for s, *_ in found) * 1000:,.1f} ms in SQL)"
    ]
    for sql, (seconds, calls, _params) in ranked[:top]:
        lines.append(f"{seconds * 1000:10,.1f} ms  {calls:4d}×  {' '.join(sql.split())[:160]}")
    slowest_sql, (_s, _c, parameters) = ranked[0]
    plan = shop.db.conn.execute("EXPLAIN QUERY PLAN " + slowest_sql, parameters or ()).fetchall()
    lines += ["", "query plan of the slowest:", *(f"  {row[-1]}" for row in plan)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "scenario", choices=("metrics", "lookup_name", "lookup_digits", "sale", "status", "cohorts_rfm")
    )
    parser.add_argument("--size", type=int, default=1_000)
    parser.add_argument("--db", type=Path, help="profile this file as it is (e.g. a migrated copy) instead")
    args = parser.parse_args()
    if args.db is None:
        shops.ensure_shop(args.size)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        path = args.db or shops.working_copy(args.size, Path(folder))
        with shops.open_shop(path) as shop:
            sample = sc.draw_sample(shop)
            prefix = max(set(sample.arabic_prefixes), key=sample.arabic_prefixes.count)  # the commonest
            calls: dict[str, Callable[[], Any]] = {
                "metrics": lambda: shop.month_metrics(shops.MONTH),
                "lookup_name": lambda: shop.find_customers(prefix),
                "lookup_digits": lambda: shop.find_customers(sample.digits[0]),
                "sale": lambda: shop.record_sale(customer_id=sample.customer_ids[0], amount=1750, category="coffee"),
                "status": lambda: shop.customer_status(sample.customer_ids[0]),
                "cohorts_rfm": lambda: (shop.cohorts(sc.month_start(shops.MONTH), months=12), shop.rfm()),
            }
            total, found = timed_statements(shop, calls[args.scenario])
            text = f"{args.scenario} on the {args.size:,}-customer shop\n" + summary(shop, total, found)
    out = HERE / "profiles" / f"sql-{args.scenario}-{args.size}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
