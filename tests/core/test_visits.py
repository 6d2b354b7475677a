"""Checking in: anonymous visits, topics, today's list by the Rome calendar day, undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from opdesk.core.clock import new_id, rome_day_bounds
from opdesk.core.errors import DomainError, ValidationFailed
from opdesk.core.mutations.directory import CreateSite
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.context import DeskContext
from opdesk.core.services.people import PeopleService
from opdesk.core.services.visits import VisitService
from opdesk.storage.engine import Database
from tests.conftest import FakeClock


def test_an_anonymous_visit(visits: VisitService, clock: FakeClock) -> None:
    visit_id = visits.check_in(None, topics=["altro"], note="  chiede informazioni  ")
    (today,) = visits.todays_visits()
    assert (today.id, today.person_id, today.person_name) == (visit_id, None, None)
    assert today.topics == ("altro",)
    assert today.note == "chiede informazioni"


def test_a_visit_shows_the_persons_name(visits: VisitService, people: PeopleService) -> None:
    pid = people.register_person(PersonFields(given_name="Ada", family_name="Neri"))
    visits.check_in(pid, topics=["famiglia", "casa"])
    (today,) = visits.todays_visits()
    assert (today.person_id, today.person_name) == (pid, "Neri Ada")
    assert today.topics == ("casa", "famiglia")  # in the form's order


def test_unknown_topics_are_refused(visits: VisitService) -> None:
    with pytest.raises(ValidationFailed) as raised:
        visits.check_in(None, topics=["casa", "svago", "sport"])
    (error,) = raised.value.errors
    assert error.field == "topics"
    assert "svago, sport" in error.text()
    assert visits.todays_visits() == []


def test_a_blank_note_is_no_note(visits: VisitService) -> None:
    visits.check_in(None, note="   ")
    assert visits.todays_visits()[0].note is None


def test_a_desk_without_a_site_cannot_check_in(db: Database, clock: FakeClock) -> None:
    with pytest.raises(DomainError, match="no site"):
        VisitService(DeskContext(db, clock=clock)).check_in(None)


def test_todays_visits_use_the_rome_calendar_day(visits: VisitService, clock: FakeClock) -> None:
    # 23:30 UTC on 16 June is 01:30 on 17 June in Rome (summer time).
    clock.set(datetime(2025, 6, 16, 21, 59, tzinfo=UTC))  # 23:59 in Rome, 16 June
    late = visits.check_in(None)
    clock.set(datetime(2025, 6, 16, 23, 30, tzinfo=UTC))
    after_midnight = visits.check_in(None)

    on_17 = visits.todays_visits(now=datetime(2025, 6, 17, 9, 0, tzinfo=UTC))
    on_16 = visits.todays_visits(now=datetime(2025, 6, 16, 12, 0, tzinfo=UTC))
    assert [v.id for v in on_17] == [after_midnight]
    assert [v.id for v in on_16] == [late]
    assert [v.id for v in visits.todays_visits()] == [after_midnight]  # the desk's clock


def test_rome_days_in_winter_and_at_the_clock_changes() -> None:
    # Winter: 23:30 UTC on 15 January is 00:30 on the 16th in Rome.
    start, end = rome_day_bounds(datetime(2025, 1, 15, 23, 30, tzinfo=UTC))
    assert (start, end) == (
        datetime(2025, 1, 15, 23, 0, tzinfo=UTC),
        datetime(2025, 1, 16, 23, 0, tzinfo=UTC),
    )
    # The day summer time starts has 23 hours, the day it ends 25.
    start, end = rome_day_bounds(datetime(2025, 3, 30, 12, 0, tzinfo=UTC))
    assert end - start == timedelta(hours=23)
    start, end = rome_day_bounds(datetime(2025, 10, 26, 12, 0, tzinfo=UTC))
    assert end - start == timedelta(hours=25)


def test_todays_visits_are_per_site_and_newest_first(
    desk: DeskContext, visits: VisitService, clock: FakeClock
) -> None:
    first = visits.check_in(None)
    clock.advance(timedelta(minutes=5))
    second = visits.check_in(None)
    other_site = new_id()
    desk.run(CreateSite(site_id=other_site, site_name="opcafè Pero", comune="Pero"))
    elsewhere = visits.check_in(None, site_id=other_site)
    assert [v.id for v in visits.todays_visits()] == [second, first]
    assert [v.id for v in visits.todays_visits(other_site)] == [elsewhere]


def test_undo_removes_the_visit_from_today(visits: VisitService) -> None:
    keep = visits.check_in(None)
    mistake = visits.check_in(None, topics=["casa"])
    visits.undo_check_in(mistake)
    assert [v.id for v in visits.todays_visits()] == [keep]


def test_undoing_twice_is_refused(visits: VisitService) -> None:
    mistake = visits.check_in(None)
    visits.undo_check_in(mistake)
    with pytest.raises(DomainError, match="already undone"):
        visits.undo_check_in(mistake)
    with pytest.raises(DomainError, match="does not exist"):
        visits.undo_check_in("no-such-visit")


def test_an_undone_visit_leaves_the_persons_history(
    visits: VisitService, people: PeopleService
) -> None:
    pid = people.register_person(PersonFields(family_name="Neri"))
    kept = visits.check_in(pid)
    mistake = visits.check_in(pid)
    visits.undo_check_in(mistake)
    assert [v.id for v in people.person_details(pid).visits] == [kept]
