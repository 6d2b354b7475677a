"""Readable at a counter: large type, strong contrast, a visible focus."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

FONT_SCALES = (100, 125, 150)
BASE_POINT_SIZE = 12

STYLE_SHEET = """
QWidget { color: #111111; }
QWidget:disabled { color: #767676; }
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
    background: #1d4f91; color: white; border: 2px solid #0b2a55;
}
QPushButton#primaryButton { background: #1d6b3a; color: white; font-weight: bold; }
QPushButton#primaryButton:disabled { background: #9ab5a4; }
*:focus { outline: 2px solid #e69f00; }
QLabel[role="fieldError"] { color: #a4000f; }
QCheckBox::indicator { width: 1em; height: 1em; }
QLabel#feedback {
    background: #e3f1e6; color: #0f3d1f; border: 1px solid #1d6b3a;
    border-radius: 4px; padding: 6px; font-weight: bold;
}
QLabel#visitNotice, QLabel#healthBanner {
    background: #fff4d6; color: #4d3300; border: 1px solid #b88400;
    border-radius: 4px; padding: 6px;
}
"""


HIGH_CONTRAST = """
QWidget { color: #ffffff; background: #000000; }
QLineEdit, QPlainTextEdit, QListView, QTableView, QComboBox {
    background: #000000; color: #ffffff; border: 2px solid #ffff00;
}
QListView::item:selected, QTableView::item:selected { background: #ffff00; color: #000000; }
QPushButton { background: #000000; color: #ffffff; border: 2px solid #ffffff; }
QPushButton:checked, QPushButton#primaryButton { background: #ffff00; color: #000000; }
QWidget:disabled, QPushButton:disabled { color: #a0a0a0; border-color: #707070; }
QLabel#feedback, QLabel#visitNotice, QLabel#healthBanner {
    background: #000000; color: #ffff00; border: 2px solid #ffff00;
}
QLabel[role="fieldError"] { color: #ff8080; }
*:focus { border: 3px solid #00ffff; }
"""


def apply_style(app: QApplication, scale: int, *, high_contrast: bool = False) -> None:
    scale = scale if scale in FONT_SCALES else 100
    font = QFont(app.font())
    point_size = round(BASE_POINT_SIZE * scale / 100)
    font.setPointSize(point_size)
    app.setFont(font)
    sheet = STYLE_SHEET % {"title": point_size + 2, "big": point_size + 4}
    app.setStyleSheet(sheet + (HIGH_CONTRAST if high_contrast else ""))
