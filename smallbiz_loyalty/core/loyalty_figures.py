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


def _units(db: Database, start: date, end: date) -> dict[str, dict[str, int]]:
    """Units issued, redeemed and expired in [start, end) per unit (points, stamps), from the
    ledger's day sums (schema 0006). Issued: earned, birthday, referral and positive corrections —
    not opening balances, merges or reversals."""
    found = {unit: {"issued": 0, "redeemed": 0, "expired": 0} for unit in ("points", "stamps")}
    rows = db.execute(
        """SELECT p.unit,
                  SUM(CASE WHEN d.kind IN ('earn', 'birthday', 'referral')
                             OR (d.kind = 'adjust' AND d.positive = 1 AND d.lot = 1) THEN d.quantity ELSE 0 END),
                  SUM(CASE WHEN d.kind = 'redeem' THEN d.quantity ELSE 0 END),
                  SUM(CASE WHEN d.kind = 'expire' THEN d.quantity ELSE 0 END)
           FROM ledger_days d JOIN programmes p ON p.id = d.programme_id
           WHERE d.business_date >= ? AND d.business_date < ? GROUP BY p.unit""",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    undone = dict(
        db.execute(
            f"""SELECT p.unit, SUM(l.quantity) FROM redemptions r
                JOIN ledger l ON l.customer_id = r.customer_id AND l.redemption_id = r.id AND l.kind = 'redeem'
                JOIN programmes p ON p.id = l.programme_id
                WHERE r.id IN ({_UNDONE}) AND l.business_date >= ? AND l.business_date < ? GROUP BY p.unit""",
            [start.isoformat(), end.isoformat()],
        ).fetchall()
    )
    for unit, issued, redeemed, expired in rows:
        if unit in found:
            found[unit] = {
                "issued": issued,
                "redeemed": -(redeemed - undone.get(unit, 0)),
                "expired": -expired,
            }
    return found


def liability(db: Database, end: date) -> int:
    """What the points and credit held when `end` began are worth, in minor units (value per unit × units).

    Held = every positive lot dated before `end` plus every draw on one dated before `end`
    (the ledger's day sums), less what lots past their last day still held then: those that hold
    something now, and whatever was drawn from such lots on or after `end` (the day sums keep a
    draw on a lapsed lot under that lot's last day and date)."""
    (total,) = db.execute(
        """
        WITH valued AS (SELECT id, value_per_unit FROM programmes WHERE value_per_unit > 0)
        SELECT (SELECT COALESCE(SUM(d.quantity * v.value_per_unit), 0)
                FROM ledger_days d JOIN valued v ON v.id = d.programme_id
                WHERE d.business_date < :end AND d.lot = d.positive)
             - (SELECT COALESCE(SUM(-d.quantity * v.value_per_unit), 0)
                FROM ledger_days d JOIN valued v ON v.id = d.programme_id
                WHERE d.business_date >= :end AND d.lot = 0 AND d.positive = 0
                  AND d.lapsed_on != '' AND d.lapsed_on < :end AND d.lapsed_lot_date < :end)
             - (SELECT COALESCE(SUM(r.remaining * v.value_per_unit), 0)
                FROM lot_remaining r JOIN valued v ON v.id = r.programme_id JOIN ledger l ON l.id = r.lot_id
                WHERE r.remaining > 0 AND r.expires_on IS NOT NULL AND r.expires_on < :end
                  AND l.business_date < :end)
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
    units = _units(db, start, end)
    points, stamps = units["points"], units["stamps"]
    return {
        "points_issued": points["issued"],
        "points_redeemed": points["redeemed"],
        "points_expired": points["expired"],
        "stamps_issued": stamps["issued"],
        "stamps_redeemed": stamps["redeemed"],
        "points_liability": liability(db, end),
        "redemption_rate": points["redeemed"] / points["issued"] if points["issued"] else None,
        "rewards_redeemed": _count(
            db, "redemptions", f"reward_id IS NOT NULL AND id NOT IN ({_UNDONE})", "business_date", start, end
        ),
        "vouchers_issued": _count(db, "vouchers", "1", "business_date", start, end),
        "vouchers_redeemed": _count(db, "vouchers", "1", "redeemed_on", start, end),
        "birthday_gifts_issued": _count(db, "birthday_gifts", "1", "issued_on", start, end),
        "birthday_gifts_used": _count(db, "vouchers", "source = 'birthday'", "redeemed_on", start, end),
    }
