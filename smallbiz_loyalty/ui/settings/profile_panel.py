"""`ProfilePanel`: the shop's settings as a form generated from `core.settings.SETTINGS`.

Each declared setting becomes one row (its label translated, an editor chosen by its
default's type or a known list of choices, and a red line for its error). Saving sends
only what changed, in one `Shop.set_settings` call: one transaction, all checked
before any is written, so a refused value leaves every setting as it was."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

import phonenumbers
from babel import Locale
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import _, babel_locale
from smallbiz_loyalty.core.settings import SETTINGS
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.settings.fields import FieldErrors

LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # each in its own language, as language menus show them
# Which box each setting goes in; a setting not listed here lands in "Other".
GROUPS: dict[str, tuple[str, ...]] = {
    "shop": ("shop_name", "shop_address", "shop_phone", "shop_logo", "currency", "time_zone", "phone_region",
             "language"),
    "messages": ("whatsapp_template",),  # and every note_template_… setting
    "safety": ("backup_folder", "idle_lock_minutes"),  # and every other backup_… setting
    "loyalty": ("negative_balance", "birthday_days_before", "birthday_valid_days"),
    "figures": ("activity_window_days", "clv_max_lifespan_years", "gross_margin_percent", "at_risk_min_purchases",
                "at_risk_lookback_days", "at_risk_quiet_days"),
}  # fmt: skip
SPIN_MAX = 100_000  # the core checks the real range and says it
PICKERS = {"backup_folder": "folder", "shop_logo": "image"}  # settings that are paths, and what they point to
TEMPLATE_HEIGHT = 72
FORM_MAX_WIDTH = 900  # wider, and a shop name box would run across the whole screen


class ProfilePanel(QWidget):
    """The settings form; `language_saved(lang)` when the language setting changed."""

    language_saved = Signal(str)

    def __init__(self, shop: Shop, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._changed = changed  # tells the other screens
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.errors = FieldErrors(self.status_label)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.pick_buttons: dict[str, QPushButton] = {}
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.load)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        form = QWidget()
        form.setMaximumWidth(FORM_MAX_WIDTH)
        boxes = QVBoxLayout(form)
        for group in (*GROUPS, "other"):
            keys = [k for k in SETTINGS if _group_of(k) == group]
            if keys:
                boxes.addWidget(self._box(group, keys))
        boxes.addStretch(1)
        scroll = QScrollArea()  # the boxes scroll; Save and its message stay in sight below them
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.load()

    def _box(self, group: str, keys: list[str]) -> QGroupBox:
        box = QGroupBox()
        self.boxes[group] = box
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in keys:
            editor = self._editor(key)
            self.editors[key] = editor
            label = QLabel()
            label.setBuddy(editor)
            self.labels[key] = label
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(self._with_picker(key, editor) if key in PICKERS else editor)
            cell.addWidget(self.errors.add(key))
            form.addRow(label, cell)
        return box

    def _editor(self, key: str) -> QWidget:
        """The input for one setting, chosen by its key or its default's type."""
        default = SETTINGS[key].default
        if key in ("language", "negative_balance"):
            return QComboBox()
        if isinstance(default, int) and not isinstance(default, bool):
            spin = QSpinBox()
            spin.setRange(0, SPIN_MAX)
            return spin
        if _group_of(key) == "messages":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)  # Tab moves on, as in every other box of the form
            text.setFixedHeight(TEMPLATE_HEIGHT)
            return text
        edit = QLineEdit()
        choices = {"currency": _currencies, "time_zone": _time_zones, "phone_region": _regions}.get(key)
        if choices is not None:
            completer = QCompleter(choices(), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        return edit

    def _with_picker(self, key: str, edit: QWidget) -> QWidget:
        """A path box with a "Choose…" button (a folder, or an image for the logo)."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        button = QPushButton()
        button.clicked.connect(lambda: self._choose_path(key))
        self.pick_buttons[key] = button
        row.addWidget(edit, 1)
        row.addWidget(button)
        return holder

    def _choose_path(self, key: str) -> None:
        edit = self.editors[key]
        assert isinstance(edit, QLineEdit)
        title = _(SETTINGS[key].label)
        if PICKERS[key] == "folder":
            chosen = QFileDialog.getExistingDirectory(self, title, edit.text())
        else:
            images = self.tr("Images (*.png *.jpg *.jpeg)")
            chosen, _filter = QFileDialog.getOpenFileName(self, title, edit.text(), images)
        if chosen:
            edit.setText(chosen)

    # -- language ------------------------------------------------------------
    def retranslate(self) -> None:
        titles = {"shop": self.tr("Shop profile"), "messages": self.tr("Messages and printed notes"),
                  "safety": self.tr("Backups and safety"), "loyalty": self.tr("Loyalty rules"),
                  "figures": self.tr("Figures and lists"), "other": self.tr("Other")}  # fmt: skip
        for group, box in self.boxes.items():
            box.setTitle(titles[group])
        for key, label in self.labels.items():
            label.setText(_(SETTINGS[key].label))
        self.save_button.setText(self.tr("&Save changes"))
        self.undo_button.setText(self.tr("&Undo changes"))
        for button in self.pick_buttons.values():
            button.setText(self.tr("&Choose…"))
        self._fill_choices()

    def _fill_choices(self) -> None:
        language = self.editors["language"]
        rules = self.editors["negative_balance"]
        assert isinstance(language, QComboBox) and isinstance(rules, QComboBox)
        for combo, names in (
            (language, LANGUAGE_NAMES),
            (rules, {
                "take_what_is_left": self.tr("Take back what is left; the balance stops at zero"),
                "allow": self.tr("Take it all back, even below zero"),
                "block": self.tr("Refuse the return until the balance allows it"),
            }),
        ):  # fmt: skip
            current = combo.currentData()
            combo.clear()
            for value, name in names.items():
                combo.addItem(name, value)
            if current is not None:
                combo.setCurrentIndex(combo.findData(current))

    # -- values --------------------------------------------------------------
    def load(self) -> None:
        """Show the shop's settings as stored (dropping unsaved edits)."""
        for key, value in self._shop.reload_settings().items():
            if key in self.editors:
                self._set_value(key, value)
        self.errors.clear()

    def _set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def value(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def changes(self) -> dict[str, Any]:
        """The settings whose editor differs from what is stored."""
        stored = self._shop.settings
        return {key: self.value(key) for key in self.editors if self.value(key) != stored[key]}

    def save(self) -> bool:
        """Save what changed in one transaction; a refusal is shown under its field and nothing is saved."""
        self.errors.clear()
        changed = self.changes()
        if not changed:
            self.errors.done(self.tr("Nothing to save: no setting was changed."))
            return True
        try:
            self._shop.set_settings(**changed)
        except LoyaltyError as exc:
            self._shop.reload_settings()
            self.errors.show(exc)
            return False
        self.load()
        self.errors.done(self.tr("Settings saved."))
        self._changed()
        if "language" in changed:
            self.language_saved.emit(self._shop.settings["language"])
        return True


def _group_of(key: str) -> str:
    if key.startswith("backup_"):
        return "safety"
    if key.endswith("_template") or key.startswith("note_template_"):
        return "messages"
    return next((group for group, keys in GROUPS.items() if key in keys), "other")


def _currencies() -> list[str]:
    names = Locale.parse(babel_locale()).currencies
    return sorted(f"{code}" for code in names if len(code) == 3)


def _time_zones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


def _regions() -> list[str]:
    return sorted(phonenumbers.SUPPORTED_REGIONS)
