"""Sync as the desk uses it: enroll with HQ, sync now, the state to show, the problems."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from opdesk.core.clock import Clock, utc_now
from opdesk.core.mutations.log import MutationLog, desk_state
from opdesk.core.mutations.problems import CONFLICTED
from opdesk.core.services.people import PeopleService, summary_of
from opdesk.core.services.suspects import flag_duplicates, settle_duplicates
from opdesk.core.services.views import PersonSummary
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.engine import Database
from opdesk.storage.errors import StorageError
from opdesk.storage.models import DeskState, Person, SyncProblem
from opdesk.sync.divergence import INCONCLUSIVE, CheckResult, DigestTransport, check_divergence
from opdesk.sync.engine import Progress, SyncReport, Transport, sync_once
from opdesk.sync.health import (
    ClockWatch,
    read_health,
    record_check,
    record_failure,
    record_success,
)
from opdesk.sync.http import HttpTransport, SyncError, enroll_device
from opdesk.sync.redownload import begin_redownload

log = logging.getLogger(__name__)

# A sync stopped by something on this desk other than its database (a bug): said plainly.
DESK_FAILED = QT_TRANSLATE_NOOP(
    "sync", "an error on this desk stopped it (details in the log file); nothing was lost."
)


def failure_detail(exc: BaseException) -> str:
    """What a failed sync says, as a message id: HQ's or the network's sentence (context
    "sync"), the database's own (context "StorageError": a full disk), or DESK_FAILED.
    Never a class name, which a volunteer would read as it is ("DiskFull")."""
    if isinstance(exc, SyncError):
        return exc.detail
    if isinstance(exc, StorageError):
        return exc.message
    return DESK_FAILED


@dataclass(frozen=True)
class Enrollment:
    site_id: str | None  # the site this desk records its visits for, from now on
    site_changed: bool  # taken from HQ: the desk had another, or none


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    server_url: str | None
    last_sync_at: datetime | None
    last_error: str | None
    pending: int
    problems: int  # counts a sync failing for an hour as one
    failing_since: datetime | None = None  # set once sync has failed for an hour
    clock_offset: timedelta | None = None  # HQ's clock minus this one, if far off


@dataclass(frozen=True)
class ProblemView:
    """A problem as the inbox shows it. ``reason`` is a message id when ``params`` is
    not None (translate it, then fill them in), else text as HQ sent it."""

    id: int
    seq: int
    name: str
    reason: str
    created_at: datetime
    dependents: int = 0
    kind: str = "rejected"  # or "conflict", "duplicate"
    params: dict[str, Any] | None = None
    detail: dict[str, Any] | None = None
    person: PersonSummary | None = None  # whom a conflict or a duplicate is about
    other: PersonSummary | None = None  # the look-alike of a duplicate


TransportFactory = Callable[[str, str, Path | None], Transport]


def http_transport(url: str, token: str, ca_file: Path | None) -> Transport:
    return HttpTransport(url, token, ca_file=ca_file)


class SyncService:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = utc_now,
        transport: TransportFactory = http_transport,
    ) -> None:
        self.db = db
        self.clock = clock
        self.transport = transport

    def status(self) -> SyncStatus:
        with self.db.read() as session:
            state = session.get(DeskState, 1)
            problems = session.scalar(
                select(func.count())
                .select_from(SyncProblem)
                .where(SyncProblem.resolved_at.is_(None))
            )
        health = read_health(self.db)
        failing = health.failing(self.clock())
        return SyncStatus(
            configured=bool(state and state.server_url and state.device_token),
            server_url=state.server_url if state else None,
            last_sync_at=state.last_sync_at if state else None,
            last_error=state.last_sync_error if state else None,
            pending=MutationLog(self.db).pending_count(),
            problems=int(problems or 0) + (1 if failing else 0),
            failing_since=failing,
            clock_offset=health.clock_off(),
        )

    def enroll(self, server_url: str, code: str, *, ca_file: Path | None = None) -> Enrollment:
        """Exchange HQ's one-time code for this desk's token, and keep the address. HQ
        refuses a code for another site than this desk's, unless nothing was recorded
        nor synced here yet: then the desk takes the code's site (a wrong choice on the
        first day, set right by HQ)."""
        url = server_url.strip().rstrip("/")
        with self.db.read() as session:
            state = session.get(DeskState, 1)
            site_id = state.site_id if state else None
            fresh = state is None or (state.next_seq == 1 and state.server_cursor == 0)
        answer = enroll_device(url, code, ca_file=ca_file, site_id=site_id, fresh=fresh)
        values: dict[str, object] = {
            "server_url": url,
            "device_token": answer.token,
            "ca_file": str(ca_file) if ca_file else None,
            "last_sync_error": None,
        }
        moved = answer.site_id is not None and answer.site_id != site_id
        if moved:
            log.info("enrolled for site %s (the desk had %s)", answer.site_id, site_id)
            values["site_id"] = answer.site_id
        self._set_state(**values)
        return Enrollment(answer.site_id if moved else site_id, moved)

    def move_to(self, server_url: str) -> None:
        """HQ's new address, for a desk enrolled already: its token and data stay."""
        self._set_state(server_url=server_url.strip().rstrip("/"), last_sync_error=None)

    def sync_now(self, *, progress: Progress | None = None) -> SyncReport:
        """One round with HQ; ``progress`` hears of each page of a large pull (on this
        thread). Refused changes and conflicts are recorded by the round itself. Refused
        edits queued again (they win a conflict) go to HQ in a second, short round.
        Once a day, the desk's copy is then checked against HQ's."""
        return self._sync(check=False, progress=progress)[0]

    def check_now(self) -> CheckResult:
        """Sync, then compare this desk's copy with HQ's; if they differ, download
        everything again (pending changes are kept)."""
        return self._sync(check=True, progress=None)[1]

    def _sync(self, *, check: bool, progress: Progress | None) -> tuple[SyncReport, CheckResult]:
        with self.db.read() as session:
            state = session.get(DeskState, 1)
            if state is None or not state.server_url or not state.device_token:
                raise SyncError("This desk is not enrolled at HQ.", permanent=True)
            url, token, ca = state.server_url, state.device_token, state.ca_file
        transport: Transport | None = None
        try:
            transport = self.transport(url, token, Path(ca) if ca else None)
            watch = ClockWatch(transport, self.clock)
            report = self._round(watch, progress)
            if report.replay is not None and report.replay.requeued:
                self._round(watch, None)
            self._set_state(last_sync_at=self.clock(), last_sync_error=None)
            record_success(self.db, watch.offset)
            checked = INCONCLUSIVE
            if check or read_health(self.db).check_due(self.clock()):
                checked = self._check(transport)
        except Exception as exc:
            self._set_state(last_sync_error=failure_detail(exc))
            record_failure(self.db, self.clock())
            raise
        finally:
            close = getattr(transport, "close", None)
            if close is not None:
                close()
        return report, checked

    def _check(self, transport: Transport) -> CheckResult:
        if not isinstance(transport, DigestTransport):
            return INCONCLUSIVE
        result = check_divergence(self.db, transport)
        record_check(self.db, self.clock(), result)
        if result.diverged:
            begin_redownload(self.db)
            self._round(transport, None)
            after = check_divergence(self.db, transport)
            if after.diverged:
                log.error("this desk still differs from HQ after downloading everything again")
        return result

    def _round(self, transport: Transport, progress: Progress | None) -> SyncReport:
        with self.db.read() as session:
            since = desk_state(session).checked_cursor
        report = sync_once(self.db, transport, progress=progress)
        if report.rejected:
            log.warning("%d changes refused by HQ", len(report.rejected))
        registered = report.replay.registered if report.replay else []
        flag_duplicates(self.db, registered, since=since, now=self.clock())
        settle_duplicates(self.db, now=self.clock())
        with self.db.write() as session:
            session.execute(
                update(DeskState)
                .where(DeskState.id == 1)
                .values(checked_cursor=DeskState.server_cursor)
            )
        return report

    def problems(self) -> list[ProblemView]:
        with self.db.read() as session:
            rows = session.scalars(
                select(SyncProblem)
                .where(SyncProblem.resolved_at.is_(None))
                .order_by(SyncProblem.created_at)
            ).all()
            ids = {
                i
                for p in rows
                for key, i in (p.detail or {}).items()
                if key in ("person_id", "other_id") and isinstance(i, str)
            }
            people = {
                person.id: summary_of(person)
                for person in session.scalars(select(Person).where(Person.id.in_(ids)))
            }
            return [
                ProblemView(
                    p.id,
                    p.seq,
                    p.name,
                    p.reason,
                    p.created_at,
                    p.dependents,
                    p.kind,
                    p.params,
                    p.detail,
                    people.get((p.detail or {}).get("person_id", "")),
                    people.get((p.detail or {}).get("other_id", "")),
                )
                for p in rows
            ]

    def dismiss_problem(self, problem_id: int) -> None:
        """Seen; for a conflict: keep this desk's value; for a look-alike: not the same
        person (remembered: that pair is not raised again)."""
        with self.db.write() as session:
            problem = session.get(SyncProblem, problem_id)
            if problem is not None:
                problem.resolved_at = self.clock()

    def restore_other(self, problem_id: int, people: PeopleService) -> None:
        """For a conflict: give the field back the other desk's value, as a new edit made
        here (it goes to HQ like any edit), and close the problem."""
        with self.db.read() as session:
            problem = session.get(SyncProblem, problem_id)
            if problem is None or problem.kind != CONFLICTED or not problem.detail:
                return
            detail = dict(problem.detail)
        people.update_person(str(detail["person_id"]), {str(detail["field"]): detail["theirs"]})
        self.dismiss_problem(problem_id)

    def settle_duplicates(self) -> None:
        """After a merge: close the look-alikes it took care of."""
        settle_duplicates(self.db, now=self.clock())

    def _set_state(self, **values: object) -> None:
        with self.db.write() as session:
            session.execute(update(DeskState).where(DeskState.id == 1).values(**values))
