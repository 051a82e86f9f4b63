"""One error tree for everything the user can be told about.

A `LoyaltyError` carries a message that is already translated into the user's
language and says what was wrong and what to do next. Anything else that
escapes is a bug and is logged with a traceback by the presenters.
"""

from __future__ import annotations


class LoyaltyError(Exception):
    """A known problem, with one plain sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(LoyaltyError):
    """A value typed, pasted or imported that cannot be accepted as it is."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(LoyaltyError):
    """The customer, sale, reward or file asked for does not exist."""


class RuleViolation(LoyaltyError):
    """The action is well-formed but the shop's rules forbid it now."""


class DuplicateCustomer(RuleViolation):
    """Enrolling or editing would give two customers the same phone number."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class PermissionDenied(RuleViolation):
    """The signed-in staff member may not do this."""


class StorageError(LoyaltyError):
    """The database file cannot be opened, read or written."""
