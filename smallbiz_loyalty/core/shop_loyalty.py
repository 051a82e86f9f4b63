"""The loyalty half of `Shop`: redeem, adjust, status, expiry, birthdays,
merges and the programme editor. Each call is one transaction and returns a
result saying what happened and which kinds of data changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core import audit, birthdays, ledger, loyalty, merging, programs, redeeming, rewards, status
from smallbiz_loyalty.core.birthdays import BirthdayGift, UpcomingBirthday
from smallbiz_loyalty.core.changes import CUSTOMERS, LEDGER, SALES
from smallbiz_loyalty.core.customers import get_customer
from smallbiz_loyalty.core.dates import Clock
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.ledger import Context, Entry
from smallbiz_loyalty.core.loyalty import Rules
from smallbiz_loyalty.core.permissions import Guarded
from smallbiz_loyalty.core.programs import Programme, Tier
from smallbiz_loyalty.core.redeeming import Redeemed
from smallbiz_loyalty.core.rewards import Reward, Voucher
from smallbiz_loyalty.core.shop_clock import ShopClock
from smallbiz_loyalty.core.status import CustomerStatus


@dataclass(frozen=True)
class VoucherResult:
    voucher: Voucher
    give: str
    changed: frozenset[str] = frozenset({LEDGER})


@dataclass(frozen=True)
class AdjustResult:
    customer_id: int
    programme: Programme
    quantity: int
    balance: int
    changed: frozenset[str] = frozenset({LEDGER})


@dataclass(frozen=True)
class BirthdayResult:
    gifts: tuple[BirthdayGift, ...]

    @property
    def changed(self) -> frozenset[str]:
        return frozenset({LEDGER}) if self.gifts else frozenset()


@dataclass(frozen=True)
class MergeResult:
    merged: merging.Merged
    changed: frozenset[str] = field(default_factory=lambda: frozenset({CUSTOMERS, SALES, LEDGER}))


class LoyaltyActions(Guarded, ShopClock):
    """Mixed into `Shop`; relies on its store, clock, staff member and settings."""

    db: Database
    clock: Clock
    staff_id: int
    _settings: dict[str, Any]

    # -- context ------------------------------------------------------------
    def _context(self, at: datetime | None = None) -> Context:
        now, today = self._moment(at)
        return Context(
            today=today,
            now=now,
            staff_id=self.staff_id,
            currency=self._settings["currency"],
        )

    @property
    def loyalty_rules(self) -> Rules:
        return loyalty.rules_from_settings(self._settings)

    # -- the counter --------------------------------------------------------
    def customer_status(self, customer_id: int) -> CustomerStatus:
        """Balances, rewards ready, tier, vouchers and birthday of one customer, as of today."""
        return status.customer_status(self.db, customer_id, self._context().today)

    def ledger_entries(self, customer_id: int, *, programme: int | str | None = None, limit: int = 200) -> list[Entry]:
        """A customer's ledger rows, newest first."""
        programme_id = programs.find_programme(self.db, programme).id if programme is not None else None
        return ledger.entries(self.db, customer_id, programme_id=programme_id, limit=limit)

    def tier_history(self, customer_id: int) -> list[loyalty.TierChange]:
        """Every recorded change of the customer's tiers, newest first."""
        return loyalty.tier_history(self.db, customer_id)

    def vouchers(self, customer_id: int, *, usable_only: bool = False) -> list[Voucher]:
        today = self._context().today if usable_only else None
        return rewards.vouchers_of(self.db, customer_id, usable_on=today)

    def redeem(
        self, customer_id: int, reward: int | str, *, key: object = None, at: datetime | None = None
    ) -> Redeemed:
        """Redeem a reward (by id or name): checks the balance, deducts exactly once, says what to give."""
        ctx = self._context(at)
        with transaction(self.db):
            return redeeming.redeem_reward(self.db, ctx, customer_id=customer_id, reward=reward, key=key)

    def use_credit(
        self,
        customer_id: int,
        amount: int,
        *,
        programme: int | str | None = None,
        key: object = None,
        at: datetime | None = None,
    ) -> Redeemed:
        """Spend `amount` minor units of store credit as money off."""
        ctx = self._context(at)
        with transaction(self.db):
            chosen = self._credit_programme(programme)
            return redeeming.use_credit(self.db, ctx, customer_id=customer_id, programme=chosen, amount=amount, key=key)

    def _credit_programme(self, programme: int | str | None) -> Programme:
        if programme is not None:
            return programs.find_programme(self.db, programme)
        found = [p for p in programs.list_programmes(self.db, active_only=True) if p.unit == "credit"]
        if not found:
            raise InvalidInput("programme", _("The shop has no store credit programme."))
        return found[0]

    def redeem_voucher(self, code: str, *, at: datetime | None = None) -> VoucherResult:
        """Use a voucher (once) and say what to give."""
        ctx = self._context(at)
        with transaction(self.db):
            voucher, give = redeeming.redeem_voucher(self.db, ctx, code)
        return VoucherResult(voucher, give)

    # -- owner corrections ------------------------------------------------
    def adjust(
        self, customer_id: int, programme: int | str, quantity: int, reason: object, *, at: datetime | None = None
    ) -> AdjustResult:
        """Correct a balance by hand; needs a reason, is recorded with who did it and audited."""
        self._require("adjust")
        why = loyalty.check_reason(reason)
        ctx = self._context(at)
        with transaction(self.db):
            chosen = programs.find_programme(self.db, programme)
            balance = loyalty.adjust(
                self.db, ctx, customer_id=customer_id, programme=chosen, quantity=quantity, reason=why,
                rules=self.loyalty_rules,
            )  # fmt: skip
            audit.record(
                self.db, at=ctx.now, staff_id=self.staff_id, action="adjust_balance", subject=str(customer_id),
                programme=chosen.name, quantity=quantity, reason=why, balance=balance,
            )  # fmt: skip
        return AdjustResult(customer_id, chosen, quantity, balance)

    def merge_customers(self, keep_id: int, merge_id: int) -> MergeResult:
        """Merge a duplicate customer into the one to keep: sales, balances, vouchers, history; audited."""
        self._require("merge")
        ctx = self._context()
        with transaction(self.db):
            return MergeResult(merging.merge_customers(self.db, ctx, keep_id, merge_id))

    def apply_opening_balances(self) -> int:
        """Take imported opening balances into the ledger (each once); returns the rows written. Owner only."""
        self._require("import")
        ctx = self._context()
        with transaction(self.db):
            return loyalty.apply_opening_balances(self.db, now=ctx.now, today=ctx.today)

    # -- daily jobs ------------------------------------------------------------
    def expire_due(self, *, at: datetime | None = None) -> int:
        """Write the expiry of every lot that expired before today; returns rows written."""
        ctx = self._context(at)
        with transaction(self.db):
            return ledger.expire_due(self.db, ctx)

    def issue_birthday_gifts(self, *, at: datetime | None = None) -> BirthdayResult:
        """Give the birthday gifts now due; running it again the same day gives nothing new."""
        ctx = self._context(at)
        rules = self.loyalty_rules
        with transaction(self.db):
            gifts = birthdays.issue_birthday_gifts(
                self.db, ctx, days_before=rules.birthday_days_before, valid_days=rules.birthday_valid_days
            )
        return BirthdayResult(tuple(gifts))

    def upcoming_birthdays(self, days: int = 30) -> list[UpcomingBirthday]:
        """Birthdays from today through the next `days` days, soonest first."""
        return birthdays.upcoming_birthdays(self.db, self._context().today, days)

    # -- programme editor (owner) ----------------------------------------------
    def programmes(self, *, active_only: bool = False) -> list[Programme]:
        return programs.list_programmes(self.db, active_only=active_only)

    def programme(self, ref: int | str) -> Programme:
        return programs.find_programme(self.db, ref)

    def tiers(self, programme: int | str) -> list[Tier]:
        return programs.tiers_of(self.db, programs.find_programme(self.db, programme).id)

    def rewards(self, programme: int | str | None = None, *, active_only: bool = True) -> list[Reward]:
        programme_id = programs.find_programme(self.db, programme).id if programme is not None else None
        return rewards.rewards_of(self.db, programme_id, active_only=active_only)

    def _configure(self, action: str, subject: str, change: Any, **detail: Any) -> Any:
        self._require("programmes")
        ctx = self._context()
        with transaction(self.db):
            result = change(ctx.now)
            audit.record(self.db, at=ctx.now, staff_id=self.staff_id, action=action, subject=subject, **detail)
        return result

    def create_programme(self, *, name: object, unit: str, **rules: Any) -> Programme:
        """Start a programme (see `programs.Programme` for the rules)."""
        return self._configure(
            "create_programme", str(name)[:60],
            lambda now: programs.create_programme(self.db, now=now, name=name, unit=unit, **rules),
            unit=unit, **rules,
        )  # fmt: skip

    def update_programme(self, programme: int | str, **changes: Any) -> Programme:
        chosen = programs.find_programme(self.db, programme)
        return self._configure(
            "update_programme", str(chosen.id),
            lambda now: programs.update_programme(self.db, chosen.id, now=now, **changes), **changes,
        )  # fmt: skip

    def add_tier(self, programme: int | str, *, name: object, min_spend: int, multiplier: int = 100) -> Tier:
        chosen = programs.find_programme(self.db, programme)
        return self._configure(
            "add_tier", str(chosen.id),
            lambda now: programs.add_tier(
                self.db, chosen.id, name=name, min_spend=min_spend, multiplier=multiplier, now=now
            ),
            name=name, min_spend=min_spend, multiplier=multiplier,
        )  # fmt: skip

    def update_tier(self, tier_id: int, **changes: Any) -> Tier:
        return self._configure(
            "update_tier", str(tier_id), lambda now: programs.update_tier(self.db, tier_id, **changes), **changes
        )

    def add_reward(self, programme: int | str, *, name: object, cost: int, **terms: Any) -> Reward:
        """Add a reward (kind free_item | fixed_discount | percent_discount | voucher, value, cap, valid_days)."""
        chosen = programs.find_programme(self.db, programme)
        return self._configure(
            "add_reward", str(chosen.id),
            lambda now: rewards.add_reward(self.db, chosen.id, name=name, cost=cost, now=now, **terms),
            name=name, cost=cost, **terms,
        )  # fmt: skip

    def update_reward(self, reward_id: int, **changes: Any) -> Reward:
        return self._configure(
            "update_reward", str(reward_id),
            lambda now: rewards.update_reward(self.db, reward_id, now=now, **changes), **changes,
        )  # fmt: skip

    def issue_voucher(
        self, customer_id: int, *, item: object, kind: str = "free_item", value: int = 0, valid_days: int | None = None
    ) -> Voucher:
        """Give a customer a voucher by hand (owner): a free item or money off."""
        self._require("issue_voucher")
        text = loyalty.check_reason(item)
        ctx = self._context()
        with transaction(self.db):
            if not get_customer(self.db, customer_id).active:
                raise InvalidInput("customer", _("Vouchers can only be given to a current customer."))
            voucher = rewards.issue_voucher(
                self.db, customer_id=customer_id, kind=kind, item=text, value=value, source="manual",
                today=ctx.today, now=ctx.now, valid_days=valid_days, staff_id=self.staff_id,
            )  # fmt: skip
            audit.record(
                self.db, at=ctx.now, staff_id=self.staff_id, action="issue_voucher", subject=str(customer_id),
                code=voucher.code, item=text,
            )  # fmt: skip
        return voucher
