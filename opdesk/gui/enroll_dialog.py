"""Connect this desk to HQ: the server's address and the one-time code HQ gave."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


def address_error(url: str) -> str | None:
    """What is wrong with an address written for HQ (None: nothing seen)."""
    url = url.strip()
    if not url.startswith(("https://", "http://")) or len(url) < 12 or " " in url:
        return QCoreApplication.translate(
            "EnrollDialog", "Write HQ's address, e.g. https://hq.example.org"
        )
    return None


class EnrollDialog(QDialog):
    """Stays open while HQ is asked, so that a refused code can be written again.

    Signals:
    submitted(str, str, object): address, code, CA file (a Path or None), once checked.
    """

    submitted = Signal(str, str, object)

    def __init__(self, server_url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to HQ"))
        intro = QLabel(
            self.tr(
                "HQ gives each desk a one-time code. Write HQ's address and the code: "
                "the desk then syncs by itself every few minutes."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.url = QLineEdit(server_url or "https://", self)
        self.url.setAccessibleName(self.tr("HQ address"))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Enrollment code"))
        self.code.setPlaceholderText("ABCD-2345")
        self.ca_file = QLineEdit(self)
        self.ca_file.setAccessibleName(self.tr("Certificate authority file"))
        self.ca_file.setPlaceholderText(self.tr("optional"))
        self.ca_file.setToolTip(self.tr("Only if HQ uses certificates of its own"))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = QLabel(self.tr("Asking HQ…"), self)
        self.busy.hide()
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self._asking = False
        self.form = form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("HQ &address"), self.url)
        form.addRow(self.tr("&Code"), self.code)
        ca_label = QLabel(self.tr("C&ertificates"), self)
        ca_label.setBuddy(self.ca_file)  # a row of two widgets gets no buddy by itself
        form.addRow(ca_label, ca_row)
        form.addRow(self.error)
        form.addRow(self.busy)
        form.addRow(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 72, 0)  # room for an address
        self._fit()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Certificate authority file"))
        if chosen:
            self.ca_file.setText(chosen)

    def _check(self) -> None:
        wrong = address_error(self.url.text())
        if wrong is not None:
            self.show_error(wrong)
            return
        if len(self.code.text().strip()) < 4:
            self.show_error(self.tr("Write the code HQ gave for this desk."))
            return
        self._ask(True)
        self.submitted.emit(*self.values())

    def failed(self, text: str) -> None:
        """HQ refused the code or could not be reached: say why, let it be written again."""
        self._ask(False)
        self.show_error(text)
        self.code.setFocus()
        self.code.selectAll()

    def reject(self) -> None:
        if not self._asking:  # HQ's answer is on its way: it will be kept
            super().reject()

    def _ask(self, asking: bool) -> None:
        self._asking = asking
        for widget in (self.url, self.code, self.ca_file, self.browse, self.buttons):
            widget.setEnabled(not asking)
        self.busy.setVisible(asking)
        if asking:
            self.error.hide()
        self._fit()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._fit()

    def _fit(self) -> None:
        """As high as the wrapped texts need at this width (the size hint, and the
        layout's minimum, guess them at a narrower one and clip them)."""
        needed = self.form.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        self.resize(self.width(), max(needed, self.height()))

    def values(self) -> tuple[str, str, Path | None]:
        ca = self.ca_file.text().strip()
        return self.url.text().strip(), self.code.text().strip(), Path(ca) if ca else None
