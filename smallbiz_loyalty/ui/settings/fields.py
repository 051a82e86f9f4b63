"""Small pieces the settings forms share: a money field, inline error labels that know
which field an `InvalidInput` is about, and the words for the rules' fixed choices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from smallbiz_loyalty.core.errors import InvalidInput, LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import major_str, parse_amount
from smallbiz_loyalty.ui.errors import error_text

ERROR_COLOUR = "#b91c1c"
OK_COLOUR = "#15803d"


# The words for the rules' fixed choices, one catalogue context ("Settings") for all the forms.
def unit_names() -> dict[str, str]:
    return {
        "stamps": QCoreApplication.translate("Settings", "Stamps"),
        "points": QCoreApplication.translate("Settings", "Points"),
        "credit": QCoreApplication.translate("Settings", "Store credit (cashback)"),
    }


def unit_suffix(unit: str) -> str:
    """What follows a number of units in a spin box (" stamps"); credit is counted in money."""
    if unit == "stamps":
        return QCoreApplication.translate("Settings", " stamps")
    if unit == "points":
        return QCoreApplication.translate("Settings", " points")
    return ""


def expiry_names() -> dict[str, str]:
    return {
        "never": QCoreApplication.translate("Settings", "Never"),
        "days": QCoreApplication.translate("Settings", "After a number of days"),
        "end_of_month": QCoreApplication.translate("Settings", "At the end of the month"),
        "end_of_year": QCoreApplication.translate("Settings", "At the end of the year"),
    }


def reward_kind_names() -> dict[str, str]:
    return {
        "free_item": QCoreApplication.translate("Settings", "Free item"),
        "fixed_discount": QCoreApplication.translate("Settings", "Money off"),
        "percent_discount": QCoreApplication.translate("Settings", "Percent off"),
        "voucher": QCoreApplication.translate("Settings", "Voucher for money off"),
    }


class ErrorLabel(QLabel):
    """A red sentence under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """Where each field's error goes; anything else goes to the form's general label."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, ErrorLabel] = {}

    def add(self, field: str) -> ErrorLabel:
        label = ErrorLabel()
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.say("")
        self.general.setText("")

    def show(self, exc: LoyaltyError) -> str:
        """Put the sentence of `exc` under its field (or in the general label); returns the field used."""
        field = exc.field if isinstance(exc, InvalidInput) else ""
        label = self.labels.get(field)
        if label is not None:
            label.say(error_text(exc))
            return field
        self.general.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.general.setText(error_text(exc))
        return ""

    def done(self, message: str) -> None:
        self.general.setStyleSheet(f"color: {OK_COLOUR};")
        self.general.setText(message)


class MoneyEdit(QLineEdit):
    """An amount of the shop's currency, typed as people type it; empty means zero."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field  # the core field name, so a refusal lands under this box
        self.currency_label = QLabel()  # placed after the box by the form: "KWD"

    def set_minor(self, minor: int | None, currency: str) -> None:
        self.setText("" if minor is None else major_str(minor, currency))
        self.currency_label.setText(currency)

    def minor(self, currency: str, *, optional: bool = False) -> int | None:
        """Minor units typed; None when empty and `optional`; InvalidInput naming this field otherwise."""
        return read_money(self.text(), self.field, currency, optional=optional)


def read_money(text: str, field: str, currency: str, *, optional: bool = False) -> int | None:
    """Minor units from what was typed (empty: None when `optional`, else zero); a refusal names `field`."""
    if not text.strip():
        return None if optional else 0
    try:
        return parse_amount(text, currency, babel_locale(), allow_zero=not optional)
    except InvalidInput as exc:
        raise InvalidInput(field, exc.message) from exc
