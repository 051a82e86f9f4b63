"""`MainWindow`: the shop's window — a navigation bar and a stack of screens.

Counter (home), Customers, Dashboard, Reports and Settings, each one key away
(F1–F5 or Ctrl+1…5). Pages are built the first time they are shown, all on one
`ShopEvents` bus, and each puts the keyboard focus where its work starts (the
counter's search box) whenever it is shown. A brand-new shop opens on the
welcome instead. The title names the shop; the status bar, who is signed in."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.events import ShopEvents
from smallbiz_loyalty.ui.page import Page
from smallbiz_loyalty.ui.welcome import WelcomePage, needs_welcome
from smallbiz_loyalty.ui.worker import BackgroundJob


@dataclass(frozen=True)
class Screen:
    name: str  # as given to --screen
    title: str  # English source; translated in the "MainWindow" context
    module: str
    class_name: str


SCREENS = (
    Screen("counter", "Counter", "smallbiz_loyalty.ui.counter.page", "CounterPage"),
    Screen("customers", "Customers", "smallbiz_loyalty.ui.customers.page", "CustomersPage"),
    Screen("dashboard", "Dashboard", "smallbiz_loyalty.ui.dashboard.page", "DashboardPage"),
    Screen("reports", "Reports", "smallbiz_loyalty.ui.reports.page", "ReportsPage"),
    Screen("settings", "Settings", "smallbiz_loyalty.ui.settings.page", "SettingsPage"),
)
SCREEN_NAMES = tuple(s.name for s in SCREENS)
HOME = "counter"
WELCOME = "welcome"
_FSI, _PDI = "\u2068", "\u2069"  # first-strong isolate: text laid out in its own direction
# The screen being shown stands out in the navigation bar.
NAV_STYLE = (
    "QPushButton { text-align: center; padding: 6px; }"
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text); font-weight: bold; }"
)


def screen_title(screen: Screen) -> str:
    # The titles are literals in SCREENS; these calls let the extractor see them.
    titles = {
        "counter": QCoreApplication.translate("MainWindow", "Counter"),
        "customers": QCoreApplication.translate("MainWindow", "Customers"),
        "dashboard": QCoreApplication.translate("MainWindow", "Dashboard"),
        "reports": QCoreApplication.translate("MainWindow", "Reports"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
    }
    return titles[screen.name]


class PendingPage(Page):
    """Stands in for a screen whose module is not in this build yet."""

    def __init__(self, shop: Shop, events: ShopEvents, title: str, parent: QWidget | None = None) -> None:
        super().__init__(shop, events, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label = QLabel(self.tr("The {screen} screen is not part of this version yet.").format(screen=title))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)


def _page_class(screen: Screen) -> type[Page] | None:
    """The screen's page class, or None when its module does not exist (yet)."""
    try:
        module = importlib.import_module(screen.module)
    except ModuleNotFoundError as exc:
        # Only the page's own module may be missing; a broken import inside it is a bug to see.
        if exc.name and screen.module.startswith(exc.name):
            return None
        raise
    return getattr(module, screen.class_name)


class MainWindow(QMainWindow):
    """The navigation bar, the pages, the shop's name in the title and the staff member below."""

    def __init__(self, shop: Shop, *, screen: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if screen is not None and screen not in SCREEN_NAMES:
            raise ValueError(f"unknown screen {screen!r}; expected one of {SCREEN_NAMES}")
        self.shop = shop
        self.events = ShopEvents(self)
        self._pages: dict[str, QWidget] = {}
        self._current = ""
        self.stack = QStackedWidget()
        self.nav = self._make_nav()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.staff_label = QLabel()
        self.statusBar().addPermanentWidget(self.staff_label)
        self._make_shortcuts()
        self._retitle()
        self.events.changed.connect(self._on_changed)
        geometry = preferences.load(preferences.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        if screen is None and needs_welcome(shop):
            self.show_welcome()
        else:
            self.show_screen(screen or HOME)

    # -- navigation -------------------------------------------------------
    def _make_nav(self) -> QFrame:
        nav = QFrame()
        nav.setObjectName("nav")
        nav.setFrameShape(QFrame.Shape.StyledPanel)
        nav.setStyleSheet(NAV_STYLE)
        column = QVBoxLayout(nav)
        column.setContentsMargins(8, 12, 8, 12)
        column.setSpacing(6)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QPushButton] = {}
        for number, screen in enumerate(SCREENS, start=1):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # clicking must not steal the search box's focus
            button.setMinimumSize(132, 58)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)
            button.setFont(font)
            button.clicked.connect(lambda _checked=False, name=screen.name: self.show_screen(name))
            self.nav_group.addButton(button, number)
            self.nav_buttons[screen.name] = button
            column.addWidget(button)
        column.addStretch(1)
        return nav

    def _make_shortcuts(self) -> None:
        for number, screen in enumerate(SCREENS, start=1):
            for keys in (f"F{number}", f"Ctrl+{number}"):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.activated.connect(lambda name=screen.name: self.show_screen(name))

    def _retitle(self) -> None:
        """Texts that depend on the language or the settings."""
        settings = self.shop.settings
        self.setWindowTitle(self.tr("{shop} — Customer loyalty").format(shop=_FSI + settings["shop_name"] + _PDI))
        for number, screen in enumerate(SCREENS, start=1):
            button = self.nav_buttons[screen.name]
            button.setText(f"{screen_title(screen)}\nF{number}")
            button.setToolTip(
                self.tr("{screen} (F{number} or Ctrl+{number})").format(screen=screen_title(screen), number=number)
            )
        self.staff_label.setText(self._staff_text())

    def refresh_staff(self) -> None:
        """Show who is signed in now (after a sign-in switched the staff member)."""
        self._retitle()

    def _staff_text(self) -> str:
        shop = _FSI + self.shop.settings["shop_name"] + _PDI  # a mixed Arabic/Latin name keeps its own order
        try:
            member = self.shop.current_staff()
        except LoyaltyError:
            return self.tr("{shop} · Signed in: unknown staff member").format(shop=shop)
        role = self.tr("Owner") if member.is_owner else self.tr("Cashier")
        name = _FSI + member.name + _PDI
        if member.name.casefold() in (role.casefold(), member.role.casefold()):
            return self.tr("{shop} · Signed in: {name}").format(shop=shop, name=name)
        return self.tr("{shop} · Signed in: {name} ({role})").format(shop=shop, name=name, role=role)

    def page(self, name: str) -> QWidget:
        """The page of screen `name`, built the first time it is asked for."""
        if name not in self._pages:
            if name == WELCOME:
                page: QWidget = WelcomePage(self.shop, self.events)
                page.finished.connect(self._on_welcome_finished)
            else:
                screen = SCREENS[SCREEN_NAMES.index(name)]
                page_class = _page_class(screen)
                if page_class is None:
                    page = PendingPage(self.shop, self.events, screen_title(screen))
                else:
                    page = page_class(self.shop, self.events)
                    switched = getattr(page, "language_switched", None)  # the settings page's "Switch now"
                    if switched is not None:
                        switched.connect(self._follow_language)
            page.setObjectName(f"{name}_page")
            self._pages[name] = page
            self.stack.addWidget(page)
        return self._pages[name]

    def current_screen(self) -> str:
        return self._current

    def show_screen(self, name: str) -> QWidget:
        """Show screen `name` and put the focus where its work starts."""
        page = self.page(name)
        self._current = name
        self.stack.setCurrentWidget(page)
        if name in self.nav_buttons:
            self.nav_buttons[name].setChecked(True)
        else:  # the welcome belongs to no button
            self.nav_group.setExclusive(False)
            for button in self.nav_buttons.values():
                button.setChecked(False)
            self.nav_group.setExclusive(True)
        if isinstance(page, Page):
            page.focus_first()
        return page

    def show_welcome(self) -> WelcomePage:
        page = self.show_screen(WELCOME)
        assert isinstance(page, WelcomePage)
        return page

    def _on_welcome_finished(self) -> None:
        self.show_screen(HOME)
        if self.shop.settings["language"] != i18n.language():  # chosen in the welcome's form
            self._follow_language(self.shop.settings["language"])
        welcome = self._pages.pop(WELCOME, None)
        if isinstance(welcome, WelcomePage) and welcome.summary:
            self.statusBar().showMessage(welcome.summary, 15_000)
        if welcome is not None:  # deleted after the slot that emitted `finished` has returned
            self.stack.removeWidget(welcome)
            welcome.deleteLater()

    # -- changes ----------------------------------------------------------
    def _on_changed(self, kinds: frozenset[str]) -> None:
        if SETTINGS in kinds:
            self._retitle()

    def _follow_language(self, language: str) -> None:
        """After the page that changed the language has returned, show every page in it."""
        QTimer.singleShot(0, self, lambda: self.switch_language(language))

    def switch_language(self, language: str) -> None:
        """Show everything in `language` now: the pages are rebuilt in it, the current one shown again."""
        from smallbiz_loyalty.ui.app import apply_language  # app.py imports this module

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_language(app, language)
        self.wait_for_background_work(cancel=True)  # no page may go while its worker thread runs
        current = self._current
        for name, page in list(self._pages.items()):
            if name != WELCOME:
                del self._pages[name]
                self.stack.removeWidget(page)
                page.deleteLater()
        self._retitle()
        self.show_screen(current if current else HOME)

    # -- window -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.focus_first()

    def wait_for_background_work(self, *, cancel: bool = False, ms: int = 30_000) -> None:
        """Wait for the pages' worker threads (cancelled first if asked), then deliver their results."""
        jobs = self.findChildren(BackgroundJob)
        for job in jobs:
            if cancel:
                job.cancel()
            job.wait(ms)
        if jobs:
            QCoreApplication.processEvents()

    def closeEvent(self, event: QCloseEvent) -> None:
        preferences.save(preferences.WINDOW_GEOMETRY, self.saveGeometry())
        # A running worker must end before its page (and the shop) can go: Qt aborts on a live QThread.
        self.wait_for_background_work(cancel=True)
        super().closeEvent(event)
