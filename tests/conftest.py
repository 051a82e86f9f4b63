"""Shared fixtures: a fresh real database per test, a fixed clock, English, and
per-user folders redirected to a temporary directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.shop import Shop

NOW = datetime(2026, 10, 15, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.db"


@pytest.fixture
def shop(db_path: Path) -> Iterator[Shop]:
    """A new Kuwaiti shop (KWD has 3 decimals) at 2026-10-15 12:30 local time."""
    with Shop.open(db_path, clock=fixed_clock(NOW)) as opened:
        opened.set_settings(shop_name="Test Café", currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
        yield opened
