"""The nine comuni of the Rhodense, served by Sercop."""

from __future__ import annotations

from opdesk.storage.text import fold

RHODENSE = (
    "Arese",
    "Cornaredo",
    "Lainate",
    "Pero",
    "Pogliano Milanese",
    "Pregnana Milanese",
    "Rho",
    "Settimo Milanese",
    "Vanzago",
)
_BY_KEY = {fold(name): name for name in RHODENSE}


def canonical_comune(name: str | None) -> str | None:
    """One of the nine spelled properly when it is one of them; else the text, trimmed."""
    if name is None:
        return None
    cleaned = " ".join(name.split())
    if not cleaned:
        return None
    return _BY_KEY.get(fold(cleaned), cleaned)
