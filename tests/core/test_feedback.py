"""NPS answers, the score, and the follow-up list of unhappy customers."""

from __future__ import annotations

import pytest

from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.metrics import NpsFigures, month_metrics
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer


def test_scores_outside_0_to_10_are_refused_and_change_nothing(shop: Shop) -> None:
    for bad in (-1, 11, "11", "seven", "", None, 7.5, "٧٫٥"):
        with pytest.raises(InvalidInput, match="whole number from 0 to 10"):
            shop.record_feedback(score=bad)
    assert shop.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


@pytest.mark.parametrize(
    "bad",
    [
        "9" * 5000,  # int() would raise ValueError past 4300 digits
        10**5000,  # … and str() of this int too
        "²",  # a digit to str.isdigit(), not to int()
        True,  # a bool is not a score of 1
    ],
    ids=["5000 digits", "an int of 5000 digits", "superscript two", "True"],
)
def test_hostile_scores_are_refused_in_one_sentence(shop: Shop, bad: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        shop.record_feedback(score=bad)
    assert refused.value.message == "A score must be a whole number from 0 to 10."
    assert shop.db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_a_score_with_leading_zeros_is_still_the_score(shop: Shop) -> None:
    assert [shop.record_feedback(score=typed).score for typed in ("0010", " 07 ", 0)] == [10, 7, 0]


def test_eastern_arabic_digits_are_a_score(shop: Shop) -> None:
    assert shop.record_feedback(score="٩").score == 9


def test_one_answer_per_sale(shop: Shop) -> None:
    customer = make_customer(shop, "Mona")
    sale = shop.record_sale(customer_id=customer.id, amount=1000).sale
    answer = shop.record_feedback(score=10, sale_id=sale.id)
    assert answer.customer_id == customer.id  # taken from the sale
    with pytest.raises(RuleViolation, match="already has an answer"):
        shop.record_feedback(score=3, sale_id=sale.id)


def test_nps_is_promoters_minus_detractors_in_percent() -> None:
    # 5 promoters, 3 passives, 2 detractors of 10: 50 % − 20 % = 30
    assert NpsFigures(promoters=5, passives=3, detractors=2).score == 30
    assert NpsFigures(promoters=0, passives=0, detractors=3).score == -100
    assert NpsFigures(promoters=1, passives=1, detractors=1).score == 0
    assert NpsFigures(promoters=2, passives=0, detractors=1).score == 33  # 66.7 − 33.3
    assert NpsFigures().score is None


def test_the_month_nps_counts_the_months_answers(shop: Shop) -> None:
    for score in (10, 9, 9, 8, 7, 6, 0):
        shop.record_feedback(score=score, source="paper")
    m = month_metrics(shop.db, "2026-10", shop.settings).current
    assert (m.nps.promoters, m.nps.passives, m.nps.detractors) == (3, 2, 2)
    assert m.nps.score == 14  # (3 − 2) / 7 = 14.3 %
    assert month_metrics(shop.db, "2026-09", shop.settings).current.nps.score is None


def test_unhappy_known_customers_wait_on_the_follow_up_list_until_handled(shop: Shop) -> None:
    unhappy = make_customer(shop, "Karim")
    shop.record_feedback(score=3, customer_id=unhappy.id, comment="Cold coffee")
    shop.record_feedback(score=2)  # anonymous: nobody to call back
    shop.record_feedback(score=9, customer_id=make_customer(shop, "Happy").id)
    waiting = shop.follow_ups()
    assert [(f.customer_name, f.comment) for f in waiting] == [("Karim", "Cold coffee")]
    with pytest.raises(InvalidInput, match="cannot be empty"):
        shop.mark_feedback_handled(waiting[0].id, note=" ")
    handled = shop.mark_feedback_handled(waiting[0].id, note="Called him, free coffee next visit")
    assert handled.handled_note == "Called him, free coffee next visit"
    assert shop.follow_ups() == []
    with pytest.raises(RuleViolation, match="already handled"):
        shop.mark_feedback_handled(waiting[0].id, note="again")


def test_a_bad_source_or_a_huge_comment_is_refused(shop: Shop) -> None:
    with pytest.raises(InvalidInput):
        shop.record_feedback(score=5, source="email")
    with pytest.raises(InvalidInput, match="at most 1000"):
        shop.record_feedback(score=5, comment="x" * 1001)
