"""Note templates: the owner's text with placeholders, filled in safely and checked when saved."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    check_template,
    default_template,
    render_template,
    template_for,
)

VALUES = {
    "name": "Sara",
    "shop": "Rose Café",
    "points": "120",
    "stamps": "7",
    "reward": "Only 3 stamps more for Free coffee.",
    "balance": "7 stamps",
    "voucher": "Free coffee",
    "valid_until": "November 14, 2026",
    "month": "October",
}


def test_every_placeholder_is_filled_in() -> None:
    template = " ".join("{" + name + "}" for name in PLACEHOLDERS)
    assert render_template(template, VALUES) == " ".join(VALUES[name] for name in PLACEHOLDERS)
    assert render_template("Dear {name},\nsee you at {shop}!", VALUES) == "Dear Sara,\nsee you at Rose Café!"
    assert render_template("Hi { name }", VALUES) == "Hi Sara"  # spaces inside the braces are forgiven


@pytest.mark.parametrize(
    ("template", "printed"),
    [
        ("{0} and {1}", "{0} and {1}"),
        ("{name.__class__}", "{name.__class__}"),
        ("{name.__class__.__mro__}", "{name.__class__.__mro__}"),
        ("{name[0]}", "{name[0]}"),
        ("{name!r}", "{name!r}"),
        ("{name:>99999}", "{name:>99999}"),
        ("{shop:{name}}", "{shop:Sara}"),  # the outer one is not a placeholder; the inner one is
        ("{}", "{}"),
        ("{unknown}", "{unknown}"),
        ("{Name}", "{Name}"),
        ("50% off {", "50% off {"),
        ("smile :} {name}", "smile :} Sara"),
        ("{name", "{name"),
        ("{{name}}", "{name}"),
        ("{{{name}}}", "{Sara}"),
        ("a {{ b }} c", "a { b } c"),
        ("{{", "{"),
        ("}}}", "}}"),
    ],
)
def test_anything_but_a_known_name_prints_as_typed(template: str, printed: str) -> None:
    assert render_template(template, VALUES) == printed


def test_values_are_never_read_as_placeholders() -> None:
    values = VALUES | {"name": "{shop} {0.__class__} {{"}
    assert render_template("Dear {name} at {shop}", values) == "Dear {shop} {0.__class__} {{ at Rose Café"


def test_rendering_never_raises_and_tidies_what_an_empty_value_leaves() -> None:
    assert render_template(None, VALUES) == ""  # type: ignore[arg-type]
    assert render_template("Gift: {voucher}", {"voucher": 5}) == "Gift: 5"  # type: ignore[dict-item]
    # A missing known value is empty: no double space, and a line it emptied is dropped.
    assert render_template("You have {balance}  now.\n{reward}\n\nBye", {"balance": "7 stamps"}) == (
        "You have 7 stamps now.\n\nBye"
    )
    assert render_template("A {reward} B", {}) == "A B"


def test_saving_names_the_first_bad_placeholder() -> None:
    with pytest.raises(InvalidInput, match=r"uses \{points_left\}, which the app cannot fill in; use only \{name\}"):
        check_template("Hi {name}, {points_left} to go")
    with pytest.raises(InvalidInput, match=r"uses \{name!r\}"):
        check_template("Hi {name!r}")
    with pytest.raises(InvalidInput, match=r'has a "\{" without its pair; .* on its own as \{\{\.'):
        check_template("50% off { today")
    with pytest.raises(InvalidInput, match=r'has a "\}" without its pair') as raised:
        check_template("smile :}", field="note_template_birthday")
    assert raised.value.field == "note_template_birthday"
    long = "{" + "x" * 60 + "}"
    with pytest.raises(InvalidInput, match=r"uses \{x{28}…, which") as too_long:
        check_template(long)
    assert long not in str(too_long.value)


def test_saving_keeps_good_text_and_refuses_what_clean_text_refuses() -> None:
    assert check_template("  Hi {name},\nthanks for {{everything}}!  ") == "Hi {name},\nthanks for {{everything}}!"
    assert check_template("") == ""  # empty: use the built-in text
    with pytest.raises(InvalidInput, match="at most 1000 characters"):
        check_template("x" * 1001)
    with pytest.raises(InvalidInput, match="direction-control"):
        check_template("Hi \u202e{name}")
    with pytest.raises(InvalidInput, match="must be text"):
        check_template(42)


def test_the_built_in_texts_pass_their_own_check() -> None:
    for kind, text in DEFAULT_TEMPLATES.items():
        assert check_template(text) == text
        assert default_template(kind, "en") == text


def test_the_owners_text_wins_over_the_built_in_one() -> None:
    assert template_for("birthday", {"note_template_birthday": "Happy day, {name}!"}, "en") == "Happy day, {name}!"
    assert template_for("birthday", {"note_template_birthday": "  "}, "en") == DEFAULT_TEMPLATES["birthday"]
    assert template_for("win-back", {}, "en") == DEFAULT_TEMPLATES["win-back"]
    with pytest.raises(InvalidInput, match=r"The kind of note must be one of: thank-you, birthday, win-back\."):
        template_for("farewell", {}, "en")
