"""Command line: `smallbiz-loyalty [sub-command] …`; no sub-command starts the app.

Errors go to stderr as one plain sentence with a non-zero exit; `--json`
prints exactly one JSON document on stdout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from smallbiz_loyalty import __version__, cli_reports, cli_safety
from smallbiz_loyalty.cli_support import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, db_path, open_shop, print_json
from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.errors import LoyaltyError
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.money import format_money, major_str
from smallbiz_loyalty.core.phones import format_phone
from smallbiz_loyalty.core.rewards import describe_voucher
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.core.status import ProgrammeStatus

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

    redeem = sub.add_parser("redeem", parents=[common], help="redeem a reward for a customer")
    redeem.add_argument("--customer", required=True, metavar="PHONE|CARD")
    redeem.add_argument("--reward", required=True, metavar="NAME|ID")
    redeem.add_argument("--key", help="idempotency key: resending the same key deducts nothing more")
    redeem.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", parents=[common], help="import customers from a CSV file")
    imp.add_argument("what", choices=["customers"])
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", default="auto", choices=["auto", "square", "loyverse", "shopify", "generic"])
    imp.add_argument("--duplicates", default="skip", choices=["skip", "update"], help="what to do with a known phone")
    imp.add_argument("--dry-run", action="store_true", help="report what would happen, change nothing")
    imp.add_argument("--json", action="store_true")

    exp = sub.add_parser("export", parents=[common], help="export to a CSV file (UTF-8 with BOM)")
    exp.add_argument("what", choices=["customers", "sales", "ledger"])
    exp.add_argument("-o", "--output", type=Path, required=True)

    cli_reports.add_parsers(sub, common)

    cli_safety.add_parsers(sub, common)
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


def _run_gui(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.ui.app import run_app

    return run_app(
        db_path=db_path(args),
        lang=getattr(args, "lang", None),
        screen=getattr(args, "screen", None),
        screenshot=getattr(args, "screenshot", None),
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.core.demo import build_demo, check_demo_arguments

    check_demo_arguments(customers=args.customers, months=args.months, seed=args.seed)
    with open_shop(args) as shop:
        summary = build_demo(shop, customers=args.customers, months=args.months, seed=args.seed)
    print(summary.describe())
    return EXIT_OK


def _customer_json(shop: Shop, customer: Any) -> dict[str, Any]:
    status = shop.customer_status(customer.id)
    return {
        "customer_id": customer.id,
        "name": customer.name,
        "phone": customer.phone,
        "email": customer.email,
        "card_code": customer.card_code,
        "birthday": customer.birthday.iso() if customer.birthday else None,
        "programmes": [_programme_json(shop, p) for p in status.programmes],
        "rewards_ready": [r.name for r in status.rewards_ready],
        "vouchers": [
            {"code": v.code, "item": v.item, "valid_until": v.valid_until.isoformat() if v.valid_until else None}
            for v in status.vouchers
        ],
        "birthday_in_days": status.birthday_in_days,
    }


def _programme_json(shop: Shop, p: ProgrammeStatus) -> dict[str, Any]:
    return {
        "programme_id": p.programme.id,
        "programme": p.programme.name,
        "unit": p.programme.unit,
        "balance": p.balance,
        "balance_text": p.balance_text(shop.currency),
        "card_size": p.card_size,
        "rewards_ready": [r.name for r in p.rewards_ready],
        "next_reward": p.next_reward.name if p.next_reward else None,
        "needed": p.needed,
        "tier": p.tier.name if p.tier else None,
        "next_tier": p.next_tier.name if p.next_tier else None,
        "spend_to_next_tier": major_str(p.spend_to_next_tier, shop.currency) if p.next_tier else None,
    }


def _status_lines(shop: Shop, customer_id: int) -> list[str]:
    """One line per programme: balance, tier, rewards ready or what the next one needs."""
    status = shop.customer_status(customer_id)
    lines = []
    for p in status.programmes:
        parts = [f"{p.programme.name}: {p.balance_text(shop.currency)}"]
        if p.tier:
            parts.append(_("tier {tier}", tier=p.tier.name))
        if p.rewards_ready:
            parts.append(_("Reward ready: {reward}", reward=", ".join(r.name for r in p.rewards_ready)))
        elif p.next_reward:
            parts.append(
                _("{needed} more for {reward}", needed=p.needed_text(shop.currency), reward=p.next_reward.name)
            )
        lines.append("        " + " — ".join(parts))
    for voucher in status.vouchers:
        lines.append("        " + describe_voucher(voucher, shop.currency))
    if status.birthday is not None:
        lines.append("        " + _("Birthday in {days} days", days=status.birthday_in_days))
    return lines


def _cmd_customer(args: argparse.Namespace) -> int:
    with open_shop(args) as shop:
        found = shop.find_customers(args.find)
        if args.json:
            print_json([_customer_json(shop, c) for c in found])
            return EXIT_OK
        if not found:
            print(_('No customer matches "{text}".', text=args.find))
            return EXIT_OK
        for c in found:
            print(f"{c.id:>6}  {c.name}  {format_phone(c.phone, shop.region)}  {c.card_code}")
            for line in _status_lines(shop, c.id):
                print(line)
    return EXIT_OK


def _balances_json(shop: Shop, customer_id: int | None) -> list[dict[str, Any]]:
    if customer_id is None:
        return []
    return [
        {
            "programme": p.programme.name,
            "unit": p.programme.unit,
            "balance": p.balance,
            "balance_text": p.balance_text(shop.currency),
            "rewards_ready": [r.name for r in p.rewards_ready],
            "tier": p.tier.name if p.tier else None,
        }
        for p in shop.customer_status(customer_id).programmes
    ]


def _cmd_sale(args: argparse.Namespace) -> int:
    with open_shop(args) as shop:
        customer = None if args.anonymous else shop.resolve_customer(args.customer)
        amount = shop.parse_amount(args.amount)
        result = shop.record_sale(
            customer_id=customer.id if customer else None, amount=amount, category=args.category, key=args.key
        )
        sale = result.sale
        if args.json:
            print_json(
                {
                    "sale_id": sale.id,
                    "key": sale.key,
                    "customer_id": sale.customer_id,
                    "amount": major_str(sale.amount, shop.currency),
                    "category": sale.category,
                    "business_date": sale.business_date.isoformat(),
                    "duplicate": result.duplicate,
                    "messages": list(result.messages),
                    "balances": _balances_json(shop, sale.customer_id),
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


def _cmd_redeem(args: argparse.Namespace) -> int:
    with open_shop(args) as shop:
        customer = shop.resolve_customer(args.customer)
        result = shop.redeem(customer.id, args.reward, key=args.key)
        if args.json:
            print_json(
                {
                    "redemption_id": result.redemption.id,
                    "key": result.redemption.key,
                    "customer_id": customer.id,
                    "programme": result.programme.name,
                    "reward": result.reward.name if result.reward else None,
                    "cost": result.redemption.quantity,
                    "give": result.give,
                    "voucher": result.voucher.code if result.voucher else None,
                    "balance": result.balance,
                    "balance_text": result.balance_text,
                    "duplicate": result.duplicate,
                }
            )
            return EXIT_OK
        if result.duplicate:
            print(_("This redemption was already recorded; nothing more was deducted."))
        for line in result.messages:
            print(line)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.core.importing import read_file

    data = read_file(args.file)
    with open_shop(args) as shop:
        report = shop.import_customers(data, fmt=args.format, on_duplicate=args.duplicates, dry_run=args.dry_run)
    if args.json:
        print_json(report.as_dict())
    else:
        print(report.describe())
    return EXIT_OK if not report.problems else EXIT_PROBLEMS


def _cmd_export(args: argparse.Namespace) -> int:
    with open_shop(args) as shop:
        count = shop.export(args.what, args.output)
    print(_("{count} rows written to {path}.", count=count, path=str(args.output)))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "customer": _cmd_customer,
    "sale": _cmd_sale,
    "redeem": _cmd_redeem,
    "import": _cmd_import,
    "export": _cmd_export,
    **cli_safety.COMMANDS,
    **cli_reports.COMMANDS,
}
