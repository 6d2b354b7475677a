"""Marking strings for translation without importing Qt.

``QT_TRANSLATE_NOOP`` has the name Qt's lupdate looks for, so the strings of the core are
extracted into the .ts files; the GUI translates them with ``QCoreApplication.translate``
using the same context. The CLI shows them in English.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
