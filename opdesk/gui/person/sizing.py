"""Window sizes in characters and lines, so that a larger font gets a larger window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(dialog: QWidget, chars: int, lines: int) -> None:
    """A size that grows with the font (150% stays readable), within the screen."""
    metrics = dialog.fontMetrics()
    width, height = metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines
    screen = dialog.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    dialog.resize(width, height)
