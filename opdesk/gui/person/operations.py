"""Background operations about people, one small factory per action.

Everything here runs on the database worker; only frozen data comes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from opdesk.core.mutations.consent import Purpose
from opdesk.core.rules.person import PersonFields
from opdesk.core.services.desk import Desk
from opdesk.core.services.duplicates import DuplicateCandidate, find_duplicates
from opdesk.core.services.search import SearchHit
from opdesk.core.services.views import PersonDetails, PersonSummary
from opdesk.gui.operations.base import Op
from opdesk.gui.worker import DbWorker


@dataclass(frozen=True)
class PageData:
    """What the person page shows, read in one go."""

    details: PersonDetails
    site_names: dict[str, str]
    merged: tuple[PersonSummary, ...]
    merged_into: PersonSummary | None


@dataclass(frozen=True)
class MergePreview:
    other: PersonSummary
    visits: int
    consents: int
    links: int


def site_names(desk: Desk) -> dict[str, str]:
    return dict(desk.sites())


def find_people_op(
    worker: DbWorker, desk: Desk, query: str, parent: QWidget
) -> Op[list[SearchHit]]:
    return Op(worker, lambda: desk.search(query, limit=8), parent)


def duplicates_op(
    worker: DbWorker, desk: Desk, fields: PersonFields, parent: QWidget
) -> Op[list[DuplicateCandidate]]:
    return Op(worker, lambda: find_duplicates(desk.db, fields, limit=3), parent)


def register_op(
    worker: DbWorker,
    desk: Desk,
    parent: QWidget,
    *,
    fields: PersonFields,
    guardian_id: str | None,
    consents: Sequence[Purpose],
    notice_version: str | None,
) -> Op[PersonSummary]:
    def register() -> PersonSummary:
        person_id = desk.people.register_person(
            fields,
            guardian_id=guardian_id,
            consents=tuple(consents),
            notice_version=notice_version,
        )
        return desk.people.person_details(person_id).summary

    return Op(worker, register, parent)


def update_op(
    worker: DbWorker, desk: Desk, parent: QWidget, person_id: str, changes: dict[str, Any]
) -> Op[PersonSummary]:
    def update() -> PersonSummary:
        desk.people.update_person(person_id, changes)
        return desk.people.person_details(person_id).summary

    return Op(worker, update, parent)


def page_data_op(worker: DbWorker, desk: Desk, person_id: str, parent: QWidget) -> Op[PageData]:
    def load() -> PageData:
        details = desk.people.person_details(person_id)
        merged = tuple(desk.people.person_details(m).summary for m in details.merged_ids)
        into = (
            desk.people.person_details(details.merged_into_id).summary
            if details.merged_into_id
            else None
        )
        return PageData(details, site_names(desk), merged, into)

    return Op(worker, load, parent)


def merge_preview_op(
    worker: DbWorker, desk: Desk, other_id: str, parent: QWidget
) -> Op[MergePreview]:
    def preview() -> MergePreview:
        other = desk.people.person_details(other_id)
        return MergePreview(
            other.summary, len(other.visits), len(other.consents), len(other.household)
        )

    return Op(worker, preview, parent)


def merge_op(
    worker: DbWorker, desk: Desk, parent: QWidget, *, kept_id: str, merged_id: str
) -> Op[None]:
    return Op(
        worker, lambda: desk.people.merge_people(kept_id=kept_id, merged_id=merged_id), parent
    )


def unmerge_op(worker: DbWorker, desk: Desk, parent: QWidget, merged_id: str) -> Op[None]:
    return Op(worker, lambda: desk.people.unmerge_people(merged_id), parent)


def withdraw_consent_op(worker: DbWorker, desk: Desk, parent: QWidget, consent_id: str) -> Op[None]:
    return Op(worker, lambda: desk.people.withdraw_consent(consent_id), parent)
