"""The reward catalogue of each programme, and vouchers.

A reward costs units and gives a free item, money off, a percent off (with an
optional cap) or a voucher to use later. A voucher has a code (printed as a QR
code), what it gives, a validity, and is redeemed once."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.customers import CARD_ALPHABET, normalise_card_code
from smallbiz_loyalty.core.errors import InvalidInput, NotFound, RuleViolation
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.text import MAX_ID, clean_text, is_id_text, search_key, shown

REWARD_KINDS = ("free_item", "fixed_discount", "percent_discount", "voucher")
VOUCHER_KINDS = ("free_item", "fixed_discount", "percent_discount")
# Card codes never contain a V, so a scanned code starting with V is a voucher.
VOUCHER_PREFIX = "V"
VOUCHER_LENGTH = 9
_REWARD_COLUMNS = "id, programme_id, name, cost, kind, value, cap, valid_days, active, sort_order"
_VOUCHER_COLUMNS = (
    "id, code, customer_id, programme_id, reward_id, kind, item, value, cap, source, birthday_year,"
    " issued_at, business_date, valid_until, redeemed_at"
)


@dataclass(frozen=True)
class Reward:
    id: int
    programme_id: int
    name: str
    cost: int  # units
    kind: str  # free_item | fixed_discount | percent_discount | voucher
    value: int = 0  # money off (minor units), or a percent for percent_discount
    cap: int | None = None  # most money off for a percent discount
    valid_days: int | None = None  # a voucher reward: how long the voucher is valid
    active: bool = True
    sort_order: int = 0


@dataclass(frozen=True)
class Voucher:
    id: int
    code: str
    customer_id: int
    programme_id: int | None
    reward_id: int | None
    kind: str  # free_item | fixed_discount | percent_discount
    item: str
    value: int
    cap: int | None
    source: str  # reward | birthday | manual
    birthday_year: int | None
    issued_at: str
    business_date: date
    valid_until: date | None
    redeemed_at: str | None

    def usable_on(self, day: date) -> bool:
        return self.redeemed_at is None and (self.valid_until is None or day <= self.valid_until)


def _row_to_reward(row: tuple[Any, ...]) -> Reward:
    values = list(row)
    values[8] = bool(values[8])
    return Reward(*values)


def _row_to_voucher(row: tuple[Any, ...]) -> Voucher:
    values = list(row)
    values[12] = date.fromisoformat(values[12])
    values[13] = date.fromisoformat(values[13]) if values[13] else None
    return Voucher(*values)


def get_reward(db: Database, reward_id: int) -> Reward:
    if not 0 < reward_id <= MAX_ID:  # an id SQLite cannot hold is no reward at all
        raise NotFound(_("There is no reward number {id}.", id=shown(reward_id)))
    row = db.execute(f"SELECT {_REWARD_COLUMNS} FROM rewards WHERE id = ?", [reward_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no reward number {id}.", id=reward_id))
    return _row_to_reward(row)


def rewards_of(db: Database, programme_id: int | None = None, *, active_only: bool = True) -> list[Reward]:
    """Rewards, cheapest first (of one programme, or all)."""
    where, params = [], []
    if programme_id is not None:
        where.append("programme_id = ?")
        params.append(programme_id)
    if active_only:
        where.append("active = 1")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute(f"SELECT {_REWARD_COLUMNS} FROM rewards{clause} ORDER BY cost, sort_order, id", params)
    return [_row_to_reward(r) for r in rows]


def find_reward(db: Database, ref: int | str) -> Reward:
    """An active reward by id or by name (any case, Arabic-folded)."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        reward = get_reward(db, ref)
    elif is_id_text(str(ref or "").strip()):
        reward = get_reward(db, int(str(ref).strip()))
    else:
        text = str(ref or "").strip()
        rows = db.execute(
            f"SELECT {_REWARD_COLUMNS} FROM rewards WHERE name_key = ? AND active = 1", [search_key(text)]
        ).fetchall()
        if not rows:
            raise NotFound(_('There is no reward called "{name}".', name=shown(text, 60)))
        if len(rows) > 1:
            ids = ", ".join(str(r[0]) for r in rows)
            raise InvalidInput(
                "reward",
                _('Several rewards are called "{name}"; give its number: {ids}.', name=shown(text, 60), ids=ids),
            )
        reward = _row_to_reward(rows[0])
    if not reward.active:
        raise RuleViolation(_("The reward {name} is no longer offered.", name=reward.name))
    return reward


def _whole(value: object, field: str, label: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            field, _("{label} must be a whole number from {low} to {high}.", label=label, low=low, high=high)
        )
    return value


def _check_reward(f: dict[str, Any]) -> dict[str, Any]:
    f["name"] = clean_text(f["name"], field="name", label=_("The reward name"), max_length=60, required=True)
    f["cost"] = _whole(f["cost"], "cost", _("The cost"), 1, 1_000_000_000)
    if f["kind"] not in REWARD_KINDS:
        raise InvalidInput("kind", _("The kind of reward must be one of: {choices}.", choices=", ".join(REWARD_KINDS)))
    if f["kind"] == "percent_discount":
        f["value"] = _whole(f["value"], "value", _("The percent off"), 1, 100)
    elif f["kind"] in ("fixed_discount", "voucher"):
        f["value"] = _whole(f["value"], "value", _("The money off"), 1, 10**12)
    else:
        f["value"] = 0
    if f.get("cap") is not None:
        f["cap"] = _whole(f["cap"], "cap", _("The most money off"), 1, 10**12)
    if f["kind"] != "percent_discount":
        f["cap"] = None
    if f.get("valid_days") is not None:
        f["valid_days"] = _whole(f["valid_days"], "valid_days", _("The days a voucher is valid"), 1, 3650)
    f["sort_order"] = _whole(f.get("sort_order", 0), "sort_order", _("The position"), 0, 10_000)
    f["active"] = bool(f.get("active", True))
    return f


def add_reward(
    db: Database,
    programme_id: int,
    *,
    name: object,
    cost: int,
    kind: str = "free_item",
    value: int = 0,
    cap: int | None = None,
    valid_days: int | None = None,
    now: str,
) -> Reward:
    """Add a reward to a programme's catalogue (inside the caller's transaction)."""
    if db.execute("SELECT 1 FROM programmes WHERE id = ?", [programme_id]).fetchone() is None:
        raise NotFound(_("There is no loyalty programme number {id}.", id=programme_id))
    f = _check_reward({"name": name, "cost": cost, "kind": kind, "value": value, "cap": cap, "valid_days": valid_days})
    cursor = db.execute(
        "INSERT INTO rewards (programme_id, name, name_key, cost, kind, value, cap, valid_days, active, sort_order,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [programme_id, f["name"], search_key(f["name"]), f["cost"], f["kind"], f["value"], f["cap"], f["valid_days"],
         1, f["sort_order"], now, now],
    )  # fmt: skip
    return get_reward(db, cursor.lastrowid)


def update_reward(db: Database, reward_id: int, *, now: str, **changes: Any) -> Reward:
    """Change a reward; `active=False` takes it off the catalogue (its history stays)."""
    current = get_reward(db, reward_id)
    editable = ("name", "cost", "kind", "value", "cap", "valid_days", "active", "sort_order")
    unknown = set(changes) - set(editable)
    if unknown:
        raise InvalidInput("reward", _("{field} is not a reward setting.", field=", ".join(sorted(unknown))))
    f = _check_reward({c: getattr(current, c) for c in editable} | changes)
    db.execute(
        "UPDATE rewards SET name = ?, name_key = ?, cost = ?, kind = ?, value = ?, cap = ?, valid_days = ?,"
        " active = ?, sort_order = ?, updated_at = ? WHERE id = ?",
        [f["name"], search_key(f["name"]), f["cost"], f["kind"], f["value"], f["cap"], f["valid_days"],
         int(f["active"]), f["sort_order"], now, reward_id],
    )  # fmt: skip
    return get_reward(db, reward_id)


# -- what to give ------------------------------------------------------------
def describe_gift(kind: str, item: str, value: int, cap: int | None, currency: str) -> str:
    """What the cashier gives: "Give: Free coffee", "Give: KWD 1.000 off", …"""
    locale = babel_locale()
    if kind == "fixed_discount":
        return _("Give: {amount} off", amount=format_money(value, currency, locale))
    if kind == "percent_discount" and cap:
        return _("Give: {percent}% off, at most {cap}", percent=value, cap=format_money(cap, currency, locale))
    if kind == "percent_discount":
        return _("Give: {percent}% off", percent=value)
    return _("Give: {item}", item=item)


def describe_voucher(voucher: Voucher, currency: str) -> str:
    gift = describe_gift(voucher.kind, voucher.item, voucher.value, voucher.cap, currency)
    if voucher.valid_until:
        return _(
            "Voucher {code} — {gift} — valid until {date}",
            code=voucher.code,
            gift=gift,
            date=voucher.valid_until.isoformat(),
        )
    return _("Voucher {code} — {gift}", code=voucher.code, gift=gift)


# -- vouchers ----------------------------------------------------------------
def new_voucher_code(db: Database, rng: random.Random | None = None) -> str:
    choice = rng.choice if rng else secrets.choice
    while True:
        code = VOUCHER_PREFIX + "".join(choice(CARD_ALPHABET) for _ in range(VOUCHER_LENGTH))
        if not db.execute("SELECT 1 FROM vouchers WHERE code = ?", [code]).fetchone():
            return code


def voucher_terms(reward: Reward) -> tuple[str, int, int | None]:
    """(kind, value, cap) of the voucher a reward gives: a voucher reward is money off."""
    if reward.kind == "voucher":
        return "fixed_discount", reward.value, None
    return reward.kind, reward.value, reward.cap


def issue_voucher(
    db: Database,
    *,
    customer_id: int,
    kind: str,
    item: str,
    value: int = 0,
    cap: int | None = None,
    source: str,
    today: date,
    now: str,
    valid_days: int | None = None,
    programme_id: int | None = None,
    reward_id: int | None = None,
    birthday_year: int | None = None,
    staff_id: int | None = None,
    rng: random.Random | None = None,
) -> Voucher:
    """Write one voucher (inside the caller's transaction)."""
    if kind not in VOUCHER_KINDS:
        raise InvalidInput(
            "kind", _("The kind of voucher must be one of: {choices}.", choices=", ".join(VOUCHER_KINDS))
        )
    if kind == "percent_discount":
        _whole(value, "value", _("The percent off"), 1, 100)
    elif kind == "fixed_discount":
        _whole(value, "value", _("The money off"), 1, 10**12)
    valid_until = today + timedelta(days=valid_days) if valid_days else None
    cursor = db.execute(
        "INSERT INTO vouchers (code, customer_id, programme_id, reward_id, kind, item, value, cap, source,"
        " birthday_year, issued_at, business_date, valid_until, staff_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_voucher_code(db, rng), customer_id, programme_id, reward_id, kind, item, value, cap, source,
         birthday_year, now, today.isoformat(), valid_until.isoformat() if valid_until else None, staff_id],
    )  # fmt: skip
    return get_voucher(db, cursor.lastrowid)


def get_voucher(db: Database, voucher_id: int) -> Voucher:
    row = db.execute(f"SELECT {_VOUCHER_COLUMNS} FROM vouchers WHERE id = ?", [voucher_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no voucher number {id}.", id=voucher_id))
    return _row_to_voucher(row)


def voucher_by_code(db: Database, code: str) -> Voucher:
    wanted = normalise_card_code(code or "")
    row = db.execute(f"SELECT {_VOUCHER_COLUMNS} FROM vouchers WHERE code = ?", [wanted]).fetchone()
    if row is None:
        raise NotFound(_('There is no voucher with the code "{code}".', code=shown(code or "", 20)))
    return _row_to_voucher(row)


def vouchers_of(db: Database, customer_id: int, *, usable_on: date | None = None) -> list[Voucher]:
    """A customer's vouchers, newest first; with `usable_on`, only those still usable that day."""
    sql = f"SELECT {_VOUCHER_COLUMNS} FROM vouchers WHERE customer_id = ?"
    params: list[Any] = [customer_id]
    if usable_on is not None:
        sql += " AND redeemed_at IS NULL AND (valid_until IS NULL OR valid_until >= ?)"
        params.append(usable_on.isoformat())
    rows = db.execute(sql + " ORDER BY id DESC", params)
    return [_row_to_voucher(r) for r in rows]


def mark_voucher_redeemed(db: Database, voucher: Voucher, *, today: date, now: str, staff_id: int | None) -> Voucher:
    """Redeem a voucher once (inside the caller's transaction)."""
    if voucher.redeemed_at is not None:
        raise RuleViolation(
            _("Voucher {code} was already used on {date}.", code=voucher.code, date=voucher.redeemed_at[:10])
        )
    if voucher.valid_until is not None and today > voucher.valid_until:
        raise RuleViolation(
            _("Voucher {code} expired on {date}.", code=voucher.code, date=voucher.valid_until.isoformat())
        )
    db.execute(
        "UPDATE vouchers SET redeemed_at = ?, redeemed_on = ?, redeemed_by = ? WHERE id = ? AND redeemed_at IS NULL",
        [now, today.isoformat(), staff_id, voucher.id],
    )
    return get_voucher(db, voucher.id)
