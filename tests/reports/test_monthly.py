"""The monthly report, read back from the PDF: the figures on paper are the `metrics --json`
figures, the Arabic sentences read back as meant, the lists name the right people, and an
empty month or a bad request never half-writes a file. Plus the aggregates it draws
(core.report_data), worked by hand."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from smallbiz_loyalty.core import report_data, segments
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.demo import build_demo
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import catalogue, translate
from smallbiz_loyalty.core.metrics import metrics_dict, month_metrics
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from smallbiz_loyalty.reports.monthly import render_monthly_report
from tests.factories import make_customer
from tests.reports.pdftext import font_names, page_count, to_logical, unshape, visual_lines

NOW = datetime(2026, 10, 15, 9, 30, tzinfo=UTC)
SEPTEMBER = "2026-09"
RETENTION = "Your shop kept {kept} of every 100 customers who were active at the start of the month"
FLOW = "Customers this month — first-time: {new}; back after a long break: {reactivated}; stopped coming: {lost}."
# The Arabic the tests expect when the catalogue has none yet (the catalogue's own wins).
ARABIC = {
    f"{RETENTION}, up from {{previous}} in {{previous_month}}.": "احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين"
    " في بداية الشهر، ارتفاعا من {previous} في {previous_month}.",
    f"{RETENTION}, down from {{previous}} in {{previous_month}}.": "احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين"
    " في بداية الشهر، انخفاضا من {previous} في {previous_month}.",
    f"{RETENTION}, the same as in {{previous_month}}.": "احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين"
    " في بداية الشهر، وهي النسبة نفسها في {previous_month}.",
    FLOW: "حركة العملاء هذا الشهر — جدد: {new}؛ عادوا بعد انقطاع طويل: {reactivated}؛ توقفوا عن الزيارة: {lost}.",
}


def at(day: str) -> datetime:
    """Noon in Kuwait on `day`, so the business date is `day`."""
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def percent(rate: float) -> int:
    return int((Decimal(repr(rate)) * 100).to_integral_value(ROUND_HALF_UP))


def kwd(major: str) -> str:
    return f"KWD{Decimal(major):,.3f}"


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    """The demo café (60 customers, 4 months), with a few more NPS answers in August and September."""
    path = tmp_path_factory.mktemp("cafe") / "cafe.db"
    with Shop.open(path, clock=fixed_clock(NOW)) as shop:
        build_demo(shop, customers=60, months=4, seed=7)
        rng = random.Random(5)
        for month, scores in ((8, (10, 9, 6, 8, 3)), (9, (10, 10, 9, 7, 6, 9, 10, 2))):
            for score in scores:
                shop.record_feedback(score=score, at=at(f"2026-{month:02d}-{rng.randint(1, 28):02d}"))
        yield shop


@pytest.fixture(scope="module")
def numbers(cafe: Shop) -> dict[str, Any]:
    return metrics_dict(month_metrics(cafe.db, SEPTEMBER, cafe.settings), cafe.currency)


@pytest.fixture(scope="module")
def reports(cafe: Shop, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as patch:
        table = catalogue("ar")
        for source, arabic in ARABIC.items():
            if source not in table:
                patch.setitem(table, source, arabic)
        paths = {lang: folder / f"september_{lang}.pdf" for lang in ("en", "ar")}
        for lang, path in paths.items():
            render_monthly_report(path, cafe, SEPTEMBER, lang=lang)
        yield paths


def test_the_first_page_prints_the_metrics_json_figures(reports: dict[str, Path], numbers: dict[str, Any]) -> None:
    n, p = numbers, numbers["previous"]
    lines = visual_lines(reports["en"], 0)
    assert f"{percent(n['retention_rate'])}% {percent(n['churn_rate'])}% {n['nps']} {kwd(n['revenue'])}" in lines
    returning = n["buyers"] - n["new_customers"] - n["reactivated_customers"]
    flow = [n["new_customers"], returning, n["reactivated_customers"], n["lost_customers"]]
    assert " ".join(map(str, flow)) in lines
    assert (
        f"{percent(n['repeat_purchase_rate'])}% {n['sales_count']} {kwd(n['average_transaction_value'])}"
        f" {kwd(n['clv'])}"
    ) in lines
    # Points when the shop moved any (the demo café runs a points programme beside its stamp card).
    unit = "points" if any(n[f"points_{k}"] or p[f"points_{k}"] for k in ("issued", "redeemed")) else "stamps"
    assert f"Members {unit.title()} issued {unit.title()} redeemed Value of unused points" in lines
    assert f"{n['members']} {n[unit + '_issued']} {n[unit + '_redeemed']} {kwd(n['points_liability'])}" in lines
    # The changes against August: rates in points of the printed percentages, money in percent.
    churn_points = percent(n["churn_rate"]) - percent(p["churn_rate"])
    assert any(f"{churn_points:+d} points vs August" in line for line in lines)
    assert any(f"{n['new_customers'] - p['new_customers']:+d} vs August" in line for line in lines)


def test_the_english_sentences_say_the_same_numbers(reports: dict[str, Path], numbers: dict[str, Any]) -> None:
    text = " ".join(visual_lines(reports["en"], 0))
    kept, before = percent(numbers["retention_rate"]), percent(numbers["previous"]["retention_rate"])
    trend = "up from" if kept > before else "down from" if kept < before else None
    tail = f", {trend} {before} in August." if trend else ", the same as in August."
    assert RETENTION.format(kept=kept) + tail in text
    assert FLOW.format(new=numbers["new_customers"], reactivated=numbers["reactivated_customers"],
                       lost=numbers["lost_customers"]) in text  # fmt: skip
    assert f"Revenue came to {kwd(numbers['revenue'])}" in text
    assert f"Your Net Promoter Score is {numbers['nps']}." in text


def test_the_arabic_report_reads_back_as_the_sentences_meant(reports: dict[str, Path], numbers: dict[str, Any]) -> None:
    lines = visual_lines(reports["ar"], 0)
    logical = " ".join(to_logical(line) for line in lines)
    kept, before = percent(numbers["retention_rate"]), percent(numbers["previous"]["retention_rate"])
    trend = (
        "up from {previous} in" if kept > before else "down from {previous} in" if kept < before else "the same as in"
    )
    template = translate(f"{RETENTION}, {trend} {{previous_month}}.", "ar")
    assert template != f"{RETENTION}, {trend} {{previous_month}}."  # really Arabic
    assert template.format(kept=kept, previous=before, previous_month="أغسطس") in logical
    flow = translate(FLOW, "ar").format(
        new=numbers["new_customers"], reactivated=numbers["reactivated_customers"], lost=numbers["lost_customers"]
    )
    assert flow in logical
    # The first tiles, as drawn: the first (retention) on the right, every number the right way round.
    values = f".ك.د {Decimal(numbers['revenue']):.3f} {numbers['nps']} {percent(numbers['churn_rate'])}%"
    assert f"{values} {percent(numbers['retention_rate'])}%" in [unshape(line) for line in lines]


def test_the_lists_name_who_to_call_and_whose_birthday_is_next(cafe: Shop, reports: dict[str, Path]) -> None:
    path = reports["en"]
    text = [line for page in range(page_count(path)) for line in visual_lines(path, page)]
    drifting = segments.at_risk(cafe.db, date(2026, 9, 30), cafe.settings)
    assert drifting, "the demo café has regulars who stopped coming"
    first = drifting[0]  # the biggest spender first
    row = next(line for line in text if first.phone and first.phone[-4:] in line.replace(" ", ""))
    assert f"KWD{Decimal(first.spend) / 1000:,.3f}" in row
    assert "Birthdays in October" in text
    assert "Top 10 customers this month" in text


def test_fonts_are_embedded_and_the_same_month_prints_the_same_bytes(cafe: Shop, reports: dict[str, Path]) -> None:
    for path in reports.values():
        fonts = font_names(path)
        assert fonts
        assert all(fonts.values())
        assert not any("Helvetica" in name for name in fonts)
    again = reports["ar"].with_name("again.pdf")
    render_monthly_report(again, cafe, SEPTEMBER, lang="ar")
    assert again.read_bytes() == reports["ar"].read_bytes()


def test_an_empty_shop_prints_dashes_not_errors(shop: Shop, tmp_path: Path) -> None:
    for lang in ("en", "ar"):
        path = tmp_path / f"empty_{lang}.pdf"
        assert render_monthly_report(path, shop, "2026-10", lang=lang) == page_count(path)
    lines = visual_lines(tmp_path / "empty_en.pdf", 0)
    assert "— — — KWD0.000" in lines  # retention, churn and NPS are undefined; revenue is zero
    assert "No customer was active at the start of the month, so there is no retention rate yet." in lines
    assert "The month is not over yet: figures up to Oct 15." in lines
    # In Arabic the same tiles, drawn from the right: revenue ends up on the left.
    assert ".ك.د 0.000 — — —" in [unshape(line) for line in visual_lines(tmp_path / "empty_ar.pdf", 0)]


def test_a_negative_nps_keeps_its_minus_sign_in_front_in_arabic(shop: Shop, tmp_path: Path) -> None:
    for score in (10, 3, 5, 6):  # 1 promoter, 3 detractors of 4 answers: −50
        shop.record_feedback(score=score, at=at("2026-10-03"))
    tiles = {"en": "— — -50 KWD0.000", "ar": ".ك.د 0.000 -50 — —"}  # Arabic: drawn from the right
    for lang, expected in tiles.items():
        path = tmp_path / f"nps_{lang}.pdf"
        render_monthly_report(path, shop, "2026-10", lang=lang)
        assert expected in [unshape(line) for line in visual_lines(path, 0)]


def test_a_bad_request_is_refused_and_writes_nothing(shop: Shop, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "report.pdf"
    for month, lang, paper in (("2026-13", "en", "A4"), ("October", "en", "A4"), ("2026-10", "fr", "A4")):
        with pytest.raises(InvalidInput):
            render_monthly_report(path, shop, month, lang=lang, paper=paper)
    with pytest.raises(InvalidInput, match="A5"):
        render_monthly_report(path, shop, "2026-10", lang="en", paper="A5")
    with pytest.raises(Cancelled):
        render_monthly_report(path, shop, "2026-10", lang="en", should_cancel=lambda: True)
    assert list(folder.iterdir()) == []


def test_letter_paper_and_progress(shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    seen: list[tuple[int, int]] = []
    render_monthly_report(
        path, shop, "2026-10", lang="en", paper="Letter", progress=lambda d, t, _: seen.append((d, t))
    )
    with pdfplumber.open(path) as pdf:
        assert (pdf.pages[0].width, pdf.pages[0].height) == (612, 792)
    assert seen
    assert seen[-1][0] == seen[-1][1]


# -- core.report_data, worked by hand ---------------------------------------------------


def test_the_weeks_of_a_month_add_up_to_the_month(shop: Shop) -> None:
    a, b = make_customer(shop, "A"), make_customer(shop, "B")
    shop.record_sale(customer_id=a.id, amount=2000, at=at("2026-09-20"))  # A bought before October
    first = shop.record_sale(customer_id=a.id, amount=1500, at=at("2026-10-01")).sale  # week 1, returning
    shop.record_sale(customer_id=b.id, amount=3000, at=at("2026-10-02"))  # week 1, B's first purchase: new
    shop.record_sale(customer_id=b.id, amount=1000, at=at("2026-10-09"))  # week 2, B again: returning
    shop.record_sale(customer_id=None, amount=500, at=at("2026-10-09"))  # week 2, anonymous
    void = shop.record_sale(customer_id=a.id, amount=9000, at=at("2026-10-10")).sale
    shop.void_sale(void.id, reason="typed twice", at=at("2026-10-10"))
    shop.record_return(first.id, amount=500, at=at("2026-10-30"))  # week 5 (29–31): −0.500
    weeks = report_data.weekly_figures(shop.db, date(2026, 10, 1), date(2026, 11, 1))
    assert [(w.start.day, w.end.day) for w in weeks] == [(1, 8), (8, 15), (15, 22), (22, 29), (29, 1)]
    assert [(w.revenue, w.visits, w.new, w.returning) for w in weeks] == [
        (4500, 2, 1, 1),
        (1500, 2, 0, 1),
        (0, 0, 0, 0),
        (0, 0, 0, 0),
        (-500, 0, 0, 0),
    ]
    october = metrics_dict(month_metrics(shop.db, "2026-10", shop.settings), shop.currency)
    assert october["revenue"] == "5.500"
    assert october["sales_count"] == sum(w.visits for w in weeks)
    assert october["new_customers"] == sum(w.new for w in weeks)


def test_who_reached_a_reward_is_who_crossed_the_card_in_the_month(shop: Shop) -> None:
    # The default programme gives a stamp per visit; its cheapest reward costs 10.
    early, late, short = make_customer(shop, "Early"), make_customer(shop, "Late"), make_customer(shop, "Short")
    for day in range(1, 11):  # ten stamps in August: reached in August, not September
        shop.record_sale(customer_id=early.id, amount=1000, at=at(f"2026-08-{day:02d}"))
    shop.record_sale(customer_id=early.id, amount=1000, at=at("2026-09-02"))
    for day in range(1, 10):  # nine in August, the tenth on 12 September
        shop.record_sale(customer_id=late.id, amount=1000, at=at(f"2026-08-{day:02d}"))
    shop.record_sale(customer_id=late.id, amount=1000, at=at("2026-09-12"))
    for day in range(1, 10):  # nine, all in September: one short
        shop.record_sale(customer_id=short.id, amount=1000, at=at(f"2026-09-{day:02d}"))
    reached = report_data.reached_reward(shop.db, date(2026, 9, 1), date(2026, 10, 1))
    assert [(r.name, r.reward, r.reached_on) for r in reached.first] == [("Late", "Free coffee", date(2026, 9, 12))]
    assert reached.total == 1
    capped = report_data.reached_reward(shop.db, date(2026, 8, 1), date(2026, 10, 1), limit=1)
    assert [r.name for r in capped.first] == ["Early"]  # 10 August; Late on 12 September: counted, not listed
    assert capped.total == 2


def test_nps_by_month_and_category_sales(shop: Shop) -> None:
    for day, score in (("2026-09-05", 10), ("2026-10-01", 9), ("2026-10-02", 7), ("2026-10-03", 0)):
        shop.record_feedback(score=score, at=at(day))
    months = report_data.nps_by_month(shop.db, date(2026, 10, 1), months=3)
    assert [(m.month.month, m.nps.promoters, m.nps.passives, m.nps.detractors) for m in months] == [
        (8, 0, 0, 0),
        (9, 1, 0, 0),
        (10, 1, 1, 1),
    ]
    for amount, category in ((2500, "coffee"), (1500, "coffee"), (3000, "cake"), (700, None)):
        shop.record_sale(customer_id=None, amount=amount, category=category, at=at("2026-10-04"))
    rows = report_data.category_sales(shop.db, date(2026, 10, 1), date(2026, 11, 1))
    assert [(r.category, r.revenue, r.sales) for r in rows] == [("coffee", 4000, 2), ("cake", 3000, 1), ("", 700, 1)]
