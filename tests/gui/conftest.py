"""GUI fixtures: a real desk on a SQLite file, the real worker, the real main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opdesk.app import open_desk
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.desk import Desk
from opdesk.gui.i18n import install_translators, remove_translators
from opdesk.gui.main_window import MainWindow
from opdesk.gui.offscreen import use_counter_screen
from opdesk.gui.style import apply_style
from opdesk.gui.worker import DbWorker
from opdesk.paths import resolve_paths

# Offscreen on a 1366x768 screen like the desks', before any QApplication exists.
use_counter_screen()

PEOPLE = [
    PersonFields(given_name="Mario", family_name="Rossi", birth_date="1980-03-04"),
    PersonFields(given_name="Maria", family_name="Rossini", birth_year=1975),
    PersonFields(given_name="Niccolò", family_name="D'Angelo", residence_comune="Rho"),
    PersonFields(given_name="Giulia", family_name="Ferrari", phone="333 123 4567"),
    PersonFields(given_name="Amina"),
]


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    paths = resolve_paths(tmp_path / "data").ensure()
    opened = open_desk(paths)
    opened.choose_site(site_id_for("Rho"))
    for fields in PEOPLE:
        opened.people.register_person(fields)
    yield opened
    opened.close()


@pytest.fixture
def worker(qapp: object) -> Iterator[DbWorker]:
    w = DbWorker()
    yield w
    w.wait()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, worker: DbWorker) -> Iterator[MainWindow]:
    w = MainWindow(worker)
    qtbot.addWidget(w)
    w.show()
    w.attach(desk)
    qtbot.waitUntil(lambda: w.checkin is not None and w.sync is not None)
    yield w
    worker.wait()


@pytest.fixture
def italian_150(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The app in Italian with text at 150%: the longest labels at the largest size."""
    translators = install_translators(qapp, "it", tmp_path / "qm")
    apply_style(qapp, 150)
    yield
    remove_translators(qapp, translators)
    apply_style(qapp, 100)
