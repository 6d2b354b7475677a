"""Before registering: is this person perhaps already here? Flagged, never refused."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select

from opdesk.core.errors import ValidationFailed
from opdesk.core.rules.codice_fiscale import clean_cf
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.phone import normalize_phone
from opdesk.core.services.search import PersonSearchQuery
from opdesk.core.services.views import PersonSummary
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.engine import Database
from opdesk.storage.models import Person
from opdesk.storage.text import fold

CONTEXT = "duplicates"
SAME_CF = QT_TRANSLATE_NOOP("duplicates", "same codice fiscale")
SAME_PHONE = QT_TRANSLATE_NOOP("duplicates", "same phone number")
NAME_AND_BIRTH = QT_TRANSLATE_NOOP("duplicates", "similar name and same birth date")
NAME_AND_YEAR = QT_TRANSLATE_NOOP("duplicates", "similar name and same birth year")
SAME_NAME = QT_TRANSLATE_NOOP("duplicates", "same name")
NAME_SIMILARITY = 85


@dataclass(frozen=True)
class DuplicateCandidate:
    person: PersonSummary
    reasons: tuple[str, ...]


def find_duplicates(
    db: Database, fields: PersonFields, *, exclude_id: str | None = None, limit: int = 5
) -> list[DuplicateCandidate]:
    reasons: dict[str, list[str]] = {}

    def add(person_id: str, reason: str) -> None:
        if person_id != exclude_id and reason not in reasons.setdefault(person_id, []):
            reasons[person_id].append(reason)

    live = (Person.merged_into_id.is_(None), Person.deleted.is_(False))
    with db.read() as session:
        if fields.codice_fiscale:
            code = clean_cf(fields.codice_fiscale)
            for person_id in session.scalars(
                select(Person.id).where(Person.codice_fiscale == code, *live)
            ):
                add(person_id, SAME_CF)
        if fields.phone:
            try:
                _e164, national = normalize_phone(fields.phone)
            except ValidationFailed:
                national = None
            if national:
                for person_id in session.scalars(
                    select(Person.id).where(Person.phone_national == national, *live)
                ):
                    add(person_id, SAME_PHONE)
        name = " ".join(n for n in (fields.family_name, fields.given_name) if n)
        words = fold(name).split()
        if words:
            query = PersonSearchQuery(session, None)
            candidates = list(query.by_names(words))[:200]
            people = query.summaries(candidates)
            folded = " ".join(words)
            for person in people.values():
                similarity = fuzz.token_sort_ratio(folded, fold(person.display_name))
                if similarity < NAME_SIMILARITY:
                    continue
                if fields.birth_date and person.birth_date == fields.birth_date:
                    add(person.id, NAME_AND_BIRTH)
                elif (
                    (fields.birth_year or (fields.birth_date.year if fields.birth_date else None))
                    == person.birth_year
                    and person.birth_year is not None
                    and not (fields.birth_date and person.birth_date)
                ):
                    add(person.id, NAME_AND_YEAR)
                elif similarity == 100 and not (fields.birth_date or fields.birth_year):
                    add(person.id, SAME_NAME)
        found = PersonSearchQuery(session, None).summaries(list(reasons))
    ranked = sorted(reasons.items(), key=lambda kv: (-_weight(kv[1]), kv[0]))
    return [DuplicateCandidate(found[p], tuple(r)) for p, r in ranked if p in found][:limit]


def _weight(reasons: list[str]) -> int:
    weights = {SAME_CF: 8, NAME_AND_BIRTH: 4, SAME_PHONE: 3, NAME_AND_YEAR: 2, SAME_NAME: 1}
    return sum(weights[r] for r in reasons)
