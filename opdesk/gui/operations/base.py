"""An operation: work for the database worker, with a success and a failure callback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from opdesk.gui.errors import error_text
from opdesk.gui.worker import DbWorker

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
        self.worker.submit(self.fn, self._ok, self._fail)

    def _show(self, exc: BaseException) -> None:
        if self.parent is not None:
            QMessageBox.warning(
                self.parent, QCoreApplication.translate("Op", "opdesk"), error_text(exc)
            )
