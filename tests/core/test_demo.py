"""The demo shop: a seeded, realistic Kuwaiti café built through the Shop's own methods."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import phonenumbers
import pytest

from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.core.demo import (
    CATEGORIES,
    KW_MOBILE_PREFIXES,
    DemoSummary,
    build_demo,
    kuwaiti_mobile,
    ramadan_days,
)
from smallbiz_loyalty.core.demo_loyalty import COMMENTS, POINTS_NAME
from smallbiz_loyalty.core.errors import InvalidInput, RuleViolation
from smallbiz_loyalty.core.progress import Cancelled
from smallbiz_loyalty.core.shop import Shop
from tests.factories import make_customer

# The conftest shop's clock: 2026-10-15 12:30 in Kuwait.
NOW = datetime(2026, 10, 15, 9, 30, tzinfo=UTC)
ARABIC = re.compile(r"[\u0600-\u06ff]")


def _open(path: Path) -> Shop:
    return Shop.open(path, clock=fixed_clock(NOW))


def _fingerprint(shop: Shop) -> tuple[list[tuple], ...]:
    people = shop.db.execute(
        "SELECT id, name, phone, email, birth_month, birth_day, birth_year, card_code, referred_by,"
        " consent_marketing, consent_notes, created_at FROM customers ORDER BY id"
    ).fetchall()
    sales = shop.db.execute(
        "SELECT key, kind, customer_id, amount, category, business_date, created_at, original_sale_id,"
        " voided_at IS NOT NULL FROM sales ORDER BY id"
    ).fetchall()
    entries = shop.db.execute(
        "SELECT kind, programme_id, customer_id, quantity, sale_id, consumes, expires_on, reason, created_at"
        " FROM ledger ORDER BY id"
    ).fetchall()
    # Voucher codes are not compared: the engine draws them from `secrets`.
    vouchers = shop.db.execute(
        "SELECT customer_id, source, issued_at, valid_until, redeemed_at FROM vouchers ORDER BY id"
    ).fetchall()
    answers = shop.db.execute(
        "SELECT score, comment, customer_id, sale_id, source, created_at, handled_note FROM feedback ORDER BY id"
    ).fetchall()
    return people, sales, entries, vouchers, answers


def _count(shop: Shop, sql: str) -> int:
    return shop.db.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Shop, DemoSummary]]:
    """60 customers over 6 months, built once and only read by the tests below."""
    with _open(tmp_path_factory.mktemp("demo") / "demo.db") as shop:
        yield shop, build_demo(shop, customers=60, months=6, seed=3)


def test_the_same_seed_builds_the_same_shop_and_another_seed_another(tmp_path: Path) -> None:
    prints = {}
    for name, seed in [("a", 11), ("b", 11), ("c", 12)]:
        with _open(tmp_path / f"{name}.db") as shop:
            build_demo(shop, customers=40, months=4, seed=seed)
            prints[name] = _fingerprint(shop)

    assert prints["a"] == prints["b"]
    people_c, sales_c, *_loyalty = prints["c"]
    assert len(people_c) == 40
    assert [p[1] for p in people_c] != [p[1] for p in prints["a"][0]]
    assert sum(s[3] for s in sales_c) != sum(s[3] for s in prints["a"][1])


def test_summary_matches_the_store_and_the_period_ends_today(demo: tuple[Shop, DemoSummary]) -> None:
    shop, summary = demo

    # Six months back from Thursday 2026-10-15, today included.
    assert (summary.first_date, summary.last_date) == (date(2026, 4, 16), date(2026, 10, 15))
    assert summary.customers == 60 == _count(shop, "SELECT COUNT(*) FROM customers")
    assert summary.sales == _count(shop, "SELECT COUNT(*) FROM sales WHERE kind = 'sale'")
    assert summary.returns == _count(shop, "SELECT COUNT(*) FROM sales WHERE kind = 'return'")
    assert summary.voids == _count(shop, "SELECT COUNT(*) FROM sales WHERE voided_at IS NOT NULL")
    first, last = shop.db.execute("SELECT MIN(business_date), MAX(business_date) FROM sales").fetchone()
    assert summary.first_date.isoformat() <= first and last <= summary.last_date.isoformat()
    # Nothing happened after the clock's "now" (12:30 in Kuwait).
    assert _count(shop, "SELECT COUNT(*) FROM sales WHERE created_at > '2026-10-15T09:30:00+00:00'") == 0
    assert summary.describe() == (
        f"Demo shop ready: 60 customers, {summary.sales:,} sales from 2026-04-16 to 2026-10-15."
    )


def test_the_shop_is_a_kuwaiti_cafe(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo

    settings = shop.settings
    assert settings["shop_name"] == "مقهى النخلة — Palm Café"
    assert (settings["currency"], settings["phone_region"], settings["time_zone"]) == ("KWD", "KW", "Asia/Kuwait")
    # Kept sales are priced like a café: a coffee is 1.250–2.500 KWD, up to three at once.
    coffee = next(c for c in CATEGORIES if c.name == "coffee")
    low, high = shop.db.execute(
        "SELECT MIN(amount), MAX(amount) FROM sales WHERE kind = 'sale' AND category = 'coffee'"
    ).fetchone()
    assert (coffee.low, coffee.high) == (1250, 2500)
    assert coffee.low <= low and high <= 3 * coffee.high


def test_every_customer_has_a_unique_valid_kuwaiti_mobile_and_card(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    phones, cards = zip(*shop.db.execute("SELECT phone, card_code FROM customers").fetchall(), strict=True)

    assert len(set(phones)) == len(phones) == 60
    assert len(set(cards)) == 60
    assert all(re.fullmatch(r"[2-9A-Z]{8}", card) for card in cards)
    for phone in phones:
        number = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.region_code_for_number(number) == "KW"
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def test_every_mobile_prefix_gives_valid_numbers() -> None:
    import random

    rng = random.Random(5)
    samples = [f"+965{p}{tail}" for p in KW_MOBILE_PREFIXES for tail in ("000000", "999999")]
    samples += [kuwaiti_mobile(rng) for _ in range(500)]
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(n)) for n in samples)


def test_customers_are_a_mix_of_arabic_and_english_names_with_some_details(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    rows = shop.db.execute("SELECT name, email, birth_month, birth_day, birth_year FROM customers").fetchall()

    arabic = [name for name, *_rest in rows if ARABIC.search(name)]
    english = [name for name, *_rest in rows if re.fullmatch(r"[A-Za-z' .-]+", name)]
    assert len(arabic) + len(english) == 60
    assert 20 <= len(arabic) <= 50  # about 60 %
    assert any(email for _n, email, *_r in rows)
    assert any(month for _n, _e, month, *_r in rows)
    # Someone is born on 29 February, with no year or a leap year.
    leap = [(y) for _n, _e, m, d, y in rows if (m, d) == (2, 29)]
    assert leap and all(y is None or y % 4 == 0 for y in leap)


def test_customers_enrol_at_their_first_visit_and_are_referred_by_earlier_ones(
    demo: tuple[Shop, DemoSummary],
) -> None:
    shop, _summary = demo
    rows = shop.db.execute(
        "SELECT c.id, c.created_at, c.referred_by, MIN(s.created_at) FROM customers c"
        " JOIN sales s ON s.customer_id = c.id GROUP BY c.id"
    ).fetchall()

    assert len(rows) == 60  # every customer bought something
    assert all(created == first_sale for _id, created, _ref, first_sale in rows)
    assert all(ref is None or ref < cid for cid, _c, ref, _f in rows)
    ids_by_time = [cid for cid, *_ in sorted(rows, key=lambda r: (r[1], r[0]))]
    assert ids_by_time == sorted(ids_by_time)


def test_there_are_walk_ins_and_returns(demo: tuple[Shop, DemoSummary]) -> None:
    shop, summary = demo

    assert _count(shop, "SELECT COUNT(*) FROM sales WHERE customer_id IS NULL") > 0
    assert summary.returns > 0
    # A return is never more than its sale, and always the same customer's.
    assert shop.check() == []


def test_regulars_drift_away(demo: tuple[Shop, DemoSummary]) -> None:
    """Some customers came often at first (4+ times in their first six weeks) and not at all
    in the last six weeks: the ones the "at risk" list is for."""
    shop, summary = demo
    six_weeks_ago = (summary.last_date - timedelta(weeks=6)).isoformat()

    (drifters,) = shop.db.execute(
        "SELECT COUNT(*) FROM (SELECT s.customer_id FROM sales s JOIN"
        " (SELECT customer_id, MIN(business_date) AS first, MAX(business_date) AS last FROM sales"
        "  WHERE kind = 'sale' AND customer_id IS NOT NULL GROUP BY customer_id) c ON c.customer_id = s.customer_id"
        " WHERE s.kind = 'sale' AND c.last < ? AND s.business_date < date(c.first, '+42 days')"
        " GROUP BY s.customer_id HAVING COUNT(*) >= 4)",
        [six_weeks_ago],
    ).fetchone()
    assert drifters >= 3


def test_demo_sales_carry_keys_from_the_seed(demo: tuple[Shop, DemoSummary]) -> None:
    shop, summary = demo

    keys = [k for (k,) in shop.db.execute("SELECT key FROM sales WHERE kind = 'sale' ORDER BY id")]
    assert keys == [f"demo-3-{n}" for n in range(1, summary.sales + 1)]


def test_building_into_a_store_with_customers_is_refused_and_changes_nothing(shop: Shop) -> None:
    make_customer(shop, "Huda")

    with pytest.raises(RuleViolation, match="new file"):
        build_demo(shop, customers=5, months=2)

    assert _count(shop, "SELECT COUNT(*) FROM customers") == 1
    assert _count(shop, "SELECT COUNT(*) FROM sales") == 0
    assert shop.settings["shop_name"] == "Test Café"


def test_a_store_whose_coffee_card_was_paused_is_refused_and_changes_nothing(shop: Shop) -> None:
    shop.update_programme("Coffee card", active=False)

    with pytest.raises(RuleViolation, match="active stamp card"):
        build_demo(shop, customers=5, months=2)

    assert _count(shop, "SELECT COUNT(*) FROM customers") == 0
    assert [p.name for p in shop.programmes()] == ["Coffee card"]
    assert shop.settings["shop_name"] == "Test Café"


def test_cancelling_writes_nothing(shop: Shop) -> None:
    audit_before = _count(shop, "SELECT COUNT(*) FROM audit_log")
    seen: list[tuple[int, int]] = []
    polls = iter(range(1000))

    def progress(done: int, total: int, label: str) -> None:
        seen.append((done, total))

    with pytest.raises(Cancelled):
        build_demo(shop, customers=60, months=6, progress=progress, should_cancel=lambda: next(polls) >= 2)

    assert seen  # it had reported progress before being cancelled
    assert _count(shop, "SELECT COUNT(*) FROM customers") == 0
    assert _count(shop, "SELECT COUNT(*) FROM sales") == 0
    assert _count(shop, "SELECT COUNT(*) FROM audit_log") == audit_before
    assert [p.name for p in shop.programmes()] == ["Coffee card"]  # Palm Points went with the rest
    assert shop.settings["shop_name"] == "Test Café"
    assert shop.db.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()[0] == '"Test Café"'


@pytest.mark.parametrize("cancelled", [False, True])
def test_after_a_build_the_shop_reads_its_programmes_and_cache_afresh(shop: Shop, cancelled: bool) -> None:
    # The build reads the programmes once and enlarges SQLite's page cache; neither outlives it.
    cache_before = _count(shop, "PRAGMA cache_size")
    if cancelled:
        with pytest.raises(Cancelled):
            build_demo(shop, customers=20, months=3, should_cancel=lambda: True)
    else:
        build_demo(shop, customers=3, months=2)
    assert _count(shop, "PRAGMA cache_size") == cache_before

    coffee = shop.programmes()[0]
    shop.update_programme(coffee.id, visit_quantity=2)
    customer = make_customer(shop, "Mona Late")
    messages = shop.record_sale(customer_id=customer.id, amount=1_500, key="after-the-demo").messages

    assert messages[0].startswith("+2 stamps")


def test_progress_runs_to_the_end(shop: Shop) -> None:
    seen: list[tuple[int, int]] = []

    build_demo(shop, customers=3, months=2, progress=lambda done, total, label: seen.append((done, total)))

    # 2026-08-16 … 2026-10-15 is 61 days.
    assert seen[-1] == (61, 61)
    assert [done for done, _t in seen] == sorted(done for done, _t in seen)


@pytest.mark.parametrize(
    ("field", "arguments"),
    [
        ("customers", {"customers": 0}),
        ("customers", {"customers": 200_001}),
        ("customers", {"customers": "50"}),
        ("months", {"months": 0}),
        ("months", {"months": 61}),
    ],
)
def test_arguments_out_of_range_are_refused(shop: Shop, field: str, arguments: dict[str, object]) -> None:
    with pytest.raises(InvalidInput) as caught:
        build_demo(shop, **arguments)

    assert caught.value.field == field
    assert _count(shop, "SELECT COUNT(*) FROM customers") == 0


def test_the_smallest_demo_is_one_customer_in_one_month(shop: Shop) -> None:
    summary = build_demo(shop, customers=1, months=1)

    assert summary.customers == 1
    assert summary.first_date == date(2026, 9, 16)
    assert summary.sales >= 1


def test_ramadan_falls_about_eleven_days_earlier_each_year() -> None:
    days = ramadan_days(date(2026, 1, 1), date(2027, 12, 31))

    # 1 Ramadan 1447 was 18 February 2026 and 1448 falls around 8 February 2027.
    assert date(2026, 2, 19) in days and date(2026, 3, 18) in days
    assert date(2026, 4, 1) not in days
    assert date(2027, 2, 9) in days and date(2027, 3, 8) in days


# -- loyalty ------------------------------------------------------------------
def test_the_cafe_runs_the_coffee_card_and_palm_points(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo

    coffee, points = shop.programmes()
    assert (coffee.name, coffee.unit, coffee.visit_quantity) == ("Coffee card", "stamps", 1)
    assert [(r.name, r.cost) for r in shop.rewards(coffee.id)] == [("Free coffee", 10)]
    assert coffee.birthday_reward_id == shop.rewards(coffee.id)[0].id  # a free coffee voucher on the birthday
    # 1 point per 1.000 KWD, kept 365 days, worth 10 fils each (100 points = 1.000 KWD).
    assert (points.name, points.unit, points.rate_quantity, points.rate_per) == (POINTS_NAME, "points", 1, 1000)
    assert (points.expiry_kind, points.expiry_days, points.value_per_unit) == ("days", 365, 10)
    assert (points.birthday_quantity, points.referrer_bonus, points.referred_bonus) == (25, 20, 20)
    assert [(r.name, r.cost, r.kind, r.value, r.cap) for r in shop.rewards(points.id)] == [
        ("Free pastry", 50, "free_item", 0, None),
        ("1 KWD off", 100, "fixed_discount", 1000, None),
        ("15% off", 200, "percent_discount", 15, 3000),
    ]
    assert [(t.min_spend, t.multiplier) for t in shop.tiers(points.id)] == [(50_000, 125), (150_000, 150)]


def test_both_programmes_earn_and_both_are_redeemed_at_a_visit(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    by_kind = {
        (unit, kind): n
        for unit, kind, n in shop.db.execute(
            "SELECT p.unit, l.kind, COUNT(*) FROM ledger l JOIN programmes p ON p.id = l.programme_id GROUP BY 1, 2"
        )
    }
    redeemed = dict(
        shop.db.execute("SELECT r.name, COUNT(*) FROM redemptions d JOIN rewards r ON r.id = d.reward_id GROUP BY 1")
    )

    assert by_kind[("stamps", "earn")] > 0 and by_kind[("points", "earn")] > 0
    assert by_kind[("stamps", "redeem")] > 0 and by_kind[("points", "redeem")] > 0
    assert redeemed["Free coffee"] >= 3 and redeemed["Free pastry"] >= 1
    # Not everyone redeems at once: some cards are full and waiting today.
    full_cards = [c for (c,) in shop.db.execute("SELECT id FROM customers") if shop.customer_status(c).rewards_ready]
    assert full_cards
    # Every redemption happened at the counter, at the moment of one of the customer's sales.
    (away,) = shop.db.execute(
        "SELECT COUNT(*) FROM redemptions d WHERE NOT EXISTS (SELECT 1 FROM sales s"
        " WHERE s.customer_id = d.customer_id AND s.created_at = d.created_at AND s.kind = 'sale')"
    ).fetchone()
    assert away == 0
    keys = [k for (k,) in shop.db.execute("SELECT key FROM redemptions ORDER BY id")]
    assert keys == [f"demo-3-x{n}" for n in range(1, len(keys) + 1)]


def test_birthday_gifts_go_to_consenting_customers_and_about_half_the_vouchers_are_used(
    demo: tuple[Shop, DemoSummary],
) -> None:
    shop, _summary = demo
    issued, used, consenting = shop.db.execute(
        "SELECT COUNT(*), COUNT(v.redeemed_at), SUM(c.consent_marketing) FROM vouchers v"
        " JOIN customers c ON c.id = v.customer_id WHERE v.source = 'birthday'"
    ).fetchone()
    (points_gifts,) = shop.db.execute("SELECT COUNT(*) FROM ledger WHERE kind = 'birthday'").fetchone()

    assert issued >= 4 and consenting == issued
    assert points_gifts == issued  # each birthday: a free coffee voucher and 25 points
    assert 0 < used < issued
    # A voucher is used during a visit, within its validity.
    (misused,) = shop.db.execute(
        "SELECT COUNT(*) FROM vouchers v WHERE v.redeemed_at IS NOT NULL AND (v.redeemed_on > v.valid_until"
        " OR NOT EXISTS (SELECT 1 FROM sales s WHERE s.customer_id = v.customer_id AND s.created_at = v.redeemed_at))"
    ).fetchone()
    assert misused == 0


def test_unused_birthday_points_expire_and_the_month_end_run_writes_them(demo: tuple[Shop, DemoSummary]) -> None:
    """Earned points last 365 days, longer than this six-month build; the birthday's 25 points last
    the voucher's 30 days, so the ones nobody spent in time are what expires here."""
    shop, _summary = demo
    rows = shop.db.execute(
        "SELECT e.quantity, e.business_date, l.kind, l.expires_on FROM ledger e JOIN ledger l ON l.id = e.consumes"
        " WHERE e.kind = 'expire'"
    ).fetchall()

    assert rows
    assert {kind for _q, _d, kind, _e in rows} == {"birthday"}
    # Dated the day after the lot's last day, however late the run wrote it.
    assert all(day == (date.fromisoformat(last) + timedelta(days=1)).isoformat() for _q, day, _k, last in rows)
    (left_over,) = shop.db.execute(
        "SELECT COUNT(*) FROM ledger l WHERE l.consumes IS NULL AND l.quantity > 0 AND l.expires_on < '2026-10-01'"
        " AND l.quantity + COALESCE((SELECT SUM(d.quantity) FROM ledger d WHERE d.consumes = l.id), 0) > 0"
    ).fetchone()
    assert left_over == 0  # the run on 1 October left nothing expired unwritten


def test_the_owner_corrected_a_few_balances_with_reasons(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    rows = shop.db.execute("SELECT quantity, reason, staff_id FROM ledger WHERE kind = 'adjust'").fetchall()
    audited = _count(shop, "SELECT COUNT(*) FROM audit_log WHERE action = 'adjust_balance'")

    assert rows and all(reason and staff == 1 for _q, reason, staff in rows)
    assert {reason for _q, reason, _s in rows} <= {"Goodwill after an unhappy visit.", "Stamped twice by mistake."}
    assert audited >= 1


def test_nps_answers_look_like_a_real_cafe(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    rows = shop.db.execute("SELECT score, comment, customer_id, sale_id, source FROM feedback").fetchall()
    known_visits = _count(shop, "SELECT COUNT(*) FROM sales WHERE kind = 'sale' AND customer_id IS NOT NULL")
    promoters = sum(score >= 9 for score, *_ in rows)
    detractors = sum(score <= 6 for score, *_ in rows)
    known = [row for row in rows if row[2] is not None]

    # About a quarter of known customers' visits, plus a few walk-ins at the kiosk or on paper.
    assert 0.18 < len(known) / known_visits < 0.32
    assert {source for *_r, source in rows} == {"counter", "kiosk", "paper"}
    assert all(sale is not None for _s, _c, _cid, sale, _src in known)
    assert all(sale is None for _s, _c, _cid, sale, src in rows if src == "paper")
    # Roughly 55 % promoters, 30 % passives, 15 % detractors: all three groups, promoters the most.
    assert 0.4 < promoters / len(rows) < 0.7 and 0.05 < detractors / len(rows) < 0.25
    comments = {comment for _s, comment, *_r in rows if comment}
    assert comments and comments <= {c for group in COMMENTS for c in group}
    assert any(ARABIC.search(c) for c in comments) and any(not ARABIC.search(c) for c in comments)
    # An answer after a sale is the same customer's, the same day.
    (mismatched,) = shop.db.execute(
        "SELECT COUNT(*) FROM feedback f JOIN sales s ON s.id = f.sale_id"
        " WHERE f.customer_id IS NOT s.customer_id OR f.business_date != s.business_date"
    ).fetchone()
    assert mismatched == 0


def test_most_unhappy_customers_were_followed_up_and_some_still_wait(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    handled, waiting = shop.db.execute(
        "SELECT COUNT(handled_at), COUNT(*) - COUNT(handled_at) FROM feedback"
        " WHERE score <= 6 AND customer_id IS NOT NULL"
    ).fetchone()

    assert handled >= 2 and waiting >= 1
    assert len(shop.follow_ups()) == waiting
    assert all(note for (note,) in shop.db.execute("SELECT handled_note FROM feedback WHERE handled_at IS NOT NULL"))


def test_the_last_full_month_has_loyalty_and_nps_figures(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo
    september = shop.month_metrics("2026-09").current

    assert september.loyalty["points_issued"] > 0
    assert september.loyalty["stamps_redeemed"] > 0
    assert september.loyalty["vouchers_issued"] > 0
    assert september.loyalty["points_liability"] > 0
    assert september.nps.answers > 0 and september.nps.score is not None and september.nps.score > 0


def test_the_ledger_of_the_demo_shop_checks_out(demo: tuple[Shop, DemoSummary]) -> None:
    shop, _summary = demo

    assert shop.check() == []
    # Nothing in the loyalty history is later than the clock's now.
    for table, column in (("ledger", "created_at"), ("redemptions", "created_at"), ("feedback", "created_at")):
        assert _count(shop, f"SELECT COUNT(*) FROM {table} WHERE {column} > '2026-10-15T09:30:00+00:00'") == 0
