"""Phone numbers: parsed and validated with `phonenumbers`, stored as E.164."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.text import to_ascii_digits


@dataclass(frozen=True)
class Phone:
    e164: str  # "+96550012345"
    national: str  # digits as dialled at home, trunk prefix included: "50012345", "0501234567"

    @property
    def search_digits(self) -> str:
        """International and national digits, space separated, for substring search."""
        international = self.e164.lstrip("+")
        return international if self.national in international else f"{international} {self.national}"


def check_region(region: str) -> str:
    region = (region or "").strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidInput(
            "phone_region", _("{region} is not a country code such as KW, SA, AE or GB.", region=region[:10])
        )
    return region


def parse_phone(text: object, region: str) -> Phone:
    """Parse a phone as typed or imported (any digit script, spaces, dashes,
    "00" or "+" prefix). Raises `InvalidInput` when it is not a real number."""
    raw = to_ascii_digits(str(text or "").strip())
    if not raw:
        raise InvalidInput("phone", _("Please enter a phone number."))
    if len(raw) > 40 or any(ch.isalpha() for ch in raw):
        raise InvalidInput("phone", _('"{text}" is not a phone number.', text=raw[:20]))
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidInput("phone", _('"{text}" is not a phone number.', text=raw[:20])) from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput(
            "phone",
            _(
                '"{text}" is not a valid phone number for {region}; check the digits or add the country code.',
                text=raw[:20],
                region=region,
            ),
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    national = "".join(
        ch for ch in phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL) if ch.isdigit()
    )
    return Phone(e164=e164, national=national)


def format_phone(e164: str | None, region: str) -> str:
    """A stored number in the form people in `region` write it."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, None)
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
