"""Render each main screen, filled with demo data, to PNG (offscreen).

``opdesk snapshots OUTDIR`` writes ``<screen>-<scale>.png`` at 1366x768, at 100% and
150% text, in Italian: for looking at the work, and for the README.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from opdesk.core.services.desk import Desk
from opdesk.gui.enroll_dialog import EnrollDialog
from opdesk.gui.i18n import install_translators, remove_translators
from opdesk.gui.main_window import MainWindow
from opdesk.gui.offscreen import use_counter_screen
from opdesk.gui.settings import DeskSettings, SettingsDialog
from opdesk.gui.style import apply_style
from opdesk.gui.worker import DbWorker

log = logging.getLogger(__name__)
SIZE = (1366, 768)


def settle(app: QApplication, worker: DbWorker, ms: int = 150) -> None:
    """Let the worker finish and the window repaint."""
    for _ in range(3):
        worker.wait()
        loop = QEventLoop()
        QTimer.singleShot(ms // 3, loop.quit)
        loop.exec()
        app.processEvents()


def screens(window: MainWindow, desk: Desk) -> Iterator[tuple[str, QWidget]]:
    """Drive the window to each screen worth looking at."""
    screen = window.checkin
    assert screen is not None
    query = desk.search("ro", limit=1)
    surname = (query[0].person.family_name or "Rossi")[:5] if query else "Rossi"
    # QTest types ASCII only (it aborts on "ò"); the search folds accents anyway.
    surname = "".join(c for c in unicodedata.normalize("NFKD", surname) if c.isascii())
    QTest.keyClicks(screen.search.field, surname.lower())
    yield "checkin-search", window
    QTest.keyClick(screen.search.field, Qt.Key.Key_Return)
    QTest.keyClick(screen.visit, Qt.Key.Key_2)
    QTest.keyClick(screen.visit, Qt.Key.Key_V)
    yield "checkin-visit", window
    QTest.keyClick(screen.visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    yield "checkin-queue", window
    people = window.people
    assert people is not None
    QTest.keyClicks(screen.search.field, surname.lower())
    QTest.qWait(300)
    QTest.keyClick(screen.search.field, Qt.Key.Key_F3)
    QTest.qWait(300)
    yield "person-page", window
    dialog = people.new_person("Okafor Chidi")
    yield "new-person", dialog
    dialog.mark_clean()
    dialog.close()
    settings = SettingsDialog(DeskSettings(), window, server_url="https://hq.example.org")
    settings.show()
    yield "settings", settings
    settings.close()
    enroll = EnrollDialog(None, window)
    enroll.show()
    yield "enroll", enroll
    enroll.close()


def render(desk: Desk, out_dir: Path, *, scales: tuple[int, ...] = (100, 150)) -> list[Path]:
    use_counter_screen()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    translators = install_translators(app, "it", out_dir / ".qm")
    try:
        for scale in scales:
            apply_style(app, scale)
            worker = DbWorker()
            window = MainWindow(worker)
            window.resize(*SIZE)
            window.show()
            window.attach(desk)
            settle(app, worker)
            for name, widget in screens(window, desk):
                settle(app, worker)
                path = out_dir / f"{name}-{scale}.png"
                widget.grab().save(str(path))
                written.append(path)
            window.close()
            worker.wait()
            QCoreApplication.sendPostedEvents()
    finally:
        remove_translators(app, translators)
    log.info("%d snapshots written", len(written))
    return written


def render_with(open_desk: Callable[[], Desk], out_dir: Path) -> list[Path]:
    desk = open_desk()
    try:
        return render(desk, out_dir)
    finally:
        desk.close()
