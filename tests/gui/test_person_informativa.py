"""The privacy notice: shipped and user templates, versions, right-to-left, PDF."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from opdesk.gui.person.informativa import InformativaDialog
from opdesk.gui.person.notice import available_languages, load_notice, notice_version

ARABIC = (
    '<html dir="rtl"><head><meta name="notice-version" content="2026-11-ar"></head>'
    "<body><h1>كيف نستخدم بياناتك</h1></body></html>"
)


def test_shipped_notices_carry_their_version() -> None:
    for language in ("it", "en"):
        notice = load_notice(language, None)
        assert notice.version == "2026-11"
        assert "Sercop" in notice.html
    assert available_languages(None)[:2] == ["it", "en"]


def test_a_notice_without_version_gets_a_fingerprint() -> None:
    assert notice_version("<p>ciao</p>", "ro").startswith("ro-")
    assert notice_version("<p>ciao</p>", "ro") != notice_version("<p>salut</p>", "ro")


def test_user_templates_win_and_add_languages(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "it.html").write_text(
        '<meta content="2027-01" name="notice-version"><p>Nuova</p>', encoding="utf-8"
    )
    (tmp_path / "ar.html").write_text(ARABIC, encoding="utf-8")
    assert available_languages(tmp_path)[:3] == ["it", "en", "ar"]
    dialog = InformativaDialog(tmp_path, "it")
    qtbot.addWidget(dialog)
    shown: list[str] = []
    dialog.notice_shown.connect(lambda notice: shown.append(notice.version))
    assert dialog.version.text() == "Version 2027-01"
    assert dialog.browser.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    assert shown == ["2026-11-ar"]
    assert dialog.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = dialog.browser.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert shown[-1] == "2026-11"
    assert "Data Protection Officer" in dialog.browser.toPlainText()


def test_the_notice_is_saved_as_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = InformativaDialog(None, "it")
    qtbot.addWidget(dialog)
    assert "Versione 2026-11" in dialog.browser.toPlainText()
    target = tmp_path / "informativa.pdf"
    dialog.save_pdf(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_print_opens_the_print_dialog_without_blocking(qtbot: QtBot) -> None:
    dialog = InformativaDialog(None, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.print_notice()
    printer_dialog = dialog.findChild(QPrintDialog)
    assert printer_dialog is not None
    qtbot.waitUntil(printer_dialog.isVisible)
    printer_dialog.reject()


def test_save_as_pdf_asks_where_then_writes(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = InformativaDialog(None, "it")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_pdf()
    chooser = dialog.findChild(QFileDialog)
    assert chooser is not None
    assert chooser.selectedFiles()[0].endswith("informativa-it-2026-11.pdf")
    target = tmp_path / "copia.pdf"
    chooser.selectFile(str(target))
    chooser.accept()
    assert target.read_bytes().startswith(b"%PDF")
