"""Start-up: a window on screen first, the database opened behind it."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from opdesk.gui.i18n import install_translators, remove_translators
from opdesk.gui.main_window import MainWindow
from opdesk.gui.settings import DeskSettings, SettingsDialog, load_settings, save_settings
from opdesk.gui.style import apply_style
from opdesk.gui.worker import DbWorker
from opdesk.paths import Paths

if TYPE_CHECKING:
    from opdesk.core.services.desk import Desk

log = logging.getLogger(__name__)


class DeskApplication:
    """The running app: settings, translators, the window, the open desk."""

    def __init__(
        self,
        app: QApplication,
        paths: Paths,
        *,
        lang: str | None = None,
        demo_opener: Callable[[], Desk] | None = None,
    ) -> None:
        self.app = app
        self.demo_opener = demo_opener
        self.paths = paths
        self.settings = load_settings(paths.config_dir)
        if lang:
            self.settings = replace(self.settings, language=lang)
        self.translators: list[QTranslator] = []
        self.apply(self.settings)
        self.worker = DbWorker(app)
        self.window = MainWindow(self.worker, templates_dir=paths.config_dir / "informativa")
        self.window.sync_minutes = self.settings.sync_minutes
        self.window.settings_requested.connect(self.edit_settings)
        self.window.demo_requested.connect(self.open_demo)
        self.desks: list[Desk] = []

    def apply(self, settings: DeskSettings) -> None:
        remove_translators(self.app, self.translators)
        self.translators = install_translators(
            self.app, settings.language, self.paths.data_dir / "translations"
        )
        apply_style(self.app, settings.font_scale, high_contrast=settings.high_contrast)
        self.settings = settings
        window = getattr(self, "window", None)
        if window is not None:
            window.sync_minutes = settings.sync_minutes
            if window.sync is not None:
                window.sync.set_interval(settings.sync_minutes)

    def start(self, open_desk: Callable[[], Desk]) -> None:
        probe_file = os.environ.get("OPDESK_STARTUP_PROBE")
        if probe_file:
            from opdesk.gui.probe import StartupProbe

            probe = StartupProbe(self.window, Path(probe_file))
            self.window.screens_ready.connect(probe.ready)
        self.window.show()
        # Open the database once the window has painted, not in a race with it.
        self.window.first_painted.connect(
            lambda: self.worker.submit(open_desk, self._attach, self.window.show_fatal)
        )

    def _attach(self, desk: Desk) -> None:
        self.desks.append(desk)
        self.window.attach(desk)  # sync joins later, at the chosen interval

    def open_demo(self) -> None:
        """Leave the real database alone: open (or make) the demo one beside it."""
        if self.demo_opener is not None:
            self.worker.submit(self.demo_opener, self._attach, self.window.show_fatal)

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.window, server_url=self.window.hq_address())
        if not dialog.exec():
            return
        moved = dialog.chosen_server_url()
        if moved is not None and self.window.sync is not None:
            self.window.sync.move_to(moved)
        chosen = dialog.chosen()
        language_changed = chosen.language != self.settings.language
        save_settings(self.paths.config_dir, chosen)
        self.apply(chosen)
        if language_changed:
            self.window.retranslate()

    def close(self) -> None:
        self.worker.wait()
        for desk in self.desks:
            desk.close()


def run(
    paths: Paths,
    *,
    open_desk: Callable[[], Desk],
    open_demo: Callable[[], Desk] | None = None,
    lang: str | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("opdesk")
    desk_app = DeskApplication(app, paths, lang=lang, demo_opener=open_demo)
    desk_app.start(open_desk)
    code = app.exec()
    desk_app.close()
    log.info("opdesk closed")
    return code
