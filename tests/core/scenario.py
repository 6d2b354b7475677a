"""Random desk sessions for the property tests: a strategy of steps, valid and invalid,
and the code that plays them through the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from opdesk.core.clock import new_id
from opdesk.core.errors import DomainError
from opdesk.core.mutations.log import MutationLog
from opdesk.core.mutations.people import UpdatePerson
from opdesk.core.mutations.replay import ServerRow, rewind_and_replay
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from opdesk.storage.rows import RowData
from tests.conftest import FakeClock, Seeded, desk_on

MISSING = "00000000-0000-7000-8000-000000000000"

NAMES = ["Mario", "Niccolò", "D'Angelo", "Anna-Maria", "De Luca", "Zoë", "Li", "Rossi", "", " "]
PHONES = ["333 123 4567", "+39 02 1234 5678", "0039 347 000 1111", "12", "abc"]
CODES = ["RSSMRA85T10A562S", "RSSMRA85T10A562X", "XYZ", "BNCNNA10B41H264E"]
COMUNI = ["rho", "POGLIANO milanese", "Milano", "  ", "settimo  milanese"]
TOPICS = ["casa", "lavoro", "famiglia", "risparmio", "altro", "svago"]
PURPOSES = ["registration", "network_index", "contact", "referral_sharing"]
RELATIONS = ["guardian", "parent", "child", "partner", "sibling", "relative", "other"]

pick = st.integers(min_value=0, max_value=44)  # 40 and up: an id nobody has
rarely = st.one_of(st.none(), st.none(), st.none(), pick)  # mostly nobody


def maybe(values: list[Any]) -> st.SearchStrategy[Any]:
    return st.none() | st.sampled_from(values)


birth_dates = st.none() | st.dates(min_value=date(1895, 1, 1), max_value=date(2026, 12, 31))
field_values: dict[str, st.SearchStrategy[Any]] = {
    "given_name": maybe(NAMES),
    "family_name": maybe(NAMES),
    "birth_date": birth_dates,
    "birth_year": st.none() | st.integers(min_value=1890, max_value=2030),
    "sex": maybe(["F", "M", "X"]),
    "codice_fiscale": maybe(CODES),
    "residence_comune": maybe(COMUNI),
    "residence_address": maybe(["Via Roma 1", "  "]),
    "homeless": st.booleans(),
    "phone": maybe(PHONES),
}


@st.composite
def person_fields(draw: st.DrawFn) -> PersonFields:
    chosen = draw(st.sets(st.sampled_from(sorted(field_values)), max_size=5))
    values = {name: draw(field_values[name]) for name in sorted(chosen)}
    if draw(st.integers(0, 4)):  # most people give a name
        values.setdefault("family_name", draw(st.sampled_from(NAMES[:8])))
    return PersonFields(**values)


@st.composite
def changes(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(st.sets(st.sampled_from(sorted(field_values)), min_size=1, max_size=3))
    return {name: draw(field_values[name]) for name in sorted(chosen)}


registers = st.tuples(st.just("register"), person_fields(), rarely, st.booleans())
check_ins = st.tuples(
    st.just("check_in"),
    st.none() | pick,
    st.lists(st.sampled_from(TOPICS), max_size=2),
    maybe(["prima volta", "  ", "x" * 4001]),
)
steps = st.one_of(
    registers,
    registers,
    check_ins,
    st.tuples(st.just("update"), pick, changes()),
    st.tuples(st.just("stale_update"), pick),
    st.tuples(st.just("merge"), pick, pick),
    st.tuples(st.just("unmerge"), pick),
    check_ins,
    st.tuples(st.just("undo"), pick),
    st.tuples(
        st.just("consent"), pick, st.sampled_from(PURPOSES), rarely, st.integers(0, 5).map(bool)
    ),
    st.tuples(st.just("withdraw"), pick),
    st.tuples(st.just("link"), pick, pick, st.sampled_from(RELATIONS)),
    st.tuples(st.just("wait"), st.integers(min_value=1, max_value=60 * 30)),
)
sessions = st.lists(steps, min_size=1, max_size=20)


@dataclass
class Player:
    """Plays steps through the services; refusals (DomainError) are part of the game."""

    desk: DeskContext
    people_ids: list[str] = field(default_factory=list)
    visit_ids: list[str] = field(default_factory=list)
    consent_ids: list[str] = field(default_factory=list)
    refused: int = 0
    done: int = 0

    def __post_init__(self) -> None:
        self.people = PeopleService(self.desk)
        self.visits = VisitService(self.desk)

    @staticmethod
    def _pick(ids: list[str], index: int | None) -> str | None:
        if index is None:
            return None
        return ids[index % len(ids)] if ids and index < 40 else MISSING

    def warm_up(self) -> None:
        """A few people, a visit and a consent, so that random steps find someone."""
        adult = self.people.register_person(
            PersonFields(given_name="Niccolò", family_name="D'Angelo", phone="333 123 4567"),
            consents=["registration"],
            notice_version="2025-1",
        )
        child = self.people.register_person(
            PersonFields(given_name="Luca", family_name="D'Angelo", birth_year=2015),
            guardian_id=adult,
        )
        other = self.people.register_person(
            PersonFields(family_name="Rossi", codice_fiscale="RSSMRA85T10A562S")
        )
        self.people_ids += [adult, child, other]
        self.visit_ids.append(self.visits.check_in(adult, topics=["casa"]))
        self.consent_ids.append(
            self.people.record_consent(child, "contact", notice_version="v1", given_by_id=adult)
        )

    def play(self, session: list[tuple[Any, ...]]) -> None:
        self.warm_up()
        for step in session:
            try:
                self.step(*step)
            except DomainError:
                self.refused += 1
            else:
                self.done += 1

    def step(self, kind: str, *args: Any) -> None:
        def person(index: int | None) -> str | None:
            return self._pick(self.people_ids, index)

        if kind == "register":
            fields, guardian, consent = args
            self.people_ids.append(
                self.people.register_person(
                    fields,
                    guardian_id=person(guardian),
                    consents=["registration"] if consent else (),
                    notice_version="2025-1",
                )
            )
        elif kind == "update":
            self.people.update_person(person(args[0]) or MISSING, args[1])
        elif kind == "stale_update":
            self.desk.run(
                UpdatePerson(
                    person_id=person(args[0]) or MISSING,
                    edited_at=self.desk.clock(),
                    changes={"citizenship": "Marocco"},
                    replaced={"citizenship": "never this"},
                )
            )
        elif kind == "merge":
            self.people.merge_people(
                kept_id=person(args[0]) or MISSING, merged_id=person(args[1]) or MISSING
            )
        elif kind == "unmerge":
            self.people.unmerge_people(person(args[0]) or MISSING)
        elif kind == "check_in":
            who, topics, note = args
            self.visit_ids.append(self.visits.check_in(person(who), topics=topics, note=note))
        elif kind == "undo":
            self.visits.undo_check_in(self._pick(self.visit_ids, args[0]) or MISSING)
        elif kind == "consent":
            who, purpose, given_by, notice = args
            self.consent_ids.append(
                self.people.record_consent(
                    person(who) or MISSING,
                    purpose,
                    notice_version="2025-1" if notice else "",
                    given_by_id=person(given_by),
                )
            )
        elif kind == "withdraw":
            self.people.withdraw_consent(self._pick(self.consent_ids, args[0]) or MISSING)
        elif kind == "link":
            self.people.link_household(
                person(args[0]) or MISSING, person(args[1]) or MISSING, args[2]
            )
        elif kind == "wait":
            self.desk.clock.advance(timedelta(minutes=args[0]))  # type: ignore[attr-defined]
        else:  # pragma: no cover
            raise AssertionError(kind)


# --- rows as HQ sends them ----------------------------------------------------------

T0 = datetime(2025, 5, 2, 9, 0, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def site_row(site_id: str, version: int, name: str = "opcafè Rho") -> RowData:
    return {
        "id": site_id,
        "version": version,
        "deleted": False,
        "name": name,
        "comune": "Rho",
        "address": None,
    }


def user_row(user_id: str, site_id: str, version: int) -> RowData:
    return {
        "id": user_id,
        "version": version,
        "deleted": False,
        "username": "giulia",
        "display_name": "Giulia",
        "role": "volunteer",
        "site_id": site_id,
        "active": True,
    }


def person_row(person_id: str, version: int, site_id: str | None, **values: Any) -> RowData:
    row: RowData = {
        "id": person_id,
        "version": version,
        "deleted": False,
        "given_name": None,
        "family_name": None,
        "birth_date": None,
        "birth_year": None,
        "birth_place": None,
        "sex": None,
        "codice_fiscale": None,
        "cf_missing_reason": None,
        "citizenship": None,
        "residence_comune": None,
        "residence_address": None,
        "homeless": False,
        "domicile_comune": None,
        "domicile_address": None,
        "phone": None,
        "phone_national": None,
        "registered_at": iso(T0),
        "registered_site_id": site_id,
        "merged_into_id": None,
        "index_only": False,
    }
    row.update(values)
    return row


def visit_row(visit_id: str, version: int, person_id: str | None, site_id: str) -> RowData:
    return {
        "id": visit_id,
        "version": version,
        "deleted": False,
        "person_id": person_id,
        "site_id": site_id,
        "visited_at": iso(T0 + timedelta(hours=1)),
        "topics": "casa",
        "note": None,
        "recorded_by_id": None,
        "undone_at": None,
    }


class ServerState:
    """What HQ sent this desk: its site and user (acknowledging the two mutations that
    made them) and three people, one of them with a visit."""

    def __init__(self, seeded: Seeded) -> None:
        site = seeded.site_id
        self.people = [new_id() for _ in range(3)]
        self.visit = new_id()
        s1, s2, s3 = self.people
        self.rows = [
            ServerRow("site", site, site_row(site, 11)),
            ServerRow("app_user", seeded.user_id, user_row(seeded.user_id, site, 12)),
            ServerRow(
                "person",
                s1,
                person_row(
                    s1,
                    13,
                    site,
                    given_name="Mario",
                    family_name="Rossi",
                    birth_date="1985-12-10",
                    birth_year=1985,
                ),
            ),
            ServerRow(
                "person",
                s2,
                person_row(
                    s2,
                    14,
                    site,
                    family_name="Ferrari",
                    phone="+393331234567",
                    phone_national="3331234567",
                ),
            ),
            ServerRow("person", s3, person_row(s3, 15, None, given_name="Ugo", family_name="Neri")),
            ServerRow("visit", self.visit, visit_row(self.visit, 16, s1, site)),
        ]

    def take_in(self, db: Database) -> None:
        report = rewind_and_replay(db, self.rows, acknowledged_through=2)
        assert report.acknowledged == 2
        assert MutationLog(db).pending() == []

    def player(self, seeded: Seeded, clock: FakeClock) -> Player:
        """Plays on the first two server people and on new ones, never on the third."""
        return Player(
            desk_on(seeded, clock), people_ids=list(self.people[:2]), visit_ids=[self.visit]
        )
