"""Finds text that a widget cannot show whole: labels, buttons, check boxes, headers."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableView, QWidget


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_texts(root: QWidget) -> list[str]:
    """One line per visible widget whose text is wider (or, wrapped, taller) than the
    room it is given, or that shows a shortcut's "&" as a character."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.textFormat() == widget.textFormat().RichText:
                continue
            if _plain(widget.text()) != widget.text() and widget.buddy() is None:
                problems.append(f"label {widget.text()!r}: its & is shown, it has no buddy")
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height():
                    problems.append(
                        f"label {widget.text()[:40]!r}: {needed}px high in {widget.height()}px"
                    )
                continue
            needed = widget.fontMetrics().horizontalAdvance(_plain(widget.text()))
            room = widget.contentsRect().width() - 2 * widget.margin()
            if needed > room:
                problems.append(f"label {widget.text()!r}: {needed}px in {room}px")
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            needed = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            room = widget.width() - 12  # the frame and the text margins
            if needed > room:
                problems.append(f"hint {widget.placeholderText()!r}: {needed}px in {room}px")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint().width()
            if hint > widget.width():
                problems.append(f"button {widget.text()!r}: wants {hint}px, has {widget.width()}px")
        elif isinstance(widget, QTableView):
            header = widget.horizontalHeader()
            model = widget.model()
            for column in range(model.columnCount()):
                text = str(model.headerData(column, header.orientation()) or "")
                needed = header.fontMetrics().horizontalAdvance(text) + 8
                if header.sectionSize(column) and needed > header.sectionSize(column):
                    problems.append(
                        f"header {text!r}: {needed}px in {header.sectionSize(column)}px"
                    )
    return problems
