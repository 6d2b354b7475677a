"""An offscreen screen the size of a counter PC's (1366x768), for snapshots and tests.

Qt's offscreen platform otherwise pretends an 800x800 screen, so dialogs sized to the
screen come out smaller than any desk would show them.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

COUNTER_SCREEN = {"width": 1366, "height": 768}


def use_counter_screen() -> None:
    """Select the offscreen platform with a 1366x768 screen, unless a platform with a
    configuration was chosen already (plain "offscreen" gets the screen added)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if chosen != "offscreen":
        return
    config = Path(tempfile.gettempdir()) / "opdesk-offscreen-screen.json"
    screen = {"name": "counter", "x": 0, "y": 0, "logicalDpiX": 96, "logicalDpiY": 96}
    config.write_text(json.dumps({"screens": [screen | COUNTER_SCREEN]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
