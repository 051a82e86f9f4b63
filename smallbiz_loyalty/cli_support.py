"""What every command-line command shares: exit codes, opening the shop, JSON output."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.paths import default_db_path
from smallbiz_loyalty.core.shop import Shop

EXIT_OK, EXIT_ERROR, EXIT_PROBLEMS = 0, 1, 3


def db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or default_db_path()


def open_shop(args: argparse.Namespace) -> Shop:
    """The shop of `--db`; its language becomes the output's unless `--lang` was given."""
    shop = Shop.open(db_path(args))
    if not getattr(args, "lang", None):
        i18n.set_language(shop.settings["language"])
    return shop


def output_language(args: argparse.Namespace, shop: Shop) -> str:
    return getattr(args, "lang", None) or shop.settings["language"]


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
