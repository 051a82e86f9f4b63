"""The settings page: a form generated from the declared settings that saves in one
transaction (or not at all), the programme and rewards editor, and the language switch."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.settings import SETTINGS
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.settings.page import SettingsPage


@pytest.fixture
def open_settings(qtbot: QtBot, shop: Shop) -> Callable[[], SettingsPage]:
    def open_() -> SettingsPage:
        page = SettingsPage(shop, ShopEvents())
        qtbot.addWidget(page)
        page.resize(1280, 860)
        page.show()
        qtbot.waitExposed(page)
        return page

    return open_


@pytest.fixture
def coffee_card(shop: Shop) -> Programme:
    """Every new shop starts with this stamp card: 1 stamp a visit, a free coffee for 10."""
    card = shop.programme("Coffee card")
    assert [(r.name, r.cost) for r in shop.rewards(card.id)] == [("Free coffee", 10)]
    return card


def retype(qtbot: QtBot, box: QLineEdit | QSpinBox, text: str) -> None:
    """Select what the box holds and type over it, as a person would."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_the_form_has_a_row_for_every_declared_setting_with_its_value(shop, open_settings):
    page = open_settings()

    assert set(page.profile.editors) == set(SETTINGS)
    assert page.profile.labels["shop_name"].text() == "Shop name"
    assert page.profile.value("shop_name") == "Test Café"
    assert page.profile.value("currency") == "KWD"
    assert page.profile.value("activity_window_days") == 90
    assert page.profile.changes() == {}


def test_a_new_shop_name_is_saved_and_announced(shop, qtbot, open_settings):
    page = open_settings()

    retype(qtbot, page.profile.editors["shop_name"], "Palm Coffee")
    with qtbot.waitSignal(page.events.changed) as announced:
        qtbot.keyClick(page.profile.save_button, Qt.Key.Key_Space)

    assert announced.args == [frozenset({"settings"})]
    assert shop.settings["shop_name"] == "Palm Coffee"
    assert page.profile.status_label.text() == "Settings saved."
    assert page.profile.changes() == {}


def test_a_bad_currency_is_refused_under_its_field_and_nothing_is_saved(shop, db_path, qtbot, open_settings):
    page = open_settings()
    retype(qtbot, page.profile.editors["shop_name"], "Palm Coffee")
    retype(qtbot, page.profile.editors["currency"], "XYZ")

    assert not page.profile.save()

    assert page.profile.errors.labels["currency"].text() == (
        "XYZ is not a currency code Babel knows (for example KWD, SAR, USD)."
    )
    assert page.profile.errors.labels["currency"].isVisible()
    assert (shop.settings["shop_name"], shop.settings["currency"]) == ("Test Café", "KWD")
    with Shop.open(db_path) as again:  # nothing reached the file either
        assert again.settings["shop_name"] == "Test Café"
    assert page.profile.value("shop_name") == "Palm Coffee"  # what was typed stays, to be corrected


def test_an_out_of_range_number_is_refused_with_the_range(shop, qtbot, open_settings):
    page = open_settings()
    retype(qtbot, page.profile.editors["activity_window_days"], "10")

    page.profile.save()

    assert page.profile.errors.labels["activity_window_days"].text() == (
        "Days a customer counts as active must be a whole number from 28 to 730."
    )
    assert shop.settings["activity_window_days"] == 90


def test_a_rewards_new_cost_is_saved(shop, coffee_card, qtbot, open_settings, qtmodeltester):
    page = open_settings()
    catalogue = page.catalogue
    assert catalogue.programme.id == coffee_card.id
    assert catalogue.rewards_model.texts(0)[:2] == ["Free coffee", "10 stamps"]

    retype(qtbot, catalogue.reward_cost, "8")
    qtbot.keyClick(catalogue.save_reward_button, Qt.Key.Key_Space)

    assert [r.cost for r in shop.rewards(coffee_card.id)] == [8]
    assert catalogue.rewards_model.texts(0)[:2] == ["Free coffee", "8 stamps"]
    assert catalogue.reward_status.text() == "Free coffee saved."
    for model in (catalogue.rewards_model, catalogue.tiers_model, page.programmes.model):
        qtmodeltester.check(model)


def test_a_programme_rule_refusal_is_shown_under_its_field(shop, coffee_card, open_settings):
    page = open_settings()
    panel = page.programmes
    panel.expiry_combo.setCurrentIndex(panel.expiry_combo.findData("days"))  # days, but 0 of them

    assert not panel.save()

    assert panel.errors.labels["expiry_kind"].text() == "Say after how many days units expire."
    assert shop.programme(coffee_card.id).expiry_kind == "never"


def test_a_new_programme_and_a_tier_are_saved(shop, coffee_card, qtbot, open_settings):
    page = open_settings()
    panel = page.programmes

    qtbot.keyClick(panel.new_button, Qt.Key.Key_Space)
    qtbot.keyClicks(panel.name_edit, "Points")
    panel.unit_combo.setCurrentIndex(panel.unit_combo.findData("points"))
    retype(qtbot, panel.rate_quantity, "1")
    retype(qtbot, panel.rate_per, "1.000")
    assert panel.save()

    points = shop.programme("Points")
    assert (points.unit, points.rate_quantity, points.rate_per) == ("points", 1, 1000)
    assert page.catalogue.programme.id == points.id
    retype(qtbot, page.catalogue.tier_name, "Gold")
    retype(qtbot, page.catalogue.tier_spend, "100")
    retype(qtbot, page.catalogue.tier_multiplier, "150")
    assert page.catalogue.add_tier()
    assert [(t.name, t.min_spend, t.multiplier) for t in shop.tiers(points.id)] == [("Gold", 100_000, 150)]


def test_a_cashier_is_told_that_only_the_owner_changes_settings_and_programmes(shop, coffee_card, qtbot, open_settings):
    shop.set_pin(1, "2580")  # the owner first: sign-in on, then staff can be added
    shop.staff_id = shop.add_staff(name="Mona", role="cashier", pin="4826").id
    page = open_settings()
    assert page.staff.model.texts(1) == ["Mona (signed in)", "Cashier", "Active"]

    retype(qtbot, page.profile.editors["shop_name"], "Mona's Coffee")
    assert not page.profile.save()
    retype(qtbot, page.catalogue.reward_cost, "8")
    assert not page.catalogue.save_reward()

    assert page.profile.status_label.text() == "Only the owner can change the settings."
    assert page.catalogue.reward_status.text() == "Only the owner can change the loyalty programmes."
    assert shop.settings["shop_name"] == "Test Café"
    assert [r.cost for r in shop.rewards(coffee_card.id)] == [10]


def test_saving_arabic_offers_to_switch_and_switching_turns_the_window_right_to_left(shop, qtbot, open_settings):
    page = open_settings()
    language = page.profile.editors["language"]
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("ar"))

    assert page.profile.save()
    assert shop.settings["language"] == "ar"
    assert page.language_banner.isVisible()
    assert "العربية" in page.language_label.text()
    with qtbot.waitSignal(page.language_switched):
        qtbot.keyClick(page.switch_button, Qt.Key.Key_Space)

    assert i18n.language() == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.profile.labels["shop_name"].text() == "اسم المتجر"  # retranslated in place
    assert not page.language_banner.isVisible()
