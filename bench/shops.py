"""The benchmark shops: built once per size with `core.bulk` and cached in bench/.cache (not in git).

A cached shop is rebuilt when the generator, the schema or the seed changed (a
fingerprint of them is kept beside the file), so a stale file never skews a run.
Scenarios that write (sales, redemptions) work on a copy: the cache stays as built."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from smallbiz_loyalty.core import bulk, bulk_load, schema
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.shop import Shop

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 1
MONTHS = 24
# The shops' "now": fixed, so a shop is the same file whenever it is built.
NOW = datetime(2026, 10, 15, 9, 30, tzinfo=UTC)
MONTH = "2026-09"  # the last whole month before NOW: the month the figures and the report are for
CLOCK = fixed_clock(NOW)


def fingerprint(size: int) -> str:
    """What the cached file depends on: the generator's and the schema's code (not their comments or
    docstrings), the size, the seed and the clock."""
    digest = hashlib.sha256()
    for module in (bulk, bulk_load, schema):
        digest.update(_code(Path(module.__file__).read_text(encoding="utf-8")).encode())
    digest.update(f"{size}/{SEED}/{MONTHS}/{NOW.isoformat()}".encode())
    return digest.hexdigest()[:16]


def _code(source: str) -> str:
    """The module's syntax tree without docstrings: editing a comment or a docstring keeps the cache."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                body.pop(0)
    return ast.dump(tree)


def shop_path(size: int) -> Path:
    return CACHE / f"shop-{size}.db"


def _meta_path(size: int) -> Path:
    return CACHE / f"shop-{size}.json"


def ensure_shop(size: int, *, log: bool = True) -> dict:
    """The cached shop of `size` customers, built (and verified with `Shop.check`) if missing or stale.

    Returns its metadata: path, build seconds, row counts, check seconds and problems."""
    path, meta_path = shop_path(size), _meta_path(size)
    key = fingerprint(size)
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("fingerprint") == key and not meta.get("problems"):
            meta["cached"] = True
            return meta
    CACHE.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if log:
        print(f"building the {size:,}-customer shop into {path} …", flush=True)
    started = time.perf_counter()
    with Shop.open(path, clock=CLOCK) as shop:
        counts = bulk.build_bulk_shop(shop, customers=size, months=MONTHS, seed=SEED)
        built = time.perf_counter() - started
        checked = time.perf_counter()
        quick = size > 10_000  # the full check reads every index; at 100 000 the quick one is enough
        problems = [f"{p.check}: {p.message}" for p in shop.check(quick=quick)]
        check_seconds = time.perf_counter() - checked
    meta = {
        "size": size,
        "fingerprint": key,
        "build_seconds": built,
        "check_seconds": check_seconds,
        "check": "quick" if quick else "full",
        "problems": problems,
        "rows": counts,
        "bytes": path.stat().st_size,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cached": False,
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    if log:
        print(f"built in {built:.1f} s; check ({meta['check']}) in {check_seconds:.1f} s: {problems or 'no problems'}")
    return meta


def working_copy(size: int, folder: Path) -> Path:
    """A copy of the cached shop in `folder`, for scenarios that write."""
    target = folder / f"shop-{size}.db"
    shutil.copyfile(shop_path(size), target)
    return target


def open_shop(path: Path) -> Shop:
    """The shop at `path` with the benchmark's fixed clock."""
    return Shop.open(path, clock=CLOCK)
