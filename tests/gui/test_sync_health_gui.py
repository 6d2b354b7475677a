"""Sync health in the window: a sync failing for an hour and a clock far from HQ's are
said in the status bar and on the problems screen, in Italian."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from opdesk.core.clock import utc_now
from opdesk.core.services.desk import Desk
from opdesk.gui.i18n import install_translators, remove_translators
from opdesk.gui.main_window import MainWindow
from opdesk.gui.sync_health import clock_text, failing_text
from opdesk.storage.errors import DiskFull
from opdesk.storage.models import DeskState, DeskSyncHealth
from opdesk.sync.service import failure_detail


@pytest.fixture
def italian(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    translators = install_translators(qapp, "it", tmp_path / "qm")
    yield
    remove_translators(qapp, translators)


def unwell(desk: Desk, *, failing_for: timedelta, clock_offset_s: int) -> None:
    with desk.db.write() as session:
        session.add(
            DeskSyncHealth(
                id=1,
                failing_since=utc_now() - failing_for,
                failures=12,
                clock_offset_s=clock_offset_s,
                redownloading=False,
            )
        )
        session.execute(
            update(DeskState).values(
                server_url="http://hq.invalid", device_token="t", last_sync_error="ConnectError"
            )
        )


def test_failing_for_an_hour_and_a_clock_behind_in_italian(
    qtbot: QtBot, window: MainWindow, desk: Desk, italian: None
) -> None:
    unwell(desk, failing_for=timedelta(hours=1, minutes=3), clock_offset_s=12 * 60)
    assert window.sync is not None and window.problems is not None
    window.sync.refresh_status()
    qtbot.waitUntil(lambda: window.status.health.isVisible(), timeout=5000)
    failing = "La sincronizzazione non riesce da 1 ora: la sede non risponde"
    clock = "L'orologio di questo computer è indietro di 12 minuti"
    assert window.status.health.text() == failing
    assert window.status.health.toolTip() == f"{failing}\n{clock}"
    assert window.problems.health.text() == f"{failing}\n{clock}"
    assert window.status.problems.text() == "Problemi: 1"


def test_all_well_shows_nothing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.sync is not None and window.problems is not None
    window.sync.refresh_status()
    qtbot.waitUntil(lambda: window.status.pending.text() != "", timeout=5000)
    assert not window.status.health.isVisible()
    assert not window.problems.health.isVisibleTo(window.problems)


def test_the_words_for_other_spans(qapp: QApplication, italian: None) -> None:
    assert clock_text(timedelta(minutes=-7)) == "L'orologio di questo computer è avanti di 7 minuti"
    assert (
        clock_text(timedelta(minutes=1)) == "L'orologio di questo computer è indietro di 1 minuto"
    )
    assert clock_text(timedelta(hours=-3)) == "L'orologio di questo computer è avanti di 3 ore"
    since = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert (
        failing_text(
            since,
            since + timedelta(hours=5),
            "HQ could not process this request; it will be tried again.",
        )
        == "La sincronizzazione non riesce da 5 ore: "
        "la sede non è riuscita a elaborare la richiesta; si riproverà."
    )
    assert failing_text(since, since + timedelta(days=3), None).startswith(
        "La sincronizzazione non riesce da 3 giorni"
    )


def test_a_sync_stopped_on_this_desk_is_said_in_words_not_a_class_name(
    qtbot: QtBot, window: MainWindow, desk: Desk, italian: None
) -> None:
    """A full disk during a pull showed "Sincronizzazione non riuscita: DiskFull"."""
    window.sync_failed(failure_detail(DiskFull("/tmp/desk.sqlite3")))
    shown = window.status.toolTip() or window.status.currentMessage()  # whole, if cut
    assert shown == (
        "Sincronizzazione non riuscita: Il disco è pieno: non è stato salvato nulla. "
        "Libera un po' di spazio e riprova."
    )
    with desk.db.write() as session:
        session.execute(
            update(DeskState).values(
                server_url="http://hq.invalid",
                device_token="t",
                last_sync_error=failure_detail(KeyError("a bug")),
            )
        )
    assert window.sync is not None
    window.sync.refresh_status()
    qtbot.waitUntil(lambda: "postazione" in window.status.connection.toolTip(), timeout=5000)
    assert window.status.connection.toolTip() == (
        "un errore di questa postazione l'ha fermata (dettagli nel file di log); "
        "non è andato perso nulla."
    )


def test_a_message_longer_than_its_room_ends_in_an_ellipsis_and_shows_whole_on_hover(
    qtbot: QtBot, window: MainWindow, italian: None
) -> None:
    """It ran under the labels on the right, half a word showing ("Il disco è pier")."""
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: window.status.width() <= 1000)
    long = failure_detail(DiskFull("/tmp/desk.sqlite3"))
    window.sync_failed(long)
    shown = window.status.currentMessage()
    assert shown.endswith("…") and shown.startswith("Sincronizzazione non riuscita: ")
    right = min(w.x() for w in (window.status.site, window.status.connection))
    assert window.status.fontMetrics().horizontalAdvance(shown) < right
    assert window.status.toolTip().endswith("Libera un po' di spazio e riprova.")
    window.status.showMessage("Fatto.")
    assert window.status.currentMessage() == "Fatto." and window.status.toolTip() == ""
    window.status.clearMessage()
    assert window.status.toolTip() == ""


def test_a_message_is_cut_again_when_the_labels_grow_after_it(
    qtbot: QtBot, window: MainWindow, italian: None
) -> None:
    """A sync's new state comes just after its message: "Sincronizzazione ferma" on the
    right covered the message's end, cut for the narrower "In linea" (no "…")."""
    status = window.status
    status.set_sync(online=True, configured=True, last_sync="06/12 16:08")
    qtbot.waitUntil(lambda: status.connection.text() == "In linea")
    status.showMessage("Sincronizzazione ferma: il motivo è in Problemi di sincronizzazione "
                       "(Ctrl+3), dove la sede centrale spiega cosa fare.", 10_000)  # fmt: skip
    status.set_sync(online=False, configured=True, last_sync="06/12 16:08", stopped=True)
    status.set_problems(3)

    def fits() -> bool:
        right = min(w.x() for w in (status.site, status.connection) if w.isVisible())
        return status.fontMetrics().horizontalAdvance(status.currentMessage()) < right

    qtbot.waitUntil(fits, timeout=5000)
    assert status.currentMessage().endswith("…") and "Ctrl+3" in status.toolTip()
