"""Start-up probe for bench/startup.py: when the window first paints, when the check-in
screen is ready. Enabled only by the OPDESK_STARTUP_PROBE environment variable."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class StartupProbe(QObject):
    def __init__(self, window: QWidget, path: Path, *, quit_when_ready: bool = True) -> None:
        super().__init__(window)
        self.path = path
        self.quit_when_ready = quit_when_ready
        self.painted = False
        window.installEventFilter(self)

    def _write(self, event: str) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"event": event, "t": time.time()}) + "\n")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            self._write("first_paint")
        return False

    def ready(self) -> None:
        self._write("ready")
        if self.quit_when_ready:
            QTimer.singleShot(0, QApplication.quit)
