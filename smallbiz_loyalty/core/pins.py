"""Staff PINs: adding staff, setting PINs, signing in, and slowing down guessing.

A PIN is 4 to 8 digits (of any script: ٤٥٦٧ is 4567). It is stored as a salted
scrypt hash, never as itself, and compared in constant time. A shop whose
owner has no PIN works as before — whoever is at the PC is the owner; setting
the owner's first PIN turns sign-in on.

Wrong PINs are rate-limited per staff member: after `MAX_TRIES` wrong ones in a
row the next try must wait `LOCK_SECONDS`, and each further wrong one doubles
the wait (at most `MAX_LOCK_SECONDS`). The count lives in the audit log (one
row per wrong PIN, one per sign-in), so restarting the app does not reset it; a
right PIN or a new PIN set by the owner does."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from sqlite_utils import Database

from smallbiz_loyalty.core import audit
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.core.errors import InvalidInput, PermissionDenied, RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.permissions import require_staff
from smallbiz_loyalty.core.staff import ROLES, Staff, staff_member
from smallbiz_loyalty.core.text import clean_text, to_ascii_digits

PIN_MIN, PIN_MAX = 4, 8
# scrypt cost: 16 MB and about 50 ms on a 2-core shop PC — slow for a guesser
# with the file, quick enough at the till.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
SALT_BYTES = 16
MAX_TRIES = 5
LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 3600
NAME_MAX = 60
# Audit actions that bear on the wrong-PIN count: a sign-in or a new PIN resets it.
SIGNED_IN, FAILED, LOCKED, PIN_SET, STAFF_ADDED = "sign_in", "sign_in_failed", "sign_in_locked", "set_pin", "add_staff"
_RESETS = (SIGNED_IN, PIN_SET, STAFF_ADDED)
_HISTORY = 64  # rows read back: beyond this many wrong PINs the wait is at its cap anyway


# -- the PIN itself --------------------------------------------------------------
def check_pin_format(pin: object) -> str:
    """The PIN as ASCII digits, or `InvalidInput`: 4–8 digits of any script, nothing else."""
    if not isinstance(pin, str) or len(pin) > 4 * PIN_MAX:
        raise InvalidInput("pin", _("A PIN is {low} to {high} digits.", low=PIN_MIN, high=PIN_MAX))
    digits = to_ascii_digits(pin.strip())
    if not (digits.isascii() and digits.isdigit() and PIN_MIN <= len(digits) <= PIN_MAX):
        raise InvalidInput("pin", _("A PIN is {low} to {high} digits.", low=PIN_MIN, high=PIN_MAX))
    return digits


def is_trivial(digits: str) -> bool:
    """Too easy to guess: one digit repeated (0000), a run up or down (1234, 7890, 4321),
    or a shorter block repeated (1212, 123123)."""
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(digits)}
    if steps in ({0}, {1}, {9}):
        return True
    return any(
        len(digits) % size == 0 and digits == digits[:size] * (len(digits) // size)
        for size in range(1, len(digits) // 2 + 1)
    )


def check_new_pin(pin: object) -> str:
    """A PIN good enough to set: the right form and not trivial."""
    digits = check_pin_format(pin)
    if is_trivial(digits):
        raise InvalidInput("pin", _("This PIN is too easy to guess (like 1234 or 1111); choose another."))
    return digits


def hash_pin(digits: str, salt: bytes | None = None) -> tuple[str, str]:
    """(hash, salt) to store: the hash text names its scrypt parameters, so they can rise later."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    key = hashlib.scrypt(digits.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=SCRYPT_MAXMEM, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${key.hex()}", salt.hex()


def verify_pin(digits: str, pin_hash: str, pin_salt: str) -> bool:
    """Whether `digits` is the PIN behind `pin_hash`, compared in constant time."""
    try:
        scheme, n, r, p, expected = pin_hash.split("$")
        salt = bytes.fromhex(pin_salt)
        key = hashlib.scrypt(digits.encode(), salt=salt, n=int(n), r=int(r), p=int(p), maxmem=SCRYPT_MAXMEM, dklen=32)
    except ValueError:  # a damaged hash matches nothing
        return False
    return scheme == "scrypt" and hmac.compare_digest(key.hex(), expected)


# -- who has a PIN ---------------------------------------------------------------
def pins_enabled(db: Database) -> bool:
    """True once an active owner has a PIN: from then on everyone signs in."""
    row = db.execute("SELECT 1 FROM staff WHERE role = 'owner' AND active = 1 AND pin_hash IS NOT NULL").fetchone()
    return row is not None


def has_pin(db: Database, staff_id: int) -> bool:
    row = db.execute("SELECT pin_hash IS NOT NULL FROM staff WHERE id = ?", [staff_id]).fetchone()
    return bool(row and row[0])


# -- wrong PINs --------------------------------------------------------------------
@dataclass(frozen=True)
class SignInState:
    failures: int  # wrong PINs in a row since the last sign-in or new PIN
    wait_seconds: int  # how long before the next try is allowed (0: now)

    @property
    def tries_left(self) -> int:
        """Wrong PINs still allowed before a wait."""
        return max(MAX_TRIES - self.failures, 0)


def lock_seconds(failures: int) -> int:
    """The wait after `failures` wrong PINs in a row: 0 below MAX_TRIES, then 30 s doubling."""
    if failures < MAX_TRIES:
        return 0
    return min(LOCK_SECONDS * 2 ** min(failures - MAX_TRIES, 20), MAX_LOCK_SECONDS)


def sign_in_state(db: Database, staff_id: int, *, now: str) -> SignInState:
    """The wrong-PIN count and the wait still to run, read from the audit log."""
    rows = db.execute(
        f"SELECT action, at FROM audit_log WHERE subject = ? AND action IN (?, ?, ?, ?)"
        f" ORDER BY id DESC LIMIT {_HISTORY}",
        [str(staff_id), FAILED, *_RESETS],
    ).fetchall()
    failures = 0
    for action, _at in rows:
        if action != FAILED:
            break
        failures += 1
    if not failures:
        return SignInState(0, 0)
    wait = lock_seconds(failures)
    elapsed = (datetime.fromisoformat(now) - datetime.fromisoformat(rows[0][1])).total_seconds()
    # A clock set back must not lengthen the wait beyond what it was.
    return SignInState(failures, int(min(max(wait - elapsed, 0), wait)))


def check_pin(db: Database, staff_id: int, pin: object, *, now: str) -> bool:
    """Whether `pin` is this staff member's PIN; every answer is recorded in the audit log.

    Raises `InvalidInput` for something that is not a PIN at all (not counted),
    `RuleViolation` while a wait runs, and `PermissionDenied` for an inactive
    staff member or one with no PIN. Run it outside any transaction that may
    roll back, or the wrong-PIN count is lost with it."""
    digits = check_pin_format(pin)
    member = staff_member(db, staff_id)
    if not member.active:
        raise PermissionDenied(_("{name} is no longer active; sign in as someone else.", name=member.name))
    pin_hash, pin_salt = db.execute("SELECT pin_hash, pin_salt FROM staff WHERE id = ?", [staff_id]).fetchone()
    if pin_hash is None:
        raise PermissionDenied(_("{name} has no PIN yet; the owner can set one.", name=member.name))
    state = sign_in_state(db, staff_id, now=now)
    if state.wait_seconds:
        raise RuleViolation(_too_many(member, state.wait_seconds))
    right = verify_pin(digits, pin_hash, pin_salt)
    with transaction(db):
        if right:
            audit.record(db, at=now, staff_id=staff_id, action=SIGNED_IN, subject=str(staff_id))
        else:
            audit.record(db, at=now, staff_id=None, action=FAILED, subject=str(staff_id), failures=state.failures + 1)
            wait = lock_seconds(state.failures + 1)
            if wait:
                audit.record(db, at=now, staff_id=None, action=LOCKED, subject=str(staff_id), seconds=wait)
    return right


def _too_many(member: Staff, seconds: int) -> str:
    return _("Too many wrong PINs for {name}; try again in {seconds} seconds.", name=member.name, seconds=seconds)


def wrong_pin_message(db: Database, staff_id: int, *, now: str) -> str:
    """What to tell someone who just typed a wrong PIN: the tries left, or the wait."""
    member = staff_member(db, staff_id)
    state = sign_in_state(db, staff_id, now=now)
    if state.wait_seconds:
        return _too_many(member, state.wait_seconds)
    return _("Wrong PIN for {name}; {left} tries left before a wait.", name=member.name, left=state.tries_left)


# -- managing staff ---------------------------------------------------------------
def _check_name(db: Database, name: object) -> str:
    text = clean_text(name, field="name", label=_("The name"), max_length=NAME_MAX, required=True)
    if db.execute("SELECT 1 FROM staff WHERE active = 1 AND name = ?", [text]).fetchone():
        raise InvalidInput("name", _("There is already a staff member called {name}.", name=text))
    return text


def add_staff(db: Database, name: object, role: object, pin: object, *, now: str, by: int) -> Staff:
    """Add an owner or a cashier with their PIN (owner only; the owner's own PIN must be set first)."""
    require_staff(db, by, "staff")
    if role not in ROLES:
        raise InvalidInput("role", _("The role must be one of: {choices}.", choices=", ".join(ROLES)))
    with transaction(db):
        checked_name = _check_name(db, name)
        digits = check_new_pin(pin)
        if not pins_enabled(db):
            raise RuleViolation(_("Set the owner's PIN first; until then anyone at the PC acts as the owner."))
        pin_hash, pin_salt = hash_pin(digits)
        cursor = db.execute(
            "INSERT INTO staff (name, role, pin_hash, pin_salt, active, created_at) VALUES (?, ?, ?, ?, 1, ?)",
            [checked_name, role, pin_hash, pin_salt, now],
        )
        audit.record(db, at=now, staff_id=by, action=STAFF_ADDED, subject=str(cursor.lastrowid), role=role)
        return staff_member(db, cursor.lastrowid)


def set_pin(db: Database, staff_id: int, pin: object, *, now: str, by: int) -> Staff:
    """Set a staff member's PIN: one's own, or anyone's by the owner. The owner's first PIN turns sign-in on."""
    require_staff(db, by, "own_pin" if by == staff_id else "staff")
    member = staff_member(db, staff_id)
    if not member.active:
        raise RuleViolation(_("{name} is no longer active; sign in as someone else.", name=member.name))
    digits = check_new_pin(pin)
    first = not pins_enabled(db)
    pin_hash, pin_salt = hash_pin(digits)
    with transaction(db):
        db.execute("UPDATE staff SET pin_hash = ?, pin_salt = ? WHERE id = ?", [pin_hash, pin_salt, staff_id])
        audit.record(db, at=now, staff_id=by, action=PIN_SET, subject=str(staff_id), sign_in_turned_on=first)
    return member


def deactivate_staff(db: Database, staff_id: int, *, now: str, by: int) -> Staff:
    """Stop a staff member from signing in (their history stays); the last owner cannot go."""
    require_staff(db, by, "staff")
    with transaction(db):
        member = staff_member(db, staff_id)
        if not member.active:
            raise RuleViolation(_("{name} is already inactive.", name=member.name))
        if member.is_owner:
            (owners,) = db.execute(
                "SELECT count(*) FROM staff WHERE role = 'owner' AND active = 1 AND id != ?", [staff_id]
            ).fetchone()
            if not owners:
                raise RuleViolation(_("{name} is the shop's only owner and cannot be deactivated.", name=member.name))
        db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff_id])
        audit.record(db, at=now, staff_id=by, action="deactivate_staff", subject=str(staff_id))
        return staff_member(db, staff_id)
