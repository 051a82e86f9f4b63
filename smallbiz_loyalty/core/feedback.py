"""Net Promoter Score answers and the follow-up list of unhappy customers.

"How likely are you to recommend us to a friend?" 0–10: 9–10 promoters,
7–8 passives, 0–6 detractors. A detractor with a known customer stays on the
follow-up list until the owner marks it handled, saying what was done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.errors import InvalidInput, NotFound, RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.text import clean_text, to_ascii_digits

SOURCES = ("counter", "kiosk", "paper")
COMMENT_MAX = 1000
SCORE_DIGITS_MAX = 10  # "0010" is still a 10; more digits than this never are
_COLUMNS = (
    "f.id, f.score, f.comment, f.customer_id, f.sale_id, f.source, f.business_date, f.created_at,"
    " f.handled_at, f.handled_note, c.name, c.phone"
)


@dataclass(frozen=True)
class Feedback:
    id: int
    score: int
    comment: str
    customer_id: int | None
    sale_id: int | None
    source: str
    business_date: date
    created_at: str
    handled_at: str | None
    handled_note: str | None
    customer_name: str | None
    customer_phone: str | None

    @property
    def group(self) -> str:
        """ "promoter", "passive" or "detractor"."""
        return "promoter" if self.score >= 9 else "passive" if self.score >= 7 else "detractor"


def _row(row: tuple[Any, ...]) -> Feedback:
    values = list(row)
    values[6] = date.fromisoformat(values[6])
    return Feedback(*values)


def check_score(value: object) -> int:
    """A score typed or tapped: a whole number from 0 to 10, digits of any script."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value) if 0 <= value <= 10 else ""  # str() refuses ints past 4300 digits
    text = to_ascii_digits(value.strip()) if isinstance(value, str) else ""
    # ASCII digits only ("²" is a digit int() refuses) and short (int() refuses past 4300 digits).
    if not (text.isascii() and text.isdigit()) or len(text) > SCORE_DIGITS_MAX or not 0 <= int(text) <= 10:
        raise InvalidInput("score", _("A score must be a whole number from 0 to 10."))
    return int(text)


def insert_feedback(
    db: Database,
    *,
    score: object,
    comment: object = None,
    customer_id: int | None = None,
    sale_id: int | None = None,
    source: str = "counter",
    business_date: date,
    now: str,
    staff_id: int | None,
) -> Feedback:
    """Store one answer (inside the caller's transaction); one answer per sale at most."""
    checked = check_score(score)
    text = clean_text(comment, field="comment", label=_("The comment"), max_length=COMMENT_MAX, multiline=True)
    if source not in SOURCES:
        raise InvalidInput("source", _("The source must be one of: {choices}.", choices=", ".join(SOURCES)))
    if sale_id is not None:
        row = db.execute("SELECT customer_id FROM sales WHERE id = ?", [sale_id]).fetchone()
        if row is None:
            raise NotFound(_("There is no sale number {id}.", id=sale_id))
        if customer_id is not None and row[0] is not None and row[0] != customer_id:
            raise InvalidInput("sale", _("Sale {id} belongs to another customer.", id=sale_id))
        customer_id = customer_id if customer_id is not None else row[0]
        if db.execute("SELECT 1 FROM feedback WHERE sale_id = ?", [sale_id]).fetchone():
            raise RuleViolation(_("Sale {id} already has an answer; one answer per sale.", id=sale_id))
    if customer_id is not None and not db.execute("SELECT 1 FROM customers WHERE id = ?", [customer_id]).fetchone():
        raise NotFound(_("There is no customer number {id}.", id=customer_id))
    cursor = db.execute(
        "INSERT INTO feedback (score, comment, customer_id, sale_id, source, business_date, created_at, staff_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [checked, text, customer_id, sale_id, source, business_date.isoformat(), now, staff_id],
    )
    return get_feedback(db, cursor.lastrowid)


def get_feedback(db: Database, feedback_id: int) -> Feedback:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id = ?",
        [feedback_id],
    ).fetchone()
    if row is None:
        raise NotFound(_("There is no answer number {id}.", id=feedback_id))
    return _row(row)


def follow_ups(db: Database, *, limit: int = 200) -> list[Feedback]:
    """Unhappy known customers not yet answered, oldest first (they have waited longest)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM feedback f JOIN customers c ON c.id = f.customer_id"
        " WHERE f.score <= 6 AND f.customer_id IS NOT NULL AND f.handled_at IS NULL"
        " ORDER BY f.business_date, f.id LIMIT ?",
        [limit],
    )
    return [_row(r) for r in rows]


def mark_handled(db: Database, feedback_id: int, *, note: object, now: str, staff_id: int | None) -> Feedback:
    """Take a detractor off the follow-up list, recording what was done."""
    answer = get_feedback(db, feedback_id)
    text = clean_text(
        note, field="note", label=_("What was done"), max_length=COMMENT_MAX, required=True, multiline=True
    )
    if answer.handled_at is not None:
        raise RuleViolation(_("This answer was already handled on {date}.", date=answer.handled_at[:10]))
    if answer.group != "detractor":
        raise RuleViolation(_("Only unhappy answers (0 to 6) need a follow-up."))
    db.execute(
        "UPDATE feedback SET handled_at = ?, handled_by = ?, handled_note = ? WHERE id = ? AND handled_at IS NULL",
        [now, staff_id, text, feedback_id],
    )
    return get_feedback(db, feedback_id)


def feedback_of_customer(db: Database, customer_id: int) -> list[Feedback]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id"
        " WHERE f.customer_id = ? ORDER BY f.business_date DESC, f.id DESC",
        [customer_id],
    )
    return [_row(r) for r in rows]
