"""The window is shown before the database and sync stacks load: the modules the first
paint needs must not import them (a top-level import here once cost 650 ms of it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from opdesk.app import open_desk
from opdesk.paths import resolve_paths

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


def test_an_up_to_date_desk_opens_without_alembic_or_postgresql(tmp_path: Path) -> None:
    """Alembic and PostgreSQL's dialect are only for migrating and for HQ: the counter's
    start-up does not wait for them (a fifth of a second)."""
    paths = resolve_paths(tmp_path)
    open_desk(paths).close()  # made and migrated once
    code = (
        "import sys; from pathlib import Path; from opdesk.app import open_desk; "
        "from opdesk.paths import resolve_paths; "
        f"open_desk(resolve_paths(Path({str(tmp_path)!r})), integrity='background').close(); "
        "print(','.join(m for m in ('alembic', 'sqlalchemy.dialects.postgresql') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""
