"""Customers: enrol, edit, look up as a cashier does.

Lookup takes whatever was typed or scanned into the counter's one search box:
a card code (exact), any run of 3+ phone digits (FTS5 trigram index), or the
start of any word of the name (FTS5 prefix index over the Arabic-folded name).
Never a full scan."""

from __future__ import annotations

import random
import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.dates import Birthday, make_birthday, parse_birthday
from smallbiz_loyalty.core.errors import DuplicateCustomer, InvalidInput, NotFound
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.phones import Phone, parse_phone
from smallbiz_loyalty.core.text import clean_text, search_key, search_words, shown, to_ascii_digits

NAME_MAX = 100
SQLITE_INT_MAX = 2**63 - 1  # the largest id SQLite can hold
NOTES_MAX = 2000
EMAIL_MAX = 254
# Card codes avoid letters and digits that are easy to confuse (0/O, 1/I/L, U/V).
CARD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
CARD_LENGTH = 8
_CARD_TYPED = re.compile(r"^[0-9A-Za-z][0-9A-Za-z \-]{3,24}$")  # imported codes may be 4-20 characters
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_TYPED = re.compile(r"^[+0-9()\-\s]+$")
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_COLUMNS = (
    "id, name, phone, email, birth_month, birth_day, birth_year, card_code, referred_by,"
    " consent_marketing, consent_notes, notes, external_id, created_at, erased_at, merged_into"
)


@dataclass(frozen=True)
class Customer:
    id: int
    name: str
    phone: str | None
    email: str
    birthday: Birthday | None
    card_code: str
    referred_by: int | None
    consent_marketing: bool
    consent_notes: bool
    notes: str
    external_id: str
    created_at: str
    erased_at: str | None = None
    merged_into: int | None = None

    @property
    def active(self) -> bool:
        return self.erased_at is None and self.merged_into is None


def _row_to_customer(row: tuple[Any, ...]) -> Customer:
    (
        cid,
        name,
        phone,
        email,
        month,
        day,
        year,
        card,
        referred_by,
        marketing,
        notes_ok,
        notes,
        ext,
        created,
        erased,
        merged,
    ) = row
    return Customer(
        id=cid,
        name=name,
        phone=phone,
        email=email,
        birthday=Birthday(month, day, year) if month else None,
        card_code=card,
        referred_by=referred_by,
        consent_marketing=bool(marketing),
        consent_notes=bool(notes_ok),
        notes=notes,
        external_id=ext,
        created_at=created,
        erased_at=erased,
        merged_into=merged,
    )


@dataclass(frozen=True)
class CustomerFields:
    """Checked values, ready to store."""

    name: str
    phone: Phone | None
    email: str
    birthday: Birthday | None
    notes: str
    consent_marketing: bool
    consent_notes: bool


def check_fields(
    *,
    name: object,
    phone: object = None,
    email: object = None,
    birthday: object = None,
    notes: object = None,
    consent_marketing: bool = False,
    consent_notes: bool = True,
    region: str,
) -> CustomerFields:
    """Validate what was typed or imported for one customer (no database access)."""
    clean_name = clean_text(name, field="name", label=_("The name"), max_length=NAME_MAX, required=True)
    phone_text = clean_text(phone, field="phone", label=_("The phone number"), max_length=40)
    email_text = clean_text(email, field="email", label=_("The email address"), max_length=EMAIL_MAX)
    if email_text and not _EMAIL.match(email_text):
        raise InvalidInput("email", _('"{text}" is not an email address.', text=shown(email_text)))
    if isinstance(birthday, Birthday):
        checked_birthday: Birthday | None = make_birthday(birthday.month, birthday.day, birthday.year)
    else:
        checked_birthday = parse_birthday(
            clean_text(birthday, field="birthday", label=_("The birthday"), max_length=20)
        )
    return CustomerFields(
        name=clean_name,
        phone=parse_phone(phone_text, region) if phone_text else None,
        email=email_text.lower(),
        birthday=checked_birthday,
        notes=clean_text(notes, field="notes", label=_("The notes"), max_length=NOTES_MAX, multiline=True),
        consent_marketing=bool(consent_marketing),
        consent_notes=bool(consent_notes),
    )


def new_card_code(db: Database, rng: random.Random | None = None) -> str:
    """A short code that no customer has yet, for the QR on the loyalty card."""
    choice = rng.choice if rng else secrets.choice
    while True:
        code = "".join(choice(CARD_ALPHABET) for _ in range(CARD_LENGTH))
        if not db.execute("SELECT 1 FROM customers WHERE card_code = ?", [code]).fetchone():
            return code


def normalise_card_code(text: str) -> str:
    return to_ascii_digits(text).upper().replace(" ", "").replace("-", "")


def _refuse_duplicate_phone(db: Database, phone: Phone | None, except_id: int | None = None) -> None:
    if phone is None:
        return
    row = db.execute("SELECT id, name FROM customers WHERE phone = ?", [phone.e164]).fetchone()
    if row and row[0] != except_id:
        raise DuplicateCustomer(
            _(
                "The phone number {phone} already belongs to {name} (customer {id}).",
                phone=phone.e164,
                name=row[1],
                id=row[0],
            ),
            existing_id=row[0],
        )


def insert_customer(
    db: Database,
    fields: CustomerFields,
    *,
    now: str,
    referred_by: int | None = None,
    card_code: str | None = None,
    external_id: str = "",
    rng: random.Random | None = None,
) -> Customer:
    """Store a checked customer (inside the caller's transaction)."""
    _refuse_duplicate_phone(db, fields.phone)
    if referred_by is not None:
        referrer = get_customer(db, referred_by)
        if not referrer.active:
            raise InvalidInput("referred_by", _("{name} can no longer refer customers.", name=referrer.name))
    if card_code:
        card_code = normalise_card_code(card_code)
        if db.execute("SELECT 1 FROM customers WHERE card_code = ?", [card_code]).fetchone():
            raise InvalidInput("card_code", _("The card code {code} is already in use.", code=card_code))
    else:
        card_code = new_card_code(db, rng)
    birthday = fields.birthday
    cursor = db.execute(
        "INSERT INTO customers (name, name_key, phone, phone_digits, email, birth_month, birth_day, birth_year,"
        " card_code, referred_by, consent_marketing, consent_notes, notes, external_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            fields.name,
            search_key(fields.name),
            fields.phone.e164 if fields.phone else None,
            fields.phone.search_digits if fields.phone else "",
            fields.email,
            birthday.month if birthday else None,
            birthday.day if birthday else None,
            birthday.year if birthday else None,
            card_code,
            referred_by,
            int(fields.consent_marketing),
            int(fields.consent_notes),
            fields.notes,
            external_id,
            now,
            now,
        ],
    )
    return get_customer(db, cursor.lastrowid)


def update_customer(db: Database, customer_id: int, fields: CustomerFields, *, now: str) -> Customer:
    """Replace a customer's editable details (inside the caller's transaction)."""
    current = get_customer(db, customer_id)
    if not current.active:
        raise InvalidInput("customer", _("{name} has been erased or merged and cannot be edited.", name=current.name))
    _refuse_duplicate_phone(db, fields.phone, except_id=customer_id)
    birthday = fields.birthday
    db.execute(
        "UPDATE customers SET name = ?, name_key = ?, phone = ?, phone_digits = ?, email = ?, birth_month = ?,"
        " birth_day = ?, birth_year = ?, consent_marketing = ?, consent_notes = ?, notes = ?, updated_at = ?"
        " WHERE id = ?",
        [
            fields.name,
            search_key(fields.name),
            fields.phone.e164 if fields.phone else None,
            fields.phone.search_digits if fields.phone else "",
            fields.email,
            birthday.month if birthday else None,
            birthday.day if birthday else None,
            birthday.year if birthday else None,
            int(fields.consent_marketing),
            int(fields.consent_notes),
            fields.notes,
            now,
            customer_id,
        ],
    )
    return get_customer(db, customer_id)


def fields_of(customer: Customer, region: str, **changes: Any) -> CustomerFields:
    """The current details of `customer` with `changes` applied, checked again."""
    current = {
        "name": customer.name,
        "phone": customer.phone,
        "email": customer.email,
        "birthday": customer.birthday,
        "notes": customer.notes,
        "consent_marketing": customer.consent_marketing,
        "consent_notes": customer.consent_notes,
    }
    unknown = set(changes) - set(current)
    if unknown:
        raise InvalidInput("customer", _("{field} cannot be changed here.", field=", ".join(sorted(unknown))))
    current.update(changes)
    return check_fields(region=region, **current)


def get_customer(db: Database, customer_id: int) -> Customer:
    if isinstance(customer_id, int) and not 0 < customer_id <= SQLITE_INT_MAX:  # SQLite would raise OverflowError
        raise NotFound(_("There is no customer number {id}.", id=shown(customer_id)))
    row = db.execute(f"SELECT {_COLUMNS} FROM customers WHERE id = ?", [customer_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no customer number {id}.", id=customer_id))
    return _row_to_customer(row)


def customers_by_ids(db: Database, ids: list[int]) -> list[Customer]:
    """Customers in the order of `ids` (missing ids skipped)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {
        row[0]: _row_to_customer(row)
        for row in db.execute(f"SELECT {_COLUMNS} FROM customers WHERE id IN ({marks})", ids)
    }
    return [rows[i] for i in ids if i in rows]


def find_by_card(db: Database, text: str) -> Customer | None:
    code = normalise_card_code(text)
    row = db.execute(f"SELECT {_COLUMNS} FROM customers WHERE card_code = ?", [code]).fetchone()
    return _row_to_customer(row) if row else None


def find_by_phone(db: Database, text: str, region: str) -> Customer | None:
    phone = parse_phone(text, region)
    row = db.execute(f"SELECT {_COLUMNS} FROM customers WHERE phone = ?", [phone.e164]).fetchone()
    return _row_to_customer(row) if row else None


def resolve_customer(db: Database, text: str, region: str) -> Customer:
    """One customer from a phone number or a card code, as given on the command line."""
    text = text.strip() if isinstance(text, str) else ""
    customer = find_by_card(db, text) if text else None
    if customer is None and text and _PHONE_TYPED.match(to_ascii_digits(text)):
        try:
            customer = find_by_phone(db, text, region)
        except InvalidInput:
            customer = None
    if customer is None or not customer.active:
        raise NotFound(_('No customer has the phone number or card code "{text}".', text=shown(text)))
    return customer


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def find_customers(db: Database, text: str, *, limit: int = 20) -> list[Customer]:
    """Customers matching what a cashier typed: card code, phone digits or name words.

    Digits (any script, spaces and dashes ignored) match any run of 3+ digits of
    the phone; words match the start of any word of the name, all words needed.
    Erased and merged customers never appear."""
    # Search never refuses: control and format characters (NUL, bidi marks) are
    # dropped from the query, which then matches what is left.
    text = "".join(ch for ch in (text or "")[:200] if unicodedata.category(ch) not in _INVISIBLE).strip()
    if not text:
        return []
    found: list[Customer] = []
    if _CARD_TYPED.match(text):
        by_card = find_by_card(db, text)
        if by_card and by_card.active:
            found.append(by_card)
    digits = re.sub(r"[\s\-()+]", "", to_ascii_digits(text))
    if digits.isdigit():
        if len(digits) < 3:
            return found
        sql = (
            f"SELECT {_COLUMNS} FROM customers WHERE id IN"
            " (SELECT rowid FROM customer_phone_fts WHERE customer_phone_fts MATCH ?)"
            " AND erased_at IS NULL AND merged_into IS NULL ORDER BY name_key LIMIT ?"
        )
        params: list[Any] = [_fts_phrase(digits), limit]
    else:
        words = search_words(text)[:6]
        if not words:
            return found
        query = " AND ".join(_fts_phrase(w) + "*" for w in words)
        sql = (
            f"SELECT {_COLUMNS} FROM customers WHERE id IN"
            " (SELECT rowid FROM customer_name_fts WHERE customer_name_fts MATCH ?)"
            " AND erased_at IS NULL AND merged_into IS NULL"
            " ORDER BY (name_key = ?) DESC, name_key LIMIT ?"
        )
        params = [query, " ".join(words), limit]
    seen = {c.id for c in found}
    found.extend(c for c in map(_row_to_customer, db.execute(sql, params)) if c.id not in seen)
    return found[:limit]
