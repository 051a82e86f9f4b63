"""`PrintChoices`: what to print — the document, who it is for, layout, paper, language, note text.

Only the choices that apply to the chosen document are shown: the audience for
notes and cards, the layout and the editable text for notes. `request(month)`
turns them into a `PrintRequest` for the worker."""

from __future__ import annotations

from datetime import date

from babel import Locale
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from smallbiz_loyalty.core.i18n import LANGUAGES
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.reports.documents import (
    CARDS,
    CHOSEN,
    DOCUMENTS,
    EVERYONE,
    LAYOUTS,
    MONTHLY,
    NEW,
    NOTE_KINDS,
    OWN,
    PAPERS,
    PrintRequest,
)
from smallbiz_loyalty.ui.reports.note_text import NoteTextEditor

FSI, PDI = "\u2068", "\u2069"  # a customer's name keeps its own direction inside the sentence


class PrintChoices(QWidget):
    """The form of choices; `changed` is emitted when one of them changes."""

    changed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.month_title = ""
        self.chosen: tuple[int, str] | None = None  # (id, name): the customer chosen on another screen
        self.document_box = QComboBox()
        titles = {
            MONTHLY: self.tr("Monthly report"),
            "thank-you": self.tr("Thank-you notes"),
            "birthday": self.tr("Birthday cards"),
            "win-back": self.tr("“We miss you” notes"),
            CARDS: self.tr("Loyalty cards"),
        }
        for document in DOCUMENTS:
            self.document_box.addItem(titles[document], document)
        self.audience_box = QComboBox()
        self.layout_box = QComboBox()
        self.layout_box.addItem(self.tr("4 cards per sheet (A6, with cut marks)"), LAYOUTS[0])
        self.layout_box.addItem(self.tr("1 folded card per sheet"), LAYOUTS[1])
        self.paper_box = QComboBox()
        for paper, title in zip(PAPERS, (self.tr("A4"), self.tr("Letter")), strict=True):
            self.paper_box.addItem(title, paper)
        self.language_box = QComboBox()
        for lang in LANGUAGES:
            self.language_box.addItem(Locale.parse(lang).get_display_name(lang), lang)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(shop.settings["language"])))
        self.about_label = QLabel()  # what the chosen document is, in one or two sentences
        self.about_label.setWordWrap(True)
        self.about_label.setStyleSheet("color: #5f6368;")
        self.note_text = NoteTextEditor(shop)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Document:"), self.document_box)
        self.form.addRow(self.tr("&For:"), self.audience_box)
        self.form.addRow(self.tr("La&yout:"), self.layout_box)
        self.form.addRow(self.tr("&Paper:"), self.paper_box)
        self.form.addRow(self.tr("&Language:"), self.language_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.about_label)
        column.addWidget(self.note_text, 1)
        column.addStretch(0)  # takes the room when the note text is hidden: the choices stay together
        for box in (self.document_box, self.audience_box, self.layout_box, self.paper_box, self.language_box):
            box.currentIndexChanged.connect(self._on_choice)
            # Long choices ("4 cards per sheet …") may be cut in a small window rather than widen it.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        self._show_applicable()

    # -- state -------------------------------------------------------------------
    def document(self) -> str:
        return self.document_box.currentData()

    def language(self) -> str:
        return self.language_box.currentData()

    def choose(self, *, document: str | None = None, lang: str | None = None, audience: str | None = None) -> None:
        """Set choices as a user would (for the keyboard-less paths: tests and the screenshot)."""
        for box, value in ((self.document_box, document), (self.language_box, lang), (self.audience_box, audience)):
            if value is not None:
                box.setCurrentIndex(box.findData(value))

    def set_month(self, title: str) -> None:
        self.month_title = title
        self._fill_audiences()

    def set_chosen(self, customer_id: int, name: str) -> None:
        """Offer "only this customer" (the one being served at the counter)."""
        self.chosen = (customer_id, name)
        self._fill_audiences()

    def request(self, month: date) -> PrintRequest:
        """The choices as a request; `InvalidInput` when the note text has a bad placeholder."""
        document = self.document()
        audience = self.audience_box.currentData() or OWN
        template = self.note_text.checked_text() if document in NOTE_KINDS else None
        return PrintRequest(
            document=document,
            month=month,
            lang=self.language(),
            paper=self.paper_box.currentData(),
            layout=self.layout_box.currentData(),
            audience=audience,
            ids=(self.chosen[0],) if audience == CHOSEN and self.chosen else (),
            template=template,
        )

    # -- showing what applies ----------------------------------------------------
    def _on_choice(self) -> None:
        if self.sender() is self.document_box:
            self._fill_audiences()
        self._show_applicable()
        self.changed.emit()

    def _show_applicable(self) -> None:
        document = self.document()
        notes = document in NOTE_KINDS
        self.form.setRowVisible(self.audience_box, document != MONTHLY)
        self.form.setRowVisible(self.layout_box, notes)
        self.note_text.setVisible(notes)
        self.about_label.setText(self._about(document))
        if notes:
            self.note_text.show_kind(document, self.language())

    def _about(self, document: str) -> str:
        return {
            MONTHLY: self.tr(
                "For you, the owner: the month's figures beside the month before, in plain words and charts,"
                " with the customers to call, thank or celebrate."
            ),
            "thank-you": self.tr(
                "A personal thank-you for each first-time customer, with their balance and next reward."
                " Only customers who accept printed notes get one."
            ),
            "birthday": self.tr(
                "A birthday card with the gift and its QR code. Print them ahead: choose next month."
                " Only customers who accept printed notes get one."
            ),
            "win-back": self.tr(
                "A friendly note for regulars who have not come back lately, with what is waiting for them."
                " Only customers who accept printed notes get one."
            ),
            CARDS: self.tr("Loyalty cards the size of a bank card, 10 to a sheet, with the card code as a QR code."),
        }[document]

    def _fill_audiences(self) -> None:
        """The audiences of the chosen document, keeping the current one when it still applies."""
        document, current = self.document(), self.audience_box.currentData()
        month = self.month_title
        own = {
            "thank-you": self.tr("First-time customers of {month}").format(month=month),
            "birthday": self.tr("Customers with a birthday in {month}").format(month=month),
            "win-back": self.tr("Regulars who have not come back lately"),
        }
        if document == CARDS:
            options = [(self.tr("All customers"), EVERYONE), (own["thank-you"], NEW)]
        elif document in own:
            options = [(own[document], OWN)]
        else:
            options = []
        if self.chosen is not None and document != MONTHLY:
            options.append((self.tr("Only {name}").format(name=FSI + self.chosen[1] + PDI), CHOSEN))
        self.audience_box.blockSignals(True)  # one `changed` for the whole refill
        self.audience_box.clear()
        for title, value in options:
            self.audience_box.addItem(title, value)
        self.audience_box.setCurrentIndex(max(0, self.audience_box.findData(current)))
        self.audience_box.blockSignals(False)

    def refresh(self) -> None:
        """The settings may have changed (another screen saved a note text)."""
        if self.document() in NOTE_KINDS:
            self.note_text.show_kind(self.document(), self.language())
