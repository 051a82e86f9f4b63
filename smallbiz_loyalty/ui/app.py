"""Start the desktop app: the QApplication, the language, the start-up health check,
the sign-in, and the shop's window with its automatic backups and idle lock."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QObject, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from smallbiz_loyalty.core import health, i18n
from smallbiz_loyalty.core.dates import Clock, system_clock
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.health import Health
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.errors import open_failed_text, show_error
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.safety.auto_backup import CLOSE_WAIT_MS, AutoBackup
from smallbiz_loyalty.ui.safety.health_bar import BackgroundCheck
from smallbiz_loyalty.ui.safety.health_screen import HealthScreen
from smallbiz_loyalty.ui.safety.idle_lock import IdleLock
from smallbiz_loyalty.ui.safety.sign_in import SignInDialog

FONTS_DIR = i18n.TRANSLATIONS_DIR.parent / "fonts"
SCREENSHOT_DELAY_MS = 100  # long enough for the first paint and the first block of rows
EXIT_OK, EXIT_ERROR = 0, 1

# Installed translators, kept referenced (Qt does not own them) so they can be swapped.
_translators: list[QTranslator] = []


def run_app(*, db_path: Path, lang: str | None, screen: str | None, screenshot: Path | None) -> int:
    """Open the shop at `db_path` in its window; with `screenshot`, save what would be shown first
    (the window, or the health screen of a damaged file, or the sign-in) as PNG and exit."""
    if screenshot is not None and QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed for a picture
    app = application()
    startup = Startup(db_path, lang=lang, screen=screen, guard=screenshot is None)
    try:
        first = startup.start()
        if first is None:
            print(startup.error, file=sys.stderr)
            if screenshot is None:
                show_error(None, startup.error)
            return EXIT_ERROR
        if screenshot is not None:
            code = save_screenshot(first, screenshot)
            if startup.health_screen is not None:  # the shop did not open: say so to the script too
                print(startup.health_screen.health.message, file=sys.stderr)
                return EXIT_ERROR
            return code
        startup.quit_requested.connect(app.exit)
        startup.show()
        return app.exec()
    finally:
        startup.close()


class Startup(QObject):
    """From the command line to the shop's window, one step at a time, never blocking:
    the start-up health check → (the health screen, and a restore) → open the shop →
    (sign in) → the main window, with its automatic backups and idle lock (`guard`).

    A file bigger than `check_limit` bytes (default `health.STARTUP_CHECK_MAX_BYTES`) is
    only checked for its structure before it opens; its quick check then runs in the
    background once the window is shown (`background_check`), and the day's automatic
    backup waits for it (both read the whole file: one at a time leaves a core to the counter).

    `start()` returns the first thing to show; each later step is shown by this object
    in place of the one before (`current`). The window's arrival is `window_opened`;
    Quit on the health screen or the sign-in is `quit_requested(exit code)`."""

    window_opened = Signal(object)
    quit_requested = Signal(int)

    def __init__(
        self,
        db_path: Path,
        *,
        lang: str | None = None,
        screen: str | None = None,
        clock: Clock = system_clock,
        guard: bool = True,
        idle_ms: int | None = None,
        close_wait_ms: int = CLOSE_WAIT_MS,
        check_limit: int | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.lang, self.screen, self.clock = lang, screen, clock
        self.guard, self.idle_ms, self.close_wait_ms = guard, idle_ms, close_wait_ms
        self.check_limit = check_limit
        self.check_later = False  # only the structure was checked before opening: the rest runs in the window
        self.background_check: BackgroundCheck | None = None
        self.shop: Shop | None = None
        self.health_screen: HealthScreen | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.window: MainWindow | None = None
        self.auto_backup: AutoBackup | None = None
        self.idle_lock: IdleLock | None = None
        self.current: QWidget | None = None
        self.showing = False  # on screen (not only built, as in tests and screenshots)
        self.error = ""  # why the shop could not be opened, when `start()` returned None

    def start(self) -> QWidget | None:
        """The first thing to show, or None (with `error`) when the file is no shop at all."""
        remembered = preferences.load(preferences.LANGUAGE)
        apply_language(application(), self.lang or (remembered if remembered in i18n.LANGUAGES else i18n.language()))
        checked = self._check()
        if _offer_recovery(checked):
            return self._show_health(checked)
        return self._opened_or_checked(self._open)

    def _show_health(self, checked: Health) -> HealthScreen:
        screen = HealthScreen(checked, clock=self.clock)
        screen.restored.connect(self._open_after_health)
        screen.open_anyway_chosen.connect(self._open_after_health)
        screen.quit_chosen.connect(lambda: self.quit_requested.emit(EXIT_ERROR))
        self.health_screen = self.current = screen
        return screen

    def _check(self, *, whole: bool | None = None) -> Health:
        """The quick check (only the structure, for a big file, unless `whole`), offering a backup
        from the folder this PC backed up to last (a damaged file's own settings cannot say where
        its backups are), else from the one beside the file."""
        remembered = preferences.load(preferences.BACKUP_FOLDER)
        if whole is None:
            whole = health.checked_before_opening(self.db_path, limit=self.check_limit)
        check = health.startup_check if whole else health.structure_check
        checked = check(self.db_path, backup_folder=remembered or None)
        if not checked.ok and checked.backup is None and remembered:
            beside = check(self.db_path)
            if beside.backup is not None:
                checked = beside
        self.check_later = checked.ok and not whole
        return checked

    def _opened_or_checked(self, step: Callable[[], QWidget | None]) -> QWidget | None:
        """`step()` (open the shop, or its window); when only the structure of the file was checked and
        damage shows while opening, the quick check runs now after all and its health screen is shown."""
        try:
            return step()
        except sqlite3.DatabaseError as exc:
            if not self.check_later or getattr(exc, "sqlite_errorcode", None) not in health.DAMAGE_CODES:
                raise
            if self.shop is not None:
                self.shop.close()
                self.shop = None
            checked = self._check(whole=True)
            if not _offer_recovery(checked):
                raise
            return self._show_health(checked)

    def _open(self) -> QWidget | None:
        try:
            shop = Shop.open(self.db_path, clock=self.clock)
        except LoyaltyError as exc:
            self.error = open_failed_text(self.db_path, exc)
            return None
        self.shop = shop
        apply_language(application(), self.lang or shop.settings["language"])
        preferences.save(preferences.LANGUAGE, shop.settings["language"])
        if shop.sign_in_required():
            dialog = SignInDialog(shop)
            dialog.accepted.connect(lambda: self._after_sign_in(dialog))
            dialog.rejected.connect(lambda: self.quit_requested.emit(EXIT_OK))
            self.sign_in_dialog = self.current = dialog
            return dialog
        return self._open_window()

    def _after_sign_in(self, dialog: SignInDialog) -> None:
        following = self._opened_or_checked(self._open_window)
        if following is not None:
            self._advance(dialog, following)

    def _open_window(self) -> MainWindow:
        assert self.shop is not None
        window = MainWindow(self.shop, screen=self.screen)
        self.window = self.current = window
        if self.check_later:
            self.background_check = BackgroundCheck(window)
        if self.guard:
            self.auto_backup = AutoBackup(window, close_wait_ms=self.close_wait_ms)
            self.idle_lock = IdleLock(window, timeout_ms=self.idle_ms)
            if self.background_check is not None:
                self.background_check.finished.connect(self._back_up_if_due)
            else:
                self.auto_backup.start_if_due()
        self.window_opened.emit(window)
        return window

    def _back_up_if_due(self, _checked: object = None) -> None:
        if self.auto_backup is not None:
            self.auto_backup.start_if_due()

    def _open_after_health(self, *_result: object) -> None:
        following = self._open()
        if following is None:
            if self.health_screen is not None:
                self.health_screen.status_label.setText(self.error)
            return
        self._advance(self.health_screen, following)

    def show(self) -> None:
        """Put the current step on screen; the later ones follow it there."""
        self.showing = True
        if self.current is not None:
            self.current.show()

    def _advance(self, previous: QWidget | None, following: QWidget) -> None:
        """Show `following` in place of `previous` (the next window first, so the app never
        has no window and quits)."""
        self.current = following
        if self.showing:
            following.show()
        if previous is not None and previous is not following:
            previous.hide()

    def close(self) -> None:
        """Close whatever is still open, then the shop."""
        for widget in (self.window, self.sign_in_dialog, self.health_screen):
            if widget is not None and widget.isVisible():  # a closed window is not closed twice (nor backed up)
                widget.close()
        if self.shop is not None:
            self.shop.close()


def _offer_recovery(checked: Health) -> bool:
    """The health screen is for a shop's file in trouble: not for a new shop (missing), and not
    for a file that is no database of any kind with no backup of it (the wrong file was given)."""
    if checked.ok or checked.status == health.MISSING or checked.path.is_dir():
        return False
    return checked.backup is not None or health.looks_like_sqlite(checked.path)


def application() -> QApplication:
    """The running QApplication, created (with the bundled fonts) if there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("smallbiz-loyalty")
        _use_bundled_fonts(app)
    assert isinstance(app, QApplication)
    return app


def _use_bundled_fonts(app: QApplication) -> None:
    """Load the fonts shipped in resources/fonts and prefer them, Latin first, then Arabic,
    so Arabic looks the same on every PC instead of whatever fallback the system has."""
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("*.[ot]tf")):
        for family in QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path))):
            if family not in families:
                families.append(family)
    if families:
        font = app.font()
        font.setFamilies(sorted(families, key=lambda name: "Arabic" in name))
        app.setFont(font)


def apply_language(app: QApplication, lang: str) -> None:
    """Use `lang` for every message, Qt's own included, and lay windows out in its direction."""
    i18n.set_language(lang)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if lang != "en":
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for catalogue in (qt_dir / f"qtbase_{lang}.qm", i18n.TRANSLATIONS_DIR / f"smallbiz_loyalty_{lang}.qm"):
            translator = QTranslator(app)
            if translator.load(str(catalogue)):
                app.installTranslator(translator)
                _translators.append(translator)
    rtl = i18n.is_rtl(lang)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)


def save_screenshot(window: QWidget, path: Path) -> int:
    """Render `window` offscreen once it has painted (and its pages' background loading has
    finished, so the picture shows data, not "Loading…"), save it to `path` as PNG, close it."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    if isinstance(window, MainWindow):
        window.wait_for_background_work()
    loop = QEventLoop()
    saved: list[bool] = []

    def grab() -> None:
        saved.append(window.grab().save(str(path), "PNG"))
        loop.quit()

    QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    loop.exec()
    window.close()
    if not saved or not saved[0]:
        message = QCoreApplication.translate("App", "The picture could not be saved to {path}.")
        print(message.format(path=str(path)), file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK
