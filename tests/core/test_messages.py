"""WhatsApp messages: a safe template, the customer's figures, and a correctly encoded wa.me link."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.messages import (
    check_template,
    default_template,
    message_values,
    render_message,
    whatsapp_url,
)
from tests.factories import make_customer

VALUES = {"name": "Sara", "shop": "Palm Café", "balance": "7 stamps", "reward": "", "birthday": ""}


def test_known_placeholders_are_filled_and_empty_lines_dropped():
    template = "Hello {name}!\nYour balance at {shop}: {balance}.\n{reward}\n{birthday}"

    assert render_message(template, VALUES) == "Hello Sara!\nYour balance at Palm Café: 7 stamps."


@pytest.mark.parametrize(
    "template",
    [
        "{0.__class__}",
        "{name.__class__.__mro__}",
        "{name!r}",
        "{name:>999999999}",
        "{__import__}",
        "{unknown}",
        "Hello {name",
        "}{",
    ],
)
def test_format_tricks_and_unknown_placeholders_never_crash_or_leak(template):
    rendered = render_message(template, VALUES)

    assert "class" not in rendered.replace("__class__", "")  # the trick text stays, no object is shown
    assert "<" not in rendered
    assert len(rendered) < 100


def test_a_format_spec_is_ignored_and_the_value_still_shown():
    assert render_message("{name:>20}|{name!r}", VALUES) == "Sara|Sara"
    assert render_message("{0.__class__} {unknown} {{literal}}", VALUES) == "{0.__class__} {unknown} {literal}"


def test_check_template_names_the_unknown_placeholder_and_the_allowed_ones():
    with pytest.raises(InvalidInput) as raised:
        check_template("Hi {firstname}")

    assert raised.value.message == (
        "The message uses {firstname}, which the app cannot fill in;"
        " use only {name} {shop} {balance} {reward} {birthday}."
    )
    with pytest.raises(InvalidInput, match="without its pair"):
        check_template("Hi {name")
    assert check_template("  Hi {name}  ") == "Hi {name}"


def test_the_values_say_the_balance_the_next_reward_and_nothing_about_a_far_birthday(shop):
    sara = make_customer(shop, "Sara Ali", birthday="03-21")
    for _ in range(7):
        shop.record_sale(customer_id=sara.id, amount=1500)

    values = message_values(shop.customer_status(sara.id), shop_name="Test Café", currency="KWD", today=shop.today())

    assert values == {
        "name": "Sara Ali",
        "shop": "Test Café",
        "balance": "7 stamps",
        "reward": "Only 3 stamps more for Free coffee.",
        "birthday": "",
    }


def test_a_birthday_this_week_gets_a_wish(shop):
    today = shop.today()  # 2026-10-15
    sara = make_customer(shop, "Sara Ali", birthday="10-17")

    values = message_values(shop.customer_status(sara.id), shop_name="X", currency="KWD", today=today)

    assert values["birthday"] == "Happy birthday for October 17!"


def test_the_wa_me_link_for_an_arabic_name_and_balance_is_utf8_percent_encoded(shop):
    fatima = make_customer(shop, "فاطمة", phone="+96550012345", consent_marketing=True)
    text = render_message("مرحبا {name}، رصيدك {balance} & 100%", {**VALUES, "name": fatima.name, "balance": "٧ أختام"})

    url = whatsapp_url(fatima, text)

    assert url == (
        "https://wa.me/96550012345?text="
        "%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D9%81%D8%A7%D8%B7%D9%85%D8%A9%D8%8C%20"  # مرحبا فاطمة،
        "%D8%B1%D8%B5%D9%8A%D8%AF%D9%83%20%D9%A7%20%D8%A3%D8%AE%D8%AA%D8%A7%D9%85"  # رصيدك ٧ أختام
        "%20%26%20100%25"  # " & 100%": an ampersand must not end the text parameter
    )


def test_a_newline_is_encoded_and_the_plus_of_the_number_dropped(shop):
    sara = make_customer(shop, "Sara", phone="+96550012346", consent_marketing=True)

    assert whatsapp_url(sara, "a\nb+c") == "https://wa.me/96550012346?text=a%0Ab%2Bc"


def test_no_link_without_marketing_consent_or_without_a_phone(shop):
    quiet = make_customer(shop, "Omar Khalid", consent_marketing=False)
    no_phone = make_customer(shop, "Huda", phone=None, consent_marketing=True)

    with pytest.raises(RuleViolation) as raised:
        whatsapp_url(quiet, "hi")
    assert raised.value.message == (
        "Omar Khalid has not agreed to receive messages; tick their marketing consent first if they agree."
    )
    with pytest.raises(RuleViolation, match="Huda has no phone number"):
        whatsapp_url(no_phone, "hi")


def test_the_default_template_follows_the_language():
    english = default_template()
    i18n.set_language("ar")
    try:
        arabic = default_template()
    finally:
        i18n.set_language("en")

    assert "{name}" in english
    assert "{name}" in arabic  # translated or not yet, the placeholders survive
