"""Scores (NPS) at the counter after a sale, and on the customer-facing full-screen window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.counter import CounterPage
from smallbiz_loyalty.ui.counter.nps import NpsKioskWindow
from tests.factories import make_customer
from tests.ui.test_counter import show_counter


@pytest.fixture
def page(qtbot, shop: Shop) -> Iterator[CounterPage]:
    opened = show_counter(qtbot, shop)
    yield opened
    opened.close()


def _answers(shop: Shop) -> list[tuple[int, int | None, int | None, str]]:
    """(score, customer, sale, source) of every answer, oldest first."""
    return shop.db.execute("SELECT score, customer_id, sale_id, source FROM feedback ORDER BY id").fetchall()


def _sell(qtbot, page: CounterPage, customer_id: int, amount: str = "1.500") -> int:
    page.serve(customer_id)
    qtbot.keyClicks(page.entry.amount, amount)
    qtbot.keyClick(page.entry.amount, Qt.Key.Key_Return)
    return page.undo_steps[-1].id


def test_after_a_sale_one_key_records_the_score(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.ask_score.setChecked(True)

    sale = _sell(qtbot, page, sara)
    assert page.nps.isVisible()
    assert page.focusWidget() is page.nps
    qtbot.keyClick(page.nps, Qt.Key.Key_9)

    assert _answers(shop) == [(9, sara, sale, "counter")]
    assert not page.nps.isVisible()
    assert page.focusWidget() is page.search.box
    assert "Score 9 recorded. Thank you!" in page.result_view.text()


@pytest.mark.parametrize(
    ("keys", "score"), [((Qt.Key.Key_1, Qt.Key.Key_0), 10), ((Qt.Key.Key_1, Qt.Key.Key_Return), 1)]
)
def test_one_then_zero_is_ten_and_one_then_enter_is_one(qtbot, shop, page, keys, score) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.ask_score.setChecked(True)
    _sell(qtbot, page, sara)

    qtbot.keyClick(page.nps, keys[0])
    assert _answers(shop) == []  # 1 waits for a possible 0
    qtbot.keyClick(page.nps, keys[1])

    assert [a[0] for a in _answers(shop)] == [score]


def test_a_lone_one_is_recorded_after_a_moment(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.ask_score.setChecked(True)
    _sell(qtbot, page, sara)
    qtbot.keyClick(page.nps, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: [a[0] for a in _answers(shop)] == [1], timeout=3000)


def test_esc_skips_the_question_and_nothing_is_recorded(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.ask_score.setChecked(True)
    _sell(qtbot, page, sara)

    qtbot.keyClick(page.nps, Qt.Key.Key_Escape)

    assert not page.nps.isVisible()
    assert page.status is not None  # Esc skipped the question only
    assert page.focusWidget() is page.search.box
    assert _answers(shop) == []


def test_a_score_button_records_it(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    page.ask_score.setChecked(True)
    sale = _sell(qtbot, page, sara)

    qtbot.mouseClick(page.nps.buttons[7], Qt.MouseButton.LeftButton)

    assert _answers(shop) == [(7, sara, sale, "counter")]


def test_no_question_unless_asked_for(qtbot, shop, page) -> None:
    sara = make_customer(shop, "Sara Ali").id
    _sell(qtbot, page, sara)
    assert not page.nps.isVisible()


def test_the_full_screen_window_records_kiosk_scores_and_resets(qtbot, shop, page, monkeypatch) -> None:
    monkeypatch.setattr(NpsKioskWindow, "THANKS_MS", 50)
    sara = make_customer(shop, "Sara Ali").id
    sale = _sell(qtbot, page, sara)

    qtbot.keyClick(page.search.box, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    kiosk = page.kiosk
    assert kiosk is not None and kiosk.isFullScreen()
    assert kiosk.question.text() == "How likely are you to recommend us to a friend?"
    assert len(kiosk.buttons) == 11

    qtbot.mouseClick(kiosk.buttons[8], Qt.MouseButton.LeftButton)
    assert kiosk.showing_thanks()
    qtbot.mouseClick(kiosk.buttons[2], Qt.MouseButton.LeftButton)  # a second tap during the thank-you
    assert _answers(shop) == [(8, sara, sale, "kiosk")]  # about the sale just made

    qtbot.waitUntil(lambda: not kiosk.showing_thanks())  # ready for the next customer by itself
    qtbot.mouseClick(kiosk.buttons[10], Qt.MouseButton.LeftButton)
    assert _answers(shop)[-1] == (10, None, None, "kiosk")  # that sale already has its answer

    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert not kiosk.isVisible()
