"""Starting the app from the command line: screenshots, languages and files that are not shops."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty import cli
from smallbiz_loyalty.core.errors import StorageError
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.errors import open_failed_text
from smallbiz_loyalty.ui.main_window import MainWindow
from tests.factories import make_customer

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_gui_screenshot_writes_a_png_of_the_window_and_returns_0(shop, db_path, tmp_path, qapp):
    make_customer(shop, "Sara Ali")
    png = tmp_path / "window.png"

    code = cli.main(["gui", "--db", str(db_path), "--screenshot", str(png)])

    assert code == 0
    assert png.read_bytes().startswith(PNG_MAGIC)
    image = QImage(str(png))
    assert image.width() >= 800
    assert image.height() >= 500


@pytest.mark.parametrize("screen", ["customers", "dashboard", "reports"])
def test_gui_screen_renders_that_screen_with_its_button_lit(shop, db_path, tmp_path, qapp, screen):
    make_customer(shop, "Sara Ali")
    png = tmp_path / f"{screen}.png"

    code = cli.main(["gui", "--db", str(db_path), "--screen", screen, "--screenshot", str(png)])

    assert code == 0
    image = QImage(str(png))
    same = MainWindow(shop, screen=screen)  # the same window, laid out, to find where its buttons are
    same.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    same.show()
    try:
        for name, button in same.nav_buttons.items():
            corner = image.pixelColor(button.mapTo(same, QPoint(8, 8)))
            # the shown screen's button is filled with the highlight colour; the others stay grey
            assert (corner.saturation() > 80) == (name == screen), name
    finally:
        same.close()  # waits for the pages' background work
        same.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_gui_takes_the_language_from_the_shops_settings(shop, db_path, tmp_path, qapp):
    shop.set_settings(language="ar")

    code = cli.main(["gui", "--db", str(db_path), "--screenshot", str(tmp_path / "ar.png")])

    assert code == 0
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_lang_on_the_command_line_wins_over_the_shops_setting(shop, db_path, tmp_path, qapp):
    shop.set_settings(language="ar")

    code = cli.main(["gui", "--db", str(db_path), "--lang", "en", "--screenshot", str(tmp_path / "en.png")])

    assert code == 0
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_file_that_is_not_a_database_is_reported_in_one_sentence_not_a_traceback(tmp_path, qapp, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: milk, eggs\n", encoding="utf-8")
    png = tmp_path / "never.png"

    code = cli.main(["gui", "--db", str(notes), "--screenshot", str(png)])

    assert code == 1
    assert not png.exists()
    err = capsys.readouterr().err
    assert f"The shop could not be opened from {notes}." in err
    assert "is not a smallbiz-loyalty database" in err
    assert "Traceback" not in err


def test_the_open_error_message_names_the_file_and_the_reason(tmp_path, qapp):
    folder = tmp_path / "shop.db"
    folder.mkdir()
    with pytest.raises(StorageError) as raised:
        Shop.open(folder)

    message = open_failed_text(Path(folder), raised.value)

    assert message == f"The shop could not be opened from {folder}.\n{folder} is a folder, not a database file."
