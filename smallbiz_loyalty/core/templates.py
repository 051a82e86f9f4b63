"""The texts of printed notes, which the owner edits in Settings, and their safe filling-in.

A template is the owner's own text with placeholders such as ``{name}`` and
``{balance}``. It is never given to ``str.format``: a hand-written scanner fills
in only the whitelisted simple names, so ``{0}``, ``{name.__class__}``,
``{name!r}``, ``{name:>99999}`` or a stray brace cannot reach an attribute,
allocate a huge string or raise while printing — they stay as literal text.
``{{`` and ``}}`` print one brace. The same scan, at save time, tells the owner
in one sentence which placeholder the app cannot fill in (`check_template`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import N_, _, translate
from smallbiz_loyalty.core.text import clean_text

PLACEHOLDERS = ("name", "shop", "points", "stamps", "reward", "balance", "voucher", "valid_until", "month")
TEMPLATE_MAX = 1000
KINDS = ("thank-you", "birthday", "win-back")
# The Setting that holds the owner's text for each kind of note ("" = the translated default).
SETTING_KEYS = {
    "thank-you": "note_template_thank_you",
    "birthday": "note_template_birthday",
    "win-back": "note_template_win_back",
}
# The built-in texts, English source strings translated into the note's language when printed.
DEFAULT_TEMPLATES = {
    "thank-you": N_(
        "Dear {name},\nThank you for visiting {shop} for the first time! You already have {balance} on your"
        " loyalty card. {reward}\nWe hope to see you again soon."
    ),
    "birthday": N_(
        "Dear {name},\nAll of us at {shop} wish you a very happy birthday! We have a gift for you: {voucher},"
        " valid until {valid_until}. Just show this card at the counter.\nEnjoy your special day!"
    ),
    "win-back": N_(
        "Dear {name},\nIt has been a while since your last visit to {shop}, and we have missed you! You still"
        " have {balance} waiting for you. {reward}\nCome and see us soon — we would love to welcome you back."
    ),
}
LABELS = {
    "thank-you": N_("Thank-you note text"),
    "birthday": N_("Birthday card text"),
    "win-back": N_("“We miss you” note text"),
}
_SNIPPET = 30  # longest piece of the owner's text quoted back in a message
_SPACES = re.compile(r"[ \t]{2,}")


def _scan(template: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(literal text, placeholder name, problem) pieces of `template`, in order.

    A piece is either literal text or one whitelisted placeholder; anything that
    looks like a placeholder but is not one comes back as literal text with a
    `problem`: the offending text, quoted as the owner typed it."""
    i, n = 0, len(template)
    while i < n:
        brace = min((p for p in (template.find("{", i), template.find("}", i)) if p != -1), default=n)
        if brace > i:
            yield template[i:brace], None, None
            i = brace
            continue
        pair = template[i : i + 2]
        if pair in ("{{", "}}"):
            yield pair[0], None, None
            i += 2
        elif template[i] == "}":
            yield "}", None, "}"
            i += 1
        else:
            close = template.find("}", i + 1)
            reopen = template.find("{", i + 1)
            if close == -1 or (reopen != -1 and reopen < close):
                yield "{", None, "{"
                i += 1
                continue
            name = template[i + 1 : close].strip()
            if name in PLACEHOLDERS:
                yield "", name, None
            else:
                yield template[i : close + 1], None, template[i : close + 1]
            i = close + 1


def render_template(template: str, values: Mapping[str, str]) -> str:
    """`template` with its placeholders filled from `values`; never raises.

    Only the names in PLACEHOLDERS are filled (a known name missing from `values`
    becomes empty); everything else stays as typed. Values are inserted as they are,
    never scanned again, so a customer called "{shop}" prints as "{shop}". Spaces
    left doubled by an empty value collapse, and a line left empty by one is dropped."""
    if not isinstance(template, str):
        return ""
    lines = []
    for line in template.split("\n"):
        out, filled_empty = [], False
        for literal, name, _problem in _scan(line):
            if name is None:
                out.append(literal)
                continue
            value = values.get(name, "")
            value = value if isinstance(value, str) else str(value)
            filled_empty = filled_empty or not value.strip()
            out.append(value)
        rendered = _SPACES.sub(" ", "".join(out)).strip()
        if rendered or not filled_empty:
            lines.append(rendered)
    return "\n".join(lines).strip()


def check_template(template: object, *, field: str = "note_template", label: str | None = None) -> str:
    """The owner's template, checked for saving: text (several lines allowed, at most
    1 000 characters, no direction-control characters) whose every placeholder the
    app can fill in. "" means "use the built-in text". Raises `InvalidInput` naming
    the first bad placeholder or unpaired brace."""
    label = label or _("The note text")
    text = clean_text(template, field=field, label=label, max_length=TEMPLATE_MAX, multiline=True)
    for _literal, _name, problem in _scan(text):
        if problem in ("{", "}"):
            raise InvalidInput(
                field,
                _(
                    '{label} has a "{brace}" without its pair; write placeholders like {example},'
                    " and a brace on its own as {escaped}.",
                    label=label,
                    brace=problem,
                    example="{name}",
                    escaped=problem * 2,
                ),
            )
        if problem:
            shown = problem if len(problem) <= _SNIPPET else problem[: _SNIPPET - 1] + "…"
            raise InvalidInput(
                field,
                _(
                    "{label} uses {placeholder}, which the app cannot fill in; use only {known}.",
                    label=label,
                    placeholder=shown,
                    known=" ".join("{" + name + "}" for name in PLACEHOLDERS),
                ),
            )
    return text


def check_kind(kind: object) -> str:
    """`kind` if it is a kind of note, else `InvalidInput` listing the kinds."""
    if kind not in KINDS:
        raise InvalidInput(
            "kind",
            _("The kind of note must be one of: {choices}.", choices=", ".join(KINDS)),
        )
    return str(kind)


def default_template(kind: str, lang: str) -> str:
    """The built-in text of a kind of note, in `lang`."""
    return translate(DEFAULT_TEMPLATES[check_kind(kind)], lang)


def template_for(kind: str, settings: Mapping[str, object], lang: str) -> str:
    """The owner's text for this kind of note, or the built-in one in `lang` when none is set."""
    own = settings.get(SETTING_KEYS[check_kind(kind)])
    return own if isinstance(own, str) and own.strip() else default_template(kind, lang)
