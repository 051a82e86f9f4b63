"""Command line: `smallbiz-loyalty [sub-command] …`; no sub-command starts the app.

Errors go to stderr as one plain sentence with a non-zero exit; `--json`
prints exactly one JSON document on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from smallbiz_loyalty import __version__
from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.money import format_money, major_str
from smallbiz_loyalty.core.paths import default_db_path
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.shop import Shop

EXIT_OK, EXIT_ERROR, EXIT_PROBLEMS = 0, 1, 3
SCREENS = ("counter", "customers", "dashboard", "reports", "settings")


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="the shop's database file")
    common.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help="language of the output")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="smallbiz-loyalty", description="Offline loyalty, retention and NPS for a small shop.", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help="start the desktop app (the default)")
    gui.add_argument("--screen", choices=SCREENS, help="open on this screen")
    gui.add_argument("--screenshot", type=Path, help="render the screen offscreen to this PNG and exit")

    demo = sub.add_parser("demo", parents=[common], help="fill a database with a realistic demo shop")
    demo.add_argument("--customers", type=int, default=500)
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--seed", type=int, default=1)

    customer = sub.add_parser("customer", parents=[common], help="look a customer up as at the counter")
    customer.add_argument("--find", required=True, metavar="TEXT", help="phone digits, name or card code")
    customer.add_argument("--json", action="store_true")

    sale = sub.add_parser("sale", parents=[common], help="record a sale")
    who = sale.add_mutually_exclusive_group(required=True)
    who.add_argument("--customer", metavar="PHONE|CARD")
    who.add_argument("--anonymous", action="store_true")
    sale.add_argument("--amount", required=True, help="e.g. 12.50")
    sale.add_argument("--category")
    sale.add_argument("--key", help="idempotency key: resending the same key records nothing new")
    sale.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", parents=[common], help="import customers from a CSV file")
    imp.add_argument("what", choices=["customers"])
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", default="auto", choices=["auto", "square", "loyverse", "shopify", "generic"])
    imp.add_argument("--duplicates", default="skip", choices=["skip", "update"], help="what to do with a known phone")
    imp.add_argument("--dry-run", action="store_true", help="report what would happen, change nothing")
    imp.add_argument("--json", action="store_true")

    exp = sub.add_parser("export", parents=[common], help="export to a CSV file (UTF-8 with BOM)")
    exp.add_argument("what", choices=["customers", "sales"])
    exp.add_argument("-o", "--output", type=Path, required=True)

    chk = sub.add_parser("check", parents=[common], help="check the database file for damage and inconsistencies")
    chk.add_argument("--quick", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = getattr(args, "lang", None)
    if lang:
        i18n.set_language(lang)
    command = args.command or "gui"
    if command == "gui":
        return _run_gui(args)
    try:
        return COMMANDS[command](args)
    except LoyaltyError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return EXIT_ERROR


def _db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or default_db_path()


def _open(args: argparse.Namespace) -> Shop:
    shop = Shop.open(_db_path(args))
    if not getattr(args, "lang", None):
        i18n.set_language(shop.settings["language"])
    return shop


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _run_gui(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.ui.app import run_app

    return run_app(
        db_path=_db_path(args),
        lang=getattr(args, "lang", None),
        screen=getattr(args, "screen", None),
        screenshot=getattr(args, "screenshot", None),
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.core.demo import build_demo

    with _open(args) as shop:
        summary = build_demo(shop, customers=args.customers, months=args.months, seed=args.seed)
    print(summary.describe())
    return EXIT_OK


def _customer_json(shop: Shop, customer: Any) -> dict[str, Any]:
    return {
        "customer_id": customer.id,
        "name": customer.name,
        "phone": customer.phone,
        "email": customer.email,
        "card_code": customer.card_code,
        "birthday": customer.birthday.iso() if customer.birthday else None,
    }


def _cmd_customer(args: argparse.Namespace) -> int:
    with _open(args) as shop:
        found = shop.find_customers(args.find)
        if args.json:
            _print_json([_customer_json(shop, c) for c in found])
            return EXIT_OK
        if not found:
            print(_('No customer matches "{text}".', text=args.find))
            return EXIT_OK
        for c in found:
            print(f"{c.id:>6}  {c.name}  {format_phone(c.phone, shop.region)}  {c.card_code}")
    return EXIT_OK


def _cmd_sale(args: argparse.Namespace) -> int:
    with _open(args) as shop:
        customer = None if args.anonymous else shop.resolve_customer(args.customer)
        amount = shop.parse_amount(args.amount)
        result = shop.record_sale(
            customer_id=customer.id if customer else None, amount=amount, category=args.category, key=args.key
        )
        sale = result.sale
        if args.json:
            _print_json(
                {
                    "sale_id": sale.id,
                    "key": sale.key,
                    "customer_id": sale.customer_id,
                    "amount": major_str(sale.amount, shop.currency),
                    "category": sale.category,
                    "business_date": sale.business_date.isoformat(),
                    "duplicate": result.duplicate,
                    "messages": list(result.messages),
                }
            )
            return EXIT_OK
        money = format_money(sale.amount, shop.currency, i18n.babel_locale())
        if result.duplicate:
            print(_("This sale was already recorded (sale {id}); nothing new was written.", id=sale.id))
        elif customer:
            print(_("Sale {id} recorded: {amount} for {name}.", id=sale.id, amount=money, name=customer.name))
        else:
            print(_("Sale {id} recorded: {amount}.", id=sale.id, amount=money))
        for line in result.messages:
            print(line)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.core.importing import read_file

    data = read_file(args.file)
    with _open(args) as shop:
        report = shop.import_customers(data, fmt=args.format, on_duplicate=args.duplicates, dry_run=args.dry_run)
    if args.json:
        _print_json(report.as_dict())
    else:
        print(report.describe())
    return EXIT_OK if not report.problems else EXIT_PROBLEMS


def _cmd_export(args: argparse.Namespace) -> int:
    with _open(args) as shop:
        count = shop.export(args.what, args.output)
    print(_("{count} rows written to {path}.", count=count, path=str(args.output)))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    path = _db_path(args)
    if not path.exists():
        print(_("There is no database file at {path}.", path=str(path)), file=sys.stderr)
        return EXIT_ERROR
    with _open(args) as shop:
        problems = shop.check(quick=args.quick)
    if not problems:
        print(_("{path} is healthy: no problems found.", path=str(path)))
        return EXIT_OK
    print(_("{path} has {count} problem(s):", path=str(path), count=len(problems)))
    for problem in problems:
        print(f"- {problem.message}")
    return EXIT_PROBLEMS


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "customer": _cmd_customer,
    "sale": _cmd_sale,
    "import": _cmd_import,
    "export": _cmd_export,
    "check": _cmd_check,
}
