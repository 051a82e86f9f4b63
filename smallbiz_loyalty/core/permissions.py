"""Who may do what: the one table of actions, and `require`.

A cashier works the counter: look customers up, enrol them, sell, take returns,
redeem, record NPS answers. Everything that changes the shop's rules, moves its
data out or in, or corrects the books is the owner's: the `OWNER_ONLY` table,
each action with the sentence a cashier is shown when refused. `Shop` methods
call `self._require(action)` first, so a refusal changes nothing."""

from __future__ import annotations

from sqlite_utils import Database

from smallbiz_loyalty.core.errors import PermissionDenied
from smallbiz_loyalty.core.i18n import N_, _
from smallbiz_loyalty.core.staff import Staff, staff_member

# What a cashier may do (and so anyone signed in). Returns and voids stay at the
# counter so mistakes are put right at once; both are audited.
CASHIER_ACTIONS: frozenset[str] = frozenset(
    {"look_up", "enrol", "edit_customer", "sell", "return", "void", "redeem", "feedback", "backup", "own_pin"}
)

# Owner-only actions → the refusal a cashier sees (English source, translated when raised).
OWNER_ONLY: dict[str, str] = {
    "adjust": N_("Only the owner can correct a balance."),
    "merge": N_("Only the owner can merge customers."),
    "programmes": N_("Only the owner can change the loyalty programmes."),
    "issue_voucher": N_("Only the owner can give vouchers by hand."),
    "import": N_("Only the owner can import customers."),
    "export": N_("Only the owner can export the shop's data."),
    "privacy_export": N_("Only the owner can export a customer's data."),
    "erase": N_("Only the owner can erase a customer."),
    "settings": N_("Only the owner can change the settings."),
    "reports": N_("Only the owner can see the shop's figures and print reports."),
    "follow_ups": N_("Only the owner can follow up unhappy customers."),
    "backup_elsewhere": N_("Only the owner can save a backup to another folder."),
    "restore": N_("Only the owner can restore a backup."),
    "staff": N_("Only the owner can add staff, set their PINs or deactivate them."),
    "audit": N_("Only the owner can view the audit log."),
}

ACTIONS: frozenset[str] = CASHIER_ACTIONS | frozenset(OWNER_ONLY)


def allowed(role: str, action: str) -> bool:
    """Whether a staff member with `role` ("owner" | "cashier") may do `action`."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; add it to core/permissions.py")
    return role == "owner" or action in CASHIER_ACTIONS


def require(who: Staff | str, action: str) -> None:
    """Raise `PermissionDenied` (one translated sentence) unless `who` — a staff
    member or a bare role — may do `action`. An inactive staff member may do nothing."""
    if isinstance(who, Staff) and not who.active:
        raise PermissionDenied(_("{name} is no longer active; sign in as someone else.", name=who.name))
    role = who.role if isinstance(who, Staff) else who
    if not allowed(role, action):
        raise PermissionDenied(_(OWNER_ONLY[action]))


def require_staff(db: Database, staff_id: int | None, action: str) -> Staff:
    """`require` for the staff member with this id; returns them."""
    if staff_id is None:
        raise PermissionDenied(_("Sign in first."))
    member = staff_member(db, staff_id)
    require(member, action)
    return member


class Guarded:
    """Mixed into `Shop` (through its action mixins): `_require` for the signed-in staff member."""

    db: Database
    staff_id: int

    def _require(self, action: str) -> None:
        require_staff(self.db, self.staff_id, action)
