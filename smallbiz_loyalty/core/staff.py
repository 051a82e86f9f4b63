"""The shop's staff: who is signed in, and what they may do.

Minimal for now (name and role); PINs come with the data-safety work."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from smallbiz_loyalty.core.errors import NotFound
from smallbiz_loyalty.core.i18n import _

ROLES = ("owner", "cashier")
_COLUMNS = "id, name, role, active, created_at"


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    role: str  # "owner" | "cashier"
    active: bool
    created_at: str

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"


def _row_to_staff(row: tuple[object, ...]) -> Staff:
    staff_id, name, role, active, created_at = row
    return Staff(id=int(staff_id), name=str(name), role=str(role), active=bool(active), created_at=str(created_at))


def staff_member(db: Database, staff_id: int) -> Staff:
    """The staff member with this id; `NotFound` when there is none."""
    row = db.execute(f"SELECT {_COLUMNS} FROM staff WHERE id = ?", [staff_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no staff member number {id}.", id=staff_id))
    return _row_to_staff(row)


def list_staff(db: Database, *, active_only: bool = False) -> list[Staff]:
    """Every staff member, owners first, then by name."""
    where = " WHERE active = 1" if active_only else ""
    rows = db.execute(f"SELECT {_COLUMNS} FROM staff{where} ORDER BY role != 'owner', name, id")
    return [_row_to_staff(row) for row in rows]
