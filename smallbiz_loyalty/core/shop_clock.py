"""The one place the `Shop` turns its injected clock into a UTC timestamp and the
shop-local business date (every mixin of `Shop` uses it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from smallbiz_loyalty.core.dates import Clock, business_date, utc_iso


class ShopClock:
    """Mixed into `Shop`; relies on its clock and settings (the time zone)."""

    clock: Clock
    _settings: dict[str, Any]

    def _moment(self, at: datetime | None = None) -> tuple[str, date]:
        """(UTC ISO timestamp, business date) of `at`, or of now by the shop's clock."""
        moment = at or self.clock()
        return utc_iso(moment), business_date(moment, self._settings["time_zone"])

    def _now(self) -> str:
        return self._moment()[0]

    def today(self) -> date:
        """Today's business date in the shop's time zone."""
        return self._moment()[1]
