"""`ActionListsWidget`: the dashboard's lists to act on, one tab each — customers at risk,
birthdays in the next 30 days, the month's top customers and unhappy answers to follow up.

Enter or a double click on a customer asks the window to open them (`customer_activated`).
"Mark handled…" asks what was done (`HandledDialog`, never blocking) and records it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core.birthdays import UpcomingBirthday
from smallbiz_loyalty.core.dashboard_data import Dashboard
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.feedback import Feedback
from smallbiz_loyalty.core.i18n import babel_locale
from smallbiz_loyalty.core.money import format_money, format_number
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.segments import CustomerLine
from smallbiz_loyalty.core.shop import FEEDBACK, Shop
from smallbiz_loyalty.ui.dashboard.rows_model import RowsTableModel
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.formatting import format_day

_LTR_ISOLATE, _POP_ISOLATE = "\u2066", "\u2069"  # phone numbers stay left to right in Arabic


def _table(model: RowsTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class HandledDialog(QDialog):
    """Asks what was done about an unhappy answer; `note()` once accepted."""

    def __init__(self, answer: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer = answer
        self.setWindowTitle(self.tr("Mark handled"))
        who = answer.customer_name or ""
        intro = QLabel(
            self.tr("{name} answered {score} out of 10. What was done?").format(name=who, score=answer.score)
        )
        intro.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("For example: called her, offered a free coffee"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.note_edit.setFocus()

    def note(self) -> str:
        return self.note_edit.toPlainText()


class ActionListsWidget(QTabWidget):
    """Four tabs of customers to act on."""

    customer_activated = Signal(int)

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._events = events
        self.at_risk_model = RowsTableModel([""] * 5, numeric=(2, 3), parent=self)
        self.birthdays_model = RowsTableModel([""] * 4, parent=self)
        self.top_model = RowsTableModel([""] * 4, numeric=(2, 3), parent=self)
        self.follow_ups_model = RowsTableModel([""] * 4, numeric=(2,), parent=self)
        self.tables = [_table(m) for m in self._models()]
        for table in self.tables:
            table.activated.connect(self._on_activated)
        self.handle_button = QPushButton()
        self.handle_button.clicked.connect(self.ask_handled)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.handled_dialog: HandledDialog | None = None
        follow_ups = QWidget()
        column = QVBoxLayout(follow_ups)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tables[3], 1)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.handle_button)
        column.addLayout(row)
        for page in (*self.tables[:3], follow_ups):
            self.addTab(page, "")
        self._counts = [0, 0, 0, 0]
        self.retranslate()

    def _models(self) -> list[RowsTableModel]:
        return [self.at_risk_model, self.birthdays_model, self.top_model, self.follow_ups_model]

    def retranslate(self) -> None:
        name, phone = self.tr("Name"), self.tr("Phone")
        self.at_risk_model.set_headers([name, phone, self.tr("Visits"), self.tr("Spent"), self.tr("Last visit")])
        self.birthdays_model.set_headers([name, phone, self.tr("Birthday"), self.tr("When")])
        self.top_model.set_headers([name, phone, self.tr("Visits"), self.tr("Spent")])
        self.follow_ups_model.set_headers([self.tr("Date"), name, self.tr("Score"), self.tr("Comment")])
        self.handle_button.setText(self.tr("&Mark handled…"))
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        titles = (self.tr("At risk ({count})"), self.tr("Birthdays ({count})"), self.tr("Top customers ({count})"),
                  self.tr("Follow-ups ({count})"))  # fmt: skip
        for index, title in enumerate(titles):
            self.setTabText(index, title.format(count=format_number(self._counts[index], babel_locale())))

    # -- filling -----------------------------------------------------------
    def show_dashboard(self, board: Dashboard) -> None:
        self.at_risk_model.set_rows([(line, self._line_texts(line, last=True)) for line in board.at_risk])
        self.birthdays_model.set_rows([(b, self._birthday_texts(b)) for b in board.birthdays])
        self.top_model.set_rows([(line, self._line_texts(line, last=False)) for line in board.top_customers])
        self.follow_ups_model.set_rows([(f, self._answer_texts(f)) for f in board.follow_ups])
        self._counts = [m.rowCount() for m in self._models()]
        self._update_tab_titles()
        self.handle_button.setEnabled(bool(board.follow_ups))

    def _phone(self, phone: str | None) -> str:
        shown = format_phone(phone, self._shop.region) if phone else ""
        return f"{_LTR_ISOLATE}{shown}{_POP_ISOLATE}" if shown else ""

    def _line_texts(self, line: CustomerLine, *, last: bool) -> Sequence[str]:
        locale = babel_locale()
        texts = [line.name, self._phone(line.phone), format_number(line.purchases, locale),
                 format_money(line.spend, self._shop.currency, locale)]  # fmt: skip
        if last:
            texts.append(format_day(line.last_purchase) if line.last_purchase else "")
        return texts

    def _birthday_texts(self, upcoming: UpcomingBirthday) -> Sequence[str]:
        if upcoming.days == 0:
            when = self.tr("Today")
        elif upcoming.days == 1:
            when = self.tr("Tomorrow")
        else:
            when = self.tr("In {days} days").format(days=format_number(upcoming.days, babel_locale()))
        if upcoming.gift_issued:
            when = self.tr("{when} — gift given").format(when=when)
        customer = upcoming.customer
        return [customer.name, self._phone(customer.phone), format_day(upcoming.birthday), when]

    def _answer_texts(self, answer: Feedback) -> Sequence[str]:
        score = format_number(answer.score, babel_locale())
        return [format_day(answer.business_date), answer.customer_name or "", score, answer.comment]

    # -- acting ------------------------------------------------------------
    def _on_activated(self, index: object) -> None:
        model = index.model()  # type: ignore[attr-defined]
        record = model.record(index.row()) if isinstance(model, RowsTableModel) else None  # type: ignore[attr-defined]
        customer_id = getattr(record, "customer_id", None)
        if customer_id is None and isinstance(record, UpcomingBirthday):
            customer_id = record.customer.id
        if customer_id is not None:
            self.customer_activated.emit(customer_id)

    def selected_answer(self) -> Feedback | None:
        rows = self.tables[3].selectionModel().selectedRows()
        row = rows[0].row() if rows else 0  # the oldest waits longest: it is the one to call first
        return self.follow_ups_model.record(row)

    def ask_handled(self) -> None:
        """Open the "what was done?" dialog for the selected (or oldest) unhappy answer."""
        answer = self.selected_answer()
        if answer is None:
            return
        dialog = HandledDialog(answer, self)
        dialog.accepted.connect(lambda: self.mark_handled(dialog))
        self.handled_dialog = dialog
        dialog.open()  # window-modal but not blocking

    def mark_handled(self, dialog: HandledDialog) -> bool:
        """Record what was done; on a refusal reopen the dialog with the sentence."""
        try:
            self._shop.mark_feedback_handled(dialog.answer.id, note=dialog.note())
        except LoyaltyError as exc:
            dialog.error_label.setText(error_text(exc))
            dialog.open()
            return False
        self.status_label.setText(
            self.tr("Follow-up with {name} recorded.").format(name=dialog.answer.customer_name or "")
        )
        self.handled_dialog = None
        self._events.announce(frozenset({FEEDBACK}))
        return True
