"""Finding customers who are probably the same person as another one.

Two ways a duplicate shows itself at a small shop: the same phone number typed
with or without the country code (so stored as two different numbers), and the
same name spelled a little differently ("Sara Ali" / "Sarah Ali", "فاطمة" /
"فاطمه"). Both are found through the search indexes (the phone trigram index
and the name prefix index), never by reading every customer; the few
candidates found are then ranked by how alike the names are."""

from __future__ import annotations

from difflib import SequenceMatcher

from sqlite_utils import Database

from smallbiz_loyalty.core.customers import Customer, customers_by_ids, get_customer
from smallbiz_loyalty.core.text import search_words

SUBSCRIBER_DIGITS = 7  # the tail of a phone number that identifies it in every country we serve
PREFIX_LENGTH = 3  # the name index keeps prefixes of 1-3 characters
MAX_CANDIDATES = 300  # names read from the index for ranking, at most
SIMILAR_RATIO = 0.8  # difflib ratio above which two folded names count as "very similar"
_ACTIVE = "erased_at IS NULL AND merged_into IS NULL"


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _same_phone_ids(db: Database, customer: Customer) -> list[int]:
    """Customers whose phone ends in the same digits (another country code or a typo in the prefix)."""
    digits = "".join(ch for ch in customer.phone or "" if ch.isdigit())
    if len(digits) < SUBSCRIBER_DIGITS:
        return []
    tail = digits[-SUBSCRIBER_DIGITS:]
    rows = db.execute(
        "SELECT c.id, c.phone FROM customers c WHERE c.id IN"
        " (SELECT rowid FROM customer_phone_fts WHERE customer_phone_fts MATCH ?)"
        f" AND c.id != ? AND {_ACTIVE} LIMIT ?",
        [_phrase(tail), customer.id, MAX_CANDIDATES],
    )
    return [cid for cid, phone in rows if phone and "".join(ch for ch in phone if ch.isdigit()).endswith(tail)]


def _name_candidate_ids(db: Database, customer: Customer) -> list[int]:
    """Customers with a word starting like each word of the name, in any order."""
    words = search_words(customer.name)[:4]
    if not words:
        return []
    query = " AND ".join(_phrase(word[:PREFIX_LENGTH]) + "*" for word in words)
    rows = db.execute(
        "SELECT id FROM customers WHERE id IN"
        " (SELECT rowid FROM customer_name_fts WHERE customer_name_fts MATCH ? LIMIT ?)"
        f" AND id != ? AND {_ACTIVE}",
        [query, MAX_CANDIDATES, customer.id],
    )
    return [row[0] for row in rows]


def name_likeness(first: str, second: str) -> float:
    """How alike two names are, 0…1, after Arabic-aware folding; word order and spaces do not count."""
    a, b = sorted(search_words(first)), sorted(search_words(second))
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, "".join(a), "".join(b), autojunk=False).ratio()


def _words_contained(first: str, second: str) -> bool:
    """True when every word of the shorter name (of at least two words) is in the longer one."""
    a, b = set(search_words(first)), set(search_words(second))
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and shorter <= longer


def suggest_duplicates(db: Database, customer_id: int, *, limit: int = 10) -> list[Customer]:
    """Current customers who may be the same person as `customer_id`: the same phone
    number first, then very similar names, most alike first."""
    customer = get_customer(db, customer_id)
    by_phone = _same_phone_ids(db, customer)
    scored: list[tuple[float, int]] = []
    for other in customers_by_ids(db, [i for i in _name_candidate_ids(db, customer) if i not in by_phone]):
        likeness = name_likeness(customer.name, other.name)
        if likeness >= SIMILAR_RATIO or _words_contained(customer.name, other.name):
            scored.append((likeness, other.id))
    scored.sort(key=lambda item: (-item[0], item[1]))
    ids = by_phone + [cid for _likeness, cid in scored]
    return customers_by_ids(db, ids[:limit])
