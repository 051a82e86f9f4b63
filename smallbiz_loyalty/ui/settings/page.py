"""`SettingsPage`: the shop profile, the loyalty programmes with their tiers and rewards,
and the staff, one tab each.

After a change is saved the page announces "settings" so the other screens refresh;
it does not reload itself on its own announcement (that would drop what is being
typed in another form). When the language setting changes, a banner offers to
switch the window's language now; otherwise it applies at the next start."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.shop import SETTINGS, Shop
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.settings.catalogue_panel import CataloguePanel
from smallbiz_loyalty.ui.settings.profile_panel import LANGUAGE_NAMES, ProfilePanel
from smallbiz_loyalty.ui.settings.programme_panel import ProgrammePanel
from smallbiz_loyalty.ui.settings.staff_panel import StaffPanel


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class SettingsPage(Page):
    """Three tabs: Shop, Programmes & rewards, Staff; `language_switched(lang)` after "Switch now"."""

    KINDS = frozenset({SETTINGS})
    language_switched = Signal(str)

    def __init__(self, shop: Shop, events: ShopEvents, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self._announcing = False
        self.profile = ProfilePanel(shop, self._announce)
        self.profile.language_saved.connect(self._offer_language)
        self.programmes = ProgrammePanel(shop, self._announce)
        self.catalogue = CataloguePanel(shop, self._announce)
        self.programmes.selected.connect(self.catalogue.show_programme)
        self.catalogue.rewards_changed.connect(self.programmes.reload_rewards_choice)
        self.programmes.refresh()
        self.catalogue.show_programme(self.programmes.editing)
        self.staff = StaffPanel(shop)

        splitter = QSplitter()
        splitter.addWidget(_scrolled(self.programmes))
        splitter.addWidget(_scrolled(self.catalogue))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.profile, "")
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.staff, "")

        self.language_banner = QFrame()
        self.language_banner.setStyleSheet("QFrame { background: #fef3c7; border-radius: 4px; }")
        self.language_label = QLabel()
        self.language_label.setWordWrap(True)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self.switch_language)
        banner = QHBoxLayout(self.language_banner)
        banner.addWidget(self.language_label, 1)
        banner.addWidget(self.switch_button)
        self.language_banner.hide()
        self._new_language = ""

        layout = QVBoxLayout(self)
        layout.addWidget(self.language_banner)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # -- changes ----------------------------------------------------------------
    def _announce(self) -> None:
        """Tell the other screens; this page already shows what it saved."""
        self._announcing = True
        try:
            self.events.announce(frozenset({SETTINGS}))
        finally:
            self._announcing = False

    def refresh(self) -> None:
        """Read everything again (another window changed it), keeping unsaved profile edits."""
        if self._announcing:
            return
        if not self.profile.changes():
            self.profile.load()
        self.programmes.refresh()
        self.staff.refresh()

    def focus_first(self) -> None:
        self.tabs.setFocus()

    # -- language ---------------------------------------------------------------
    def _offer_language(self, lang: str) -> None:
        if lang == i18n.language():
            self.language_banner.hide()
            return
        self._new_language = lang
        self._show_banner_text()
        self.language_banner.show()
        self.switch_button.setFocus()

    def _show_banner_text(self) -> None:
        name = LANGUAGE_NAMES.get(self._new_language, self._new_language)
        self.language_label.setText(
            self.tr("The shop's language is now {language}. Switch the window now, or it applies at the next start.")
            .format(language=name)
        )  # fmt: skip
        self.switch_button.setText(self.tr("Switch &now"))

    def switch_language(self) -> None:
        """Show the whole window in the saved language now (translations and direction)."""
        from smallbiz_loyalty.ui.app import apply_language  # app imports the window, which imports pages

        app = QApplication.instance()
        if not self._new_language or not isinstance(app, QApplication):
            return
        apply_language(app, self._new_language)
        # Qt tells every widget (LanguageChange) only while its event loop runs; this page
        # relabels itself at once either way, and `language_switched` lets the window follow.
        self.retranslate()
        self.language_banner.hide()
        self.language_switched.emit(self._new_language)

    def retranslate(self) -> None:
        for index, title in enumerate((self.tr("&Shop"), self.tr("&Programmes and rewards"), self.tr("S&taff"))):
            self.tabs.setTabText(index, title)
        self.profile.retranslate()
        self.programmes.retranslate()
        self.catalogue.retranslate()
        self.staff.retranslate()
        if self._new_language:
            self._show_banner_text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
