"""Read-only helpers for the counter screen: what the cashier is offered to tap."""

from __future__ import annotations

from collections import Counter

from sqlite_utils import Database

from smallbiz_loyalty.core.text import search_key

RECENT_SALES = 500  # how far back "recent" looks: a few days of a busy café


def recent_categories(db: Database, limit: int = 8, *, window: int = RECENT_SALES) -> list[str]:
    """The categories of the shop's last `window` sales (voided ones left out), most used first.

    Spellings that differ only in case, diacritics or digit script count as one
    category, shown as most recently typed; ties go to the most recent."""
    if limit <= 0:
        return []
    rows = db.execute(
        "SELECT category FROM sales WHERE kind = 'sale' AND voided_at IS NULL AND category IS NOT NULL"
        " ORDER BY id DESC LIMIT ?",
        [window],
    ).fetchall()
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}  # folded key → the most recent spelling
    last_seen: dict[str, int] = {}  # folded key → position of its most recent sale (0 = newest)
    for position, (category,) in enumerate(rows):
        key = search_key(category)
        counts[key] += 1
        shown.setdefault(key, category)
        last_seen.setdefault(key, position)
    ranked = sorted(counts, key=lambda key: (-counts[key], last_seen[key]))
    return [shown[key] for key in ranked[:limit]]
