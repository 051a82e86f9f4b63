"""The audit log: who did what sensitive thing, and when. Append-only.

Writers call `record` inside the transaction of the action itself, so an
action and its entry land together or not at all. The owner reads the log
newest first with `audit_entries` (the viewer pages through it)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _

MAX_PAGE = 1000


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # UTC ISO timestamp
    staff_id: int | None  # who did it (None: not known, e.g. a wrong PIN)
    staff_name: str | None
    action: str  # e.g. "settings", "erase_customer", "sign_in_failed"
    subject: str  # what it was done to: a customer id, a file name, …
    detail: dict[str, Any]


def record(db: Database, *, at: str, staff_id: int | None, action: str, subject: str = "", **detail: Any) -> None:
    """Append one entry (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO audit_log (at, staff_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
        [at, staff_id, action, subject, json.dumps(detail, ensure_ascii=False, default=str)],
    )


def _page_bound(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            field, _("{label} must be a whole number from {low} to {high}.", label=field, low=low, high=high)
        )
    return value


def audit_entries(
    db: Database, limit: int = 100, offset: int = 0, *, action: str | None = None, subject: str | None = None
) -> list[AuditEntry]:
    """Entries newest first, `limit` of them after skipping `offset`; optionally one action or subject."""
    limit = _page_bound(limit, "limit", 1, MAX_PAGE)
    offset = _page_bound(offset, "offset", 0, 2**62)
    where, params = [], []
    if action is not None:
        where.append("a.action = ?")
        params.append(action)
    if subject is not None:
        where.append("a.subject = ?")
        params.append(subject)
    sql = (
        "SELECT a.id, a.at, a.staff_id, s.name, a.action, a.subject, a.detail FROM audit_log a"
        " LEFT JOIN staff s ON s.id = a.staff_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.id DESC LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    return [
        AuditEntry(i, at, sid, name, act, subj, json.loads(detail or "{}"))
        for i, at, sid, name, act, subj, detail in rows
    ]


def count_entries(db: Database, *, action: str | None = None) -> int:
    """How many entries the log holds (of one action, when given)."""
    if action is None:
        return db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return db.execute("SELECT count(*) FROM audit_log WHERE action = ?", [action]).fetchone()[0]
