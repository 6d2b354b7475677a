"""Turning errors into words a volunteer understands, in their language."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from opdesk.core.errors import DomainError, FieldError, ValidationFailed
from opdesk.storage.errors import StorageError

log = logging.getLogger(__name__)


def tr_error(context: str, message: str, params: dict[str, object]) -> str:
    translated = QCoreApplication.translate(context, message)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return message.format(**params)


def reason_text(message: str, params: dict[str, Any] | None) -> str:
    """A reason HQ sent: a message id and its parameters, translated here (a word among
    the parameters, like "person", too); without parameters, text as HQ wrote it."""
    if params is None:
        return QCoreApplication.translate("errors", message)
    words = {
        k: QCoreApplication.translate("errors", v) if isinstance(v, str) else v
        for k, v in params.items()
    }
    translated = QCoreApplication.translate("errors", message)
    for text in (translated, message):
        try:
            return text.format(**words)
        except (KeyError, IndexError, ValueError):
            continue
    return message


def field_error_text(error: FieldError) -> str:
    return tr_error("errors", error.message, error.params)


def error_text(exc: BaseException) -> str:
    """A known error in words; a bug is logged with its traceback and said plainly."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(field_error_text(e) for e in exc.errors)
    if isinstance(exc, DomainError):
        params = {
            k: QCoreApplication.translate("errors", v) if isinstance(v, str) else v
            for k, v in exc.params.items()
        }
        return tr_error(exc.context, exc.message, params)
    if isinstance(exc, StorageError):
        return QCoreApplication.translate("StorageError", exc.message)
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "errors", "Something went wrong and nothing was saved. The details are in the log file."
    )
