"""Roles: every owner-only `Shop` method is refused for a cashier — with the table's sentence,
changing nothing — and allowed for the owner; the counter's work is allowed for a cashier.

A new public `Shop` method must be classified below (owner-only or anyone), or
`test_every_public_shop_method_is_classified` fails."""

from __future__ import annotations

import hashlib
import inspect
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from smallbiz_loyalty.core import i18n, permissions, pins
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.db import backup_to
from smallbiz_loyalty.core.errors import PermissionDenied
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.staff import Staff
from tests.conftest import NOW
from tests.factories import make_customer

OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)
SARA, OMAR = 2, 3  # cashiers


@dataclass
class World:
    """A small shop: Ali (10 visits, an unhappy answer, a voucher), his duplicate, a tier, a backup."""

    owner: Shop
    cashier: Shop
    folder: Path
    ali: int
    duplicate: int
    sale: int
    feedback: int
    tier: int
    voucher: str
    backup_file: Path


def _build(path: Path) -> dict[str, object]:
    """The shop every test starts from (built once; each test works on its own copy)."""
    with Shop.open(path, clock=fixed_clock(NOW)) as shop:
        shop.set_settings(shop_name="Test Café", currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
        shop.db.execute("UPDATE staff SET pin_hash = ?, pin_salt = ? WHERE id = 1", list(pins.hash_pin("2580")))
        for staff_id, name in ((SARA, "Sara"), (OMAR, "Omar")):
            shop.db.execute(
                "INSERT INTO staff (id, name, role, created_at) VALUES (?, ?, 'cashier', '2026-01-01')",
                [staff_id, name],
            )
        ali = make_customer(shop, "Ali", birthday="10-20", consent_marketing=True)
        duplicate = make_customer(shop, "Ali A.")
        sales = [shop.record_sale(customer_id=ali.id, amount=2500).sale.id for _visit in range(10)]
        answer = shop.record_feedback(score=3, customer_id=ali.id, sale_id=sales[0])
        voucher = shop.issue_voucher(ali.id, item="Sorry coffee")
        tier = shop.add_tier("Coffee card", name="Silver", min_spend=100_000)
        backup_to(shop.db, path.with_name("shop-backup.db"))
    ids = {"ali": ali.id, "duplicate": duplicate.id, "sale": sales[-1], "feedback": answer.id, "tier": tier.id}
    return {**ids, "voucher": voucher.code}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    path = tmp_path_factory.mktemp("template") / "shop.db"
    return path, _build(path)


@pytest.fixture
def world(template: tuple[Path, dict[str, object]], tmp_path: Path) -> Iterator[World]:
    source, ids = template
    shutil.copy(source, tmp_path / "shop.db")
    backup_file = shutil.copy(source.with_name("shop-backup.db"), tmp_path / "shop-backup.db")
    folder = tmp_path / "out"
    folder.mkdir()
    with Shop.open(tmp_path / "shop.db", clock=fixed_clock(NOW)) as owner:
        cashier = Shop(owner.db, clock=owner.clock, staff_id=SARA, path=owner.path)
        yield World(owner, cashier, folder, backup_file=Path(backup_file), **ids)  # type: ignore[arg-type]


Call = Callable[[Shop, World], object]

# (Shop method, the action it needs, a call with arguments the owner may make)
OWNER_ONLY: list[tuple[str, str, Call]] = [
    ("set_settings", "settings", lambda s, w: s.set_settings(shop_name="Sara's café")),
    ("import_customers", "import", lambda s, w: s.import_customers(b"name,phone\nHuda,+96550001111\n")),
    ("apply_opening_balances", "import", lambda s, w: s.apply_opening_balances()),
    ("export", "export", lambda s, w: s.export("customers", w.folder / "customers.csv")),
    ("adjust", "adjust", lambda s, w: s.adjust(w.ali, "Coffee card", 2, "Lost card")),
    ("merge_customers", "merge", lambda s, w: s.merge_customers(w.ali, w.duplicate)),
    ("create_programme", "programmes", lambda s, w: s.create_programme(name="Points", unit="points")),
    ("update_programme", "programmes", lambda s, w: s.update_programme("Coffee card", name="Coffee stamps")),
    ("add_tier", "programmes", lambda s, w: s.add_tier("Coffee card", name="Gold", min_spend=200_000)),
    ("update_tier", "programmes", lambda s, w: s.update_tier(w.tier, name="Silver+")),
    ("add_reward", "programmes", lambda s, w: s.add_reward("Coffee card", name="Free cake", cost=15)),
    ("update_reward", "programmes", lambda s, w: s.update_reward(1, name="Free tea")),
    ("issue_voucher", "issue_voucher", lambda s, w: s.issue_voucher(w.ali, item="Free cookie")),
    ("follow_ups", "follow_ups", lambda s, w: s.follow_ups()),
    ("mark_feedback_handled", "follow_ups", lambda s, w: s.mark_feedback_handled(w.feedback, note="Called him")),
    ("month_metrics", "reports", lambda s, w: s.month_metrics("2026-10")),
    ("period_metrics", "reports", lambda s, w: s.period_metrics(OCTOBER, NOVEMBER)),
    ("rfm", "reports", lambda s, w: s.rfm()),
    ("rfm_segment_counts", "reports", lambda s, w: s.rfm_segment_counts()),
    ("note_recipients", "reports", lambda s, w: s.note_recipients("thank-you")),
    ("cohorts", "reports", lambda s, w: s.cohorts(OCTOBER)),
    ("at_risk", "reports", lambda s, w: s.at_risk()),
    ("top_customers", "reports", lambda s, w: s.top_customers(OCTOBER, NOVEMBER)),
    ("new_customers", "reports", lambda s, w: s.new_customers(OCTOBER, NOVEMBER)),
    ("backup", "backup_elsewhere", lambda s, w: s.backup(w.folder)),
    ("restore_from", "restore", lambda s, w: s.restore_from(w.backup_file)),
    ("add_staff", "staff", lambda s, w: s.add_staff(name="Huda", role="cashier", pin="5183")),
    ("set_pin", "staff", lambda s, w: s.set_pin(OMAR, "5183")),  # someone else's PIN
    ("deactivate_staff", "staff", lambda s, w: s.deactivate_staff(OMAR)),
    ("audit_entries", "audit", lambda s, w: s.audit_entries()),
    ("export_customer_data", "privacy_export", lambda s, w: s.export_customer_data(w.ali, w.folder)),
    ("erase_customer", "erase", lambda s, w: s.erase_customer(w.ali, reason="Asked at the counter")),
]

# What a cashier does at the counter (and so may anyone).
CASHIER: list[tuple[str, Call]] = [
    ("enrol", lambda s, w: s.enrol(name="Huda", phone="+96550001111")),
    ("edit_customer", lambda s, w: s.edit_customer(w.ali, notes="Likes oat milk")),
    ("find_customers", lambda s, w: s.find_customers("ali")),
    ("resolve_customer", lambda s, w: s.resolve_customer(s.customer(w.ali).card_code)),
    ("customer", lambda s, w: s.customer(w.ali)),
    ("customer_status", lambda s, w: s.customer_status(w.ali)),
    ("record_sale", lambda s, w: s.record_sale(customer_id=w.ali, amount=1500)),
    ("record_return", lambda s, w: s.record_return(w.sale, amount=500)),
    ("void_sale", lambda s, w: s.void_sale(w.sale, reason="Typed twice")),
    ("redeem", lambda s, w: s.redeem(w.ali, "Free coffee")),
    ("redeem_voucher", lambda s, w: s.redeem_voucher(w.voucher)),
    ("record_feedback", lambda s, w: s.record_feedback(score=10, customer_id=w.ali)),
    ("feedback_of", lambda s, w: s.feedback_of(w.ali)),
    ("ledger_entries", lambda s, w: s.ledger_entries(w.ali)),
    ("tier_history", lambda s, w: s.tier_history(w.ali)),
    ("vouchers", lambda s, w: s.vouchers(w.ali)),
    ("upcoming_birthdays", lambda s, w: s.upcoming_birthdays()),
    ("issue_birthday_gifts", lambda s, w: s.issue_birthday_gifts()),
    ("expire_due", lambda s, w: s.expire_due()),
    ("count_customers", lambda s, w: s.count_customers()),
    ("customer_ids", lambda s, w: s.customer_ids()),
    ("customers_by_ids", lambda s, w: s.customers_by_ids([w.ali])),
    ("backup", lambda s, w: s.backup()),  # to the folder set in Settings
    ("set_pin", lambda s, w: s.set_pin(s.staff_id, "6093")),  # one's own PIN
    ("programmes", lambda s, w: s.programmes()),
    ("rewards", lambda s, w: s.rewards()),
]
# Public methods that need no check: reading, helpers, opening and closing, signing in.
NEUTRAL = {
    "open", "close", "check", "today", "parse_amount", "reload_settings", "sale", "programme", "tiers",
    "use_credit", "backup_folder", "rotation_policy", "backup_due", "sign_in_required", "current_staff", "staff",
    "sign_in", "sales_of_customer", "suggest_duplicates", "is_new", "recent_categories", "note_template",
}  # fmt: skip


def fingerprint(shop: Shop) -> str:
    digest = hashlib.sha256()
    for line in shop.db.conn.iterdump():
        digest.update(line.encode())
    return digest.hexdigest()


@pytest.mark.parametrize(("method", "action", "call"), OWNER_ONLY, ids=[f"{m}-{a}" for m, a, _c in OWNER_ONLY])
def test_a_cashier_is_refused_every_owner_only_action_and_nothing_changes(
    world: World, method: str, action: str, call: Call
) -> None:
    before = fingerprint(world.owner)
    with pytest.raises(PermissionDenied) as refused:
        call(world.cashier, world)
    assert refused.value.message == _(permissions.OWNER_ONLY[action])
    assert fingerprint(world.owner) == before
    assert list(world.folder.iterdir()) == []


@pytest.mark.parametrize(("method", "action", "call"), OWNER_ONLY, ids=[f"{m}-{a}" for m, a, _c in OWNER_ONLY])
def test_the_owner_may_do_every_owner_only_action(world: World, method: str, action: str, call: Call) -> None:
    call(world.owner, world)  # no PermissionDenied, and the call goes through


@pytest.mark.parametrize(("method", "call"), CASHIER, ids=[m for m, _c in CASHIER])
def test_a_cashier_does_the_counter_work(world: World, method: str, call: Call) -> None:
    call(world.cashier, world)


def test_every_public_shop_method_is_classified() -> None:
    public = {
        name
        for name, member in inspect.getmembers(Shop)
        if not name.startswith("_") and (inspect.isfunction(member) or inspect.ismethod(member))
    }
    classified = {m for m, _a, _c in OWNER_ONLY} | {m for m, _c in CASHIER} | NEUTRAL
    assert public - classified == set(), "classify the new Shop method(s) in tests/core/test_permissions.py"
    assert classified - public == set()


def test_every_action_in_the_table_is_used_by_a_shop_method() -> None:
    used = {a for _m, a, _c in OWNER_ONLY}
    assert set(permissions.OWNER_ONLY) == used


def test_the_refusal_is_in_the_users_language(world: World) -> None:
    i18n.set_language("ar")
    with pytest.raises(PermissionDenied) as refused:
        world.cashier.adjust(world.ali, "Coffee card", 2, "Lost card")
    assert refused.value.message == "تصحيح الرصيد متاح للمالك فقط."


def test_require_takes_a_staff_member_or_a_bare_role() -> None:
    permissions.require("owner", "erase")
    permissions.require("cashier", "sell")
    with pytest.raises(PermissionDenied, match=r"Only the owner can erase a customer\."):
        permissions.require("cashier", "erase")
    gone = Staff(id=4, name="Nora", role="owner", active=False, created_at="2026-01-01")
    with pytest.raises(PermissionDenied, match="Nora is no longer active"):
        permissions.require(gone, "sell")
    with pytest.raises(ValueError, match="unknown action"):
        permissions.require("owner", "launch_rockets")
