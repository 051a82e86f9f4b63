"""UI fixtures: the main window on the test shop, and English left-to-right after every test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.ui.app import apply_language
from smallbiz_loyalty.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _english_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_language(qapp, "en")  # no translator or right-to-left layout leaks into the next test


@pytest.fixture
def open_window(qtbot, shop: Shop) -> Iterator[Callable[[], MainWindow]]:
    """Open the main window on the test shop (call it after adding customers)."""
    opened: list[MainWindow] = []

    def open_() -> MainWindow:
        window = MainWindow(shop)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield open_
    for window in opened:  # before the shop's database closes
        window.close()
