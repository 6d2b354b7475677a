"""The codice fiscale: its check character, and whether it agrees with the person."""

from __future__ import annotations

import re
import threading
from datetime import date
from functools import lru_cache
from typing import Any

from opdesk.core.errors import FieldError
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.text import fold

_SHAPE = re.compile(
    r"^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$"
)
CONTEXT = "errors"
EXAMPLE = "RSSMRA85T10A562S"  # a valid code (Mario Rossi, born in Rome in 1985)


def clean_cf(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


# python-codicefiscale builds its table of comuni on first use, a second of work, and
# does not guard it: HQ's threads all building it at once under a burst of pushes took
# a sixth of their time. One decode at a time (the GIL allows no more anyway).
_DECODING = threading.Lock()


@lru_cache(maxsize=1024)
def _decode(code: str) -> dict[str, Any] | None:
    """What the code says (birth date, sex, place), or None if it cannot exist. Slow
    (milliseconds: it works out every omocodia variant), and asked again for the same
    person at each edit, replay and at HQ: remembered. Read it, never change it."""
    from codicefiscale import codicefiscale  # its comuni table is loaded on first use

    try:
        with _DECODING:
            decoded: dict[str, Any] = codicefiscale.decode(code)
    except ValueError:
        return None
    return decoded


def load_tables() -> None:
    """Build the library's table of comuni now, so that the first check a person waits
    for (at the counter, or a desk's push at a freshly started HQ) does not build it.
    About a second of work, once per process: run it in the background."""
    _decode(EXAMPLE)


def check_cf(
    code: str,
    *,
    birth_date: date | None,
    sex: str | None,
    birth_place: str | None,
) -> list[FieldError]:
    """Errors for a malformed code, a wrong check character, or a code that disagrees
    with the birth date, sex or birth place given beside it."""
    from codicefiscale.codicefiscale import encode_cin

    if len(code) != 16 or not _SHAPE.match(code):
        return [
            FieldError(
                "codice_fiscale",
                QT_TRANSLATE_NOOP(
                    "errors", "A codice fiscale has 16 letters and digits, like RSSMRA85T10A562S."
                ),
            )
        ]
    if encode_cin(code[:15]) != code[15]:
        return [
            FieldError(
                "codice_fiscale",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The last character of this codice fiscale does not match: check for a typo.",
                ),
            )
        ]
    decoded = _decode(code)
    if decoded is None:
        return [
            FieldError(
                "codice_fiscale",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This codice fiscale cannot exist: its birth date or birth place code is "
                    "wrong. Check for a typo.",
                ),
            )
        ]
    errors: list[FieldError] = []
    if birth_date is not None and decoded["birthdate"].date() != birth_date:
        errors.append(
            FieldError(
                "codice_fiscale",
                QT_TRANSLATE_NOOP(
                    "errors", "The codice fiscale says born on {date}, not the birth date given."
                ),
                {"date": decoded["birthdate"].date().strftime("%d/%m/%Y")},
            )
        )
    # python-codicefiscale names the decoded sex "gender"
    if sex in ("F", "M") and decoded.get("gender", decoded.get("sex")) != sex:
        errors.append(
            FieldError(
                "codice_fiscale",
                QT_TRANSLATE_NOOP("errors", "The codice fiscale does not match the sex given."),
            )
        )
    place = decoded.get("birthplace") or {}
    if birth_place and place and not _same_place(birth_place, place):
        errors.append(
            FieldError(
                "codice_fiscale",
                QT_TRANSLATE_NOOP(
                    "errors", "The codice fiscale says born in {place}, not the birth place given."
                ),
                {"place": place.get("name", "")},
            )
        )
    return errors


def _same_place(given: str, place: dict[str, Any]) -> bool:
    names = {
        fold(place.get("name") or ""),
        fold(place.get("name_trans") or ""),
        fold(place.get("name_alt") or ""),
    }
    return fold(given) in names - {""}
