"""bench/RESULTS.md from the results of each size's last run (bench/results/size-<N>.json),
with the hand-written analysis of the misses (bench/MISSES.md) after the tables."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
OUTPUT = HERE / "RESULTS.md"
ANALYSIS = HERE / "MISSES.md"


def summary(samples: list[float]) -> tuple[float, float]:
    """(median, p95) of samples; p95 by the nearest-rank method."""
    ordered = sorted(samples)
    rank = max(1, -(-95 * len(ordered) // 100))  # ceil(0.95 n)
    return statistics.median(ordered), ordered[rank - 1]


def machine() -> dict[str, Any]:
    """The CPU, cores, memory and versions this run had."""
    cpu = platform.processor() or platform.machine()
    memory_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for package in ("PySide6", "duckdb", "reportlab"):
        try:
            versions[package.lower()] = __import__(package).__version__
        except ImportError:
            versions[package.lower()] = "not installed"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory_gb, "os": platform.platform(), **versions}


def load_average() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def save(size: int, run: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"size-{size}.json").write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if value >= 1000:
        return f"{value / 1000:,.2f} s"
    if value >= 10:
        return f"{value:,.1f} ms"
    return f"{value:,.3f} ms"


def _row(row: dict[str, Any]) -> str:
    if row.get("missing"):
        return f"| {row['title']} | not available yet | | | | {row.get('target', '—')} | — ({row['missing']}) |"
    unit = row.get("unit", "ms")
    baseline = "—"
    ratio = "—"
    if row.get("baseline_median") is not None:
        baseline = f"{_number(row['baseline_median'], unit)} ({row['baseline_name']})"
        ratio = f"{row['median'] / row['baseline_median']:,.1f}×" if row["baseline_median"] else "—"
    met = {True: "yes", False: "**NO**", None: "—"}[row.get("met")]
    return (
        f"| {row['title']} | {_number(row['median'], unit)} | {_number(row.get('p95'), unit)} | {baseline} | {ratio}"
        f" | {row.get('target') or '—'} | {met} |"
    )


def _section(run: dict[str, Any]) -> list[str]:
    size, info = run["size"], run["machine"]
    lines = [
        f"## {size:,} customers",
        "",
        f"Run {run['date']} on {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB RAM; Python"
        f" {info['python']}, SQLite {info['sqlite']}, PySide6 {info['pyside6']}, DuckDB {info['duckdb']},"
        f" reportlab {info['reportlab']}. Load average (1/5/15 min) at the start: {run['load_start']}, at the end:"
        f" {run['load_end']}.",
        "",
        f"The shop: {run['shop_rows']}.",
        "",
        "| scenario | median | p95 | baseline (median) | ratio | target at 100 000 | met? |",
        "|---|---|---|---|---|---|---|",
        *(_row(row) for row in run["rows"]),
        "",
    ]
    notes = [f"- {row['title']}: {note}" for row in run["rows"] for note in row.get("notes", [])]
    if notes:
        lines += ["Notes:", "", *notes, ""]
    return lines


def write() -> Path:
    runs = sorted((json.loads(path.read_text()) for path in RESULTS.glob("size-*.json")), key=lambda run: run["size"])
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/run.py` (`make bench` for 1 000 customers, `make bench SIZE=10000`,"
        " `make bench SIZE=100000`); each size's section is its last run. Times are medians and 95th percentiles"
        " over repeated runs in one process (`time.perf_counter_ns`), except the app's cold start and the"
        " Customers screen, which are timed as whole processes. Each baseline ran in the same run, on the same"
        " file. The targets are the issue's, set for the 100 000-customer shop on this 2-core machine; at the"
        " smaller sizes they are shown for scale. Other work running on the machine at the same time slows"
        " every figure: the load average is given with each run.",
        "",
        f"Regenerated {datetime.now(UTC).isoformat(timespec='seconds')}.",
        "",
    ]
    for run in runs:
        lines += _section(run)
    if ANALYSIS.exists():
        lines += [ANALYSIS.read_text().rstrip(), ""]
    OUTPUT.write_text("\n".join(lines))
    return OUTPUT
