"""Crash-safety harness: kill a busy shop with SIGKILL, again and again, and check the file.

A child process opens a demo store and does random sales, repeated sales (same
key), returns, voids, redemptions, customer imports, enrolments and backups in
a loop. Before each action it prints ``START <kind> <key>`` and after the action
returned ``DONE <kind> <key> …`` (flushed), so the parent knows what was
acknowledged. The parent kills it at a random moment (sometimes while it is
still starting up and opening the file), then checks the file:

- SQLite's ``integrity_check`` passes, and so does `checks.check_store` (orphans,
  returns, ledger draws, expiries and sums: balances equal ledger sums);
- every sale, return and redemption the child reported DONE is there exactly once,
  and every void it reported is void; every customer it enrolled or imported is there;
- no sale or redemption is there whose key the child never started (keys are
  deterministic: ``crash-r<round>-<n>``);
- every file in the backup folder with a backup's name passes the checks.

    python tools/crash_harness.py --kills 200            # the long run (a few minutes)
    python tools/crash_harness.py --kills 20 --seed 7 --keep /tmp/crash   # keep the files

The short version runs in the test suite (tests/core/test_crash_safety.py).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from smallbiz_loyalty.core.checks import check_store
from smallbiz_loyalty.core.errors import LoyaltyError

KEY_PREFIX = "crash-"
READY_TIMEOUT = 20.0  # seconds for a child to open the store (slow CI machines)
ACTIONS = (  # kind, weight
    ("sale", 40),
    ("resend", 6),
    ("return", 10),
    ("void", 6),
    ("redeem", 12),
    ("import", 10),
    ("enrol", 10),
    ("backup", 3),
)


# -- the child ---------------------------------------------------------------
def _say(*parts: object) -> None:
    print(*parts, flush=True)


def phone_for(round_no: int, n: int, prefix: str) -> str:
    """A valid Kuwaiti mobile number unique to (round, n) for n < 1000."""
    return f"+965{prefix}{(round_no * 1000 + n) % 1_000_000:06d}"


class Child:
    """The busy shop: one random action after another until it is killed."""

    def __init__(self, db: Path, backups: Path, round_no: int, seed: int) -> None:
        from smallbiz_loyalty.core.shop import Shop

        self.shop = Shop.open(db)
        self.backups = backups
        self.round = round_no
        self.rng = random.Random(seed * 100_003 + round_no)
        self.n = 0
        self.sales: list[tuple[int, str, int | None, int]] = []  # id, key, customer, amount
        self.customers = [row[0] for row in self.shop.db.execute("SELECT id FROM customers WHERE merged_into IS NULL")]

    def run(self) -> None:
        _say("READY", self.round)
        kinds, weights = zip(*ACTIONS, strict=True)
        while True:
            kind = self.rng.choices(kinds, weights)[0]
            key = f"{KEY_PREFIX}r{self.round}-{self.n}"
            self.n += 1
            try:
                getattr(self, f"_{kind}")(key)
            except LoyaltyError as exc:  # a refusal is an answer too: nothing was written
                _say("REFUSED", kind, key, exc.message.replace("\n", " ")[:120])

    def _customer(self) -> int | None:
        return self.rng.choice(self.customers) if self.customers and self.rng.random() < 0.8 else None

    def _sale(self, key: str) -> None:
        customer, amount = self._customer(), self.rng.randrange(250, 6000, 250)
        _say("START", "sale", key)
        result = self.shop.record_sale(customer_id=customer, amount=amount, category="coffee", key=key)
        self.sales.append((result.sale.id, key, customer, amount))
        _say("DONE", "sale", key, result.sale.id)

    def _resend(self, key: str) -> None:
        if not self.sales:
            return
        sale_id, old_key, customer, amount = self.rng.choice(self.sales)
        result = self.shop.record_sale(customer_id=customer, amount=amount, category="coffee", key=old_key)
        _say("DONE" if result.duplicate and result.sale.id == sale_id else "WRONG", "resend", old_key)

    def _return(self, key: str) -> None:
        if not self.sales:
            return
        sale_id, _k, _c, amount = self.rng.choice(self.sales)
        _say("START", "return", key)
        self.shop.record_return(sale_id, amount=max(amount // 4, 1), key=key)
        _say("DONE", "return", key)

    def _void(self, key: str) -> None:
        if not self.sales:
            return
        sale_id = self.rng.choice(self.sales)[0]
        self.shop.void_sale(sale_id, reason="crash harness")
        _say("DONE", "void", sale_id)

    def _redeem(self, key: str) -> None:
        for customer in self.rng.sample(self.customers, min(5, len(self.customers))):
            ready = self.shop.customer_status(customer).rewards_ready
            if ready:
                _say("START", "redeem", key)
                self.shop.redeem(customer, ready[0].id, key=key)
                _say("DONE", "redeem", key)
                return

    def _import(self, key: str) -> None:
        if self.n >= 1000:
            return
        phones = [phone_for(self.round, self.n, "97"), phone_for(self.round, self.n, "99")]
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["name", "phone", "points", "stamps"])
        for i, phone in enumerate(phones):
            writer.writerow([f"Imported {key} {i}", phone, "", self.rng.randrange(0, 6)])
        self.shop.import_customers(out.getvalue().encode())
        _say("DONE", "import", *phones)

    def _enrol(self, key: str) -> None:
        if self.n >= 1000:
            return
        phone = phone_for(self.round, self.n, "94")
        customer = self.shop.enrol(name=f"Enrolled {key}", phone=phone).customer
        self.customers.append(customer.id)
        _say("DONE", "enrol", phone)

    def _backup(self, key: str) -> None:
        from smallbiz_loyalty.core.backup import backup_now

        # The worker-thread way: a path, so the backup gets its own connection.
        result = backup_now(self.shop.path, self.backups, now=datetime.now(UTC))
        _say("DONE", "backup", result.backup.path.name)


# -- the parent --------------------------------------------------------------
@dataclass
class Log:
    """What one child said before it was killed."""

    started: set[str] = field(default_factory=set)  # keys of sales, returns and redemptions
    done_keys: dict[str, set[str]] = field(default_factory=lambda: {"sale": set(), "return": set(), "redeem": set()})
    voids: set[int] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    actions: int = 0
    wrong: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, into: Log | None = None) -> Log:
        log = into or cls()
        lines = text.split("\n")
        for line in lines[:-1]:  # the last piece may be cut off by the kill
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "START":
                log.started.add(parts[2])
            elif parts[0] == "DONE":
                log.actions += 1
                log._done(parts[1], parts[2:])
            elif parts[0] == "WRONG":
                log.wrong.append(line)
        return log

    def _done(self, kind: str, args: list[str]) -> None:
        if kind in self.done_keys:
            self.done_keys[kind].add(args[0])
        elif kind == "void":
            self.voids.add(int(args[0]))
        elif kind in ("enrol", "import"):
            self.phones.update(args)


def verify_store(db_path: Path, backups: Path, log: Log) -> list[str]:
    """Every way the file disagrees with what the child acknowledged; empty when all is well."""
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        db = Database(conn, execute_plugins=False)
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            return [f"integrity_check: {'; '.join(integrity[:3])}"]
        failures = [f"check_store: {p.message}" for p in check_store(db)]
        failures += _missing_or_unknown(conn, log)
        failures += [f"child saw a wrong answer: {w}" for w in log.wrong]
    finally:
        conn.close()
    return failures + _bad_backups(backups)


def _missing_or_unknown(conn: sqlite3.Connection, log: Log) -> list[str]:
    failures = []
    pattern = KEY_PREFIX + "%"
    present = {
        "sale": _counts(
            conn, "SELECT key, count(*) FROM sales WHERE kind = 'sale' AND key LIKE ? GROUP BY key", pattern
        ),
        "return": _counts(
            conn, "SELECT key, count(*) FROM sales WHERE kind = 'return' AND key LIKE ? GROUP BY key", pattern
        ),
        "redeem": _counts(conn, "SELECT key, count(*) FROM redemptions WHERE key LIKE ? GROUP BY key", pattern),
    }
    for kind, done in log.done_keys.items():
        failures += [f"DONE {kind} {k} is missing" for k in sorted(done - present[kind].keys())]
        failures += [f"{kind} {k} is there {n} times" for k, n in present[kind].items() if n != 1]
        failures += [f"{kind} {k} is there but was never started" for k in sorted(present[kind].keys() - log.started)]
    voided = {r[0] for r in conn.execute("SELECT id FROM sales WHERE voided_at IS NOT NULL")}
    failures += [f"DONE void of sale {s} did not stick" for s in sorted(log.voids - voided)]
    phones = {r[0] for r in conn.execute("SELECT phone FROM customers WHERE phone IS NOT NULL")}
    failures += [f"DONE customer {p} is missing" for p in sorted(log.phones - phones)]
    return failures


def _counts(conn: sqlite3.Connection, sql: str, pattern: str) -> dict[str, int]:
    return dict(conn.execute(sql, [pattern]).fetchall())


def _bad_backups(folder: Path) -> list[str]:
    from smallbiz_loyalty.core.backup import list_backups
    from smallbiz_loyalty.core.health import OK, inspect_file

    return [
        f"backup {b.path.name}: {health.message}"
        for b in list_backups(folder)
        if (health := inspect_file(b.path)).status != OK
    ]


@dataclass
class Report:
    kills: int = 0
    actions: int = 0
    early_kills: int = 0  # killed before the child said READY (while starting or opening)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def describe(self) -> str:
        verdict = "passed" if not self.failures else f"FAILED ({len(self.failures)} problems)"
        return (
            f"{self.kills} kills {verdict} in {self.seconds:.1f} s: {self.actions} actions acknowledged,"
            f" {self.early_kills} kills during start-up."
        )


def build_store(db_path: Path, *, seed: int, customers: int = 40) -> None:
    from smallbiz_loyalty.core.demo import build_demo
    from smallbiz_loyalty.core.shop import Shop

    with Shop.open(db_path) as shop:
        build_demo(shop, customers=customers, months=2, seed=seed)


def kill_once(
    db_path: Path, backups: Path, round_no: int, seed: int, rng: random.Random, max_delay: float
) -> tuple[str, bool]:
    """Start a child, kill it with SIGKILL at a random moment; (its output, killed before READY)."""
    out_path = db_path.with_name(f"child-{round_no}.log")
    command = [sys.executable, __file__, "--child", "--db", str(db_path), "--backups", str(backups)]
    command += ["--round", str(round_no), "--seed", str(seed)]
    with out_path.open("wb") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
        early = rng.random() < 0.2
        if early:
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            _wait_ready(out_path, child)
            time.sleep(rng.uniform(0.0, max_delay))
        child.send_signal(signal.SIGKILL)
        _out, err = child.communicate()
    text = out_path.read_text(encoding="utf-8", errors="replace")
    out_path.unlink()
    if child.returncode != -signal.SIGKILL:
        raise RuntimeError(f"child {round_no} stopped by itself ({child.returncode}): {err.decode()[-2000:]}")
    return text, early and "READY" not in text


def _wait_ready(out_path: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline and child.poll() is None:
        if out_path.read_bytes().startswith(b"READY"):
            return
        time.sleep(0.005)


def run_harness(
    kills: int,
    *,
    seed: int = 1,
    workdir: Path,
    max_delay: float = 0.5,
    say: Callable[[str], None] = lambda line: None,
) -> Report:
    """Build a demo store in `workdir`, then kill a busy child `kills` times, checking after each."""
    started = time.monotonic()
    db_path, backups = workdir / "shop.db", workdir / "backups"
    backups.mkdir(exist_ok=True)
    build_store(db_path, seed=seed)
    rng, log, report = random.Random(seed), Log(), Report()
    for round_no in range(1, kills + 1):
        text, early = kill_once(db_path, backups, round_no, seed, rng, max_delay)
        before = log.actions
        Log.parse(text, into=log)
        failures = verify_store(db_path, backups, log)
        report.kills += 1
        report.early_kills += early
        report.failures += [f"kill {round_no}: {f}" for f in failures]
        say(f"kill {round_no}/{kills}: {log.actions - before} actions acknowledged, {'FAILED' if failures else 'ok'}")
        if failures:
            break  # the file is no longer trustworthy; later rounds would only repeat it
    report.actions, report.seconds = log.actions, time.monotonic() - started
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.5, help="longest wait after READY before the kill (s)")
    parser.add_argument("--keep", type=Path, help="work in this (empty) folder and keep it")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--backups", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--round", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        Child(args.db, args.backups, args.round, args.seed).run()
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = run_harness(args.kills, seed=args.seed, workdir=args.keep, max_delay=args.max_delay, say=print)
    else:
        with tempfile.TemporaryDirectory(prefix="crash-harness-") as tmp:
            report = run_harness(args.kills, seed=args.seed, workdir=Path(tmp), max_delay=args.max_delay, say=print)
    for failure in report.failures:
        print(failure)
    print(report.describe())
    return 0 if not report.failures else 1


if __name__ == "__main__":
    sys.exit(main())
