"""The window is shown before the database and sync stacks load: the modules the first
paint needs must not import them (a top-level import here once cost 650 ms of it)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "httpx", "alembic", "pydantic")


def test_the_main_window_module_loads_no_database_or_http_library() -> None:
    code = (
        "import sys; import opdesk.gui.main_window, opdesk.gui.application; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""
