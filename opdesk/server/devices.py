"""Desk PCs at HQ: a one-time enrollment code, then a token; both kept only as hashes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from opdesk.core.clock import new_id
from opdesk.i18n import QT_TRANSLATE_NOOP
from opdesk.storage.engine import Database
from opdesk.storage.models import HqDevice

CODE_LIFETIME = timedelta(hours=1)
# A desk's downloads are recorded as its last sync at most this often: a write for each
# of them would be most of HQ's writes, and the list of devices shows minutes.
SEEN_EVERY = timedelta(minutes=1)
CODE_NOT_VALID = QT_TRANSLATE_NOOP("sync", "This enrollment code is not valid.")
# Its words are the translation key at desks of every version: the Italian says where the
# code goes.
NOT_ENROLLED = QT_TRANSLATE_NOOP("sync", "This desk is not enrolled at HQ.")
NO_DEVICE = QT_TRANSLATE_NOOP("sync", "No such device.")
NO_LIVE_DEVICE = QT_TRANSLATE_NOOP("sync", "No such device, or it was revoked.")
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # nothing to mistake for another


class DeviceRefused(Exception):
    """Why a device may not sync: shown to the desk in its own words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def digest(secret: str) -> str:
    """Tokens and codes are long random strings: a plain SHA-256 is the right hash."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(_CODE_LETTERS) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def _as_made(code: str) -> str:
    """A code as ``new_code`` made it, however it was typed or pasted: lower case,
    spaces, no dash or another dash ("abcd 2345", "ABCD2345", "ABCD–2345")."""
    plain = "".join(c for c in code.upper() if c.isalnum())
    return f"{plain[:4]}-{plain[4:]}" if len(plain) == 8 else code.strip().upper()


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str
    site_id: str | None
    enrolled_at: datetime | None
    revoked_at: datetime | None
    last_sync_at: datetime | None
    client_id: str | None
    failing_since: datetime | None = None  # its sync requests fail here, since then
    failures: int = 0
    last_error: str | None = None
    code_expires_at: datetime | None = None  # of its enrollment code, until it is used


def create_enrollment(db: Database, *, name: str, site_id: str | None, now: datetime) -> str:
    """A new device and its one-time code (valid for an hour)."""
    code = new_code()
    with db.write() as session:
        session.add(
            HqDevice(
                id=new_id(),
                name=name,
                site_id=site_id,
                enrollment_hash=digest(code),
                enrollment_expires_at=now + CODE_LIFETIME,
            )
        )
    return code


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    token: str
    site_id: str | None  # the site HQ enrolled it for; None: every site (HQ's own)


OTHER_SITE = QT_TRANSLATE_NOOP(
    "sync", "This code is for a desk of another opcafè: ask HQ for a code for this desk's opcafè."
)


def enroll(
    db: Database,
    code: str,
    *,
    now: datetime,
    desk_site_id: str | None = None,
    fresh: bool = False,
) -> Enrolled:
    """Exchange a code for a token; a code works once, and not after an hour.
    ``desk_site_id``: the site the desk records its visits for, if it says; a code for
    another site is refused, and stays unused, unless the desk is ``fresh`` (nothing
    recorded nor synced yet: it takes the code's site)."""
    token = secrets.token_urlsafe(32)
    normalized = _as_made(code)
    with db.write() as session:
        device = session.scalar(  # locked: two desks using one code at once enroll one
            select(HqDevice).where(HqDevice.enrollment_hash == digest(normalized)).with_for_update()
        )
        if device is None or device.revoked_at is not None:
            raise DeviceRefused(CODE_NOT_VALID)
        expires = device.enrollment_expires_at
        if expires is None or expires < now:
            raise DeviceRefused(
                QT_TRANSLATE_NOOP("sync", "This enrollment code has expired: ask HQ for a new one.")
            )
        wrong_site = desk_site_id is not None and device.site_id not in (None, desk_site_id)
        if wrong_site and not fresh:
            raise DeviceRefused(OTHER_SITE)
        device.enrollment_hash = None
        device.enrollment_expires_at = None
        device.token_hash = digest(token)
        device.enrolled_at = now
        return Enrolled(device.id, token, device.site_id)


def authenticate(db: Database, token: str) -> DeviceInfo:
    with db.read() as session:
        device = session.scalar(select(HqDevice).where(HqDevice.token_hash == digest(token)))
        if device is None:
            raise DeviceRefused(NOT_ENROLLED)
        if device.revoked_at is not None:
            raise DeviceRefused(
                QT_TRANSLATE_NOOP("sync", "This desk was revoked at HQ: ask HQ to enroll it again.")
            )
        return _info(device)


def record_sync(db: Database, device_id: str, client_id: str, *, now: datetime) -> None:
    with db.write() as session:
        device = session.get(HqDevice, device_id)
        if device is not None:
            device.last_sync_at = now
            device.client_id = client_id
            device.failing_since, device.failures, device.last_error = None, 0, None


def record_download(db: Database, device: DeviceInfo, client_id: str, *, now: datetime) -> None:
    """A desk with nothing to push syncs by downloading only: the end of its download
    is its last sync too, or HQ's list would show a working desk as silent for days."""
    last = device.last_sync_at
    if device.client_id == client_id and last is not None and now - last < SEEN_EVERY:
        return
    record_sync(db, device.id, client_id, now=now)


def record_failure(db: Database, device_id: str, error: str, *, now: datetime) -> None:
    """A sync request of this device failed here (HQ's own fault, e.g. its database)."""
    with db.write() as session:
        device = session.get(HqDevice, device_id)
        if device is not None:
            device.failing_since = device.failing_since or now
            device.failures += 1
            device.last_error = error[:500]


def clear_failure(db: Database, device: DeviceInfo) -> None:
    """A request of a device that was failing worked (a write only then)."""
    if device.failing_since is None:
        return
    with db.write() as session:
        row = session.get(HqDevice, device.id)
        if row is not None:
            row.failing_since, row.failures, row.last_error = None, 0, None


def revoke(db: Database, device_id: str, *, now: datetime) -> None:
    with db.write() as session:
        device = session.get(HqDevice, device_id)
        if device is None:
            raise DeviceRefused(NO_DEVICE)
        device.revoked_at = now  # the token hash stays: the desk is told it was revoked


def rotate_token(db: Database, device_id: str, *, now: datetime) -> str:
    """A new one-time code for a device, whose token stops working at once (a desk PC
    stolen, a token seen by someone): the desk enters the code as at its enrollment, and
    carries on with a new token, its data and pending changes as they were. A token
    itself could not be typed in at the desk."""
    code = new_code()
    with db.write() as session:
        device = session.get(HqDevice, device_id)
        if device is None or device.revoked_at is not None:
            raise DeviceRefused(NO_LIVE_DEVICE)
        device.token_hash = None
        device.enrollment_hash = digest(code)
        device.enrollment_expires_at = now + CODE_LIFETIME
    return code


def list_devices(db: Database) -> list[DeviceInfo]:
    with db.read() as session:
        return [_info(d) for d in session.scalars(select(HqDevice).order_by(HqDevice.name))]


def _info(device: HqDevice) -> DeviceInfo:
    return DeviceInfo(
        id=device.id,
        name=device.name,
        site_id=device.site_id,
        enrolled_at=device.enrolled_at,
        revoked_at=device.revoked_at,
        last_sync_at=device.last_sync_at,
        client_id=device.client_id,
        failing_since=device.failing_since,
        failures=device.failures,
        last_error=device.last_error,
        code_expires_at=device.enrollment_expires_at,
    )
