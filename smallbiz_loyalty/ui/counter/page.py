"""`CounterPage`: the home screen, for the cashier with a queue.

Find the customer (search box focused from the start), see their card, type
the amount, Enter: the sale is recorded and what it earned is shown big.
F9 redeems a ready reward, Ctrl+Z undoes the last sale or redemption, Ctrl+N
enrols, F8 records a walk-in sale, Esc starts over, Ctrl+K opens the
customer-facing score screen. The page calls only `Shop` (and the counter's
core helpers) and announces what each action changed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from smallbiz_loyalty.core.changes import CUSTOMERS, FEEDBACK, LEDGER, SALES
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.status import CustomerStatus
from smallbiz_loyalty.core.undo import undo_redemption_in
from smallbiz_loyalty.ui.counter.customer_panel import CustomerPanel
from smallbiz_loyalty.ui.counter.enrol_dialog import QuickEnrolDialog
from smallbiz_loyalty.ui.counter.nps import NpsKioskWindow, NpsStrip
from smallbiz_loyalty.ui.counter.result_view import ResultView
from smallbiz_loyalty.ui.counter.sale_entry import SaleEntryWidget
from smallbiz_loyalty.ui.counter.search import CustomerSearchWidget
from smallbiz_loyalty.ui.counter.style import ERROR_STYLE, enlarge, isolate
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.reports.slip import open_balance_slip


@dataclass(frozen=True)
class UndoStep:
    kind: str  # "sale" | "redemption"
    id: int
    customer_id: int | None
    label: str  # what the undo button says will be undone


@dataclass
class ScoreTarget:
    """The sale a score given now is about (one answer per sale)."""

    sale_id: int
    customer_id: int | None
    answered: bool = False


class CounterPage(Page):
    KINDS = frozenset({CUSTOMERS, SALES, LEDGER})
    UNDO_DEPTH = 20

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.status: CustomerStatus | None = None
        self.undo_steps: list[UndoStep] = []
        self.score_target: ScoreTarget | None = None
        self.enrol_dialog: QuickEnrolDialog | None = None
        self.kiosk: NpsKioskWindow | None = None
        self.slip_dialog: QWidget | None = None  # the last balance slip shown
        self._redeem_key = uuid.uuid4().hex
        self._own_change = False
        self._build()
        self._add_shortcuts()
        self.refresh()

    # -- layout -----------------------------------------------------------------
    def _build(self) -> None:
        self.search = CustomerSearchWidget(self.shop)
        self.search.chosen.connect(self.serve)
        self.search.enrol_asked.connect(self.open_enrol)
        self.enrol_button = QPushButton(self.tr("New customer (Ctrl+N)"))
        self.enrol_button.clicked.connect(lambda: self.open_enrol(self.search.box.text().strip()))
        self.kiosk_button = QPushButton(self.tr("Customer score screen (Ctrl+K)"))
        self.kiosk_button.clicked.connect(self.open_kiosk)
        self.slip_button = QPushButton(self.tr("Print balance slip (Ctrl+P)"))
        self.slip_button.clicked.connect(self.print_slip)
        self.slip_button.setEnabled(False)  # until a customer is served
        self.slip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.enrol_button, self.kiosk_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.panel = CustomerPanel(self.shop.currency, self.shop.region)
        self.panel.redeem_asked.connect(self.redeem)
        self.panel.voucher_asked.connect(self.use_voucher)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        self.entry = SaleEntryWidget(self.shop)
        self.entry.sale_asked.connect(self.record_sale)
        self.result_view = ResultView()
        self.nps = NpsStrip()
        self.nps.hide()
        self.nps.scored.connect(lambda score: self.record_score(score, source="counter"))
        self.nps.skipped.connect(self._after_sale_done)
        right = QVBoxLayout()
        right.addWidget(self.entry)
        right.addWidget(self.result_view)
        right.addWidget(self.nps)
        right.addStretch(1)
        right.addWidget(self.slip_button, 0, Qt.AlignmentFlag.AlignRight)  # right = the end side, mirrored in Arabic
        middle = QHBoxLayout()
        middle.addWidget(scroll, 3)
        middle.addLayout(right, 2)

        self.undo_button = QPushButton()
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        enlarge(self.undo_button, 1.1)
        self.undo_button.clicked.connect(self.undo)
        self.ask_score = QCheckBox(self.tr("Ask for a score after each sale"))
        self.ask_score.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        enlarge(self.problem_label, 1.2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.problem_label, 1)
        bottom.addWidget(self.ask_score)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        for field in (self.search.box, self.entry.amount):
            field.installEventFilter(self)
        self._update_undo_button()

    def _add_shortcuts(self) -> None:
        keys = {
            Qt.Key.Key_F9: self.redeem_first,
            QKeySequence.StandardKey.Undo: self.undo,
            QKeySequence.StandardKey.New: lambda: self.open_enrol(self.search.box.text().strip()),
            QKeySequence("Ctrl+K"): self.open_kiosk,
            QKeySequence.StandardKey.Print: self.print_slip,
            Qt.Key.Key_Escape: self.start_over,
        }
        for key, action in keys.items():
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)  # a key held down is one action
            shortcut.activated.connect(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the text fields, Ctrl+Z undoes the last sale or redemption (not the typing) and Esc starts over."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.start_over()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search.stop()  # no search may run once the page (and maybe the shop) is closed
        if self.kiosk is not None:
            self.kiosk.close()
        super().closeEvent(event)

    # -- Page -------------------------------------------------------------------
    def _announce(self, kinds: frozenset[str]) -> None:
        """Tell every screen what changed; this page reloads the card itself, right after."""
        self._own_change = True
        try:
            self.events.announce(kinds)
        finally:
            self._own_change = False

    def refresh(self) -> None:
        """Reload the categories and the customer being served (another screen may have changed them)."""
        try:
            self.entry.set_categories(self.shop.recent_categories())
            if self.status is not None and not self._own_change:
                status = self.shop.customer_status(self.status.customer.id)
                self._show_status(status if status.customer.active else None)
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))

    def focus_first(self) -> None:
        self.search.box.setFocus()

    # -- serving a customer -----------------------------------------------------
    def serve(self, customer_id: int) -> None:
        """Show `customer_id`'s card and get ready for their sale."""
        try:
            status = self.shop.customer_status(customer_id)
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))
            return
        self.search.clear()
        self.entry.reset()
        self.result_view.clear()
        self.nps.hide()  # the question was about the previous customer's sale
        self.say_problem("")
        self._show_status(status)
        self.entry.amount.setFocus()
        self.events.customer_selected.emit(customer_id)

    def _show_status(self, status: CustomerStatus | None) -> None:
        self.status = status
        self.panel.show_status(status)
        self.entry.has_customer = status is not None
        self.slip_button.setEnabled(status is not None)
        self._redeem_key = uuid.uuid4().hex  # a new card on screen: a new redemption may follow

    def _reload(self, customer_id: int | None) -> None:
        if customer_id is None:
            return
        try:
            self._show_status(self.shop.customer_status(customer_id))
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))

    def start_over(self) -> None:
        """Esc: skip the score question if it is asked; else clear everything and go back to the search."""
        if self.nps.isVisible():
            self.nps.hide()
            self._after_sale_done()
            return
        self.search.clear()
        self.entry.reset()
        self.result_view.clear()
        self.say_problem("")
        self._show_status(None)
        self.search.box.setFocus()

    def print_slip(self) -> None:
        """Ctrl+P: the served customer's balance slip (80 mm), previewed to print or save."""
        if self.status is None:
            self.say_problem(self.tr("Find a customer first."))
            return
        try:
            self.slip_dialog = open_balance_slip(self.shop, self.status.customer.id, self)
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))

    def say_problem(self, message: str) -> None:
        self.problem_label.setText(message)

    # -- selling ----------------------------------------------------------------
    def record_sale(self, amount: int, category: object, key: str, walk_in: bool) -> None:
        customer_id = None if walk_in or self.status is None else self.status.customer.id
        try:
            result = self.shop.record_sale(customer_id=customer_id, amount=amount, category=category, key=key)
        except LoyaltyError as exc:
            self.entry.show_error(error_text(exc))
            return
        self.entry.recorded()
        self.say_problem("")
        self._announce(result.changed)
        money = format_money(result.sale.amount, self.shop.currency, babel_locale())
        if result.duplicate:
            note = self.tr("This sale was already recorded; nothing was added.")
        elif customer_id is None:
            note = self.tr("Walk-in sale of {amount} recorded.").format(amount=money)
        else:
            note = self.tr("Sale of {amount} recorded.").format(amount=money)
        self.result_view.show_result(result.messages, note=note)
        if not result.duplicate:
            label = self.tr("Undo sale of {amount} (Ctrl+Z)").format(amount=money)
            self._push_undo(UndoStep("sale", result.sale.id, customer_id, label))
            self.score_target = ScoreTarget(result.sale.id, customer_id)
        self._reload(customer_id)
        if self.ask_score.isChecked() and not result.duplicate:
            self.nps.ask()
        else:
            self._after_sale_done()

    def _after_sale_done(self) -> None:
        self.search.box.setFocus()  # ready for the next customer in the queue

    # -- redeeming --------------------------------------------------------------
    def redeem_first(self) -> None:
        """F9: redeem the first reward that is ready."""
        ready = self.status.rewards_ready if self.status is not None else ()
        if not ready:
            name = self.status.customer.name if self.status is not None else ""
            self.say_problem(
                self.tr("No reward is ready for {name}.").format(name=isolate(name))
                if name
                else self.tr("Find a customer first.")
            )
            return
        self.redeem(ready[0].id)

    def redeem(self, reward_id: int) -> None:
        if self.status is None:
            return
        customer = self.status.customer
        try:
            result = self.shop.redeem(customer.id, reward_id, key=self._redeem_key)
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))
            return
        self.say_problem("")
        self._announce(result.changed)
        name = result.reward.name if result.reward is not None else result.give
        self.result_view.show_result(result.messages[1:], give=result.give)
        if not result.duplicate:
            label = self.tr("Undo {reward} for {name} (Ctrl+Z)").format(
                reward=isolate(name), name=isolate(customer.name)
            )
            self._push_undo(UndoStep("redemption", result.redemption.id, customer.id, label))
        self._reload(customer.id)

    def use_voucher(self, code: str) -> None:
        try:
            result = self.shop.redeem_voucher(code)
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))
            return
        self._announce(result.changed)
        self.result_view.show_result((), give=result.give, note=self.tr("Voucher {code} used.").format(code=code))
        self._reload(self.status.customer.id if self.status is not None else None)

    # -- undo -------------------------------------------------------------------
    def _push_undo(self, step: UndoStep) -> None:
        self.undo_steps = [*self.undo_steps, step][-self.UNDO_DEPTH :]
        self._update_undo_button()

    def _update_undo_button(self) -> None:
        last = self.undo_steps[-1] if self.undo_steps else None
        self.undo_button.setText(last.label if last is not None else self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setEnabled(last is not None)

    def undo(self) -> None:
        """Ctrl+Z: reverse the last sale (void it) or redemption (give the units back), once."""
        if not self.undo_steps:
            self.say_problem(self.tr("There is nothing to undo."))
            return
        step = self.undo_steps.pop()
        self._update_undo_button()
        try:
            if step.kind == "sale":
                result = self.shop.void_sale(step.id, reason=self.tr("Undone at the counter"))
            else:
                result = undo_redemption_in(self.shop, step.id)
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))
            return
        self.say_problem("")
        self._announce(result.changed)
        if step.kind == "sale" and self.score_target is not None and self.score_target.sale_id == step.id:
            self.score_target = None
        done = self.tr("Sale undone.") if step.kind == "sale" else ""
        self.result_view.show_result(result.messages, note=done, undo=True)
        if step.customer_id is not None:
            self._reload(step.customer_id)

    # -- enrolling --------------------------------------------------------------
    def open_enrol(self, searched: str = "") -> QuickEnrolDialog:
        """Ctrl+N: the quick enrol dialog, pre-filled with what was searched for (not blocking)."""
        dialog = QuickEnrolDialog(self.shop, searched, self)
        dialog.accepted.connect(lambda: self._enrolled(dialog))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.enrol_dialog = dialog
        dialog.open()
        return dialog

    def _enrolled(self, dialog: QuickEnrolDialog) -> None:
        self.enrol_dialog = None
        if dialog.result is not None:
            self._announce(dialog.result.changed)
            self.serve(dialog.result.customer.id)
        elif dialog.existing_id is not None:
            self.serve(dialog.existing_id)

    # -- scores -------------------------------------------------------------------
    def record_score(self, score: int, *, source: str) -> None:
        """Record a 0–10 answer about the last sale (if not answered yet), else about no sale."""
        target = self.score_target if self.score_target is not None and not self.score_target.answered else None
        try:
            self.shop.record_feedback(
                score=score,
                customer_id=target.customer_id if target else None,
                sale_id=target.sale_id if target else None,
                source=source,
            )
        except LoyaltyError as exc:
            self.say_problem(error_text(exc))
            return
        if target is not None:
            target.answered = True
        self._announce(frozenset({FEEDBACK}))
        self.result_view.note_label.setText(self.tr("Score {score} recorded. Thank you!").format(score=score))
        self.result_view.note_label.show()
        if source == "counter":
            self._after_sale_done()

    def open_kiosk(self) -> NpsKioskWindow:
        """Ctrl+K: the full-screen score window for the customer's screen."""
        if self.kiosk is None:
            self.kiosk = NpsKioskWindow(self.shop.settings["shop_name"], self)
            self.kiosk.answered.connect(lambda score: self.record_score(score, source="kiosk"))
        self.kiosk.reset()
        self.kiosk.showFullScreen()
        return self.kiosk
