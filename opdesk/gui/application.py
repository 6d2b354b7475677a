"""Start-up: a window on screen first, the database opened behind it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from opdesk.core.services.desk import Desk
from opdesk.gui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translators
from opdesk.gui.main_window import MainWindow
from opdesk.gui.style import apply_style
from opdesk.gui.worker import DbWorker
from opdesk.paths import Paths

log = logging.getLogger(__name__)


def settings_for(paths: Paths) -> QSettings:
    return QSettings(str(paths.config_dir / "opdesk.ini"), QSettings.Format.IniFormat)


def run(paths: Paths, *, open_desk: Callable[[], Desk], lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("opdesk")
    settings = settings_for(paths)
    language = lang or str(settings.value("language", DEFAULT_LANGUAGE))
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    install_translators(app, language, paths.data_dir / "translations")
    apply_style(app, int(str(settings.value("font_scale", 100))))
    worker = DbWorker(app)
    window = MainWindow(worker)
    window.show()
    desks: list[Desk] = []

    def attach(desk: Desk) -> None:
        desks.append(desk)
        window.attach(desk)

    worker.submit(open_desk, attach, window.show_fatal)
    code = app.exec()
    worker.wait()
    for desk in desks:
        desk.close()
    log.info("opdesk closed")
    return code
