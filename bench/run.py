"""Run the benchmarks on one shop size and write bench/RESULTS.md.

    python bench/run.py --size 1000            # what `make bench` runs
    python bench/run.py --size 100000          # `make bench SIZE=100000`
    python bench/run.py --size 10000 --only sale,metrics
    python bench/run.py --size 100000 --profile metrics   # cProfile one scenario, summary to bench/profiles/

The shop is built once per size (bench/shops.py) and copied for the run, so
sales and redemptions never touch the cache. See bench/README.md."""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import report  # noqa: E402  (bench/ is not a package)
import scenarios as sc  # noqa: E402
import shops  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
NOTES_COUNT = 1_000
# name → (title, target text, test on the row's median/p95/ratio; None: no target)
TARGETS: dict[str, tuple[str, str, Callable[[dict[str, Any]], bool] | None]] = {
    "build": ("build the shop (bulk generator)", "< 90 s", lambda r: r["median"] < 90_000),
    "check": ("check the built shop (`Shop.check`)", "", None),
    "lookup_digits": ("counter lookup: last 4 phone digits", "p95 < 2 ms", lambda r: r["p95"] < 2),
    "lookup_name": ("counter lookup: Arabic name prefix", "p95 < 2 ms", lambda r: r["p95"] < 2),
    "lookup_card": ("counter lookup: card code", "p95 < 2 ms", lambda r: r["p95"] < 2),
    "sale": ("record a sale with earning (durable)", "median < 3 ms", lambda r: r["median"] < 3),
    "redeem": ("redeem a reward (durable)", "", None),
    "status": ("customer status for the counter", "", None),
    "metrics": (
        "a month's full metrics (+ previous month)",
        "< 1 s and ≤ 2× DuckDB",
        lambda r: r["median"] < 1000 and (r["baseline_median"] is None or r["median"] <= 2 * r["baseline_median"]),
    ),
    "cohorts_rfm": ("cohorts (12 months) + RFM", "< 2 s", lambda r: r["median"] < 2000),
    "report_en": ("monthly report PDF (English)", "< 4 s", lambda r: r["median"] < 4000),
    "report_ar": ("monthly report PDF (Arabic)", "< 4 s", lambda r: r["median"] < 4000),
    "notes": (f"{NOTES_COUNT:,} thank-you notes PDF", "< 8 s", lambda r: r["median"] < 8000),
    "cold_start": ("app cold start to a usable counter (offscreen)", "< 1.5 s", lambda r: r["median"] < 1500),
    "customers_screen": ("Customers screen: first rows painted", "< 0.5 s", lambda r: r["median"] < 500),
    "memory": ("peak RSS: counter + customers (all rows) + dashboard", "< 300 MB", lambda r: r["median"] < 300),
}
GUI = ("cold_start", "customers_screen", "memory")


def repeats(size: int) -> dict[str, int]:
    big = size >= 100_000
    return {
        "lookup": 300,
        "sale": 200,
        "redeem": 100,
        "status": 200,
        "metrics": 3 if big else 7,
        "cohorts_rfm": 3 if big else 5,
        "report": 2 if big else 3,
        "notes": 2 if big else 3,
        "cold_start": 5,
        "customers_screen": 3,
    }


def core_scenarios(shop: Any, path: Path, size: int) -> dict[str, Callable[[], sc.Measured]]:
    """The in-process scenarios, by name, ready to run on `shop` (a working copy at `path`)."""
    n = repeats(size)
    sample = sc.draw_sample(shop)
    raw = sc.open_raw(path)
    month = shops.MONTH
    return {
        "lookup_digits": lambda: sc.lookup(shop, raw, sample.digits, n["lookup"]),
        "lookup_name": lambda: sc.lookup(shop, raw, sample.arabic_prefixes, n["lookup"]),
        "lookup_card": lambda: sc.lookup(shop, raw, sample.cards, n["lookup"]),
        "status": lambda: sc.status(shop, sample, n["status"]),
        "metrics": lambda: sc.metrics(shop, path, month, n["metrics"]),
        "cohorts_rfm": lambda: sc.cohorts_rfm(shop, month, n["cohorts_rfm"]),
        "report_en": lambda: sc.monthly_report(shop, month, "en", n["report"]),
        "report_ar": lambda: sc.monthly_report(shop, month, "ar", n["report"]),
        "notes": lambda: sc.notes(shop, month, NOTES_COUNT, n["notes"]),
        # Last: they write to the copy.
        "sale": lambda: sc.sale(shop, path, sample, n["sale"]),
        "redeem": lambda: sc.redeem(shop, path, n["redeem"]),
    }


def probe(path: Path, mode: str) -> tuple[float, dict[str, Any]]:
    """Run bench/gui_probe.py as a new process; (ms from launch to its "ready" line, its last event)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(HERE / "gui_probe.py"), "--db", str(path), "--mode", mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    ready_ms, last = 0.0, {}
    assert process.stdout is not None
    for line in process.stdout:
        event = json.loads(line)
        if event["event"] == "ready":
            ready_ms = (time.perf_counter() - started) * 1000
        last = event
    _out, errors = process.communicate(timeout=300)
    if process.returncode:
        raise RuntimeError(f"gui_probe --mode {mode} failed ({process.returncode}): {errors[-2000:]}")
    return ready_ms, last


def gui_scenarios(path: Path, size: int) -> dict[str, Callable[[], sc.Measured]]:
    n = repeats(size)

    def cold_start() -> sc.Measured:
        measured = sc.Measured()
        for _run in range(n["cold_start"]):
            ready, last = probe(path, "counter")
            measured.samples.append(ready)
        measured.notes.append(f"in-process: imports and window ready at {last['ms']:.0f} ms after the script started")
        return measured

    def customers_screen() -> sc.Measured:
        measured = sc.Measured()
        for _run in range(n["customers_screen"]):
            _ready, last = probe(path, "customers")
            measured.samples.append(last["elapsed_ms"])
        measured.notes.append(f"{last['rows']:,} customers listed; from the counter to the table painted")
        return measured

    def memory() -> sc.Measured:
        _ready, last = probe(path, "memory")
        return sc.Measured(samples=[last["peak_rss_mb"]], notes=[f"RSS at the end {last['current_rss_mb']} MB"])

    return {"cold_start": cold_start, "customers_screen": customers_screen, "memory": memory}


def row_of(name: str, measured: sc.Measured) -> dict[str, Any]:
    title, target, test = TARGETS[name]
    row: dict[str, Any] = {"name": name, "title": title, "target": target, "notes": measured.notes}
    if name == "memory":
        row["unit"] = "MB"
    if measured.missing:
        return {**row, "missing": measured.missing, "met": None}
    median, p95 = report.summary(measured.samples)
    row.update(median=median, p95=p95, n=len(measured.samples), baseline_name=measured.baseline_name)
    row["baseline_median"] = report.summary(measured.baseline)[0] if measured.baseline else None
    row["met"] = test(row) if test else None
    return row


def profiled(name: str, run: Callable[[], sc.Measured], size: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(run)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)
    out = HERE / "profiles" / f"{name}-{size}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(relative_paths(text.getvalue()))
    print(f"profile written to {out}")


def relative_paths(text: str) -> str:
    """Profiles name files relative to the project and site-packages, never this machine's paths."""
    root = str(HERE.parent) + "/"
    for prefix in sorted({p for p in sys.path if "site-packages" in p}, key=len, reverse=True):
        text = text.replace(prefix.rstrip("/") + "/", "site-packages/")
    return text.replace(root, "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000, help="customers in the shop (1000, 10000, 100000)")
    parser.add_argument("--only", help="comma-separated scenario names (see TARGETS)")
    parser.add_argument("--profile", metavar="SCENARIO", help="run one scenario under cProfile instead")
    parser.add_argument("--no-gui", action="store_true", help="skip the app's cold start, screen and memory")
    args = parser.parse_args(argv)
    load_start = report.load_average()
    meta = shops.ensure_shop(args.size)
    if meta["problems"]:
        print("the built shop has problems:", *meta["problems"], sep="\n  ", file=sys.stderr)
        return 1
    wanted = set(args.only.split(",")) if args.only else set(TARGETS)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        path = shops.working_copy(args.size, Path(folder))
        with shops.open_shop(path) as shop:
            todo = core_scenarios(shop, path, args.size)
            if not args.no_gui:
                todo |= gui_scenarios(path, args.size)
            if args.profile:
                profiled(args.profile, todo[args.profile], args.size)
                return 0
            origin = f"cached from {meta['built_at']}" if meta.get("cached") else "built in this run"
            build = sc.Measured(samples=[meta["build_seconds"] * 1000])
            build.notes.append(f"{origin}; {meta['bytes'] / 1e6:,.0f} MB; verified by the check below")
            check = sc.Measured(samples=[meta["check_seconds"] * 1000])
            pragma = "quick_check" if meta["check"] == "quick" else "integrity_check"
            check.notes.append(
                f"the {meta['check']} check (SQLite's {pragma} and every consistency check)"
                f" found {len(meta['problems'])} problems"
            )
            rows = [row_of(name, measured) for name, measured in (("build", build), ("check", check)) if name in wanted]
            for name in [n for n in todo if n in wanted]:  # in `todo`'s order: the writing ones last
                print(f"{name} …", end=" ", flush=True)
                rows.append(row_of(name, todo[name]()))
                print(_brief(rows[-1]), flush=True)
            rows.sort(key=lambda row: list(TARGETS).index(row["name"]))
    counts = meta["rows"]
    shop_rows = ", ".join(
        f"{counts[t]:,} {t.replace('_', ' ')}"
        for t in ("customers", "sales", "ledger", "feedback", "vouchers", "redemptions")
    )
    run = {
        "size": args.size,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": report.machine(),
        "load_start": load_start,
        "load_end": report.load_average(),
        "shop_rows": shop_rows + " rows",
        "rows": rows,
    }
    if args.only:  # keep the other scenarios of the last full run
        run["rows"] = _merged(args.size, rows)
    report.save(args.size, run)
    print(f"written {report.write()}")
    return 0


def _merged(size: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    path = report.RESULTS / f"size-{size}.json"
    if not path.exists():
        return rows
    fresh = {row["name"]: row for row in rows}
    old = [fresh.pop(row["name"], row) for row in json.loads(path.read_text())["rows"]]
    return old + list(fresh.values())


def _brief(row: dict[str, Any]) -> str:
    if row.get("missing"):
        return f"not available yet ({row['missing']})"
    text = f"median {row['median']:.3f}, p95 {row['p95']:.3f}"
    if row.get("baseline_median"):
        text += f", baseline {row['baseline_median']:.3f}"
    return text + {True: " — met", False: " — MISSED", None: ""}[row["met"]]


if __name__ == "__main__":
    sys.exit(main())
