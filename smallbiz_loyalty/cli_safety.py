"""Command-line commands that keep the shop's data safe: `check`, `backup`, `restore`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from smallbiz_loyalty.cli_support import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, db_path, open_shop
from smallbiz_loyalty.core import health
from smallbiz_loyalty.core.dates import system_clock


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    chk = sub.add_parser("check", parents=[common], help="check the database file for damage and inconsistencies")
    chk.add_argument("--quick", action="store_true", help="SQLite's quick check instead of the full one")
    chk.add_argument("--backups", type=Path, metavar="DIR", help="where to look for a good backup to offer")

    bak = sub.add_parser("backup", parents=[common], help="save a checked copy of the shop's data")
    bak.add_argument("--to", type=Path, metavar="DIR", help="the folder (default: the one set in Settings)")

    res = sub.add_parser("restore", parents=[common], help="replace the shop's data by a backup (kept aside)")
    res.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE")


def cmd_check(args: argparse.Namespace) -> int:
    """Never migrates or changes the file: a damaged file gets a diagnosis, not a traceback."""
    path = db_path(args)
    check = health.startup_check if args.quick else health.full_check
    result = check(path, backup_folder=args.backups)
    stream = sys.stdout if result.status != health.MISSING else sys.stderr
    print(result.message, file=stream)
    for problem in result.problems[1:] if result.status == health.PROBLEMS else ():
        print(f"- {problem.message}")
    if result.advice:
        print(result.advice)
    if result.ok:
        return EXIT_OK
    return EXIT_ERROR if result.status == health.MISSING else EXIT_PROBLEMS


def cmd_backup(args: argparse.Namespace) -> int:
    with open_shop(args) as shop:
        result = shop.backup(args.to)
    print(result.message)
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    result = health.restore(db_path(args), args.source, now=system_clock())
    print(result.message)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
