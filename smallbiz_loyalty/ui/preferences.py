"""This PC's window preferences (QSettings), every key declared here with its default.

Shop rules live in the database and travel with backups; how the windows were
left (size, splitters, which shops have been welcomed) belongs to this PC only.
The file is an INI file in the per-user config folder (platformdirs), looked up
on every use, so tests that point XDG_CONFIG_HOME/HOME at a temporary folder
never touch the real one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_path
from PySide6.QtCore import QByteArray, QSettings

from smallbiz_loyalty.core.paths import APP_NAME


@dataclass(frozen=True)
class Preference:
    key: str
    default: Any
    kind: type


WINDOW_GEOMETRY = Preference("window/geometry", QByteArray(), QByteArray)
CUSTOMERS_SPLITTER = Preference("customers/splitter", QByteArray(), QByteArray)
WELCOMED_SHOPS = Preference("welcome/shops", [], list)  # database files whose welcome was answered
# Read at start-up before the shop is opened: a damaged file's own settings cannot be read,
# so the health screen needs the folder the last backup went to and the language last used.
BACKUP_FOLDER = Preference("backup/folder", "", str)
LANGUAGE = Preference("app/language", "", str)

PREFERENCES = (WINDOW_GEOMETRY, CUSTOMERS_SPLITTER, WELCOMED_SHOPS, BACKUP_FOLDER, LANGUAGE)


def preferences_file() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / "window.ini"


def _store() -> QSettings:
    return QSettings(str(preferences_file()), QSettings.Format.IniFormat)


def load(preference: Preference) -> Any:
    """The stored value, or the default when unset or of the wrong type."""
    value = _store().value(preference.key, preference.default)
    if preference.kind is list:
        if value is None or value == "":
            return []
        return [str(item) for item in value] if isinstance(value, list) else [str(value)]
    return value if isinstance(value, preference.kind) else preference.default


def save(preference: Preference, value: Any) -> None:
    store = _store()
    store.setValue(preference.key, value)
    store.sync()
