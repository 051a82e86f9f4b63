"""Export the store's tables to CSV files a spreadsheet opens correctly.

Files are UTF-8 with a BOM (so Excel reads Arabic names right), one header row,
then one row per record, streamed from SQLite so a large table never sits in
memory. The file is written beside the target under a temporary name and moved
into place at the end: a failure never leaves a half-written export behind.

Each export is an `ExportSpec` in `EXPORTS`; another table (ledger, feedback)
is added by registering its spec with `register_export`. The first columns of
each header are a contract (DESIGN.md §5); new columns go at the end.
"""

from __future__ import annotations

import csv
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.dates import Birthday
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.money import major_str
from smallbiz_loyalty.core.text import shown, shown_path

TEMP_NAME_KEPT = 50  # characters of the target's name in its temporary name (50 emoji: 200 bytes of 255)
# (a row from the spec's query, the shop's currency) → the CSV cells
RowFormatter = Callable[[Sequence[Any], str], list[str]]


@dataclass(frozen=True)
class ExportSpec:
    header: tuple[str, ...]
    sql: str  # one SELECT; rows come out in file order
    format_row: RowFormatter


EXPORTS: dict[str, ExportSpec] = {}


def register_export(what: str, spec: ExportSpec) -> None:
    """Make `export_table(db, what, …)` write `spec`'s rows."""
    EXPORTS[what] = spec


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _yes_no(value: object) -> str:
    return "yes" if value else "no"


def _customer_row(row: Sequence[Any], currency: str) -> list[str]:
    cid, name, phone, email, month, day, year, card, created, notes, marketing, notes_ok = row
    birthday = Birthday(month, day, year).iso() if month else ""
    return [str(cid), name, _cell(phone), email, birthday, card, created, notes, _yes_no(marketing), _yes_no(notes_ok)]


def _sale_row(row: Sequence[Any], currency: str) -> list[str]:
    sid, key, customer_id, day, amount, category, kind, original, created, voided_at = row
    return [
        str(sid),
        key,
        _cell(customer_id),
        day,
        major_str(amount, currency),
        _cell(category),
        "void" if voided_at else kind,
        _cell(original),
        created,
        _cell(voided_at),
    ]


register_export(
    "customers",
    ExportSpec(
        header=(
            "customer_id",
            "name",
            "phone",
            "email",
            "birthday",
            "card_code",
            "created_at",
            "notes",
            "consent_marketing",
            "consent_notes",
        ),
        # Erased customers hold no personal data any more and merged ones live on
        # in the customer they were merged into: neither is a customer to export.
        sql="SELECT id, name, phone, email, birth_month, birth_day, birth_year, card_code, created_at, notes,"
        " consent_marketing, consent_notes FROM customers"
        " WHERE erased_at IS NULL AND merged_into IS NULL ORDER BY id",
        format_row=_customer_row,
    ),
)
register_export(
    "sales",
    ExportSpec(
        header=(
            "sale_id",
            "key",
            "customer_id",
            "business_date",
            "amount",
            "category",
            "kind",
            "original_sale_id",
            "created_at",
            "voided_at",
        ),
        sql="SELECT id, key, customer_id, business_date, amount, category, kind, original_sale_id, created_at,"
        " voided_at FROM sales ORDER BY id",
        format_row=_sale_row,
    ),
)
register_export(
    "ledger",
    ExportSpec(header=ledger.EXPORT_HEADER, sql=ledger.EXPORT_SQL, format_row=ledger.format_export_row),
)


def _feedback_row(row: Sequence[Any], currency: str) -> list[str]:
    return [_cell(value) for value in row]


register_export(
    "feedback",
    ExportSpec(
        header=("customer_id", "business_date", "score", "source", "comment", "sale_id", "handled_at", "handled_note"),
        sql="SELECT customer_id, business_date, score, source, comment, sale_id, handled_at, handled_note"
        " FROM feedback ORDER BY id",
        format_row=_feedback_row,
    ),
)


def export_table(db: Database, what: str, path: Path, *, currency: str) -> int:
    """Write every `what` row ("customers", "sales", …) to the CSV file `path`; returns the row count.

    Amounts are in major units of `currency` ("12.500"), returns negative, a
    voided sale has kind "void". Raises `InvalidInput` for an unknown `what` or
    a place that cannot be written; the target is then left as it was."""
    spec = EXPORTS.get(what)
    if spec is None:
        raise InvalidInput(
            "what",
            _(
                "There is no export called {what}; choose one of {choices}.",
                what=shown(what),
                choices=", ".join(EXPORTS),
            ),
        )
    path = _check_target(Path(path))
    try:
        handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    temp = Path(temp_name)
    try:
        with open(handle, "w", encoding="utf-8-sig", newline="") as out:
            count = _write_rows(db, spec, out, currency)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


def _write_rows(db: Database, spec: ExportSpec, out: Any, currency: str) -> int:
    writer = csv.writer(out)
    writer.writerow(spec.header)
    count = 0
    for row in db.execute(spec.sql):  # the cursor streams: rows are never all in memory
        writer.writerow(spec.format_row(row, currency))
        count += 1
    return count


def _check_target(path: Path) -> Path:
    mode = target_mode(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise InvalidInput(
            "output", _("{path} is a folder; give a file name such as customers.csv.", path=shown_path(path))
        )
    refuse_non_file(path, mode)
    folder = path.parent
    folder_mode = target_mode(folder)
    if folder_mode is None or not stat.S_ISDIR(folder_mode):
        raise InvalidInput(
            "output",
            _(
                "The folder {folder} does not exist; create it or choose another place for the file.",
                folder=shown_path(folder),
            ),
        )
    return path


def target_mode(path: Path, *, field: str = "output") -> int | None:
    """The `st_mode` of what `path` names now (None: nothing yet, the usual case), after
    refusing in one sentence a path no file can have: a NUL in it, or a name too long."""
    if "\x00" in str(path):
        raise InvalidInput(field, _("A file name cannot contain a NUL character; please retype it."))
    try:
        return os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InvalidInput(
                field, _("{path} is too long for a file name; choose a shorter name.", path=shown_path(path))
            ) from exc
        return None  # missing; a folder that cannot be read is reported when the file is written


def refuse_non_file(path: Path, mode: int | None, *, field: str = "output") -> None:
    """Refuse to write over a named pipe, a device (such as /dev/full) or a folder:
    os.replace would swap the new file in for it."""
    if mode is not None and not stat.S_ISREG(mode):
        raise InvalidInput(
            field, _("{path} exists and is not a regular file; choose another file name.", path=shown_path(path))
        )


def temp_prefix(path: Path) -> str:
    """A hidden temporary name beside `path`, short enough for any file system (255 bytes)."""
    return f".{path.name[:TEMP_NAME_KEPT]}."


def _cannot_write(path: Path, exc: OSError) -> InvalidInput:
    return InvalidInput(
        "output", _("{path} cannot be written: {reason}.", path=shown_path(path), reason=exc.strerror or str(exc))
    )
