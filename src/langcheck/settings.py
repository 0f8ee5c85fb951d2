"""Find the settings for each checked file: its nearest config file, overlaid with CLI flags.

A run over a tree may meet several config files (a team folder with its own `.langcheck.toml`
inside a repository with `[tool.langcheck]`); each file is checked with the nearest one, as in
ruff. What each configuration needs is built once, by the Factory (factory.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from langcheck.config import Config, find_config_file, load_config


class SettingsResolver:
    """Map paths to their Config, reading each config file once."""

    def __init__(
        self,
        *,
        explicit: Path | None = None,
        isolated: bool = False,
        overlay: Callable[[Config], Config] = lambda c: c,
    ) -> None:
        self.explicit = explicit
        self.isolated = isolated
        self.overlay = overlay
        self._by_file: dict[Path | None, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}
        if explicit is not None:
            self._by_file[explicit] = overlay(load_config(explicit))

    def config_file_for(self, path: Path) -> Path | None:
        """Return the config file that governs `path` (None: built-in defaults)."""
        if self.isolated:
            return None
        if self.explicit is not None:
            return self.explicit
        folder = (path if path.is_dir() else path.parent).resolve()
        if folder not in self._by_dir:
            self._by_dir[folder] = find_config_file(folder)
        return self._by_dir[folder]

    def config_for(self, path: Path) -> Config:
        """Return the effective settings for `path` (raises ConfigError for a bad file)."""
        source = self.config_file_for(path)
        if source not in self._by_file:
            base = load_config(source) if source is not None else Config(root=Path.cwd())
            self._by_file[source] = self.overlay(base)
        return self._by_file[source]
