"""`CustomerPanel`: the customer being served, as the cashier needs to see them.

Name in large type, phone and card code, a birthday badge in their birthday
week, rewards ready as green banners with a redeem button, each programme's
balance (a stamp card as punched circles), tier and progress to the next, and
usable vouchers. Everything comes from one `Shop.customer_status` call."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.loyalty_text import quantity_text
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.rewards import Reward, Voucher, describe_voucher
from smallbiz_loyalty.core.status import CustomerStatus, ProgrammeStatus
from smallbiz_loyalty.ui.counter.punch_card import PunchCardWidget
from smallbiz_loyalty.ui.counter.style import BADGE_STYLE, GREEN_DARK, MUTED_STYLE, READY_STYLE, enlarge, ltr
from smallbiz_loyalty.ui.formatting import format_day


def _clear(layout: QLayout) -> None:
    """Empty `layout`; its widgets disappear at once (deleteLater alone would leave them painted)."""
    while layout.count():
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)
            inner.deleteLater()


def leading() -> Qt.AlignmentFlag:
    """The start of a line in the screen's direction, whatever the script of the text: an Arabic
    name on the English screen starts on the left, a Latin name on the Arabic screen on the right."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def _label(text: str = "", factor: float = 1.0, *, bold: bool = False, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(leading())
    if factor != 1.0 or bold:
        enlarge(label, factor, bold=bold)
    if style:
        label.setStyleSheet(style)
    return label


class CustomerPanel(QFrame):
    """Shows one customer's `CustomerStatus`; asks the page to redeem or use a voucher."""

    redeem_asked = Signal(int)  # reward id
    voucher_asked = Signal(str)  # voucher code

    def __init__(self, currency: str, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency, self.region = currency, region
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status: CustomerStatus | None = None
        self.redeem_buttons: list[QPushButton] = []
        self.punch_cards: list[PunchCardWidget] = []
        self.name_label = _label("", 2.4, bold=True)
        self.details_label = _label("", 1.2, style=MUTED_STYLE)
        self.birthday_badge = _label("", 1.2, bold=True, style=BADGE_STYLE)
        self.birthday_badge.setWordWrap(False)  # a short badge, sized to its text
        self.birthday_badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.ready_box = QVBoxLayout()
        self.programmes_box = QVBoxLayout()
        self.vouchers_box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.birthday_badge)
        layout.addLayout(self.ready_box)
        layout.addLayout(self.programmes_box)
        layout.addLayout(self.vouchers_box)
        layout.addStretch(1)
        self.show_status(None)

    # -- showing ----------------------------------------------------------
    def show_status(self, status: CustomerStatus | None) -> None:
        """Show `status` (None: nobody is being served)."""
        self.status = status
        for box in (self.ready_box, self.programmes_box, self.vouchers_box):
            _clear(box)
        self.redeem_buttons, self.punch_cards = [], []
        if status is None:
            self.name_label.setText(self.tr("No customer"))
            self.details_label.setText(self.tr("Find a customer, or record a walk-in sale."))
            self.birthday_badge.hide()
            return
        customer = status.customer
        self.name_label.setText(customer.name)
        for label in (self.name_label, self.details_label):
            label.setAlignment(leading())
        phone = format_phone(customer.phone, self.region)
        details = [ltr(phone)] if phone else []
        details.append(self.tr("Card {code}").format(code=ltr(customer.card_code)))
        self.details_label.setText("   ·   ".join(details))
        self._show_birthday(status)
        for reward in status.rewards_ready:
            self.ready_box.addWidget(self._ready_banner(reward, first=not self.redeem_buttons))
        for programme in status.programmes:
            self.programmes_box.addWidget(self._programme_box(programme))
        for voucher in status.vouchers:
            self.vouchers_box.addLayout(self._voucher_row(voucher))

    def _show_birthday(self, status: CustomerStatus) -> None:
        days = status.birthday_in_days
        if status.birthday is None or days is None:
            self.birthday_badge.hide()
            return
        if days == 0:
            text = self.tr("Birthday today!")
        elif days == 1:
            text = self.tr("Birthday tomorrow")
        else:
            text = self.tr("Birthday on {date}").format(date=format_day(status.birthday))
        self.birthday_badge.setText(text)
        self.birthday_badge.show()

    def _ready_banner(self, reward: Reward, *, first: bool) -> QFrame:
        banner = QFrame()
        banner.setObjectName("ready")
        banner.setStyleSheet(f"#ready {{ {READY_STYLE} }}")
        row = QHBoxLayout(banner)
        text = _label(self.tr("Reward ready: {reward}").format(reward=reward.name), 2.0, bold=True)
        text.setStyleSheet("color: white;")
        button = QPushButton(self.tr("Redeem (F9)") if first else self.tr("Redeem"))
        enlarge(button, 1.3, bold=True)
        button.setStyleSheet(f"background: white; color: {GREEN_DARK}; border-radius: 6px; padding: 8px 16px;")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F9 is the key; the focus stays where the cashier types
        button.clicked.connect(lambda _checked=False, rid=reward.id: self.redeem_asked.emit(rid))
        self.redeem_buttons.append(button)
        row.addWidget(text, 1)
        row.addWidget(button)
        return banner

    def _programme_box(self, status: ProgrammeStatus) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 6)
        title = QHBoxLayout()
        title.addWidget(_label(status.programme.name, 1.2, bold=True))
        title.addStretch(1)
        title.addWidget(_label(status.balance_text(self.currency), 1.8, bold=True))
        column.addLayout(title)
        if status.programme.unit == "stamps" and status.card_size:
            card = PunchCardWidget()
            card.set_card(status.balance, status.card_size)
            self.punch_cards.append(card)
            column.addWidget(card)
        if status.next_reward is not None:
            needed = self.tr("{quantity} more for {reward}").format(
                quantity=status.needed_text(self.currency), reward=status.next_reward.name
            )
            column.addWidget(_label(needed, 1.1, style=MUTED_STYLE))
        if status.tier is not None or status.next_tier is not None:
            column.addLayout(self._tier_row(status))
        if status.expiring and status.expiring_on is not None:
            expiring = self.tr("{quantity} expire on {date}").format(
                quantity=quantity_text(status.programme.unit, status.expiring, self.currency),
                date=format_day(status.expiring_on),
            )
            column.addWidget(_label(expiring, 1.0, style=MUTED_STYLE))
        return box

    def _tier_row(self, status: ProgrammeStatus) -> QVBoxLayout:
        rows = QVBoxLayout()
        names = QHBoxLayout()
        rows.addLayout(names)
        tier = status.tier.name if status.tier is not None else self.tr("No tier yet")
        names.addWidget(_label(self.tr("Tier: {tier}").format(tier=tier), 1.2, bold=True), 1)
        if status.next_tier is None:
            names.addWidget(_label(self.tr("Top tier"), 1.1, style=MUTED_STYLE))
            return rows
        to_go = self.tr("{amount} to {tier}").format(
            amount=format_money(status.spend_to_next_tier, self.currency, babel_locale()), tier=status.next_tier.name
        )
        to_go_label = _label(to_go, 1.2)
        to_go_label.setWordWrap(False)
        names.addWidget(to_go_label)
        bar = QProgressBar()
        start = status.tier.min_spend if status.tier is not None else 0
        span = max(status.next_tier.min_spend - start, 1)
        bar.setRange(0, 1000)
        bar.setValue(max(0, min(1000, (status.qualifying_spend - start) * 1000 // span)))
        bar.setTextVisible(False)
        bar.setFixedHeight(14)
        rows.addWidget(bar)
        return rows

    def _voucher_row(self, voucher: Voucher) -> QHBoxLayout:
        row = QHBoxLayout()
        text = describe_voucher(voucher, self.currency).replace(voucher.code, ltr(voucher.code))
        row.addWidget(_label(text, 1.1), 1)
        button = QPushButton(self.tr("Use voucher"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False, code=voucher.code: self.voucher_asked.emit(code))
        row.addWidget(button)
        return row
