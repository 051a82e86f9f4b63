"""Privacy: everything the shop holds about one customer, and erasing them.

`export_customer` gathers it all as plain data (JSON-ready); `write_export`
writes it as a JSON file and a spreadsheet-friendly CSV (UTF-8 with BOM), whole
or not at all, and hands the data to a PDF renderer when one is given (the
reports layer's `reports.privacy`; core never imports it).

`erase_customer` removes the person but keeps the shop's books: name, phone,
email, birthday, notes, import id and card code are replaced or cleared, search
finds nothing, consent is off. Sales, ledger rows and NPS answers stay, linked
to the erased id, so revenue and retention figures do not change. What is left
of their points is written off through the ledger (an `adjust` draw, the same
way a correction takes units away), and their unused vouchers are cancelled.
Duplicates merged into them are erased with them: they are the same person."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, ledger
from smallbiz_loyalty.core.customers import get_customer
from smallbiz_loyalty.core.dates import Birthday
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import N_, _
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.money import major_str
from smallbiz_loyalty.core.permissions import require_staff
from smallbiz_loyalty.core.settings import load_settings
from smallbiz_loyalty.core.text import clean_text

ERASED_NAME = N_("Erased customer #{id}")
WRITE_OFF_REASON = N_("Written off: customer erased")
REASON_MAX = 200
# Renders the export as a PDF at the given path (see reports.privacy).
PdfRenderer = Callable[[Path, dict[str, Any]], object]

_CUSTOMER_COLUMNS = (
    "id, name, phone, email, birth_month, birth_day, birth_year, card_code, referred_by, consent_marketing,"
    " consent_notes, notes, external_id, created_at, updated_at, erased_at, merged_into"
)
# Every list section of an export: its key → the query for one customer id (in order).
_SECTIONS: dict[str, str] = {
    "sales": "SELECT id, key, kind, amount, category, business_date, created_at, original_sale_id, voided_at,"
    " void_reason FROM sales WHERE customer_id = ? ORDER BY id",
    "ledger": "SELECT l.id, l.business_date, p.name AS programme, p.unit, l.kind, l.quantity, l.expires_on, l.reason,"
    " l.sale_id, l.created_at FROM ledger l JOIN programmes p ON p.id = l.programme_id WHERE l.customer_id = ?"
    " ORDER BY l.id",
    "vouchers": "SELECT code, kind, item, value, source, issued_at, valid_until, redeemed_at, redeemed_on"
    " FROM vouchers WHERE customer_id = ? ORDER BY id",
    "redemptions": "SELECT r.id, r.business_date, p.name AS programme, w.name AS reward, r.quantity, r.created_at"
    " FROM redemptions r JOIN programmes p ON p.id = r.programme_id LEFT JOIN rewards w ON w.id = r.reward_id"
    " WHERE r.customer_id = ? ORDER BY r.id",
    "feedback": "SELECT business_date, score, comment, source, sale_id, handled_at, handled_note"
    " FROM feedback WHERE customer_id = ? ORDER BY id",
    "tier_history": "SELECT h.since, p.name AS programme, t.name AS tier, h.reason FROM customer_tiers h"
    " JOIN programmes p ON p.id = h.programme_id LEFT JOIN tiers t ON t.id = h.tier_id"
    " WHERE h.customer_id = ? ORDER BY h.id",
    "birthday_gifts": "SELECT g.year, g.birthday, p.name AS programme, g.issued_on FROM birthday_gifts g"
    " JOIN programmes p ON p.id = g.programme_id WHERE g.customer_id = ? ORDER BY g.id",
    "referred_customers": "SELECT id AS customer_id, created_at FROM customers WHERE referred_by = ? ORDER BY id",
    "opening_balances": "SELECT unit, quantity, source, created_at FROM opening_balances WHERE customer_id = ?"
    " ORDER BY id",
}


def _rows(db: Database, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _customer_record(row: dict[str, Any]) -> dict[str, Any]:
    month, day, year = row.pop("birth_month"), row.pop("birth_day"), row.pop("birth_year")
    row["birthday"] = Birthday(month, day, year).iso() if month else None
    row["consent_marketing"] = bool(row["consent_marketing"])
    row["consent_notes"] = bool(row["consent_notes"])
    return row


def export_customer(db: Database, customer_id: int, *, today: date) -> dict[str, Any]:
    """Everything the shop holds about one customer, as JSON-ready data.

    Sections: the customer's details (and those of duplicates merged into them),
    balances on `today`, sales, ledger, vouchers, redemptions, NPS answers, tier
    history, birthday gifts, the customers they referred and imported opening
    balances. Amounts are in minor units with `currency`; `*_text` fields are major units."""
    customer = get_customer(db, customer_id)
    if customer.erased_at is not None:
        raise RuleViolation(_("Customer {id} has been erased; nothing personal is left to export.", id=customer_id))
    currency = load_settings(db)["currency"]
    details = _rows(db, f"SELECT {_CUSTOMER_COLUMNS} FROM customers WHERE id = ?", [customer_id])[0]
    merged = _rows(db, f"SELECT {_CUSTOMER_COLUMNS} FROM customers WHERE merged_into = ? ORDER BY id", [customer_id])
    data: dict[str, Any] = {
        "as_of": today.isoformat(),
        "currency": currency,
        "customer": _customer_record(details),
        "merged_from": [_customer_record(row) for row in merged],
        "balances": _balances(db, customer_id, today),
    }
    for section, sql in _SECTIONS.items():
        data[section] = _rows(db, sql, [customer_id])
    for sale in data["sales"]:
        sale["amount_text"] = major_str(sale["amount"], currency)
    return data


def _balances(db: Database, customer_id: int, today: date) -> list[dict[str, Any]]:
    held = ledger.balances(db, customer_id, today)
    rows = db.execute("SELECT id, name, unit FROM programmes ORDER BY sort_order, id").fetchall()
    return [{"programme": name, "unit": unit, "balance": held[pid]} for pid, name, unit in rows if pid in held]


# -- writing the files ----------------------------------------------------------
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def csv_cell(value: object) -> str:
    """A value as a CSV cell a spreadsheet shows as text: a cell that would start a
    formula (=, +, -, @) gets a leading apostrophe, unless it is just a number."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(text):
        return "'" + text
    return text


def export_csv(data: dict[str, Any]) -> str:
    """The export as one CSV text: the details as field/value pairs, then each list
    section under its name with its own header row, a blank line between sections."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["customer"])
    writer.writerow(["field", "value"])
    for field, value in data["customer"].items():
        writer.writerow([field, csv_cell(value)])
    for section in ("merged_from", "balances", *_SECTIONS):
        rows = data[section]
        writer.writerow([])
        writer.writerow([section])
        if rows:
            writer.writerow(list(rows[0]))
            writer.writerows([csv_cell(v) for v in row.values()] for row in rows)
    return out.getvalue()


def write_export(data: dict[str, Any], folder: Path, *, render_pdf: PdfRenderer | None = None) -> list[Path]:
    """Write `data` into `folder` as customer-<id>.json, .csv (UTF-8 with BOM) and, with
    `render_pdf`, .pdf; returns the paths. On any failure none of the files is left behind."""
    folder = Path(folder)
    if not _is_folder(folder):
        raise InvalidInput(
            "folder",
            _("The folder {folder} does not exist; choose another place for the files.", folder=_shown(folder)),
        )
    stem = folder / f"customer-{data['customer']['id']}"
    texts = {
        stem.with_suffix(".json"): json.dumps(data, ensure_ascii=False, indent=2),
        stem.with_suffix(".csv"): export_csv(data),
    }
    written: list[Path] = []
    try:
        for path, text in texts.items():
            _write_whole(path, text, encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8")
            written.append(path)
        if render_pdf is not None:
            render_pdf(stem.with_suffix(".pdf"), data)
            written.append(stem.with_suffix(".pdf"))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def _shown(path: Path) -> str:
    """A path as a message may echo it: no control or format characters, and not endless."""
    text = "".join(ch for ch in str(path) if unicodedata.category(ch) not in ("Cc", "Cf"))
    return text if len(text) <= 120 else text[:119] + "…"


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long, or with a NUL in it: no such folder
        return False


def _write_whole(path: Path, text: str, *, encoding: str) -> None:
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Never replace a device, a pipe or a link that happens to carry the name.
        raise InvalidInput("folder", _("{path} exists and is not a file; choose another folder.", path=_shown(path)))
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with open(handle, "w", encoding=encoding, newline="") as out:
                out.write(text)
            os.replace(temp_name, path)
        finally:
            Path(temp_name).unlink(missing_ok=True)
    except OSError as exc:
        raise InvalidInput(
            "folder", _("{path} cannot be written: {reason}.", path=_shown(path), reason=exc.strerror or str(exc))
        ) from exc


# -- erasing ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Erased:
    customer_id: int
    written_off: dict[int, int]  # programme id → units written off (debts cleared count negative)
    vouchers_cancelled: int
    also_erased: tuple[int, ...]  # duplicates that had been merged into the customer


def erase_customer(db: Database, customer_id: int, *, now: str, today: date, by: int, reason: object) -> Erased:
    """Erase a customer's personal data for good, keeping the shop's figures (owner only; audited).

    The old values are overwritten in the file too (SQLite's secure_delete, the
    search indexes rebuilt, the write-ahead log checkpointed), not just hidden;
    backups made before keep them until the rotation removes those backups."""
    require_staff(db, by, "erase")
    why = clean_text(reason, field="reason", label=_("The reason"), max_length=REASON_MAX, required=True)
    (secure,) = db.execute("PRAGMA secure_delete").fetchone()
    db.execute("PRAGMA secure_delete = ON")
    try:
        with transaction(db):
            erased = _erase(db, customer_id, Context(today=today, now=now, staff_id=by))
            audit.record(
                db, at=now, staff_id=by, action="erase_customer", subject=str(customer_id), reason=why,
                written_off={str(k): v for k, v in erased.written_off.items()},
                vouchers_cancelled=erased.vouchers_cancelled, also_erased=list(erased.also_erased),
            )  # fmt: skip
    finally:
        db.execute(f"PRAGMA secure_delete = {int(secure)}")
    if not db.conn.in_transaction:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old page images leave the -wal file too
    return erased


def _erase(db: Database, customer_id: int, ctx: Context) -> Erased:
    customer = get_customer(db, customer_id)
    if customer.erased_at is not None:
        raise RuleViolation(_("Customer {id} was already erased.", id=customer_id))
    if customer.merged_into is not None:
        raise RuleViolation(
            _("{name} was merged into customer {id}; erase that customer instead.",
              name=customer.name, id=customer.merged_into)
        )  # fmt: skip
    written_off = _write_off(db, ctx, customer_id)
    cancelled = db.execute(
        "UPDATE vouchers SET redeemed_at = ?, redeemed_by = ? WHERE customer_id = ? AND redeemed_at IS NULL",
        [ctx.now, ctx.staff_id, customer_id],
    ).rowcount
    duplicates = _merged_into(db, customer_id)
    for erased_id in (customer_id, *duplicates):
        _forget_referrer_name(db, erased_id)
        _tombstone(db, erased_id, ctx.now)
    for index in ("customer_name_fts", "customer_phone_fts"):
        # Rebuild the index's pages so the old name and digits are not left in them.
        db.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")
    return Erased(customer_id, written_off, cancelled, duplicates)


def _write_off(db: Database, ctx: Context, customer_id: int) -> dict[int, int]:
    """Draw what is left of every lot to zero and clear every debt, one `adjust` row each."""
    reason = _(WRITE_OFF_REASON)
    written: dict[int, int] = {}
    programme_ids = [
        r[0] for r in db.execute("SELECT DISTINCT programme_id FROM ledger WHERE customer_id = ?", [customer_id])
    ]
    for programme_id in programme_ids:
        ledger.expire_customer(db, ctx, customer_id, programme_id)  # expired units expire, as they would have
        lots = ledger.open_lots(db, customer_id, programme_id, ctx.today)
        units = ledger.draw(
            db, ctx, kind="adjust", lots=lots, quantity=sum(lot.remaining for lot in lots), customer_id=customer_id,
            reason=reason,
        )  # fmt: skip
        for debt in ledger.open_debts(db, customer_id, programme_id):
            ledger.insert_row(
                db, ctx, kind="adjust", programme_id=programme_id, customer_id=customer_id, quantity=-debt.remaining,
                consumes=debt.id, reason=reason,
            )  # fmt: skip
            units += debt.remaining
        if units:
            written[programme_id] = units
    return written


def _merged_into(db: Database, customer_id: int) -> tuple[int, ...]:
    """Every customer merged into this one, directly or through a chain of merges."""
    found: list[int] = []
    frontier = [customer_id]
    while frontier:
        marks = ",".join("?" * len(frontier))
        frontier = [
            r[0] for r in db.execute(f"SELECT id FROM customers WHERE merged_into IN ({marks}) ORDER BY id", frontier)
        ]
        frontier = [cid for cid in frontier if cid not in found and cid != customer_id]
        found.extend(frontier)
    return tuple(found)


def _forget_referrer_name(db: Database, customer_id: int) -> None:
    """The cashier's "Referral bonus for <name>" line, kept with the referred customer's sale, loses the name."""
    placeholder = _(ERASED_NAME, id=customer_id)
    rows = db.execute(
        "SELECT e.sale_id, e.events FROM sale_events e JOIN referral_bonuses b ON b.sale_id = e.sale_id"
        " WHERE b.referrer_id = ?",
        [customer_id],
    ).fetchall()
    for sale_id, text in rows:
        events = json.loads(text)
        for event in events:
            if event.get("e") == "referral_bonus":
                event["name"] = placeholder
        db.execute(
            "UPDATE sale_events SET events = ? WHERE sale_id = ?", [json.dumps(events, ensure_ascii=False), sale_id]
        )


def _tombstone(db: Database, customer_id: int, now: str) -> None:
    # The card code gets a dash, which no real (normalised) card code has, so it stays unique
    # and no scan or typed code can ever find it.
    db.execute(
        "UPDATE customers SET name = ?, name_key = '', phone = NULL, phone_digits = '', email = '',"
        " birth_month = NULL, birth_day = NULL, birth_year = NULL, card_code = ?, consent_marketing = 0,"
        " consent_notes = 0, notes = '', external_id = '', updated_at = ?, erased_at = ? WHERE id = ?",
        [_(ERASED_NAME, id=customer_id), f"ERASED-{customer_id}", now, now, customer_id],
    )
