"""The document kit: paper, colours, text styles, page header/footer, and `build_pdf`.

Every printed document (monthly report, notes, cards, balance slip) is built from
these parts so they look like one product in Arabic and English. Reports never
import Qt; translated text comes from `core.i18n` in the document's own language
(`tr(text, lang)`), so a worker thread can print in Arabic while the app shows English.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from babel.dates import format_date
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from smallbiz_loyalty.core.errors import InvalidInput, StorageError
from smallbiz_loyalty.core.exporting import refuse_non_file, target_mode, temp_prefix
from smallbiz_loyalty.core.i18n import N_, _, babel_locale, is_rtl, translate
from smallbiz_loyalty.core.progress import Cancelled, Progress, ShouldCancel, never_cancel, no_progress
from smallbiz_loyalty.core.text import shown, shown_path
from smallbiz_loyalty.reports.fonts import font_pair, register_fonts
from smallbiz_loyalty.reports.paragraph import TextStyle
from smallbiz_loyalty.reports.rtl import draw_text, fit_text

PAPERS = {"A4": A4, "Letter": LETTER}
RECEIPT_WIDTH = 80 * mm  # balance slips: 80 mm till-roll width, height grows with the content

PAGE_OF = N_("Page {page} of {pages}")
PRINTED_ON = N_("Printed {date}")
BUILDING = N_("Laying out the pages…")


class Theme:
    """The colours of every document (print-friendly: dark ink, one teal accent)."""

    ink = colors.HexColor("#1F2933")
    muted = colors.HexColor("#6B7280")
    accent = colors.HexColor("#0F766E")
    accent_soft = colors.HexColor("#E6F4F1")
    rule = colors.HexColor("#D1D5DB")
    tile = colors.HexColor("#F4F6F8")
    good = colors.HexColor("#15803D")
    bad = colors.HexColor("#B91C1C")
    white = colors.white


@dataclass(frozen=True)
class Styles:
    """The text styles of one document language; alignment "start" follows the language."""

    title: TextStyle
    heading: TextStyle
    body: TextStyle
    small: TextStyle
    muted: TextStyle
    table_header: TextStyle
    table_cell: TextStyle
    kpi_label: TextStyle
    kpi_value: TextStyle


def styles(lang: str | None = None) -> Styles:
    """The text styles; Arabic reads best a half point larger than Latin at the same size."""
    ink, muted = Theme.ink, Theme.muted
    bump = 0.5 if lang and is_rtl(lang) else 0.0
    return Styles(
        title=TextStyle(size=20, bold=True, color=ink, space_after=4 * mm),
        heading=TextStyle(size=13, bold=True, color=Theme.accent, space_before=5 * mm, space_after=2 * mm),
        body=TextStyle(size=10 + bump, color=ink, space_after=2 * mm),
        small=TextStyle(size=8.5 + bump, color=ink),
        muted=TextStyle(size=8.5 + bump, color=muted),
        table_header=TextStyle(size=8.5 + bump, bold=True, color=ink),
        table_cell=TextStyle(size=8.5 + bump, color=ink),
        kpi_label=TextStyle(size=8.5 + bump, color=muted),
        kpi_value=TextStyle(size=18, bold=True, color=ink),
    )


def tr(text: str, lang: str, /, **params: object) -> str:
    """`text` (marked with N_) in the document's language, filled in with `params`."""
    translated = translate(text, lang)
    return translated.format(**params) if params else translated


def page_size(paper: str) -> tuple[float, float]:
    """The page size of "A4" or "Letter"."""
    if paper not in PAPERS:
        raise InvalidInput(
            "paper",
            _("Paper size {paper} is not supported; choose A4 or Letter.", paper=shown(paper)),
        )
    return PAPERS[paper]


def format_printed_date(day: date, lang: str) -> str:
    return format_date(day, format="long", locale=babel_locale(lang))


# -- writing a file whole or not at all ---------------------------------------


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it only if the block succeeds,
    so a cancelled or failed print never leaves a half-written PDF behind."""
    path = Path(path)
    # A NUL or an overlong name is refused in a sentence; a pipe or a device
    # (/dev/full) that carries the name is never swapped for the PDF.
    refuse_non_file(path, target_mode(path))
    folder_mode = target_mode(path.parent)
    if folder_mode is None or not stat.S_ISDIR(folder_mode):
        raise InvalidInput(
            "output",
            _(
                "The folder {folder} does not exist; choose another place to save the PDF.",
                folder=shown_path(path.parent),
            ),
        )
    try:
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=".part")
    except OSError as error:
        raise StorageError(_cannot_save(path, error)) from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, path)
    except OSError as error:
        raise StorageError(_cannot_save(path, error)) from error
    finally:
        temp.unlink(missing_ok=True)


def _cannot_save(path: Path, error: OSError) -> str:
    return _(
        "The PDF could not be saved to {path} ({reason}); check the folder and try again.",
        path=shown_path(path),
        reason=error.strerror or error,
    )


# -- pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer of every page say."""

    shop_name: str
    title: str
    lang: str
    printed_on: date


class _NumberedCanvas(Canvas):
    """Holds each page until the end, so the footer can say "Page 2 of 5"."""

    def __init__(self, *args: object, decorate: Callable[[Canvas, int, int], None], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []
        self._decorate = decorate

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def decorate_page(canv: Canvas, number: int, total: int, *, info: PageInfo, margin: float) -> None:
    """Header (shop name, document title, a rule) and footer (printed date, page X of Y)."""
    width, height = canv._pagesize
    lang = info.lang
    start, end = (width - margin, margin) if is_rtl(lang) else (margin, width - margin)
    canv.saveState()
    canv.setFillColor(Theme.accent)
    name, size = fit_text(info.shop_name, (width - 2 * margin) * 0.55, size=11, min_size=8, lang=lang, bold=True)
    draw_text(canv, start, height - 12 * mm, name, size=size, lang=lang, bold=True, direction="auto")
    canv.setFillColor(Theme.muted)
    draw_text(canv, end, height - 12 * mm, info.title, size=9, lang=lang, align="end")
    canv.setStrokeColor(Theme.rule)
    canv.setLineWidth(0.6)
    canv.line(margin, height - 14.5 * mm, width - margin, height - 14.5 * mm)
    canv.line(margin, 13 * mm, width - margin, 13 * mm)
    printed = tr(PRINTED_ON, lang, date=format_printed_date(info.printed_on, lang))
    draw_text(canv, start, 9 * mm, printed, size=8, lang=lang)
    draw_text(canv, end, 9 * mm, tr(PAGE_OF, lang, page=number, pages=total), size=8, lang=lang, align="end")
    canv.restoreState()


class _Document(BaseDocTemplate):
    """Reports progress after each flowable and stops when asked to."""

    def __init__(self, filename: str, *, total: int, progress: Progress, should_cancel: ShouldCancel, **kw: object):
        super().__init__(filename, **kw)
        self._total, self._done = total, 0
        self._progress, self._should_cancel = progress, should_cancel
        self._label = translate(BUILDING)  # shown in the app, so in its language

    def afterFlowable(self, flowable: Flowable) -> None:
        self._done += 1
        if self._should_cancel():
            raise Cancelled
        self._progress(min(self._done, self._total), self._total, self._label)


def build_pdf(
    path: Path,
    flowables: Sequence[Flowable],
    *,
    info: PageInfo,
    paper: str = "A4",
    pagesize: tuple[float, float] | None = None,
    decorated: bool = True,
    margin: float = 18 * mm,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Lay `flowables` out on A4 or Letter pages with the shop's header and footer and
    write the PDF to `path` whole (never half-written); return the number of pages.

    `pagesize` overrides `paper` (a balance slip: ``(RECEIPT_WIDTH, height)``), and
    `decorated=False` leaves out the header and footer. Output is reproducible
    (reportlab's invariant mode): the same input gives the same bytes."""
    register_fonts()
    pagesize = pagesize or page_size(paper)
    flowables = list(flowables)
    width, height = pagesize
    bottom, top = (18 * mm, 20 * mm) if decorated else (margin, margin)
    frame = Frame(margin, bottom, width - 2 * margin, height - bottom - top, id="body", leftPadding=0, rightPadding=0)
    decorate = partial(decorate_page, info=info, margin=margin) if decorated else _undecorated
    with atomic_output(path) as temp:
        doc = _Document(
            str(temp),
            total=len(flowables),
            progress=progress or no_progress,
            should_cancel=should_cancel or never_cancel,
            pagesize=pagesize,
            pageTemplates=[PageTemplate(id="page", frames=[frame])],
            title=info.title,
            author=info.shop_name,
            creator="smallbiz-loyalty",
            invariant=1,
            lang=info.lang,
            # Otherwise every page names Helvetica, a font that is not embedded.
            initialFontName=font_pair(info.lang).primary,
        )
        doc.build(flowables, canvasmaker=partial(_NumberedCanvas, decorate=decorate))
        return doc.page


def _undecorated(canv: Canvas, number: int, total: int) -> None:
    """No header or footer (receipt-width slips)."""
