"""The status bar: site, sync state, last sync, changes waiting to be sent."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget


class DeskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = QLabel(self)
        self.connection = QLabel(self)
        self.last_sync = QLabel(self)
        self.pending = QLabel(self)
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.receiving = QProgressBar(self)
        self.receiving.setObjectName("receiving")
        self.receiving.hide()
        self.addPermanentWidget(self.receiving)
        self.health = QLabel(self)  # a sync failing for an hour, a clock far off
        self.health.setObjectName("sync_health")
        self.health.setVisible(False)
        for label in (
            self.health,
            self.site,
            self.connection,
            self.last_sync,
            self.pending,
            self.problems,
        ):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
            label.installEventFilter(self)  # moved or resized: the message fits again
        self.receiving.installEventFilter(self)
        self._site: str | None = None
        self._online = False
        self._configured = False
        self._last_sync: str | None = None
        self._pending = 0
        self._problems = 0
        self._error: str | None = None
        self._stopped = False
        self._progress: tuple[int, int | None] | None = None
        self._message = ""  # the message shown, whole
        self._until: float | None = None  # when it goes (monotonic); None: it stays
        self.messageChanged.connect(self._message_gone)
        self.retranslate()

    def showMessage(self, text: str, timeout: int | None = 0) -> None:  # noqa: N802 (Qt's)
        """Cut to the room the labels on the right leave, ending in "…" (a long reason
        for a failed sync ran under them, half a word showing); the whole on hover. Cut
        again when they grow (a sync's new state comes just after its message)."""
        self._message = text
        self._until = time.monotonic() + timeout / 1000 if timeout else None
        self._show_fitted()
        QTimer.singleShot(0, self._refit)  # once the labels are laid out

    def _show_fitted(self) -> None:
        text, room = self._message, self._message_room()
        shown = text
        if room > 0:
            shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
        self.setToolTip(text if shown != text else "")
        left = 0 if self._until is None else max(1, int((self._until - time.monotonic()) * 1000))
        super().showMessage(shown, left)

    def _refit(self) -> None:
        if self._message and self.currentMessage():
            self._show_fitted()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._refit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's)
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self._refit)
        return False

    def _message_room(self) -> int:
        """Pixels from the message's left edge to the first label on the right (0: not
        laid out yet, the message is shown whole)."""
        labels = [w for w in self.findChildren(QWidget) if w.parent() is self and w.isVisible()]
        if not labels or self.width() <= 0:
            return 0
        return max(0, min(w.x() for w in labels) - 16)

    def _message_gone(self, text: str) -> None:
        if not text:
            self._message = ""
            self.setToolTip("")

    def retranslate(self) -> None:
        self.site.setAccessibleName(self.tr("Site"))
        self.connection.setAccessibleName(self.tr("Connection to HQ"))
        self.pending.setAccessibleName(self.tr("Changes waiting"))
        self.set_site(self._site)
        self.set_sync(
            online=self._online,
            configured=self._configured,
            last_sync=self._last_sync,
            error=self._error,
            stopped=self._stopped,
        )
        self.set_pending(self._pending)
        self.set_problems(self._problems)
        self.receiving.setAccessibleName(self.tr("Data received from HQ"))
        self.set_progress(self._progress)

    def set_site(self, name: str | None) -> None:
        self._site = name
        self.site.setText(
            self.tr("Site: {name}").format(name=name) if name else self.tr("No site chosen")
        )

    def set_sync(
        self,
        *,
        online: bool,
        configured: bool,
        last_sync: str | None,
        error: str | None = None,
        stopped: bool = False,
    ) -> None:
        """``stopped``: HQ refused this desk, or the desk HQ (``error`` says why), until a
        person acts: not a network that comes and goes."""
        self._online, self._configured, self._last_sync = online, configured, last_sync
        self._error, self._stopped = error, stopped
        if not configured:  # not "offline": nothing is wrong with the network
            self.connection.setText(self.tr("Not connected"))
            self.connection.setToolTip(
                self.tr("Not connected to HQ yet: Desk → Connect to HQ… takes HQ's code.")
            )
        else:
            state = self.tr("Online") if online else self.tr("Offline")
            self.connection.setText(self.tr("Sync stopped") if stopped else state)
            self.connection.setToolTip(error or "")
        self.last_sync.setText(
            self.tr("Synced: {when}").format(when=last_sync)
            if last_sync
            else self.tr("Synced: never")
        )

    def set_pending(self, count: int) -> None:
        self._pending = count
        self.pending.setText(self.tr("To send: %n", "", count))
        self.pending.setToolTip(self.tr("Changes waiting to be sent to HQ"))

    def set_progress(self, progress: tuple[int, int | None] | None) -> None:
        """A determinate bar while a large pull arrives; hidden otherwise (a small pull
        comes without a count: nothing to show)."""
        self._progress = progress
        # The bar takes the place of "last synced" (a sync is going on): room at 150%.
        if progress is None or not progress[1]:
            self.receiving.hide()
            self.last_sync.show()
            return
        self.last_sync.hide()
        done, total = progress[0], max(progress[0], progress[1] or 0)
        locale = QLocale()
        text = self.tr("Receiving data: {done} of {total}").format(
            done=locale.toString(done), total=locale.toString(total)
        )
        self.receiving.setRange(0, total)
        self.receiving.setValue(done)
        self.receiving.setFormat(text)
        widest = self.tr("Receiving data: {done} of {total}").format(
            done=locale.toString(total), total=locale.toString(total)
        )
        self.receiving.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 24)
        self.receiving.show()

    def set_health(self, warnings: list[str]) -> None:
        """Show the first warning; all of them in its tooltip."""
        self.health.setText(warnings[0] if warnings else "")
        self.health.setToolTip("\n".join(warnings))
        self.health.setVisible(bool(warnings))

    def set_problems(self, count: int) -> None:
        self._problems = count
        self.problems.setText(self.tr("Problems: %n", "", count) if count else "")
        self.problems.setVisible(bool(count))
