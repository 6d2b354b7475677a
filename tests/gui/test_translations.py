"""The Italian translation is complete and in step with the code; .qm files are built."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "installer" / "translations.py"
TS = ROOT / "resources" / "translations"


def sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_italian_has_no_unfinished_entry() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_string_in_the_code_is_in_the_ts_files(tmp_path: Path) -> None:
    """lupdate run afresh on the code finds nothing the committed .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(__import__("PySide6").__file__).parent / "lupdate"
    files = [str(p) for p in sorted((ROOT / "opdesk").rglob("*.py"))]
    subprocess.run([str(lupdate), "-silent", *files, "-ts", str(fresh)], check=True)
    for language in ("it", "en"):
        missing = sources(fresh) - sources(TS / f"opdesk_{language}.ts")
        assert not missing, f"run: python installer/translations.py update ({language})"


def test_qm_files_are_built_not_committed(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(TOOL), "build", str(tmp_path)], check=True)
    assert sorted(p.name for p in tmp_path.glob("*.qm")) == ["opdesk_en.qm", "opdesk_it.qm"]
    tracked = subprocess.run(
        ["git", "ls-files", "*.qm"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout
    assert tracked.strip() == ""
