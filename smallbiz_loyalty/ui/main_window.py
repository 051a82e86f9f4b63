"""`MainWindow`: the shop's window — a navigation bar and a stack of screens.

Counter (home), Customers, Dashboard, Reports and Settings, each one key away
(F1–F5 or Ctrl+1…5). Pages are built the first time they are shown, all on one
`ShopEvents` bus, and each puts the keyboard focus where its work starts (the
counter's search box) whenever it is shown. A brand-new shop opens on the
welcome instead. The title names the shop; the status bar, who is signed in.

The owner's screens (Dashboard, Reports, Settings) are greyed out for a cashier,
with the core's refusal as tooltip. "Data & safety…" (F6) opens backups, checks,
the audit log and staff PINs. A lock screen can cover everything (`set_cover`);
`closing` lets the automatic backup run before the window goes."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
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

from smallbiz_loyalty.core import i18n, permissions
from smallbiz_loyalty.core.changes import SETTINGS
from smallbiz_loyalty.core.errors import LoyaltyError, PermissionDenied
from smallbiz_loyalty.core.health import RestoreResult
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
    action: str | None = None  # the owner-only action (core/permissions.py) the screen needs


SCREENS = (
    Screen("counter", "Counter", "smallbiz_loyalty.ui.counter.page", "CounterPage"),
    Screen("customers", "Customers", "smallbiz_loyalty.ui.customers.page", "CustomersPage"),
    Screen("dashboard", "Dashboard", "smallbiz_loyalty.ui.dashboard.page", "DashboardPage", "reports"),
    Screen("reports", "Reports", "smallbiz_loyalty.ui.reports.page", "ReportsPage", "reports"),
    Screen("settings", "Settings", "smallbiz_loyalty.ui.settings.page", "SettingsPage", "settings"),
)
SCREEN_NAMES = tuple(s.name for s in SCREENS)
HOME = "counter"
WELCOME = "welcome"
SAFETY_KEY = "F6"
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

    closing = Signal()  # the window is about to close (the automatic backup runs then)
    restored = Signal(object)  # a backup was restored from "Data & safety" (a `RestoreResult`)

    def __init__(self, shop: Shop, *, screen: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if screen is not None and screen not in SCREEN_NAMES:
            raise ValueError(f"unknown screen {screen!r}; expected one of {SCREEN_NAMES}")
        self.shop = shop
        self.events = ShopEvents(self)
        self._pages: dict[str, QWidget] = {}
        self._current = ""
        self._staff_id = shop.staff_id
        self._shortcuts: list[QShortcut] = []
        self.safety_dialog: QWidget | None = None
        self.stack = QStackedWidget()
        self.nav = self._make_nav()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.notices = QVBoxLayout()  # warning bars across the window (`add_notice`)
        column.addLayout(self.notices)
        row = QHBoxLayout()
        column.addLayout(row, 1)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        # The lock screen takes the content's place: hidden pages answer no shortcut.
        self.cover_stack = QStackedWidget()
        self.cover_stack.addWidget(content)
        self.setCentralWidget(self.cover_stack)
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
        self.safety_button = QPushButton()
        self.safety_button.setObjectName("safety_button")
        self.safety_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.safety_button.setMinimumSize(132, 46)
        self.safety_button.clicked.connect(self.open_safety)
        column.addWidget(self.safety_button)
        return nav

    def _make_shortcuts(self) -> None:
        for number, screen in enumerate(SCREENS, start=1):
            for keys in (f"F{number}", f"Ctrl+{number}"):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.activated.connect(lambda name=screen.name: self.show_screen(name))
                self._shortcuts.append(shortcut)
        safety = QShortcut(QKeySequence(SAFETY_KEY), self)
        safety.activated.connect(self.open_safety)
        self._shortcuts.append(safety)

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
        # "&&": a lone "&" on a button marks a keyboard accelerator, not the character.
        self.safety_button.setText(self.tr("Data & safety…").replace("&", "&&") + f"\n{SAFETY_KEY}")
        self.safety_button.setToolTip(
            self.tr("Backups, checks, the audit log and staff PINs ({key})").format(key=SAFETY_KEY)
        )
        self.staff_label.setText(self._staff_text())
        self._apply_permissions()

    def refresh_staff(self) -> None:
        """Show who is signed in now (after a sign-in switched the staff member): the name, the
        screens they may use, and — when someone else took over — every page built afresh for them."""
        if self.shop.staff_id != self._staff_id:
            self._staff_id = self.shop.staff_id
            self.rebuild_pages()
        else:
            self._retitle()
        if self._current and self.refusal(self._current):
            self.show_screen(HOME)

    def refusal(self, name: str) -> str:
        """Why the signed-in staff member may not open screen `name` (the core's sentence), or ""."""
        action = next((s.action for s in SCREENS if s.name == name), None)
        if action is None:
            return ""
        try:
            permissions.require(self.shop.current_staff(), action)
        except PermissionDenied as exc:
            return exc.message
        except LoyaltyError:  # an unknown staff member: the pages' own calls will say so
            pass
        return ""

    def _apply_permissions(self) -> None:
        for name, button in self.nav_buttons.items():
            refusal = self.refusal(name)
            button.setEnabled(not refusal)
            if refusal:
                button.setToolTip(refusal)

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
        """Show screen `name` and put the focus where its work starts; a screen the signed-in
        staff member may not use is refused with the core's sentence in the status bar."""
        refusal = self.refusal(name)
        if refusal:
            self.statusBar().showMessage(refusal, 10_000)
            if self._current in self._pages and not self.refusal(self._current):
                return self._pages[self._current]  # stay where we are
            name = HOME
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
        self.rebuild_pages()

    def rebuild_pages(self) -> None:
        """Build every page afresh (after a language switch, a restore or a change of staff member)
        and show the current screen again, or the counter if it is no longer allowed."""
        # No page may go while its worker thread runs; a backup under way (not a page's) goes on.
        self.wait_for_background_work(cancel=True, among=list(self._pages.values()))
        current = self._current
        for name, page in list(self._pages.items()):
            if name != WELCOME:
                del self._pages[name]
                self.stack.removeWidget(page)
                page.deleteLater()
        self._retitle()
        self.show_screen(current if current else HOME)

    # -- data & safety ----------------------------------------------------
    def open_safety(self) -> QWidget:
        """F6: the "Data & safety" window (one at a time, beside this one)."""
        from smallbiz_loyalty.ui.safety.dialog import DataSafetyDialog  # only built when asked for

        if self.covered():
            return self.cover_stack.currentWidget()
        if self.safety_dialog is None:
            dialog = DataSafetyDialog(self.shop, self.events, self)
            dialog.restored.connect(self._after_restore)
            dialog.destroyed.connect(self._forget_safety_dialog)
            self.safety_dialog = dialog
        self.safety_dialog.show()
        self.safety_dialog.raise_()
        self.safety_dialog.activateWindow()
        return self.safety_dialog

    def _forget_safety_dialog(self) -> None:
        self.safety_dialog = None

    def _after_restore(self, result: RestoreResult) -> None:
        """The file under the shop was replaced: every page reads it afresh (after the slot returns)."""
        from smallbiz_loyalty.ui.safety.health_screen import shown_with_paths

        self.shop.reload_settings()
        message = shown_with_paths(result.message, files=[result.path, result.restored_from])

        def rebuild() -> None:
            self.rebuild_pages()
            self.statusBar().showMessage(message, 20_000)
            self.restored.emit(result)

        QTimer.singleShot(0, self, rebuild)

    # -- the lock screen --------------------------------------------------
    def set_cover(self, cover: QWidget | None) -> None:
        """Cover the whole window with `cover` (the lock screen), or uncover it with None.
        While covered, no page and no shortcut of the window answers."""
        if self.covered():
            old = self.cover_stack.widget(1)
            self.cover_stack.removeWidget(old)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(cover is None)
        if cover is None:
            self.cover_stack.setCurrentIndex(0)
            page = self.stack.currentWidget()
            if isinstance(page, Page):
                page.focus_first()
            return
        self.cover_stack.addWidget(cover)
        self.cover_stack.setCurrentWidget(cover)
        cover.setFocus(Qt.FocusReason.OtherFocusReason)

    def covered(self) -> bool:
        return self.cover_stack.count() > 1

    def add_notice(self, notice: QWidget) -> None:
        """Put `notice` (a warning bar) across the window above the screens; the lock screen covers it."""
        self.notices.addWidget(notice)

    # -- window -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.focus_first()

    def wait_for_background_work(
        self, *, cancel: bool = False, ms: int = 30_000, among: list[QWidget] | None = None
    ) -> None:
        """Wait for the worker threads of the window (or only of the widgets `among`), cancelled
        first if asked, then deliver their results."""
        owners: list[QWidget] = [self] if among is None else among
        jobs = [job for owner in owners for job in owner.findChildren(BackgroundJob)]
        for job in jobs:
            if cancel:
                job.cancel()
            job.wait(ms)
        if jobs:
            QCoreApplication.processEvents()

    def closeEvent(self, event: QCloseEvent) -> None:
        preferences.save(preferences.WINDOW_GEOMETRY, self.saveGeometry())
        self.closing.emit()  # the backup on close runs (and is waited for, briefly) here
        if self.safety_dialog is not None:
            self.safety_dialog.close()
        # A running worker must end before its page (and the shop) can go: Qt aborts on a live QThread.
        self.wait_for_background_work(cancel=True)
        super().closeEvent(event)
