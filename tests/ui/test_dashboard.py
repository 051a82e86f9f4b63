"""The dashboard on a small hand-built shop (tests/core/test_dashboard_data.py `small_shop`):
the tiles say what `metrics --json` says, the month selector moves through the months,
the charts have a bar per week and month, and the lists lead to action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_percent
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries, QStackedBarSeries
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smallbiz_loyalty.core.metrics import metrics_dict
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.dashboard.page import DashboardPage
from smallbiz_loyalty.ui.events import ShopEvents
from tests.core.test_dashboard_data import SmallShop, small_shop

OCTOBER, SEPTEMBER = date(2026, 10, 1), date(2026, 9, 1)


@pytest.fixture
def open_dashboard(qtbot: QtBot, shop: Shop) -> Iterator[Callable[[], DashboardPage]]:
    """Open the dashboard on the test shop and wait for its first figures."""
    pages: list[DashboardPage] = []

    def open_() -> DashboardPage:
        page = DashboardPage(shop, ShopEvents())
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        pages.append(page)
        wait_for_month(qtbot, page, OCTOBER)
        return page

    yield open_
    for page in pages:  # no worker may still read when the shop closes
        page.wait_for_load()


def wait_for_month(qtbot: QtBot, page: DashboardPage, month: date) -> None:
    qtbot.waitUntil(lambda: not page.is_loading() and page.board is not None and page.board.month == month)


@pytest.fixture
def small(shop: Shop) -> SmallShop:
    return small_shop(shop)


def test_the_tiles_say_what_metrics_json_says_for_october(small, shop, open_dashboard):
    figures = metrics_dict(shop.month_metrics("2026-10"), "KWD")

    page = open_dashboard()

    tiles = page.tiles
    assert page.month_label.text() == "October 2026"
    assert tiles["revenue"].value_label.text() == format_currency(Decimal(figures["revenue"]), "KWD", locale="en")
    assert tiles["revenue"].value_label.text() == "KWD6.000"
    retention = format_percent(figures["retention_rate"], "#,##0.0%", locale="en")
    assert tiles["retention_rate"].value_label.text() == retention == "100.0%"
    assert tiles["nps"].value_label.text() == str(figures["nps"]) == "0"
    assert tiles["members"].value_label.text() == str(figures["members"]) == "5"
    # September kept one of its two customers (50 %): October is 50 points better.
    assert tiles["retention_rate"].change_label.text() == "▲ +50.0 pts"
    assert tiles["retention_rate"].previous_label.text() == "September 2026: 50.0%"
    assert tiles["churn_rate"].change_label.text() == "▼ -50.0 pts"
    assert tiles["nps"].previous_label.text() == "September 2026: —"


def test_page_up_shows_september_and_the_next_month_button_comes_back(small, qtbot, open_dashboard):
    page = open_dashboard()
    assert not page.next_button.isEnabled()  # no month after the current one

    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    wait_for_month(qtbot, page, SEPTEMBER)

    assert page.month_label.text() == "September 2026"
    assert page.tiles["revenue"].value_label.text() == "KWD5.000"  # Huda 3.000 + Sara 2.000
    assert page.tiles["retention_rate"].value_label.text() == "50.0%"
    assert page.next_button.isEnabled()
    page.next_button.click()
    wait_for_month(qtbot, page, OCTOBER)
    assert page.tiles["revenue"].value_label.text() == "KWD6.000"


def test_the_charts_have_a_bar_for_each_week_and_month(small, open_dashboard):
    page = open_dashboard()
    charts = page.charts

    bars, visits = charts.sales_chart.series()
    assert isinstance(bars, QBarSeries) and isinstance(visits, QLineSeries)
    assert bars.barSets()[0].count() == visits.count() == 12  # twelve weeks to 15 October
    assert [visits.at(i).y() for i in (10, 11)] == [3, 1]  # 2–8 October: 3 visits; 9–15 October: 1
    (customers,) = charts.customers_chart.series()
    assert isinstance(customers, QStackedBarSeries)
    new, returning = customers.barSets()
    assert new.count() == returning.count() == 12
    assert (new.at(11), returning.at(11)) == (1, 1)  # October: Omar new, Sara back
    (nps,) = charts.nps_chart.series()
    assert nps.count() == 1  # only October has answers
    assert nps.at(0).y() == 0
    (segments,) = charts.segments_chart.series()
    assert isinstance(segments, QHorizontalBarSeries)
    assert segments.barSets()[0].count() == 8
    assert segments.barSets()[0].sum() == 5  # every customer who bought in the last 12 months


def test_the_lists_show_the_drifting_regular_and_the_unhappy_answer(small, open_dashboard, qtmodeltester):
    page = open_dashboard()
    lists = page.lists

    assert [lists.at_risk_model.record(r).customer_id for r in range(lists.at_risk_model.rowCount())] == [small.nadia]
    assert lists.at_risk_model.texts(0)[0] == "Nadia"
    assert [lists.top_model.texts(r)[0] for r in range(2)] == ["Omar", "Sara"]
    assert lists.follow_ups_model.texts(0)[1:] == ["Omar", "3", "Cold coffee"]
    assert lists.tabText(3) == "Follow-ups (1)"
    for model in (lists.at_risk_model, lists.birthdays_model, lists.top_model, lists.follow_ups_model):
        qtmodeltester.check(model)


def test_marking_the_follow_up_handled_asks_what_was_done_and_removes_it(small, shop, qtbot, open_dashboard):
    page = open_dashboard()
    lists = page.lists
    lists.setCurrentIndex(3)

    qtbot.keyClick(lists.handle_button, Qt.Key.Key_Space)
    dialog = lists.handled_dialog
    assert dialog is not None and dialog.answer.id == small.unhappy
    dialog.accept()  # nothing typed: refused, the dialog comes back with the sentence
    assert dialog.error_label.text() == "What was done cannot be empty."
    qtbot.keyClicks(dialog.note_edit, "Called Omar; next coffee on us")
    dialog.accept()

    qtbot.waitUntil(lambda: lists.follow_ups_model.rowCount() == 0 and not page.is_loading())
    assert shop.follow_ups() == []
    assert lists.status_label.text() == "Follow-up with Omar recorded."


def test_in_arabic_the_page_runs_right_to_left_and_the_segments_start_on_the_right(small, open_dashboard):
    apply_language(QApplication.instance(), "ar")

    page = open_dashboard()

    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.month_label.text() == "أكتوبر 2026"
    assert page.previous_button.text().startswith("→")  # the earlier month is on the right
    names, values = page.charts.segments_chart.axes()
    assert names.alignment() == Qt.AlignmentFlag.AlignRight
    assert values.isReverse()
    assert page.tiles["revenue"].value_label.text() == format_currency(Decimal("6.000"), "KWD", locale="ar")


def test_a_new_language_reformats_the_figures_already_loaded_without_reading_again(small, open_dashboard):
    page = open_dashboard()
    assert page.tiles["revenue"].value_label.text() == "KWD6.000"

    apply_language(QApplication.instance(), "ar")
    QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))

    assert not page.is_loading()
    assert page.month_label.text() == "أكتوبر 2026"
    assert page.tiles["revenue"].value_label.text() == format_currency(Decimal("6.000"), "KWD", locale="ar")
    assert page.tiles["revenue"].value_label.alignment() & Qt.AlignmentFlag.AlignRight  # the tile's start side


def test_a_cashier_is_told_the_figures_are_the_owners(small, shop, qtbot):
    shop.set_pin(1, "2580")  # the owner first: sign-in on, then staff can be added
    mona = shop.add_staff(name="Mona", role="cashier", pin="4826")
    shop.staff_id = mona.id
    page = DashboardPage(shop, ShopEvents())
    qtbot.addWidget(page)
    page.show()

    qtbot.waitUntil(lambda: not page.is_loading() and page.status_label.text() != "Loading…")

    assert page.status_label.text() == "Only the owner can see the shop's figures and print reports."
    assert page.board is None
    page.wait_for_load()
