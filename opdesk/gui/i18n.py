"""Translations: our .ts sources compiled to .qm when needed, and Qt's own qtbase."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def ts_dir() -> Path:
    return resources_dir() / "translations"


def lrelease() -> Path:
    return Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )


def build_translations(out_dir: Path, *, force: bool = False) -> list[Path]:
    """Compile every .ts into ``out_dir`` when the .qm is missing or older."""
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for source in sorted(ts_dir().glob("opdesk_*.ts")):
        target = out_dir / source.with_suffix(".qm").name
        if force or not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run(
                [str(lrelease()), "-silent", str(source), "-qm", str(target)],
                check=True,
                capture_output=True,
            )
            built.append(target)
    return built


def install_translators(app: QCoreApplication, language: str, qm_dir: Path) -> list[QTranslator]:
    """Load Qt's own strings and ours for ``language`` (English needs ours only for the
    plural forms of counted phrases)."""
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Italian if language == "it" else QLocale.Language.English,
            QLocale.Country.Italy,
        )
    )
    try:
        build_translations(qm_dir)
    except (OSError, subprocess.CalledProcessError):
        log.exception("could not build the translations")
    translators = []
    if language != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            translators.append(qt)
    ours = QTranslator(app)
    if ours.load(str(qm_dir / f"opdesk_{language}.qm")):
        translators.append(ours)
    else:
        log.warning("no translation file for %s", language)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
