"""Where opdesk keeps its files: platformdirs, overridable for tests and portable installs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "opdesk"
APP_AUTHOR = "Sercop"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "opdesk.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def ensure(self) -> Paths:
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | Path | None = None) -> Paths:
    """The argument wins over OPDESK_DATA_DIR, which wins over the platform's default."""
    chosen = data_dir or os.environ.get("OPDESK_DATA_DIR")
    if chosen:
        base = Path(chosen).expanduser().resolve()
        config = os.environ.get("OPDESK_CONFIG_DIR")
        return Paths(
            data_dir=base,
            config_dir=Path(config).resolve() if config else base / "config",
            log_dir=base / "logs",
        )
    config = os.environ.get("OPDESK_CONFIG_DIR")
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        config_dir=Path(config)
        if config
        else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )
