"""Phone numbers: normalised with phonenumbers, Italy by default."""

from __future__ import annotations

import re

import phonenumbers

from opdesk.core.errors import ValidationFailed, invalid
from opdesk.i18n import QT_TRANSLATE_NOOP

_DIGITS = re.compile(r"\D+")


def normalize_phone(text: str, field: str = "phone") -> tuple[str, str]:
    """(E.164, national significant number) or ValidationFailed naming ``field``."""
    try:
        number = phonenumbers.parse(text, "IT")
    except phonenumbers.NumberParseException:
        raise _bad(field) from None
    if not phonenumbers.is_valid_number(number):
        raise _bad(field)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, phonenumbers.national_significant_number(number)


def _bad(field: str) -> ValidationFailed:
    return invalid(
        field,
        QT_TRANSLATE_NOOP(
            "errors",
            "This is not a valid phone number. Write it with its prefix, e.g. 333 123 4567.",
        ),
    )


def phone_query_digits(text: str) -> str | None:
    """The national digits a search for a phone number should match, from any format:
    "+39 333-12", "0039 33312", "333 12" all give "33312". None when not a number."""
    stripped = text.strip()
    if not stripped or _DIGITS.sub("", stripped) == "" or re.search(r"[a-zA-Z]", stripped):
        return None
    digits = _DIGITS.sub("", stripped)
    if stripped.startswith("+39"):
        digits = digits[2:]
    elif stripped.startswith("0039"):
        digits = digits[4:]
    return digits or None
