"""Command-line commands for figures and print: `metrics`, `report`, `notes`, `cards`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from smallbiz_loyalty.cli_support import EXIT_OK, open_shop, output_language, print_json
from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.i18n import N_, _
from smallbiz_loyalty.core.metrics import PeriodFigures, metrics_dict
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.templates import KINDS

PAPERS = ("A4", "Letter")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    metrics = sub.add_parser("metrics", parents=[common], help="a month's retention, sales, NPS and loyalty figures")
    metrics.add_argument("--month", required=True, metavar="YYYY-MM")
    metrics.add_argument("--json", action="store_true")

    report = sub.add_parser("report", parents=[common], help="print the monthly report for the owner (PDF)")
    report.add_argument("--month", required=True, metavar="YYYY-MM")
    report.add_argument("--paper", choices=PAPERS, default="A4")
    report.add_argument("-o", "--output", type=Path, required=True)

    notes = sub.add_parser("notes", parents=[common], help="print thank-you notes, birthday cards or win-back notes")
    notes.add_argument("--kind", choices=KINDS, required=True)
    notes.add_argument("--month", metavar="YYYY-MM", help="default: this month (birthday cards: next month)")
    notes.add_argument("--layout", choices=("a6x4", "folded"), default="a6x4", help="4 cards per sheet, or 1 folded")
    notes.add_argument("--paper", choices=PAPERS, default="A4")
    notes.add_argument("-o", "--output", type=Path, required=True)

    slip = sub.add_parser("slip", parents=[common], help="print a customer's balance slip (80 mm receipt PDF)")
    slip.add_argument("--customer", required=True, metavar="PHONE|CARD")
    slip.add_argument("-o", "--output", type=Path, required=True)

    cards = sub.add_parser("cards", parents=[common], help="print loyalty cards (10 per A4 sheet) to a PDF")
    cards.add_argument("--customers", choices=["all", "new"], default="all", help="new = enrolled this month")
    cards.add_argument("--paper", choices=PAPERS, default="A4")
    cards.add_argument("-o", "--output", type=Path, required=True)


# (label, attribute or loyalty key, how to show it)
ROWS: tuple[tuple[str, str, str], ...] = (
    (N_("Customers active at the start"), "customers_start", "count"),
    (N_("Customers active at the end"), "customers_end", "count"),
    (N_("New customers"), "new_customers", "count"),
    (N_("Customers who came back"), "reactivated_customers", "count"),
    (N_("Customers lost"), "lost_customers", "count"),
    (N_("Retention rate"), "retention_rate", "rate"),
    (N_("Churn rate"), "churn_rate", "rate"),
    (N_("Repeat purchase rate"), "repeat_purchase_rate", "rate"),
    (N_("Purchases per customer"), "purchase_frequency", "decimal"),
    (N_("Revenue"), "revenue", "money"),
    (N_("Sales"), "sales_count", "count"),
    (N_("Average transaction value"), "average_transaction_value", "money"),
    (N_("Customer lifetime value"), "clv", "money"),
    (N_("Net Promoter Score"), "nps", "nps"),
    (N_("Cross-sell rate"), "cross_sell_rate", "rate"),
    (N_("Members"), "members", "count"),
    (N_("Points issued"), "points_issued", "count"),
    (N_("Points redeemed"), "points_redeemed", "count"),
    (N_("Points expired"), "points_expired", "count"),
    (N_("Stamps issued"), "stamps_issued", "count"),
    (N_("Stamps redeemed"), "stamps_redeemed", "count"),
    (N_("Points liability"), "points_liability", "money"),
    (N_("Redemption rate"), "redemption_rate", "rate"),
    (N_("Referrals"), "referrals", "count"),
)


def _value(figures: PeriodFigures, key: str) -> Any:
    if key == "nps":
        return figures.nps.score
    if hasattr(figures, key):
        return getattr(figures, key)
    return figures.loyalty.get(key)


def _show(value: Any, how: str, currency: str, locale: str) -> str:
    if value is None:
        return "—"
    if how == "rate":
        return format_percent(value, "#,##0.0%", locale=locale)
    if how == "money":
        return format_money(value, currency, locale)
    if how == "decimal":
        return format_decimal(round(value, 2), locale=locale)
    return format_decimal(value, locale=locale)


def _change(now: Any, before: Any, how: str, currency: str, locale: str) -> str:
    if now is None or before is None:
        return ""
    if how == "rate":
        points = round((now - before) * 100, 1)
        return _("{sign}{points} pts", sign="+" if points > 0 else "", points=format_decimal(points, locale=locale))
    difference = now - before
    sign = "+" if difference > 0 else ""
    if how == "money":
        return sign + format_money(difference, currency, locale)
    return sign + format_decimal(round(difference, 2), locale=locale)


def metrics_table(current: PeriodFigures, previous: PeriodFigures, currency: str) -> str:
    """The figures as an aligned text table in the current language."""
    locale = i18n.babel_locale()
    lines = [(_("Figure"), _("This period"), _("Period before"), _("Change"))]
    for label, key, how in ROWS:
        now, before = _value(current, key), _value(previous, key)
        lines.append(
            (
                _(label),
                _show(now, how, currency, locale),
                _show(before, how, currency, locale),
                _change(now, before, how, currency, locale),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    last_day = current.end - timedelta(days=1)
    title = _(
        "{start} – {end}",
        start=format_date(current.start, "long", locale=locale),
        end=format_date(last_day, "long", locale=locale),
    )
    rows = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in lines]
    return "\n".join([title, *rows])


def cmd_metrics(args: argparse.Namespace) -> int:
    with open_shop(args) as shop:
        metrics = shop.month_metrics(args.month)
        if args.json:
            print_json(metrics_dict(metrics, shop.currency))
        else:
            print(metrics_table(metrics.current, metrics.previous, shop.currency))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.reports.monthly import render_monthly_report

    with open_shop(args) as shop:
        pages = render_monthly_report(args.output, shop, args.month, lang=output_language(args, shop), paper=args.paper)
    print(
        _(
            "Monthly report for {month} saved to {path} ({pages} pages).",
            month=args.month,
            path=str(args.output),
            pages=pages,
        )
    )
    return EXIT_OK


def cmd_notes(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.reports.notes import render_notes

    with open_shop(args) as shop:
        lang = output_language(args, shop)
        recipients = shop.note_recipients(args.kind, month=args.month, lang=lang)
        pages = render_notes(
            args.output,
            recipients,
            kind=args.kind,
            shop_name=shop.settings["shop_name"],
            lang=lang,
            layout=args.layout,
            paper=args.paper,
            template=shop.note_template(args.kind, lang),
        )
    written = _(
        "{count} notes on {pages} pages written to {path}.", count=len(recipients), pages=pages, path=str(args.output)
    )
    print(written)
    return EXIT_OK


def cmd_slip(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.reports.slip import render_slip

    with open_shop(args) as shop:
        customer = shop.resolve_customer(args.customer)
        render_slip(
            args.output,
            shop.customer_status(customer.id),
            shop_name=shop.settings["shop_name"],
            lang=output_language(args, shop),
            currency=shop.currency,
            today=shop.today(),
        )
    print(_("Balance slip for {name} written to {path}.", name=customer.name, path=str(args.output)))
    return EXIT_OK


def cmd_cards(args: argparse.Namespace) -> int:
    from smallbiz_loyalty.core.dates import add_months
    from smallbiz_loyalty.reports.cards import render_cards

    with open_shop(args) as shop:
        if args.customers == "new":
            start = shop.today().replace(day=1)
            ids = [line.customer_id for line in shop.new_customers(start, add_months(start, 1))]
        else:
            ids = shop.customer_ids(order="name")
        customers = shop.customers_by_ids(ids)
        pages = render_cards(
            args.output,
            customers,
            shop_name=shop.settings["shop_name"],
            lang=output_language(args, shop),
            paper=args.paper,
        )
    written = _(
        "{count} cards on {pages} pages written to {path}.", count=len(customers), pages=pages, path=str(args.output)
    )
    print(written)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "metrics": cmd_metrics,
    "report": cmd_report,
    "notes": cmd_notes,
    "slip": cmd_slip,
    "cards": cmd_cards,
}
