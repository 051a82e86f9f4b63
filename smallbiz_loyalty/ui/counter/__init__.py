"""The counter screen (home): find the customer, record the sale, redeem, undo, enrol, ask for a score."""

from smallbiz_loyalty.ui.counter.page import CounterPage

__all__ = ["CounterPage"]
