"""Shop settings, declared as data: each has a key, a type, a default, a label
and a check. They live in the database, so they travel with backups."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import LANGUAGES, N_, _
from smallbiz_loyalty.core.money import check_currency
from smallbiz_loyalty.core.phones import check_region
from smallbiz_loyalty.core.text import clean_text, shown, to_ascii_digits


def _text(limit: int, *, required: bool = False) -> Callable[[str, Any], Any]:
    def check(key: str, value: Any) -> str:
        return clean_text(value, field=key, label=_(SETTINGS[key].label), max_length=limit, required=required)

    return check


def _int_between(low: int, high: int) -> Callable[[str, Any], Any]:
    def check(key: str, value: Any) -> int:
        number = _whole_number(value)
        if number is None or not low <= number <= high:
            raise InvalidInput(
                key,
                _(
                    "{label} must be a whole number from {low} to {high}.",
                    label=_(SETTINGS[key].label),
                    low=low,
                    high=high,
                ),
            )
        return number

    return check


def _whole_number(value: Any) -> int | None:
    """An int, or digits of any script ("90", "٩٠"); None for anything else (True, 90.5, "1_000", "1e2")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = to_ascii_digits(value.strip()) if isinstance(value, str) else ""
    # Short, so int() never meets a 5000-digit string (Python refuses past 4300).
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        return None
    return int(text)


def _choice(choices: tuple[str, ...]) -> Callable[[str, Any], Any]:
    def check(key: str, value: Any) -> str:
        if value not in choices:
            raise InvalidInput(
                key, _("{label} must be one of: {choices}.", label=_(SETTINGS[key].label), choices=", ".join(choices))
            )
        return value

    return check


def _message_template(key: str, value: Any) -> str:
    from smallbiz_loyalty.core.messages import check_template  # lazy: messages imports the ledger

    return check_template(value)


def _note_template(key: str, value: Any) -> str:
    from smallbiz_loyalty.core.templates import check_template

    return check_template(value, field=key, label=_(SETTINGS[key].label))


def _time_zone(key: str, value: Any) -> str:
    from smallbiz_loyalty.core.dates import zone

    return zone(str(value)).key


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str  # English source; translate with _() when shown
    check: Callable[[str, Any], Any]
    owner_only: bool = True


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("shop_name", "My shop", N_("Shop name"), _text(80, required=True)),
        Setting("shop_address", "", N_("Shop address"), _text(200)),
        Setting("shop_phone", "", N_("Shop phone"), _text(40)),
        Setting("shop_logo", "", N_("Shop logo (image file)"), _text(1000)),
        Setting("language", "en", N_("Language"), _choice(LANGUAGES)),
        Setting("currency", "USD", N_("Currency"), lambda key, value: check_currency(value)),
        Setting("phone_region", "US", N_("Phone country"), lambda key, value: check_region(value)),
        Setting("time_zone", "UTC", N_("Time zone"), _time_zone),
        Setting("activity_window_days", 90, N_("Days a customer counts as active"), _int_between(28, 730)),
        Setting("whatsapp_template", "", N_("WhatsApp message template"), _message_template),
        Setting("note_template_thank_you", "", N_("Thank-you note text"), _note_template),
        Setting("note_template_birthday", "", N_("Birthday card text"), _note_template),
        Setting("note_template_win_back", "", N_("“We miss you” note text"), _note_template),
        Setting(
            "idle_lock_minutes", 5, N_("Minutes without use before the app locks (0 = never)"), _int_between(0, 240)
        ),
        Setting("backup_folder", "", N_("Backup folder"), _text(1000)),
        Setting("backup_keep_daily", 7, N_("Daily backups kept"), _int_between(1, 60)),
        Setting("backup_keep_weekly", 4, N_("Weekly backups kept"), _int_between(0, 52)),
        Setting("backup_keep_monthly", 12, N_("Monthly backups kept"), _int_between(0, 120)),
        # Loyalty rules that are the owner's call.
        Setting(
            "negative_balance",
            "take_what_is_left",
            N_("When a return takes back units already spent"),
            _choice(("take_what_is_left", "allow", "block")),
        ),
        Setting("birthday_days_before", 7, N_("Days before a birthday the gift is given"), _int_between(0, 60)),
        Setting("birthday_valid_days", 30, N_("Days a birthday gift stays valid"), _int_between(1, 365)),
        # Analytics: how lifetime value is estimated and who counts as "at risk".
        Setting("clv_max_lifespan_years", 5, N_("Longest expected customer lifetime, in years"), _int_between(1, 20)),
        Setting("gross_margin_percent", 0, N_("Gross margin in percent (0 = not set)"), _int_between(0, 100)),
        Setting("at_risk_min_purchases", 3, N_("Purchases that make a regular"), _int_between(2, 50)),
        Setting("at_risk_lookback_days", 182, N_("Days looked back for regulars"), _int_between(30, 730)),
        Setting("at_risk_quiet_days", 42, N_("Days without a visit before a regular is at risk"), _int_between(7, 365)),
    ]
}


def load_settings(db: Database) -> dict[str, Any]:
    """Every setting, stored values over defaults."""
    values = {key: setting.default for key, setting in SETTINGS.items()}
    for key, raw in db.execute("SELECT key, value FROM settings").fetchall():
        if key in SETTINGS:
            values[key] = json.loads(raw)
    return values


def validate_setting(key: str, value: Any) -> Any:
    if key not in SETTINGS:
        raise InvalidInput("setting", _("There is no setting called {key}.", key=shown(key)))
    return SETTINGS[key].check(key, value)


def store_setting(db: Database, key: str, value: Any) -> Any:
    """Validate and write one setting (inside the caller's transaction)."""
    checked = validate_setting(key, value)
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(checked, ensure_ascii=False)],
    )
    return checked
