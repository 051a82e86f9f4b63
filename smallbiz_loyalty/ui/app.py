"""Start the desktop app: the QApplication, the language, the shop and its window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.errors import open_failed_text, show_error
from smallbiz_loyalty.ui.main_window import MainWindow

FONTS_DIR = i18n.TRANSLATIONS_DIR.parent / "fonts"
SCREENSHOT_DELAY_MS = 100  # long enough for the first paint and the first block of rows
EXIT_OK, EXIT_ERROR = 0, 1

# Installed translators, kept referenced (Qt does not own them) so they can be swapped.
_translators: list[QTranslator] = []


def run_app(*, db_path: Path, lang: str | None, screen: str | None, screenshot: Path | None) -> int:
    """Open the shop at `db_path` in its window; with `screenshot`, save the window as PNG and exit."""
    if screenshot is not None and QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed for a picture
    app = application()
    try:
        shop = Shop.open(db_path)
    except LoyaltyError as exc:
        apply_language(app, lang or i18n.language())
        message = open_failed_text(db_path, exc)
        print(message, file=sys.stderr)
        if screenshot is None:
            show_error(None, message)
        return EXIT_ERROR
    try:
        apply_language(app, lang or shop.settings["language"])
        window = MainWindow(shop, screen=screen)
        if screenshot is not None:
            return save_screenshot(window, screenshot)
        window.show()
        return app.exec()
    finally:
        shop.close()


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
