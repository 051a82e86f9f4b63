"""Undoing a redemption: the units come back exactly once, with their expiry;
a voucher it issued is cancelled; the store stays healthy. Worked examples,
then the ledger's own random walk with an undo step added."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

from smallbiz_loyalty.core import ledger
from smallbiz_loyalty.core.errors import NotFound, RuleViolation
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.undo import undo_redemption_in, undone_at
from tests.core.test_ledger_state_machine import AllowingLedgerMachine, LedgerMachine
from tests.factories import make_customer


def _ledger_rows(shop: Shop) -> int:
    return shop.db.execute("SELECT COUNT(*) FROM ledger").fetchone()[0]


def _stamps(shop: Shop, customer_id: int) -> int:
    return ledger.balance(shop.db, customer_id, 1, shop.today())


def test_undoing_a_free_coffee_gives_the_ten_stamps_back_once(shop: Shop) -> None:
    layla = make_customer(shop, "Layla").id
    for visit in range(10):
        shop.record_sale(customer_id=layla, amount=1_500, key=f"visit-{visit}")
    redeemed = shop.redeem(layla, "Free coffee", key="coffee")
    assert redeemed.balance_text == "0/10"

    undone = undo_redemption_in(shop, redeemed.redemption.id)

    assert (undone.quantity, undone.balance, undone.balance_text) == (10, 10, "10/10")
    assert undone.messages == ("Undone: Free coffee — back to 10/10",)
    assert _stamps(shop, layla) == 10
    assert [r.name for r in shop.customer_status(layla).rewards_ready] == ["Free coffee"]
    assert undone_at(shop.db, redeemed.redemption.id) == "2026-10-15T09:30:00+00:00"
    assert shop.check() == []

    rows = _ledger_rows(shop)
    with pytest.raises(RuleViolation, match=r"^The redemption of Free coffee was already undone on 2026-10-15;"):
        undo_redemption_in(shop, redeemed.redemption.id)
    assert _ledger_rows(shop) == rows
    assert _stamps(shop, layla) == 10
    # Resending the first redemption's key still does nothing: the key stays spent.
    assert shop.redeem(layla, "Free coffee", key="coffee").duplicate
    assert _stamps(shop, layla) == 10


def test_the_units_come_back_with_the_expiry_of_the_lots_they_were_taken_from(shop: Shop) -> None:
    points = shop.create_programme(
        name="Points", unit="points", rate_quantity=1, rate_per=1_000, expiry_kind="days", expiry_days=30
    ).id
    shop.add_reward(points, name="Cake", cost=50)
    sara = make_customer(shop, "Sara").id
    # 30 points earned on 1 October (last day 31 October), 40 on 10 October (last day 9 November).
    shop.record_sale(customer_id=sara, amount=30_000, at=datetime(2026, 10, 1, 9, tzinfo=UTC))
    shop.record_sale(customer_id=sara, amount=40_000, at=datetime(2026, 10, 10, 9, tzinfo=UTC))
    before = ledger.expiring(shop.db, sara, shop.today(), 60)
    # The cake takes all 30 of the earlier lot and 20 of the later one.
    redeemed = shop.redeem(sara, "Cake")
    assert redeemed.balance == 20

    undone = undo_redemption_in(shop, redeemed.redemption.id)

    assert undone.balance == 70
    assert ledger.expiring(shop.db, sara, shop.today(), 60) == before
    lots = ledger.open_lots(shop.db, sara, points, shop.today())
    given_back = [(lot.kind, lot.remaining, lot.expires_on) for lot in lots if lot.kind == "reversal"]
    assert given_back == [("reversal", 30, date(2026, 10, 31)), ("reversal", 20, date(2026, 11, 9))]
    assert shop.check() == []


def test_a_voucher_from_the_redemption_is_cancelled_by_the_undo(shop: Shop) -> None:
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1_000).id
    shop.add_reward(points, name="Gift voucher", cost=200, kind="voucher", value=5_000, valid_days=60)
    sara = make_customer(shop, "Sara").id
    shop.record_sale(customer_id=sara, amount=200_000)
    redeemed = shop.redeem(sara, "Gift voucher")
    code = redeemed.voucher.code

    undone = undo_redemption_in(shop, redeemed.redemption.id)

    assert undone.messages == ("Undone: Gift voucher — back to 200 points", f"Voucher {code} is cancelled.")
    assert shop.vouchers(sara, usable_only=True) == []
    with pytest.raises(RuleViolation, match=f"Voucher {code} was already used"):
        shop.redeem_voucher(code)
    # Cancelled is not used: the month's figures count no voucher redeemed.
    assert shop.month_metrics("2026-10").current.loyalty["vouchers_redeemed"] == 0
    assert shop.check() == []


def test_a_redemption_whose_voucher_was_used_cannot_be_undone(shop: Shop) -> None:
    points = shop.create_programme(name="Points", unit="points", rate_quantity=1, rate_per=1_000).id
    shop.add_reward(points, name="Gift voucher", cost=200, kind="voucher", value=5_000)
    sara = make_customer(shop, "Sara").id
    shop.record_sale(customer_id=sara, amount=250_000)
    redeemed = shop.redeem(sara, "Gift voucher")
    shop.redeem_voucher(redeemed.voucher.code)
    rows = _ledger_rows(shop)

    with pytest.raises(RuleViolation) as refused:
        undo_redemption_in(shop, redeemed.redemption.id)

    assert refused.value.message == (
        f"Voucher {redeemed.voucher.code} from this redemption was already used on 2026-10-15,"
        " so the redemption cannot be undone."
    )
    assert _ledger_rows(shop) == rows
    assert ledger.balance(shop.db, sara, points, shop.today()) == 50
    assert undone_at(shop.db, redeemed.redemption.id) is None


def test_an_undo_after_a_merge_gives_the_units_to_the_kept_customer(shop: Shop) -> None:
    layla = make_customer(shop, "Layla").id
    duplicate = make_customer(shop, "Layla H").id
    for visit in range(10):
        shop.record_sale(customer_id=duplicate, amount=1_500, key=f"visit-{visit}")
    redeemed = shop.redeem(duplicate, "Free coffee")
    shop.record_sale(customer_id=duplicate, amount=1_500, key="visit-after")
    shop.merge_customers(layla, duplicate)

    undone = undo_redemption_in(shop, redeemed.redemption.id)

    assert undone.customer_id == layla
    assert (_stamps(shop, layla), _stamps(shop, duplicate)) == (11, 0)
    assert shop.check() == []


def test_an_unknown_redemption_is_not_found(shop: Shop) -> None:
    with pytest.raises(NotFound, match=r"^There is no redemption number 99\.$"):
        undo_redemption_in(shop, 99)


class UndoingLedgerMachine(LedgerMachine):
    """The ledger's random walk, where some redemptions are undone (some twice)."""

    @rule(who=st.integers(0, 3), reward=st.sampled_from(["Cake", "Voucher"]))
    def earn_then_redeem(self, who: int, reward: str) -> None:
        """A big sale, then a redemption: so there is often something to undo."""
        self.sale(who, 40_000, None)
        self.redeem(who, reward, reuse=False)

    @precondition(lambda self: self.redeem_keys)
    @rule(data=st.data())
    def undo_a_redemption(self, data: st.DataObject) -> None:
        key, _customer, _reward = data.draw(st.sampled_from(self.redeem_keys))
        (redemption_id, cost, programme) = self.shop.db.execute(
            "SELECT id, quantity, programme_id FROM redemptions WHERE key = ?", [key]
        ).fetchone()
        customer = self.shop.db.execute("SELECT customer_id FROM redemptions WHERE id = ?", [redemption_id]).fetchone()
        before = ledger.balance(self.shop.db, customer[0], programme, self.shop.today())
        if undone_at(self.shop.db, redemption_id) is not None:
            rows = self._ledger_size()
            with pytest.raises(RuleViolation, match="already undone"):
                undo_redemption_in(self.shop, redemption_id)
            assert self._ledger_size() == rows
            return
        try:
            undone = undo_redemption_in(self.shop, redemption_id)
        except RuleViolation as refused:
            assert "already used" in refused.message or "erased" in refused.message
            return
        # Units drawn from lots that have expired since come back expired; the rest count again.
        assert before <= undone.balance <= before + cost


class UndoingAllowingLedgerMachine(UndoingLedgerMachine, AllowingLedgerMachine):
    pass


_settings = settings(
    max_examples=15, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestUndoingLedger = UndoingLedgerMachine.TestCase
TestUndoingLedger.settings = _settings
TestUndoingLedgerAllowingNegative = UndoingAllowingLedgerMachine.TestCase
TestUndoingLedgerAllowingNegative.settings = _settings


def test_an_undone_redemption_is_not_counted_as_redeemed(shop: Shop) -> None:
    from smallbiz_loyalty.core.metrics import month_metrics

    customer = make_customer(shop, "Undo figures")
    for _ in range(10):
        shop.record_sale(customer_id=customer.id, amount=1000)
    redeemed = shop.redeem(customer.id, "Free coffee")
    before = month_metrics(shop.db, "2026-10", shop.settings).current.loyalty
    assert (before["stamps_redeemed"], before["rewards_redeemed"]) == (10, 1)
    undo_redemption_in(shop, redeemed.redemption.id)
    after = month_metrics(shop.db, "2026-10", shop.settings).current.loyalty
    assert (after["stamps_redeemed"], after["rewards_redeemed"]) == (0, 0)
