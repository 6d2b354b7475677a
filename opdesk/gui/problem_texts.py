"""The words of the sync problems inbox: what each problem is about, and what happened."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from opdesk.gui.errors import reason_text
from opdesk.gui.format import birth_text, short_date
from opdesk.gui.person.labels import cf_missing_label, sex_label
from opdesk.sync.service import ProblemView

CONTEXT = "ProblemWords"

CHANGE_NAMES = {
    "register_person": QT_TRANSLATE_NOOP("ProblemsModel", "registration"),
    "update_person": QT_TRANSLATE_NOOP("ProblemsModel", "change of a person's details"),
    "check_in": QT_TRANSLATE_NOOP("ProblemsModel", "visit"),
    "undo_check_in": QT_TRANSLATE_NOOP("ProblemsModel", "undone visit"),
    "merge_people": QT_TRANSLATE_NOOP("ProblemsModel", "merge of two records"),
    "record_consent": QT_TRANSLATE_NOOP("ProblemsModel", "consent"),
}

FIELD_NAMES = {
    "given_name": QT_TRANSLATE_NOOP("ProblemWords", "given name"),
    "family_name": QT_TRANSLATE_NOOP("ProblemWords", "family name"),
    "birth_date": QT_TRANSLATE_NOOP("ProblemWords", "birth date"),
    "birth_year": QT_TRANSLATE_NOOP("ProblemWords", "birth year"),
    "birth_place": QT_TRANSLATE_NOOP("ProblemWords", "birth place"),
    "sex": QT_TRANSLATE_NOOP("ProblemWords", "sex"),
    "codice_fiscale": QT_TRANSLATE_NOOP("ProblemWords", "codice fiscale"),
    "cf_missing_reason": QT_TRANSLATE_NOOP("ProblemWords", "why there is no codice fiscale"),
    "citizenship": QT_TRANSLATE_NOOP("ProblemWords", "citizenship"),
    "residence_comune": QT_TRANSLATE_NOOP("ProblemWords", "comune of residence"),
    "residence_address": QT_TRANSLATE_NOOP("ProblemWords", "address of residence"),
    "homeless": QT_TRANSLATE_NOOP("ProblemWords", "homeless"),
    "domicile_comune": QT_TRANSLATE_NOOP("ProblemWords", "comune of domicile"),
    "domicile_address": QT_TRANSLATE_NOOP("ProblemWords", "address of domicile"),
    "phone": QT_TRANSLATE_NOOP("ProblemWords", "phone"),
}


class ProblemWords(QObject):
    """What each problem is about and what happened, in the volunteer's language."""

    def field(self, name: str) -> str:
        return QCoreApplication.translate(CONTEXT, str(FIELD_NAMES.get(name, name)))

    def change_name(self, name: str) -> str:
        return QCoreApplication.translate("ProblemsModel", str(CHANGE_NAMES.get(name, name)))

    def value(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if name == "birth_date" and isinstance(value, str):
            try:
                return short_date(date.fromisoformat(value))
            except ValueError:
                return value
        if name == "sex":
            return sex_label(str(value))
        if name == "cf_missing_reason":
            return cf_missing_label(str(value))
        return str(value)

    def about(self, problem: ProblemView) -> str:
        """What the problem is about, in a few words (the table's middle column)."""
        detail = problem.detail or {}
        if problem.kind == "conflict":
            return self.tr("{field} of {name}").format(
                field=self.field(str(detail.get("field"))), name=_name(problem)
            )
        if problem.kind == "duplicate":
            return self.tr("registration of {name}").format(name=_name(problem))
        return self.change_name(problem.name)

    def what(self, problem: ProblemView) -> str:
        """What happened, short (the table's last column)."""
        detail = problem.detail or {}
        if problem.kind == "conflict":
            field = str(detail.get("field"))
            return self.tr("here: {mine} · other desk: {theirs}").format(
                mine=self.value(field, detail.get("mine")),
                theirs=self.value(field, detail.get("theirs")),
            )
        if problem.kind == "duplicate":
            return self.tr("may be {other}").format(other=_someone(problem))
        return reason_text(problem.reason, problem.params)

    def explanation(self, problem: ProblemView) -> str:
        """What happened and what can be done, in full (under the table)."""
        detail = problem.detail or {}
        if problem.kind == "conflict":
            field = str(detail.get("field"))
            return self.tr(
                "Another desk changed the {field} of {name} too. This desk wrote “{mine}”, "
                "the other desk “{theirs}”. This desk's value is kept and sent to HQ, unless "
                "you restore the other one."
            ).format(
                field=self.field(field),
                name=_name(problem),
                mine=self.value(field, detail.get("mine")),
                theirs=self.value(field, detail.get("theirs")),
            )
        if problem.kind == "duplicate":
            return self.tr(
                "{name}, registered at this desk, may be the same person as {other}, "
                "registered at another desk ({reasons}). If so, merge the two records; if "
                "not, say so and this pair will not be raised again."
            ).format(name=_name(problem), other=_someone(problem), reasons=_reasons(problem))
        text = self.tr("HQ refused this {change}: {reason}").format(
            change=self.change_name(problem.name),
            reason=reason_text(problem.reason, problem.params),
        )
        count = problem.dependents
        if count:
            text += " " + self.tr("%n change(s) waited for it and were refused with it.", "", count)
        return text


def _name(problem: ProblemView) -> str:
    return (problem.person.display_name if problem.person else "") or "?"


def _someone(problem: ProblemView) -> str:
    other = problem.other
    if other is None:
        return "?"
    parts = [other.display_name or "?", birth_text(other), other.residence_comune or ""]
    return ", ".join(p for p in parts if p)


def _reasons(problem: ProblemView) -> str:
    reasons = (problem.detail or {}).get("reasons", [])
    return ", ".join(QCoreApplication.translate("duplicates", str(r)) for r in reasons)
