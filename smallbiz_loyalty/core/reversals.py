"""Returns and voids take back what a sale earned; a voided return gives it back.

Cumulatively: after each return the sale should have had taken back the
amount part of what it earned in proportion to what has been returned, and
the visit part (stamps) once the sale falls below the visit's minimum spend
(or to nothing); a void takes back everything. Units are taken first from what
is left of that sale's own units, then from the customer's other units
(earliest-expiring first); units of the sale that already expired are not
taken twice. What cannot be taken back follows the owner's rule
`negative_balance`: "take_what_is_left" (the rest is written off, visibly, in
`write_offs`), "allow" (a debt row: the balance goes negative) or "block"
(the return is refused and nothing is written)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from smallbiz_loyalty.core import ledger, programs, sales
from smallbiz_loyalty.core.customers import get_customer
from smallbiz_loyalty.core.errors import RuleViolation
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.ledger import Context
from smallbiz_loyalty.core.loyalty import Rules, labels, quantity_event, refresh_tiers
from smallbiz_loyalty.core.loyalty_text import Event, quantity_text
from smallbiz_loyalty.core.programs import Programme
from smallbiz_loyalty.core.sales import Sale


def on_return(db: Database, ctx: Context, returned: Sale, rules: Rules) -> list[Event]:
    """Take back what the returned part of the sale earned."""
    original = sales.get_sale(db, returned.original_sale_id)
    events = reverse_sale(db, ctx, original, cause=returned, rules=rules)
    if original.customer_id is not None:
        events.extend(refresh_tiers(db, ctx, original.customer_id, _("Return {id}", id=returned.id)))
    return events


def on_void(db: Database, ctx: Context, voided: Sale, rules: Rules) -> list[Event]:
    """A voided sale gives back everything it earned; a voided return gives back what it took."""
    original = voided if voided.kind == "sale" else sales.get_sale(db, voided.original_sale_id)
    events = reverse_sale(db, ctx, original, cause=voided, rules=rules)
    if original.customer_id is not None:
        events.extend(refresh_tiers(db, ctx, original.customer_id, _("Void of {id}", id=voided.id)))
    return events


def _earnings_of(db: Database, sale_id: int) -> list[tuple[int, int, int, int, str | None]]:
    return db.execute(
        "SELECT programme_id, visit_units, amount_units, min_spend, expires_on FROM sale_earnings WHERE sale_id = ?",
        [sale_id],
    ).fetchall()


def target_reversal(original: Sale, returned: int, visit_units: int, amount_units: int, min_spend: int) -> int:
    """How many of a sale's units should have been taken back in all, after `returned` minor units came back."""
    if original.voided:
        return visit_units + amount_units
    net = original.amount - returned
    visit = visit_units if net <= 0 or net < min_spend else 0
    return visit + amount_units * returned // original.amount


def _accounted(db: Database, sale_id: int, programme_id: int) -> tuple[int, int, int]:
    """(taken back, written off, expired) of a sale's units so far."""
    (taken,) = db.execute(
        "SELECT -COALESCE(SUM(quantity), 0) FROM ledger WHERE kind = 'reversal' AND programme_id = ?"
        " AND sale_id IN (SELECT id FROM sales WHERE id = ? OR original_sale_id = ?)",
        [programme_id, sale_id, sale_id],
    ).fetchone()
    (written_off,) = db.execute(
        "SELECT COALESCE(SUM(w.quantity), 0) FROM write_offs w JOIN sales c ON c.id = w.cause_id"
        " WHERE w.sale_id = ? AND w.programme_id = ? AND (c.voided_at IS NULL OR c.id = w.sale_id)",
        [sale_id, programme_id],
    ).fetchone()
    (expired,) = db.execute(
        "SELECT -COALESCE(SUM(e.quantity), 0) FROM ledger e JOIN ledger l ON l.id = e.consumes"
        " WHERE e.kind = 'expire' AND l.sale_id = ? AND l.programme_id = ?",
        [sale_id, programme_id],
    ).fetchone()
    return taken, written_off, expired


def reverse_sale(db: Database, ctx: Context, original: Sale, *, cause: Sale, rules: Rules) -> list[Event]:
    """Bring what `original` has had taken back up (or down) to what its returns and void call for."""
    if original.customer_id is None:
        return []
    original = sales.get_sale(db, original.id)  # fresh: voided_at may have just been set
    returned = sales.returned_so_far(db, original.id)
    names = labels(db)
    events: list[Event] = []
    for programme_id, visit_units, amount_units, min_spend, expires_on in _earnings_of(db, original.id):
        programme = programs.get_programme(db, programme_id)
        customer_id = original.customer_id
        ledger.expire_customer(db, ctx, customer_id, programme_id)
        target = target_reversal(original, returned, visit_units, amount_units, min_spend)
        taken, written_off, expired = _accounted(db, original.id, programme_id)
        label = names.get(programme_id, programme.name)
        excess = min(taken, taken + written_off - target)
        if excess > 0:  # a return was voided: give back what was taken beyond what is still owed
            ledger.add_lot(
                db, ctx, kind="reversal", programme_id=programme_id, customer_id=customer_id, quantity=excess,
                expires_on=date.fromisoformat(expires_on) if expires_on else None, sale_id=original.id,
            )  # fmt: skip
            balance = ledger.balance(db, customer_id, programme_id, ctx.today)
            events.append(quantity_event(db, "given_back", programme, excess, balance, label))
            continue
        owe = target - taken - written_off - expired
        if owe > 0:
            events.extend(_take_back(db, ctx, original, cause, programme, owe, rules, label))
    return events


def _take_back(
    db: Database, ctx: Context, original: Sale, cause: Sale, programme: Programme, owe: int, rules: Rules, label: str
) -> list[Event]:
    customer_id = original.customer_id
    assert customer_id is not None
    own = ledger.open_lots(db, customer_id, programme.id, ctx.today, sale_id=original.id)
    own_ids = {lot.id for lot in own}
    others = [lot for lot in ledger.open_lots(db, customer_id, programme.id, ctx.today) if lot.id not in own_ids]
    available = sum(lot.remaining for lot in own + others)
    if owe > available and rules.negative_balance == "block":
        customer = get_customer(db, customer_id)
        raise RuleViolation(
            _(
                "This would take back {quantity} from {name}, who has only {balance} left, and the shop does not"
                " allow a negative balance; adjust the balance first or change the rule in Settings.",
                quantity=quantity_text(programme.unit, owe, ctx.currency),
                name=customer.name,
                balance=quantity_text(programme.unit, available, ctx.currency),
            )
        )
    taken = ledger.draw(
        db, ctx, kind="reversal", lots=own + others, quantity=owe, customer_id=customer_id, sale_id=cause.id
    )
    rest = owe - taken
    events: list[Event] = []
    if rest and rules.negative_balance == "allow":
        ledger.insert_row(
            db, ctx, kind="reversal", programme_id=programme.id, customer_id=customer_id, quantity=-rest,
            sale_id=cause.id,
        )  # fmt: skip
    elif rest:
        db.execute(
            "INSERT INTO write_offs (sale_id, cause_id, programme_id, customer_id, quantity, business_date, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [original.id, cause.id, programme.id, customer_id, rest, ctx.today.isoformat(), ctx.now],
        )
    balance = ledger.balance(db, customer_id, programme.id, ctx.today)
    if taken:
        events.append(quantity_event(db, "taken", programme, taken, balance, label))
    if rest:
        kind = "debt" if rules.negative_balance == "allow" else "written_off"
        events.append(quantity_event(db, kind, programme, rest, balance, label))
    return events
