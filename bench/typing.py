"""Keystroke to results painted, on the real check-in screen (offscreen), p95.

.venv/bin/python bench/typing.py [--people 100000] [--names 40]
"""

from __future__ import annotations

import os
import sys

# bench/typing.py shadows the standard library's typing: keep this folder last on the path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE] + [_HERE]

import argparse
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from startup import demo_dir

from opdesk.app import open_desk
from opdesk.gui.checkin.screen import CheckInScreen
from opdesk.gui.main_window import MainWindow
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths
from opdesk.storage.models import Person


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
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=40)
    args = parser.parse_args()
    app = QApplication([])
    desk = open_desk(resolve_paths(demo_dir(args.people)))
    worker = DbWorker()
    window = MainWindow(worker)
    window.show()
    window.attach(desk)
    while window.checkin is None:
        app.processEvents()
    screen = window.checkin
    with desk.db.read() as session:
        names = session.execute(
            select(Person.family_name, Person.given_name)
            .where(Person.family_name.is_not(None), Person.given_name.is_not(None))
            .order_by(Person.id)
            .limit(5000)
        ).all()
    rng = random.Random(3)
    samples: list[float] = []
    for family, given in rng.sample(list(names), args.names):
        samples += type_name(app, screen, f"{family} {given[:3]}")
    worker.wait()
    desk.close()
    p95 = statistics.quantiles(samples, n=20)[-1]
    print(f"keystroke_p95_ms={p95:.1f} ms")
    print(f"keystroke_samples={len(samples)} keys", file=sys.stderr)


if __name__ == "__main__":
    main()
