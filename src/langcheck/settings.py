"""Find the settings for each checked file: its nearest config file, overlaid with CLI flags.

A run over a tree may meet several config files (a team folder with its own `.langcheck.toml`
inside a repository with `[tool.langcheck]`); each file is checked with the nearest one, as in
ruff. Every setting is validated here, before any document is read, so that a mistake is one
line naming where it was made (the file, or the command line) rather than one line per file.
What each configuration needs is built once, by the Factory (factory.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langcheck.config import (
    Config,
    check_selectors,
    exclude_problem,
    find_config_file,
    names_no_rule,
    read_config_file,
    rules_folder_problem,
)
from langcheck.errors import ConfigError

COMMAND_LINE = "command line"


@dataclass(frozen=True, slots=True)
class Overlay:
    """The settings given on the command line, laid over each config file's.

    `select`/`ignore` replace the file's lists; the `extend_*` lists and `exclude` add to them;
    `values` replace single settings (subject, fail-on, ...).
    """

    values: dict[str, Any] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    extend_rules: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()

    def check(self) -> None:
        """Raise ConfigError for a command-line folder or glob that cannot work."""
        for folder in self.extend_rules:
            problem = rules_folder_problem(folder)
            if problem:
                raise ConfigError(COMMAND_LINE, "--extend-rules", problem)
        for glob in self.exclude:
            problem = exclude_problem(glob)
            if problem:
                raise ConfigError(COMMAND_LINE, "--exclude", problem)

    def apply(self, base: Config) -> Config:
        """Return `base` with these settings laid over it."""
        more: dict[str, Any] = {}
        if self.select:
            more["select"] = self.select
        if self.ignore:
            more["ignore"] = self.ignore
        select = more.get("select", base.select)
        if self.extend_select and select:  # an empty select is every rule: nothing to add
            more["select"] = (*select, *self.extend_select)
        if self.extend_ignore:
            more["ignore"] = (*more.get("ignore", base.ignore), *self.extend_ignore)
        if self.extend_rules:
            more["extend_rules"] = (*base.extend_rules, *self.extend_rules)
        if self.exclude:
            more["exclude"] = (*base.exclude, *self.exclude)
        return base.override(**self.values, **more)

    def selectors(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Return the rule selectors given on the command line, by option."""
        return (
            ("--select", self.select),
            ("--ignore", self.ignore),
            ("--extend-select", self.extend_select),
            ("--extend-ignore", self.extend_ignore),
        )


class SettingsResolver:
    """Map paths to their Config, reading and validating each config file once."""

    def __init__(self, *, explicit: Path | None = None, isolated: bool = False, overlay: Overlay | None = None) -> None:
        self.explicit = explicit
        self.isolated = isolated
        self.overlay = overlay or Overlay()
        self.overlay.check()
        self._by_file: dict[Path | None, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}
        if explicit is not None:
            self._by_file[explicit] = self._settle(read_config_file(explicit))

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
        """Return the effective settings for `path` (raises ConfigError for a bad setting)."""
        source = self.config_file_for(path)
        if source not in self._by_file:
            base = read_config_file(source) if source is not None else Config(root=Path.cwd())
            self._by_file[source] = self._settle(base)
        return self._by_file[source]

    def _settle(self, base: Config) -> Config:
        """Lay the command line over `base` and check every rule selector against the rules in force."""
        config = self.overlay.apply(base)
        given = [(option, s) for option, s in self.overlay.selectors() if s]
        if given or base.select or base.ignore or base.per_file_ignores:
            from langcheck.ruleset import load_rules

            rules = load_rules(config.extend_rules)
            check_selectors(base, rules, prefix="tool.langcheck." if _is_pyproject(base) else "")
            for option, selectors in given:
                unknown = rules.unknown_selectors(selectors)
                if unknown:
                    raise ConfigError(COMMAND_LINE, option, names_no_rule(unknown[0]))
        return config


def _is_pyproject(config: Config) -> bool:
    return config.source is not None and config.source.name == "pyproject.toml"
