"""Loyalty programmes and their rules: how units are earned, when they expire,
and the tiers that multiply earning.

A shop runs one or several programmes at once (a stamp card and points, say).
Each earns in one unit: stamps, points, or credit (cashback store credit, in
minor units of money). Earning always rounds down. Tiers come from qualifying
spend over the last 365 days — never from a balance."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.errors import InvalidInput, NotFound
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.text import MAX_ID, clean_text, is_id_text, search_key, shown

UNITS = ("stamps", "points", "credit")
EXPIRY_KINDS = ("never", "days", "end_of_month", "end_of_year")
NAME_MAX = 60
MAX_UNITS = 1_000_000  # per rule; anything larger is a typo
MAX_MONEY = 10**12  # minor units
TIER_WINDOW_DAYS = 365
_COLUMNS = (
    "id, name, unit, visit_quantity, visit_min_spend, rate_quantity, rate_per, cashback_bp, categories,"
    " expiry_kind, expiry_days, value_per_unit, birthday_quantity, birthday_reward_id, referrer_bonus,"
    " referred_bonus, active, sort_order"
)
_EDITABLE = tuple(c.strip() for c in _COLUMNS.split(",")[1:])


@dataclass(frozen=True)
class Earning:
    """What one sale earns in one programme, by rule."""

    visit_units: int
    amount_units: int

    @property
    def total(self) -> int:
        return self.visit_units + self.amount_units


@dataclass(frozen=True)
class Programme:
    id: int
    name: str
    unit: str  # "stamps" | "points" | "credit"
    visit_quantity: int = 0  # units per visit …
    visit_min_spend: int = 0  # … when the sale is at least this (minor units)
    rate_quantity: int = 0  # units …
    rate_per: int = 0  # … per this many minor units spent
    cashback_bp: int = 0  # credit: basis points of the amount (1 % = 100)
    categories: dict[str, int] = field(default_factory=dict)  # category key → earn percent (0 = none)
    expiry_kind: str = "never"
    expiry_days: int = 0
    value_per_unit: int = 0  # minor units of money one unit is worth (the liability)
    birthday_quantity: int = 0
    birthday_reward_id: int | None = None
    referrer_bonus: int = 0
    referred_bonus: int = 0
    active: bool = True
    sort_order: int = 0

    @property
    def has_birthday_gift(self) -> bool:
        return bool(self.birthday_quantity or self.birthday_reward_id)

    def category_percent(self, category: str | None) -> int:
        """Earn percent for a sale in `category` (100 unless the owner set a bonus or exclusion)."""
        if not category or not self.categories:
            return 100
        return self.categories.get(search_key(category), 100)

    def earning(self, amount: int, category: str | None, tier_multiplier: int = 100) -> Earning:
        """Units earned by a sale of `amount` minor units, rounding down."""
        if amount <= 0:
            return Earning(0, 0)
        scale = self.category_percent(category) * tier_multiplier  # percent × percent
        visit = 0
        if self.visit_quantity and amount >= self.visit_min_spend:
            visit = self.visit_quantity * scale // 10_000
        by_amount = 0
        if self.rate_quantity and self.rate_per:
            by_amount += amount * self.rate_quantity * scale // (self.rate_per * 10_000)
        if self.cashback_bp:
            by_amount += amount * self.cashback_bp * scale // (10_000 * 10_000)
        return Earning(visit, by_amount)

    def expiry_for(self, earned_on: date) -> date | None:
        """The last day units earned on `earned_on` can be used (None: they never expire)."""
        if self.expiry_kind == "days":
            return earned_on + timedelta(days=self.expiry_days)
        if self.expiry_kind == "end_of_month":
            return add_months(earned_on.replace(day=1), 1) - timedelta(days=1)
        if self.expiry_kind == "end_of_year":
            return date(earned_on.year, 12, 31)
        return None


@dataclass(frozen=True)
class Tier:
    id: int
    programme_id: int
    name: str
    min_spend: int  # qualifying spend over 365 days, minor units
    multiplier: int  # earn percent, e.g. 150
    active: bool = True


def _row_to_programme(row: tuple[Any, ...]) -> Programme:
    values = list(row)
    values[8] = json.loads(values[8] or "{}")
    values[16] = bool(values[16])
    return Programme(*values)


def get_programme(db: Database, programme_id: int) -> Programme:
    if not 0 < programme_id <= MAX_ID:
        raise NotFound(_("There is no loyalty programme number {id}.", id=shown(programme_id)))
    row = db.execute(f"SELECT {_COLUMNS} FROM programmes WHERE id = ?", [programme_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no loyalty programme number {id}.", id=programme_id))
    return _row_to_programme(row)


def list_programmes(db: Database, *, active_only: bool = False) -> list[Programme]:
    where = " WHERE active = 1" if active_only else ""
    rows = db.execute(f"SELECT {_COLUMNS} FROM programmes{where} ORDER BY sort_order, id")
    return [_row_to_programme(r) for r in rows]


def find_programme(db: Database, ref: int | str) -> Programme:
    """A programme by id or by name (any case, Arabic-folded)."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        return get_programme(db, ref)
    text = str(ref or "").strip()
    if is_id_text(text):
        return get_programme(db, int(text))
    row = db.execute(f"SELECT {_COLUMNS} FROM programmes WHERE name_key = ?", [search_key(text)]).fetchone()
    if row is None:
        raise NotFound(_('There is no loyalty programme called "{name}".', name=shown(text, 60)))
    return _row_to_programme(row)


def _whole(value: object, field_name: str, label: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            field_name, _("{label} must be a whole number from {low} to {high}.", label=label, low=low, high=high)
        )
    return value


def _check_categories(value: object) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput("categories", _("Category rules must be a list of categories with a percent each."))
    checked: dict[str, int] = {}
    for name, percent in value.items():
        text = clean_text(name, field="categories", label=_("The category"), max_length=40, required=True)
        checked[search_key(text)] = _whole(percent, "categories", _("A category's earn percent"), 0, 1000)
    return checked


def check_programme(db: Database, fields: dict[str, Any], *, programme_id: int | None = None) -> dict[str, Any]:
    """Validate a programme's editable fields (all of them) and return them checked."""
    f = dict(fields)
    f["name"] = clean_text(
        f.get("name"), field="name", label=_("The programme name"), max_length=NAME_MAX, required=True
    )
    clash = db.execute(
        "SELECT id FROM programmes WHERE name_key = ? AND id IS NOT ?", [search_key(f["name"]), programme_id]
    ).fetchone()
    if clash:
        raise InvalidInput("name", _('There is already a programme called "{name}".', name=f["name"]))
    if f["unit"] not in UNITS:
        raise InvalidInput("unit", _("The unit must be one of: {choices}.", choices=", ".join(UNITS)))
    for name, label, high in (
        ("visit_quantity", _("Units per visit"), MAX_UNITS),
        ("visit_min_spend", _("The minimum spend for a visit"), MAX_MONEY),
        ("rate_quantity", _("Units per amount"), MAX_UNITS),
        ("rate_per", _("The amount that earns them"), MAX_MONEY),
        ("cashback_bp", _("The cashback"), 10_000),
        ("expiry_days", _("The days before units expire"), 3650),
        ("value_per_unit", _("The value of one unit"), MAX_MONEY),
        ("birthday_quantity", _("The birthday gift"), MAX_UNITS),
        ("referrer_bonus", _("The bonus for the referrer"), MAX_UNITS),
        ("referred_bonus", _("The bonus for the new customer"), MAX_UNITS),
        ("sort_order", _("The position"), 10_000),
    ):
        f[name] = _whole(f[name], name, label, 0, high)
    f["categories"] = _check_categories(f.get("categories"))
    _check_rules(f)
    reward_id = f.get("birthday_reward_id")
    if reward_id is not None:
        owner = db.execute("SELECT programme_id FROM rewards WHERE id = ?", [reward_id]).fetchone()
        if owner is None or owner[0] != programme_id:
            raise InvalidInput("birthday_reward_id", _("The birthday gift must be a reward of this programme."))
    f["active"] = bool(f["active"])
    return f


def _check_rules(f: dict[str, Any]) -> None:
    if f["rate_quantity"] and not f["rate_per"]:
        raise InvalidInput("rate_per", _("Say how much must be spent to earn {count} units.", count=f["rate_quantity"]))
    if f["unit"] == "credit" and (f["visit_quantity"] or f["rate_quantity"]):
        raise InvalidInput("unit", _("Store credit is earned as a cashback percent, not per visit or per amount."))
    if f["cashback_bp"] and f["unit"] != "credit":
        raise InvalidInput("cashback_bp", _("Cashback is earned as store credit; choose the unit credit."))
    if f["expiry_kind"] not in EXPIRY_KINDS:
        raise InvalidInput("expiry_kind", _("Expiry must be one of: {choices}.", choices=", ".join(EXPIRY_KINDS)))
    if f["expiry_kind"] == "days" and not f["expiry_days"]:
        raise InvalidInput("expiry_days", _("Say after how many days units expire."))
    if f["expiry_kind"] != "days":
        f["expiry_days"] = 0
    if f["unit"] == "credit":
        f["value_per_unit"] = 1  # credit is money already


def _write(db: Database, programme_id: int | None, f: dict[str, Any], now: str) -> int:
    values = [f[c] for c in _EDITABLE]
    values[_EDITABLE.index("categories")] = json.dumps(f["categories"], ensure_ascii=False, sort_keys=True)
    values[_EDITABLE.index("active")] = int(f["active"])
    if programme_id is None:
        cursor = db.execute(
            f"INSERT INTO programmes ({', '.join(_EDITABLE)}, name_key, created_at, updated_at)"
            f" VALUES ({', '.join('?' * len(_EDITABLE))}, ?, ?, ?)",
            [*values, search_key(f["name"]), now, now],
        )
        return cursor.lastrowid
    db.execute(
        f"UPDATE programmes SET {', '.join(c + ' = ?' for c in _EDITABLE)}, name_key = ?, updated_at = ? WHERE id = ?",
        [*values, search_key(f["name"]), now, programme_id],
    )
    return programme_id


def create_programme(db: Database, *, now: str, name: object, unit: str, **rules: Any) -> Programme:
    """Add a programme (inside the caller's transaction). `rules` are `Programme` fields."""
    unknown = set(rules) - set(_EDITABLE)
    if unknown:
        raise InvalidInput("programme", _("{field} is not a programme setting.", field=", ".join(sorted(unknown))))
    if rules.get("birthday_reward_id") is not None:
        raise InvalidInput("birthday_reward_id", _("Add the programme first, then choose its birthday reward."))
    base = Programme(id=0, name="", unit=unit)
    fields = {c: getattr(base, c) for c in _EDITABLE} | rules | {"name": name, "unit": unit}
    if "sort_order" not in rules:
        (last,) = db.execute("SELECT COALESCE(MAX(sort_order) + 1, 0) FROM programmes").fetchone()
        fields["sort_order"] = min(last, 10_000)
    checked = check_programme(db, fields)
    return get_programme(db, _write(db, None, checked, now))


def update_programme(db: Database, programme_id: int, *, now: str, **changes: Any) -> Programme:
    """Change some of a programme's fields; all are checked again together."""
    current = get_programme(db, programme_id)
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise InvalidInput("programme", _("{field} is not a programme setting.", field=", ".join(sorted(unknown))))
    if "unit" in changes and changes["unit"] != current.unit and _has_entries(db, programme_id):
        raise InvalidInput("unit", _("The unit of a programme that already has entries cannot change."))
    fields = {c: getattr(replace(current), c) for c in _EDITABLE} | changes
    checked = check_programme(db, fields, programme_id=programme_id)
    return get_programme(db, _write(db, programme_id, checked, now))


def _has_entries(db: Database, programme_id: int) -> bool:
    return db.execute("SELECT 1 FROM ledger WHERE programme_id = ? LIMIT 1", [programme_id]).fetchone() is not None


# -- tiers ----------------------------------------------------------------
_TIER_COLUMNS = "id, programme_id, name, min_spend, multiplier, active"


def tiers_of(db: Database, programme_id: int, *, active_only: bool = True) -> list[Tier]:
    """A programme's tiers, lowest spend first."""
    where = " AND active = 1" if active_only else ""
    rows = db.execute(
        f"SELECT {_TIER_COLUMNS} FROM tiers WHERE programme_id = ?{where} ORDER BY min_spend, id", [programme_id]
    )
    return [Tier(*r[:5], active=bool(r[5])) for r in rows]


def all_tiers(db: Database) -> dict[int, list[Tier]]:
    """Active tiers of every programme, lowest spend first."""
    found: dict[int, list[Tier]] = {}
    for r in db.execute(f"SELECT {_TIER_COLUMNS} FROM tiers WHERE active = 1 ORDER BY min_spend, id"):
        found.setdefault(r[1], []).append(Tier(*r[:5], active=True))
    return found


def get_tier(db: Database, tier_id: int) -> Tier:
    row = db.execute(f"SELECT {_TIER_COLUMNS} FROM tiers WHERE id = ?", [tier_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no tier number {id}.", id=tier_id))
    return Tier(*row[:5], active=bool(row[5]))


def tier_for_spend(tiers: list[Tier], spend: int) -> Tier | None:
    """The highest tier whose minimum `spend` reaches (tiers sorted by min_spend)."""
    reached = None
    for tier in tiers:
        if spend >= tier.min_spend:
            reached = tier
    return reached


def next_tier(tiers: list[Tier], spend: int) -> Tier | None:
    return next((t for t in tiers if t.min_spend > spend), None)


def _check_tier(
    db: Database, programme_id: int, name: object, min_spend: object, multiplier: object, tier_id: int | None
) -> str:
    text = clean_text(name, field="name", label=_("The tier name"), max_length=NAME_MAX, required=True)
    _whole(min_spend, "min_spend", _("The qualifying spend"), 0, MAX_MONEY)
    _whole(multiplier, "multiplier", _("The earn multiplier"), 0, 1000)
    for other in tiers_of(db, programme_id):
        if other.id == tier_id:
            continue
        if other.min_spend == min_spend:
            raise InvalidInput("min_spend", _("The tier {name} already starts at that spend.", name=other.name))
        if search_key(other.name) == search_key(text):
            raise InvalidInput("name", _('There is already a tier called "{name}".', name=text))
    return text


def add_tier(db: Database, programme_id: int, *, name: object, min_spend: int, multiplier: int = 100, now: str) -> Tier:
    """Add a tier reached at `min_spend` minor units of qualifying spend (inside the caller's transaction)."""
    get_programme(db, programme_id)
    text = _check_tier(db, programme_id, name, min_spend, multiplier, None)
    cursor = db.execute(
        "INSERT INTO tiers (programme_id, name, min_spend, multiplier, created_at) VALUES (?, ?, ?, ?, ?)",
        [programme_id, text, min_spend, multiplier, now],
    )
    return get_tier(db, cursor.lastrowid)


def update_tier(db: Database, tier_id: int, **changes: Any) -> Tier:
    """Rename, re-price or retire (active=False) a tier; its history stays."""
    tier = get_tier(db, tier_id)
    unknown = set(changes) - {"name", "min_spend", "multiplier", "active"}
    if unknown:
        raise InvalidInput("tier", _("{field} is not a tier setting.", field=", ".join(sorted(unknown))))
    merged = {"name": tier.name, "min_spend": tier.min_spend, "multiplier": tier.multiplier, "active": tier.active}
    merged |= changes
    text = tier.name
    if merged["active"]:
        text = _check_tier(db, tier.programme_id, merged["name"], merged["min_spend"], merged["multiplier"], tier_id)
    db.execute(
        "UPDATE tiers SET name = ?, min_spend = ?, multiplier = ?, active = ? WHERE id = ?",
        [text, merged["min_spend"], merged["multiplier"], int(bool(merged["active"])), tier_id],
    )
    return get_tier(db, tier_id)


def qualifying_spend(db: Database, customer_id: int, today: date) -> int:
    """Sales minus returns over the 365 days ending `today`, voids excluded (minor units)."""
    start = today - timedelta(days=TIER_WINDOW_DAYS - 1)
    (total,) = db.execute(
        "SELECT COALESCE(SUM(amount), 0) FROM sales WHERE customer_id = ? AND business_date BETWEEN ? AND ?"
        " AND voided_at IS NULL",
        [customer_id, start.isoformat(), today.isoformat()],
    ).fetchone()
    return max(total, 0)
