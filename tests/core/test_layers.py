"""The core and the storage import no Qt: they could run a command-line tool or HQ."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import opdesk.core, opdesk.storage
names = []
for package in (opdesk.core, opdesk.storage):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations" in info.name:  # Alembic scripts, run by Alembic only
            continue
        importlib.import_module(info.name)
        names.append(info.name)
from opdesk.storage.migrate import open_database
assert "opdesk.core.services.people" in names and "opdesk.storage.engine" in names, names
qt = sorted(m for m in sys.modules if m.startswith("PySide6") or m.startswith("shiboken"))
assert not qt, qt
print(len(names))
"""


def test_core_and_storage_load_no_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20
