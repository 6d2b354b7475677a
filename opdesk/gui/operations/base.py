"""An operation: work for the database worker, with a success and a failure callback."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from opdesk.gui.errors import error_text
from opdesk.gui.worker import DbWorker

log = logging.getLogger(__name__)

T = TypeVar("T")


class Op(Generic[T]):
    """``Op(worker, fn, parent).success(on_done).run()``; failures are shown to the user
    unless a failure callback takes them."""

    def __init__(
        self, worker: DbWorker, fn: Callable[[], T], parent: QWidget | None = None
    ) -> None:
        self.worker = worker
        self.fn = fn
        self.parent = parent
        self._ok: Callable[[T], None] = lambda _result: None
        self._fail: Callable[[BaseException], None] = self._show

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._ok = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._fail = callback
        return self

    def run(self) -> None:
        self.worker.submit(self.fn, self._while_open(self._ok), self._while_open(self._fail))

    def _while_open(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """A screen rebuilt (the language changed) or closed while its work ran: the
        answer has nowhere to go; a failure is still logged."""
        parent = self.parent
        if parent is None:
            return callback

        def deliver(value: Any) -> None:
            if shiboken6.isValid(parent):
                callback(value)
            elif isinstance(value, BaseException):
                log.warning("%s, after its screen was closed", type(value).__name__, exc_info=value)

        return deliver

    def _show(self, exc: BaseException) -> None:
        if self.parent is not None:
            QMessageBox.warning(
                self.parent, QCoreApplication.translate("Op", "opdesk"), error_text(exc)
            )
