"""The privacy notice on screen, in the person's language, to read, print or save."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from opdesk.gui.person.notice import Notice, available_languages, default_language, load_notice
from opdesk.gui.person.sizing import fit_to_screen

log = logging.getLogger(__name__)
PDF_MARGIN_MM = 20


def language_name(code: str) -> str:
    """The language in its own words (endonym), as a chooser should show it."""
    if code == "en":
        return "English"  # Qt says "American English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class InformativaDialog(QDialog):
    """Signals:
    notice_shown(object): the Notice now on screen (its version goes with the consent).
    """

    notice_shown = Signal(object)

    def __init__(
        self,
        templates_dir: Path | None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.templates_dir = templates_dir
        self.notice: Notice | None = None
        self.setWindowTitle(self.tr("Privacy notice"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the notice"))
        for code in available_languages(templates_dir):
            self.language.addItem(language_name(code), code)
        language_label = QLabel(self.tr("&Language"), self)
        language_label.setBuddy(self.language)
        self.version = QLabel(self)
        self.version.setAccessibleName(self.tr("Version of the notice"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Privacy notice"))
        self.browser.setOpenLinks(False)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.version)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        for button in (self.print_button, self.pdf_button, self.close_button):
            button.setAutoDefault(False)
        self.language.currentIndexChanged.connect(
            lambda _index: self.set_language(str(self.language.currentData()))
        )
        self.print_button.clicked.connect(self.print_notice)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.close_button.clicked.connect(self.accept)
        fit_to_screen(self, 90, 34)
        ui_language = QLocale().name()[:2]
        self.set_language(language or default_language(ui_language, templates_dir))

    def set_language(self, code: str) -> None:
        try:
            notice = load_notice(code, self.templates_dir)
        except (OSError, UnicodeDecodeError):
            log.exception("cannot read the privacy notice for %s", code)
            self.browser.setPlainText(self.tr("The privacy notice in this language is missing."))
            return
        self.notice = notice
        index = self.language.findData(code)
        if index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)
        direction = (
            Qt.LayoutDirection.RightToLeft
            if notice.right_to_left
            else Qt.LayoutDirection.LeftToRight
        )
        self.browser.setLayoutDirection(direction)
        document = self.browser.document()
        option = document.defaultTextOption()
        option.setTextDirection(direction)
        document.setDefaultTextOption(option)
        self.browser.setHtml(notice.html)
        self.version.setText(self.tr("Version {version}").format(version=notice.version))
        self.notice_shown.emit(notice)

    def printable(self) -> QTextDocument:
        return self.browser.document().clone()

    def print_notice(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.printable().print_(printer))
        QDialog.open(dialog)

    def save_pdf(self, path: Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
        writer.setTitle(self.windowTitle())
        self.printable().print_(writer)

    def choose_pdf(self) -> None:
        notice = self.notice
        name = f"informativa-{notice.language}-{notice.version}.pdf" if notice else "notice.pdf"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, self.tr("Save the notice as PDF"), str(Path(folder) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda chosen: self.save_pdf(Path(chosen)))
        dialog.open()
