"""`MessageDialog`: a personal WhatsApp message from the shop's template.

The template (placeholders {name} {shop} {balance} {reward} {birthday}) is
filled for this customer by `core.messages`; the text can still be changed
before "Open WhatsApp" hands a wa.me link to the desktop (WhatsApp or the
browser opens the chat with the text typed in; the shop presses Send there).
The app itself stays offline."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import messages
from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.status import CustomerStatus
from smallbiz_loyalty.ui.customers.bidi import ltr
from smallbiz_loyalty.ui.events import ShopEvents

ERROR_STYLE = "color: #b00020;"
TEMPLATE_SETTING = "whatsapp_template"


def shop_template(shop: Shop) -> str:
    """The shop's own template, or the built-in one in the current language."""
    return shop.settings.get(TEMPLATE_SETTING) or messages.default_template()


class MessageDialog(QDialog):
    """The template, the message it makes for this customer, and "Open WhatsApp"."""

    def __init__(self, shop: Shop, events: ShopEvents, status: CustomerStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.events, self.status = shop, events, status
        self.customer = status.customer
        self.url = ""
        self.setWindowTitle(self.tr("Message {name}").format(name=self.customer.name))
        self.values = messages.message_values(
            status, shop_name=shop.settings["shop_name"], currency=shop.currency, today=shop.today()
        )
        self.template_edit = QPlainTextEdit(shop_template(shop))
        self.template_edit.setTabChangesFocus(True)
        self.template_edit.setMaximumHeight(110)
        self.template_edit.textChanged.connect(self._render)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        help_label = QLabel(
            self.tr("Template — these are filled in for each customer: {placeholders}").format(
                placeholders=ltr(" ".join("{" + name + "}" for name in messages.PLACEHOLDERS))
            )
        )
        help_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Open WhatsApp"))
        buttons.accepted.connect(self.open_whatsapp)
        buttons.rejected.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save as the shop’s template"))
        self.save_button.clicked.connect(self.save_template)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        if TEMPLATE_SETTING not in shop.settings:  # this build has no place to keep it yet
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(self.tr("This version cannot save the template yet."))
        column = QVBoxLayout(self)
        column.addWidget(help_label)
        column.addWidget(self.template_edit)
        column.addWidget(
            QLabel(self.tr("Message to {name} (you can still change it):").format(name=self.customer.name))
        )
        column.addWidget(self.text_edit, 1)
        column.addWidget(self.error_label)
        column.addWidget(buttons)
        self.resize(560, 480)
        self._render()

    def _render(self) -> None:
        self.text_edit.setPlainText(messages.render_message(self.template_edit.toPlainText(), self.values))

    def open_whatsapp(self) -> bool:
        """Hand the wa.me link with the message to the desktop; a refusal is shown inline."""
        try:
            self.url = messages.whatsapp_url(self.customer, self.text_edit.toPlainText())
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return False
        # The link is already percent-encoded ASCII: QUrl must take it as it is.
        if not QDesktopServices.openUrl(QUrl.fromEncoded(QByteArray(self.url.encode("ascii")))):
            self._show_error(self.tr("No program on this PC could open the WhatsApp link."))
            return False
        self.accept()
        return True

    def save_template(self) -> bool:
        try:
            template = messages.check_template(self.template_edit.toPlainText())
            self.shop.set_settings(**{TEMPLATE_SETTING: template})
        except LoyaltyError as exc:
            self._show_error(exc.message)
            return False
        self.error_label.hide()
        self.events.announce(frozenset({SETTINGS}))
        return True

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
