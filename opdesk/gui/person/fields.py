"""The pieces of the person form: a labelled field with its error, and the compound ones."""

from __future__ import annotations

import re
from datetime import date

import phonenumbers
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from opdesk.core.errors import FieldError, ValidationFailed
from opdesk.core.rules.comuni import RHODENSE
from opdesk.core.rules.person import parse_birth_date

PARTICLES = {"d", "da", "de", "dei", "del", "della", "di", "la", "le", "lo", "van", "von"}
_CF_LIKE = re.compile(r"^[A-Za-z]{6}[0-9A-Za-z]{10}$")
_PHONE_LIKE = re.compile(r"^\+?[\d\s./-]{6,}$")


def split_search_text(text: str) -> dict[str, str]:
    """What a search text most likely was: a codice fiscale, a phone, or names
    (surname first, as the desk writes them; "de luca anna" keeps "De Luca" together)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return {}
    if _CF_LIKE.match(cleaned):
        return {"codice_fiscale": cleaned.upper()}
    if _PHONE_LIKE.match(cleaned):
        return {"phone": cleaned}
    words = [w.title() if w.islower() else w for w in cleaned.split()]
    take = 2 if len(words) >= 2 and words[0].lower() in PARTICLES else 1
    return {
        "family_name": " ".join(words[:take]),
        "given_name": " ".join(words[take:]),
    }


def phone_display(phone: str | None) -> str:
    """A stored number as people write it: "333 123 4567" in Italy, else international."""
    if not phone:
        return ""
    try:
        number = phonenumbers.parse(phone, "IT")
    except phonenumbers.NumberParseException:
        return phone
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 39
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))


BAD_YEAR = str(QT_TRANSLATE_NOOP("errors", "Write the year with four digits, e.g. 1980."))


class FieldBlock(QWidget):
    """A label with a mnemonic, the editor (or a row of them) and a red error line."""

    def __init__(
        self, label: str, body: QWidget, editor: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel(label, self)
        self.label.setBuddy(editor)
        self.error = QLabel(self)
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(body, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addLayout(self.row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def add(self, widget: QWidget) -> None:
        """Another widget beside the editor (a checkbox, a combo)."""
        self.row.addWidget(widget)

    def set_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.editor.setAccessibleDescription(text or "")

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""


class BirthField(QWidget):
    """A birth date as dd/mm/yyyy, or only the year when that is all the person knows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Birth date"))
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.only_year = QCheckBox(self.tr("only the &year"), self)
        self.only_year.setAccessibleName(self.tr("Only the birth year is known"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.only_year)
        self.setFocusProxy(self.text)
        self.only_year.toggled.connect(self._update_placeholder)
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        self.text.setPlaceholderText(
            self.tr("yyyy") if self.only_year.isChecked() else self.tr("dd/mm/yyyy")
        )

    def value(self) -> tuple[date | None, int | None, FieldError | None]:
        """(birth date, birth year, error); four digits alone are taken as the year."""
        text = self.text.text().strip()
        if not text:
            return None, None, None
        if self.only_year.isChecked() or _is_year(text):
            if _is_year(text):
                return None, int(text), None
            return None, None, FieldError("birth_year", BAD_YEAR)
        try:
            return parse_birth_date(text), None, None
        except ValidationFailed as exc:
            return None, None, exc.errors[0]

    def tidy(self) -> None:
        """Tick "only the year" when the text is a year alone."""
        if _is_year(self.text.text().strip()):
            self.only_year.setChecked(True)

    def set_value(self, birth_date: date | None, birth_year: int | None) -> None:
        if birth_date is not None:
            self.only_year.setChecked(False)
            self.text.setText(birth_date.strftime("%d/%m/%Y"))
        elif birth_year is not None:
            self.only_year.setChecked(True)
            self.text.setText(str(birth_year))
        else:
            self.only_year.setChecked(False)
            self.text.clear()


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4


class ComuneCombo(QComboBox):
    """The nine comuni of the Rhodense to pick from; any other comune can be typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(RHODENSE)
        self.setCurrentIndex(-1)
        self.setMaxVisibleItems(len(RHODENSE))
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Choose or type a comune"))

    def value(self) -> str | None:
        return self.currentText().strip() or None

    def set_value(self, name: str | None) -> None:
        index = self.findText(name) if name else -1
        self.setCurrentIndex(index)
        self.setEditText(name or "")


class ChoiceCombo(QComboBox):
    """A fixed choice among codes; the first entry is "no choice" (None).

    Signals:
        choice_changed(): the chosen code changed.
    """

    choice_changed = Signal()

    def __init__(self, empty: str, choices: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.addItem(empty, None)
        for code, label in choices.items():
            self.addItem(label, code)
        self.currentIndexChanged.connect(lambda _index: self.choice_changed.emit())

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        self.setCurrentIndex(max(index, 0))
