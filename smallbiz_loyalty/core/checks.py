"""Health checks of a store. Problems come back as data (what was expected,
what was found), never raised, so `check`, start-up and tests share them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from smallbiz_loyalty.core.i18n import _


@dataclass(frozen=True)
class Problem:
    check: str
    message: str  # one sentence for people, in the current language


CheckFn = Callable[[Database], list[Problem]]


def sqlite_integrity(db: Database, *, quick: bool = False) -> list[Problem]:
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [Problem("integrity", _("SQLite cannot read the file: {reason}.", reason=str(exc)))]
    if rows == ["ok"]:
        return []
    return [Problem("integrity", _("SQLite reports damage: {detail}.", detail="; ".join(rows[:3])))]


def foreign_keys(db: Database) -> list[Problem]:
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    return [
        Problem("orphans", _("{table} row {row} points to a missing {parent} row.", table=t, row=r, parent=p))
        for t, r, p, _fk in rows[:10]
    ]


def search_index(db: Database) -> list[Problem]:
    problems = []
    for table in ("customer_name_fts", "customer_phone_fts"):
        try:
            db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError:
            problems.append(
                Problem("search", _("The customer search index {name} is out of step with the customers.", name=table))
            )
    return problems


def returns_within_sales(db: Database) -> list[Problem]:
    rows = db.execute(
        "SELECT s.id, s.amount, -SUM(r.amount) FROM sales s JOIN sales r ON r.original_sale_id = s.id"
        " AND r.voided_at IS NULL GROUP BY s.id HAVING -SUM(r.amount) > s.amount LIMIT 10"
    ).fetchall()
    return [Problem("returns", _("Sale {id} has more returned than was sold.", id=sale_id)) for sale_id, _a, _r in rows]


def returns_of_customer(db: Database) -> list[Problem]:
    rows = db.execute(
        "SELECT r.id FROM sales r JOIN sales s ON s.id = r.original_sale_id"
        " WHERE r.customer_id IS NOT s.customer_id OR s.kind != 'sale' LIMIT 10"
    ).fetchall()
    return [Problem("returns", _("Return {id} does not match the sale it returns.", id=row[0])) for row in rows]


# Other modules' consistency checks (e.g. ledger sums) are appended here.
DOMAIN_CHECKS: list[CheckFn] = [foreign_keys, search_index, returns_within_sales, returns_of_customer]


def check_store(db: Database, *, quick: bool = False) -> list[Problem]:
    """Every problem found in the store; an empty list means healthy."""
    problems = sqlite_integrity(db, quick=quick)
    if problems:
        return problems
    for check in DOMAIN_CHECKS:
        problems.extend(check(db))
    return problems
