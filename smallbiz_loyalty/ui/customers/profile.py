"""`ProfilePanel`: one customer — details, balances and tier, consent, actions, history.

Actions open non-modal-blocking dialogs (`open()`, never `exec()`), kept in
`self.dialog`, so a test can drive the dialog's accept path directly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import messages, permissions
from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.errors import LoyaltyError, PermissionDenied
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.loyalty_text import balance_text
from smallbiz_loyalty.core.money import format_money, format_number
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.status import CustomerStatus, ProgrammeStatus
from smallbiz_loyalty.ui.customers.bidi import isolate, ltr, screen_lines
from smallbiz_loyalty.ui.customers.dialogs import AdjustDialog, EditCustomerDialog
from smallbiz_loyalty.ui.customers.history import HistoryTabs
from smallbiz_loyalty.ui.customers.merge import MergeDialog
from smallbiz_loyalty.ui.customers.message import MessageDialog
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.formatting import format_birthday, format_moment_day

ERROR_STYLE = "color: #b00020;"
READY_STYLE = "color: #1b7f3b;"


def _scaled(label: QLabel, factor: float, *, bold: bool = False) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class ProfilePanel(QWidget):
    """The selected customer's profile, or a hint to choose one."""

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.events = events
        self.customer_id: int | None = None
        self.customer: Customer | None = None
        self.status: CustomerStatus | None = None
        self.dialog: QDialog | None = None
        self.stack = QStackedWidget()
        hint = QLabel(self.tr("Choose a customer in the list to see their profile."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.stack.addWidget(hint)
        self.stack.addWidget(self._make_content())
        QVBoxLayout(self).addWidget(self.stack)
        self.setMinimumWidth(420)

    def _apply_permissions(self) -> None:
        """Owner-only actions are greyed out for a cashier, saying why (the core's own sentence)."""
        try:
            member = self.shop.current_staff()
        except LoyaltyError as exc:
            member, refusal = None, exc.message
        for button, action in ((self.adjust_button, "adjust"), (self.merge_button, "merge")):
            if member is not None:
                try:
                    permissions.require(member, action)
                except PermissionDenied as exc:
                    refusal = exc.message
                else:
                    refusal = ""
            button.setEnabled(not refusal)
            button.setToolTip(refusal)

    def _make_content(self) -> QWidget:
        content = QWidget()
        self.name_label = _scaled(QLabel(), 1.6, bold=True)
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.balance_label = _scaled(QLabel(), 1.35, bold=True)
        self.balance_label.setWordWrap(True)
        self.ready_label = _scaled(QLabel(), 1.2, bold=True)
        self.ready_label.setStyleSheet(READY_STYLE)
        self.ready_label.setWordWrap(True)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.marketing_box = QCheckBox(self.tr("Agrees to receive messages (WhatsApp, offers)"))
        self.notes_box = QCheckBox(self.tr("Agrees to receive printed notes and cards"))
        self.marketing_box.clicked.connect(lambda checked: self.set_consent(marketing=checked))
        self.notes_box.clicked.connect(lambda checked: self.set_consent(notes=checked))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.merge_button = QPushButton(self.tr("Mer&ge duplicates…"))
        self.adjust_button = QPushButton(self.tr("&Adjust balance…"))
        self.message_button = QPushButton(self.tr("&Message…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.merge_button.clicked.connect(self.open_merge)
        self.adjust_button.clicked.connect(self.open_adjust)
        self.message_button.clicked.connect(self.open_message)
        buttons = QGridLayout()
        for i, button in enumerate((self.edit_button, self.message_button, self.adjust_button, self.merge_button)):
            buttons.addWidget(button, i // 2, i % 2)
        self.history = HistoryTabs()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.name_label)
        column.addWidget(self.facts_label)
        column.addSpacing(4)
        column.addWidget(self.balance_label)
        column.addWidget(self.ready_label)
        column.addWidget(self.progress_label)
        column.addWidget(self.notice_label)
        column.addWidget(self.marketing_box)
        column.addWidget(self.notes_box)
        column.addLayout(buttons)
        column.addWidget(self.history, 1)
        return content

    # -- showing a customer -------------------------------------------------
    def show_customer(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.notice_label.hide()
        self.refresh()

    def clear(self) -> None:
        self.customer_id = self.customer = self.status = None
        self.history.clear_all()
        self.stack.setCurrentIndex(0)

    def refresh(self) -> None:
        """Read the customer again: details, balances, history."""
        if self.customer_id is None:
            self.clear()
            return
        try:
            status = self.shop.customer_status(self.customer_id)
            customer = status.customer
            currency = self.shop.currency
            self.history.show_sales(self.shop.sales_of_customer(customer.id), currency)
            programmes = {p.id: p for p in self.shop.programmes()}
            self.history.show_ledger(self.shop.ledger_entries(customer.id), programmes, currency)
            self.history.show_vouchers(self.shop.vouchers(customer.id), currency)
            self.history.show_feedback(self.shop.feedback_of(customer.id))
        except LoyaltyError as exc:
            self.clear()
            self.show_notice(exc.message, error=True)
            return
        self.customer, self.status = customer, status
        self._show_details(customer, status)
        self.stack.setCurrentIndex(1)

    def _show_details(self, customer: Customer, status: CustomerStatus) -> None:
        self.name_label.setText(screen_lines([customer.name]))
        facts = []
        if customer.phone:
            facts.append(ltr(format_phone(customer.phone, self.shop.region)))
        facts.append(self.tr("Card {code}").format(code=ltr(customer.card_code)))
        if customer.birthday:
            facts.append(self.tr("Birthday {date}").format(date=format_birthday(customer.birthday)))
        time_zone = self.shop.settings["time_zone"]
        facts.append(self.tr("Customer since {date}").format(date=format_moment_day(customer.created_at, time_zone)))
        lines = [" · ".join(facts)]
        if customer.email:
            lines.append(ltr(customer.email))
        if customer.notes:
            lines.append(self.tr("Notes: {notes}").format(notes=isolate(customer.notes)))
        self.facts_label.setText(screen_lines(lines))
        self.balance_label.setText(screen_lines(self._balance_line(p) for p in status.programmes) or "—")
        ready = status.rewards_ready
        self.ready_label.setText(
            self.tr("Reward ready: {rewards}").format(rewards=", ".join(isolate(r.name) for r in ready))
            if ready
            else ""
        )
        self.ready_label.setVisible(bool(ready))
        progress = screen_lines(self._progress_lines(status))
        self.progress_label.setText(progress)
        self.progress_label.setVisible(bool(progress))
        self._apply_permissions()
        self.marketing_box.setChecked(customer.consent_marketing)
        self.notes_box.setChecked(customer.consent_notes)
        try:
            messages.check_can_message(customer)
        except LoyaltyError as exc:
            self.message_button.setEnabled(False)
            self.message_button.setToolTip(exc.message)
        else:
            self.message_button.setEnabled(True)
            self.message_button.setToolTip(self.tr("Open a WhatsApp chat with a personal message"))

    def _balance_line(self, programme: ProgrammeStatus) -> str:
        # "64 stamps" rather than the counter's "64/10": a profile shows what was saved up.
        text = balance_text(programme.programme.unit, programme.balance, None, self.shop.currency)
        line = self.tr("{programme}: {balance}").format(programme=isolate(programme.programme.name), balance=text)
        if programme.tier is not None:
            line = self.tr("{line} — {tier}").format(line=line, tier=isolate(programme.tier.name))
        return line

    def _progress_lines(self, status: CustomerStatus) -> list[str]:
        currency, locale = self.shop.currency, babel_locale()
        lines = []
        for p in status.programmes:
            if p.next_reward is not None and not p.rewards_ready:
                lines.append(
                    self.tr("{quantity} more for {reward}").format(
                        quantity=p.needed_text(currency), reward=isolate(p.next_reward.name)
                    )
                )
            if p.next_tier is not None:
                lines.append(
                    self.tr("Spend {amount} more to reach {tier}").format(
                        amount=format_money(p.spend_to_next_tier, currency, locale), tier=isolate(p.next_tier.name)
                    )
                )
        if status.vouchers:
            lines.append(self.tr("Vouchers to use: {count}").format(count=format_number(len(status.vouchers), locale)))
        if status.birthday_this_week:
            lines.append(self.tr("Birthday this week 🎂"))
        return lines

    def show_notice(self, text: str, *, error: bool = False) -> None:
        self.notice_label.setText(text)
        self.notice_label.setStyleSheet(ERROR_STYLE if error else "")
        self.notice_label.show()

    def focus_actions(self) -> None:
        self.edit_button.setFocus()

    # -- actions --------------------------------------------------------------
    def set_consent(self, *, marketing: bool | None = None, notes: bool | None = None) -> bool:
        """Record a consent flag at once; a refusal is shown and the box set back."""
        if self.customer_id is None:
            return False
        changes = {}
        if marketing is not None:
            changes["consent_marketing"] = marketing
        if notes is not None:
            changes["consent_notes"] = notes
        try:
            result = self.shop.edit_customer(self.customer_id, **changes)
        except LoyaltyError as exc:
            self.refresh()
            self.show_notice(exc.message, error=True)
            return False
        self.events.announce(result.changed)
        self.refresh()
        return True

    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:  # one dialog at a time; the last one is kept for tests to inspect
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_edit(self) -> EditCustomerDialog | None:
        if self.customer is None:
            return None
        dialog = self._open(EditCustomerDialog(self.shop, self.events, self.customer, self))
        assert isinstance(dialog, EditCustomerDialog)
        return dialog

    def open_merge(self) -> MergeDialog | None:
        if self.customer is None:
            return None
        dialog = self._open(MergeDialog(self.shop, self.events, self.customer, self))
        assert isinstance(dialog, MergeDialog)
        return dialog

    def open_adjust(self) -> AdjustDialog | None:
        if self.customer is None:
            return None
        dialog = self._open(AdjustDialog(self.shop, self.events, self.customer, self))
        assert isinstance(dialog, AdjustDialog)
        return dialog

    def open_message(self) -> MessageDialog | None:
        if self.customer is None or self.status is None:
            return None
        dialog = self._open(MessageDialog(self.shop, self.events, self.status, self))
        assert isinstance(dialog, MessageDialog)
        return dialog
