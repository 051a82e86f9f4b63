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


@MIGRATIONS(name="0002_loyalty")
def m0002_loyalty(db: Database) -> None:
    """Programmes, tiers, rewards, vouchers and the append-only ledger, with a
    10-stamp coffee card so a new shop works at once."""
    run_script(db, _LOYALTY_TABLES)
    run_script(db, _LOYALTY_GUARDS)
    run_script(db, _DEFAULT_PROGRAMME)


_LOYALTY_TABLES = """
CREATE TABLE programmes (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    name_key           TEXT NOT NULL UNIQUE,      -- folded name (core.text.search_key)
    unit               TEXT NOT NULL CHECK (unit IN ('stamps', 'points', 'credit')),
    visit_quantity     INTEGER NOT NULL DEFAULT 0 CHECK (visit_quantity >= 0),   -- units per visit
    visit_min_spend    INTEGER NOT NULL DEFAULT 0 CHECK (visit_min_spend >= 0),  -- minor units
    rate_quantity      INTEGER NOT NULL DEFAULT 0 CHECK (rate_quantity >= 0),    -- units …
    rate_per           INTEGER NOT NULL DEFAULT 0 CHECK (rate_per >= 0),         -- … per this many minor units
    cashback_bp        INTEGER NOT NULL DEFAULT 0 CHECK (cashback_bp BETWEEN 0 AND 10000),  -- 1 % = 100
    categories         TEXT NOT NULL DEFAULT '{}',  -- JSON {category key: earn percent}; 0 = earns nothing
    expiry_kind        TEXT NOT NULL DEFAULT 'never'
                       CHECK (expiry_kind IN ('never', 'days', 'end_of_month', 'end_of_year')),
    expiry_days        INTEGER NOT NULL DEFAULT 0 CHECK (expiry_days >= 0),
    value_per_unit     INTEGER NOT NULL DEFAULT 0 CHECK (value_per_unit >= 0),  -- minor units, for the liability
    birthday_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (birthday_quantity >= 0),
    birthday_reward_id INTEGER REFERENCES rewards(id),   -- a voucher for this reward as a birthday gift
    referrer_bonus     INTEGER NOT NULL DEFAULT 0 CHECK (referrer_bonus >= 0),
    referred_bonus     INTEGER NOT NULL DEFAULT 0 CHECK (referred_bonus >= 0),
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order         INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (rate_quantity = 0 OR rate_per > 0),
    CHECK (expiry_kind != 'days' OR expiry_days > 0)
);

CREATE TABLE tiers (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    name         TEXT NOT NULL,
    min_spend    INTEGER NOT NULL CHECK (min_spend >= 0),     -- qualifying spend over 365 days, minor units
    multiplier   INTEGER NOT NULL DEFAULT 100 CHECK (multiplier BETWEEN 0 AND 1000),  -- earn percent
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX tiers_programme_spend ON tiers(programme_id, min_spend) WHERE active = 1;

-- Every change of a customer's tier, newest last; the tier itself is always
-- computed from qualifying spend, never from a balance.
CREATE TABLE customer_tiers (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    tier_id      INTEGER REFERENCES tiers(id),   -- NULL = below every tier
    since        TEXT NOT NULL,                  -- business date
    reason       TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX customer_tiers_latest ON customer_tiers(customer_id, programme_id, id);

CREATE TABLE rewards (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL,
    cost         INTEGER NOT NULL CHECK (cost > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('free_item', 'fixed_discount', 'percent_discount', 'voucher')),
    value        INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),  -- money off (minor units) or a percent
    cap          INTEGER CHECK (cap > 0),      -- percent discount: most money off; NULL = no cap
    valid_days   INTEGER CHECK (valid_days > 0),  -- voucher: days it stays valid; NULL = no end
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX rewards_programme ON rewards(programme_id, cost);

CREATE TABLE vouchers (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,          -- printed as a QR code
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    programme_id  INTEGER REFERENCES programmes(id),
    reward_id     INTEGER REFERENCES rewards(id),
    kind          TEXT NOT NULL CHECK (kind IN ('free_item', 'fixed_discount', 'percent_discount')),
    item          TEXT NOT NULL DEFAULT '',      -- what to give (free item) or what it is for
    value         INTEGER NOT NULL DEFAULT 0,    -- money off (minor units) or a percent
    cap           INTEGER,
    source        TEXT NOT NULL CHECK (source IN ('reward', 'birthday', 'manual')),
    birthday_year INTEGER,
    issued_at     TEXT NOT NULL,
    business_date TEXT NOT NULL,                 -- issued on
    valid_until   TEXT,                          -- last business date it can be used; NULL = no end
    redeemed_at   TEXT,
    redeemed_on   TEXT,                          -- business date it was used
    redeemed_by   INTEGER REFERENCES staff(id),
    staff_id      INTEGER REFERENCES staff(id)
);
CREATE INDEX vouchers_customer ON vouchers(customer_id, redeemed_at);
CREATE INDEX vouchers_date ON vouchers(business_date);
CREATE INDEX vouchers_redeemed_on ON vouchers(redeemed_on) WHERE redeemed_on IS NOT NULL;

-- One row per redemption at the counter; its ledger rows carry its id.
CREATE TABLE redemptions (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,          -- idempotency key: a resent redemption is a no-op
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    programme_id  INTEGER NOT NULL REFERENCES programmes(id),
    reward_id     INTEGER REFERENCES rewards(id),  -- NULL = store credit spent as money off
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    voucher_id    INTEGER REFERENCES vouchers(id),
    business_date TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    staff_id      INTEGER REFERENCES staff(id)
);
CREATE INDEX redemptions_customer ON redemptions(customer_id);
CREATE INDEX redemptions_date ON redemptions(business_date);

-- The ledger (DESIGN §3). A row with `consumes` NULL is a lot (quantity > 0)
-- or a debt (quantity < 0); a row with `consumes` draws on that row, with the
-- opposite sign, and never beyond what it has left. Balance = what is left of
-- the unexpired lots plus the debts.
CREATE TABLE ledger (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'adjust', 'opening', 'reversal',
                                                'birthday', 'referral', 'merge')),
    programme_id  INTEGER NOT NULL REFERENCES programmes(id),
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    quantity      INTEGER NOT NULL CHECK (quantity != 0),
    sale_id       INTEGER REFERENCES sales(id),
    voucher_id    INTEGER REFERENCES vouchers(id),
    reward_id     INTEGER REFERENCES rewards(id),
    redemption_id INTEGER REFERENCES redemptions(id),
    expires_on    TEXT,                          -- last business date a lot can be used; NULL = never
    consumes      INTEGER REFERENCES ledger(id),
    reason        TEXT NOT NULL DEFAULT '',
    staff_id      INTEGER REFERENCES staff(id),
    created_at    TEXT NOT NULL,
    business_date TEXT NOT NULL,
    CHECK (kind NOT IN ('redeem', 'expire') OR (quantity < 0 AND consumes IS NOT NULL)),
    CHECK (kind NOT IN ('earn', 'opening', 'birthday', 'referral') OR (quantity > 0 AND consumes IS NULL))
);
CREATE INDEX ledger_customer ON ledger(customer_id, programme_id, consumes);
CREATE INDEX ledger_consumes ON ledger(consumes) WHERE consumes IS NOT NULL;
CREATE INDEX ledger_sale ON ledger(sale_id) WHERE sale_id IS NOT NULL;
CREATE INDEX ledger_date ON ledger(business_date);
CREATE INDEX ledger_expiring ON ledger(expires_on) WHERE consumes IS NULL AND expires_on IS NOT NULL;

-- What each sale earned, per programme, split by rule: a return takes the
-- amount part back in proportion and the visit part once the sale falls below
-- the visit's minimum spend.
CREATE TABLE sale_earnings (
    sale_id      INTEGER NOT NULL REFERENCES sales(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    visit_units  INTEGER NOT NULL,
    amount_units INTEGER NOT NULL,
    min_spend    INTEGER NOT NULL,
    expires_on   TEXT,
    PRIMARY KEY (sale_id, programme_id)
) WITHOUT ROWID;

-- What the cashier was told when a sale or return was recorded (JSON events),
-- so a resent key shows the first result again.
CREATE TABLE sale_events (
    sale_id INTEGER PRIMARY KEY REFERENCES sales(id),
    events  TEXT NOT NULL
);

-- Units a return or void should have taken back but could not (already spent),
-- under the default rule "take what is left".
CREATE TABLE write_offs (
    id            INTEGER PRIMARY KEY,
    sale_id       INTEGER NOT NULL REFERENCES sales(id),  -- the sale that earned them
    cause_id      INTEGER NOT NULL REFERENCES sales(id),  -- the return, or the sale itself when voided
    programme_id  INTEGER NOT NULL REFERENCES programmes(id),
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    business_date TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX write_offs_sale ON write_offs(sale_id);
CREATE INDEX write_offs_customer ON write_offs(customer_id);

CREATE TABLE birthday_gifts (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    year         INTEGER NOT NULL,               -- the birthday year the gift is for
    birthday     TEXT NOT NULL,                  -- the birthday's date that year
    voucher_id   INTEGER REFERENCES vouchers(id),
    ledger_id    INTEGER REFERENCES ledger(id),
    issued_at    TEXT NOT NULL,
    issued_on    TEXT NOT NULL,                  -- business date
    UNIQUE (customer_id, programme_id, year)
);

CREATE TABLE referral_bonuses (
    id           INTEGER PRIMARY KEY,
    referred_id  INTEGER NOT NULL REFERENCES customers(id),
    referrer_id  INTEGER REFERENCES customers(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    sale_id      INTEGER NOT NULL REFERENCES sales(id),
    created_at   TEXT NOT NULL,
    UNIQUE (referred_id, programme_id)
);

-- Which imported opening balances the ledger has taken in (ledger_id NULL:
-- nothing to write, e.g. a zero balance or an erased customer).
CREATE TABLE opening_applied (
    opening_id INTEGER PRIMARY KEY REFERENCES opening_balances(id),
    ledger_id  INTEGER REFERENCES ledger(id),
    applied_at TEXT NOT NULL
);
"""

_LOYALTY_GUARDS = """
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
-- A draw must be on a row of the same customer and programme, of the opposite
-- sign, and may not take more than that row has left.
CREATE TRIGGER ledger_draw_fits BEFORE INSERT ON ledger WHEN new.consumes IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a ledger row may only draw on what is left of a row of the same customer and programme')
    WHERE NOT EXISTS (
        SELECT 1 FROM ledger b
        WHERE b.id = new.consumes AND b.consumes IS NULL
          AND b.customer_id = new.customer_id AND b.programme_id = new.programme_id
          AND ((b.quantity > 0 AND new.quantity < 0) OR (b.quantity < 0 AND new.quantity > 0))
          AND abs(b.quantity + new.quantity
                  + COALESCE((SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = b.id), 0))
              <= abs(b.quantity)
          AND (b.quantity + new.quantity
               + COALESCE((SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = b.id), 0)) * b.quantity >= 0
    );
END;

CREATE TRIGGER customer_tiers_no_update BEFORE UPDATE ON customer_tiers
BEGIN SELECT RAISE(ABORT, 'tier history is append-only'); END;
CREATE TRIGGER customer_tiers_no_delete BEFORE DELETE ON customer_tiers
BEGIN SELECT RAISE(ABORT, 'tier history is append-only'); END;

-- Only a merge may move these to the kept customer.
CREATE TRIGGER redemptions_fixed BEFORE UPDATE ON redemptions
WHEN new.id IS NOT old.id OR new.key IS NOT old.key OR new.programme_id IS NOT old.programme_id
  OR new.reward_id IS NOT old.reward_id OR new.quantity IS NOT old.quantity OR new.voucher_id IS NOT old.voucher_id
  OR new.business_date IS NOT old.business_date OR new.created_at IS NOT old.created_at
BEGIN SELECT RAISE(ABORT, 'redemptions are append-only'); END;
CREATE TRIGGER redemptions_no_delete BEFORE DELETE ON redemptions
BEGIN SELECT RAISE(ABORT, 'redemptions are append-only'); END;
CREATE TRIGGER write_offs_fixed BEFORE UPDATE ON write_offs
WHEN new.id IS NOT old.id OR new.sale_id IS NOT old.sale_id OR new.cause_id IS NOT old.cause_id
  OR new.programme_id IS NOT old.programme_id OR new.quantity IS NOT old.quantity
BEGIN SELECT RAISE(ABORT, 'write-offs are append-only'); END;
CREATE TRIGGER write_offs_no_delete BEFORE DELETE ON write_offs
BEGIN SELECT RAISE(ABORT, 'write-offs are append-only'); END;

-- A voucher is redeemed once: redeemed_at is set once and never cleared; only
-- a merge may move it to another customer.
CREATE TRIGGER vouchers_fixed BEFORE UPDATE ON vouchers
WHEN new.id IS NOT old.id OR new.code IS NOT old.code OR new.kind IS NOT old.kind OR new.item IS NOT old.item
  OR new.value IS NOT old.value OR new.cap IS NOT old.cap OR new.source IS NOT old.source
  OR new.issued_at IS NOT old.issued_at OR new.valid_until IS NOT old.valid_until
  OR (old.redeemed_at IS NOT NULL
      AND (new.redeemed_at IS NOT old.redeemed_at OR new.redeemed_on IS NOT old.redeemed_on
           OR new.redeemed_by IS NOT old.redeemed_by))
BEGIN SELECT RAISE(ABORT, 'a voucher is redeemed once and otherwise never changes'); END;
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
BEGIN SELECT RAISE(ABORT, 'vouchers are never deleted'); END;
"""

# The card a new shop starts with: every visit earns a stamp, ten stamps are a
# free coffee, a free coffee on the birthday, a stamp each for a referral.
_DEFAULT_PROGRAMME = """
INSERT INTO programmes (id, name, name_key, unit, visit_quantity, referrer_bonus, referred_bonus, sort_order,
                        created_at, updated_at)
VALUES (1, 'Coffee card', 'coffee card', 'stamps', 1, 1, 1, 0,
        strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
INSERT INTO rewards (id, programme_id, name, name_key, cost, kind, created_at, updated_at)
VALUES (1, 1, 'Free coffee', 'free coffee', 10, 'free_item',
        strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
UPDATE programmes SET birthday_reward_id = 1 WHERE id = 1;
"""


@MIGRATIONS(name="0003_feedback_and_analytics")
def m0003_feedback_and_analytics(db: Database) -> None:
    """NPS answers, and partial indexes over purchases (kind sale, not voided, with a
    customer) that the retention figures, cohorts and RFM read."""
    run_script(
        db,
        """
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment       TEXT NOT NULL DEFAULT '',
    customer_id   INTEGER REFERENCES customers(id),
    sale_id       INTEGER UNIQUE REFERENCES sales(id),   -- one answer per sale at most
    source        TEXT NOT NULL CHECK (source IN ('counter', 'kiosk', 'paper')),
    business_date TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    staff_id      INTEGER REFERENCES staff(id),
    handled_at    TEXT,                                   -- follow-up of a detractor
    handled_by    INTEGER REFERENCES staff(id),
    handled_note  TEXT
);
CREATE INDEX feedback_date ON feedback(business_date, score);
CREATE INDEX feedback_customer ON feedback(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX feedback_follow_up ON feedback(business_date) WHERE score <= 6 AND handled_at IS NULL;
CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback
BEGIN SELECT RAISE(ABORT, 'answers are never deleted'); END;
CREATE TRIGGER feedback_fixed BEFORE UPDATE ON feedback
WHEN new.score IS NOT old.score OR new.comment IS NOT old.comment OR new.sale_id IS NOT old.sale_id
  OR new.business_date IS NOT old.business_date OR new.created_at IS NOT old.created_at
  OR (old.handled_at IS NOT NULL AND new.handled_at IS NOT old.handled_at)
BEGIN SELECT RAISE(ABORT, 'answers are fixed once given'); END;
CREATE INDEX sales_purchases_by_date ON sales(business_date, customer_id, category)
    WHERE kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL;
CREATE INDEX sales_purchases_by_customer ON sales(customer_id, business_date)
    WHERE kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL;
-- The customers list opens sorted by name without sorting 100 000 rows.
CREATE INDEX customers_active_name ON customers(name_key) WHERE erased_at IS NULL AND merged_into IS NULL;
""",
    )


@MIGRATIONS(name="0004_lot_remaining")
def m0004_lot_remaining(db: Database) -> None:
    """What is left of each lot and debt, kept next to the append-only ledger so balances,
    expiry and redemptions read only the lots with something left instead of re-adding every
    draw a customer ever made. Derived: triggers keep it in step inside the writing
    statement's transaction (whoever writes the ledger), `check` compares it with the
    ledger replayed, and it is filled here from the ledger as it stands.

    Also a covering index for a customer's qualifying spend (`programs.qualifying_spend`,
    read on every sale), so it sums from the index without visiting each sale row."""
    run_script(
        db,
        """
CREATE TABLE lot_remaining (
    lot_id       INTEGER PRIMARY KEY REFERENCES ledger(id),   -- a ledger row with `consumes` NULL
    customer_id  INTEGER NOT NULL,                            -- copied from the lot (ledger rows never change)
    programme_id INTEGER NOT NULL,
    expires_on   TEXT,
    remaining    INTEGER NOT NULL    -- the lot's quantity plus every draw on it
);
CREATE INDEX lot_remaining_open ON lot_remaining(customer_id, programme_id) WHERE remaining != 0;
CREATE INDEX lot_remaining_due ON lot_remaining(expires_on) WHERE remaining > 0 AND expires_on IS NOT NULL;
CREATE TRIGGER ledger_lot_opened AFTER INSERT ON ledger WHEN new.consumes IS NULL
BEGIN
    INSERT INTO lot_remaining (lot_id, customer_id, programme_id, expires_on, remaining)
    VALUES (new.id, new.customer_id, new.programme_id, new.expires_on, new.quantity);
END;
CREATE TRIGGER ledger_lot_drawn AFTER INSERT ON ledger WHEN new.consumes IS NOT NULL
BEGIN
    UPDATE lot_remaining SET remaining = remaining + new.quantity WHERE lot_id = new.consumes;
END;
CREATE TRIGGER lot_remaining_no_delete BEFORE DELETE ON lot_remaining
BEGIN SELECT RAISE(ABORT, 'what is left of a lot follows the ledger, which is append-only'); END;
INSERT INTO lot_remaining (lot_id, customer_id, programme_id, expires_on, remaining)
SELECT l.id, l.customer_id, l.programme_id, l.expires_on,
       l.quantity + COALESCE((SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = l.id), 0)
FROM ledger l WHERE l.consumes IS NULL ORDER BY l.id;
-- voided_at (always NULL here) is in the index so SQLite reads the sum from the index alone.
CREATE INDEX sales_qualifying_spend ON sales(customer_id, business_date, amount, voided_at) WHERE voided_at IS NULL;
""",
    )


@MIGRATIONS(name="0005_ledger_by_day")
def m0005_ledger_by_day(db: Database) -> None:
    """The period's loyalty figures (issued, redeemed, expired, the liability as of a day) read
    the ledger by business date instead of scanning all of it."""
    run_script(
        db,
        """
CREATE INDEX ledger_business_date ON ledger(business_date, kind, programme_id, quantity, consumes);
""",
    )


@MIGRATIONS(name="0006_summaries")
def m0006_summaries(db: Database) -> None:
    """Small tables the month's figures read instead of the big ones, kept in step by triggers
    inside the writing statement's transaction (like `lot_remaining`), compared with the base
    tables by `check`, and filled here from what is already stored:

    - `customer_firsts`: each customer's first purchase day (new customers, cohorts, everyone
      who ever bought) without grouping every purchase ever made;
    - `sales_days`: each business day's revenue, sales and purchases (a month is ~30 rows);
    - `ledger_days`: each business day's ledger quantities by programme, kind, lot or draw and
      sign; a draw on a lot already past its last day also keeps that lot's last day and
      business date, so the liability on any day is a sum of a few hundred rows."""
    run_script(
        db,
        """
CREATE TABLE customer_firsts (
    customer_id    INTEGER PRIMARY KEY,   -- no foreign key: derived from sales, which has one
    first_purchase TEXT NOT NULL
);
CREATE INDEX customer_firsts_day ON customer_firsts(first_purchase);
-- ledger_business_date (0005) starts with the business date: this one only cost a write per row.
DROP INDEX ledger_date;
-- What a customer holds (balances, the report's opening balances) summed from the index alone.
DROP INDEX lot_remaining_open;
CREATE INDEX lot_remaining_open ON lot_remaining(customer_id, programme_id, expires_on, remaining) WHERE remaining != 0;
-- Members on a day and birthday gifts of a month, counted from an index alone.
CREATE INDEX customers_members_since ON customers(created_at) WHERE erased_at IS NULL AND merged_into IS NULL;
CREATE INDEX birthday_gifts_day ON birthday_gifts(issued_on);
CREATE TRIGGER sales_first_purchase AFTER INSERT ON sales
WHEN new.kind = 'sale' AND new.voided_at IS NULL AND new.customer_id IS NOT NULL
BEGIN
    INSERT INTO customer_firsts (customer_id, first_purchase) VALUES (new.customer_id, new.business_date)
    ON CONFLICT (customer_id) DO UPDATE SET first_purchase = excluded.first_purchase
    WHERE excluded.first_purchase < customer_firsts.first_purchase;
END;
-- A void or a merge can change who bought first when: read it again for both customers.
CREATE TRIGGER sales_first_purchase_changed AFTER UPDATE OF voided_at, customer_id ON sales
WHEN old.kind = 'sale' AND (old.voided_at IS NOT new.voided_at OR old.customer_id IS NOT new.customer_id)
BEGIN
    DELETE FROM customer_firsts WHERE customer_id IN (old.customer_id, new.customer_id);
    INSERT INTO customer_firsts (customer_id, first_purchase)
    SELECT customer_id, MIN(business_date) FROM sales INDEXED BY sales_purchases_by_customer
    WHERE customer_id IN (old.customer_id, new.customer_id)
      AND kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL
    GROUP BY customer_id;
END;

CREATE TABLE sales_days (
    business_date TEXT PRIMARY KEY,
    revenue       INTEGER NOT NULL,   -- sales minus returns, voids excluded, anonymous included
    sales         INTEGER NOT NULL,   -- rows of kind sale, not voided
    purchases     INTEGER NOT NULL,   -- … with a customer
    member_amount INTEGER NOT NULL    -- revenue from rows with a customer
) WITHOUT ROWID;
CREATE TRIGGER sales_day_added AFTER INSERT ON sales
BEGIN
    INSERT INTO sales_days (business_date, revenue, sales, purchases, member_amount)
    SELECT new.business_date,
           CASE WHEN new.voided_at IS NULL THEN new.amount ELSE 0 END,
           new.voided_at IS NULL AND new.kind = 'sale',
           new.voided_at IS NULL AND new.kind = 'sale' AND new.customer_id IS NOT NULL,
           CASE WHEN new.voided_at IS NULL AND new.customer_id IS NOT NULL THEN new.amount ELSE 0 END
    WHERE true
    ON CONFLICT (business_date) DO UPDATE SET
        revenue = revenue + excluded.revenue, sales = sales + excluded.sales,
        purchases = purchases + excluded.purchases, member_amount = member_amount + excluded.member_amount;
END;
CREATE TRIGGER sales_day_changed AFTER UPDATE OF voided_at, customer_id ON sales
WHEN old.voided_at IS NOT new.voided_at OR (old.customer_id IS NULL) != (new.customer_id IS NULL)
BEGIN
    UPDATE sales_days SET
        revenue = revenue
            + CASE WHEN new.voided_at IS NULL THEN new.amount ELSE 0 END
            - CASE WHEN old.voided_at IS NULL THEN old.amount ELSE 0 END,
        sales = sales + (new.voided_at IS NULL AND new.kind = 'sale') - (old.voided_at IS NULL AND old.kind = 'sale'),
        purchases = purchases
            + (new.voided_at IS NULL AND new.kind = 'sale' AND new.customer_id IS NOT NULL)
            - (old.voided_at IS NULL AND old.kind = 'sale' AND old.customer_id IS NOT NULL),
        member_amount = member_amount
            + CASE WHEN new.voided_at IS NULL AND new.customer_id IS NOT NULL THEN new.amount ELSE 0 END
            - CASE WHEN old.voided_at IS NULL AND old.customer_id IS NOT NULL THEN old.amount ELSE 0 END
    WHERE business_date = new.business_date;
END;

CREATE TABLE ledger_days (
    business_date   TEXT NOT NULL,
    programme_id    INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    lot             INTEGER NOT NULL,   -- 1: the rows open a lot or debt (consumes NULL); 0: they draw on one
    positive        INTEGER NOT NULL,   -- quantity > 0
    lapsed_on       TEXT NOT NULL,      -- a draw on a lot past its last day: that day; else ''
    lapsed_lot_date TEXT NOT NULL,      -- … and that lot's business date; else ''
    quantity        INTEGER NOT NULL,
    entries         INTEGER NOT NULL,
    PRIMARY KEY (business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date)
) WITHOUT ROWID;
CREATE TRIGGER ledger_day_added AFTER INSERT ON ledger
BEGIN
    INSERT INTO ledger_days (business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date,
                             quantity, entries)
    SELECT new.business_date, new.programme_id, new.kind, new.consumes IS NULL, new.quantity > 0,
           COALESCE(lapsed.expires_on, ''), COALESCE(lapsed.business_date, ''), new.quantity, 1
    FROM (SELECT 1) LEFT JOIN ledger AS lapsed
      ON lapsed.id = new.consumes AND lapsed.expires_on < new.business_date
    WHERE true
    ON CONFLICT (business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date) DO UPDATE SET
        quantity = quantity + excluded.quantity, entries = entries + 1;
END;

INSERT INTO customer_firsts (customer_id, first_purchase)
SELECT customer_id, MIN(business_date) FROM sales INDEXED BY sales_purchases_by_customer
WHERE kind = 'sale' AND voided_at IS NULL AND customer_id IS NOT NULL
GROUP BY customer_id;
INSERT INTO sales_days (business_date, revenue, sales, purchases, member_amount)
SELECT business_date,
       SUM(CASE WHEN voided_at IS NULL THEN amount ELSE 0 END),
       SUM(voided_at IS NULL AND kind = 'sale'),
       SUM(voided_at IS NULL AND kind = 'sale' AND customer_id IS NOT NULL),
       SUM(CASE WHEN voided_at IS NULL AND customer_id IS NOT NULL THEN amount ELSE 0 END)
FROM sales GROUP BY business_date;
INSERT INTO ledger_days (business_date, programme_id, kind, lot, positive, lapsed_on, lapsed_lot_date,
                         quantity, entries)
SELECT d.business_date, d.programme_id, d.kind, d.consumes IS NULL, d.quantity > 0,
       COALESCE(lapsed.expires_on, ''), COALESCE(lapsed.business_date, ''), SUM(d.quantity), COUNT(*)
FROM ledger d LEFT JOIN ledger AS lapsed ON lapsed.id = d.consumes AND lapsed.expires_on < d.business_date
GROUP BY 1, 2, 3, 4, 5, 6, 7;
""",
    )
