"""`SaleEntryWidget`: the amount field, the category buttons and the record buttons.

The amount is read by `Shop.parse_amount` ("1.250", "1,250", "١٫٢٥٠"); a bad
amount shows its one sentence in red and nothing is recorded. The sale's
idempotency key is made when the amount is first typed and kept until the
field is cleared, so pressing Enter twice can never record the sale twice."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.counter.style import ERROR_STYLE, MUTED_STYLE, enlarge
from smallbiz_loyalty.ui.errors import error_text


class SaleEntryWidget(QWidget):
    """Emits `sale_asked(amount in minor units, category or None, key, walk_in)`."""

    sale_asked = Signal(int, object, str, bool)

    CATEGORY_COLUMNS = 4
    MAX_CATEGORIES = 8  # Alt+1 … Alt+8

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.has_customer = False
        self._key: str | None = None
        self._just_recorded = False
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount, e.g. 1.250"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self.amount, 2.2, bold=True)
        self.amount.textEdited.connect(self._on_edited)
        self.amount.returnPressed.connect(lambda: self.submit(walk_in=False))
        title = QLabel(self.tr("Sale amount ({currency})").format(currency=shop.currency))
        enlarge(title, 1.2, bold=True)
        title.setBuddy(self.amount)
        self.categories_grid = QGridLayout()
        self.category_buttons: list[QPushButton] = []
        self.record_button = QPushButton(self.tr("Record sale (Enter)"))
        enlarge(self.record_button, 1.3, bold=True)
        self.record_button.clicked.connect(lambda: self.submit(walk_in=False))
        self.walk_in_button = QPushButton(self.tr("Walk-in sale (F8)"))
        self.walk_in_button.clicked.connect(lambda: self.submit(walk_in=True))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        enlarge(self.error_label, 1.2)
        self.hint = QLabel(self.tr("Alt+1 … Alt+8 choose a category."))
        self.hint.setStyleSheet(MUTED_STYLE)

        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button, 2)
        buttons.addWidget(self.walk_in_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.amount)
        layout.addLayout(self.categories_grid)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F8), self, context=Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: self.submit(walk_in=True))
        for number in range(1, self.MAX_CATEGORIES + 1):
            key = QShortcut(QKeySequence(f"Alt+{number}"), self, context=Qt.ShortcutContext.WindowShortcut)
            key.activated.connect(lambda index=number - 1: self.toggle_category(index))

    # -- categories -------------------------------------------------------------
    def set_categories(self, names: list[str]) -> None:
        """Offer `names` as buttons (the shop's recently used categories), keeping the one chosen."""
        shown = names[: self.MAX_CATEGORIES]
        if shown == [b.text() for b in self.category_buttons]:
            return
        chosen = self.category()
        for button in self.category_buttons:
            self.categories_grid.removeWidget(button)
            button.hide()  # at once: deleteLater alone leaves it painted until the event loop runs
            button.setParent(None)
            button.deleteLater()
        self.category_buttons = []
        for index, name in enumerate(shown):
            button = QPushButton(name)
            button.setCheckable(True)
            button.setChecked(name == chosen)
            button.setToolTip(f"Alt+{index + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the amount field
            enlarge(button, 1.2)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, i=index: self._only(i))
            self.categories_grid.addWidget(button, *divmod(index, self.CATEGORY_COLUMNS))
            self.category_buttons.append(button)
        self.hint.setVisible(bool(self.category_buttons))

    def toggle_category(self, index: int) -> None:
        if index < len(self.category_buttons):
            button = self.category_buttons[index]
            button.setChecked(not button.isChecked())
            self._only(index)

    def _only(self, index: int) -> None:
        for other, button in enumerate(self.category_buttons):
            if other != index:
                button.setChecked(False)

    def category(self) -> str | None:
        return next((b.text() for b in self.category_buttons if b.isChecked()), None)

    # -- the amount -------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        self._just_recorded = False
        self.error_label.clear()
        if not text.strip():
            self._key = None
        elif self._key is None:
            self._key = uuid.uuid4().hex  # one sale per typed amount, however often Enter is pressed

    def key(self) -> str | None:
        return self._key

    def submit(self, *, walk_in: bool) -> None:
        """Check the amount and ask for the sale; errors stay inline and nothing is recorded."""
        text = self.amount.text()
        if not text.strip() and self._just_recorded:
            return  # a second Enter after a sale: it was recorded once, nothing to do
        try:
            minor = self.shop.parse_amount(text)
        except LoyaltyError as exc:
            self.show_error(error_text(exc))
            self.amount.setFocus()
            return
        if not walk_in and not self.has_customer:
            self.show_error(self.tr("No customer is chosen: press F8 for a walk-in sale, or find the customer first."))
            return
        if self._key is None:  # the amount was set without typing (pasted by code, tests)
            self._key = uuid.uuid4().hex
        self.error_label.clear()
        self.sale_asked.emit(minor, self.category(), self._key, walk_in)

    def recorded(self) -> None:
        """The sale went through: start afresh for the next one."""
        self.amount.clear()
        self._key = None
        self._just_recorded = True
        for button in self.category_buttons:
            button.setChecked(False)

    def reset(self) -> None:
        """A different customer: forget the amount and its key."""
        self.amount.clear()
        self._key = None
        self._just_recorded = False
        self.error_label.clear()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
