"""Words for the codes stored about a person: purposes, relations, sex, missing CF."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "person"

PURPOSE_LABELS = {
    "registration": str(QT_TRANSLATE_NOOP("person", "Registration")),
    "network_index": str(QT_TRANSLATE_NOOP("person", "Findable at the other opcafè")),
    "contact": str(QT_TRANSLATE_NOOP("person", "Contact by phone")),
    "referral_sharing": str(QT_TRANSLATE_NOOP("person", "Sharing with partner services")),
}

# The member is <relation> of the person ...
RELATION_LABELS = {
    "guardian": str(QT_TRANSLATE_NOOP("person", "Parent or guardian")),
    "parent": str(QT_TRANSLATE_NOOP("person", "Parent")),
    "child": str(QT_TRANSLATE_NOOP("person", "Son or daughter")),
    "partner": str(QT_TRANSLATE_NOOP("person", "Partner")),
    "sibling": str(QT_TRANSLATE_NOOP("person", "Brother or sister")),
    "relative": str(QT_TRANSLATE_NOOP("person", "Relative")),
    "other": str(QT_TRANSLATE_NOOP("person", "Other link")),
}
# ... and the person seen from the member's side.
REVERSE_RELATION_LABELS = {
    "guardian": str(QT_TRANSLATE_NOOP("person", "In their care (minor)")),
    "parent": str(QT_TRANSLATE_NOOP("person", "Son or daughter")),
    "child": str(QT_TRANSLATE_NOOP("person", "Parent")),
}

SEX_LABELS = {
    "F": str(QT_TRANSLATE_NOOP("person", "F (female)")),
    "M": str(QT_TRANSLATE_NOOP("person", "M (male)")),
    "X": str(QT_TRANSLATE_NOOP("person", "X (other)")),
}

CF_MISSING_LABELS = {
    "born_abroad": str(QT_TRANSLATE_NOOP("person", "born abroad")),
    "unknown": str(QT_TRANSLATE_NOOP("person", "does not know it")),
    "refused": str(QT_TRANSLATE_NOOP("person", "prefers not to give it")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def purpose_label(purpose: str) -> str:
    return _tr(PURPOSE_LABELS.get(purpose, purpose))


def relation_label(relation: str, direction: str) -> str:
    """How the linked member stands to the person shown (``direction`` as HouseholdMember)."""
    if direction == "of_member":
        label = REVERSE_RELATION_LABELS.get(relation) or RELATION_LABELS.get(relation, relation)
    else:
        label = RELATION_LABELS.get(relation, relation)
    return _tr(label)


def sex_label(sex: str | None) -> str:
    return _tr(SEX_LABELS[sex]) if sex in SEX_LABELS else ""


def cf_missing_label(reason: str | None) -> str:
    return _tr(CF_MISSING_LABELS[reason]) if reason in CF_MISSING_LABELS else ""
