"""Staff PINs: salted scrypt hashes, sign-in, trivial PINs refused, and wrong PINs
slowed down (5 tries, then 30 s, doubling) in a way a restart does not reset."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from smallbiz_loyalty.core import audit, pins
from smallbiz_loyalty.core.errors import InvalidInput, PermissionDenied, RuleViolation
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.staff import Staff
from tests.conftest import NOW

OWNER_PIN, CASHIER_PIN = "2580", "4826"


class Clock:
    """A clock the test moves forward by hand."""

    def __init__(self, start: datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def till(shop: Shop, clock: Clock) -> Shop:
    """The shop on a hand-moved clock, with an owner PIN (sign-in on) and one cashier."""
    moving = Shop(shop.db, clock=clock, path=shop.path)
    moving.set_pin(1, OWNER_PIN)
    return moving


@pytest.fixture
def sara(till: Shop) -> Staff:
    return till.add_staff(name="Sara", role="cashier", pin=CASHIER_PIN)


def test_a_new_shop_needs_no_sign_in_until_the_owner_sets_a_pin(shop: Shop) -> None:
    assert not shop.sign_in_required()
    assert shop.sign_in(1, None).name == "Owner"  # no PIN yet: the owner is whoever is at the PC
    shop.set_pin(1, OWNER_PIN)
    assert shop.sign_in_required()
    entry = shop.audit_entries(1)[0]
    assert (entry.action, entry.subject, entry.detail) == ("set_pin", "1", {"sign_in_turned_on": True})


def test_the_pin_is_a_salted_scrypt_hash_never_the_pin_itself(till: Shop, sara: Staff) -> None:
    till.set_pin(1, CASHIER_PIN)  # the same PIN as Sara's
    rows = till.db.execute("SELECT pin_hash, pin_salt FROM staff WHERE id IN (1, ?)", [sara.id]).fetchall()
    (owner_hash, owner_salt), (sara_hash, sara_salt) = rows
    assert owner_hash.startswith("scrypt$16384$8$1$") and len(owner_hash.split("$")[-1]) == 64
    assert owner_salt != sara_salt and owner_hash != sara_hash  # a salt each: equal PINs do not show
    assert CASHIER_PIN not in owner_hash + owner_salt
    assert pins.verify_pin(CASHIER_PIN, owner_hash, owner_salt)
    assert not pins.verify_pin("4827", owner_hash, owner_salt)
    assert not pins.verify_pin(CASHIER_PIN, "scrypt$damaged", owner_salt)


def test_the_right_pin_signs_a_cashier_in_and_the_cashier_cannot_do_owner_things(till: Shop, sara: Staff) -> None:
    signed = till.sign_in(sara.id, CASHIER_PIN)
    assert (signed.name, till.staff_id, till.current_staff().role) == ("Sara", sara.id, "cashier")
    with pytest.raises(PermissionDenied, match="Only the owner can change the settings"):
        till.set_settings(shop_name="Sara's café")
    till.sign_in(1, OWNER_PIN)
    assert till.staff_id == 1


def test_pins_typed_in_eastern_arabic_digits_are_the_same_pins(till: Shop) -> None:
    omar = till.add_staff(name="Omar", role="cashier", pin="٧٣٩١")
    assert till.sign_in(omar.id, "7391").id == omar.id
    assert till.sign_in(omar.id, " ۷۳۹۱ ").id == omar.id  # Persian digits, stray spaces


@pytest.mark.parametrize(
    "pin", ["0000", "1111", "1234", "4321", "7890", "0987", "123456", "98765432", "1212", "123123", "٠٠٠٠"]
)
def test_a_pin_that_is_too_easy_to_guess_is_refused(shop: Shop, pin: str) -> None:
    with pytest.raises(InvalidInput, match="too easy to guess"):
        shop.set_pin(1, pin)
    assert not shop.sign_in_required()


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "    ", None, 4826, "48 26", "4826\x00", "١٢٣"])
def test_something_that_is_not_4_to_8_digits_is_not_a_pin(shop: Shop, pin: object) -> None:
    with pytest.raises(InvalidInput, match="A PIN is 4 to 8 digits"):
        shop.set_pin(1, pin)


def test_five_wrong_pins_make_the_next_try_wait_30_seconds_then_60(till: Shop, sara: Staff, clock: Clock) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(PermissionDenied, match=f"Wrong PIN for Sara; {left} tries left"):
            till.sign_in(sara.id, "9999")
        clock.tick(1)
    with pytest.raises(PermissionDenied, match="try again in 30 seconds"):
        till.sign_in(sara.id, "9999")  # the fifth
    clock.tick(10)
    with pytest.raises(RuleViolation, match="try again in 20 seconds"):
        till.sign_in(sara.id, CASHIER_PIN)  # even the right PIN waits, and is not counted
    clock.tick(20)
    with pytest.raises(PermissionDenied, match="try again in 60 seconds"):
        till.sign_in(sara.id, "9999")  # the sixth doubles the wait
    clock.tick(60)
    assert till.sign_in(sara.id, CASHIER_PIN).id == sara.id
    assert pins.sign_in_state(till.db, sara.id, now=till._now()) == pins.SignInState(0, 0)
    locks = [e.detail["seconds"] for e in audit.audit_entries(till.db, action="sign_in_locked")]
    assert locks == [60, 30]


def test_the_wait_survives_closing_and_reopening_the_app(till: Shop, sara: Staff, clock: Clock, db_path: Path) -> None:
    for _try in range(5):
        with pytest.raises(PermissionDenied):
            till.sign_in(sara.id, "9999")
    clock.tick(5)
    with Shop.open(db_path, clock=clock) as reopened, pytest.raises(RuleViolation, match="in 25 seconds"):
        reopened.sign_in(sara.id, CASHIER_PIN)


def test_each_staff_member_has_their_own_count(till: Shop, sara: Staff) -> None:
    for _try in range(5):
        with pytest.raises(PermissionDenied):
            till.sign_in(sara.id, "9999")
    assert till.sign_in(1, OWNER_PIN).id == 1


def test_the_owner_setting_a_new_pin_lifts_the_wait(till: Shop, sara: Staff) -> None:
    for _try in range(5):
        with pytest.raises(PermissionDenied):
            till.sign_in(sara.id, "9999")
    till.sign_in(1, OWNER_PIN)
    till.set_pin(sara.id, "6093")
    assert till.sign_in(sara.id, "6093").id == sara.id


def test_a_clock_set_back_does_not_lengthen_the_wait(till: Shop, sara: Staff, clock: Clock) -> None:
    for _try in range(5):
        with pytest.raises(PermissionDenied):
            till.sign_in(sara.id, "9999")
    clock.tick(-3600)
    assert pins.sign_in_state(till.db, sara.id, now=till._now()).wait_seconds == 30


def test_a_malformed_pin_at_sign_in_is_refused_and_not_counted(till: Shop, sara: Staff) -> None:
    before = audit.count_entries(till.db)
    with pytest.raises(InvalidInput, match="A PIN is 4 to 8 digits"):
        till.sign_in(sara.id, "' OR 1=1 --")
    assert audit.count_entries(till.db) == before


def test_only_the_owner_adds_staff_and_only_once_the_owner_has_a_pin(shop: Shop) -> None:
    with pytest.raises(RuleViolation, match="Set the owner's PIN first"):
        shop.add_staff(name="Sara", role="cashier", pin=CASHIER_PIN)
    shop.set_pin(1, OWNER_PIN)
    sara = shop.add_staff(name="Sara", role="cashier", pin=CASHIER_PIN)
    with pytest.raises(InvalidInput, match="already a staff member called Sara"):
        shop.add_staff(name="Sara", role="cashier", pin="5183")
    with pytest.raises(InvalidInput, match="The role must be one of: owner, cashier"):
        shop.add_staff(name="Omar", role="manager", pin="5183")
    shop.sign_in(sara.id, CASHIER_PIN)
    with pytest.raises(PermissionDenied, match="Only the owner can add staff"):
        shop.add_staff(name="Omar", role="cashier", pin="5183")
    assert [s.name for s in shop.staff()] == ["Owner", "Sara"]


def test_a_cashier_changes_their_own_pin_but_nobody_elses(till: Shop, sara: Staff) -> None:
    till.sign_in(sara.id, CASHIER_PIN)
    till.set_pin(sara.id, "6093")
    with pytest.raises(PermissionDenied, match="Only the owner"):
        till.set_pin(1, "6093")
    assert till.sign_in(sara.id, "6093").id == sara.id


def test_a_deactivated_cashier_cannot_sign_in_and_the_last_owner_stays(till: Shop, sara: Staff) -> None:
    till.deactivate_staff(sara.id)
    with pytest.raises(PermissionDenied, match="Sara is no longer active"):
        till.sign_in(sara.id, CASHIER_PIN)
    with pytest.raises(RuleViolation, match="only owner and cannot be deactivated"):
        till.deactivate_staff(1)
    with pytest.raises(RuleViolation, match="already inactive"):
        till.deactivate_staff(sara.id)
    assert [s.name for s in till.staff()] == ["Owner"]
    assert [s.name for s in till.staff(active_only=False)] == ["Owner", "Sara"]


def test_a_second_owner_lets_the_first_be_deactivated(till: Shop) -> None:
    huda = till.add_staff(name="Huda", role="owner", pin="5183")
    till.deactivate_staff(1)
    assert till.sign_in(huda.id, "5183").is_owner
    with pytest.raises(PermissionDenied, match="Owner is no longer active"):
        till.sign_in(1, OWNER_PIN)


@pytest.mark.parametrize(("digits", "trivial"), [("2580", False), ("0852", False), ("1379", False), ("9012", True)])
def test_what_counts_as_trivial(digits: str, trivial: bool) -> None:
    assert pins.is_trivial(digits) is trivial
