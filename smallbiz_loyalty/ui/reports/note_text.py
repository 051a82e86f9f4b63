"""`NoteTextEditor`: the owner's text of a kind of note, with its placeholders, checked and saved.

The box shows the owner's saved text, or the built-in one in the note's language.
Generate prints what is in the box (so a change can be seen before it is kept);
Save keeps it in the shop's settings (owner only: the shop refuses a cashier).
A placeholder the app cannot fill in is named in one sentence under the box,
and nothing is printed or saved."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.templates import LABELS, PLACEHOLDERS, SETTING_KEYS, check_template, default_template
from smallbiz_loyalty.ui.errors import error_text
from smallbiz_loyalty.ui.reports.preview import ERROR_STYLE

LTR_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"
SAVED_STYLE = "color: #1e7b34;"


class _NoteBox(QPlainTextEdit):
    """A text box that asks for a few lines only and grows into the room that is left
    (its own tall size hint would push the choices beside it into a scroll bar)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class NoteTextEditor(QWidget):
    """The text of one kind of note; `saved` carries the kinds of data a save changed."""

    saved = Signal(frozenset)

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.kind = "thank-you"
        self.lang = "en"
        self.box = _NoteBox()
        self.box.setTabChangesFocus(True)
        self.box.setMinimumHeight(110)
        self.box.textChanged.connect(self._typed)
        self.title_label = QLabel()
        self.title_label.setBuddy(self.box)
        links = " ".join(f'<a href="{name}">{LTR_ISOLATE}{{{name}}}{POP_ISOLATE}</a>' for name in PLACEHOLDERS)
        self.placeholders_label = QLabel(self.tr("Placeholders (click to insert): {links}").format(links=links))
        self.placeholders_label.setWordWrap(True)
        self.placeholders_label.setTextFormat(Qt.TextFormat.RichText)
        self.placeholders_label.linkActivated.connect(self.insert_placeholder)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save this text"))
        self.save_button.clicked.connect(self.save)
        self.built_in_button = QPushButton(self.tr("Use the built-in text"))
        self.built_in_button.clicked.connect(self.use_built_in)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.built_in_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title_label)
        column.addWidget(self.box)
        column.addWidget(self.placeholders_label)
        column.addLayout(buttons)
        column.addWidget(self.message_label)

    def show_kind(self, kind: str, lang: str, *, keep_typing: bool = True) -> None:
        """Show the text of `kind` notes in `lang`; what the owner typed and has not saved stays."""
        changed = (kind, lang) != (self.kind, self.lang)
        self.kind, self.lang = kind, lang
        self.title_label.setText(self.tr("&{label}:").format(label=_(LABELS[kind])))
        if changed or not keep_typing or not self.box.document().isModified():
            self.box.setPlainText(self.shop.note_template(kind, lang))
            self.box.document().setModified(False)
            self.say("")
        self._update_buttons()

    def text(self) -> str:
        return self.box.toPlainText()

    def checked_text(self) -> str:
        """The text in the box, ready to print; `InvalidInput` (shown under the box) if a placeholder is bad."""
        try:
            return check_template(self.text(), field=SETTING_KEYS[self.kind], label=_(LABELS[self.kind]))
        except LoyaltyError as exc:
            self.say(error_text(exc), problem=True)
            raise

    def insert_placeholder(self, name: str) -> None:
        self.box.insertPlainText("{" + name + "}")
        self.box.setFocus()

    def save(self) -> bool:
        """Keep the text in the settings; the built-in text unchanged is kept as "use the built-in one",
        so it follows the language of each print."""
        text = self.text()
        value = "" if text.strip() == default_template(self.kind, self.lang).strip() else text
        if not self._store(value):
            return False
        self.say(self.tr("Saved. Printed notes use this text from now on."), saved=True)
        return True

    def use_built_in(self) -> bool:
        """Forget the owner's text: notes use the built-in one in their language."""
        if not self._store(""):
            return False
        self.show_kind(self.kind, self.lang, keep_typing=False)
        self.say(self.tr("The built-in text is used again."), saved=True)
        return True

    def _store(self, value: str) -> bool:
        try:
            self.shop.set_settings(**{SETTING_KEYS[self.kind]: value})
        except LoyaltyError as exc:
            self.say(error_text(exc), problem=True)
            return False
        self.box.document().setModified(False)
        self._update_buttons()
        self.saved.emit(frozenset({SETTINGS}))
        return True

    def say(self, message: str, *, problem: bool = False, saved: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if problem else SAVED_STYLE if saved else "")
        self.message_label.setText(message)

    def _typed(self) -> None:
        if self.box.document().isModified():
            self.say("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.box.document().isModified())
        self.built_in_button.setEnabled(bool(self.shop.settings.get(SETTING_KEYS[self.kind], "").strip()))
