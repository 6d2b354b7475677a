"""Readable at a counter: large type, strong contrast, a visible focus."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

FONT_SCALES = (100, 125, 150)
BASE_POINT_SIZE = 12

STYLE_SHEET = """
QWidget { color: #111111; }
QMainWindow, QDialog { background: #f7f7f5; }
QLabel#sectionTitle { font-weight: bold; font-size: %(title)dpt; }
QLabel#visitTitle { font-weight: bold; font-size: %(big)dpt; }
QLineEdit#searchField {
    font-size: %(big)dpt; padding: 6px; border: 2px solid #1d4f91;
    border-radius: 4px; background: white;
}
QListView#searchResults, QTableView {
    background: white; selection-background-color: #1d4f91; selection-color: white;
}
QPushButton { padding: 6px 12px; }
QPushButton#topicButton:checked {
    background: #1d4f91; color: white; font-weight: bold; border: 2px solid #0b2a55;
}
QPushButton#primaryButton { background: #1d6b3a; color: white; font-weight: bold; }
QPushButton#primaryButton:disabled { background: #9ab5a4; }
*:focus { outline: 2px solid #e69f00; }
QLabel[role="fieldError"] { color: #a4000f; }
"""


def apply_style(app: QApplication, scale: int) -> None:
    scale = scale if scale in FONT_SCALES else 100
    font = QFont(app.font())
    point_size = round(BASE_POINT_SIZE * scale / 100)
    font.setPointSize(point_size)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET % {"title": point_size + 2, "big": point_size + 4})
