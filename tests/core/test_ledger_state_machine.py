"""Random sequences of sales, resent sales, returns, voids, redemptions,
adjustments, days passing, expiry runs, merges and birthday runs; after every
step the ledger's invariants are checked against an independent replay of its
rows in plain Python:

- balance = what is left of the unexpired lots (+ debts), computed here row by row;
- no balance is negative unless the owner allows it;
- every redeem and expire row draws on a lot, no lot is drawn beyond what it holds,
  and an expiry never comes before the lot's last day;
- a resent sale (or redemption) key changes nothing;
- the tier is the one the qualifying spend reaches, whatever the balance."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from smallbiz_loyalty.core import ledger, programs
from smallbiz_loyalty.core.checks import ledger_draws, ledger_expiry, ledger_sums, lot_remaining, summaries
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.loyalty import Rules
from smallbiz_loyalty.core.shop import Shop

CATEGORIES = st.sampled_from([None, "Coffee", "Cakes", "Beans"])


class AllowingShop(Shop):
    """The shop with the owner's rule "allow negative balances" (as the setting would give it)."""

    @property
    def loyalty_rules(self) -> Rules:
        return Rules(negative_balance="allow")


class LedgerMachine(RuleBasedStateMachine):
    shop_class: type[Shop] = Shop
    allows_negative = False

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.moment = datetime(2026, 1, 5, 9, tzinfo=UTC)
        self.shop = self.shop_class.open(Path(self.folder.name) / "shop.db", clock=lambda: self.moment)
        self.sale_keys: dict[str, tuple[str, ...]] = {}
        self.redeem_keys: list[tuple[str, int, int]] = []
        self.counter = 0

    @initialize()
    def set_up_the_shop(self) -> None:
        shop = self.shop
        shop.set_settings(currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
        shop.update_programme(1, visit_min_spend=1_000, expiry_kind="end_of_month")
        self.points = shop.create_programme(
            name="Points", unit="points", rate_quantity=1, rate_per=1_000, expiry_kind="days", expiry_days=20,
            categories={"Cakes": 200, "Beans": 0}, referrer_bonus=3, referred_bonus=2, birthday_quantity=4,
        ).id  # fmt: skip
        shop.add_tier(self.points, name="Silver", min_spend=20_000, multiplier=110)
        shop.add_tier(self.points, name="Gold", min_spend=60_000, multiplier=150)
        shop.add_reward(self.points, name="Cake", cost=5)
        shop.add_reward(self.points, name="Voucher", cost=15, kind="voucher", value=2_000, valid_days=10)
        self.customers = []
        for index, birthday in enumerate(("01-08", "01-20", "02-29", None)):
            customer = shop.enrol(
                name=f"Customer {index}", phone=f"+9655000000{index}", birthday=birthday,
                consent_marketing=index != 1, referred_by=self.customers[0] if index == 3 else None,
            ).customer  # fmt: skip
            self.customers.append(customer.id)

    def teardown(self) -> None:
        self.shop.close()
        self.folder.cleanup()

    # -- helpers -------------------------------------------------------------
    def _active(self) -> list[int]:
        return [c for c in self.customers if self.shop.customer(c).active]

    def _ledger_size(self) -> int:
        return self.shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone()[0]

    def _sales(self, where: str) -> list[int]:
        return [r[0] for r in self.shop.db.execute(f"SELECT id FROM sales WHERE {where} ORDER BY id")]

    # -- steps ---------------------------------------------------------------------
    @rule(who=st.integers(0, 3), amount=st.integers(1, 40_000), category=CATEGORIES)
    def sale(self, who: int, amount: int, category: str | None) -> None:
        active = self._active()
        self.counter += 1
        key = f"sale-{self.counter}"
        result = self.shop.record_sale(customer_id=active[who % len(active)], amount=amount, category=category, key=key)
        self.sale_keys[key] = result.messages

    @precondition(lambda self: self.sale_keys)
    @rule(data=st.data())
    def resend_a_sale(self, data: st.DataObject) -> None:
        key = data.draw(st.sampled_from(sorted(self.sale_keys)))
        first = self.shop.db.execute("SELECT customer_id, amount FROM sales WHERE key = ?", [key]).fetchone()
        before = self._ledger_size()
        result = self.shop.record_sale(customer_id=first[0], amount=first[1], key=key)
        assert result.duplicate
        assert result.messages == self.sale_keys[key]
        assert self._ledger_size() == before

    @rule(data=st.data(), whole=st.booleans())
    def return_part_of_a_sale(self, data: st.DataObject, whole: bool) -> None:
        candidates = self._sales(
            "kind = 'sale' AND voided_at IS NULL AND amount > COALESCE((SELECT -SUM(r.amount) FROM sales r"
            " WHERE r.original_sale_id = sales.id AND r.voided_at IS NULL), 0)"
        )
        if not candidates:
            return
        sale_id = data.draw(st.sampled_from(candidates))
        sale = self.shop.sale(sale_id)
        left = (
            sale.amount
            + self.shop.db.execute(
                "SELECT COALESCE(SUM(amount), 0) FROM sales WHERE original_sale_id = ? AND voided_at IS NULL", [sale_id]
            ).fetchone()[0]
        )
        amount = None if whole else data.draw(st.integers(1, left))
        self.shop.record_return(sale_id, amount=amount)

    @rule(data=st.data())
    def void(self, data: st.DataObject) -> None:
        candidates = self._sales("voided_at IS NULL")
        if not candidates:
            return
        try:
            self.shop.void_sale(data.draw(st.sampled_from(candidates)), reason="Mistake")
        except RuleViolation as refused:
            assert "already has returns" in refused.message

    @rule(who=st.integers(0, 3), reward=st.sampled_from(["Cake", "Voucher", "Free coffee"]), reuse=st.booleans())
    def redeem(self, who: int, reward: str, reuse: bool) -> None:
        active = self._active()
        customer = active[who % len(active)]
        if reuse and self.redeem_keys:
            key, first_customer, first_reward = self.redeem_keys[-1]
            before = self._ledger_size()
            result = self.shop.redeem(first_customer, first_reward, key=key)
            assert result.duplicate
            assert self._ledger_size() == before
            return
        chosen = self.shop.rewards()
        cost = next(r for r in chosen if r.name == reward)
        balance = ledger.balance(self.shop.db, customer, cost.programme_id, self.shop.today())
        self.counter += 1
        key = f"redeem-{self.counter}"
        try:
            result = self.shop.redeem(customer, reward, key=key)
        except RuleViolation:
            assert balance < cost.cost
            return
        assert result.balance == balance - cost.cost
        self.redeem_keys.append((key, customer, cost.id))

    @rule(who=st.integers(0, 3), quantity=st.integers(-15, 15).filter(bool), stamps=st.booleans())
    def adjust(self, who: int, quantity: int, stamps: bool) -> None:
        active = self._active()
        programme = 1 if stamps else self.points
        try:
            self.shop.adjust(active[who % len(active)], programme, quantity, reason="Correction")
        except RuleViolation:
            assert quantity < 0 and not self.allows_negative

    @rule(days=st.integers(1, 45))
    def days_pass(self, days: int) -> None:
        self.moment += timedelta(days=days)

    @rule()
    def run_the_expiry_job(self) -> None:
        self.shop.expire_due()
        assert self.shop.expire_due() == 0
        # With every expiry written, each balance is the plain sum of its rows.
        for customer in self.customers:
            for programme in (1, self.points):
                (total,) = self.shop.db.execute(
                    "SELECT COALESCE(SUM(quantity), 0) FROM ledger WHERE customer_id = ? AND programme_id = ?",
                    [customer, programme],
                ).fetchone()
                assert ledger.balance(self.shop.db, customer, programme, self.shop.today()) == total

    @precondition(lambda self: len(self._active()) > 1)
    @rule(keep=st.integers(0, 3), drop=st.integers(0, 3))
    def merge(self, keep: int, drop: int) -> None:
        active = self._active()
        if keep % len(active) == drop % len(active):
            return
        totals = [self._total(c) for c in (active[keep % len(active)], active[drop % len(active)])]
        self.shop.merge_customers(active[keep % len(active)], active[drop % len(active)])
        assert self._total(active[keep % len(active)]) == [a + b for a, b in zip(*totals, strict=True)]

    def _total(self, customer: int) -> list[int]:
        today = self.shop.today()
        return [ledger.balance(self.shop.db, customer, p, today) for p in (1, self.points)]

    @rule()
    def birthday_run(self) -> None:
        self.shop.issue_birthday_gifts()
        assert self.shop.issue_birthday_gifts().gifts == ()

    # -- invariants ------------------------------------------------------------------
    @invariant()
    def balances_replay_from_the_rows(self) -> None:
        if not hasattr(self, "points"):
            return
        db, today = self.shop.db, self.shop.today()
        rows = db.execute(
            "SELECT id, kind, customer_id, programme_id, quantity, consumes, expires_on, business_date FROM ledger"
        ).fetchall()
        base = {r[0]: r for r in rows if r[5] is None}
        left = {row_id: row[4] for row_id, row in base.items()}
        for row_id, kind, _c, _p, quantity, consumes, _e, day in rows:
            if kind in ("redeem", "expire"):
                assert consumes is not None, f"{kind} row {row_id} says nothing of what it consumed"
            if consumes is None:
                continue
            lot = base[consumes]
            assert (lot[4] > 0) != (quantity > 0)
            left[consumes] += quantity
            if kind == "expire":
                assert lot[6] is not None
                assert date.fromisoformat(day) > date.fromisoformat(lot[6])
        expected: dict[tuple[int, int], int] = {}
        for row_id, row in base.items():
            assert 0 <= left[row_id] <= row[4] if row[4] > 0 else row[4] <= left[row_id] <= 0
            unexpired = row[6] is None or date.fromisoformat(row[6]) >= today
            if unexpired:
                expected[(row[2], row[3])] = expected.get((row[2], row[3]), 0) + left[row_id]
        for customer in self.customers:
            balances = ledger.balances(db, customer, today)
            for programme in (1, self.points):
                shown = balances.get(programme, 0)
                assert shown == expected.get((customer, programme), 0)
                assert self.allows_negative or shown >= 0

    @invariant()
    def tier_is_what_the_spend_reaches(self) -> None:
        if not hasattr(self, "points"):
            return
        today = self.shop.today()
        tiers = programs.tiers_of(self.shop.db, self.points)
        for customer in self._active():
            spend = sum(
                amount
                for amount, day, voided in self.shop.db.execute(
                    "SELECT amount, business_date, voided_at FROM sales WHERE customer_id = ?", [customer]
                )
                if voided is None and today - timedelta(days=364) <= date.fromisoformat(day) <= today
            )
            status = next(p for p in self.shop.customer_status(customer).programmes if p.programme.id == self.points)
            expected = programs.tier_for_spend(tiers, spend)
            assert (status.tier.name if status.tier else None) == (expected.name if expected else None)

    @invariant()
    def returns_take_back_what_they_owe_and_no_more(self) -> None:
        """Per sale: taken back + written off never exceeds what its returns and void call for,
        and with what expired, covers all of it."""
        db = self.shop.db
        earnings = db.execute(
            "SELECT e.sale_id, e.programme_id, e.visit_units, e.amount_units, e.min_spend, s.amount, s.voided_at"
            " FROM sale_earnings e JOIN sales s ON s.id = e.sale_id"
        ).fetchall()
        for sale_id, programme, visit, by_amount, min_spend, amount, voided in earnings:
            returned = -db.execute(
                "SELECT COALESCE(SUM(amount), 0) FROM sales WHERE original_sale_id = ? AND voided_at IS NULL", [sale_id]
            ).fetchone()[0]
            if voided:
                owed = visit + by_amount
            else:  # worked by hand from the rule: stamps below the minimum, points in proportion
                owed = (visit if amount - returned <= 0 or amount - returned < min_spend else 0) + (
                    by_amount * returned // amount
                )
            taken = -db.execute(
                "SELECT COALESCE(SUM(quantity), 0) FROM ledger WHERE kind = 'reversal' AND programme_id = ?"
                " AND sale_id IN (SELECT id FROM sales WHERE id = ? OR original_sale_id = ?)",
                [programme, sale_id, sale_id],
            ).fetchone()[0]
            written_off = db.execute(
                "SELECT COALESCE(SUM(w.quantity), 0) FROM write_offs w JOIN sales c ON c.id = w.cause_id"
                " WHERE w.sale_id = ? AND w.programme_id = ? AND (c.voided_at IS NULL OR c.id = w.sale_id)",
                [sale_id, programme],
            ).fetchone()[0]
            expired = -db.execute(
                "SELECT COALESCE(SUM(e.quantity), 0) FROM ledger e JOIN ledger l ON l.id = e.consumes"
                " WHERE e.kind = 'expire' AND l.sale_id = ? AND l.programme_id = ?",
                [sale_id, programme],
            ).fetchone()[0]
            assert taken + written_off <= owed, (sale_id, programme)
            assert taken + written_off + expired >= owed, (sale_id, programme)

    @invariant()
    def the_store_checks_clean(self) -> None:
        for check in (ledger_draws, ledger_expiry, ledger_sums, lot_remaining, summaries):
            assert check(self.shop.db) == []


class AllowingLedgerMachine(LedgerMachine):
    shop_class = AllowingShop
    allows_negative = True


_settings = settings(
    max_examples=15, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestLedger = LedgerMachine.TestCase
TestLedger.settings = _settings
TestLedgerAllowingNegative = AllowingLedgerMachine.TestCase
TestLedgerAllowingNegative.settings = _settings
