"""The balance slip: what the customer takes home from the counter, on 80 mm till roll.

One narrow page whose height fits its content: the shop, the date, the customer and
their card number, each programme's balance (a stamp card drawn as circles), the tier,
rewards ready, usable vouchers with their codes, and a thank-you. In Arabic the slip
reads right to left; codes and card numbers stay Latin, left to right.

The stamp card drawn as circles, and `reuse_drawing` (shapes written once per PDF as a
form), live here too: the printed notes draw the same stamp cards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from smallbiz_loyalty.core.audiences import REWARD_NEXT, Wording
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import LANGUAGES, N_, _, is_rtl
from smallbiz_loyalty.core.status import CustomerStatus, ProgrammeStatus
from smallbiz_loyalty.reports.kit import RECEIPT_WIDTH, PageInfo, Theme, build_pdf
from smallbiz_loyalty.reports.paragraph import Para, TextStyle
from smallbiz_loyalty.reports.rtl import draw_text, fit_text

MARGIN = 5 * mm  # till printers leave about 4 mm each side of an 80 mm roll
MAX_DRAWN_STAMPS = 20  # a bigger card is shown as "14/30" only
FRAME_PADDING = 12  # points: reportlab's Frame pads 6 pt top and bottom

SLIP_TITLE = N_("Your loyalty balance")
CARD = N_("Card {code}")
TIER = N_("Tier: {tier}")
TIER_NEXT = N_("{amount} more to reach {tier}")
EXPIRING = N_("{quantity} will expire on {date}")
READY = N_("Reward ready: {reward}")
YOUR_VOUCHERS = N_("Your vouchers")
VALID_UNTIL = N_("Valid until {date}")
NOTHING_YET = N_("Your first stamps and points come with your next purchase.")
THANKS = N_("Thank you for your visit!")
SEE_YOU = N_("See you soon.")
WARM = colors.HexColor("#D97706")  # the reward's circle: the one warm colour next to the teal
_FORMS: WeakKeyDictionary[Canvas, set[str]] = WeakKeyDictionary()  # the forms already in each PDF


# -- drawn stamp cards (also used on the printed notes) ------------------------


def stamp_rows(total: int) -> list[int]:
    """How many circles go on each row: one row up to 10, else two balanced rows."""
    if total <= 10:
        return [total]
    first = -(-total // 2)
    return [first, total - first]


def draw_stamps(
    canv: Canvas, x: float, top: float, filled: int, total: int, *, width: float, rtl: bool, most: float = 6 * mm
) -> float:
    """A punch card of `total` circles, `filled` of them stamped, in rows under `top`,
    filling from the reading start (the right in Arabic) of the `width` starting at `x`;
    the last circle, the reward, has a warm ring. Returns the height used."""
    rows = stamp_rows(total)
    per_row = max(rows)
    gap = most * 0.35
    size = min(most, (width - gap * (per_row - 1)) / per_row)
    gap = min(gap, size * 0.35)
    canv.saveState()
    index = 0
    for row, count in enumerate(rows):
        cy = top - size / 2 - row * (size + gap)
        for column in range(count):
            offset = column * (size + gap) + size / 2
            cx = x + width - offset if rtl else x + offset
            _draw_circle(canv, cx, cy, size / 2, stamped=index < filled, reward=index == total - 1)
            index += 1
    canv.restoreState()
    return len(rows) * size + (len(rows) - 1) * gap


def reuse_drawing(
    canv: Canvas, name: str, x: float, y: float, box: tuple[float, float, float, float], draw: Callable[[], None]
) -> None:
    """Draw `draw`'s shapes with their origin at (x, y), written into the PDF once as a form and
    then only referenced: a thousand cards with the same circles stay small and quick to print."""
    known = _FORMS.setdefault(canv, set())
    key = "sbl" + "".join(ch if ch.isalnum() else "_" for ch in name)
    if key not in known:
        canv.beginForm(key, *box)
        draw()
        canv.endForm()
        known.add(key)
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(key)
    canv.restoreState()


def _draw_circle(canv: Canvas, cx: float, cy: float, radius: float, *, stamped: bool, reward: bool) -> None:
    canv.setLineWidth(max(0.6, radius * 0.12))
    canv.setStrokeColor(WARM if reward else Theme.accent)
    canv.setFillColor(Theme.accent if stamped else Theme.white)
    canv.circle(cx, cy, radius * 0.92, stroke=1, fill=1)
    if stamped:
        # A tick, so a stamped circle reads as stamped on a grey-scale till printer too.
        canv.setStrokeColor(Theme.white)
        canv.setLineWidth(max(0.7, radius * 0.16))
        path = canv.beginPath()
        path.moveTo(cx - radius * 0.42, cy)
        path.lineTo(cx - radius * 0.1, cy - radius * 0.32)
        path.lineTo(cx + radius * 0.45, cy + radius * 0.35)
        canv.drawPath(path, stroke=1, fill=0)


# -- flowables of the slip -----------------------------------------------------


class Rule(Flowable):
    """A dashed line across the slip, like a till receipt's."""

    def __init__(self, space: float = 2.5 * mm) -> None:
        super().__init__()
        self.space = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 2 * self.space

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(Theme.rule)
        canv.setLineWidth(0.7)
        canv.setDash(2, 2)
        canv.line(0, self.space, self.width, self.space)
        canv.restoreState()


class Stamps(Flowable):
    """A programme's stamp card as circles, from the reading start."""

    def __init__(self, filled: int, total: int, *, lang: str) -> None:
        super().__init__()
        self.filled, self.total, self.rtl = filled, total, is_rtl(lang)
        self.spaceBefore, self.spaceAfter = 1 * mm, 1.5 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        rows = stamp_rows(self.total)
        gap = 6 * mm * 0.35
        size = min(6 * mm, (avail_width - gap * (max(rows) - 1)) / max(rows))
        self.height = len(rows) * size + (len(rows) - 1) * min(gap, size * 0.35)
        return self.width, self.height

    def draw(self) -> None:
        draw_stamps(self.canv, 0, self.height, self.filled, self.total, width=self.width, rtl=self.rtl)


class Highlight(Flowable):
    """Text on a tinted rounded box: what the cashier should not miss (a reward is ready)."""

    PAD = 2.5 * mm

    def __init__(self, para: Para) -> None:
        super().__init__()
        self.para = para
        self.spaceBefore, self.spaceAfter = 1.5 * mm, 1.5 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, inner = self.para.wrap(avail_width - 2 * self.PAD, avail_height)
        self.width, self.height = avail_width, inner + 2 * self.PAD
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(Theme.accent_soft)
        canv.setStrokeColor(Theme.accent)
        canv.setLineWidth(0.8)
        canv.roundRect(0, 0, self.width, self.height, 2 * mm, stroke=1, fill=1)
        canv.restoreState()
        self.para.drawOn(canv, self.PAD, self.PAD)


class Code(Flowable):
    """A voucher code: Latin type, left to right, at the reading start of the line."""

    def __init__(self, text: str, *, size: float, lang: str) -> None:
        super().__init__()
        self.text, self.size, self.lang = text, size, lang
        self.spaceAfter = 0.8 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.size * 1.35
        return self.width, self.height

    def draw(self) -> None:
        text, size = fit_text(self.text, self.width, size=self.size, min_size=6, lang="en", bold=True)
        rtl = is_rtl(self.lang)
        self.canv.setFillColor(Theme.ink)
        x, side = (self.width, "right") if rtl else (0.0, "left")
        draw_text(self.canv, x, self.size * 0.35, text, size=size, lang="en", bold=True, align=side)


# -- the slip ------------------------------------------------------------------


class _SlipText:
    """The slip's styles and wording in one language."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang, self.words = lang, Wording(lang, currency)
        bump = 0.5 if is_rtl(lang) else 0.0
        self.shop = TextStyle(size=14, bold=True, color=Theme.accent, align="center", space_after=0.5 * mm)
        self.centre = TextStyle(size=8 + bump, color=Theme.muted, align="center")
        self.name = TextStyle(size=12 + bump, bold=True, color=Theme.ink, align="center", space_after=0.5 * mm)
        self.card = TextStyle(size=9 + bump, color=Theme.ink, align="center")
        self.heading = TextStyle(size=9.5 + bump, bold=True, color=Theme.accent, space_before=2.5 * mm)
        self.big = TextStyle(size=15, bold=True, color=Theme.ink, space_after=0.5 * mm)
        self.body = TextStyle(size=8.5 + bump, color=Theme.ink, space_after=0.6 * mm)
        self.muted = TextStyle(size=8 + bump, color=Theme.muted, space_after=0.6 * mm)
        self.ready = TextStyle(size=10 + bump, bold=True, color=Theme.ink, align="center")
        self.thanks = TextStyle(size=10 + bump, bold=True, color=Theme.ink, align="center")

    def para(self, text: str, style: TextStyle, direction: str | None = None) -> Para:
        return Para(text, style, lang=self.lang, direction=direction)  # type: ignore[arg-type]


def _programme(p: ProgrammeStatus, t: _SlipText, today: date) -> list[Flowable]:
    w = t.words
    parts: list[Flowable] = [t.para(p.programme.name, t.heading, "auto")]
    if p.programme.unit == "stamps" and p.card_size and p.card_size <= MAX_DRAWN_STAMPS:
        parts.append(Stamps(max(p.balance, 0), p.card_size, lang=t.lang))
    if p.programme.unit == "stamps" and p.card_size:
        parts.append(t.para(f"{w.number(p.balance)}/{w.number(p.card_size)}", t.big))
    else:
        parts.append(t.para(w.quantity(p.programme.unit, p.balance), t.big))
    if p.rewards_ready:
        for reward in p.rewards_ready:
            parts.append(Highlight(t.para(w.say(READY, reward=reward.name), t.ready)))
    elif p.next_reward is not None:
        quantity = w.quantity(p.programme.unit, p.needed)
        parts.append(t.para(w.say(REWARD_NEXT, quantity=quantity, reward=p.next_reward.name), t.body))
    if p.tier is not None:
        parts.append(t.para(w.say(TIER, tier=p.tier.name), t.body))
    if p.next_tier is not None and p.spend_to_next_tier > 0:
        parts.append(t.para(w.say(TIER_NEXT, amount=w.money(p.spend_to_next_tier), tier=p.next_tier.name), t.muted))
    if p.expiring and p.expiring_on is not None and p.expiring_on >= today:
        quantity = w.quantity(p.programme.unit, p.expiring)
        parts.append(t.para(w.say(EXPIRING, quantity=quantity, date=w.date(p.expiring_on)), t.muted))
    return parts


def slip_flowables(status: CustomerStatus, *, shop_name: str, lang: str, currency: str, today: date) -> list[Flowable]:
    """Everything on the slip, top to bottom."""
    t = _SlipText(lang, currency)
    w = t.words
    customer = status.customer
    story: list[Flowable] = [
        t.para(shop_name, t.shop, "auto"),
        t.para(w.date(today), t.centre),
        Rule(),
        t.para(customer.name, t.name, "auto"),
        t.para(w.say(CARD, code=customer.card_code), t.card),
        Rule(),
    ]
    for programme in status.programmes:
        story += _programme(programme, t, today)
    if not status.programmes:
        story.append(t.para(w.say(NOTHING_YET), t.body))
    if status.vouchers:
        story += [Rule(), t.para(w.say(YOUR_VOUCHERS), t.heading)]
        for voucher in status.vouchers:
            story += [Code(voucher.code, size=11, lang=lang), t.para(w.voucher_gift(voucher), t.body, "auto")]
            if voucher.valid_until:
                story.append(t.para(w.say(VALID_UNTIL, date=w.date(voucher.valid_until)), t.muted))
    story += [Rule(), t.para(w.say(THANKS), t.thanks), t.para(w.say(SEE_YOU), t.centre)]
    return story


def render_slip(path: Path, status: CustomerStatus, *, shop_name: str, lang: str, currency: str, today: date) -> int:
    """Print `status` (from `Shop.customer_status`) as an 80 mm balance slip to the PDF `path`,
    the page as tall as its content; returns the number of pages (1). `today` is the
    shop's business date, printed on the slip."""
    if lang not in LANGUAGES:
        raise InvalidInput("lang", _("Language {lang} is not supported; choose ar or en.", lang=str(lang)[:10]))
    story = slip_flowables(status, shop_name=shop_name, lang=lang, currency=currency, today=today)
    width = RECEIPT_WIDTH - 2 * MARGIN
    height = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    page = (RECEIPT_WIDTH, height + 2 * MARGIN + FRAME_PADDING + 2 * mm)
    info = PageInfo(shop_name=shop_name, title=Wording(lang, currency).say(SLIP_TITLE), lang=lang, printed_on=today)
    return build_pdf(path, story, info=info, pagesize=page, decorated=False, margin=MARGIN)
