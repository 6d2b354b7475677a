"""Sync as the desk uses it: enroll with HQ, sync now, the state to show, the problems."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from opdesk.core.clock import Clock, utc_now
from opdesk.core.mutations.log import MutationLog
from opdesk.storage.engine import Database
from opdesk.storage.models import DeskState, SyncProblem
from opdesk.sync.divergence import INCONCLUSIVE, CheckResult, DigestTransport, check_divergence
from opdesk.sync.engine import SyncReport, Transport, sync_once
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
    id: int
    seq: int
    name: str
    reason: str
    created_at: datetime
    dependents: int = 0


TransportFactory = Callable[[str, str, Path | None], Transport]


def http_transport(url: str, token: str, ca_file: Path | None) -> Transport:
    return HttpTransport(url, token, ca_file=ca_file)


def mentioned_ids(args: object) -> set[str]:
    """Every string in a mutation's arguments: the ids it names among them."""
    if isinstance(args, str):
        return {args}
    if isinstance(args, dict):
        return set().union(*(mentioned_ids(v) for v in args.values())) if args else set()
    if isinstance(args, list | tuple):
        return set().union(*(mentioned_ids(v) for v in args)) if args else set()
    return set()


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

    def enroll(self, server_url: str, code: str, *, ca_file: Path | None = None) -> None:
        """Exchange HQ's one-time code for this desk's token, and keep the address."""
        url = server_url.strip().rstrip("/")
        token = enroll_device(url, code, ca_file=ca_file).token
        self._set_state(
            server_url=url,
            device_token=token,
            ca_file=str(ca_file) if ca_file else None,
            last_sync_error=None,
        )

    def sync_now(self) -> SyncReport:
        """Push and pull; once a day, then check this desk's copy against HQ's."""
        return self._sync(check=False)[0]

    def check_now(self) -> CheckResult:
        """Sync, then compare this desk's copy with HQ's; if they differ, download
        everything again (pending changes are kept)."""
        return self._sync(check=True)[1]

    def _sync(self, *, check: bool) -> tuple[SyncReport, CheckResult]:
        with self.db.read() as session:
            state = session.get(DeskState, 1)
            if state is None or not state.server_url or not state.device_token:
                raise SyncError("This desk is not enrolled at HQ.")
            url, token, ca = state.server_url, state.device_token, state.ca_file
        transport = self.transport(url, token, Path(ca) if ca else None)
        watch = ClockWatch(transport, self.clock)
        try:
            report = sync_once(self.db, watch)
            self._record_problems(report)
            self._set_state(last_sync_at=self.clock(), last_sync_error=None)
            record_success(self.db, watch.offset)
            checked = INCONCLUSIVE
            if check or read_health(self.db).check_due(self.clock()):
                checked = self._check(transport)
        except Exception as exc:
            detail = exc.detail if isinstance(exc, SyncError) else type(exc).__name__
            self._set_state(last_sync_error=detail)
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
            self._record_problems(sync_once(self.db, transport))
            after = check_divergence(self.db, transport)
            if after.diverged:
                log.error("this desk still differs from HQ after downloading everything again")
        return result

    def problems(self) -> list[ProblemView]:
        with self.db.read() as session:
            rows = session.scalars(
                select(SyncProblem)
                .where(SyncProblem.resolved_at.is_(None))
                .order_by(SyncProblem.created_at)
            ).all()
            return [
                ProblemView(p.id, p.seq, p.name, p.reason, p.created_at, p.dependents) for p in rows
            ]

    def dismiss_problem(self, problem_id: int) -> None:
        with self.db.write() as session:
            problem = session.get(SyncProblem, problem_id)
            if problem is not None:
                problem.resolved_at = self.clock()

    def _record_problems(self, report: SyncReport) -> None:
        if report.earlier is not None:
            self._record_problems(report.earlier)
        if not report.rejected:
            return
        now = self.clock()
        roots: dict[str, SyncProblem] = {}  # an id a refused change made -> its problem
        with self.db.write() as session:
            for seq, reason in sorted(report.rejected.items()):
                sent = report.sent.get(seq)
                args = sent.args if sent else {}
                root = next((roots[i] for i in mentioned_ids(args) if i in roots), None)
                if root is None:
                    root = SyncProblem(
                        seq=seq,
                        name=sent.name if sent else "?",
                        args=args,
                        reason=reason,
                        created_at=now,
                        dependents=0,
                    )
                    session.add(root)
                else:
                    root.dependents += 1
                for made in report.created.get(seq, ()):
                    roots[made] = root
        log.warning("%d changes refused by HQ", len(report.rejected))

    def _set_state(self, **values: object) -> None:
        with self.db.write() as session:
            session.execute(update(DeskState).where(DeskState.id == 1).values(**values))
