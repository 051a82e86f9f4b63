"""What the Reports screen can print, and the one function that prints it.

`render_document` runs on the worker thread with the worker's own `Shop`: it
asks the shop for the audience (the shop checks who may see it) and hands the
rest to the printing core, exactly as the command line does (cli_reports.py).
No Qt here: the screen builds a `PrintRequest` from its widgets and shows the
`Printed` outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smallbiz_loyalty.core.dates import add_months
from smallbiz_loyalty.core.permissions import require
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.core.shop import Shop

MONTHLY, CARDS = "monthly", "cards"
NOTE_KINDS = ("thank-you", "birthday", "win-back")
DOCUMENTS = (MONTHLY, *NOTE_KINDS, CARDS)
# Who a document is for: the kind's own audience for the month, every customer,
# the month's first-time customers, or the customers chosen on another screen.
OWN, EVERYONE, NEW, CHOSEN = "own", "all", "new", "chosen"
LAYOUTS = ("a6x4", "folded")
PAPERS = ("A4", "Letter")


@dataclass(frozen=True)
class PrintRequest:
    """Everything one press of Generate asks for."""

    document: str  # one of DOCUMENTS
    month: date  # the first day of the month
    lang: str  # "en" | "ar": the document's language, not necessarily the window's
    paper: str = "A4"
    layout: str = "a6x4"  # notes only
    audience: str = OWN  # OWN | EVERYONE | NEW | CHOSEN
    ids: tuple[int, ...] = ()  # the chosen customers (audience CHOSEN)
    template: str | None = None  # the note text as typed in the box (None: the owner's saved one)

    @property
    def month_text(self) -> str:
        return self.month.strftime("%Y-%m")


@dataclass(frozen=True)
class Printed:
    """What was printed: pages, and how many notes or cards (0 for the report)."""

    document: str
    pages: int
    items: int = 0


def render_document(
    shop: Shop, request: PrintRequest, path: Path, *, progress: Progress, should_cancel: ShouldCancel
) -> Printed:
    """Print `request` to the PDF `path` (written whole or not at all) as the shop's signed-in
    staff member; every document here is the owner's (the core's refusal sentence otherwise)."""
    require(shop.current_staff(), "reports")
    if request.document == MONTHLY:
        from smallbiz_loyalty.reports.monthly import render_monthly_report

        pages = render_monthly_report(
            path,
            shop,
            request.month_text,
            lang=request.lang,
            paper=request.paper,
            progress=progress,
            should_cancel=should_cancel,
        )
        return Printed(MONTHLY, pages)
    if request.document == CARDS:
        return _render_cards(shop, request, path, progress=progress, should_cancel=should_cancel)
    return _render_notes(shop, request, path, progress=progress, should_cancel=should_cancel)


def _render_notes(
    shop: Shop, request: PrintRequest, path: Path, *, progress: Progress, should_cancel: ShouldCancel
) -> Printed:
    from smallbiz_loyalty.reports.notes import render_notes

    kind = request.document
    ids = list(request.ids) if request.audience == CHOSEN else None
    recipients = shop.note_recipients(kind, month=request.month_text, ids=ids, lang=request.lang)
    template = request.template if request.template is not None else shop.note_template(kind, request.lang)
    pages = render_notes(
        path,
        recipients,
        kind=kind,
        shop_name=shop.settings["shop_name"],
        lang=request.lang,
        layout=request.layout,
        paper=request.paper,
        template=template,
        progress=progress,
        should_cancel=should_cancel,
    )
    return Printed(kind, pages, len(recipients))


def _render_cards(
    shop: Shop, request: PrintRequest, path: Path, *, progress: Progress, should_cancel: ShouldCancel
) -> Printed:
    from smallbiz_loyalty.reports.cards import render_cards

    if request.audience == CHOSEN:
        ids = list(request.ids)
    elif request.audience == NEW:
        ids = [line.customer_id for line in shop.new_customers(request.month, add_months(request.month, 1))]
    else:
        ids = shop.customer_ids(order="name")
    customers = [customer for customer in shop.customers_by_ids(ids) if customer.active]
    pages = render_cards(
        path,
        customers,
        shop_name=shop.settings["shop_name"],
        lang=request.lang,
        paper=request.paper,
        progress=progress,
        should_cancel=should_cancel,
    )
    return Printed(CARDS, pages, len(customers))
