"""Settings of this desk: language, size of the text, contrast."""

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
    QWidget,
)

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
    def __init__(self, current: DeskSettings, parent: QWidget | None = None) -> None:
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
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Text size"), self.font_scale)
        form.addRow("", self.contrast)
        form.addRow(self.tr("S&ync with HQ"), self.sync_minutes)
        form.addRow(buttons)

    def chosen(self) -> DeskSettings:
        return DeskSettings(
            language=str(self.language.currentData()),
            font_scale=int(self.font_scale.currentData()),
            high_contrast=self.contrast.isChecked(),
            sync_minutes=int(self.sync_minutes.currentData()),
        )
