"""The kinds of data a user action can change. Results carry the set of kinds
they changed (`changed`), so each screen refreshes only what it shows."""

from __future__ import annotations

CUSTOMERS, SALES, LEDGER, SETTINGS, FEEDBACK = "customers", "sales", "ledger", "settings", "feedback"
