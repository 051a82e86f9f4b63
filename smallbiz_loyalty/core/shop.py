"""`Shop`: the one service object the GUI, the CLI and the tests use.

It opens the store, knows the settings, the clock and who is signed in, and
runs every user action as one transaction. Mutating calls return a result that
says what happened and which kinds of data changed (`changed`), so screens
refresh only what they show."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, customers, loyalty, reversals, sales
from smallbiz_loyalty.core.changes import CUSTOMERS, FEEDBACK, LEDGER, SALES, SETTINGS
from smallbiz_loyalty.core.checks import Problem, check_store
from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.dates import Clock, system_clock
from smallbiz_loyalty.core.db import open_store, transaction
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.loyalty_text import render_events
from smallbiz_loyalty.core.money import parse_amount
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.sales import Sale
from smallbiz_loyalty.core.settings import load_settings, store_setting
from smallbiz_loyalty.core.shop_insights import InsightActions
from smallbiz_loyalty.core.shop_loyalty import LoyaltyActions
from smallbiz_loyalty.core.shop_safety import SafetyActions
from smallbiz_loyalty.core.text import clean_text, shown

if TYPE_CHECKING:
    from smallbiz_loyalty.core.importing import ImportReport

__all__ = ["CUSTOMERS", "FEEDBACK", "LEDGER", "SALES", "SETTINGS", "CustomerResult", "SaleResult", "Shop"]


@dataclass(frozen=True)
class SaleResult:
    sale: Sale
    duplicate: bool = False  # the key had been used: nothing new was written
    messages: tuple[str, ...] = ()  # what to tell the cashier ("+1 stamp — 7/10")
    changed: frozenset[str] = field(default_factory=lambda: frozenset({SALES, LEDGER}))


@dataclass(frozen=True)
class CustomerResult:
    customer: Customer
    changed: frozenset[str] = frozenset({CUSTOMERS})


class Shop(LoyaltyActions, InsightActions, SafetyActions):
    """A shop's store, opened on one database file."""

    def __init__(
        self, db: Database, *, clock: Clock = system_clock, staff_id: int = 1, path: Path | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.staff_id = staff_id
        self.path = path
        self._settings: dict[str, Any] = load_settings(db)

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock = system_clock) -> Shop:
        """Open (or create) the shop whose data is in `path`."""
        path = Path(path)
        return cls(open_store(path), clock=clock, path=path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Shop:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings -------------------------------------------------------
    @property
    def settings(self) -> dict[str, Any]:
        return dict(self._settings)

    @property
    def currency(self) -> str:
        return self._settings["currency"]

    @property
    def region(self) -> str:
        return self._settings["phone_region"]

    def set_settings(self, **values: Any) -> dict[str, Any]:
        """Change several settings at once; all are checked before any is written (owner only)."""
        self._require("settings")
        now = self._now()
        with transaction(self.db):
            for key, value in values.items():
                store_setting(self.db, key, value)
            audit.record(self.db, at=now, staff_id=self.staff_id, action="settings", **values)
        self._settings = load_settings(self.db)
        return self.settings

    def reload_settings(self) -> dict[str, Any]:
        """Read the settings again (after a rolled-back change or another window's edit)."""
        self._settings = load_settings(self.db)
        return self.settings

    # -- time -----------------------------------------------------------

    # -- customers ------------------------------------------------------
    def enrol(
        self,
        *,
        name: object,
        phone: object = None,
        email: object = None,
        birthday: object = None,
        notes: object = None,
        consent_marketing: bool = False,
        consent_notes: bool = True,
        referred_by: int | None = None,
        card_code: str | None = None,
        rng: random.Random | None = None,
        at: datetime | None = None,
    ) -> CustomerResult:
        fields = customers.check_fields(
            name=name,
            phone=phone,
            email=email,
            birthday=birthday,
            notes=notes,
            consent_marketing=consent_marketing,
            consent_notes=consent_notes,
            region=self.region,
        )
        with transaction(self.db):
            customer = customers.insert_customer(
                self.db, fields, now=self._moment(at)[0], referred_by=referred_by, card_code=card_code, rng=rng
            )
        return CustomerResult(customer)

    def edit_customer(self, customer_id: int, **changes: Any) -> CustomerResult:
        current = customers.get_customer(self.db, customer_id)
        fields = customers.fields_of(current, self.region, **changes)
        now = self._now()
        with transaction(self.db):
            customer = customers.update_customer(self.db, customer_id, fields, now=now)
            audit.record(
                self.db,
                at=now,
                staff_id=self.staff_id,
                action="edit_customer",
                subject=str(customer_id),
                fields=sorted(changes),
            )
        return CustomerResult(customer)

    def customer(self, customer_id: int) -> Customer:
        return customers.get_customer(self.db, customer_id)

    def find_customers(self, text: str, *, limit: int = 20) -> list[Customer]:
        return customers.find_customers(self.db, text, limit=limit)

    def resolve_customer(self, text: str) -> Customer:
        """The customer with this phone number or card code (for the CLI and scanners)."""
        return customers.resolve_customer(self.db, text, self.region)

    # -- sales ----------------------------------------------------------
    def parse_amount(self, text: object) -> int:
        """Minor units of the shop's currency from what was typed."""
        return parse_amount(text, self.currency, babel_locale())

    def record_sale(
        self,
        *,
        customer_id: int | None,
        amount: int,
        category: object = None,
        key: object = None,
        at: datetime | None = None,
    ) -> SaleResult:
        """Record a sale and earn in every active loyalty programme, in one transaction.

        A key that was already used returns the first result (with its messages)
        and writes nothing. `at` backdates the sale (demo data, imports); the
        counter leaves it to the clock."""
        amount = sales.check_amount(amount, self.currency)
        _check_customer_id(customer_id)
        moment = at or self.clock()
        checked_key = sales.check_key(key)
        checked_category = sales.check_category(category)
        with transaction(self.db):
            existing = sales.sale_by_key(self.db, checked_key)
            if existing is not None:
                if customer_id is not None:  # a merge since the first send moved the sale
                    customer_id = loyalty.follow_merges(self.db, customer_id).id
                self._refuse_key_reuse(existing, kind="sale", customer_id=customer_id, amount=amount)
                return self._replayed(existing)
            customer: Customer | None = None
            if customer_id is not None:
                customer = customers.get_customer(self.db, customer_id)
                if not customer.active:
                    raise RuleViolation(
                        _("{name} has been erased or merged; sales cannot be added.", name=customer.name)
                    )
            ctx = self._context(moment)
            sale = sales.insert_sale(
                self.db,
                key=checked_key,
                customer_id=customer_id,
                amount=amount,
                category=checked_category,
                business_date=ctx.today,
                now=ctx.now,
                staff_id=self.staff_id,
                currency=self.currency,
            )
            events = loyalty.on_sale(self.db, ctx, sale, customer=customer)
            loyalty.save_events(self.db, sale.id, events)
        return SaleResult(sale, messages=render_events(events, self.currency))

    def _replayed(self, existing: Sale) -> SaleResult:
        events = loyalty.load_events(self.db, existing.id)
        return SaleResult(existing, duplicate=True, messages=render_events(events, self.currency), changed=frozenset())

    def record_return(
        self, sale_id: int, *, amount: int | None = None, key: object = None, at: datetime | None = None
    ) -> SaleResult:
        """Return all (amount None) or part of a sale; what it earned is taken back in proportion."""
        if amount is not None:
            sales.check_minor_units(amount)
        moment = at or self.clock()
        checked_key = sales.check_key(key)
        with transaction(self.db):
            existing = sales.sale_by_key(self.db, checked_key)
            if existing is not None:
                self._refuse_key_reuse(existing, kind="return", amount=-amount if amount else None, original=sale_id)
                return self._replayed(existing)
            ctx = self._context(moment)
            original = sales.get_sale(self.db, sale_id)
            sale = sales.insert_return(
                self.db,
                key=checked_key,
                original=original,
                amount=amount,
                business_date=ctx.today,
                now=ctx.now,
                staff_id=self.staff_id,
                currency=self.currency,
            )
            events = reversals.on_return(self.db, ctx, sale, self.loyalty_rules)
            loyalty.save_events(self.db, sale.id, events)
        return SaleResult(sale, messages=render_events(events, self.currency))

    def void_sale(self, sale_id: int, *, reason: object, at: datetime | None = None) -> SaleResult:
        """Cancel a sale (or a return) entered by mistake; it stays in the history, marked void,
        and what it earned (or took back) is given back."""
        why = clean_text(reason, field="reason", label=_("The reason"), max_length=200, required=True)
        ctx = self._context(at)
        with transaction(self.db):
            sale = sales.mark_void(
                self.db, sales.get_sale(self.db, sale_id), reason=why, now=ctx.now, staff_id=self.staff_id
            )
            events = reversals.on_void(self.db, ctx, sale, self.loyalty_rules)
            audit.record(
                self.db, at=ctx.now, staff_id=self.staff_id, action="void_sale", subject=str(sale_id), reason=why
            )
        return SaleResult(sale, messages=render_events(events, self.currency))

    def check(self, *, quick: bool = False) -> list[Problem]:
        """Every problem found in the store; empty when healthy."""
        return check_store(self.db, quick=quick)

    # -- import / export -------------------------------------------------
    def import_customers(
        self,
        data: bytes,
        *,
        fmt: str = "auto",
        on_duplicate: str = "skip",
        dry_run: bool = False,
        progress: Progress | None = None,
        should_cancel: ShouldCancel | None = None,
    ) -> ImportReport:
        """Import a customer CSV (all valid rows in one transaction; bad rows reported by line). Owner only."""
        self._require("import")
        from smallbiz_loyalty.core import importing

        ctx = self._context()
        with transaction(self.db):
            report = importing.import_customers(
                self.db,
                data,
                region=self.region,
                now=ctx.now,
                staff_id=self.staff_id,
                fmt=fmt,
                on_duplicate=on_duplicate,
                dry_run=dry_run,
                progress=progress,
                should_cancel=should_cancel,
            )
            if not dry_run:  # opening balances become ledger rows in the same transaction
                loyalty.apply_opening_balances(self.db, now=ctx.now, today=ctx.today)
        return report

    def export(self, what: str, path: str | Path) -> int:
        """Write customers, sales, … to a CSV file (UTF-8 with BOM); returns the row count. Owner only."""
        self._require("export")
        from smallbiz_loyalty.core import exporting

        count = exporting.export_table(self.db, what, Path(path), currency=self.currency)
        with transaction(self.db):
            audit.record(self.db, at=self._now(), staff_id=self.staff_id, action="export", subject=what, rows=count)
        return count

    def sale(self, sale_id: int) -> Sale:
        return sales.get_sale(self.db, sale_id)

    @staticmethod
    def _refuse_key_reuse(
        existing: Sale, *, kind: str, amount: int | None, customer_id: int | None = None, original: int | None = None
    ) -> None:
        same = existing.kind == kind and (amount is None or existing.amount == amount)
        if kind == "sale":
            same = same and existing.customer_id == customer_id
        else:
            same = same and existing.original_sale_id == original
        if not same:
            raise InvalidInput(
                "key", _("The key {key} was already used for a different sale.", key=shown(existing.key))
            )


def _check_customer_id(customer_id: object) -> None:
    """A customer number or None (no customer); True would be customer 1, "12" a guess."""
    if customer_id is not None and (not isinstance(customer_id, int) or isinstance(customer_id, bool)):
        raise InvalidInput("customer", _("The customer must be given by their customer number, such as 42."))
