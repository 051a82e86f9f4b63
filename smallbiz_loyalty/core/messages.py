"""Personal messages to customers, sent through WhatsApp on the shop's phone or PC.

The app stays offline: it only builds a ``https://wa.me/<number>?text=…`` link
that the desktop opens in WhatsApp (or the browser). The text comes from a
template the owner can edit, with placeholders filled from the customer's
status. Templates are the owner's text, so rendering is defensive: only the
known placeholders are filled, anything else (``{0.__class__}``, ``{name!r}``,
a stray brace) stays as it was typed, and nothing can reach an attribute."""

from __future__ import annotations

from datetime import date
from string import Formatter
from urllib.parse import quote

from babel.dates import format_skeleton

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.i18n import N_, _, babel_locale
from smallbiz_loyalty.core.loyalty_text import quantity_text
from smallbiz_loyalty.core.status import CustomerStatus
from smallbiz_loyalty.core.text import clean_text

PLACEHOLDERS = ("name", "shop", "balance", "reward", "birthday")
TEMPLATE_MAX = 1000
WHATSAPP_URL = "https://wa.me/{digits}?text={text}"
# The built-in text, in English source form; shown in the user's language.
DEFAULT_TEMPLATE = N_("Hello {name}, thank you for visiting {shop}!\nYour balance: {balance}.\n{reward}\n{birthday}")
_FORMATTER = Formatter()


def default_template() -> str:
    """The built-in message in the current language."""
    return _(DEFAULT_TEMPLATE)


def check_template(value: object) -> str:
    """A template as the owner typed it, checked: text, braces balanced, known placeholders only."""
    text = clean_text(value, field="whatsapp_template", label=_("The message"), max_length=TEMPLATE_MAX, multiline=True)
    try:
        fields = [name for line in text.splitlines() for _lit, name, _spec, _conv in _FORMATTER.parse(line)]
    except ValueError as exc:
        raise InvalidInput(
            "whatsapp_template",
            _("The message has a curly bracket without its pair; write placeholders like {example}.", example="{name}"),
        ) from exc
    unknown = sorted({name for name in fields if name is not None and name not in PLACEHOLDERS})
    if unknown:
        raise InvalidInput(
            "whatsapp_template",
            _(
                "The message uses {unknown}, which the app cannot fill in; use only {known}.",
                unknown=", ".join("{" + name + "}" for name in unknown),
                known=" ".join("{" + name + "}" for name in PLACEHOLDERS),
            ),
        )
    return text


def _render_line(line: str, values: dict[str, str]) -> str:
    try:
        parts = list(_FORMATTER.parse(line))
    except ValueError:  # an unpaired brace: the line is shown as typed
        return line
    out: list[str] = []
    for literal, name, spec, conversion in parts:
        out.append(literal)  # "{{" typed by the owner comes back as one "{"
        if name is None:
            continue
        if name in values:  # format specs and conversions are ignored: no "{name:>999999999}"
            out.append(values[name])
        else:
            out.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


def render_message(template: str, values: dict[str, str]) -> str:
    """`template` with the known placeholders filled from `values`; never raises.

    Lines left empty by an empty value ("{birthday}" when there is none) are dropped."""
    lines = []
    for line in template.splitlines():
        rendered = _render_line(line, {k: v for k, v in values.items() if k in PLACEHOLDERS}).rstrip()
        if rendered or not line.strip():
            lines.append(rendered)
    return "\n".join(lines).strip()


def _balance_text(status: CustomerStatus, currency: str) -> str:
    parts = [quantity_text(p.programme.unit, p.balance, currency) for p in status.programmes]
    return ", ".join(parts) if parts else _("nothing yet")


def _reward_text(status: CustomerStatus, currency: str) -> str:
    ready = status.rewards_ready
    if ready:
        return _("Your reward is ready: {reward}.", reward=", ".join(r.name for r in ready))
    upcoming = [p for p in status.programmes if p.next_reward is not None]
    if not upcoming:
        return ""
    nearest = min(upcoming, key=lambda p: p.needed)
    assert nearest.next_reward is not None
    return _(
        "Only {quantity} more for {reward}.",
        quantity=nearest.needed_text(currency),
        reward=nearest.next_reward.name,
    )


def _birthday_text(status: CustomerStatus, today: date) -> str:
    if status.birthday is None:
        return ""
    if status.birthday == today:
        return _("Happy birthday!")
    day = format_skeleton("MMMMd", status.birthday, locale=babel_locale())
    return _("Happy birthday for {date}!", date=day)


def message_values(status: CustomerStatus, *, shop_name: str, currency: str, today: date) -> dict[str, str]:
    """What each placeholder stands for, for one customer, in the current language."""
    return {
        "name": status.customer.name,
        "shop": shop_name,
        "balance": _balance_text(status, currency),
        "reward": _reward_text(status, currency),
        "birthday": _birthday_text(status, today),
    }


def check_can_message(customer: Customer) -> None:
    """Refuse to message a customer who did not agree to it, or who has no phone."""
    if not customer.active:
        raise RuleViolation(_("{name} has been erased or merged; messages cannot be sent.", name=customer.name))
    if not customer.consent_marketing:
        raise RuleViolation(
            _(
                "{name} has not agreed to receive messages; tick their marketing consent first if they agree.",
                name=customer.name,
            )
        )
    if not customer.phone:
        raise RuleViolation(_("{name} has no phone number; add one to send a message.", name=customer.name))


def whatsapp_url(customer: Customer, text: str) -> str:
    """The wa.me link that opens a chat with `customer` with `text` typed in (not sent)."""
    check_can_message(customer)
    assert customer.phone is not None
    digits = "".join(ch for ch in customer.phone if ch.isdigit())  # wa.me wants the number without "+"
    return WHATSAPP_URL.format(digits=digits, text=quote(text, safe=""))
