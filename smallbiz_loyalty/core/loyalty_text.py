"""How loyalty quantities and events read for the cashier, in either language.

What happened at the counter is stored as plain events (JSON) and rendered
here when shown, so a resent sale shows the first result again, in whatever
language the screen is in now."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.money import format_money

Event = dict[str, Any]


def quantity_text(unit: str, quantity: int, currency: str) -> str:
    """ "1 stamp", "12 points", "KWD 0.250 credit" (the sign is left to the caller)."""
    count = abs(quantity)
    if unit == "credit" and currency:
        return _("{amount} credit", amount=format_money(count, currency, babel_locale()))
    if unit == "credit":
        return _("{amount} credit", amount=count)
    if unit == "stamps":
        return _("1 stamp") if count == 1 else _("{count} stamps", count=count)
    return _("1 point") if count == 1 else _("{count} points", count=count)


def balance_text(unit: str, balance: int, card_size: int | None, currency: str) -> str:
    """A balance as the counter shows it: "7/10" on a stamp card, else "340 points"."""
    if unit == "stamps" and card_size:
        return f"{balance}/{card_size}"
    text = quantity_text(unit, balance, currency)
    return f"−{text}" if balance < 0 else text


def _labelled(event: Event, message: str) -> str:
    label = event.get("label")
    return _("{programme}: {message}", programme=label, message=message) if label else message


def render_event(event: Event, currency: str) -> str:
    """One event as one line for the cashier."""
    kind = event["e"]
    unit = event.get("unit", "points")
    amount = quantity_text(unit, event.get("n", 0), currency)
    balance = balance_text(unit, event.get("balance", 0), event.get("size"), currency)
    if kind == "earn":
        return _labelled(event, _("+{earned} — {balance}", earned=amount, balance=balance))
    if kind == "taken":
        return _labelled(event, _("−{taken} — {balance}", taken=amount, balance=balance))
    if kind == "given_back":
        return _labelled(event, _("+{given} given back — {balance}", given=amount, balance=balance))
    if kind == "written_off":
        return _labelled(event, _("{quantity} could not be taken back: already spent.", quantity=amount))
    if kind == "debt":
        return _labelled(
            event, _("{quantity} was already spent; the balance is now {balance}.", quantity=amount, balance=balance)
        )
    if kind == "ready":
        return _labelled(event, _("Reward ready: {reward}", reward=", ".join(event["rewards"])))
    if kind == "tier_up":
        return _labelled(event, _("Tier up: {tier}", tier=event["tier"]))
    if kind == "tier_down":
        tier = event.get("tier")
        return _labelled(event, _("Tier now: {tier}", tier=tier) if tier else _("No tier now"))
    if kind == "referral_bonus":
        return _("Referral bonus: +{earned} for {name}", earned=amount, name=event["name"])
    if kind == "welcome_bonus":
        return _("Welcome bonus: +{earned}", earned=amount)
    return ""


def render_events(events: Iterable[Event], currency: str) -> tuple[str, ...]:
    return tuple(line for line in (render_event(e, currency) for e in events) if line)
