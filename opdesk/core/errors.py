"""Errors of the domain. Each carries an English message marked for translation, the
field it is about (if any) and parameters; the GUI translates ``message`` then formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from opdesk.i18n import QT_TRANSLATE_NOOP

CONTEXT = "errors"


@dataclass(frozen=True)
class Reason:
    """Why a rule said no, as it travels to the desk and is kept there: the English
    message (the translation key) and its parameters, put together where it is shown.
    ``params`` None: ``message`` is final text (from an HQ that sent only that)."""

    message: str
    params: dict[str, Any] | None = None

    def text(self) -> str:
        if self.params is None:
            return self.message
        try:
            return self.message.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.message


def json_params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as JSON can carry them (anything unusual becomes its text)."""
    plain = (str, int, float, bool, type(None))
    return {k: v if isinstance(v, plain) else str(v) for k, v in params.items()}


class DomainError(Exception):
    """A rule said no. Known and explainable: shown to the person, never a crash."""

    context = CONTEXT

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        return self.message.format(**self.params)

    def reason(self) -> Reason:
        return Reason(self.message, json_params(self.params))


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    params: dict[str, Any] = dc_field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)


class ValidationFailed(DomainError):
    """One or more fields are wrong; ``errors`` names each of them."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Some fields need attention: {fields}"),
            fields=", ".join(e.field for e in self.errors),
        )

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)


class NotFound(DomainError):
    def __init__(self, what: str, ident: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "No {what} with id {ident}."), what=what, ident=ident
        )
        self.what = what
        self.ident = ident


class PermissionDenied(DomainError):
    def __init__(self, action: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "You are not allowed to do this: {action}."), action=action
        )


class IndexOnly(DomainError):
    """Only the network index's minimal record of this person is on this desk."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "This person's full record is kept at another opcafè. Check them in: it "
                "arrives here with the next synchronisation, and can be changed then.",
            )
        )


class EditConflict(DomainError):
    """A field no longer holds the value the edit replaced: somebody changed it first."""

    MESSAGE = QT_TRANSLATE_NOOP("errors", "Somebody else changed these fields meanwhile: {fields}.")

    def __init__(self, fields: Sequence[str]) -> None:
        self.fields = list(fields)
        super().__init__(self.MESSAGE, fields=", ".join(fields))


class InvalidMutation(DomainError):
    """A mutation whose name or arguments cannot be read (a corrupt or foreign payload)."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The change '{name}' cannot be read: {detail}"),
            name=name,
            detail=detail,
        )


class NotStorable(DomainError):
    """A change that passed the rules but that HQ's database refused: a text longer than
    its column, a time out of range, a reference to a row HQ does not have. The rules
    should have caught it; this keeps one such change from blocking a desk's queue."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "HQ's database could not store this change: a value is too long or out of "
                "range, or it names something HQ does not have.",
            )
        )


def invalid(field_name: str, message: str, **params: Any) -> ValidationFailed:
    return ValidationFailed([FieldError(field_name, message, params)])
