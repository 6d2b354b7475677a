"""Italian by default; English chosen in the settings changes the window at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opdesk.core.services.desk import Desk
from opdesk.gui.application import DeskApplication
from opdesk.gui.i18n import remove_translators
from opdesk.gui.settings import SettingsDialog, load_settings
from opdesk.gui.style import apply_style
from opdesk.paths import resolve_paths


def choose_in_settings(qtbot: QtBot, language_index: int, scale_index: int) -> None:
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, attempt)
            return
        dialog.language.setFocus()
        dialog.language.setCurrentIndex(language_index)
        dialog.font_scale.setCurrentIndex(scale_index)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(20, attempt)


def test_italian_default_then_english_then_back(
    qtbot: QtBot, qapp: QApplication, desk: Desk, tmp_path: Path
) -> None:
    paths = resolve_paths(tmp_path / "app").ensure()
    desk_app = DeskApplication(qapp, paths)
    qtbot.addWidget(desk_app.window)
    desk_app.start(lambda: desk)
    window = desk_app.window
    qtbot.waitUntil(lambda: window.checkin is not None, timeout=5000)
    assert window.checkin is not None
    assert window.checkin.search.field.placeholderText().startswith("Nome")
    assert window.windowTitle().endswith("accoglienza opcafè")

    choose_in_settings(qtbot, language_index=1, scale_index=2)
    desk_app.edit_settings()
    assert window.checkin is not None
    assert window.checkin.search.field.placeholderText().startswith("Name")
    assert window.status.site.text().startswith("Site:")
    assert qapp.font().pointSize() == 18
    saved = load_settings(paths.config_dir)
    assert (saved.language, saved.font_scale) == ("en", 150)

    choose_in_settings(qtbot, language_index=0, scale_index=0)
    desk_app.edit_settings()
    assert window.checkin is not None
    assert window.checkin.search.field.placeholderText().startswith("Nome")
    assert window.status.site.text().startswith("Sede:")
    desk_app.worker.wait()
    remove_translators(qapp, desk_app.translators)
    apply_style(qapp, 100)
