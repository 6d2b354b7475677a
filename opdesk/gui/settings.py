"""Settings of this desk: language, size of the text, contrast, sync; HQ's address."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opdesk.gui.enroll_dialog import address_error
from opdesk.gui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from opdesk.gui.style import FONT_SCALES

SYNC_MINUTES = (1, 2, 5, 10, 30)


@dataclass(frozen=True)
class DeskSettings:
    language: str = DEFAULT_LANGUAGE
    font_scale: int = 100
    high_contrast: bool = False
    sync_minutes: int = 5


def settings_file(config_dir: Path) -> QSettings:
    return QSettings(str(config_dir / "opdesk.ini"), QSettings.Format.IniFormat)


def load_settings(config_dir: Path) -> DeskSettings:
    store = settings_file(config_dir)
    language = str(store.value("language", DEFAULT_LANGUAGE))
    try:
        scale = int(str(store.value("font_scale", 100)))
    except ValueError:
        scale = 100
    contrast = str(store.value("high_contrast", "false")).lower() == "true"
    try:
        minutes = int(str(store.value("sync_minutes", 5)))
    except ValueError:
        minutes = 5
    return DeskSettings(
        language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
        font_scale=scale if scale in FONT_SCALES else 100,
        high_contrast=contrast,
        sync_minutes=minutes if minutes in SYNC_MINUTES else 5,
    )


def save_settings(config_dir: Path, settings: DeskSettings) -> None:
    store = settings_file(config_dir)
    store.setValue("language", settings.language)
    store.setValue("font_scale", settings.font_scale)
    store.setValue("high_contrast", "true" if settings.high_contrast else "false")
    store.setValue("sync_minutes", settings.sync_minutes)
    store.sync()


class SettingsDialog(QDialog):
    """``server_url``: HQ's address, for a desk connected to HQ (None: not connected, no
    address to change: the code comes first, in Desk → Connect to HQ…)."""

    def __init__(
        self, current: DeskSettings, parent: QWidget | None = None, *, server_url: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(current.language), 0))
        self.language.setAccessibleName(self.tr("Language"))
        self.font_scale = QComboBox(self)
        for scale in FONT_SCALES:
            self.font_scale.addItem(f"{scale}%", scale)
        self.font_scale.setCurrentIndex(max(self.font_scale.findData(current.font_scale), 0))
        self.font_scale.setAccessibleName(self.tr("Text size"))
        self.sync_minutes = QComboBox(self)
        for minutes in SYNC_MINUTES:
            self.sync_minutes.addItem(self.tr("every %n minute(s)", "", minutes), minutes)
        self.sync_minutes.setCurrentIndex(max(self.sync_minutes.findData(current.sync_minutes), 0))
        self.sync_minutes.setAccessibleName(self.tr("Sync with HQ"))
        self.contrast = QCheckBox(self.tr("&High contrast"), self)
        self.contrast.setChecked(current.high_contrast)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.server_url = QLineEdit(server_url or "", self)
        self.server_url.setAccessibleName(self.tr("HQ address"))
        self.server_url.setToolTip(self.tr("Only if HQ moved: this desk keeps its enrollment"))
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Text size"), self.font_scale)
        form.addRow("", self.contrast)
        form.addRow(self.tr("S&ync with HQ"), self.sync_minutes)
        if server_url is not None:
            form.addRow(self.tr("HQ &address"), self.server_url)
            self.server_url.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        else:
            self.server_url.hide()
        form.addRow(self.error)
        form.addRow(buttons)
        self._server_url = server_url

    def _check(self) -> None:
        if self._server_url is not None:
            wrong = address_error(self.server_url.text())
            if wrong is not None:
                self.error.setText(wrong)
                self.error.show()
                self.server_url.setFocus()
                return
        self.accept()

    def chosen_server_url(self) -> str | None:
        """HQ's new address, if it was changed (None: as it was, or not connected)."""
        if self._server_url is None:
            return None
        url = self.server_url.text().strip().rstrip("/")
        return url if url != self._server_url.rstrip("/") else None

    def chosen(self) -> DeskSettings:
        return DeskSettings(
            language=str(self.language.currentData()),
            font_scale=int(self.font_scale.currentData()),
            high_contrast=self.contrast.isChecked(),
            sync_minutes=int(self.sync_minutes.currentData()),
        )
