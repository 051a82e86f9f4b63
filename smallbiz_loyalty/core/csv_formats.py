"""Read customer lists exported by other loyalty and POS systems, and by us.

This module only maps columns to raw text: it never judges a phone, an email, a
birthday or a balance (the store-level import does that, row by row). A file is
either read (rows plus problems found on particular lines) or refused whole with
`InvalidInput` when it cannot be a customer list at all.

Header mappings and where they come from (headers compare case-insensitively,
with spaces, ``_``, ``-`` and Arabic letter forms folded; see `_header_key`):

Square, Customer Directory export (23 columns). Source: the header of real
exports as recorded by public importers of them (byesaw13/doveapp
``lib/square/csv-import.ts``; a Square-migration tool's "exact header names from
export" type; a write-up of a real 15 538-row export) and Square's Customers API
field list for the meaning of the fields. Used: ``First Name`` + ``Last Name`` →
name (else ``Nickname``, else ``Company Name``), ``Phone Number``, ``Email
Address``, ``Birthday``, ``Memo`` → notes, ``Square Customer ID`` (else
``Reference ID``) → external_id, ``Email Subscription Status`` →
consent_marketing, ``First Visit`` → created_at. No loyalty-points column was
found in any Square customer export seen (points live in Square Loyalty, which
the customer export does not include), so none is mapped.

Shopify, Customers → Export (``customers_export.csv``). Source: Shopify Help
Center's customer CSV column table and public importers of the current 20-column
export (``Customer ID, First Name, Last Name, Email, Accepts Email Marketing,
Default Address …, Phone, Accepts SMS Marketing, Total Spent, Total Orders,
Note, Tax Exempt, Tags``); older exports say ``Accepts Marketing`` and
``Company``/``Address1``/… instead. Used: ``First Name`` + ``Last Name``,
``Phone`` (else ``Default Address Phone``), ``Email``, ``Note``, ``Customer ID``
→ external_id, ``Accepts Email Marketing`` (or ``Accepts Marketing``) →
consent_marketing.

Loyverse, Back office → Customers → Export. Source: Loyverse Help Center
"Importing and exporting customers" (the column list is only in screenshots) and
the Loyverse API customer object (name, email, phone_number, customer_code,
note, first_visit, total_points), documented by the loyverse_api gem and the
Loyverse connector schemas. The exact header spellings could not be checked
against a real file, so each field accepts the likely spellings: ``Customer
name``, ``Email``, ``Phone``, ``Customer code`` → external_id, ``Points balance``
→ points, ``Note`` → notes, ``First visit`` → created_at.

Generic: any file with a name, phone or email column, English or Arabic names
(see `_GENERIC`); it reads back our own ``export customers`` file
(``customer_id, name, phone, email, birthday, card_code, created_at`` and the
optional ``points, stamps, notes, consent_marketing``).

Spreadsheet "text guards" are undone in phone and id cells: a leading ``'``
before ``+`` or a digit (Shopify and Square exports write ``'+1555…``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.text import search_key

FORMATS = ("auto", "square", "loyverse", "shopify", "generic")
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
MAX_CELL = 10_000
_DELIMITERS = (",", ";", "\t")
_IDENTITY = ("name", "first_name", "last_name", "fallback_name", "phone", "email")


@dataclass(frozen=True)
class ImportRow:
    line: int  # physical line where the record starts; the header is line 1
    name: str
    phone: str
    email: str
    birthday: str
    points: str
    stamps: str
    notes: str
    external_id: str
    card_code: str
    consent_marketing: str
    created_at: str


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str


@dataclass
class ParsedFile:
    format: str
    rows: list[ImportRow]
    problems: list[RowProblem]


@dataclass(frozen=True)
class _Format:
    key: str
    label: str
    # slot → header spellings in order of preference; the first non-empty cell wins
    columns: dict[str, tuple[str, ...]]
    required: tuple[str, ...] = ()  # slots that must have a column
    markers: tuple[str, ...] = ()  # auto-detection needs one of these headers


_SQUARE = _Format(
    key="square",
    label="Square",
    columns={
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "fallback_name": ("Nickname", "Company Name"),
        "phone": ("Phone Number",),
        "email": ("Email Address",),
        "birthday": ("Birthday",),
        "notes": ("Memo",),
        "external_id": ("Square Customer ID", "Reference ID"),
        "consent_marketing": ("Email Subscription Status",),
        "created_at": ("First Visit",),
    },
    required=("first_name", "last_name", "email", "phone"),
    markers=("Square Customer ID", "Reference ID", "Creation Source", "Memo"),
)
_SHOPIFY = _Format(
    key="shopify",
    label="Shopify",
    columns={
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "phone": ("Phone", "Default Address Phone"),
        "email": ("Email",),
        "notes": ("Note",),
        "external_id": ("Customer ID",),
        "consent_marketing": ("Accepts Email Marketing", "Accepts Marketing"),
    },
    required=("first_name", "last_name", "email"),
    markers=("Accepts Email Marketing", "Accepts Marketing", "Total Orders", "Tax Exempt"),
)
_LOYVERSE = _Format(
    key="loyverse",
    label="Loyverse",
    columns={
        "name": ("Customer name", "Name"),
        "phone": ("Phone", "Phone number"),
        "email": ("Email",),
        "points": ("Points balance", "Points"),
        "notes": ("Note", "Notes"),
        "external_id": ("Customer code",),
        "created_at": ("First visit",),
    },
    required=("name", "phone", "email"),
    markers=("Customer code", "Points balance", "Total visits", "First visit"),
)
_GENERIC = _Format(
    key="generic",
    label="generic",
    columns={
        "name": ("name", "full name", "customer name", "customer", "الاسم", "اسم", "اسم العميل", "الاسم الكامل"),
        "first_name": ("first name", "firstname", "given name", "الاسم الأول"),
        "last_name": ("last name", "lastname", "surname", "family name", "اسم العائلة", "الكنية"),
        "phone": ("phone", "phone number", "mobile", "telephone", "الهاتف", "رقم الهاتف", "الجوال", "رقم الجوال"),
        "email": ("email", "e-mail", "email address", "البريد الإلكتروني", "البريد", "الإيميل"),
        "birthday": ("birthday", "birth date", "birthdate", "date of birth", "dob", "تاريخ الميلاد", "عيد الميلاد"),
        "points": ("points", "points balance", "loyalty points", "النقاط", "رصيد النقاط"),
        "stamps": ("stamps", "stamp balance", "الأختام", "رصيد الأختام"),
        "notes": ("notes", "note", "memo", "comments", "ملاحظات", "ملاحظة"),
        "external_id": ("customer_id", "customer id", "external id", "id", "رقم العميل"),
        "card_code": ("card_code", "card code", "رمز البطاقة", "رقم البطاقة"),
        "consent_marketing": ("consent_marketing", "marketing consent", "accepts marketing", "موافقة التسويق"),
        "created_at": ("created_at", "created", "date joined", "joined", "تاريخ التسجيل", "تاريخ الإنشاء"),
    },
)
_BY_KEY = {f.key: f for f in (_SQUARE, _SHOPIFY, _LOYVERSE, _GENERIC)}
_SEPARATORS = re.compile(r"[\s_\-.:/\\()]+")


def _header_key(text: str) -> str:
    """A header cell folded so that spelling variants compare equal."""
    text = text.replace("\ufeff", "").replace("\u200b", "")
    return _SEPARATORS.sub(" ", search_key(text)).strip()


def _resolve(spec: _Format, header: list[str]) -> dict[str, list[int]]:
    """slot → indices of the header cells naming it, in the spec's order of preference."""
    first_index: dict[str, int] = {}
    for index, cell in enumerate(header):
        first_index.setdefault(_header_key(cell), index)
    found: dict[str, list[int]] = {}
    for slot, spellings in spec.columns.items():
        keys = dict.fromkeys(_header_key(s) for s in spellings)
        indices = [first_index[k] for k in keys if k in first_index]
        if indices:
            found[slot] = indices
    return found


def _missing(spec: _Format, header: list[str]) -> list[str]:
    """Names of the columns `spec` requires and `header` lacks."""
    found = _resolve(spec, header)
    return [spec.columns[slot][0] for slot in spec.required if slot not in found]


def _has_identity(spec: _Format, header: list[str]) -> bool:
    found = _resolve(spec, header)
    return any(slot in found for slot in _IDENTITY)


def _no_identity() -> InvalidInput:
    return InvalidInput(
        "file",
        _("The header row has no name, phone or email column, so the file cannot be read as a customer list."),
    )


def detect_format(header: list[str]) -> str:
    """The first of square, shopify, loyverse, generic whose columns `header` has."""
    keys = {_header_key(cell) for cell in header}
    for spec in (_SQUARE, _SHOPIFY, _LOYVERSE, _GENERIC):
        has_marker = not spec.markers or any(_header_key(m) in keys for m in spec.markers)
        if has_marker and not _missing(spec, header) and _has_identity(spec, header):
            return spec.key
    raise _no_identity()


def _choose_format(header: list[str], fmt: str) -> _Format:
    if fmt == "auto":
        return _BY_KEY[detect_format(header)]
    spec = _BY_KEY[fmt]
    missing = _missing(spec, header)
    if missing:
        raise InvalidInput(
            "format",
            _(
                "This file does not match the {format} format; these columns are missing: {columns}.",
                format=spec.label,
                columns=", ".join(missing),
            ),
        )
    if not _has_identity(spec, header):
        raise _no_identity()
    return spec


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            "file",
            _(
                "The file is larger than {limit} MB; split it into smaller files and import them one by one.",
                limit=MAX_BYTES // (1024 * 1024),
            ),
        )
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            "file",
            _('This file is not UTF-8 text; save it from your spreadsheet as "CSV UTF-8" and import it again.'),
        ) from None


def _sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most outside quotes."""
    match = re.search(r"[^\r\n]+", text)
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in match.group(0) if match else "":
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=counts.__getitem__)  # ties go to the comma
    return best if counts[best] else ","


def _records(text: str) -> Iterator[tuple[int, list[str] | None, str]]:
    """(line where the record starts, stripped cells or None, csv error text) per record."""
    # strict: a quote left open must not silently swallow the rest of the file into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text), strict=True)
    consumed = 0
    while True:
        start = consumed + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader resets itself and goes on with the next line
            consumed = reader.line_num
            yield start, None, str(exc)
            continue
        consumed = reader.line_num
        yield start, [cell.strip() for cell in cells], ""


def _read_header(records: Iterator[tuple[int, list[str] | None, str]]) -> list[str]:
    for line, cells, _error in records:
        if cells is not None and not any(cells):
            continue  # blank lines before the header
        if cells is None or any("\x00" in c or len(c) > MAX_CELL for c in cells):
            raise InvalidInput(
                "file",
                _("The header row (line {line}) is damaged; it must hold the column names only.", line=line),
            )
        return cells
    raise InvalidInput("file", _("The file is empty; it needs a header row with the column names."))


def _row_problem(line: int, cells: list[str] | None, error: str, width: int) -> str:
    """Why the record at `line` cannot be read, or "" when it can."""
    if cells is None:
        if "field larger" in error:
            return _("Line {line} has a cell longer than {limit} characters.", line=line, limit=MAX_CELL)
        if "end of data" in error:
            return _(
                "Line {line} opens a quoted cell that is never closed, so the rest of the file was not read.", line=line
            )
        return _("Line {line} could not be read; check the quotes on that line.", line=line)
    if len(cells) != width:
        return _(
            "Line {line} has {found} cells but the header has {expected}.",
            line=line,
            found=len(cells),
            expected=width,
        )
    if any("\x00" in c for c in cells):
        return _("Line {line} contains a NUL character, which a text file cannot hold.", line=line)
    if any(len(c) > MAX_CELL for c in cells):
        return _("Line {line} has a cell longer than {limit} characters.", line=line, limit=MAX_CELL)
    return ""


def _unguard(value: str) -> str:
    """Drop the apostrophe spreadsheets put before numbers to keep them as text."""
    if len(value) > 1 and value[0] == "'" and (value[1] == "+" or value[1].isdigit()):
        return value[1:]
    return value


def _map_row(line: int, cells: list[str], slots: dict[str, list[int]]) -> ImportRow:
    def get(slot: str) -> str:
        return next((cells[i] for i in slots.get(slot, ()) if cells[i]), "")

    split_name = " ".join(part for part in (get("first_name"), get("last_name")) if part)
    return ImportRow(
        line=line,
        name=get("name") or split_name or get("fallback_name"),
        phone=_unguard(get("phone")),
        email=get("email"),
        birthday=get("birthday"),
        points=get("points"),
        stamps=get("stamps"),
        notes=get("notes"),
        external_id=_unguard(get("external_id")),
        card_code=get("card_code"),
        consent_marketing=get("consent_marketing"),
        created_at=get("created_at"),
    )


def read_customer_csv(data: bytes, fmt: str = "auto") -> ParsedFile:
    """Read a customer CSV file (UTF-8 with or without BOM, or UTF-16 with BOM;
    comma, semicolon or tab) in `fmt` ("auto" detects it from the header).

    Rows that cannot be taken are reported as `RowProblem`s naming their line;
    the other rows still come through. Raises `InvalidInput` when the file as a
    whole cannot be read: not UTF-8, too big, no header, or not the format asked for.
    """
    if fmt not in FORMATS:
        raise InvalidInput(
            "format",
            _("Unknown file format {format}; choose one of {choices}.", format=fmt, choices=", ".join(FORMATS)),
        )
    records = _records(_decode(data))
    header = _read_header(records)
    spec = _choose_format(header, fmt)
    slots = _resolve(spec, header)
    parsed = ParsedFile(format=spec.key, rows=[], problems=[])
    count = 0
    for line, cells, error in records:
        if cells is not None and not any(cells):
            continue  # an empty row, or a row of empty cells
        count += 1
        if count > MAX_ROWS:
            raise InvalidInput(
                "file",
                _(
                    "The file has more than {limit} rows; split it into smaller files and import them one by one.",
                    limit=MAX_ROWS,
                ),
            )
        problem = _row_problem(line, cells, error, len(header))
        if problem or cells is None:
            parsed.problems.append(RowProblem(line, problem))
            continue
        row = _map_row(line, cells, slots)
        if not (row.name or row.phone or row.email):
            message = _("Line {line} has no name, phone or email, so there is no customer to import.", line=line)
            parsed.problems.append(RowProblem(line, message))
            continue
        parsed.rows.append(row)
    return parsed
