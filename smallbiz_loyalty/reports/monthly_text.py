"""The words of the monthly report: how its figures are written, and the plain sentences
that tell the owner what they mean — in the document's language (`tr(…, lang)`).

Sentences are whole templates with named placeholders, so a translator can order them
as Arabic needs. They avoid putting a noun right after a varying number ("3 customers"):
Arabic counted nouns change form with the number (1, 2, 3–10, 11–99, 100…) and English
ones with 1, and a template cannot know which; so counts come after a label
("First-time customers: 12") and changes are said against last month's figure
("up from 85 in September"). Signed numbers in an Arabic line are wrapped in an LTR
embedding so "+3" and "-12%" keep their sign in front.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent

from smallbiz_loyalty.core.i18n import N_, babel_locale, is_rtl
from smallbiz_loyalty.reports.kit import tr

DASH = "—"  # an undefined figure (no customers active at the start, no NPS answers …)
LRE, PDF = "\u202a", "\u202c"  # left-to-right embedding: rtl.py's bidi has no isolates

# -- sentences ----------------------------------------------------------------
RETENTION_UP = N_(
    "Your shop kept {kept} of every 100 customers who were active at the start of the month,"
    " up from {previous} in {previous_month}."
)
RETENTION_DOWN = N_(
    "Your shop kept {kept} of every 100 customers who were active at the start of the month,"
    " down from {previous} in {previous_month}."
)
RETENTION_SAME = N_(
    "Your shop kept {kept} of every 100 customers who were active at the start of the month,"
    " the same as in {previous_month}."
)
RETENTION_ONLY = N_("Your shop kept {kept} of every 100 customers who were active at the start of the month.")
RETENTION_NONE = N_("No customer was active at the start of the month, so there is no retention rate yet.")
FLOW = N_("Customers this month — first-time: {new}; back after a long break: {reactivated}; stopped coming: {lost}.")
REVENUE_UP = N_("Revenue came to {revenue}, {percent} more than in {previous_month}; the average sale was {atv}.")
REVENUE_DOWN = N_("Revenue came to {revenue}, {percent} less than in {previous_month}; the average sale was {atv}.")
REVENUE_ONLY = N_("Revenue came to {revenue}; the average sale was {atv}.")
NO_SALES = N_("No sales were recorded this month.")
TOP_CATEGORY = N_("Your best seller was {category}: {share} of revenue ({amount}).")
NPS_SENTENCE = N_(
    "Answers to “How likely are you to recommend us?”: {answers}. Promoters (9 or 10): {promoters};"
    " detractors (6 or less): {detractors}. Your Net Promoter Score is {score}."
)
NPS_NONE = N_(
    "Nobody answered “How likely are you to recommend us?” this month; asking after a sale at the counter"
    " takes a second."
)
AT_RISK_SOME = N_(
    "Regulars whose last visit was before {date}: {count}. They are listed below with their phone numbers;"
    " a call or a “we miss you” note may bring them back."
)
AT_RISK_NONE = N_("No regular has stayed away since {date}.")
BIRTHDAYS_SOME = N_("Birthdays in {month}: {count}. The list below is ready for birthday cards.")
REWARDS_SOME = N_("Customers who reached a reward this month: {count}.")

# -- titles, tile labels, headings and table headers --------------------------------
REPORT_TITLE = N_("Monthly report")
DOC_TITLE = N_("Monthly report — {month}")
PERIOD = N_("Figures for {period}, compared with {previous_month}.")
NOT_OVER = N_("The month is not over yet: figures up to {date}.")
AT_A_GLANCE = N_("The month at a glance")
IN_PLAIN_WORDS = N_("What the numbers say")
RETENTION = N_("Retention rate")
CHURN = N_("Churn rate")
NPS = N_("Net Promoter Score")
REVENUE = N_("Revenue")
NEW = N_("New customers")
RETURNING = N_("Returning customers")
REACTIVATED = N_("Back after a break")
LOST = N_("Lost customers")
REPEAT = N_("Repeat purchase rate")
SALES = N_("Sales")
ATV = N_("Average transaction value")
CLV = N_("Customer lifetime value")
MEMBERS = N_("Members")
POINTS_ISSUED = N_("Points issued")
POINTS_REDEEMED = N_("Points redeemed")
STAMPS_ISSUED = N_("Stamps issued")
STAMPS_REDEEMED = N_("Stamps redeemed")
LIABILITY = N_("Value of unused points")
WEEKLY_SALES = N_("Sales and visits by week")
WEEKLY_CUSTOMERS = N_("New and returning customers by week")
REVENUE_IN = N_("Revenue ({currency})")
VISITS = N_("Visits")
NEW_SHORT = N_("New")
RETURNING_SHORT = N_("Returning")
NPS_MONTHS = N_("Net Promoter Score, month by month")
PROMOTERS = N_("Promoters (9–10)")
PASSIVES = N_("Passives (7–8)")
DETRACTORS = N_("Detractors (0–6)")
SEGMENTS_TITLE = N_("Customer segments (RFM, last 12 months)")
COHORTS_TITLE = N_("Who came back: share of each month's new customers buying again")
FIRST_MONTH = N_("First purchase")
CUSTOMERS = N_("Customers")
COHORTS_HELP = N_(
    "Each row: the customers whose first purchase fell in that month. Each column: the share of them"
    " who bought again that many months later."
)
AT_RISK_TITLE = N_("Regulars at risk")
BIRTHDAYS_TITLE = N_("Birthdays in {month}")
TOP_TITLE = N_("Top 10 customers this month")
REWARDS_TITLE = N_("Reached a reward this month")
CUSTOMER = N_("Customer")
PHONE = N_("Phone")
VISITS_HEADER = N_("Visits")
SPENT = N_("Spent")
LAST_VISIT = N_("Last visit")
BIRTHDAY = N_("Birthday")
PROGRAMME = N_("Programme")
REWARD = N_("Reward")
REACHED_ON = N_("Reached on")
AND_MORE = N_("… and {count} more on the Customers screen.")
NOBODY = N_("Nobody to list this month.")
NO_ANSWERS = N_("No answers yet.")

# -- changes against last month (KPI tiles) -------------------------------------
CHANGE_VS = N_("{change} vs {month}")
POINTS_VS = N_("{change} points vs {month}")
POINT_VS = N_("{change} point vs {month}")
SAME_AS = N_("same as {month}")


@dataclass(frozen=True)
class Fmt:
    """Numbers, money, percentages and dates as the document's language writes them (Babel)."""

    lang: str
    currency: str

    @property
    def locale(self) -> str:
        return babel_locale(self.lang)

    def number(self, value: int | float | None) -> str:
        return DASH if value is None else format_decimal(value, locale=self.locale)

    def percent(self, rate: float | None) -> str:
        """A 0–1 rate as a whole percentage ("88%"), rounded half up as `whole_percent`."""
        return DASH if rate is None else self.percent_of(whole_percent(rate))

    def percent_of(self, whole: int) -> str:
        return format_percent(Decimal(whole) / 100, locale=self.locale)

    def amount(self, major: str | Decimal) -> str:
        """A `metrics_dict`-style amount with the currency's decimals but no symbol ("139.500")."""
        return format_currency(
            Decimal(major), self.currency, format="#,##0.00", currency_digits=True, locale=self.locale
        )

    def money(self, major: str | Decimal | None) -> str:
        """A `metrics_dict` amount ("12.500", major units) as "KWD12.500" / "12.500 د.ك."."""
        if major is None:
            return DASH
        return format_currency(Decimal(major), self.currency, locale=self.locale)

    def month(self, day: date) -> str:
        """ "September" / "سبتمبر"."""
        return format_date(day, "LLLL", locale=self.locale)

    def month_year(self, day: date) -> str:
        """ "October 2026" / "أكتوبر 2026"."""
        return format_skeleton("yMMMM", day, locale=self.locale)

    def month_short(self, day: date) -> str:
        """ "Sep 2026" / "سبتمبر 2026" (chart labels)."""
        return format_skeleton("yMMM", day, locale=self.locale)

    def day(self, day: date) -> str:
        """ "Sep 3" / "3 سبتمبر"."""
        return format_skeleton("MMMd", day, locale=self.locale)

    def days(self, first: date, last: date) -> str:
        """ "Sep 1 – 7" / "1–7 سبتمبر" (both days included)."""
        return format_interval(first, last, "MMMd", locale=self.locale)

    def signed(self, text: str) -> str:
        """`text` ("+3", "-12%") kept left to right with its sign in front, also inside Arabic."""
        return f"{LRE}{text}{PDF}" if is_rtl(self.lang) else text


def whole_percent(rate: float) -> int:
    """A 0–1 rate as a whole percentage, halves rounded up (0.125 → 13)."""
    return int((Decimal(repr(rate)) * 100).to_integral_value(ROUND_HALF_UP))


def percent_change(current: Decimal, previous: Decimal) -> int | None:
    """Whole percent change from `previous` to `current`; None when `previous` is not positive."""
    if previous <= 0:
        return None
    return int(((current - previous) * 100 / previous).to_integral_value(ROUND_HALF_UP))


# -- KPI tile changes -----------------------------------------------------------


def rate_change(current: float | None, previous: float | None, fmt: Fmt, month: date) -> tuple[int | None, str | None]:
    """The change of a rate in percentage points, as printed: the difference of the two
    printed whole percentages, so "88%" against "85%" always says "+3"."""
    if current is None or previous is None:
        return None, None
    delta = whole_percent(current) - whole_percent(previous)
    if not delta:
        return 0, tr(SAME_AS, fmt.lang, month=fmt.month(month))
    template = POINT_VS if abs(delta) == 1 else POINTS_VS
    return delta, tr(
        template, fmt.lang, change=fmt.signed(_sign(delta) + fmt.number(abs(delta))), month=fmt.month(month)
    )


def count_change(current: int | None, previous: int | None, fmt: Fmt, month: date) -> tuple[int | None, str | None]:
    """The change of a count or a score ("+5 vs September")."""
    if current is None or previous is None:
        return None, None
    delta = current - previous
    if not delta:
        return 0, tr(SAME_AS, fmt.lang, month=fmt.month(month))
    return delta, tr(
        CHANGE_VS, fmt.lang, change=fmt.signed(_sign(delta) + fmt.number(abs(delta))), month=fmt.month(month)
    )


def money_change(current: str | None, previous: str | None, fmt: Fmt, month: date) -> tuple[int | None, str | None]:
    """The change of an amount in whole percent ("+12% vs September")."""
    if current is None or previous is None:
        return None, None
    delta = percent_change(Decimal(current), Decimal(previous))
    if delta is None:
        return None, None
    if not delta:
        return 0, tr(SAME_AS, fmt.lang, month=fmt.month(month))
    text = _sign(delta) + fmt.percent_of(abs(delta))
    return delta, tr(CHANGE_VS, fmt.lang, change=fmt.signed(text), month=fmt.month(month))


def _sign(delta: int) -> str:
    return "+" if delta > 0 else "-"


# -- the owner's sentences --------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """What the sentences are about, besides `metrics_dict` (`numbers`)."""

    numbers: dict[str, Any]
    month_start: date
    top_category: tuple[str, str, float] | None  # (name, revenue in major units, share of revenue)
    at_risk: int
    quiet_since: date  # at-risk regulars have not visited since this day
    birthdays: int
    next_month: date
    rewards_reached: int


def owner_sentences(story: Story, fmt: Fmt) -> list[str]:
    """The plain-language summary, one sentence (or two) per topic."""
    sentences = [retention_sentence(story.numbers, fmt, story.month_start)]
    n = story.numbers
    sentences.append(
        tr(
            FLOW,
            fmt.lang,
            new=fmt.number(n["new_customers"]),
            reactivated=fmt.number(n["reactivated_customers"]),
            lost=fmt.number(n["lost_customers"]),
        )
    )
    sentences.append(revenue_sentence(n, fmt, story.month_start))
    if story.top_category:
        name, amount, share = story.top_category
        sentences.append(tr(TOP_CATEGORY, fmt.lang, category=name, share=fmt.percent(share), amount=fmt.money(amount)))
    sentences.append(nps_sentence(n, fmt))
    template = AT_RISK_SOME if story.at_risk else AT_RISK_NONE
    sentences.append(tr(template, fmt.lang, date=fmt.day(story.quiet_since), count=fmt.number(story.at_risk)))
    if story.birthdays:
        month = fmt.month(story.next_month)
        sentences.append(tr(BIRTHDAYS_SOME, fmt.lang, month=month, count=fmt.number(story.birthdays)))
    if story.rewards_reached:
        sentences.append(tr(REWARDS_SOME, fmt.lang, count=fmt.number(story.rewards_reached)))
    return sentences


def retention_sentence(numbers: dict[str, Any], fmt: Fmt, month_start: date) -> str:
    rate, previous = numbers["retention_rate"], numbers["previous"]["retention_rate"]
    if rate is None:
        return tr(RETENTION_NONE, fmt.lang)
    kept = whole_percent(rate)
    if previous is None:
        return tr(RETENTION_ONLY, fmt.lang, kept=fmt.number(kept))
    before = whole_percent(previous)
    template = RETENTION_UP if kept > before else RETENTION_DOWN if kept < before else RETENTION_SAME
    return tr(
        template,
        fmt.lang,
        kept=fmt.number(kept),
        previous=fmt.number(before),
        previous_month=fmt.month(_previous_month(month_start)),
    )


def revenue_sentence(numbers: dict[str, Any], fmt: Fmt, month_start: date) -> str:
    if not numbers["sales_count"] and Decimal(numbers["revenue"]) == 0:
        return tr(NO_SALES, fmt.lang)
    revenue, atv = fmt.money(numbers["revenue"]), fmt.money(numbers["average_transaction_value"])
    change = percent_change(Decimal(numbers["revenue"]), Decimal(numbers["previous"]["revenue"]))
    if not change:
        return tr(REVENUE_ONLY, fmt.lang, revenue=revenue, atv=atv)
    template = REVENUE_UP if change > 0 else REVENUE_DOWN
    return tr(
        template,
        fmt.lang,
        revenue=revenue,
        percent=fmt.percent_of(abs(change)),
        previous_month=fmt.month(_previous_month(month_start)),
        atv=atv,
    )


def nps_sentence(numbers: dict[str, Any], fmt: Fmt) -> str:
    if not numbers["nps_answers"]:
        return tr(NPS_NONE, fmt.lang)
    score = numbers["nps"]
    return tr(
        NPS_SENTENCE,
        fmt.lang,
        answers=fmt.number(numbers["nps_answers"]),
        promoters=fmt.number(numbers["nps_promoters"]),
        detractors=fmt.number(numbers["nps_detractors"]),
        score=fmt.signed(fmt.number(score)) if score < 0 else fmt.number(score),
    )


def _previous_month(month_start: date) -> date:
    return date(month_start.year - (month_start.month == 1), (month_start.month - 2) % 12 + 1, 1)
