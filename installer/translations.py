"""Translation sources and builds.

    python installer/translations.py update   # refresh resources/translations/*.ts from the code
    python installer/translations.py build DIR  # compile the .ts files into .qm files in DIR
    python installer/translations.py check    # fail if Italian has unfinished entries

The .qm files are built (here, by the installer, or by the app on first start), never
committed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("it", "en")


def tool(name: str) -> str:
    return str(Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else "")))


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "opdesk").rglob("*.py"))]


def update() -> None:
    for language in LANGUAGES:
        target = TS_DIR / f"opdesk_{language}.ts"
        subprocess.run(
            [
                tool("lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                *sources(),
                "-ts",
                str(target.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )


def build(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted(TS_DIR.glob("opdesk_*.ts")):
        subprocess.run(
            [
                tool("lrelease"),
                "-silent",
                str(source),
                "-qm",
                str(out_dir / source.with_suffix(".qm").name),
            ],
            check=True,
        )


def unfinished(language: str = "it") -> list[str]:
    tree = ET.parse(TS_DIR / f"opdesk_{language}.ts")
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or not (translation.text or translation.findall("numerusform"))
        ):
            missing.append(source)
    return missing


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["build"] and len(argv) == 2:
        build(Path(argv[1]))
    elif argv[:1] == ["check"]:
        missing = unfinished()
        for source in missing:
            sys.stderr.write(f"unfinished: {source}\n")
        return 1 if missing else 0
    else:
        sys.stderr.write(__doc__ or "")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
