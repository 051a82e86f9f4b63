"""A customer's own data, printed so a person can read it: "everything we hold about you".

The data comes from `core.privacy.export_customer` (the same dict that is saved as
JSON), so the paper and the file say the same thing. Names, notes and other typed
text take their direction from their own script; phone numbers, emails and codes
are always left to right, inside Arabic pages too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from babel.dates import format_skeleton
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import LANGUAGES, N_, _, babel_locale, is_rtl
from smallbiz_loyalty.core.money import format_money
from smallbiz_loyalty.core.progress import Progress, ShouldCancel
from smallbiz_loyalty.reports.flowables import data_table
from smallbiz_loyalty.reports.fonts import LATIN
from smallbiz_loyalty.reports.kit import PageInfo, Styles, Theme, build_pdf, page_size, styles, tr
from smallbiz_loyalty.reports.paragraph import Para
from smallbiz_loyalty.reports.rtl import Direction

MARGIN = 18 * mm
DASH = "—"

DOC_TITLE = N_("Customer data")
TITLE = N_("Everything we hold about you")
INTRO = N_(
    "This is every piece of information {shop} keeps about {name}, as of {date}. "
    "Ask us at any time to correct it or to erase it."
)
NONE = N_("None.")
YES, NO = N_("Yes"), N_("No")
DETAILS, BALANCES, SALES, LEDGER = N_("Your details"), N_("Balances"), N_("Purchases"), N_("Points and stamps")
VOUCHERS, FEEDBACK, TIERS, MERGED = N_("Vouchers"), N_("Your answers"), N_("Tier history"), N_("Merged records")
REWARDS, REWARD = N_("Rewards redeemed"), N_("Reward")
FIELDS: dict[str, str] = {
    "id": N_("Customer number"),
    "name": N_("Name"),
    "phone": N_("Phone"),
    "email": N_("Email"),
    "birthday": N_("Birthday"),
    "card_code": N_("Card number"),
    "created_at": N_("Customer since"),
    "consent_marketing": N_("Offers and birthday gifts"),
    "consent_notes": N_("Printed thank-you notes"),
    "notes": N_("Notes"),
    "external_id": N_("Number in the previous system"),
    "referred_by": N_("Referred by customer number"),
}
_LTR_FIELDS = frozenset({"id", "phone", "email", "card_code", "external_id", "referred_by"})
KINDS: dict[str, str] = {
    "sale": N_("Purchase"),
    "return": N_("Return"),
    "void": N_("Cancelled"),
    "earn": N_("Earned"),
    "redeem": N_("Redeemed"),
    "expire": N_("Expired"),
    "adjust": N_("Correction"),
    "opening": N_("Opening balance"),
    "reversal": N_("Taken back"),
    "birthday": N_("Birthday gift"),
    "referral": N_("Referral bonus"),
    "merge": N_("Merged"),
}
DATE, KIND, AMOUNT, CATEGORY = N_("Date"), N_("What"), N_("Amount"), N_("Category")
PROGRAMME, QUANTITY, REASON, BALANCE = N_("Programme"), N_("Quantity"), N_("Reason"), N_("Balance")
CODE, ITEM, VALID_UNTIL, USED = N_("Code"), N_("Gift"), N_("Valid until"), N_("Used")
SCORE, COMMENT, TIER = N_("Score"), N_("Comment"), N_("Tier")
REFERRED = N_("Customers you referred: {count}.")


def render_customer_data(
    path: Path,
    data: dict[str, Any],
    *,
    shop_name: str,
    lang: str,
    printed_on: date,
    paper: str = "A4",
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Print `data` (from `export_customer`) in `lang` to the PDF `path`, written whole; returns the page count."""
    if lang not in LANGUAGES:
        raise InvalidInput("lang", _("Language {lang} is not supported; choose ar or en.", lang=str(lang)[:10]))
    width = page_size(paper)[0] - 2 * MARGIN
    info = PageInfo(shop_name=shop_name, title=tr(DOC_TITLE, lang), lang=lang, printed_on=printed_on)
    flowables = customer_story(data, shop_name=shop_name, lang=lang, width=width)
    return build_pdf(
        path, flowables, info=info, paper=paper, margin=MARGIN, progress=progress, should_cancel=should_cancel
    )


def pdf_renderer(*, shop_name: str, lang: str, printed_on: date, paper: str = "A4") -> partial[int]:
    """A `core.privacy.PdfRenderer` for `Shop.export_customer_data(..., render_pdf=...)`."""
    return partial(_render_at, shop_name=shop_name, lang=lang, printed_on=printed_on, paper=paper)


def _render_at(path: Path, data: dict[str, Any], **options: Any) -> int:
    return render_customer_data(path, data, **options)


class _Fmt:
    """Dates, money and yes/no in the document's language."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang, self.currency, self.locale = lang, currency, babel_locale(lang)

    def day(self, value: str | None) -> str:
        if not value:
            return DASH
        return format_skeleton("yMMMd", date.fromisoformat(value[:10]), locale=self.locale)

    def money(self, minor: int) -> str:
        return format_money(minor, self.currency, self.locale)

    def yes_no(self, value: object) -> str:
        return tr(YES if value else NO, self.lang)

    def text(self, value: object) -> str:
        return DASH if value in (None, "") else str(value)


def customer_story(data: dict[str, Any], *, shop_name: str, lang: str, width: float) -> list[Flowable]:
    """The flowables of the document: title, details, then one section per kind of record."""
    s, f = styles(lang), _Fmt(lang, data["currency"])
    customer = data["customer"]
    intro = tr(INTRO, lang, shop=shop_name, name=customer["name"], date=f.day(data["as_of"]))
    story: list[Flowable] = [
        Para(tr(TITLE, lang), s.title, lang=lang),
        Para(intro, s.body, lang=lang),
        *_section(tr(DETAILS, lang), [_details_table(customer, f, s, width)], s, lang),
    ]
    story += _balances(data, f, s, width)
    story += _sales(data, f, s, width)
    story += _ledger(data, f, s, width)
    story += _redemptions(data, f, s, width)
    story += _vouchers(data, f, s, width)
    story += _feedback(data, f, s, width)
    story += _tiers(data, f, s, width)
    story.append(
        Para(tr(REFERRED, lang, count=len(data["referred_customers"])), s.body.but(space_before=4 * mm), lang=lang)
    )
    if data["merged_from"]:
        rows = [[str(m["id"]), f.text(m["name"]), f.text(m["phone"])] for m in data["merged_from"]]
        header = [tr(FIELDS["id"], lang), tr(FIELDS["name"], lang), tr(FIELDS["phone"], lang)]
        story += _table_section(tr(MERGED, lang), header, rows, f, s, width, directions={0: "ltr", 1: "auto", 2: "ltr"})
    return story


def _section(title: str, body: Sequence[Flowable], s: Styles, lang: str) -> list[Flowable]:
    # A heading never ends a page alone.
    return [CondPageBreak(30 * mm), Para(title, s.heading, lang=lang), *body]


def _table_section(
    title: str,
    header: list[str],
    rows: list[list[str]],
    f: _Fmt,
    s: Styles,
    width: float,
    *,
    directions: dict[int, Direction],
    numeric: frozenset[int] = frozenset(),
    weights: list[float] | None = None,
) -> list[Flowable]:
    if not rows:
        return _section(title, [Para(tr(NONE, f.lang), s.muted, lang=f.lang)], s, f.lang)
    table = data_table(
        header, rows, width=width, col_widths=weights, numeric=numeric, lang=f.lang, directions=directions, style=s
    )
    return _section(title, [table], s, f.lang)


def _details_table(customer: dict[str, Any], f: _Fmt, s: Styles, width: float) -> Table:
    """Field | value, one row per field; each value in its own direction (a phone stays "+965 …")."""
    rows = []
    for key, label in FIELDS.items():
        value = customer.get(key)
        if key == "created_at":
            text = f.day(value)
        elif key.startswith("consent_"):
            text = f.yes_no(value)
        else:
            text = f.text(value)
        direction: Direction = "ltr" if key in _LTR_FIELDS else "auto"
        rows.append(
            [
                Para(tr(label, f.lang), s.table_header, lang=f.lang),
                Para(text, s.table_cell, lang=f.lang, direction=direction),
            ]
        )
    widths = [width * 0.35, width * 0.65]
    if is_rtl(f.lang):
        rows, widths = [row[::-1] for row in rows], widths[::-1]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, Theme.rule),
            ]
        )
    )
    return table


def _balances(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [[b["programme"], str(b["balance"])] for b in data["balances"]]
    header = [tr(PROGRAMME, f.lang), tr(BALANCE, f.lang)]
    return _table_section(
        tr(BALANCES, f.lang), header, rows, f, s, width, directions={0: "auto"}, numeric=frozenset({1})
    )


def _sales(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [
        [f.day(x["business_date"]), tr(KINDS["void" if x["voided_at"] else x["kind"]], f.lang), f.money(x["amount"]),
         f.text(x["category"])]
        for x in data["sales"]
    ]  # fmt: skip
    header = [tr(DATE, f.lang), tr(KIND, f.lang), tr(AMOUNT, f.lang), tr(CATEGORY, f.lang)]
    return _table_section(
        tr(SALES, f.lang), header, rows, f, s, width, directions={3: "auto"}, numeric=frozenset({2}),
        weights=[1.5, 1.2, 1.3, 2],
    )  # fmt: skip


def _ledger(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [
        [f.day(x["business_date"]), x["programme"], tr(KINDS.get(x["kind"], x["kind"]), f.lang), str(x["quantity"]),
         f.text(x["reason"])]
        for x in data["ledger"]
    ]  # fmt: skip
    header = [tr(DATE, f.lang), tr(PROGRAMME, f.lang), tr(KIND, f.lang), tr(QUANTITY, f.lang), tr(REASON, f.lang)]
    return _table_section(
        tr(LEDGER, f.lang), header, rows, f, s, width, directions={1: "auto", 3: "ltr", 4: "auto"},
        numeric=frozenset({3}), weights=[1.5, 1.5, 1.3, 0.9, 2.3],
    )  # fmt: skip


def _redemptions(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [
        [f.day(x["business_date"]), x["programme"], f.text(x["reward"]), str(x["quantity"])]
        for x in data["redemptions"]
    ]
    header = [tr(DATE, f.lang), tr(PROGRAMME, f.lang), tr(REWARD, f.lang), tr(QUANTITY, f.lang)]
    return _table_section(
        tr(REWARDS, f.lang), header, rows, f, s, width, directions={1: "auto", 2: "auto"}, numeric=frozenset({3})
    )


def _vouchers(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [
        [x["code"], f.text(x["item"]), f.day(x["issued_at"]), f.day(x["valid_until"]), f.day(x["redeemed_on"])]
        for x in data["vouchers"]
    ]
    header = [tr(CODE, f.lang), tr(ITEM, f.lang), tr(DATE, f.lang), tr(VALID_UNTIL, f.lang), tr(USED, f.lang)]
    return _table_section(tr(VOUCHERS, f.lang), header, rows, f, s, width, directions={0: "ltr", 1: "auto"})


def _feedback(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [[f.day(x["business_date"]), str(x["score"]), f.text(x["comment"])] for x in data["feedback"]]
    header = [tr(DATE, f.lang), tr(SCORE, f.lang), tr(COMMENT, f.lang)]
    return _table_section(
        tr(FEEDBACK, f.lang), header, rows, f, s, width, directions={2: "auto"}, numeric=frozenset({1}),
        weights=[1.5, 0.8, 4],
    )  # fmt: skip


def _tiers(data: dict[str, Any], f: _Fmt, s: Styles, width: float) -> list[Flowable]:
    rows = [[f.day(x["since"]), x["programme"], f.text(x["tier"])] for x in data["tier_history"]]
    header = [tr(DATE, f.lang), tr(PROGRAMME, f.lang), tr(TIER, f.lang)]
    return _table_section(tr(TIERS, f.lang), header, rows, f, s, width, directions={1: "auto", 2: "auto"})
