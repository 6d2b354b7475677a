"""The person form: every field with its label and its error, checked as you leave it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from opdesk.core.errors import FieldError, ValidationFailed
from opdesk.core.rules.codice_fiscale import load_tables
from opdesk.core.rules.person import PersonFields, is_minor, normalize_person
from opdesk.gui.errors import field_error_text
from opdesk.gui.person.fields import (
    BirthField,
    ChoiceCombo,
    ComuneCombo,
    FieldBlock,
    phone_display,
    split_search_text,
)
from opdesk.gui.person.form_layout import lay_out
from opdesk.gui.person.labels import CF_MISSING_LABELS, SEX_LABELS, cf_missing_label, sex_label

# Errors about these fields show under another block.
BLOCK_OF = {
    "birth_date": "birth",
    "birth_year": "birth",
    "cf_missing_reason": "codice_fiscale",
    "homeless": "residence_address",
}
SKIPPED_FOCUS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


@cache
def warm_up_cf_rules() -> None:
    """Once, in the background, when a form opens: leaving the codice fiscale field
    never stutters while the comuni tables load."""
    QThreadPool.globalInstance().start(load_tables)


class PersonForm(QWidget):
    """Signals:
    edited(): the volunteer changed something.
    minor_changed(bool): the birth date or year now says a minor (True) or not.
    """

    edited = Signal()
    minor_changed = Signal(bool)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        warm_up_cf_rules()
        self.touched: set[str] = set()
        self.minor = False
        self._block_of_widget: dict[QObject, str] = {}
        self.blocks: dict[str, FieldBlock] = {}

        self.family_name = self._line(
            "family_name", self.tr("&Family name"), self.tr("Family name")
        )
        self.given_name = self._line("given_name", self.tr("&Given name"), self.tr("Given name"))
        self.birth = BirthField(self)
        self._block("birth", self.tr("&Birth date"), self.birth, self.birth.text)
        self._watch(self.birth.only_year, "birth")
        self.sex = ChoiceCombo(self.tr("not stated"), {c: sex_label(c) for c in SEX_LABELS}, self)
        self._block("sex", self.tr("&Sex"), self.sex, self.sex, self.tr("Sex"))
        self.birth_place = self._line(
            "birth_place", self.tr("Birth &place"), self.tr("Birth place")
        )
        self.citizenship = self._line(
            "citizenship", self.tr("Ci&tizenship"), self.tr("Citizenship")
        )
        self.codice_fiscale = self._line(
            "codice_fiscale", self.tr("C&odice fiscale"), self.tr("Codice fiscale")
        )
        self.codice_fiscale.setMaxLength(20)
        self.cf_missing = ChoiceCombo(
            "—",
            {c: cf_missing_label(c) for c in CF_MISSING_LABELS},
            self,
        )
        self._block(
            "cf_missing",
            self.tr("&No codice fiscale because"),
            self.cf_missing,
            self.cf_missing,
            self.tr("Why there is no codice fiscale"),
        )
        self._block_of_widget[self.cf_missing] = "codice_fiscale"
        self.phone = self._line("phone", self.tr("P&hone"), self.tr("Phone"))
        self.residence_comune = self._comune(
            "residence_comune", self.tr("&Residence: comune"), self.tr("Comune of residence")
        )
        self.residence_address = self._line(
            "residence_address", self.tr("Residence addr&ess"), self.tr("Residence address")
        )
        self.homeless = QCheckBox(self.tr("No fi&xed abode"), self)
        self.homeless.setAccessibleName(self.tr("No fixed abode"))
        self._watch(self.homeless, "residence_address")
        self.domicile_comune = self._comune(
            "domicile_comune", self.tr("&Domicile: comune"), self.tr("Comune of domicile")
        )
        self.domicile_address = self._line(
            "domicile_address", self.tr("Domic&ile address"), self.tr("Domicile address")
        )
        self.domicile_hint = QLabel(self.tr("Where the person is staying now, if elsewhere."), self)
        self.domicile_hint.setWordWrap(True)

        lay_out(self)

        self.codice_fiscale.textChanged.connect(
            lambda text: self.cf_missing.setEnabled(not text.strip())
        )
        self.homeless.toggled.connect(lambda on: self.residence_address.setDisabled(on))
        self.birth.only_year.toggled.connect(lambda _on: self._update_minor())
        for signal in self._edit_signals():
            signal.connect(lambda *_args: self.edited.emit())

    # building -----------------------------------------------------------------------
    def _block(
        self, key: str, label: str, block_widget: QWidget, editor: QWidget, name: str = ""
    ) -> FieldBlock:
        block = FieldBlock(label, block_widget, editor, self)
        if name:
            editor.setAccessibleName(name)
        self.blocks[key] = block
        self._watch(editor, key)
        return block

    def _line(self, key: str, label: str, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        self._block(key, label, edit, edit, name)
        return edit

    def _comune(self, key: str, label: str, name: str) -> ComuneCombo:
        combo = ComuneCombo(self)
        self._block(key, label, combo, combo, name)
        return combo

    def _watch(self, widget: QWidget, key: str) -> None:
        self._block_of_widget[widget] = key
        widget.installEventFilter(self)

    def _edit_signals(self) -> Iterable[SignalInstance]:
        for line in self.findChildren(QLineEdit):
            yield line.textEdited
        for combo in (self.sex, self.cf_missing):
            yield combo.choice_changed
        for comune in (self.residence_comune, self.domicile_comune):
            yield comune.editTextChanged
        for box in (self.homeless, self.birth.only_year):
            yield box.toggled

    # reading and writing -------------------------------------------------------------
    def raw_fields(self) -> tuple[PersonFields, FieldError | None]:
        """The fields as typed (not yet normalised), and the error of an unreadable date."""
        birth_date, birth_year, birth_error = self.birth.value()
        homeless = self.homeless.isChecked()

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        code = text(self.codice_fiscale)
        fields = PersonFields.model_validate(
            {
                "family_name": text(self.family_name),
                "given_name": text(self.given_name),
                "birth_date": birth_date,
                "birth_year": birth_year,
                "birth_place": text(self.birth_place),
                "sex": self.sex.value(),
                "codice_fiscale": code,
                "cf_missing_reason": None if code else self.cf_missing.value(),
                "citizenship": text(self.citizenship),
                "residence_comune": self.residence_comune.value(),
                "residence_address": None if homeless else text(self.residence_address),
                "homeless": homeless,
                "domicile_comune": self.domicile_comune.value(),
                "domicile_address": text(self.domicile_address),
                "phone": text(self.phone),
            }
        )
        return fields, birth_error

    def check(self) -> tuple[PersonFields | None, list[FieldError]]:
        """The normalised fields, or the errors of every field that is wrong."""
        raw, birth_error = self.raw_fields()
        errors = [birth_error] if birth_error else []
        cleaned: PersonFields | None = None
        try:
            cleaned, _national = normalize_person(raw, on=self.today())
        except ValidationFailed as exc:
            errors.extend(exc.errors)
        return (None if errors else cleaned), errors

    def set_fields(self, fields: PersonFields) -> None:
        self.family_name.setText(fields.family_name or "")
        self.given_name.setText(fields.given_name or "")
        self.birth.set_value(fields.birth_date, fields.birth_year)
        self.sex.set_value(fields.sex)
        self.birth_place.setText(fields.birth_place or "")
        self.citizenship.setText(fields.citizenship or "")
        self.codice_fiscale.setText(fields.codice_fiscale or "")
        self.cf_missing.set_value(fields.cf_missing_reason)
        self.phone.setText(phone_display(fields.phone))
        self.residence_comune.set_value(fields.residence_comune)
        self.residence_address.setText(fields.residence_address or "")
        self.homeless.setChecked(fields.homeless)
        self.domicile_comune.set_value(fields.domicile_comune)
        self.domicile_address.setText(fields.domicile_address or "")
        self._update_minor()

    def prefill(self, text: str) -> None:
        for key, value in split_search_text(text).items():
            edit = getattr(self, key)
            assert isinstance(edit, QLineEdit)
            edit.setText(value)

    def snapshot(self) -> tuple[object, ...]:
        """Everything typed, to tell whether anything changed."""
        lines = tuple(line.text() for line in self.findChildren(QLineEdit))
        boxes = (self.homeless.isChecked(), self.birth.only_year.isChecked())
        return (*lines, *boxes, self.sex.value(), self.cf_missing.value())

    # validation ------------------------------------------------------------------------
    def validate_block(self, key: str) -> None:
        """The field ``key`` was left: show its error, and refresh those already shown."""
        self.touched.add(key)
        self._update_minor()
        self.show_errors(self.check()[1], everywhere=False)

    def show_errors(self, errors: list[FieldError], *, everywhere: bool = True) -> None:
        if everywhere:
            self.touched.update(self.blocks)
        texts: dict[str, list[str]] = {}
        for error in errors:
            key = BLOCK_OF.get(error.field, error.field)
            texts.setdefault(key, []).append(field_error_text(error))
        names_pending = "given_name" not in self.touched and not (
            self.given_name.text().strip() or self.family_name.text().strip()
        )
        for key, block in self.blocks.items():
            shown = key in self.touched and not (key == "family_name" and names_pending)
            block.set_error("\n".join(texts.get(key, [])) if shown else None)

    def first_error_editor(self) -> QWidget | None:
        for block in self.blocks.values():
            if block.error_text():
                return block.editor
        return None

    def _update_minor(self) -> None:
        birth_date, birth_year, _error = self.birth.value()
        minor = is_minor(birth_date, birth_year, on=self.today())
        if minor != self.minor:
            self.minor = minor
            self.minor_changed.emit(minor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            assert isinstance(event, QFocusEvent)
            key = self._block_of_widget.get(watched)
            if key is not None and event.reason() not in SKIPPED_FOCUS:
                if watched is self.birth.text:
                    self.birth.tidy()
                self.validate_block(key)
        elif kind == QEvent.Type.KeyPress and isinstance(watched, QLineEdit | QComboBox):
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)
