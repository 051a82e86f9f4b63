"""Health checks of a store. Problems come back as data (what was expected,
what was found), never raised, so `check`, start-up and tests share them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.summaries import differences


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
    # The first row may be a header ("*** in database main ***"), not a finding.
    findings = [row.strip() for row in rows if not row.startswith("***")] or rows
    return [Problem("integrity", _("SQLite reports damage: {detail}.", detail="; ".join(findings[:3])))]


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


def ledger_draws(db: Database) -> list[Problem]:
    """No lot or debt has more drawn on it than it holds, and every draw matches what it draws on."""
    over = db.execute(
        "SELECT b.id, b.quantity, SUM(d.quantity) FROM ledger b JOIN ledger d ON d.consumes = b.id GROUP BY b.id"
        " HAVING (b.quantity + SUM(d.quantity)) * b.quantity < 0 OR abs(b.quantity + SUM(d.quantity)) > abs(b.quantity)"
        " LIMIT 10"
    ).fetchall()
    problems = [
        Problem(
            "ledger",
            _(
                "Ledger row {id} has more drawn on it than it holds ({held} held, {drawn} drawn).",
                id=row_id,
                held=held,
                drawn=-drawn,
            ),
        )
        for row_id, held, drawn in over
    ]
    mismatched = db.execute(
        "SELECT d.id, b.id FROM ledger d JOIN ledger b ON b.id = d.consumes"
        " WHERE b.customer_id != d.customer_id OR b.programme_id != d.programme_id OR b.consumes IS NOT NULL"
        " OR (b.quantity > 0) = (d.quantity > 0) LIMIT 10"
    ).fetchall()
    problems.extend(
        Problem("ledger", _("Ledger row {id} draws on row {other}, which it does not match.", id=d, other=b))
        for d, b in mismatched
    )
    return problems


def ledger_expiry(db: Database) -> list[Problem]:
    """Expiries only ever expire lots whose last day has passed."""
    rows = db.execute(
        "SELECT e.id, l.id FROM ledger e JOIN ledger l ON l.id = e.consumes WHERE e.kind = 'expire'"
        " AND (l.expires_on IS NULL OR e.business_date <= l.expires_on) LIMIT 10"
    ).fetchall()
    return [
        Problem("ledger", _("Ledger row {id} expires row {other} before its expiry date.", id=e, other=lot))
        for e, lot in rows
    ]


def ledger_sums(db: Database) -> list[Problem]:
    """Each redemption drew its cost, each sale earned what it recorded, a merged customer holds nothing."""
    redemptions = db.execute(
        # What each redemption drew, summed in one pass (a join would index the whole ledger each time).
        "SELECT r.id, r.quantity, -COALESCE(d.drawn, 0) FROM redemptions r LEFT JOIN ("
        "SELECT redemption_id, SUM(quantity) AS drawn FROM ledger WHERE redemption_id IS NOT NULL"
        " GROUP BY redemption_id) d ON d.redemption_id = r.id WHERE -COALESCE(d.drawn, 0) != r.quantity LIMIT 10"
    ).fetchall()
    problems = [
        Problem("ledger", _("Redemption {id} cost {cost} but drew {drawn}.", id=rid, cost=cost, drawn=drawn))
        for rid, cost, drawn in redemptions
    ]
    earnings = db.execute(
        "SELECT e.sale_id, e.visit_units + e.amount_units, COALESCE(SUM(l.quantity), 0) FROM sale_earnings e"
        " LEFT JOIN ledger l ON l.sale_id = e.sale_id AND l.programme_id = e.programme_id AND l.kind = 'earn'"
        " GROUP BY e.sale_id, e.programme_id HAVING COALESCE(SUM(l.quantity), 0) != e.visit_units + e.amount_units"
        " LIMIT 10"
    ).fetchall()
    problems.extend(
        Problem(
            "ledger",
            _("Sale {id} should have earned {expected} but the ledger shows {found}.", id=s, expected=e, found=f),
        )
        for s, e, f in earnings
    )
    merged = db.execute(
        "SELECT c.id, SUM(l.quantity) FROM customers c JOIN ledger l ON l.customer_id = c.id"
        " WHERE c.merged_into IS NOT NULL GROUP BY c.id HAVING SUM(l.quantity) != 0 LIMIT 10"
    ).fetchall()
    problems.extend(
        Problem("ledger", _("Customer {id} was merged but still holds {quantity} units.", id=c, quantity=q))
        for c, q in merged
    )
    return problems


def lot_remaining(db: Database) -> list[Problem]:
    """What is stored as left of each lot and debt (schema 0004's derived table) equals the ledger replayed."""
    rows = db.execute(
        "SELECT l.id FROM ledger l LEFT JOIN lot_remaining r ON r.lot_id = l.id WHERE l.consumes IS NULL"
        " AND (r.lot_id IS NULL OR r.customer_id != l.customer_id OR r.programme_id != l.programme_id"
        " OR r.expires_on IS NOT l.expires_on"
        " OR r.remaining != l.quantity + COALESCE((SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = l.id), 0))"
        " UNION SELECT r.lot_id FROM lot_remaining r LEFT JOIN ledger l ON l.id = r.lot_id"
        " WHERE l.id IS NULL OR l.consumes IS NOT NULL ORDER BY 1 LIMIT 10"
    ).fetchall()
    return [
        Problem("ledger", _("What is stored as left of ledger row {id} does not match the ledger.", id=row_id))
        for (row_id,) in rows
    ]


def summaries(db: Database) -> list[Problem]:
    """The summary tables the figures read (schema 0006) equal what the sales and the ledger say."""
    return [
        Problem(
            "summaries", _("The summary table {table} is out of step with the data ({count} rows).", table=t, count=n)
        )
        for t, n in differences(db).items()
    ]


# Other modules' consistency checks (e.g. ledger sums) are appended here.
DOMAIN_CHECKS: list[CheckFn] = [
    foreign_keys,
    search_index,
    returns_within_sales,
    returns_of_customer,
    ledger_draws,
    ledger_expiry,
    ledger_sums,
    lot_remaining,
    summaries,
]


def check_store(db: Database, *, quick: bool = False) -> list[Problem]:
    """Every problem found in the store; an empty list means healthy."""
    problems = sqlite_integrity(db, quick=quick)
    if problems:
        return problems
    for check in DOMAIN_CHECKS:
        problems.extend(check(db))
    return problems
