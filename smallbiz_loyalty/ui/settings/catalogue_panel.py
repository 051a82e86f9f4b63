"""`CataloguePanel`: the tiers and the rewards of the selected programme.

Each table is read-only; choosing a row fills the small form under it, which
either saves that row ("Save …") or adds a new one ("Add …"). Field names follow
`core.programs.Tier` and `core.rewards.Reward`, and the core's sentence for a
refused value is shown under the field it is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.errors import InvalidInput, LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_money, format_number, major_str
from smallbiz_loyalty.core.programs import Programme, Tier
from smallbiz_loyalty.core.rewards import Reward
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.text import to_ascii_digits
from smallbiz_loyalty.ui.dashboard.rows_model import RowsTableModel
from smallbiz_loyalty.ui.settings.fields import FieldErrors, MoneyEdit, read_money, reward_kind_names, unit_suffix

MONEY_KINDS = ("fixed_discount", "voucher")


def _table(model: RowsTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    return spin


def _line(*widgets: QWidget) -> QHBoxLayout:
    line = QHBoxLayout()
    for widget in widgets:
        line.addWidget(widget)
        if isinstance(widget, MoneyEdit):
            line.addWidget(widget.currency_label)
    line.addStretch(1)
    return line


class CataloguePanel(QWidget):
    """Tiers and rewards of one programme; `rewards_changed` after a reward was saved or added."""

    rewards_changed = Signal()

    def __init__(self, shop: Shop, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._changed = changed
        self.programme: Programme | None = None
        self._tiers: list[Tier] = []
        self._rewards: list[Reward] = []
        self.tiers_box, self.rewards_box = QGroupBox(), QGroupBox()
        self._build_tiers()
        self._build_rewards()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tiers_box)
        layout.addWidget(self.rewards_box, 1)
        self.retranslate()

    # -- building ------------------------------------------------------------
    def _build_tiers(self) -> None:
        self.tiers_model = RowsTableModel(["", "", "", ""], numeric=(1, 2), parent=self)
        self.tiers_table = _table(self.tiers_model)
        self.tiers_table.setMaximumHeight(120)
        self.tiers_table.selectionModel().currentRowChanged.connect(lambda row, _old: self._pick_tier(row.row()))
        self.tier_name, self.tier_spend = QLineEdit(), MoneyEdit("min_spend")
        self.tier_multiplier = _spin(0, 1000)
        self.tier_multiplier.setSuffix(" %")
        self.tier_multiplier.setValue(100)
        self.tier_active = QCheckBox()
        self.save_tier_button, self.add_tier_button = QPushButton(), QPushButton()
        self.save_tier_button.clicked.connect(self.save_tier)
        self.add_tier_button.clicked.connect(self.add_tier)
        self.tier_status = QLabel()
        self.tier_status.setWordWrap(True)
        self.tier_errors = FieldErrors(self.tier_status)
        self.tier_form = QFormLayout()
        self.tier_labels = [QLabel() for _i in range(3)]
        for label, widget, field in zip(
            self.tier_labels, (self.tier_name, self.tier_spend, self.tier_multiplier),
            ("name", "min_spend", "multiplier"), strict=True,
        ):  # fmt: skip
            cell = QVBoxLayout()
            cell.addLayout(_line(widget, self.tier_active) if field == "name" else _line(widget))
            cell.addWidget(self.tier_errors.add(field))
            self.tier_form.addRow(label, cell)
        column = QVBoxLayout(self.tiers_box)
        column.addWidget(self.tiers_table)
        column.addLayout(self.tier_form)
        buttons = _line(self.tier_status, self.save_tier_button, self.add_tier_button)
        buttons.setStretch(0, 1)
        column.addLayout(buttons)

    def _build_rewards(self) -> None:
        self.rewards_model = RowsTableModel(["", "", "", "", ""], numeric=(1,), parent=self)
        self.rewards_table = _table(self.rewards_model)
        self.rewards_table.selectionModel().currentRowChanged.connect(lambda row, _old: self._pick_reward(row.row()))
        self.reward_name, self.reward_cost = QLineEdit(), _spin(0, 1_000_000_000)
        self.reward_value_unit = QLabel()  # "KWD" or "%" after the value
        self.reward_kind = QComboBox()
        self.reward_kind.currentIndexChanged.connect(self._update_value_field)
        self.reward_value, self.reward_cap = QLineEdit(), MoneyEdit("cap")  # value: money or a percent, by kind
        self.reward_days = _spin(0, 3650)
        self.reward_active = QCheckBox()
        self.save_reward_button, self.add_reward_button = QPushButton(), QPushButton()
        self.save_reward_button.clicked.connect(self.save_reward)
        self.add_reward_button.clicked.connect(self.add_reward)
        self.reward_status = QLabel()
        self.reward_status.setWordWrap(True)
        self.reward_errors = FieldErrors(self.reward_status)
        self.reward_form = QFormLayout()
        self.reward_labels = [QLabel() for _i in range(6)]
        widgets = (self.reward_name, self.reward_cost, self.reward_kind, self.reward_value, self.reward_cap,
                   self.reward_days)  # fmt: skip
        for label, widget, field in zip(
            self.reward_labels, widgets, ("name", "cost", "kind", "value", "cap", "valid_days"), strict=True
        ):
            cell = QVBoxLayout()
            if field == "name":
                cell.addLayout(_line(widget, self.reward_active))
            elif field == "value":
                cell.addLayout(_line(widget, self.reward_value_unit))
            else:
                cell.addLayout(_line(widget))
            cell.addWidget(self.reward_errors.add(field))
            self.reward_form.addRow(label, cell)
        column = QVBoxLayout(self.rewards_box)
        column.addWidget(self.rewards_table, 1)
        column.addLayout(self.reward_form)
        buttons = _line(self.reward_status, self.save_reward_button, self.add_reward_button)
        buttons.setStretch(0, 1)
        column.addLayout(buttons)

    def retranslate(self) -> None:
        self.tiers_box.setTitle(self.tr("Tiers (from spend over the last 12 months)"))
        self.rewards_box.setTitle(self.tr("Rewards"))
        self.tiers_model.set_headers([self.tr("Tier"), self.tr("From spend"), self.tr("Earns"), self.tr("State")])
        self.rewards_model.set_headers(
            [self.tr("Reward"), self.tr("Cost"), self.tr("Kind"), self.tr("Gives"), self.tr("State")]
        )
        for label, text in zip(self.tier_labels, (self.tr("Tier name"), self.tr("Qualifying spend"),
                                                  self.tr("Earn multiplier")), strict=True):  # fmt: skip
            label.setText(text)
        reward_texts = (self.tr("Reward name"), self.tr("Cost"), self.tr("Kind"), self.tr("Value"),
                        self.tr("Most money off"), self.tr("Voucher valid for"))  # fmt: skip
        for label, text in zip(self.reward_labels, reward_texts, strict=True):
            label.setText(text)
        self.tier_active.setText(self.tr("Active"))
        self.reward_active.setText(self.tr("Offered"))
        self.reward_days.setSpecialValueText(self.tr("no limit"))
        self.reward_days.setSuffix(self.tr(" days"))
        self.save_tier_button.setText(self.tr("Save tier"))
        self.add_tier_button.setText(self.tr("Add tier"))
        self.save_reward_button.setText(self.tr("Save &reward"))
        self.add_reward_button.setText(self.tr("&Add reward"))
        with QSignalBlocker(self.reward_kind):
            current = self.reward_kind.currentData()
            self.reward_kind.clear()
            for value, name in reward_kind_names().items():
                self.reward_kind.addItem(name, value)
            self.reward_kind.setCurrentIndex(max(self.reward_kind.findData(current), 0))
        # A new language relabels the tables; it reads nothing and keeps what is typed.
        self._show_tiers(self._current(self.tiers_table, self.tiers_model), pick=False)
        self._show_rewards(self._current(self.rewards_table, self.rewards_model), pick=False)
        self._update_value_field()

    # -- filling -------------------------------------------------------------
    def show_programme(self, programme: Programme | None) -> None:
        """Show the tiers and rewards of `programme` (nothing for a programme not saved yet)."""
        same = programme is not None and self.programme is not None and programme.id == self.programme.id
        keep_tier = self._current(self.tiers_table, self.tiers_model) if same else None
        keep_reward = self._current(self.rewards_table, self.rewards_model) if same else None
        self.programme = programme
        self.setEnabled(programme is not None)
        self._tiers = self._shop.tiers(programme.id) if programme else []
        self._rewards = self._shop.rewards(programme.id, active_only=False) if programme else []
        self._show_tiers(keep_tier, pick=True)
        self._show_rewards(keep_reward, pick=True)

    @staticmethod
    def _current(table: QTableView, model: RowsTableModel) -> int | None:
        rows = table.selectionModel().selectedRows()
        record = model.record(rows[0].row()) if rows else None
        return record.id if record is not None else None

    def _show_tiers(self, keep: int | None, *, pick: bool) -> None:
        locale, currency = babel_locale(), self._shop.currency
        rows = []
        for tier in self._tiers:
            state = self.tr("Active") if tier.active else self.tr("Retired")
            earns = f"{format_number(tier.multiplier, locale)} %"
            rows.append((tier, [tier.name, format_money(tier.min_spend, currency, locale), earns, state]))
        self.tiers_model.set_rows(rows)
        self._select(self.tiers_table, self.tiers_model, keep, self._pick_tier if pick else None)

    def _show_rewards(self, keep: int | None, *, pick: bool) -> None:
        kinds = reward_kind_names()
        suffix = unit_suffix(self.programme.unit) if self.programme else ""
        self.reward_cost.setSuffix(suffix)
        rows = []
        for reward in self._rewards:
            state = self.tr("Offered") if reward.active else self.tr("Withdrawn")
            cost = format_number(reward.cost, babel_locale()) + suffix
            rows.append((reward, [reward.name, cost, kinds.get(reward.kind, reward.kind), self._gives(reward), state]))
        self.rewards_model.set_rows(rows)
        self._select(self.rewards_table, self.rewards_model, keep, self._pick_reward if pick else None)

    def _gives(self, reward: Reward) -> str:
        if reward.kind == "percent_discount":
            return f"{format_number(reward.value, babel_locale())} %"
        if reward.kind in MONEY_KINDS:
            return format_money(reward.value, self._shop.currency, babel_locale())
        return reward.name

    @staticmethod
    def _select(table: QTableView, model: RowsTableModel, keep: int | None, pick: Callable[[int], None] | None) -> None:
        """Select the row of `keep` (else the first); `pick` fills the form from it."""
        row = next((i for i in range(model.rowCount()) if model.record(i).id == keep), 0)
        with QSignalBlocker(table.selectionModel()):
            if model.rowCount():
                table.selectRow(row)
            else:
                table.clearSelection()
        if pick is not None:
            pick(row if model.rowCount() else -1)

    # -- tiers ---------------------------------------------------------------
    def _pick_tier(self, row: int) -> None:
        tier: Tier | None = self.tiers_model.record(row)
        self.tier_name.setText(tier.name if tier else "")
        self.tier_spend.set_minor(tier.min_spend if tier else None, self._shop.currency)
        self.tier_multiplier.setValue(tier.multiplier if tier else 100)
        self.tier_active.setChecked(tier.active if tier else True)
        self.save_tier_button.setEnabled(tier is not None)
        self.tier_errors.clear()

    def _tier_fields(self) -> dict[str, Any]:
        return {"name": self.tier_name.text(), "min_spend": self.tier_spend.minor(self._shop.currency),
                "multiplier": self.tier_multiplier.value()}  # fmt: skip

    def save_tier(self) -> bool:
        selected = self._current(self.tiers_table, self.tiers_model)
        if selected is None:
            return False
        return self._apply(
            self.tier_errors, lambda: self._shop.update_tier(selected, active=self.tier_active.isChecked(),
                                                             **self._tier_fields()), tiers=True,
        )  # fmt: skip

    def add_tier(self) -> bool:
        if self.programme is None:
            return False
        programme = self.programme.id
        return self._apply(self.tier_errors, lambda: self._shop.add_tier(programme, **self._tier_fields()), tiers=True)

    # -- rewards -------------------------------------------------------------
    def _pick_reward(self, row: int) -> None:
        reward: Reward | None = self.rewards_model.record(row)
        currency = self._shop.currency
        self.reward_name.setText(reward.name if reward else "")
        self.reward_cost.setValue(reward.cost if reward else 10)
        with QSignalBlocker(self.reward_kind):
            self.reward_kind.setCurrentIndex(max(self.reward_kind.findData(reward.kind if reward else "free_item"), 0))
        value = ""
        if reward and reward.kind == "percent_discount":
            value = str(reward.value)
        elif reward and reward.kind in MONEY_KINDS:
            value = major_str(reward.value, currency)
        self.reward_value.setText(value)
        self.reward_cap.set_minor(reward.cap if reward else None, currency)
        self.reward_days.setValue(reward.valid_days or 0 if reward else 0)
        self.reward_active.setChecked(reward.active if reward else True)
        self.save_reward_button.setEnabled(reward is not None)
        self._update_value_field()
        self.reward_errors.clear()

    def _update_value_field(self) -> None:
        kind = self.reward_kind.currentData()
        self.reward_value.setEnabled(kind != "free_item")
        self.reward_cap.setEnabled(kind == "percent_discount")
        self.reward_days.setEnabled(kind == "voucher")
        placeholder = {"percent_discount": self.tr("percent, e.g. 20"), "free_item": ""}.get(
            kind, self.tr("amount, e.g. 1.500")
        )
        self.reward_value.setPlaceholderText(placeholder)
        units = {"percent_discount": "%", "free_item": ""}
        self.reward_value_unit.setText(units.get(kind, self._shop.currency))

    def _reward_fields(self) -> dict[str, Any]:
        kind = self.reward_kind.currentData()
        fields: dict[str, Any] = {"name": self.reward_name.text(), "cost": self.reward_cost.value(), "kind": kind,
                                  "value": 0, "cap": None, "valid_days": self.reward_days.value() or None}  # fmt: skip
        if kind == "percent_discount":
            digits = to_ascii_digits(self.reward_value.text().strip().rstrip("%").strip())
            if not digits.isdigit():
                raise InvalidInput("value", self.tr("Type the percent off as a whole number, for example 20."))
            fields["value"] = int(digits)
            fields["cap"] = self.reward_cap.minor(self._shop.currency, optional=True)
        elif kind in MONEY_KINDS:
            fields["value"] = read_money(self.reward_value.text(), "value", self._shop.currency)
        return fields

    def save_reward(self) -> bool:
        selected = self._current(self.rewards_table, self.rewards_model)
        if selected is None:
            return False
        return self._apply(
            self.reward_errors, lambda: self._shop.update_reward(selected, active=self.reward_active.isChecked(),
                                                                 **self._reward_fields()), tiers=False,
        )  # fmt: skip

    def add_reward(self) -> bool:
        if self.programme is None:
            return False
        programme = self.programme.id
        return self._apply(
            self.reward_errors, lambda: self._shop.add_reward(programme, **self._reward_fields()), tiers=False
        )

    # -- saving --------------------------------------------------------------
    def _apply(self, errors: FieldErrors, change: Callable[[], Any], *, tiers: bool) -> bool:
        """Run one change; show its refusal under the field, or refresh the table on the saved row."""
        errors.clear()
        try:
            saved = change()
        except LoyaltyError as exc:
            errors.show(exc)
            return False
        if tiers:
            self._tiers = self._shop.tiers(self.programme.id) if self.programme else []
            self._show_tiers(saved.id, pick=True)
        else:
            self._rewards = self._shop.rewards(self.programme.id, active_only=False) if self.programme else []
            self._show_rewards(saved.id, pick=True)
            self.rewards_changed.emit()
        errors.done(self.tr("{name} saved.").format(name=saved.name))
        self._changed()
        return True
