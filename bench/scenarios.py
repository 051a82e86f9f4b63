"""The in-process scenarios: what the counter, the owner's figures and the printed
documents cost, each timed over repeated runs with `time.perf_counter_ns`, with
its baseline measured in the same run.

Every scenario returns a `Measured`: the samples (ms), the baseline's samples when
it has one, and notes. A scenario whose module is not in this build yet (the
printed notes, say) returns `Measured(missing=...)` and is shown as "not available
yet" so the lead can run it again later."""

from __future__ import annotations

import importlib
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import shops

from smallbiz_loyalty.core.dates import parse_month
from smallbiz_loyalty.core.shop import Shop


@dataclass
class Measured:
    samples: list[float] = field(default_factory=list)  # milliseconds
    baseline: list[float] = field(default_factory=list)
    baseline_name: str = ""
    notes: list[str] = field(default_factory=list)
    missing: str = ""  # why the scenario could not run (a module not in this build yet)


def time_calls(call: Callable[[Any], Any], items: Sequence[Any], *, warmup: int = 0) -> list[float]:
    """Milliseconds of `call(item)` for each item, after `warmup` untimed calls."""
    for item in items[:warmup]:
        call(item)
    samples = []
    for item in items:
        started = time.perf_counter_ns()
        call(item)
        samples.append((time.perf_counter_ns() - started) / 1e6)
    return samples


def optional(module: str) -> Any | None:
    """The module, or None while it is not part of this build (only that module may be missing)."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


@dataclass
class Sample:
    """Customers drawn once (seeded) from the shop for the lookups and the counter scenarios."""

    digits: list[str]
    arabic_prefixes: list[str]
    cards: list[str]
    customer_ids: list[int]


def draw_sample(shop: Shop, count: int = 200, seed: int = 7) -> Sample:
    rng = random.Random(seed)
    rows = shop.db.execute(
        "SELECT id, name, phone, card_code FROM customers WHERE erased_at IS NULL AND merged_into IS NULL"
    ).fetchall()
    picked = rng.sample(rows, min(count, len(rows)))
    arabic = [name.split()[0] for _id, name, _phone, _card in rows if "\u0600" <= name[0] <= "\u06ff"]
    return Sample(
        digits=[phone[-4:] for _id, _name, phone, _card in picked if phone],
        arabic_prefixes=[word[:3] for word in rng.sample(arabic, min(count, len(arabic)))],
        cards=[card for _id, _name, _phone, card in picked],
        customer_ids=[cid for cid, *_rest in picked],
    )


def recorded(shop: Shop, call: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The SQL statements and parameters that `call` sends through the shop's `db.execute`."""
    statements: list[tuple[str, Any]] = []
    execute = shop.db.execute

    def record(sql: str, parameters: Any = None) -> Any:
        statements.append((sql, parameters))
        return execute(sql, parameters)

    shop.db.execute = record  # type: ignore[method-assign]  (on this instance only, for one call)
    try:
        call()
    finally:
        del shop.db.execute
    return statements


def lookup(shop: Shop, raw: sqlite3.Connection, queries: Sequence[str], repeat: int) -> Measured:
    """`Shop.find_customers` against the very statements it runs, replayed on a plain sqlite3 connection."""
    items = [queries[i % len(queries)] for i in range(repeat)]
    replays = {q: recorded(shop, lambda q=q: shop.find_customers(q)) for q in queries}
    hits = [len(shop.find_customers(q)) for q in queries]
    measured = Measured(baseline_name="same SQL, raw sqlite3")
    measured.samples = time_calls(shop.find_customers, items, warmup=min(20, repeat))

    def replay(query: str) -> None:
        for statement, parameters in replays[query]:
            raw.execute(statement, parameters or ()).fetchall()

    measured.baseline = time_calls(replay, items, warmup=min(20, repeat))
    measured.notes.append(f"{len(queries)} different queries, {sum(hits) / len(hits):.1f} matches shown on average")
    return measured


def sale(shop: Shop, path: Path, sample: Sample, repeat: int) -> Measured:
    """A durable sale with earning (`Shop.record_sale`) against a raw INSERT + COMMIT with the same PRAGMAs."""
    customers = [sample.customer_ids[i % len(sample.customer_ids)] for i in range(repeat)]
    counter = iter(range(10**9))
    prefix = f"bench-sale-{time.time_ns()}"  # new keys every run: a resent key would only replay the first sale
    measured = Measured(baseline_name="raw INSERT + COMMIT (WAL, synchronous=FULL)")
    measured.samples = time_calls(
        lambda cid: shop.record_sale(customer_id=cid, amount=1750, category="coffee", key=f"{prefix}-{next(counter)}"),
        customers,
        warmup=10,
    )
    measured.baseline = raw_insert_commit(path, customers)
    return measured


def raw_insert_commit(path: Path, customers: Sequence[int]) -> list[float]:
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA foreign_keys = ON")
    counter = iter(range(10**9))
    prefix = f"raw-{time.time_ns()}"

    def insert(cid: int) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO sales (key, kind, customer_id, amount, category, business_date, created_at, staff_id)"
            " VALUES (?, 'sale', ?, 1750, 'coffee', '2026-10-15', '2026-10-15T09:30:00+00:00', 1)",
            [f"{prefix}-{next(counter)}", cid],
        )
        raw.execute("COMMIT")

    try:
        return time_calls(insert, customers, warmup=10)
    finally:
        raw.close()


def redeem(shop: Shop, path: Path, repeat: int) -> Measured:
    """Redeem a free coffee (`Shop.redeem`) for customers whose card is full, against the raw INSERT + COMMIT."""
    coffee = next(r for r in shop.rewards() if r.name == "Free coffee")
    ready = [
        cid
        for (cid,) in shop.db.execute(
            "SELECT customer_id FROM lot_remaining WHERE programme_id = ? AND remaining > 0"
            " GROUP BY customer_id HAVING SUM(remaining) >= ? ORDER BY customer_id LIMIT ?",
            [coffee.programme_id, coffee.cost, repeat],
        )
    ]
    measured = Measured(baseline_name="raw INSERT + COMMIT (WAL, synchronous=FULL)")
    if not ready:
        measured.missing = "no customer has a full card"
        return measured
    counter = iter(range(10**9))
    prefix = f"bench-redeem-{time.time_ns()}"
    measured.samples = time_calls(lambda cid: shop.redeem(cid, coffee.id, key=f"{prefix}-{next(counter)}"), ready)
    measured.baseline = raw_insert_commit(path, ready)
    measured.notes.append(f"{len(ready)} customers with a full card, one free coffee each")
    return measured


def metrics(shop: Shop, path: Path, month: str, repeat: int) -> Measured:
    """`Shop.month_metrics` (the month and the month before) against DuckDB computing the same figures
    from the same file — and the two must agree."""
    measured = Measured(baseline_name="DuckDB 1.4.4 over the SQLite file")
    measured.samples = time_calls(lambda _i: shop.month_metrics(month), range(repeat))
    duck = optional("duck")
    try:
        import duckdb  # noqa: F401  (bench extra)
    except ModuleNotFoundError:
        measured.notes.append("DuckDB is not installed (pip install -e '.[bench]'): no baseline")
        return measured
    assert duck is not None
    con = duck.connect()
    start, end = parse_month(month)
    settings = shop.settings
    figures: list[dict[str, Any]] = []
    measured.baseline = time_calls(
        lambda _i: figures.append(duck.month(con, path, start, end, settings)), range(repeat)
    )
    differences = duck.differences(shop.month_metrics(month), figures[-1])
    measured.notes.append(
        "DuckDB's figures equal ours" if not differences else "MISMATCH with DuckDB: " + "; ".join(differences[:8])
    )
    con.close()
    return measured


def cohorts_rfm(shop: Shop, month: str, repeat: int) -> Measured:
    """The 12 monthly cohorts up to the month and the RFM scores of every customer who bought in the last year."""
    start, _end = parse_month(month)
    sizes: list[int] = []

    def run(_i: int) -> None:
        shop.cohorts(start, months=12)
        sizes.append(len(shop.rfm()))

    measured = Measured(samples=time_calls(run, range(repeat)))
    measured.notes.append(f"RFM over {sizes[-1]:,} customers")
    return measured


def status(shop: Shop, sample: Sample, repeat: int) -> Measured:
    """What the counter shows about the customer just found (`Shop.customer_status`)."""
    items = [sample.customer_ids[i % len(sample.customer_ids)] for i in range(repeat)]
    return Measured(samples=time_calls(shop.customer_status, items, warmup=10))


def monthly_report(shop: Shop, month: str, lang: str, repeat: int) -> Measured:
    monthly = optional("smallbiz_loyalty.reports.monthly")
    if monthly is None:
        return Measured(missing="reports/monthly.py is not in this build yet")
    pages: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.pdf"
        samples = time_calls(
            lambda _i: pages.append(monthly.render_monthly_report(target, shop, month, lang=lang)), range(repeat)
        )
    return Measured(samples=samples, notes=[f"{pages[-1]} pages"])


def notes(shop: Shop, month: str, count: int, repeat: int) -> Measured:
    """`count` thank-you notes: the recipients' details and balances (`Shop.note_recipients` by id) and the PDF."""
    module = optional("smallbiz_loyalty.reports.notes")
    if module is None or not hasattr(shop, "note_recipients"):
        return Measured(missing="reports/notes.py is not in this build yet")
    audience = [r.customer.id for r in shop.note_recipients("thank-you", month=month, lang="en")]
    if not audience:
        return Measured(missing=f"no first-time customers in {month}")
    ids = audience[:count]

    def run(folder: str) -> None:
        found = shop.note_recipients("thank-you", ids=ids, lang="en")
        recipients = (found * (count // len(found) + 1))[:count]  # a small shop: some customers' notes twice
        module.render_notes(
            Path(folder) / "notes.pdf", recipients, kind="thank-you", shop_name=shop.settings["shop_name"], lang="en",
            template=shop.note_template("thank-you", "en"),
        )  # fmt: skip

    with tempfile.TemporaryDirectory() as folder:
        samples = time_calls(run, [folder] * repeat)
    note = f"{len(audience):,} first-time customers in {month}; {count:,} notes (recipients by id + PDF, 4 per A4)"
    return Measured(samples=samples, notes=[note])


def month_start(month: str) -> date:
    return parse_month(month)[0]


def open_raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection as the app opens the store (WAL, foreign keys, busy timeout)."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA foreign_keys = ON")
    return raw


__all__ = ["Measured", "shops"]
