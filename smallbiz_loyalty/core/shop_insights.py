"""The analytics half of `Shop`: NPS answers and the follow-up list, the
period figures, cohorts, RFM and the lists to act on, and the customers list.

Anyone records an answer and reads the customers list; the figures, the lists
to act on and the follow-ups are the owner's."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import (
    audiences,
    counter,
    customer_list,
    customers,
    duplicates,
    feedback,
    metrics,
    sales,
    segments,
    templates,
)
from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.dates import Clock, parse_month
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.feedback import Feedback
from smallbiz_loyalty.core.permissions import Guarded
from smallbiz_loyalty.core.sales import Sale
from smallbiz_loyalty.core.shop_clock import ShopClock


class InsightActions(Guarded, ShopClock):
    """Mixed into `Shop`; relies on its store, clock, staff member and settings."""

    db: Database
    clock: Clock
    staff_id: int
    _settings: dict[str, Any]

    # -- NPS ------------------------------------------------------------
    def record_feedback(
        self,
        *,
        score: object,
        comment: object = None,
        customer_id: int | None = None,
        sale_id: int | None = None,
        source: str = "counter",
        at: datetime | None = None,
    ) -> Feedback:
        """Record one 0–10 answer; at most one per sale."""
        now, today = self._moment(at)
        with transaction(self.db):
            return feedback.insert_feedback(
                self.db,
                score=score,
                comment=comment,
                customer_id=customer_id,
                sale_id=sale_id,
                source=source,
                business_date=today,
                now=now,
                staff_id=self.staff_id,
            )

    def follow_ups(self) -> list[Feedback]:
        """Unhappy known customers waiting for the owner's call, oldest first."""
        self._require("follow_ups")
        return feedback.follow_ups(self.db)

    def mark_feedback_handled(self, feedback_id: int, *, note: object) -> Feedback:
        self._require("follow_ups")
        now, _today = self._moment(None)
        with transaction(self.db):
            return feedback.mark_handled(self.db, feedback_id, note=note, now=now, staff_id=self.staff_id)

    def feedback_of(self, customer_id: int) -> list[Feedback]:
        return feedback.feedback_of_customer(self.db, customer_id)

    # -- figures --------------------------------------------------------
    def month_metrics(self, month: str) -> metrics.Metrics:
        """The month's figures ("YYYY-MM") with the month before."""
        self._require("reports")
        return metrics.month_metrics(self.db, month, self._settings)

    def period_metrics(self, start: date, end: date) -> metrics.Metrics:
        self._require("reports")
        return metrics.period_metrics(self.db, start, end, self._settings)

    def rfm(self, today: date | None = None) -> list[segments.RfmRow]:
        self._require("reports")
        return segments.rfm(self.db, today or self._moment(None)[1])

    def rfm_segment_counts(self, today: date | None = None) -> dict[str, int]:
        self._require("reports")
        return segments.rfm_segment_counts(self.db, today or self._moment(None)[1])

    def cohorts(self, last_month_start: date, *, months: int = 12) -> list[segments.Cohort]:
        self._require("reports")
        return segments.cohorts(self.db, last_month_start, months=months)

    def at_risk(self, today: date | None = None, *, limit: int = 100) -> list[segments.CustomerLine]:
        self._require("reports")
        return segments.at_risk(self.db, today or self._moment(None)[1], self._settings, limit=limit)

    def top_customers(self, start: date, end: date, *, limit: int = 10) -> list[segments.CustomerLine]:
        self._require("reports")
        return segments.top_customers(self.db, start, end, limit=limit)

    def new_customers(self, start: date, end: date) -> list[segments.CustomerLine]:
        self._require("reports")
        return segments.new_customers(self.db, start, end)

    # -- notes ------------------------------------------------------------
    def note_recipients(
        self, kind: str, *, month: str | None = None, ids: list[int] | None = None, lang: str | None = None
    ) -> list[audiences.Recipient]:
        """Who gets a `kind` note ("thank-you" | "birthday" | "win-back") and what it says, in `lang`
        (default: the shop's language): the chosen `ids`, else the kind's audience for `month` ("YYYY-MM")."""
        self._require("reports")
        start = parse_month(month)[0] if month else None
        return audiences.note_recipients(
            self.db,
            kind,
            today=self._moment(None)[1],
            settings=self._settings,
            lang=lang or self._settings["language"],
            month=start,
            ids=ids,
        )

    def note_template(self, kind: str, lang: str | None = None) -> str:
        """The owner's text for a kind of note, or the built-in one in `lang` when none is set."""
        return templates.template_for(kind, self._settings, lang or self._settings["language"])

    # -- the customers list ------------------------------------------------
    def count_customers(self) -> int:
        return customer_list.count_customers(self.db)

    def customer_ids(self, *, order: str = "name", descending: bool = False) -> list[int]:
        """Every current customer's id, in `order` (see customer_list.ORDERS)."""
        return customer_list.list_customer_ids(self.db, order=order, descending=descending)

    def customers_by_ids(self, ids: list[int]) -> list[Customer]:
        return customers.customers_by_ids(self.db, ids)

    def sales_of_customer(self, customer_id: int, *, limit: int = 200) -> list[Sale]:
        """A customer's sales and returns, newest first."""
        return sales.sales_of_customer(self.db, customer_id, limit=limit)

    def suggest_duplicates(self, customer_id: int, *, limit: int = 10) -> list[Customer]:
        """Customers who may be the same person (same phone digits, a very similar name)."""
        return duplicates.suggest_duplicates(self.db, customer_id, limit=limit)

    def recent_categories(self, *, limit: int = 8) -> list[str]:
        """The categories the counter offers as buttons, most used recently first."""
        return counter.recent_categories(self.db, limit=limit)

    def is_new(self) -> bool:
        """True while the shop has neither customers nor sales (the first-run welcome)."""
        (has_data,) = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM sales)"
        ).fetchone()
        return not has_data
