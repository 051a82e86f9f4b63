"""Import a customer list (Square, Loyverse, Shopify or a spreadsheet) into the store.

`csv_formats` maps the file's columns to raw text; this module judges every row
with the same checks as enrolment at the counter, and stores the good rows, all
of them in ONE transaction. A bad row never stops the good ones: it is reported
by its line number with the reason. Balances brought from the old system go to
`opening_balances`; the loyalty ledger turns them into opening entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, customers
from smallbiz_loyalty.core.csv_formats import MAX_BYTES, ImportRow, RowProblem, read_customer_csv
from smallbiz_loyalty.core.customers import CustomerFields
from smallbiz_loyalty.core.dates import utc_iso
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import DuplicateCustomer, InvalidInput
from smallbiz_loyalty.core.i18n import N_, _
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel, no_progress
from smallbiz_loyalty.core.text import clean_text, search_key, shown, shown_path, to_ascii_digits

DUPLICATE_CHOICES = ("skip", "update")
PROGRESS_EVERY = 500
DESCRIBE_LIMIT = 50  # problems listed by `ImportReport.describe`; the rest are counted
MAX_OPENING = 10_000_000  # a larger opening balance is a typo (or a column mix-up)
EXTERNAL_ID_MAX = 100
_CARD_CODE = re.compile(r"[0-9A-Z]{4,20}")  # other systems print shorter and longer codes than ours
_WHOLE = re.compile(r"(\d+)(?:\.0*)?")  # "12" or "12.00": a whole number however it was written
_CONSENT_SEPARATORS = re.compile(r"[\s_\-]+")
_CONSENT_YES = frozenset({"yes", "y", "true", "t", "1", "subscribed", "opted in", "opt in", "accepted", "نعم"})
# "pending" is an unconfirmed double opt-in: not consent yet.
_CONSENT_NO = frozenset(
    {"no", "n", "false", "f", "0", "unsubscribed", "not subscribed", "never subscribed", "opted out", "opt out"}
    | {"declined", "pending", "لا"}
)
_FORMAT_LABELS = {"square": "Square", "loyverse": "Loyverse", "shopify": "Shopify", "generic": N_("a spreadsheet")}


def read_file(path: Path) -> bytes:
    """The bytes of the file to import, or `InvalidInput` saying why it cannot be read."""
    path = Path(path)
    try:
        if not path.exists():
            raise InvalidInput(
                "file", _("There is no file at {path}; check the name and the folder.", path=shown_path(path))
            )
        if path.is_dir():
            raise InvalidInput("file", _("{path} is a folder; choose the CSV file inside it.", path=shown_path(path)))
        if path.stat().st_size > MAX_BYTES:
            raise InvalidInput(
                "file",
                _(
                    "{path} is larger than {limit} MB; split it into smaller files and import them one by one.",
                    path=shown_path(path),
                    limit=MAX_BYTES // (1024 * 1024),
                ),
            )
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            "file", _("{path} cannot be read: {reason}.", path=shown_path(path), reason=exc.strerror or str(exc))
        ) from exc


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    format: str  # "square" | "loyverse" | "shopify" | "generic"
    dry_run: bool
    added: int
    updated: int
    skipped: int  # rows whose phone number was already known (on_duplicate="skip")
    points_opening: int  # opening points stored, summed over the customers
    stamps_opening: int
    problems: list[RowProblem]  # every row not imported, by line, with the reason

    def describe(self) -> str:
        """Several lines for people: what happened, then each problem by line."""
        lines = [self._summary()]
        if self.points_opening or self.stamps_opening:
            lines.append(
                _(
                    "Opening points: {points}; opening stamps: {stamps}.",
                    points=self.points_opening,
                    stamps=self.stamps_opening,
                )
            )
        if self.problems:
            lines.append(_("Rows not imported: {count}.", count=len(self.problems)))
            lines.extend(problem.message for problem in self.problems[:DESCRIBE_LIMIT])
            if len(self.problems) > DESCRIBE_LIMIT:
                lines.append(_("… and {count} more rows not imported.", count=len(self.problems) - DESCRIBE_LIMIT))
        return "\n".join(lines)

    def _summary(self) -> str:
        label = _(_FORMAT_LABELS.get(self.format, self.format))
        counts = {"format": label, "added": self.added, "updated": self.updated, "skipped": self.skipped}
        # Counts follow a colon so that no sentence depends on plural forms.
        if self.dry_run:
            return _(
                "Dry run of an import from {format}; nothing was changed. Customers that would be added: {added}; "
                "updated: {updated}; skipped because their phone number is already known: {skipped}.",
                **counts,
            )
        return _(
            "Import from {format} finished. Customers added: {added}; updated: {updated}; "
            "skipped because their phone number was already known: {skipped}.",
            **counts,
        )

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready values."""
        return {
            "format": self.format,
            "dry_run": self.dry_run,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "points_opening": self.points_opening,
            "stamps_opening": self.stamps_opening,
            "problems": [{"line": p.line, "message": p.message} for p in self.problems],
        }


@dataclass(frozen=True)
class _Checked:
    """One row that passed every check, ready to store."""

    row: ImportRow
    fields: CustomerFields
    consent_given: bool  # the file had a consent cell (else an update keeps the stored answer)
    points: int
    stamps: int
    external_id: str
    card_code: str
    created_at: str


@dataclass
class _Tally:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    points: int = 0
    stamps: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def record_audit(self, db: Database, *, at: str, staff_id: int | None, subject: str) -> None:
        audit.record(
            db,
            at=at,
            staff_id=staff_id,
            action="import",
            subject=subject,
            added=self.added,
            updated=self.updated,
            skipped=self.skipped,
            problems=len(self.problems),
        )

    def report(self, fmt: str, *, dry_run: bool) -> ImportReport:
        return ImportReport(
            format=fmt,
            dry_run=dry_run,
            added=self.added,
            updated=self.updated,
            skipped=self.skipped,
            points_opening=self.points,
            stamps_opening=self.stamps,
            problems=sorted(self.problems, key=lambda p: p.line),
        )


class _DryRun(Exception):
    """Raised inside the import's transaction to roll a dry run back."""


def import_customers(
    db: Database,
    data: bytes,
    *,
    region: str,
    now: str,
    staff_id: int | None,
    fmt: str = "auto",
    on_duplicate: str = "skip",
    dry_run: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ImportReport:
    """Import a customer CSV: every valid row in one transaction, bad rows reported by line.

    A phone number already in the store (or on an earlier row of the file) is
    skipped, or with ``on_duplicate="update"`` updates that customer. A dry run
    does all the work, then rolls it back, so its report is exact.
    Raises `InvalidInput` when the file as a whole cannot be read, and
    `Cancelled` (nothing written) when `should_cancel()` says so."""
    if on_duplicate not in DUPLICATE_CHOICES:
        raise InvalidInput(
            "on_duplicate",
            _(
                "{choice} is not a way to handle known phone numbers; choose one of {choices}.",
                choice=shown(on_duplicate, 20),
                choices=", ".join(DUPLICATE_CHOICES),
            ),
        )
    parsed = read_customer_csv(data, fmt)
    importer = _Importer(db, region=region, now=now, source=f"{parsed.format} import", on_duplicate=on_duplicate)
    importer.tally.problems.extend(parsed.problems)
    try:
        with transaction(db):
            importer.run(parsed.rows, progress or no_progress, should_cancel or never_cancel)
            if dry_run:
                raise _DryRun
            importer.tally.record_audit(db, at=now, staff_id=staff_id, subject=parsed.format)
    except _DryRun:
        pass  # `transaction` rolled everything back, as a dry run must
    return importer.tally.report(parsed.format, dry_run=dry_run)


class _Importer:
    """Checks and stores the rows of one file, counting what happened."""

    def __init__(self, db: Database, *, region: str, now: str, source: str, on_duplicate: str) -> None:
        self.db = db
        self.region = region
        self.now = now
        self.source = source
        self.on_duplicate = on_duplicate
        self.tally = _Tally()

    def run(self, rows: list[ImportRow], progress: Progress, should_cancel: ShouldCancel) -> None:
        label = _("Importing customers…")
        for index, row in enumerate(rows):
            if index % PROGRESS_EVERY == 0:
                if should_cancel():
                    raise Cancelled()
                progress(index, len(rows), label)
            try:
                checked = _check_row(row, self.region, self.now)
                # A savepoint per row: a row refused half-way leaves nothing behind.
                with transaction(self.db):
                    self._store(checked)
            except (InvalidInput, DuplicateCustomer) as exc:
                self.tally.problems.append(
                    RowProblem(row.line, _("Line {line}: {reason}", line=row.line, reason=exc.message))
                )
        progress(len(rows), len(rows), label)

    def _store(self, checked: _Checked) -> None:
        phone = checked.fields.phone
        found = self.db.execute("SELECT id FROM customers WHERE phone = ?", [phone.e164]).fetchone() if phone else None
        if found is None:
            self._add(checked)
        elif self.on_duplicate == "skip":
            self.tally.skipped += 1
        else:
            self._update(found[0], checked)

    def _add(self, checked: _Checked) -> None:
        customer = customers.insert_customer(
            self.db,
            checked.fields,
            now=self.now,
            card_code=checked.card_code or None,
            external_id=checked.external_id,
        )
        if checked.created_at != self.now:
            # Keep when the customer joined the old system; updated_at stays the import's time.
            self.db.execute("UPDATE customers SET created_at = ? WHERE id = ?", [checked.created_at, customer.id])
        self._add_openings(customer.id, checked)
        self.tally.added += 1

    def _update(self, customer_id: int, checked: _Checked) -> None:
        """Refresh a known customer's details; an empty cell keeps what is stored.
        The card code is never changed: cards with it may already be printed."""
        current = customers.get_customer(self.db, customer_id)
        row = checked.row
        fields = replace(
            checked.fields,
            email=checked.fields.email if row.email.strip() else current.email,
            birthday=checked.fields.birthday if row.birthday.strip() else current.birthday,
            notes=checked.fields.notes if row.notes.strip() else current.notes,
            consent_marketing=checked.fields.consent_marketing if checked.consent_given else current.consent_marketing,
            consent_notes=current.consent_notes,
        )
        customers.update_customer(self.db, customer_id, fields, now=self.now)
        self._add_openings(customer_id, checked, only_if_none=True)
        self.tally.updated += 1

    def _add_openings(self, customer_id: int, checked: _Checked, *, only_if_none: bool = False) -> None:
        """Store the row's opening balances; with `only_if_none`, not for a unit the
        customer already had one for (re-importing a file must not double a balance)."""
        for unit, quantity in (("points", checked.points), ("stamps", checked.stamps)):
            if quantity <= 0:
                continue
            if (
                only_if_none
                and self.db.execute(
                    "SELECT 1 FROM opening_balances WHERE customer_id = ? AND unit = ?", [customer_id, unit]
                ).fetchone()
            ):
                continue
            self.db.execute(
                "INSERT INTO opening_balances (customer_id, unit, quantity, source, created_at) VALUES (?, ?, ?, ?, ?)",
                [customer_id, unit, quantity, self.source, self.now],
            )
            if unit == "points":
                self.tally.points += quantity
            else:
                self.tally.stamps += quantity


def _check_row(row: ImportRow, region: str, now: str) -> _Checked:
    """Every check one row must pass before it is stored; `InvalidInput` names the first failure."""
    consent = parse_consent(row.consent_marketing)
    fields = customers.check_fields(
        name=row.name,
        phone=row.phone,
        email=row.email,
        birthday=row.birthday,
        notes=row.notes,
        consent_marketing=bool(consent),
        region=region,
    )
    return _Checked(
        row=row,
        fields=fields,
        consent_given=consent is not None,
        points=parse_quantity(row.points, field="points", label=_("The points balance")),
        stamps=parse_quantity(row.stamps, field="stamps", label=_("The stamps balance")),
        external_id=clean_text(
            row.external_id,
            field="external_id",
            label=_("The customer number from the other system"),
            max_length=EXTERNAL_ID_MAX,
        ),
        card_code=_check_card_code(row.card_code),
        created_at=_joined_at(row.created_at, now),
    )


def parse_consent(text: str) -> bool | None:
    """A marketing-consent cell as a yes/no answer; None when the cell is empty."""
    raw = clean_text(text, field="consent_marketing", label=_("The marketing consent"), max_length=40)
    if not raw:
        return None
    key = _CONSENT_SEPARATORS.sub(" ", search_key(raw)).strip()
    if key in _CONSENT_YES:
        return True
    if key in _CONSENT_NO:
        return False
    raise InvalidInput(
        "consent_marketing",
        _('"{text}" is not a marketing consent answer; use yes or no.', text=shown(raw, 20)),
    )


def parse_quantity(text: str, *, field: str, label: str) -> int:
    """An opening balance: a whole number, 0 or more, digits of any script; empty → 0."""
    raw = to_ascii_digits((text or "").strip()).replace("\u066b", ".")
    if not raw:
        return 0
    if raw.startswith(("-", "\u2212")):
        raise InvalidInput(field, _("{label} cannot be negative ({text}).", label=label, text=shown(raw, 20)))
    match = _WHOLE.fullmatch(raw)
    if not match:
        raise InvalidInput(field, _("{label} must be a whole number, not {text}.", label=label, text=shown(raw, 20)))
    digits = match[1].lstrip("0") or "0"
    # Counted before int(), which refuses strings of more than 4300 digits.
    if len(digits) > len(str(MAX_OPENING)) or int(digits) > MAX_OPENING:
        raise InvalidInput(field, _("{label} {text} is too large; please check it.", label=label, text=shown(raw, 20)))
    return int(digits)


def _check_card_code(text: str) -> str:
    raw = clean_text(text, field="card_code", label=_("The card code"), max_length=40)
    if not raw:
        return ""
    code = customers.normalise_card_code(raw)
    if not _CARD_CODE.fullmatch(code):
        raise InvalidInput(
            "card_code", _('"{text}" is not a card code; use 4 to 20 letters and digits.', text=shown(raw, 20))
        )
    return code


def _joined_at(text: str, now: str) -> str:
    """When the customer joined the old system, if the file says so in ISO form;
    otherwise (or if it is in the future) the import's own time. The date is
    history, not a reason to refuse a customer, so an odd value is not an error."""
    raw = to_ascii_digits((text or "").strip())
    if not raw:
        return now
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return now
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    joined = utc_iso(moment)
    return joined if "1970" <= joined <= now else now
