"""Consents per purpose, ticked only after the privacy notice was shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from opdesk.core.mutations.consent import Purpose
from opdesk.gui.person.informativa import InformativaDialog, language_name
from opdesk.gui.person.notice import Notice


class ConsentsBox(QWidget):
    """Signals:
    changed(): a consent was ticked or unticked, or the notice was shown.
    """

    changed = Signal()

    def __init__(self, templates_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates_dir = templates_dir
        self.notice: Notice | None = None
        self.dialog: InformativaDialog | None = None
        title = QLabel(self.tr("Consents"), self)
        title.setObjectName("sectionTitle")
        self.show_button = QPushButton(self.tr("Show the privacy noti&ce (F4)"), self)
        self.show_button.setAutoDefault(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.boxes: dict[Purpose, QCheckBox] = {
            "registration": QCheckBox(self.tr("Registr&ation at the opcafè (required)"), self),
            "network_index": QCheckBox(
                self.tr("Findab&le at the other opcafè of the Rhodense"), self
            ),
            "contact": QCheckBox(self.tr("Contact by phone for re&minders and follow-up"), self),
            "referral_sharing": QCheckBox(
                self.tr("Sharing with the ser&vices the person is referred to"), self
            ),
        }
        self.minor_note = QLabel(
            self.tr("For a minor, the consent is given by the parent or guardian chosen beside."),
            self,
        )
        self.minor_note.setWordWrap(True)
        self.minor_note.hide()
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        show_row = QHBoxLayout()
        show_row.addWidget(self.show_button)
        show_row.addStretch(1)
        layout.addLayout(show_row)
        layout.addWidget(self.status)
        for box in self.boxes.values():
            box.setEnabled(False)
            box.toggled.connect(self._ticked)
            layout.addWidget(box)
        layout.addWidget(self.minor_note)
        layout.addWidget(self.error)
        self.show_button.clicked.connect(self.show_notice)
        self._update_status()

    def show_notice(self) -> InformativaDialog:
        """Open the notice beside the form (not blocking); the consents can then be ticked."""
        if self.dialog is None:
            self.dialog = InformativaDialog(self.templates_dir, parent=self.window())
            self.dialog.notice_shown.connect(self._shown)
            self.dialog.finished.connect(self._closed)
            if self.dialog.notice is not None:
                self._shown(self.dialog.notice)
        self.dialog.open()
        return self.dialog

    def _closed(self, _result: int) -> None:
        """Back from the notice: on to the consents."""
        self.window().activateWindow()
        self.boxes["registration"].setFocus()

    def _shown(self, notice: Notice) -> None:
        self.notice = notice
        for box in self.boxes.values():
            box.setEnabled(True)
        self._update_status()
        self.changed.emit()

    def _ticked(self, _on: bool) -> None:
        if self.boxes["registration"].isChecked():
            self.set_error(None)
        self.changed.emit()

    def _update_status(self) -> None:
        notice = self.notice
        if notice is None:
            self.status.setText(self.tr("Show the notice to the person before they consent."))
        else:
            self.status.setText(
                self.tr("Notice shown: version {version}, {language}.").format(
                    version=notice.version, language=language_name(notice.language)
                )
            )

    def set_minor(self, minor: bool) -> None:
        self.minor_note.setVisible(minor)

    def purposes(self) -> list[Purpose]:
        return [p for p, box in self.boxes.items() if box.isChecked() and box.isEnabled()]

    def version(self) -> str | None:
        return self.notice.version if self.notice else None

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
