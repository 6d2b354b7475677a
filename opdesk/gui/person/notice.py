"""The privacy notice (GDPR art. 13) as HTML templates, one per language, each versioned.

A file in the user's config folder wins over the one shipped in ``resources/informativa``;
a language is added by dropping ``<code>.html`` in either. No widgets here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from opdesk.gui.i18n import resources_dir

PREFERRED = ("it", "en", "ar", "fr", "uk", "ro")
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})
VERSION_META = "notice-version"


@dataclass(frozen=True)
class Notice:
    language: str
    html: str
    version: str
    path: Path

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT


class _VersionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.version: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name") == VERSION_META and self.version is None:
            self.version = (values.get("content") or "").strip() or None


def notice_version(html: str, language: str) -> str:
    """The version in ``<meta name="notice-version">``; else a fingerprint of the text,
    so that a consent always says which words the person was shown."""
    parser = _VersionParser()
    parser.feed(html)
    if parser.version:
        return parser.version
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:10]
    return f"{language}-{digest}"


def shipped_dir() -> Path:
    return resources_dir() / "informativa"


def search_dirs(templates_dir: Path | None) -> list[Path]:
    return [d for d in (templates_dir, shipped_dir()) if d is not None]


def available_languages(templates_dir: Path | None) -> list[str]:
    found: set[str] = set()
    for folder in search_dirs(templates_dir):
        if folder.is_dir():
            found.update(p.stem for p in folder.glob("*.html") if p.stem.isalpha())
    known = [code for code in PREFERRED if code in found]
    return known + sorted(found - set(PREFERRED))


def load_notice(language: str, templates_dir: Path | None) -> Notice:
    """The notice in ``language`` (the user's copy first); FileNotFoundError if none."""
    for folder in search_dirs(templates_dir):
        path = folder / f"{language}.html"
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            return Notice(language, html, notice_version(html, language), path)
    raise FileNotFoundError(f"no privacy notice for {language!r}")


def default_language(ui_language: str, templates_dir: Path | None) -> str:
    languages = available_languages(templates_dir)
    if ui_language in languages:
        return ui_language
    return "it" if "it" in languages else (languages[0] if languages else "it")
