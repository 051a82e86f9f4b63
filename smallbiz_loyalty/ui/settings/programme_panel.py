"""`ProgrammePanel`: the shop's loyalty programmes and the rules of the one selected.

The rules are exactly the fields of `core.programs.Programme`; the core checks them
all together and the first refusal is shown under its field. "New programme" empties
the form and Save then creates one. Only the owner may change programmes: a cashier
gets the core's sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.errors import InvalidInput, LoyaltyError
from smallbiz_loyalty.core.programs import MAX_UNITS, Programme
from smallbiz_loyalty.core.rewards import Reward
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.text import to_ascii_digits
from smallbiz_loyalty.ui.dashboard.rows_model import RowsTableModel
from smallbiz_loyalty.ui.settings.fields import FieldErrors, MoneyEdit, expiry_names, unit_names, unit_suffix

BASIS_POINTS = 100  # per percent


def _spin(high: int = MAX_UNITS) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, high)
    return spin


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget)
        if isinstance(widget, MoneyEdit):
            line.addWidget(widget.currency_label)
    line.addStretch(1)
    return holder


class ProgrammePanel(QWidget):
    """The programmes list and the selected programme's rules; `selected(programme)` on a new choice."""

    selected = Signal(object)  # Programme | None

    def __init__(self, shop: Shop, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._changed = changed
        self.editing: Programme | None = None
        self._programmes: list[Programme] = []
        self._rewards: list[Reward] = []  # the birthday voucher choices
        self.model = RowsTableModel(["", "", ""], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(130)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._pick(current.row()))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.errors = FieldErrors(self.status_label)
        self._make_editors()
        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        self._lay_out()
        self.retranslate()

    def _make_editors(self) -> None:
        self.name_edit = QLineEdit()
        self.unit_combo = QComboBox()
        self.unit_combo.currentIndexChanged.connect(self._update_enabled)
        self.active_check = QCheckBox()
        self.visit_quantity, self.visit_min_spend = _spin(), MoneyEdit("visit_min_spend")
        self.rate_quantity, self.rate_per = _spin(), MoneyEdit("rate_per")
        self.cashback = QDoubleSpinBox()
        self.cashback.setRange(0, 100)
        self.cashback.setDecimals(2)
        self.cashback.setSuffix(" %")
        self.categories_edit = QPlainTextEdit()
        self.categories_edit.setMaximumHeight(60)
        self.expiry_combo = QComboBox()
        self.expiry_combo.currentIndexChanged.connect(self._update_enabled)
        self.expiry_days = _spin(3650)
        self.value_per_unit = MoneyEdit("value_per_unit")
        self.birthday_quantity = _spin()
        self.birthday_reward = QComboBox()
        self.referrer_bonus, self.referred_bonus = _spin(), _spin()
        self.visit_label, self.rate_label = QLabel(), QLabel()

    def _lay_out(self) -> None:
        rows: list[tuple[str, QWidget]] = [
            ("name", self.name_edit),
            ("unit", _row(self.unit_combo, self.active_check)),
            ("visit_quantity", _row(self.visit_quantity, self.visit_label, self.visit_min_spend)),
            ("rate_quantity", _row(self.rate_quantity, self.rate_label, self.rate_per)),
            ("cashback_bp", _row(self.cashback)),
            ("categories", self.categories_edit),
            ("expiry_kind", _row(self.expiry_combo, self.expiry_days)),
            ("value_per_unit", _row(self.value_per_unit)),
            ("birthday_quantity", _row(self.birthday_quantity, self.birthday_reward)),
            ("referrer_bonus", _row(self.referrer_bonus)),
            ("referred_bonus", _row(self.referred_bonus)),
        ]
        for field, widget in rows:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(self.errors.add(field))
            label = QLabel()
            self._labels[field] = label
            self.form.addRow(label, cell)
        # Refusals about a field shown in another field's row land there.
        for field, shown_in in (("rate_per", "rate_quantity"), ("visit_min_spend", "visit_quantity"),
                                ("expiry_days", "expiry_kind"), ("birthday_reward_id", "birthday_quantity"),
                                ("active", "unit")):  # fmt: skip
            self.errors.labels[field] = self.errors.labels[shown_in]
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.model.set_headers([self.tr("Programme"), self.tr("Unit"), self.tr("State")])
        texts = {
            "name": self.tr("Name"), "unit": self.tr("Unit"), "visit_quantity": self.tr("Per visit"),
            "rate_quantity": self.tr("Per amount spent"), "cashback_bp": self.tr("Cashback"),
            "categories": self.tr("Category rules\n(one a line: Pastry = 200)"),
            "expiry_kind": self.tr("Units expire"), "value_per_unit": self.tr("Value of one unit"),
            "birthday_quantity": self.tr("Birthday gift"), "referrer_bonus": self.tr("Bonus for the referrer"),
            "referred_bonus": self.tr("Bonus for the new customer"),
        }  # fmt: skip
        for field, label in self._labels.items():
            label.setText(texts[field])
        self.active_check.setText(self.tr("Active"))
        self.visit_label.setText(self.tr("when the sale is at least"))
        self.rate_label.setText(self.tr("for every"))
        self.expiry_days.setSuffix(self.tr(" days"))
        self.new_button.setText(self.tr("&New programme"))
        self.save_button.setText(self.tr("Save &programme"))
        for combo, names in ((self.unit_combo, unit_names()), (self.expiry_combo, expiry_names())):
            current = combo.currentData()
            combo.clear()
            for value, name in names.items():
                combo.addItem(name, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        self._show_list(pick=False)  # a new language relabels; it reads nothing and keeps what is typed
        self._show_reward_choices(self.birthday_reward.currentData())

    # -- the list ------------------------------------------------------------
    def refresh(self) -> None:
        """Read the programmes again, keeping the one being edited selected."""
        self._programmes = self._shop.programmes()
        self._show_list(pick=True)

    def _show_list(self, *, pick: bool) -> None:
        """Fill the table from the programmes read last; `pick` also fills the form (dropping edits)."""
        keep = self.editing.id if self.editing else None
        units = unit_names()
        self.model.set_rows(
            [(p, [p.name, units.get(p.unit, p.unit), self.tr("Active") if p.active else self.tr("Paused")])
             for p in self._programmes]
        )  # fmt: skip
        row = next((i for i, p in enumerate(self._programmes) if p.id == keep), 0 if self._programmes else -1)
        if row >= 0:
            with QSignalBlocker(self.table.selectionModel()):
                self.table.selectRow(row)
            if pick:
                self._pick(row)
        elif pick:
            self.start_new()

    def _pick(self, row: int) -> None:
        programme = self.model.record(row)
        if programme is not None:
            self.show_programme(programme)

    def start_new(self) -> None:
        """An empty form; Save creates a programme."""
        self.table.clearSelection()
        self.show_programme(None)
        self.name_edit.setFocus()

    # -- the form ------------------------------------------------------------
    def show_programme(self, programme: Programme | None) -> None:
        self.editing = programme
        p = programme or Programme(id=0, name="", unit="stamps", visit_quantity=1)
        currency = self._shop.currency
        self.name_edit.setText(p.name)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(p.unit), 0))
        self.active_check.setChecked(p.active)
        self.visit_quantity.setValue(p.visit_quantity)
        self.visit_min_spend.set_minor(p.visit_min_spend, currency)
        self.rate_quantity.setValue(p.rate_quantity)
        self.rate_per.set_minor(p.rate_per, currency)
        self.cashback.setValue(p.cashback_bp / BASIS_POINTS)
        self.categories_edit.setPlainText("\n".join(f"{name} = {pct}" for name, pct in p.categories.items()))
        self.expiry_combo.setCurrentIndex(max(self.expiry_combo.findData(p.expiry_kind), 0))
        self.expiry_days.setValue(p.expiry_days)
        self.value_per_unit.set_minor(p.value_per_unit, currency)
        self.birthday_quantity.setValue(p.birthday_quantity)
        self.referrer_bonus.setValue(p.referrer_bonus)
        self.referred_bonus.setValue(p.referred_bonus)
        self.reload_rewards_choice()
        self.errors.clear()
        self._update_enabled()
        self.selected.emit(programme)

    def reload_rewards_choice(self) -> None:
        """The birthday voucher choices: no voucher, or one of this programme's rewards."""
        self._rewards = self._shop.rewards(self.editing.id, active_only=False) if self.editing else []
        self._show_reward_choices(self.editing.birthday_reward_id if self.editing else None)

    def _show_reward_choices(self, chosen: int | None) -> None:
        self.birthday_reward.clear()
        self.birthday_reward.addItem(self.tr("No voucher"), None)
        for reward in self._rewards:
            self.birthday_reward.addItem(self.tr("Voucher: {reward}").format(reward=reward.name), reward.id)
        self.birthday_reward.setCurrentIndex(max(self.birthday_reward.findData(chosen), 0))
        self.birthday_reward.setEnabled(self.editing is not None)

    def _update_enabled(self) -> None:
        unit = self.unit_combo.currentData()
        for spin in (self.visit_quantity, self.rate_quantity, self.birthday_quantity, self.referrer_bonus,
                     self.referred_bonus):  # fmt: skip
            spin.setSuffix(unit_suffix(unit))
        credit = unit == "credit"
        for widget in (self.visit_quantity, self.visit_min_spend, self.rate_quantity, self.rate_per):
            widget.setEnabled(not credit)
        self.cashback.setEnabled(credit)
        self.value_per_unit.setEnabled(not credit)  # credit is money already
        self.expiry_days.setEnabled(self.expiry_combo.currentData() == "days")

    def rules(self) -> dict[str, Any]:
        """The form as `Programme` fields; InvalidInput (naming the field) for what cannot be read."""
        currency = self._shop.currency
        return {
            "name": self.name_edit.text(),
            "unit": self.unit_combo.currentData(),
            "active": self.active_check.isChecked(),
            "visit_quantity": self.visit_quantity.value(),
            "visit_min_spend": self.visit_min_spend.minor(currency),
            "rate_quantity": self.rate_quantity.value(),
            "rate_per": self.rate_per.minor(currency),
            "cashback_bp": round(self.cashback.value() * BASIS_POINTS),
            "categories": self._categories(),
            "expiry_kind": self.expiry_combo.currentData(),
            "expiry_days": self.expiry_days.value(),
            "value_per_unit": self.value_per_unit.minor(currency),
            "birthday_quantity": self.birthday_quantity.value(),
            "birthday_reward_id": self.birthday_reward.currentData(),
            "referrer_bonus": self.referrer_bonus.value(),
            "referred_bonus": self.referred_bonus.value(),
        }

    def _categories(self) -> dict[str, int]:
        rules: dict[str, int] = {}
        for number, line in enumerate(self.categories_edit.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, percent = line.rpartition("=")
            digits = to_ascii_digits(percent.strip().rstrip("%").strip())
            if not sep or not name.strip() or not digits.isdigit():
                message = self.tr('Line {line} of the category rules: write a category, "=" and a percent, '
                                  'for example "Pastry = 200".')  # fmt: skip
                raise InvalidInput("categories", message.format(line=number))
            rules[name.strip()] = int(digits)
        return rules

    def save(self) -> bool:
        """Create or update the programme; a refusal is shown under its field and nothing changes."""
        self.errors.clear()
        try:
            rules = self.rules()
            if self.editing is None:
                rules.pop("birthday_reward_id")  # a new programme has no rewards yet
                saved = self._shop.create_programme(name=rules.pop("name"), unit=rules.pop("unit"), **rules)
            else:
                saved = self._shop.update_programme(self.editing.id, **rules)
        except LoyaltyError as exc:
            self.errors.show(exc)
            return False
        self.editing = saved
        self.refresh()
        self.errors.done(self.tr("Programme {name} saved.").format(name=saved.name))
        self._changed()
        return True
