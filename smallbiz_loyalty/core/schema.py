"""Schema migrations, in order. Never edit one that has been released: add a new one.

Each migration runs in one transaction together with the record that it ran
(sqlite-utils' `Migrations`)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("smallbiz_loyalty")


def run_script(db: Database, script: str) -> None:
    """Run several statements inside the current transaction.

    (`sqlite3.executescript` would COMMIT first, breaking the migration's transaction.)"""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    run_script(
        db,
        """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
);

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('owner', 'cashier')),
    pin_hash   TEXT,               -- scrypt, hex; NULL = no PIN set yet
    pin_salt   TEXT,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Owner', 'owner', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT '{}'  -- JSON
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE customers (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    name_key          TEXT NOT NULL,            -- folded for search (core.text.search_key)
    phone             TEXT UNIQUE,              -- E.164; NULL when unknown
    phone_digits      TEXT NOT NULL DEFAULT '', -- international + national digits, for search
    email             TEXT NOT NULL DEFAULT '',
    birth_month       INTEGER CHECK (birth_month BETWEEN 1 AND 12),
    birth_day         INTEGER CHECK (birth_day BETWEEN 1 AND 31),
    birth_year        INTEGER,
    card_code         TEXT NOT NULL UNIQUE,
    referred_by       INTEGER REFERENCES customers(id),
    consent_marketing INTEGER NOT NULL DEFAULT 0 CHECK (consent_marketing IN (0, 1)),
    consent_notes     INTEGER NOT NULL DEFAULT 1 CHECK (consent_notes IN (0, 1)),
    notes             TEXT NOT NULL DEFAULT '',
    external_id       TEXT NOT NULL DEFAULT '',  -- the id in the system imported from
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    erased_at         TEXT,
    merged_into       INTEGER REFERENCES customers(id),
    CHECK ((birth_month IS NULL) = (birth_day IS NULL))
);
CREATE INDEX customers_birthday ON customers(birth_month, birth_day) WHERE birth_month IS NOT NULL;
CREATE INDEX customers_referred_by ON customers(referred_by) WHERE referred_by IS NOT NULL;
CREATE INDEX customers_created_at ON customers(created_at);

-- Search indexes kept in step with customers by triggers: word prefixes of
-- the folded name, and any run of 3+ digits of the phone (trigram).
CREATE VIRTUAL TABLE customer_name_fts USING fts5(
    name_key, content='customers', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
CREATE VIRTUAL TABLE customer_phone_fts USING fts5(
    phone_digits, content='customers', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_name_fts(rowid, name_key) VALUES (new.id, new.name_key);
    INSERT INTO customer_phone_fts(rowid, phone_digits) VALUES (new.id, new.phone_digits);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name_key, phone_digits ON customers BEGIN
    INSERT INTO customer_name_fts(customer_name_fts, rowid, name_key) VALUES ('delete', old.id, old.name_key);
    INSERT INTO customer_phone_fts(customer_phone_fts, rowid, phone_digits) VALUES ('delete', old.id, old.phone_digits);
    INSERT INTO customer_name_fts(rowid, name_key) VALUES (new.id, new.name_key);
    INSERT INTO customer_phone_fts(rowid, phone_digits) VALUES (new.id, new.phone_digits);
END;
CREATE TRIGGER customers_no_delete BEFORE DELETE ON customers
BEGIN SELECT RAISE(ABORT, 'customers are erased, never deleted'); END;

CREATE TABLE sales (
    id               INTEGER PRIMARY KEY,
    key              TEXT NOT NULL UNIQUE,      -- idempotency key: a resent sale is a no-op
    kind             TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
    customer_id      INTEGER REFERENCES customers(id),   -- NULL = anonymous
    amount           INTEGER NOT NULL,          -- minor units; > 0 for a sale, < 0 for a return
    category         TEXT,
    business_date    TEXT NOT NULL,             -- shop-local YYYY-MM-DD
    created_at       TEXT NOT NULL,             -- UTC ISO-8601
    staff_id         INTEGER REFERENCES staff(id),
    original_sale_id INTEGER REFERENCES sales(id),
    voided_at        TEXT,
    voided_by        INTEGER REFERENCES staff(id),
    void_reason      TEXT,
    CHECK ((kind = 'sale' AND amount > 0 AND original_sale_id IS NULL)
        OR (kind = 'return' AND amount < 0 AND original_sale_id IS NOT NULL))
);
CREATE INDEX sales_customer_date ON sales(customer_id, business_date);
CREATE INDEX sales_date ON sales(business_date);
CREATE INDEX sales_original ON sales(original_sale_id) WHERE original_sale_id IS NOT NULL;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'sales are never deleted; void or return them'); END;
-- A sale row is fixed once written: only a void may be added (once), and a
-- merge may move it to the kept customer.
CREATE TRIGGER sales_fixed BEFORE UPDATE ON sales
WHEN new.key IS NOT old.key OR new.kind IS NOT old.kind OR new.amount IS NOT old.amount
  OR new.category IS NOT old.category OR new.business_date IS NOT old.business_date
  OR new.created_at IS NOT old.created_at OR new.original_sale_id IS NOT old.original_sale_id
  OR (old.voided_at IS NOT NULL AND (new.voided_at IS NOT old.voided_at OR new.void_reason IS NOT old.void_reason))
BEGIN SELECT RAISE(ABORT, 'sales are append-only'); END;

-- Balances brought from another system by an import, kept until the loyalty
-- ledger turns them into opening entries.
CREATE TABLE opening_balances (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    unit        TEXT NOT NULL CHECK (unit IN ('points', 'stamps')),
    quantity    INTEGER NOT NULL CHECK (quantity >= 0),
    source      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX opening_balances_customer ON opening_balances(customer_id);
""",
    )
