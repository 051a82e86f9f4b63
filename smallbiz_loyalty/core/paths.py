"""Where the shop's files live by default (per-user data folder, via platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "smallbiz-loyalty"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_db_path() -> Path:
    """The database used when no `--db` is given."""
    return data_dir() / "shop.db"
