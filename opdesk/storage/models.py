"""The tables. Synced rows carry a server ``version`` and a soft-delete flag.

Ids are UUIDv7 strings made by the caller; times are UTC. Tables named ``desk_*`` and the
search index are local to one database and never travel through sync.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from opdesk.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced(Base):
    """A row that exists at HQ too: changed only by mutations, versioned by the server."""

    __abstract__ = True
    synced: ClassVar[bool] = True

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    # Indexed: a pull reads the rows above a desk's cursor.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Site(Synced):
    __tablename__ = "site"

    name: Mapped[str] = mapped_column(String(120))
    comune: Mapped[str] = mapped_column(String(80))
    address: Mapped[str | None] = mapped_column(String(200))


class Device(Synced):
    __tablename__ = "device"

    name: Mapped[str] = mapped_column(String(120))
    site_id: Mapped[str | None] = mapped_column(ForeignKey("site.id"))


class User(Synced):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    site_id: Mapped[str | None] = mapped_column(ForeignKey("site.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class Person(Synced):
    __tablename__ = "person"

    given_name: Mapped[str | None] = mapped_column(String(120))
    family_name: Mapped[str | None] = mapped_column(String(120))
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    birth_place: Mapped[str | None] = mapped_column(String(120))
    sex: Mapped[str | None] = mapped_column(String(1))
    codice_fiscale: Mapped[str | None] = mapped_column(String(16), index=True)
    cf_missing_reason: Mapped[str | None] = mapped_column(String(20))
    citizenship: Mapped[str | None] = mapped_column(String(80))
    residence_comune: Mapped[str | None] = mapped_column(String(120))
    residence_address: Mapped[str | None] = mapped_column(String(200))
    homeless: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    domicile_comune: Mapped[str | None] = mapped_column(String(120))
    domicile_address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    phone_national: Mapped[str | None] = mapped_column(String(20), index=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    registered_site_id: Mapped[str | None] = mapped_column(ForeignKey("site.id"))
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    # Only the network index's minimal record (name, birth year, comune) is held here: the
    # full one is kept by the opcafè where the person came; it arrives once they come here.
    index_only: Mapped[bool] = mapped_column(Boolean, server_default="0")


class HouseholdLink(Synced):
    """``member`` is ``relation`` of ``person`` (e.g. the member is the guardian)."""

    __tablename__ = "household_link"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    relation: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Consent(Synced):
    __tablename__ = "consent"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime())
    notice_version: Mapped[str] = mapped_column(String(40))
    given_by_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    recorded_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Visit(Synced):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_site_time", "site_id", "visited_at"),
        Index("ix_visit_person_site_time", "person_id", "site_id", "visited_at"),
    )

    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime())
    topics: Mapped[str] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The waiting queue: who waits to be seen, by whom, since when; None: not queued.
    queue_state: Mapped[str | None] = mapped_column(String(10))
    waiting_for: Mapped[str | None] = mapped_column(String(12))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


# --- local to one database -------------------------------------------------------------


class DeskState(Base):
    """One row: who this database is to the sync protocol."""

    __tablename__ = "desk_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(ID)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    server_cursor: Mapped[int] = mapped_column(Integer, default=0)
    site_id: Mapped[str | None] = mapped_column(String(36))
    # How this desk reaches HQ (the token is a secret: the database gets encrypted later).
    server_url: Mapped[str | None] = mapped_column(String(300))
    device_token: Mapped[str | None] = mapped_column(String(100))
    ca_file: Mapped[str | None] = mapped_column(String(500))
    server_epoch: Mapped[str | None] = mapped_column(String(36))
    # A first download in progress, read as HQ's snapshot: where its next page starts.
    snapshot_token: Mapped[str | None] = mapped_column(String(60))
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_sync_error: Mapped[str | None] = mapped_column(Text)
    # The server cursor up to which HQ's rows were compared with this desk's registrations.
    checked_cursor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class PendingMutation(Base):
    __tablename__ = "desk_pending_mutation"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    mutation_id: Mapped[str] = mapped_column(ID, unique=True)
    client_id: Mapped[str] = mapped_column(ID)
    name: Mapped[str] = mapped_column(String(60))
    schema_version: Mapped[int] = mapped_column(Integer)
    actor_user_id: Mapped[str | None] = mapped_column(ID)
    device_time: Mapped[datetime] = mapped_column(UTCDateTime())
    args: Mapped[dict[str, Any]] = mapped_column(JSON)
    replay_error: Mapped[str | None] = mapped_column(Text)


class RowBefore(Base):
    """The copy of a row as it was before a pending mutation changed it (None: absent)."""

    __tablename__ = "desk_row_before"

    seq: Mapped[int] = mapped_column(
        ForeignKey("desk_pending_mutation.seq", ondelete="CASCADE"), primary_key=True
    )
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(ID, primary_key=True)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class IndexLeaving(Base):
    """A minimal record HQ said leaves this desk (merged away, out of the network index)
    while something here still needed it (a check-in not yet sent): removed once nothing
    does, or forgotten if HQ sends the person again."""

    __tablename__ = "desk_index_leaving"

    person_id: Mapped[str] = mapped_column(ID, primary_key=True)


class SyncProblem(Base):
    """Something for a person at the desk to see and act on: a change HQ refused
    (``rejected``), a field another desk changed too (``conflict``), a person perhaps
    registered twice (``duplicate``)."""

    __tablename__ = "desk_sync_problem"
    __table_args__ = (Index("ix_desk_sync_problem_subject", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    args: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Later changes that needed this one (a check-in of a refused registration): they
    # are refused with it and shown here, as one problem rather than a cascade.
    dependents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    kind: Mapped[str] = mapped_column(String(20), default="rejected", server_default="rejected")
    # The parameters of ``reason``, which is then a message id translated when shown;
    # None: ``reason`` is final text (from an older HQ).
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # what a conflict is about
    # What the problem is about, e.g. a pair of people: a dismissed one is not raised again.
    subject: Mapped[str | None] = mapped_column(String(120))


class DeskSyncHealth(Base):
    """One row: how this desk's sync is faring (failures, clock, the last divergence
    check) and whether a full re-download is under way."""

    __tablename__ = "desk_sync_health"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # HQ's clock minus this computer's, in seconds, as last measured; display only.
    clock_offset_s: Mapped[int | None] = mapped_column(Integer)
    last_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_divergence: Mapped[str | None] = mapped_column(Text)
    redownloading: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class ResyncSeen(Base):
    """During a full re-download: the rows HQ has sent so far. What HQ did not send is
    removed at the end (unless a pending change touches it)."""

    __tablename__ = "desk_resync_seen"
    __table_args__ = ({"sqlite_with_rowid": False},)

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(ID, primary_key=True)


# --- derived, rebuilt from the synced rows ---------------------------------------------


class PersonToken(Base):
    """Normalised name words of a person, for prefix search (1-2 letters and up)."""

    __tablename__ = "person_token"
    __table_args__ = (Index("ix_person_token_person", "person_id"), {"sqlite_with_rowid": False})

    token: Mapped[str] = mapped_column(String(120), primary_key=True)
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)


class TokenVariant(Base):
    """Every name word with one letter deleted, and the word itself (SymSpell)."""

    __tablename__ = "token_variant"
    __table_args__ = ({"sqlite_with_rowid": False},)

    variant: Mapped[str] = mapped_column(String(120), primary_key=True)
    token: Mapped[str] = mapped_column(String(120), primary_key=True)


class PersonSiteSeen(Base):
    """When a person was last seen at a site: orders short searches."""

    __tablename__ = "person_site_seen"
    __table_args__ = (Index("ix_person_site_seen_recent", "site_id", "last_seen_at"),)

    person_id: Mapped[str] = mapped_column(ID, primary_key=True)
    site_id: Mapped[str] = mapped_column(ID, primary_key=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Site,
    Device,
    User,
    Person,
    HouseholdLink,
    Consent,
    Visit,
)
MODEL_BY_TABLE: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}


class PersonSearch(Base):
    """One normalised line per person ("rossi mario rssmra..."): mid-string search.

    SQLite indexes it with an FTS5 trigram table (new rows added by ``search_index``, the
    rest kept by triggers), PostgreSQL with pg_trgm
    (both made by the migrations).
    """

    __tablename__ = "person_search"

    rowid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ID, unique=True)
    text: Mapped[str] = mapped_column(Text)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, typed (``__table__`` is a FromClause to mypy)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


# --- HQ only: the server's bookkeeping (empty on a desk) --------------------------------


class HqState(Base):
    """One row: the last version handed out, and the epoch desks must match."""

    __tablename__ = "hq_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    epoch: Mapped[str] = mapped_column(ID)


class HqClient(Base):
    """A desk database HQ has heard from, and the last of its mutations it processed."""

    __tablename__ = "hq_client"

    client_id: Mapped[str] = mapped_column(ID, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class HqMutation(Base):
    """Every mutation HQ processed: applied or rejected (with why), never twice."""

    __tablename__ = "hq_mutation"
    __table_args__ = (UniqueConstraint("client_id", "seq"),)

    mutation_id: Mapped[str] = mapped_column(ID, primary_key=True)
    client_id: Mapped[str] = mapped_column(ID)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    actor_user_id: Mapped[str | None] = mapped_column(ID)
    device_time: Mapped[datetime] = mapped_column(UTCDateTime())
    args: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)
    reason_id: Mapped[str | None] = mapped_column(Text)  # the message, untranslated
    reason_params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int | None] = mapped_column(Integer)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HqScopeMember(Base):
    """At HQ: a person whose full record the desks of a site hold (they registered or came
    there, or were merged into someone who did), since ``version``."""

    __tablename__ = "hq_scope_member"
    __table_args__ = (
        Index("ix_hq_scope_member_version", "site_id", "version"),
        Index("ix_hq_scope_member_person", "person_id"),
    )

    site_id: Mapped[str] = mapped_column(ID, primary_key=True)
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class HqDevice(Base):
    """A desk PC known to HQ: its token (hashed), its site, whether it may still sync."""

    __tablename__ = "hq_device"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    site_id: Mapped[str | None] = mapped_column(ID)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrollment_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrollment_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    client_id: Mapped[str | None] = mapped_column(ID)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Sync requests that failed here at HQ, since the last one that worked.
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
