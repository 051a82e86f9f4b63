"""UI fixtures: English left-to-right after every test (each test file opens its own windows)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.ui.app import apply_language


@pytest.fixture(autouse=True)
def _english_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_language(qapp, "en")  # no translator or right-to-left layout leaks into the next test
