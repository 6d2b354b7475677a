"""The problems inbox and the progress bar, driven by keyboard on the real window: a real
desk file, HQ in process on its own file, another desk on a third file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from opdesk.core.mutations.log import ensure_desk_state
from opdesk.core.rules.person import PersonFields
from opdesk.core.rules.sites import site_id_for
from opdesk.core.services.context import DeskContext
from opdesk.core.services.desk import Desk
from opdesk.core.services.people import PeopleService
from opdesk.gui.main_window import MainWindow
from opdesk.gui.problems_screen import ProblemsScreen
from opdesk.server.local import InProcessHQ
from opdesk.storage.engine import Database
from opdesk.storage.migrate import open_database
from opdesk.storage.models import DeskState, Person, SyncProblem
from opdesk.sync.engine import sync_once
from tests.gui.clipping import clipped_texts

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@dataclass
class OtherDesk:
    db: Database
    people: PeopleService
    hq: InProcessHQ

    def sync(self) -> None:
        sync_once(self.db, self.hq)


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "hq.sqlite3")
    yield db
    db.dispose()


@pytest.fixture
def lainate(tmp_path: Path, hq: Database) -> Iterator[OtherDesk]:
    db = open_database(tmp_path / "lainate.sqlite3")
    ensure_desk_state(db)
    context = DeskContext(db, site_id=site_id_for("Lainate"))
    yield OtherDesk(db, PeopleService(context), InProcessHQ(hq))
    db.dispose()


def connect(window: MainWindow, desk: Desk, hq: Database, page: int = 1000) -> None:
    """The window's desk, enrolled at the in-process HQ."""
    with desk.db.write() as session:
        session.execute(update(DeskState).values(server_url="http://hq.invalid", device_token="t"))
    assert window.sync is not None
    window.sync.service.transport = lambda _url, _token, _ca: InProcessHQ(hq, page=page)


def sync_by_f9(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sync is not None
    with qtbot.waitSignal(window.sync.status_changed, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    window.sync.wait()
    qtbot.waitUntil(lambda: window.sync is not None and not window.sync.running, timeout=10_000)


def person_id(desk: Desk, text: str) -> str:
    return desk.search(text)[0].person.id


def screen_of(window: MainWindow) -> ProblemsScreen:
    assert window.problems is not None
    return window.problems


def cells(screen: ProblemsScreen, row: int) -> list[str]:
    return [screen.model.data(screen.model.index(row, c)) for c in range(3)]


def test_a_conflict_is_explained_and_the_other_value_restored_by_keyboard(
    qtbot: QtBot, window: MainWindow, desk: Desk, hq: Database, lainate: OtherDesk
) -> None:
    connect(window, desk, hq)
    sync_by_f9(qtbot, window)
    lainate.sync()
    mario = person_id(desk, "Rossi Mario")
    desk.people.update_person(mario, {"phone": "333 111 2222"})
    lainate.people.update_person(mario, {"phone": "347 999 8888"})
    lainate.sync()
    sync_by_f9(qtbot, window)
    screen = screen_of(window)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.stack.currentWidget() is screen
    assert cells(screen, 0)[1:] == [
        "phone of Rossi Mario",
        "here: +393331112222 · other desk: +393479998888",
    ]
    assert "Another desk changed the phone of Rossi Mario too" in screen.detail.text()
    shown = [b.text() for b in screen._actions() if b.isVisible()]
    assert shown == ["&Keep this change", "&Restore the other value"]
    with hq.read() as session:  # this desk's edit won by default and reached HQ
        assert session.get(Person, mario).phone == "+393331112222"  # type: ignore[union-attr]

    qtbot.keyClick(screen, Qt.Key.Key_R, ALT)  # Ripristina l'altra
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: not window.status.problems.isVisible(), timeout=5000)
    assert screen.detail.text() == "No problems."
    with desk.db.read() as session:
        assert session.get(Person, mario).phone == "+393479998888"  # type: ignore[union-attr]
    sync_by_f9(qtbot, window)
    with hq.read() as session:
        assert session.get(Person, mario).phone == "+393479998888"  # type: ignore[union-attr]


def test_keep_this_change_closes_the_conflict(
    qtbot: QtBot, window: MainWindow, desk: Desk, hq: Database, lainate: OtherDesk
) -> None:
    connect(window, desk, hq)
    sync_by_f9(qtbot, window)
    lainate.sync()
    amina = person_id(desk, "Amina")
    desk.people.update_person(amina, {"birth_place": "Rho"})
    lainate.people.update_person(amina, {"birth_place": "Pero"})
    lainate.sync()
    sync_by_f9(qtbot, window)
    screen = screen_of(window)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(screen, Qt.Key.Key_K, ALT)  # Tieni questa modifica
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=5000)
    lainate.sync()
    with lainate.db.read() as session:
        assert session.get(Person, amina).birth_place == "Rho"  # type: ignore[union-attr]


def test_look_alikes_are_merged_or_told_apart_by_keyboard(
    qtbot: QtBot, window: MainWindow, desk: Desk, hq: Database, lainate: OtherDesk
) -> None:
    connect(window, desk, hq)
    sync_by_f9(qtbot, window)
    lainate.sync()
    sara = PersonFields(given_name="Sara", family_name="Verdi", birth_date="1990-01-01")
    ion = PersonFields(given_name="Ion", family_name="Popescu", phone="320 765 4321")
    sara_here, ion_here = desk.people.register_person(sara), desk.people.register_person(ion)
    sara_there = lainate.people.register_person(sara)
    lainate.people.register_person(ion)
    lainate.sync()
    sync_by_f9(qtbot, window)
    screen = screen_of(window)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    rows = {cells(screen, r)[1]: r for r in range(2)}
    assert set(rows) == {"registration of Verdi Sara", "registration of Popescu Ion"}
    screen.table.setFocus()
    screen.table.selectRow(rows["registration of Verdi Sara"])
    assert cells(screen, rows["registration of Verdi Sara"])[2] == "may be Verdi Sara, 01/01/1990"
    assert "similar name and same birth date" in screen.detail.text()
    shown = [b.text() for b in screen._actions() if b.isVisible()]
    assert shown == ["Mer&ge…", "&Not the same person"]

    qtbot.keyClick(screen, Qt.Key.Key_G, ALT)  # Unisci: the merge flow, both records chosen
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=5000)  # an animated click
    dialog = screen.dialog
    assert dialog is not None and dialog.kept.id == sara_there
    qtbot.waitUntil(lambda: dialog.merge_button.isEnabled(), timeout=5000)
    assert "Verdi Sara" in dialog.summary.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=5000)
    with desk.db.read() as session:
        assert session.get(Person, sara_here).merged_into_id == sara_there  # type: ignore[union-attr]

    assert cells(screen, 0)[1] == "registration of Popescu Ion"
    window.activateWindow()  # what the window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(screen, Qt.Key.Key_N, ALT)  # Non è la stessa persona
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=5000)
    sync_by_f9(qtbot, window)
    assert screen.model.rowCount() == 0
    with desk.db.read() as session:
        assert session.get(Person, ion_here).merged_into_id is None  # type: ignore[union-attr]


def test_a_large_pull_shows_a_progress_bar_then_hides_it(
    qtbot: QtBot, window: MainWindow, desk: Desk, hq: Database, lainate: OtherDesk
) -> None:
    for i in range(45):
        lainate.people.register_person(PersonFields(given_name=f"Persona{i:02d}"))
    lainate.sync()
    connect(window, desk, hq, page=10)
    assert window.sync is not None
    seen: list[tuple[bool, str]] = []
    bar = window.status.receiving
    window.sync.progress.connect(lambda _p: seen.append((bar.isVisible(), bar.text())))
    sync_by_f9(qtbot, window)
    qtbot.waitUntil(lambda: bool(seen) and not seen[-1][0], timeout=5000)
    shown = [text for visible, text in seen if visible]
    # The desk's own 5 people come back too: 50 rows, counted once on the first page.
    assert shown[0] == "Receiving data: 10 of 50" and shown[-1] == "Receiving data: 50 of 50"
    assert len(shown) == 5 and not bar.isVisible()


def add_problems(desk: Desk) -> None:
    """One of each kind, as a sync records them (the wire is tested in tests/server)."""
    mario, amina = person_id(desk, "Rossi Mario"), person_id(desk, "Amina")
    with desk.db.write() as session:
        session.add_all(
            [
                SyncProblem(
                    seq=3,
                    name="register_person",
                    args={},
                    reason="No {what} with id {ident}.",
                    params={"what": "person", "ident": "4f1c"},
                    created_at=WHEN,
                    dependents=3,
                ),
                SyncProblem(  # from an HQ that sent text only
                    seq=4,
                    name="check_in",
                    args={},
                    reason="This visitor is no longer waiting.",
                    created_at=WHEN,
                ),
                SyncProblem(  # recorded before reasons travelled as message ids
                    seq=5,
                    name="update_person",
                    args={},
                    reason="Somebody else changed these fields meanwhile: phone.",
                    created_at=WHEN,
                ),
                SyncProblem(
                    kind="conflict",
                    seq=6,
                    name="update_person",
                    args={},
                    reason="Another desk changed {field} too: this desk's value is kept for now.",
                    params={"field": "birth_date"},
                    detail={
                        "person_id": mario,
                        "field": "birth_date",
                        "mine": "1980-03-05",
                        "theirs": "1980-03-04",
                    },
                    created_at=WHEN,
                ),
                SyncProblem(
                    kind="duplicate",
                    seq=0,
                    name="register_person",
                    args={},
                    reason="This person may have been registered at another desk too: {reasons}.",
                    params={"reasons": "same name"},
                    detail={"person_id": amina, "other_id": mario, "reasons": ["same name"]},
                    created_at=WHEN,
                ),
            ]
        )


def test_problems_read_in_italian_and_nothing_is_clipped_at_150_percent(
    qtbot: QtBot, italian_150: None, window: MainWindow, desk: Desk
) -> None:
    add_problems(desk)
    window.resize(1366, 768)
    window.build_screens()
    screen = screen_of(window)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.stack.currentWidget() is screen
    window.status.set_progress((12_000, 587_000))
    assert window.status.receiving.text() == "Ricezione dati: 12.000 di 587.000"
    bar = window.status.receiving
    assert bar.width() >= bar.fontMetrics().horizontalAdvance(bar.text())
    assert not window.status.last_sync.isVisible()  # the bar takes its place meanwhile
    texts = [cells(screen, r) for r in range(5)]
    assert [t[1:] for t in texts] == [
        [
            "registrazione (3 modifiche successive dipendevano da questa e sono state "
            "rifiutate anch'esse)",
            "Nessun elemento (persona) con codice 4f1c.",
        ],
        ["visita", "Questa persona non è più in attesa."],
        [
            "modifica dei dati di una persona",
            "Somebody else changed these fields meanwhile: phone.",
        ],
        ["data di nascita di Rossi Mario", "qui: 05/03/1980 · altra postazione: 04/03/1980"],
        ["registrazione di Amina", "forse è Rossi Mario, 04/03/1980"],
    ]
    problems = []
    for row in range(5):
        screen.table.selectRow(row)
        qtbot.wait(50)
        problems += [f"row {row}: {p}" for p in clipped_texts(window)]
        buttons = [b for b in screen._actions() if b.isVisible()]
        assert buttons and all(b.width() >= b.sizeHint().width() for b in buttons)
    assert problems == [], "\n".join(problems)
    screen.table.selectRow(0)
    assert "3 modifiche attendevano questa" in screen.detail.text()
    assert window.width() <= 1366
