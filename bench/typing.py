"""Keystroke to results painted on the real check-in screen (offscreen), p95.

    .venv/bin/python bench/typing.py [--people 100000] [--names 40]

Types "surname given[:3]" of random people letter by letter, as a volunteer would
(without accents), and times each key from the event to the result list repainted.
"""

from __future__ import annotations

import logging
import random
import time

from common import desk_data_dir, emit, parse_args, percentile
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from opdesk.app import open_desk
from opdesk.gui.checkin.screen import CheckInScreen
from opdesk.gui.main_window import MainWindow
from opdesk.gui.offscreen import use_counter_screen
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths
from opdesk.storage.models import Person
from opdesk.storage.text import fold

log = logging.getLogger("bench.typing")


def type_name(app: QApplication, screen: CheckInScreen, text: str) -> list[float]:
    """Milliseconds from each keystroke to its results painted in the list."""
    field = screen.search.field
    field.clear()
    app.processEvents()
    times = []
    for char in text:
        started = time.perf_counter()
        QTest.keyClicks(field, char)
        while screen.search._searched != field.text():
            app.processEvents()
        screen.search.results.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    args = parse_args(__doc__ or "", lambda p: p.add_argument("--names", type=int, default=40))
    use_counter_screen()
    app = QApplication([])
    desk = open_desk(resolve_paths(desk_data_dir(args)))
    worker = DbWorker()
    window = MainWindow(worker)
    window.show()
    window.attach(desk)
    while window.checkin is None:
        app.processEvents()
    with desk.db.read() as session:
        names = session.execute(
            select(Person.family_name, Person.given_name)
            .where(Person.family_name.is_not(None), Person.given_name.is_not(None))
            .order_by(Person.id)
            .limit(5000)
        ).all()
    samples: list[float] = []
    for family, given in random.Random(args.seed).sample(list(names), args.names):
        samples += type_name(app, window.checkin, f"{fold(family)} {fold(given)[:3]}")
    worker.wait()
    desk.close()
    log.info("%d keystrokes timed", len(samples))
    emit("keystroke_p95_ms", percentile(samples, 95), "ms")


if __name__ == "__main__":
    main()
