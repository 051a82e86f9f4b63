"""Who gets a printed note, and what its placeholders say: only current customers who allow
printed notes; first-timers of a month, birthdays of a month (with the voucher once issued),
regulars drifting away, or a chosen list. Today is 2026-10-15 in Kuwait."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smallbiz_loyalty.core import audiences
from smallbiz_loyalty.core.audiences import Recipient, Wording, note_recipients
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.templates import PLACEHOLDERS
from tests.factories import make_customer


def _buy(shop: Shop, customer_id: int, *days: date, amount: int = 2_500) -> None:
    for day in days:
        shop.record_sale(
            customer_id=customer_id, amount=amount, at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
        )


def _recipients(shop: Shop, kind: str, lang: str = "en", **options: object) -> list[Recipient]:
    return note_recipients(shop.db, kind, today=shop.today(), settings=shop.settings, lang=lang, **options)


def test_thank_you_notes_go_to_this_months_first_timers_who_allow_notes(shop: Shop) -> None:
    sara = make_customer(shop, "Sara")
    omar = make_customer(shop, "Omar", consent_notes=False)
    regular = make_customer(shop, "Huda")
    _buy(shop, sara.id, date(2026, 10, 3), date(2026, 10, 9))
    _buy(shop, omar.id, date(2026, 10, 4))  # a first-timer, but no printed notes for him
    _buy(shop, regular.id, date(2026, 9, 20), date(2026, 10, 5))  # first came in September

    (note,) = _recipients(shop, "thank-you")
    assert note.customer == shop.customer(sara.id)
    assert set(note.values) == set(PLACEHOLDERS)
    assert note.values | {"voucher": "", "valid_until": ""} == {
        "name": "Sara",
        "shop": "Test Café",
        "points": "0",
        "stamps": "2",
        "balance": "2 stamps",
        "reward": "Only 8 stamps more for Free coffee.",
        "voucher": "",
        "valid_until": "",
        "month": "October",
    }
    assert note.stamps == (2, 10)
    assert note.voucher_code is None
    september = _recipients(shop, "thank-you", month=date(2026, 9, 1))
    assert [r.name for r in september] == ["Huda"]


def test_birthday_cards_are_for_next_month_and_carry_the_voucher_once_issued(shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="11-05", consent_marketing=True)
    make_customer(shop, "Omar", birthday="11-20", consent_notes=False)
    lina = make_customer(shop, "Lina", birthday="11-10")  # no marketing consent: no gift by the rules
    huda = make_customer(shop, "Huda", birthday="11-28", consent_marketing=True)
    make_customer(shop, "Reem", birthday="12-01")  # the month after
    # On 30 October the shop gives the gifts due a week ahead: Sara's (she allows marketing).
    later = Shop(shop.db, clock=lambda: datetime(2026, 10, 30, 9, tzinfo=UTC))
    (gift,) = later.issue_birthday_gifts().gifts

    cards = _recipients(shop, "birthday")
    assert [c.customer.id for c in cards] == [sara.id, lina.id, huda.id]  # soonest first
    sara_card, lina_card, huda_card = cards
    assert sara_card.voucher_code == gift.voucher.code
    assert (sara_card.values["voucher"], sara_card.values["valid_until"]) == ("Free coffee", "November 29, 2026")
    # Huda's gift is not issued yet: the card names the gift the rules will give, and its
    # last day (given 7 days before 28 November, valid 30 days).
    assert huda_card.voucher_code is None
    assert (huda_card.values["voucher"], huda_card.values["valid_until"]) == ("Free coffee", "December 21, 2026")
    # Lina gets no gift by the rules: her card promises a surprise the owner gives at the counter.
    assert (lina_card.values["voucher"], lina_card.values["valid_until"]) == ("a birthday surprise", "December 3, 2026")
    assert huda_card.values["month"] == "November"


def test_a_used_birthday_voucher_is_not_printed_again(shop: Shop) -> None:
    make_customer(shop, "Sara", birthday="10-20", consent_marketing=True)
    (gift,) = shop.issue_birthday_gifts().gifts
    (card,) = _recipients(shop, "birthday", month=date(2026, 10, 1))
    assert card.voucher_code == gift.voucher.code
    shop.redeem_voucher(gift.voucher.code)
    (card,) = _recipients(shop, "birthday", month=date(2026, 10, 1))
    assert card.voucher_code is None


def test_win_back_notes_go_to_regulars_who_stopped_coming(shop: Shop) -> None:
    drifting = make_customer(shop, "Reem")
    private = make_customer(shop, "Khalid", consent_notes=False)
    steady = make_customer(shop, "Noura")
    for customer in (drifting, private):
        _buy(shop, customer.id, date(2026, 6, 1), date(2026, 6, 20), date(2026, 7, 30), amount=4_000)
    _buy(shop, steady.id, date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 10))

    (note,) = _recipients(shop, "win-back")
    assert (note.name, note.values["balance"], note.values["month"]) == ("Reem", "3 stamps", "October")


def test_a_chosen_list_keeps_its_order_and_drops_who_may_not_get_notes(shop: Shop) -> None:
    a, b, c, d = (make_customer(shop, name) for name in ("Ali", "Badr", "Carla", "Dana"))
    shop.edit_customer(b.id, consent_notes=False)
    shop.erase_customer(c.id, reason="asked to be forgotten")
    shop.merge_customers(a.id, d.id)
    chosen = _recipients(shop, "thank-you", ids=[d.id, c.id, b.id, a.id, a.id, 999])
    assert [r.customer.id for r in chosen] == [a.id]
    assert audiences.consenting(shop.db, []) == []


def test_a_chosen_birthday_card_uses_the_next_birthday(shop: Shop) -> None:
    sara = make_customer(shop, "Sara", birthday="03-02")
    huda = make_customer(shop, "Huda", birthday="10-20")
    nobody = make_customer(shop, "Omar")
    cards = _recipients(shop, "birthday", ids=[sara.id, huda.id, nobody.id])
    # Next birthday 2 March 2027: a gift given 23 February would be valid until 25 March.
    # Huda's is in 5 days: a gift given today would be valid until 14 November.
    assert [(c.values["voucher"], c.values["valid_until"]) for c in cards] == [
        ("a birthday surprise", "March 25, 2027"),
        ("a birthday surprise", "November 14, 2026"),
        ("a birthday surprise", "November 14, 2026"),  # no birthday known: valid 30 days from today
    ]


def test_values_in_arabic_whatever_the_apps_language(shop: Shop) -> None:
    sara = make_customer(shop, "سارة")
    _buy(shop, sara.id, date(2026, 10, 3))
    (note,) = _recipients(shop, "thank-you", lang="ar")
    assert (note.values["name"], note.values["month"], note.values["balance"]) == ("سارة", "أكتوبر", "ختم واحد")
    assert note.values["shop"] == "Test Café"


def test_wording_of_quantities_and_gifts() -> None:
    words = Wording("en", "KWD")
    assert [words.quantity("points", n) for n in (1, 1250)] == ["1 point", "1,250 points"]
    assert words.quantity("credit", 250) == "KWD0.250 credit"
    assert words.gift("fixed_discount", "", 1_000, None) == "KWD1.000 off"
    assert words.gift("percent_discount", "", 15, 2_000) == "15% off, up to KWD2.000"
    assert words.gift("free_item", "Free cake", 0, None) == "Free cake"


def test_an_unknown_kind_is_refused(shop: Shop) -> None:
    with pytest.raises(InvalidInput, match="The kind of note must be one of"):
        _recipients(shop, "farewell")
