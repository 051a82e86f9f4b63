"""The loyalty figures of a period [start, end) of business dates, read from the
ledger with its own rules: what counts as issued (earned, birthday, referral,
a positive correction — not opening balances, merges or reversals), redeemed,
expired; the liability at the end; rewards, vouchers and birthday gifts.

The keys are those of `metrics.LOYALTY_KEYS`."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

# A redemption undone at the counter (core/undo.py marks it in the audit log)
# gave its units back: it does not count as redeemed.
_UNDONE = "SELECT CAST(subject AS INTEGER) FROM audit_log WHERE action = 'undo_redemption'"
_REDEEMED = f"l.kind = 'redeem' AND (l.redemption_id IS NULL OR l.redemption_id NOT IN ({_UNDONE}))"
_ISSUED = "l.kind IN ('earn', 'birthday', 'referral') OR (l.kind = 'adjust' AND l.quantity > 0 AND l.consumes IS NULL)"


def _units(db: Database, unit: str, condition: str, start: date, end: date) -> int:
    (total,) = db.execute(
        f"SELECT COALESCE(SUM(l.quantity), 0) FROM ledger l JOIN programmes p ON p.id = l.programme_id"
        f" WHERE p.unit = ? AND ({condition}) AND l.business_date >= ? AND l.business_date < ?",
        [unit, start.isoformat(), end.isoformat()],
    ).fetchone()
    return abs(total)


def liability(db: Database, end: date) -> int:
    """What the points and credit held when `end` began are worth, in minor units (value per unit × units).

    A lot's balance on `end` is what it holds now (lot_remaining) plus back whatever was drawn from
    it on or after `end`; only lots with something left now, or drawn on since, can count."""
    (total,) = db.execute(
        """
        WITH valued AS (
            SELECT id FROM programmes WHERE value_per_unit > 0
        ), later AS (
            SELECT consumes AS lot_id, SUM(quantity) AS drawn FROM ledger INDEXED BY ledger_business_date
            WHERE business_date >= :end AND consumes IS NOT NULL AND programme_id IN valued GROUP BY consumes
        ), candidates AS (
            SELECT lot_id FROM lot_remaining
            WHERE remaining != 0 AND remaining > 0 AND programme_id IN valued
            UNION SELECT lot_id FROM later
        )
        SELECT COALESCE(SUM(MAX(r.remaining - COALESCE(later.drawn, 0), 0) * p.value_per_unit), 0)
        FROM candidates c
        JOIN lot_remaining r ON r.lot_id = c.lot_id
        JOIN ledger l ON l.id = c.lot_id
        JOIN programmes p ON p.id = l.programme_id
        LEFT JOIN later ON later.lot_id = c.lot_id
        WHERE l.quantity > 0 AND l.business_date < :end
          AND (l.expires_on IS NULL OR l.expires_on >= :end)
        """,
        {"end": end.isoformat()},
    ).fetchone()
    return total


def _count(db: Database, table: str, condition: str, day_column: str, start: date, end: date) -> int:
    (total,) = db.execute(
        f"SELECT COUNT(*) FROM {table} WHERE {condition} AND {day_column} >= ? AND {day_column} < ?",
        [start.isoformat(), end.isoformat()],
    ).fetchone()
    return total


def loyalty_figures(db: Database, start: date, end: date) -> dict[str, Any]:
    """Loyalty figures for [start, end); `redemption_rate` is None when nothing was issued."""
    issued = _units(db, "points", _ISSUED, start, end)
    redeemed = _units(db, "points", _REDEEMED, start, end)
    return {
        "points_issued": issued,
        "points_redeemed": redeemed,
        "points_expired": _units(db, "points", "l.kind = 'expire'", start, end),
        "stamps_issued": _units(db, "stamps", _ISSUED, start, end),
        "stamps_redeemed": _units(db, "stamps", _REDEEMED, start, end),
        "points_liability": liability(db, end),
        "redemption_rate": redeemed / issued if issued else None,
        "rewards_redeemed": _count(
            db, "redemptions", f"reward_id IS NOT NULL AND id NOT IN ({_UNDONE})", "business_date", start, end
        ),
        "vouchers_issued": _count(db, "vouchers", "1", "business_date", start, end),
        "vouchers_redeemed": _count(db, "vouchers", "1", "redeemed_on", start, end),
        "birthday_gifts_issued": _count(db, "birthday_gifts", "1", "issued_on", start, end),
        "birthday_gifts_used": _count(db, "vouchers", "source = 'birthday'", "redeemed_on", start, end),
    }
