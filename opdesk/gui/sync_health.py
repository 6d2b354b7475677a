"""The desk's sync health in words: a clock far from HQ's, a sync failing for an hour."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:  # the sync stack (SQLAlchemy, httpx) loads after the first paint
    from opdesk.sync.service import SyncStatus

# What httpx calls "HQ did not answer": said plainly rather than by its class name.
UNREACHABLE = {
    "ConnectError",
    "ConnectTimeout",
    "ReadTimeout",
    "WriteTimeout",
    "PoolTimeout",
    "ReadError",
    "WriteError",
    "RemoteProtocolError",
    "NetworkError",
    "TimeoutException",
}


class SyncHealthWords(QObject):
    """The phrases (a QObject so that counted phrases get their plural forms)."""

    def clock(self, offset: timedelta) -> str:
        """``offset`` is HQ's clock minus this computer's."""
        minutes = round(abs(offset.total_seconds()) / 60)
        behind = offset > timedelta(0)
        if minutes < 120:
            if behind:
                return self.tr("This computer's clock is %n minute(s) behind", "", minutes)
            return self.tr("This computer's clock is %n minute(s) ahead", "", minutes)
        hours = round(minutes / 60)
        if behind:
            return self.tr("This computer's clock is %n hour(s) behind", "", hours)
        return self.tr("This computer's clock is %n hour(s) ahead", "", hours)

    def error(self, detail: str | None) -> str:
        if not detail:
            return self.tr("no answer from HQ")
        if detail in UNREACHABLE:
            return self.tr("HQ cannot be reached")
        return sync_error_text(detail)

    def failing(self, since: datetime, now: datetime, detail: str | None) -> str:
        hours = max(1, int((now - since).total_seconds() / 3600))
        days = int(hours / 24)
        if days < 2:
            text = self.tr("Sync has not worked for %n hour(s): {error}", "", hours)
        else:
            text = self.tr("Sync has not worked for %n day(s): {error}", "", days)
        return text.format(error=self.error(detail))


def sync_error_text(detail: str) -> str:
    """Why a sync failed, in this desk's language: ``detail`` is a message id of HQ's or
    the network's (context "sync") or of the database's (a full disk)."""
    translated = QCoreApplication.translate("sync", detail)
    if translated == detail:
        translated = QCoreApplication.translate("StorageError", detail)
    return translated


def clock_text(offset: timedelta) -> str:
    return SyncHealthWords().clock(offset)


def failing_text(since: datetime, now: datetime, detail: str | None) -> str:
    return SyncHealthWords().failing(since, now, detail)


def health_warnings(status: SyncStatus, now: datetime) -> list[str]:
    """What a volunteer should know about sync, most urgent first (empty: all is well)."""
    warnings = []
    if status.failing_since is not None:
        warnings.append(failing_text(status.failing_since, now, status.last_error))
    if status.clock_offset is not None:
        warnings.append(clock_text(status.clock_offset))
    return warnings
