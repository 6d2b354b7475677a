"""How dates, times and people read on screen: Italian formats, Europe/Rome time."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opdesk.core.clock import ROME
from opdesk.core.services.views import PersonSummary

TOPIC_LABELS = {
    "casa": str(QT_TRANSLATE_NOOP("topics", "Housing")),
    "lavoro": str(QT_TRANSLATE_NOOP("topics", "Work")),
    "famiglia": str(QT_TRANSLATE_NOOP("topics", "Family")),
    "risparmio": str(QT_TRANSLATE_NOOP("topics", "Money")),
    "altro": str(QT_TRANSLATE_NOOP("topics", "Other")),
}


def topic_label(topic: str) -> str:
    return QCoreApplication.translate("topics", TOPIC_LABELS.get(topic, topic))


def short_date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def local_time(moment: datetime) -> str:
    return moment.astimezone(ROME).strftime("%H:%M")


def birth_text(person: PersonSummary) -> str:
    if person.birth_date:
        return short_date(person.birth_date)
    if person.birth_year:
        return str(person.birth_year)
    return ""


def seen_text(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    days = (now.astimezone(ROME).date() - moment.astimezone(ROME).date()).days
    if days <= 0:
        return QCoreApplication.translate("format", "seen today")
    if days == 1:
        return QCoreApplication.translate("format", "seen yesterday")
    return QCoreApplication.translate("format", "seen {days} days ago").format(days=days)


SEPARATOR = "  ·  "


def person_parts(person: PersonSummary, now: datetime) -> list[str]:
    parts = [person.display_name or "?", birth_text(person), person.residence_comune or ""]
    parts.append(seen_text(person.last_seen_at, now))
    if person.index_only:  # the volunteer knows why the record shows so little
        parts.append(QCoreApplication.translate("format", "record elsewhere"))
    return [part for part in parts if part]


def person_line(person: PersonSummary, now: datetime) -> str:
    return SEPARATOR.join(person_parts(person, now))


def wrapped_person_line(person: PersonSummary, now: datetime) -> str:
    """The line for a list that wraps long lines: only between its parts."""
    return SEPARATOR.join(part.replace(" ", "\u00a0") for part in person_parts(person, now))
