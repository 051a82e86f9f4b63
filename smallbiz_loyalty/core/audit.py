"""The audit log: who did what sensitive thing, and when. Append-only."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def record(db: Database, *, at: str, staff_id: int | None, action: str, subject: str = "", **detail: Any) -> None:
    """Append one entry (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO audit_log (at, staff_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
        [at, staff_id, action, subject, json.dumps(detail, ensure_ascii=False, default=str)],
    )
