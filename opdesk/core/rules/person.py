"""Who may be registered, and how their details are normalised before they are saved."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from opdesk.core.errors import FieldError, ValidationFailed
from opdesk.core.rules.codice_fiscale import check_cf, clean_cf
from opdesk.core.rules.comuni import canonical_comune
from opdesk.core.rules.phone import normalize_phone
from opdesk.i18n import QT_TRANSLATE_NOOP

CONTEXT = "errors"
OLDEST_AGE = 120
ADULT_AGE = 18
CF_MISSING_REASONS = ("born_abroad", "unknown", "refused")
SEXES = ("F", "M", "X")
NAME_MAX = 120

Sex = Literal["F", "M", "X"]
CfMissingReason = Literal["born_abroad", "unknown", "refused"]


class PersonFields(BaseModel):
    """What a volunteer can write about a person. Everything but one name is optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    given_name: str | None = None
    family_name: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    birth_place: str | None = None
    sex: Sex | None = None
    codice_fiscale: str | None = None
    cf_missing_reason: CfMissingReason | None = None
    citizenship: str | None = None
    residence_comune: str | None = None
    residence_address: str | None = None
    homeless: bool = False
    domicile_comune: str | None = None
    domicile_address: str | None = None
    phone: str | None = None


EDITABLE_FIELDS = tuple(PersonFields.model_fields)


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def normalize_person(fields: PersonFields, *, on: date) -> tuple[PersonFields, str | None]:
    """The fields cleaned up, and the national phone digits; ValidationFailed lists every
    field that is wrong, each with a message that says what to do."""
    errors: list[FieldError] = []
    given, family = _text(fields.given_name), _text(fields.family_name)
    if not given and not family:
        errors.append(
            FieldError(
                "family_name",
                QT_TRANSLATE_NOOP("errors", "Write at least one name (a single name is fine)."),
            )
        )
    for name, value in (("given_name", given), ("family_name", family)):
        if value and len(value) > NAME_MAX:
            errors.append(
                FieldError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "errors", "This name is too long (at most {max} characters)."
                    ),
                    {"max": NAME_MAX},
                )
            )

    birth_date, birth_year = fields.birth_date, fields.birth_year
    if birth_date is not None:
        if birth_year is not None and birth_year != birth_date.year:
            errors.append(
                FieldError(
                    "birth_year",
                    QT_TRANSLATE_NOOP("errors", "The birth year does not match the birth date."),
                )
            )
        birth_year = birth_date.year
        if birth_date > on:
            errors.append(
                FieldError(
                    "birth_date", QT_TRANSLATE_NOOP("errors", "The birth date is in the future.")
                )
            )
    if birth_year is not None:
        if birth_year > on.year:
            errors.append(
                FieldError(
                    "birth_year", QT_TRANSLATE_NOOP("errors", "The birth year is in the future.")
                )
            )
        elif on.year - birth_year > OLDEST_AGE:
            field = "birth_date" if birth_date else "birth_year"
            errors.append(
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "errors", "Born more than {years} years ago? Check the year."
                    ),
                    {"years": OLDEST_AGE},
                )
            )

    code = clean_cf(fields.codice_fiscale) if fields.codice_fiscale else None
    code = code or None
    missing = fields.cf_missing_reason
    if code:
        errors.extend(
            check_cf(
                code, birth_date=birth_date, sex=fields.sex, birth_place=_text(fields.birth_place)
            )
        )
        missing = None

    phone, national = None, None
    if _text(fields.phone):
        try:
            phone, national = normalize_phone(fields.phone or "")
        except ValidationFailed as exc:
            errors.extend(exc.errors)

    homeless = fields.homeless
    residence = canonical_comune(fields.residence_comune)
    if homeless and _text(fields.residence_address):
        errors.append(
            FieldError(
                "residence_address",
                QT_TRANSLATE_NOOP(
                    "errors", "A person senza fissa dimora has no residence address."
                ),
            )
        )
    if errors:
        raise ValidationFailed(errors)
    cleaned = PersonFields(
        given_name=given,
        family_name=family,
        birth_date=birth_date,
        birth_year=birth_year,
        birth_place=_text(fields.birth_place),
        sex=fields.sex,
        codice_fiscale=code,
        cf_missing_reason=missing,
        citizenship=_text(fields.citizenship),
        residence_comune=residence,
        residence_address=_text(fields.residence_address),
        homeless=homeless,
        domicile_comune=canonical_comune(fields.domicile_comune),
        domicile_address=_text(fields.domicile_address),
        phone=phone,
    )
    return cleaned, national


def is_minor(birth_date: date | None, birth_year: int | None, *, on: date) -> bool:
    """Certainly under 18 on ``on``; with only a birth year, when under 18 all year long."""
    if birth_date is not None:
        age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
        return age < ADULT_AGE
    if birth_year is not None:
        return on.year - birth_year < ADULT_AGE
    return False


def parse_birth_date(text: str) -> date:
    """A date written the Italian way (gg/mm/aaaa) or ISO, or a clear error."""
    cleaned = text.strip()
    for sep in ("/", "-", "."):
        parts = cleaned.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                if len(parts[0]) == 4:
                    return date(int(parts[0]), int(parts[1]), int(parts[2]))
                year = int(parts[2])
                if len(parts[2]) != 4:
                    break
                return date(year, int(parts[1]), int(parts[0]))
            except ValueError:
                break
    raise ValidationFailed(
        [
            FieldError(
                "birth_date",
                QT_TRANSLATE_NOOP(
                    "errors", "This date does not exist. Write it as dd/mm/yyyy, e.g. 31/01/1980."
                ),
            )
        ]
    )
